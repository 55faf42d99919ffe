"""Files that builds running side by side both write (compiled catalogs, derived catalogs, the compression cache)
are written whole or not at all: two writers of one file at once never meet a temporary file the other has moved,
and a reader never sees part of one."""

from __future__ import annotations

import threading

from programme.paths import write_atomically


def test_two_writers_of_one_file_at_once_both_succeed_and_leave_one_whole_file(tmp_path):
    path = tmp_path / "catalog" / "site.mo"
    contents = [bytes([index]) * 200_000 for index in (1, 2)]
    errors, seen = [], set()

    def write(content: bytes) -> None:
        try:
            for _ in range(200):
                write_atomically(path, content)
        except Exception as error:  # noqa: BLE001 - any failure is the finding
            errors.append(error)

    def read() -> None:
        while any(writer.is_alive() for writer in writers):
            if path.exists():
                seen.add(path.read_bytes())

    writers = [threading.Thread(target=write, args=(content,)) for content in contents]
    reader = threading.Thread(target=read)
    for thread in (*writers, reader):
        thread.start()
    for thread in (*writers, reader):
        thread.join()
    assert errors == []
    assert path.read_bytes() in contents and seen <= set(contents)
    assert [item.name for item in path.parent.iterdir()] == ["site.mo"]
