"""Segments merged when the writer is idle: edits committed one at a time leave a segment
each, and every search reads every segment; a moment after the last, they are one again, and
search finds what it found before."""

from __future__ import annotations

import time

from archive_app.core.archive import Archive
from archive_app.importers.document import Block, ExtractedDocument
from tests.helpers import StoreDocument

WAIT_SECONDS = 30.0


def segments(archive: Archive) -> int:
    with archive.index.searcher() as searcher:
        return len(searcher.leaf_searchers())


def test_small_commits_are_merged_once_the_writer_is_idle(
    archive: Archive, store_document: StoreDocument
) -> None:
    for number in range(6):
        store_document(
            ExtractedDocument(
                kind="text",
                title=f"Dispatch {number}",
                blocks=[Block("paragraph", f"The convoy reached the checkpoint {number}.")],
            )
        )
    before = [hit.id for hit in archive.search("convoy checkpoint").hits]
    assert segments(archive) > 1
    deadline = time.monotonic() + WAIT_SECONDS
    while segments(archive) > 1 and time.monotonic() < deadline:
        time.sleep(0.1)
    assert segments(archive) == 1
    assert [hit.id for hit in archive.search("convoy checkpoint").hits] == before
    assert len(before) == 6
