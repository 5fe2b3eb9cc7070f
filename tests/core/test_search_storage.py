"""The index's files are read through their memory map, not copied into memory."""

from __future__ import annotations

import io
import mmap
import os
import random
import threading
import tracemalloc
from pathlib import Path

from archive_app.core.archive import Archive
from archive_app.core.search.storage import MappedReader
from tests.helpers import add_sources

WORDS = [
    "ceasefire",
    "corridor",
    "convoy",
    "shelling",
    "refugees",
    "statement",
    "ministry",
    "border",
    "enclave",
]


def test_a_part_of_a_map_reads_as_a_file_of_its_own(tmp_path: Path) -> None:
    part = b"first line\nsecond line\nno newline at the end"
    path = tmp_path / "compound"
    path.write_bytes(b"before\n" + part + b"\nafter")
    with path.open("rb") as handle:
        mapped = mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ)
    mapped_part, in_memory = MappedReader(mapped, len(b"before\n"), len(part)), io.BytesIO(part)
    steps = [
        ("read", (4,)),
        ("readline", ()),
        ("tell", ()),
        ("readline", (3,)),
        ("seek", (-2, os.SEEK_CUR)),
        ("read", ()),
        ("seek", (0, os.SEEK_SET)),
        ("readline", ()),
        ("seek", (-7, os.SEEK_END)),
        ("readline", ()),
        ("read", (5,)),
        ("tell", ()),
    ]
    for name, arguments in steps:
        assert getattr(mapped_part, name)(*arguments) == getattr(in_memory, name)(*arguments), name


def test_a_searcher_reads_the_index_in_place_instead_of_copying_it(archive: Archive) -> None:
    rng = random.Random(16)
    add_sources(archive, [" ".join(rng.choices(WORDS, k=40)) for _ in range(3000)])
    archive.reindex()
    segments = sum(path.stat().st_size for path in archive.index.folder.glob("*.seg"))
    found: list[int] = []

    def search_in_a_new_thread() -> None:
        """A thread of its own opens a searcher of its own."""
        with archive.index.searcher() as searcher:
            found.append(searcher.doc_count())

    tracemalloc.start()
    try:
        thread = threading.Thread(target=search_in_a_new_thread)
        thread.start()
        thread.join()
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert found == [3000]
    assert segments > 1_000_000
    assert peak < segments / 4
    assert archive.search("ceasefire convoy").total > 0
