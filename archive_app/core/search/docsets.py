"""Every document a query matches and its best few, without walking Whoosh's matchers over all.

A search needs every match to count it (the total, the facets) and only the best page of them
ranked. Whoosh's collectors walk the query's tree of matchers one document at a time for both,
in Python: most of a search's time at 20,000 sources. Here:

- each leaf of the query (a term, a phrase, a date range: whatever is not ``AND``, ``OR`` or
  ``NOT``) is matched once by Whoosh itself, and its documents and their scores are kept as
  arrays while the index stays the same (scores use index-wide statistics, so a new
  generation of the index starts afresh);
- ``OR``, ``AND`` and ``NOT`` become operations on those arrays, and a document's score the
  sum of its leaves' scores, as Whoosh's union and intersection matchers add them;
- the best page is then ranked by Whoosh's own matcher, visiting only the few documents whose
  summed score could place them in it (sums may differ from Whoosh's in the last bits, so a
  small margin is kept), so scores, their order and the terms each hit matched are exactly
  what a full walk gives.

A word typed again costs array operations only: a few milliseconds at 100,000 sources.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from dataclasses import dataclass
from typing import Any

import numpy as np
from whoosh import query as wq
from whoosh.searching import Results

MAX_KEPT_POSTINGS = 4_000_000
"""Documents kept over all leaves (about 64 MB): least recently used leaves go first."""
MARGIN = 1e-9
"""Relative difference below which two sums of the same scores count as equal."""


@dataclass
class _Leaf:
    ids: np.ndarray
    scores: np.ndarray


@dataclass
class _Match:
    """A part of a query in one segment: which documents it matches, and (scored parts) the
    sum of the scores of its leaves for each."""

    mask: np.ndarray
    scores: np.ndarray | None


@dataclass(frozen=True)
class Matches:
    """``docnums``: every match, in order; ``results``: Whoosh results holding the best
    ``limit`` of them, with the terms each matched (None when not ranked)."""

    docnums: np.ndarray
    results: Any


class DocSets:
    """Matches queries against one index; keeps leaves' matches for the index's generation."""

    def __init__(self) -> None:
        self._generation: tuple[str, ...] = ()
        self._kept: OrderedDict[tuple[str, Any, bool], _Leaf] = OrderedDict()
        self._size = 0
        self._lock = threading.Lock()

    def matching(self, searcher: Any, query: Any, narrowing: Any = None) -> np.ndarray:
        """The document numbers that ``query`` and ``narrowing`` (None: none) both match."""
        return self._run(searcher, query, narrowing, limit=0).docnums

    def ranked(self, searcher: Any, query: Any, narrowing: Any, limit: int) -> Matches:
        """Every match, and the best ``limit`` by score, best first (equal scores: the earlier
        document first), exactly as Whoosh's top-N collector would rank them."""
        return self._run(searcher, query, narrowing, limit=max(1, limit))

    def _run(self, searcher: Any, query: Any, narrowing: Any, limit: int) -> Matches:
        leaves = [
            (leaf, offset) for leaf, offset in searcher.leaf_searchers() if _has_documents(leaf)
        ]
        self._start_generation(tuple(_segment_key(leaf) for leaf, _ in leaves))
        context = searcher.context(needs_current=True)
        found: list[np.ndarray] = []
        candidates: list[tuple[Any, int, np.ndarray, np.ndarray]] = []
        for leaf, offset in leaves:
            size = leaf.reader().doc_count_all()
            match = self._match(leaf, query, context if limit else None, size)
            mask = match.mask
            if narrowing is not None and mask.any():
                mask = mask & self._match(leaf, narrowing, None, size).mask
            local = np.flatnonzero(mask)
            found.append(local + offset)
            if limit and len(local):
                scores = match.scores if match.scores is not None else np.zeros(size)
                candidates.append((leaf, offset, local, scores[local]))
        docnums = np.concatenate(found) if found else np.zeros(0, dtype=np.int64)
        if not limit:
            return Matches(docnums, None)
        top = _exactly_ranked(_likely_best(candidates, limit), context, query, limit)
        results = Results(searcher, query, [(score, docnum) for score, docnum, _ in top])
        results.docterms = {docnum: terms for _, docnum, terms in top}
        results.termdocs = _term_docs(top)
        return Matches(docnums, results)

    def _match(self, leaf: Any, query: Any, context: Any, size: int) -> _Match:
        """``context``: the scoring context, or None when only which documents match counts."""
        if isinstance(query, wq.Or | wq.And) and query.subqueries:
            parts = [self._match(leaf, part, context, size) for part in query.subqueries]
            if isinstance(query, wq.Or):
                mask = np.logical_or.reduce([part.mask for part in parts])
            else:
                mask = np.logical_and.reduce([part.mask for part in parts])
            scored = [part.scores for part in parts if part.scores is not None]
            return _Match(mask, _where(mask, np.add.reduce(scored)) if scored else None)
        if isinstance(query, wq.AndNot):
            kept = self._match(leaf, query.a, context, size)
            mask = kept.mask & ~self._match(leaf, query.b, None, size).mask
            return _Match(mask, None if kept.scores is None else _where(mask, kept.scores))
        mask = np.zeros(size, dtype=np.bool_)
        if query is wq.NullQuery:
            return _Match(mask, np.zeros(size) if context is not None else None)
        found = self._leaf(leaf, query, context)
        mask[found.ids] = True
        if context is None:
            return _Match(mask, None)
        scores = np.zeros(size)
        scores[found.ids] = found.scores
        return _Match(mask, scores)

    def _leaf(self, leaf: Any, query: Any, context: Any) -> _Leaf:
        key = (_segment_key(leaf), query, context is not None)
        with self._lock:
            kept = self._kept.get(key)
            if kept is not None:
                self._kept.move_to_end(key)
                return kept
        found = _leaf_matches(leaf, query, context)
        with self._lock:
            self._kept[key] = found
            self._size += len(found.ids)
            while self._size > MAX_KEPT_POSTINGS and len(self._kept) > 1:
                _, dropped = self._kept.popitem(last=False)
                self._size -= len(dropped.ids)
        return found

    def _start_generation(self, generation: tuple[str, ...]) -> None:
        with self._lock:
            if generation != self._generation:
                self._generation = generation
                self._kept.clear()
                self._size = 0


def _where(mask: np.ndarray, scores: np.ndarray) -> np.ndarray:
    """The scores of the documents a part matches, 0 for the others (whose leaves may have
    matched: ``a AND b`` scores nothing where only ``a`` matched)."""
    return np.where(mask, scores, 0.0)


def _leaf_matches(leaf: Any, query: Any, context: Any) -> _Leaf:
    """A leaf query's documents in one segment (and, with a scoring context, their scores),
    as Whoosh's matcher for it finds them."""
    if context is None:
        ids = np.fromiter(query.docs(leaf), dtype=np.int64)
        return _Leaf(ids, np.zeros(0))
    matcher = query.matcher(leaf, context)
    ids_found: list[int] = []
    scores_found: list[float] = []
    while matcher.is_active():
        ids_found.append(matcher.id())
        scores_found.append(matcher.score())
        matcher.next()
    return _Leaf(np.array(ids_found, dtype=np.int64), np.array(scores_found, dtype=np.float64))


def _likely_best(
    candidates: list[tuple[Any, int, np.ndarray, np.ndarray]], limit: int
) -> list[tuple[Any, int, np.ndarray]]:
    """For each segment, the documents whose summed score may place them among the best
    ``limit`` (all of them, when there are no more than that)."""
    if sum(len(local) for _, _, local, _ in candidates) <= limit:
        return [(leaf, offset, local) for leaf, offset, local, _ in candidates]
    every = np.concatenate([scores for _, _, _, scores in candidates])
    threshold = np.partition(every, len(every) - limit)[len(every) - limit]
    threshold -= MARGIN * max(1.0, abs(float(threshold)))
    return [
        (leaf, offset, local[scores >= threshold]) for leaf, offset, local, scores in candidates
    ]


def _exactly_ranked(
    likely: list[tuple[Any, int, np.ndarray]], context: Any, query: Any, limit: int
) -> list[tuple[float, int, list[Any]]]:
    """The best ``limit`` of the likely documents by the score Whoosh's matcher gives each,
    with the terms it matched there (as its terms collector notes them)."""
    scored: list[tuple[float, int, list[Any]]] = []
    for leaf, offset, local in likely:
        if not len(local):
            continue
        matcher = query.matcher(leaf, context)
        term_matchers = list(matcher.term_matchers())
        for docnum in local.tolist():
            if matcher.is_active():
                matcher.skip_to(docnum)
            if not matcher.is_active() or matcher.id() != docnum:
                raise AssertionError(f"document {docnum} should match {query}")
            terms = [m.term() for m in term_matchers if m.is_active() and m.id() == docnum]
            scored.append((matcher.score(), offset + docnum, terms))
    scored.sort(key=lambda item: (-item[0], item[1]))
    return scored[:limit]


def _term_docs(top: list[tuple[float, int, list[Any]]]) -> dict[Any, list[int]]:
    docs: dict[Any, list[int]] = {}
    for _, docnum, terms in top:
        for term in terms:
            docs.setdefault(term, []).append(docnum)
    return docs


def _has_documents(leaf: Any) -> bool:
    """Whether a leaf has documents (the reader of an empty index has no segment)."""
    return bool(leaf.reader().doc_count_all())


def _segment_key(leaf: Any) -> str:
    return str(leaf.reader().segment().segment_id())
