"""A long run of the data fuzzer (tests/hostile/fuzzing.py): random hostile edits to the real data file.

Every edit must be refused with located errors only, or load and render every page; for a sample of the edits
that pass, the whole site is built with `mkdocs build --strict` too, which must succeed. Prints how many edits
were tried and how they came out.

    python bench/fuzz_data.py                  # 3,000 edits, 10 of the accepted ones built
    python bench/fuzz_data.py --edits 20000 --builds 30
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path[:0] = [str(Path(__file__).resolve().parent.parent / "tests"), str(Path(__file__).resolve().parent.parent / "tests" / "hostile")]

from fuzzing import Tally, check_edit, edits  # noqa: E402
from hypothesis import HealthCheck, given, settings  # noqa: E402
from sitebuild import build_site  # noqa: E402


def run(edit_count: int, build_count: int) -> None:
    tally = Tally()
    accepted: list[str] = []
    started = time.perf_counter()

    @settings(max_examples=edit_count, deadline=None, database=None,
              suppress_health_check=list(HealthCheck))
    @given(edits())
    def fuzz(edit):
        _, text = edit
        with tempfile.TemporaryDirectory() as folder:
            if check_edit(text, Path(folder), tally) == "accepted" and len(accepted) < build_count:
                accepted.append(text)

    fuzz()
    checked = time.perf_counter() - started
    built = 0
    for text in accepted:
        with tempfile.TemporaryDirectory() as folder:
            data = Path(folder) / "programme.yaml"
            data.write_bytes(text.encode("utf-8", "surrogatepass"))
            build = build_site(Path(folder) / "site", data)
            assert build.returncode == 0 and "Traceback" not in build.output, build.output[-3000:]
            built += 1
    total = sum(tally.outcomes.values())
    print(f"Data fuzzer: {total:,} random edits tried in {checked:.0f} s ({checked / total * 1000:.1f} ms each): {tally}.")
    print(f"Every refused edit had located errors only; every accepted one rendered all its pages.")
    print(f"{built} accepted edits also built with `mkdocs build --strict`, each successfully "
          f"({time.perf_counter() - started - checked:.0f} s).")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--edits", type=int, default=3000, help="how many random edits to try (default 3,000)")
    parser.add_argument("--builds", type=int, default=10, help="how many accepted edits to build as a site (default 10)")
    arguments = parser.parse_args()
    run(arguments.edits, arguments.builds)


if __name__ == "__main__":
    main()
