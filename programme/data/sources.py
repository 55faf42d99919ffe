"""Every source has a text copy beside the data, and every quote is found in it: the site's promise that each fact
is quoted from its source, kept by the data check rather than by a test.

A source's `document` is a path relative to the data file, inside its `sources/` folder: no `..`, no absolute path,
no link that leads out of it, and a regular file of UTF-8 text. Quotes are compared with the document's text with
runs of white space made one space.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from pathlib import Path as FilePath, PurePosixPath

from programme.data.checks.walk import items, word
from programme.data.errors import Path, Problem, shown

SOURCES_FOLDER = "sources"
MAX_DOCUMENT_BYTES = 5_000_000
# Reads a document by its path relative to the data file: its bytes, or a reason it cannot be read.
DocumentReader = Callable[[str], "bytes | str"]


def document_problem(relative: str) -> str | None:
    """What is wrong with a document's path as written, before any file is read."""
    path = PurePosixPath(relative)
    if path.is_absolute() or ".." in path.parts or path.parts[:1] != (SOURCES_FOLDER,) or len(path.parts) < 2:
        return f"a source's document is a file in the {SOURCES_FOLDER}/ folder beside the data file, written like " \
               f"'{SOURCES_FOLDER}/press-release.txt'; found {shown(relative)}"
    return None


def file_reader(data_path: FilePath) -> DocumentReader:
    """Documents from the folder of the data file, never from outside its sources/ folder."""
    folder = (FilePath(data_path).resolve().parent / SOURCES_FOLDER).resolve()

    def read(relative: str) -> bytes | str:
        path = FilePath(data_path).resolve().parent / relative
        try:
            resolved = path.resolve(strict=True)
        except (OSError, RuntimeError):
            return f"there is no file {relative} beside the data file"
        if not resolved.is_relative_to(folder):
            return f"{relative} leads out of the {SOURCES_FOLDER}/ folder (a link?)"
        if not resolved.is_file():
            return f"{relative} is not a file"
        try:
            with resolved.open("rb") as file:
                content = file.read(MAX_DOCUMENT_BYTES + 1)
        except OSError as error:
            return f"cannot read {relative}: {error.strerror or error}"
        if len(content) > MAX_DOCUMENT_BYTES:
            return f"{relative} is larger than {MAX_DOCUMENT_BYTES:,} bytes"
        return content

    return read


def source_problems(data: dict, read: DocumentReader) -> Iterator[Problem]:
    """Each source's document readable, and each fact's quote found in its source's document."""
    documents: dict[str, str | None] = {}
    for path, source in items(data, "sources", ()):
        source_id, relative = word(source.get("id")), word(source.get("document"))
        if source_id is None or relative is None:
            continue  # the schema has said what is missing
        if document_problem(relative):  # the schema has refused its path: nothing is read from it
            documents[source_id] = None
            continue
        problem = None
        content = read(relative)
        if isinstance(content, str):
            problem = content
        else:
            try:
                documents[source_id] = _normalised(content.decode("utf-8-sig"))
            except UnicodeDecodeError:
                problem = f"{relative} is not UTF-8 text"
        if problem:
            documents[source_id] = None
            yield Problem((*path, "document"), problem)
    for path, ref in _refs(data, ()):
        document = documents.get(word(ref.get("source")))
        quote = word(ref.get("quote"))
        if document is not None and quote is not None and _normalised(quote) not in document:
            yield Problem((*path, "quote"), f"the quote is not in its source {shown(ref.get('source'))}: copy the "
                                            "source's own words exactly (line breaks and spaces may differ)")


def _refs(value: object, path: Path) -> Iterator[tuple[Path, dict]]:
    if isinstance(value, dict):
        for key, item in value.items():
            if key == "ref" and isinstance(item, dict):
                yield (*path, "ref"), item
            else:
                yield from _refs(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _refs(item, (*path, index))


def _normalised(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()
