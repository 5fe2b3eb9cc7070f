"""How the index writer merges segments when it is idle.

Every commit writes a segment, and every search reads every segment: an archive edited a source
at a time, or imported in small batches, soon has dozens. Merging them all into one at every
commit would rewrite the whole index each time; merging the small ones when the writer has
nothing else to do keeps searches reading a few.
"""

from __future__ import annotations

from typing import Any

from whoosh.reading import SegmentReader

BIG_SEGMENT_DOCUMENTS = 20_000
"""Segments this big stay as they are when idle (merging them is slow, and they are few)."""
TINY_SEGMENT_DOCUMENTS = 500
"""Segments this small are merged at once when there are :data:`MANY_TINY` of them..."""
MANY_TINY = 8
TINY_TOTAL = 5_000
"""...and they hold no more documents than this together (the merge takes a moment)."""


def merge_small_segments(writer: Any, segments: list[Any]) -> list[Any]:
    """A Whoosh merge policy: the small segments are merged into the writer's new one; the
    segments it returns stay."""
    return _merged(writer, segments, BIG_SEGMENT_DOCUMENTS)


def merge_tiny_segments(writer: Any, segments: list[Any]) -> list[Any]:
    """A Whoosh merge policy: the tiny segments are merged, the others stay."""
    return _merged(writer, segments, TINY_SEGMENT_DOCUMENTS)


def many_tiny_segments(index: Any) -> bool:
    """Whether the index has many tiny segments, few documents in all."""
    sizes = [count for count in _sizes(index) if count < TINY_SEGMENT_DOCUMENTS]
    return len(sizes) >= MANY_TINY and sum(sizes) <= TINY_TOTAL


def _sizes(index: Any) -> list[int]:
    with index.reader() as reader:
        return [leaf.doc_count_all() for leaf, _ in reader.leaf_readers()]


def _merged(writer: Any, segments: list[Any], below: int) -> list[Any]:
    small = [segment for segment in segments if segment.doc_count_all() < below]
    if len(small) < 2:
        return segments
    for segment in small:
        reader = SegmentReader(writer.storage, writer.schema, segment)
        writer.add_reader(reader)
        reader.close()
    return [segment for segment in segments if segment not in small]
