"""Segments merged: edits committed one at a time leave a segment each, and every search reads
every segment. A moment after the last edit they are one again; and once there are many tiny
ones (an import in small batches), they are merged before the edit that made one more returns.
Search finds what it found before."""

from __future__ import annotations

import time
from pathlib import Path

from whoosh import index as whoosh_index
from whoosh.fields import TEXT, Schema

from archive_app.core.archive import Archive
from archive_app.core.search.segments import (
    MANY_TINY,
    TINY_SEGMENT_DOCUMENTS,
    TINY_TOTAL,
    merge_tiny_segments,
)
from archive_app.importers.document import Block, ExtractedDocument
from tests.helpers import StoreDocument

WAIT_SECONDS = 30.0


def store_dispatches(store_document: StoreDocument, count: int) -> None:
    for number in range(count):
        store_document(
            ExtractedDocument(
                kind="text",
                title=f"Dispatch {number}",
                blocks=[Block("paragraph", f"The convoy reached the checkpoint {number}.")],
            )
        )


def segments(archive: Archive) -> int:
    with archive.index.searcher() as searcher:
        return len(searcher.leaf_searchers())


def test_small_commits_are_merged_once_the_writer_is_idle(
    archive: Archive, store_document: StoreDocument
) -> None:
    store_dispatches(store_document, 6)
    before = [hit.id for hit in archive.search("convoy checkpoint").hits]
    deadline = time.monotonic() + WAIT_SECONDS
    while segments(archive) > 1 and time.monotonic() < deadline:
        time.sleep(0.1)
    assert segments(archive) == 1
    assert [hit.id for hit in archive.search("convoy checkpoint").hits] == before
    assert len(before) == 6


def test_many_tiny_segments_are_merged_at_once(
    archive: Archive, store_document: StoreDocument
) -> None:
    store_dispatches(store_document, MANY_TINY + 2)
    assert segments(archive) < MANY_TINY
    assert len(archive.search("convoy checkpoint").hits) == MANY_TINY + 2


def test_a_merge_takes_the_smallest_segments_up_to_its_limit(tmp_path: Path) -> None:
    """A merge's memory grows with what it merges: the segments a rebuild leaves are merged a
    few at a time, never all at once."""
    index = whoosh_index.create_in(tmp_path, Schema(body=TEXT))
    sizes = [TINY_SEGMENT_DOCUMENTS - 1] * (TINY_TOTAL // (TINY_SEGMENT_DOCUMENTS - 1) + 1)
    sizes.append(TINY_SEGMENT_DOCUMENTS)  # not tiny: never merged by this policy
    for size in sizes:
        writer = index.writer()
        for _ in range(size):
            writer.add_document(body="convoy")
        writer.commit(merge=False)

    writer = index.writer()
    writer.commit(mergetype=merge_tiny_segments)

    with index.reader() as reader:
        after = sorted(leaf.doc_count_all() for leaf, _ in reader.leaf_readers())
        assert reader.doc_count() == sum(sizes)
    merged = (TINY_TOTAL // (TINY_SEGMENT_DOCUMENTS - 1)) * (TINY_SEGMENT_DOCUMENTS - 1)
    assert after == sorted([TINY_SEGMENT_DOCUMENTS - 1, TINY_SEGMENT_DOCUMENTS, merged])
