"""Every document a query matches and its best few, without walking Whoosh's matchers over all.

A search needs every match to count it (the total, the facets) and only the best page of them
ranked. Whoosh's collectors walk the query's tree of matchers one document at a time for both,
in Python: most of a search's time at 20,000 sources. Here:

- each leaf of the query (a term, a phrase, a date range: whatever is not ``AND``, ``OR`` or
  ``NOT``) is matched once, and its documents and their scores are kept as arrays while the
  index stays the same (scores use index-wide statistics, so a new generation of the index
  starts afresh). A term is read from its posting blocks as arrays and scored with numpy
  (:mod:`.postings`, :mod:`.blocks`); a wildcard, a fuzzy word or a date range is the union
  of the terms it expands to; a phrase is the intersection of its words' arrays, where their
  positions are in a row (:mod:`.phrases`); any other leaf is walked by Whoosh's matcher;
- ``OR``, ``AND`` and ``NOT`` become operations on those arrays, and a document's score the
  sum of the scores of its leaves in the parts that match it, as Whoosh's union and
  intersection matchers add them (in another order, so a sum may differ in its last bits);
- the best page is sorted from those sums (equal scores: the earlier document first, as
  Whoosh's top-N collector does), and the terms each hit matched (for its snippet and
  highlights) are those of the leaves that match it in parts of the query that match it.

One difference from a full walk, on purpose: after a phrase's last match in a field, Whoosh
leaves the matchers of its words where they stopped, and a later hit that has one of the words
there got that word highlighted alone; here only what matched is.

A word typed again costs array operations only: a few milliseconds at 100,000 sources. A word
typed the first time costs reading its postings: about 13 ms for a word in nine documents of
ten at 100,000 sources; a phrase of common words, reading their positions, about 100 ms.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from dataclasses import dataclass
from typing import Any

import numpy as np
from whoosh import query as wq
from whoosh.scoring import BM25F
from whoosh.searching import Results

from archive_app.core.search.phrases import in_a_row, is_plain_phrase, tree_sum
from archive_app.core.search.postings import (
    field_lengths,
    in_segments,
    term_postings,
    term_scores,
    union_terms,
)

MAX_KEPT_POSTINGS = 2_500_000
"""Documents kept over all leaves (12 bytes each: 30 MB); least recently used leaves go first."""


@dataclass
class _Leaf:
    """A leaf's documents and (scored) their scores; for a term or a phrase, each term (as
    Whoosh's matchers name it) and the documents where it counts as matched. (For a union of
    terms, which terms a hit holds is asked of Whoosh's matcher for the hits alone: keeping
    each term's documents as well would take as much memory again.)"""

    ids: np.ndarray
    scores: np.ndarray
    terms: list[tuple[Any, np.ndarray]] | None = None


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
        self._lengths: dict[tuple[str, str], np.ndarray | None] = {}
        self._lock = threading.Lock()

    def forget(self) -> None:
        """Forget the leaves' matches kept (a segment's field lengths stay): the next search
        reads every term afresh, as the first search of new words does."""
        with self._lock:
            self._kept.clear()
            self._size = 0

    def matching(self, searcher: Any, query: Any, narrowing: Any = None) -> np.ndarray:
        """The document numbers that ``query`` and ``narrowing`` (None: none) both match."""
        return self._run(searcher, query, narrowing, limit=0).docnums

    def ranked(self, searcher: Any, query: Any, narrowing: Any, limit: int) -> Matches:
        """Every match, and the best ``limit`` by score, best first (equal scores: the earlier
        document first), as Whoosh's top-N collector ranks them."""
        return self._run(searcher, query, narrowing, limit=max(1, limit))

    def _run(self, searcher: Any, query: Any, narrowing: Any, limit: int) -> Matches:
        leaves = [
            (leaf, offset) for leaf, offset in searcher.leaf_searchers() if _has_documents(leaf)
        ]
        self._start_generation(tuple(_segment_key(leaf) for leaf, _ in leaves))
        context = searcher.context(needs_current=True)
        found: list[np.ndarray] = []
        scored: list[np.ndarray] = []
        for leaf, offset in leaves:
            size = leaf.reader().doc_count_all()
            match = self._match(leaf, query, context if limit else None, size)
            mask = match.mask
            if narrowing is not None and mask.any():
                mask = mask & self._match(leaf, narrowing, None, size).mask
            local = np.flatnonzero(mask)
            found.append(local + offset)
            if limit:
                scored.append(np.zeros(0) if match.scores is None else match.scores[local])
        docnums = np.concatenate(found) if found else np.zeros(0, dtype=np.int64)
        if not limit:
            return Matches(docnums, None)
        scores = np.concatenate(scored) if scored else np.zeros(0)
        best = np.lexsort((docnums, -scores))[:limit]
        top = [(float(scores[i]), int(docnums[i])) for i in best]
        docterms = self._terms(leaves, query, context, sorted(docnum for _, docnum in top))
        results = Results(searcher, query, top)
        results.docterms = docterms
        results.termdocs = _term_docs(docterms)
        return Matches(docnums, results)

    def _terms(
        self, leaves: list[tuple[Any, int]], query: Any, context: Any, docnums: list[int]
    ) -> dict[int, list[Any]]:
        """The terms each of ``docnums`` (in order) matched, as Whoosh's terms collector notes
        them: those of the leaves that match it, in parts of the query that match it."""
        terms: dict[int, list[Any]] = {}
        for leaf, offset, in_leaf in in_segments(leaves, np.array(docnums, dtype=np.int64)):
            local = in_leaf.tolist()
            found = self._terms_at(leaf, query, context, local)
            terms.update({offset + d: t or [] for d, t in zip(local, found, strict=True)})
        return terms

    def _terms_at(
        self, leaf: Any, query: Any, context: Any, docnums: list[int]
    ) -> list[list[Any] | None]:
        """For each of ``docnums`` (of the leaf, in order), the terms of ``query`` it matched;
        None where the query does not match it."""
        if isinstance(query, wq.Or | wq.And) and query.subqueries:
            parts = [self._terms_at(leaf, part, context, docnums) for part in query.subqueries]
            every = isinstance(query, wq.And)
            return [_joined([part[i] for part in parts], every) for i in range(len(docnums))]
        if isinstance(query, wq.AndNot):
            kept = self._terms_at(leaf, query.a, context, docnums)
            excluded = self._terms_at(leaf, query.b, None, docnums)
            return [
                None if out is not None else terms
                for terms, out in zip(kept, excluded, strict=True)
            ]
        if query is wq.NullQuery:
            return [None] * len(docnums)
        matched = self._leaf(leaf, query, context)
        held = [_holds(matched.ids, docnum) for docnum in docnums]
        if isinstance(query, wq.Term):
            term = (query.fieldname, leaf.schema[query.fieldname].to_bytes(query.text))
            return [[term] if holds else None for holds in held]
        if not any(held):
            return [None] * len(docnums)
        if matched.terms is not None:
            return [
                [term for term, ids in matched.terms if _holds(ids, docnum)] if holds else None
                for docnum, holds in zip(docnums, held, strict=True)
            ]
        matcher = query.matcher(leaf, context)
        term_matchers = list(matcher.term_matchers())
        found: list[list[Any] | None] = []
        for docnum, holds in zip(docnums, held, strict=True):
            if holds:
                matcher.skip_to(docnum)
            found.append(
                [m.term() for m in term_matchers if m.is_active() and m.id() == docnum]
                if holds
                else None
            )
        return found

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
        terms = None
        if context is None or type(context.weighting) is BM25F:
            terms = union_terms(query, leaf.reader())
        if terms is not None:
            found = self._union(leaf, terms, context)
        elif is_plain_phrase(query, leaf.reader()):
            found = self._phrase(leaf, query, context)
        else:
            found = _leaf_matches(leaf, query, context)
        with self._lock:
            self._kept[key] = found
            self._size += len(found.ids)
            while self._size > MAX_KEPT_POSTINGS and len(self._kept) > 1:
                _, dropped = self._kept.popitem(last=False)
                self._size -= len(dropped.ids)
        return found

    def _union(self, leaf: Any, terms: list[tuple[str, Any]], context: Any) -> _Leaf:
        """The documents holding any of ``terms``, each scored (with a scoring context) as the
        sum of the scores of the terms it holds, as Whoosh's union matcher adds them."""
        if context is None:
            parts = [term_postings(leaf.reader(), field, text) for field, text in terms]
        else:
            parts = [
                term_scores(leaf, field, text, context.weighting, self._field_lengths(leaf, field))
                for field, text in terms
            ]
        if len(parts) == 1:  # its documents are the term's: the hits it matched are known
            ids, scores = parts[0]
            (field, text), kept = terms[0], ids.astype(np.int32, copy=False)
            named = [((field, _as_bytes(leaf, field, text)), kept)]
            return _Leaf(kept, scores if context is not None else np.zeros(0), named)
        held = np.concatenate([ids for ids, _ in parts]) if parts else np.zeros(0)
        ids, inverse = np.unique(held, return_inverse=True)
        scores = np.zeros(0)
        if context is not None and parts:
            scores = np.bincount(inverse, np.concatenate([s for _, s in parts]), len(ids))
        return _Leaf(ids.astype(np.int32), scores)

    def _phrase(self, leaf: Any, query: Any, context: Any) -> _Leaf:
        """A phrase's documents: those holding every word (from the words' own leaves), with
        the words in a row; scored as the sum of the words' scores."""
        words = [self._leaf(leaf, wq.Term(query.fieldname, word), context) for word in query.words]
        candidates = words[0].ids
        for word in words[1:]:
            candidates = np.intersect1d(candidates, word.ids, assume_unique=True)
        ids = candidates[in_a_row(leaf.reader(), query.fieldname, query.words, candidates)]
        named = [((query.fieldname, _as_bytes(leaf, query.fieldname, w)), ids) for w in query.words]
        if context is None:
            return _Leaf(ids, np.zeros(0), named)
        scores = tree_sum([word.scores[np.searchsorted(word.ids, ids)] for word in words])
        return _Leaf(ids, scores, named)

    def _field_lengths(self, leaf: Any, fieldname: str) -> np.ndarray | None:
        key = (_segment_key(leaf), fieldname)
        with self._lock:
            if key in self._lengths:
                return self._lengths[key]
        lengths = field_lengths(leaf, fieldname)
        with self._lock:
            self._lengths[key] = lengths
        return lengths

    def _start_generation(self, generation: tuple[str, ...]) -> None:
        """Forget the leaves of another generation, and the lengths of segments gone (a
        segment's lengths never change)."""
        with self._lock:
            if generation != self._generation:
                self._generation = generation
                self._kept.clear()
                self._size = 0
                for key in [key for key in self._lengths if key[0] not in generation]:
                    del self._lengths[key]


def _where(mask: np.ndarray, scores: np.ndarray) -> np.ndarray:
    """The scores of the documents a part matches, 0 for the others (whose leaves may have
    matched: ``a AND b`` scores nothing where only ``a`` matched)."""
    return np.where(mask, scores, 0.0)


def _leaf_matches(leaf: Any, query: Any, context: Any) -> _Leaf:
    """A leaf query's documents in one segment (and, with a scoring context, their scores),
    as Whoosh's matcher for it finds them."""
    if context is None:
        ids = np.fromiter(query.docs(leaf), dtype=np.int32)
        return _Leaf(ids, np.zeros(0))
    matcher = query.matcher(leaf, context)
    ids_found: list[int] = []
    scores_found: list[float] = []
    while matcher.is_active():
        ids_found.append(matcher.id())
        scores_found.append(matcher.score())
        matcher.next()
    return _Leaf(np.array(ids_found, dtype=np.int32), np.array(scores_found, dtype=np.float64))


def _as_bytes(leaf: Any, fieldname: str, text: Any) -> bytes:
    """A term's text as Whoosh's matchers name it."""
    return text if isinstance(text, bytes) else leaf.schema[fieldname].to_bytes(text)


def _joined(parts: list[list[Any] | None], every: bool) -> list[Any] | None:
    """The terms of an ``OR`` (``every``: an ``AND``) of parts that matched or not (None)."""
    matched = [terms for terms in parts if terms is not None]
    if not matched or (every and len(matched) < len(parts)):
        return None
    return [term for terms in matched for term in terms]


def _holds(ids: np.ndarray, docnum: int) -> bool:
    """Whether sorted ``ids`` hold ``docnum``."""
    at = int(np.searchsorted(ids, docnum))
    return at < len(ids) and int(ids[at]) == docnum


def _term_docs(docterms: dict[int, list[Any]]) -> dict[Any, list[int]]:
    docs: dict[Any, list[int]] = {}
    for docnum, terms in docterms.items():
        for term in terms:
            docs.setdefault(term, []).append(docnum)
    return docs


def _has_documents(leaf: Any) -> bool:
    """Whether a leaf has documents (the reader of an empty index has no segment)."""
    return bool(leaf.reader().doc_count_all())


def _segment_key(leaf: Any) -> str:
    return str(leaf.reader().segment().segment_id())
