"""Facet counts over every matching source: kind, year, site, event, perspective, verification
status and source reliability.

The values come from per-document columns of the index (see ``index.build_schema``). Reading a
column costs a pass over a segment, so each segment's values are read once and kept by segment
id: a segment never changes once written (deleted documents never match), and a commit adds new
segments rather than changing old ones. A column is kept as its distinct values and, per
document, the number of its value, so counting the matches is one ``bincount`` per facet.
"""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import numpy as np

from archive_app.core.search.postings import in_segments

FACET_COLUMNS = {
    "kind": "kind",
    "year": "year_facet",
    "site": "site_facet",
    "event": "event_facet",
    "perspective": "perspective_facet",
    "status": "status_facet",
    "reliability": "reliability_facet",
}
MULTI_VALUED = frozenset({"event", "perspective"})


@dataclass(frozen=True)
class _Column:
    """A facet's values in one segment: the distinct ``values`` (a tuple of ids for
    multi-valued facets), and for each document the index of its value."""

    values: list[Any]
    codes: np.ndarray


SegmentValues = dict[str, _Column]


class FacetCounter:
    """Counts facet values of documents, reading each index segment's columns once."""

    def __init__(self) -> None:
        self._segments: dict[str, SegmentValues] = {}
        self._lock = threading.Lock()

    def count(self, reader: Any, docnums: Iterable[int]) -> dict[str, Counter[Any]]:
        """For each facet, how many of ``docnums`` (the reader's document numbers) have each
        value; multi-valued facets count each document's tuple of ids as one value."""
        counts: dict[str, Counter[Any]] = {name: Counter() for name in FACET_COLUMNS}
        ordered = np.unique(np.fromiter(docnums, dtype=np.int64))
        if not len(ordered):
            return counts
        leaves = list(reader.leaf_readers())
        self._forget_all_but(leaves)
        for leaf, _, local in in_segments(leaves, ordered):
            for name, column in self._values(leaf).items():
                tally = np.bincount(column.codes[local], minlength=len(column.values))
                counts[name].update(
                    {column.values[code]: int(tally[code]) for code in np.flatnonzero(tally)}
                )
        return counts

    def read(self, reader: Any) -> None:
        """Read the facet values of every segment of ``reader`` that are not read yet."""
        leaves = list(reader.leaf_readers())
        self._forget_all_but(leaves)
        for leaf, _ in leaves:
            self._values(leaf)

    def _values(self, leaf: Any) -> SegmentValues:
        key = _segment_key(leaf)
        with self._lock:
            cached = self._segments.get(key)
        if cached is None:
            cached = _read_columns(leaf)
            with self._lock:
                self._segments[key] = cached
        return cached

    def _forget_all_but(self, leaves: list[tuple[Any, int]]) -> None:
        current = {_segment_key(leaf) for leaf, _ in leaves}
        with self._lock:
            for key in [key for key in self._segments if key not in current]:
                del self._segments[key]


def _segment_key(leaf: Any) -> str:
    return str(leaf.segment().segment_id())


def _read_columns(leaf: Any) -> SegmentValues:
    count = leaf.doc_count_all()
    values: SegmentValues = {}
    for name, column in FACET_COLUMNS.items():
        if not leaf.has_column(column):
            values[name] = _Column([() if name in MULTI_VALUED else ""], np.zeros(count, np.intp))
            continue
        read = _ids if name in MULTI_VALUED else _text
        numbered: dict[Any, int] = {}
        codes = np.fromiter(
            (numbered.setdefault(read(raw), len(numbered)) for raw in leaf.column_reader(column)),
            dtype=np.intp,
            count=count,
        )
        values[name] = _Column(list(numbered), codes)
    return values


def _text(value: Any) -> str:
    return value.decode("utf-8") if isinstance(value, bytes) else str(value)


def _ids(value: bytes) -> tuple[int, ...]:
    return tuple(int(part) for part in value.split(b",")) if value else ()
