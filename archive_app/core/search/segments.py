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
    """A Whoosh merge policy: small segments are merged into the writer's new one, as many as
    make a segment of at most :data:`BIG_SEGMENT_DOCUMENTS`; the segments it returns stay."""
    return _merged(writer, segments, below=BIG_SEGMENT_DOCUMENTS, at_most=BIG_SEGMENT_DOCUMENTS)


def merge_tiny_segments(writer: Any, segments: list[Any]) -> list[Any]:
    """A Whoosh merge policy: the tiny segments are merged, the others stay."""
    return _merged(writer, segments, below=TINY_SEGMENT_DOCUMENTS, at_most=TINY_TOTAL)


def many_tiny_segments(index: Any) -> bool:
    """Whether the index has many tiny segments, few documents in all."""
    sizes = [count for count in _sizes(index) if count < TINY_SEGMENT_DOCUMENTS]
    return len(sizes) >= MANY_TINY and sum(sizes) <= TINY_TOTAL


def _sizes(index: Any) -> list[int]:
    with index.reader() as reader:
        return [leaf.doc_count_all() for leaf, _ in reader.leaf_readers()]


def _merged(writer: Any, segments: list[Any], *, below: int, at_most: int) -> list[Any]:
    """Merge the smallest segments of fewer than ``below`` documents, as many as hold at most
    ``at_most`` together: a merge's memory grows with what it merges (Whoosh took 2 GB to
    merge the ten segments a rebuild of 100,000 sources leaves), so an idle merge stays small
    and a later one takes the next few."""
    chosen, total = [], 0
    for segment in sorted(segments, key=lambda s: s.doc_count_all()):
        count = segment.doc_count_all()
        if count >= below or total + count > at_most:
            break
        chosen.append(segment)
        total += count
    if len(chosen) < 2:
        return segments
    for segment in chosen:
        reader = SegmentReader(writer.storage, writer.schema, segment)
        writer.add_reader(reader)
        reader.close()
    return [segment for segment in segments if segment not in chosen]
