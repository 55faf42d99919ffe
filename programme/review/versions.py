"""The two versions a review compares, each read through the one loader: a git revision of the data file, a file given
explicitly, or the working tree; with the golden self-check cases that sit beside the data file in that version.

A revision is only ever a revision (`git rev-parse --verify REV^{commit}`): a file of the same name in the working
tree is never read in its place, so that a pull request cannot pose a copy of its own data as the base.
"""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from programme.data.cases import cases_dir_of, parse_golden_cases
from programme.data.errors import DataError
from programme.data.loader import check
from programme.data.model import Programme


@dataclass(frozen=True)
class Version:
    """One side of the comparison: where it came from, its data and programme if sound, and its problems."""

    label: str
    data: object = None
    programme: Programme | None = None
    problems: tuple[DataError, ...] = ()
    cases: tuple[dict, ...] = ()


def file_version(path: Path, *, with_cases: bool) -> Version:
    """The data in a file (the working tree's, or one given explicitly), with the golden cases beside it."""
    checked = check(path)
    cases = parse_golden_cases(_folder_texts(cases_dir_of(path)))[0] if with_cases else ()
    return Version(checked.label, checked.data, checked.programme, checked.problems, cases)


def revision_version(revision: str, data_path: Path, *, with_cases: bool, root: Path) -> Version:
    """The data file at `data_path` (in the repository at `root`) as it was at a git revision; never raises."""
    relative = data_path.resolve().relative_to(root.resolve()).as_posix()
    label = f"{revision}:{relative}"
    commit, error = _commit(root, revision)
    if commit is None:
        return Version(label, problems=(DataError(0, 0, (), f"cannot read {relative} at {revision!r}: {error}", label),))
    text, error = _git_show(root, commit, relative)
    if text is None:
        return Version(label, problems=(DataError(0, 0, (), f"cannot read {relative} at {revision!r}: {error}", label),))
    folder = PurePosixPath(relative).parent

    def documents(document: str) -> bytes | str:
        content, error = _git_show(root, commit, (folder / document).as_posix())
        return content if content is not None else f"cannot read {document} at {revision!r}: {error}"

    checked = check(data_path, text=text, label=label, documents=documents)
    cases = _revision_cases(root, commit, cases_dir_of(Path(relative)).as_posix()) if with_cases else ()
    return Version(label, checked.data, checked.programme, checked.problems, cases)


def repository_of(data_path: Path) -> Path:
    """The top folder of the git repository that holds the data file (its own folder if git knows none)."""
    folder = data_path.resolve().parent
    completed = _git(folder, "rev-parse", "--show-toplevel")
    if completed is None or completed.returncode != 0:
        return folder
    return Path(completed.stdout.decode().strip())


def _commit(root: Path, revision: str) -> tuple[str | None, str]:
    """The commit a revision names, or None and why; a revision is never read as an option or a file."""
    if revision.startswith("-"):
        return None, "a revision cannot start with '-'"
    completed = _git(root, "rev-parse", "--verify", "--quiet", "--end-of-options", f"{revision}^{{commit}}")
    if completed is None or completed.returncode != 0:
        return None, "git knows no such revision"
    return completed.stdout.decode().strip(), ""


def _git_show(root: Path, commit: str, path: str) -> tuple[bytes | None, str]:
    """A file's bytes at a commit, or None and git's reason."""
    completed = _git(root, "show", f"{commit}:{path}")
    if completed is None:
        return None, "git did not answer"
    if completed.returncode != 0:
        reason = completed.stderr.decode("utf-8", "replace").strip().splitlines()
        return None, reason[0] if reason else f"git exited with {completed.returncode}"
    return completed.stdout, ""


def _git(root: Path, *arguments: str) -> subprocess.CompletedProcess | None:
    try:
        return subprocess.run(["git", "-C", str(root), *arguments], capture_output=True, timeout=60)
    except (OSError, subprocess.TimeoutExpired):
        return None


def _folder_texts(folder: Path) -> dict[str, str]:
    return {path.name: path.read_text(encoding="utf-8") for path in sorted(folder.glob("*.yaml"))}


def _revision_cases(root: Path, commit: str, folder: str) -> tuple[dict, ...]:
    listed = _git(root, "ls-tree", "--name-only", f"{commit}:{folder}")
    if listed is None or listed.returncode != 0:
        return ()
    texts = {}
    for name in sorted(listed.stdout.decode().split()):
        if name.endswith(".yaml"):
            text, _ = _git_show(root, commit, f"{folder}/{name}")
            if text is not None:
                texts[name] = text.decode("utf-8", "replace")
    return parse_golden_cases(texts)[0]


__all__ = ["Version", "file_version", "repository_of", "revision_version"]
