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
"""Segments this big stay as they are (merging them is slow, and they are few)."""


def merge_small_segments(writer: Any, segments: list[Any]) -> list[Any]:
    """A Whoosh merge policy: the small segments are merged into the writer's new one; the
    segments it returns stay."""
    small = [segment for segment in segments if segment.doc_count_all() < BIG_SEGMENT_DOCUMENTS]
    if len(small) < 2:
        return segments
    for segment in small:
        reader = SegmentReader(writer.storage, writer.schema, segment)
        writer.add_reader(reader)
        reader.close()
    return [segment for segment in segments if segment not in small]
