"""A term's documents and their scores in one segment, read as arrays.

Whoosh scores a term's documents one at a time in Python (about 2 µs each: 30 ms for a common
word at 100,000 sources). The same BM25F formula over numpy arrays gives the same numbers (the
same IEEE operations in the same order) in a fraction of that: the posting list is read from its
blocks as arrays (:mod:`.blocks`), and the field lengths of a segment's documents are read in
one piece and kept.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

import numpy as np
from whoosh import query as wq
from whoosh.codec.whoosh3 import LENGTHS_COLUMN, W3LeafMatcher, _lenfield
from whoosh.matching.wrappers import FilterMatcher
from whoosh.query.wrappers import ConstantScoreQuery
from whoosh.scoring import BM25F
from whoosh.util.numeric import byte_to_length

from archive_app.core.search.blocks import posting_arrays, posting_values

_LENGTH_OF_CLASS = np.array([0.0] + [byte_to_length(byte) for byte in range(1, 256)])
"""The length each of Whoosh's length bytes stands for (0: the field is empty)."""
_EXPANDING = (wq.Prefix, wq.Wildcard, wq.FuzzyTerm, wq.TermRange)
"""Queries Whoosh matches as the union of the terms they expand to in a segment."""


def union_terms(query: Any, reader: Any) -> list[tuple[str, Any]] | None:
    """The terms whose documents a leaf query matches in the segment of ``reader``, scoring each
    document as the sum of the scores of the terms it holds (a term, a wildcard, a fuzzy word,
    a date range, all without a boost, under BM25F): None for any other query (a phrase)."""
    if type(query) is ConstantScoreQuery:  # scored as what it wraps when each match counts
        return union_terms(query.child, reader)
    if query is wq.NullQuery:
        return []
    if query.boost != 1.0:
        return None
    if type(query) is wq.Term:
        return [(query.fieldname, query.text)]
    if type(query) in _EXPANDING:
        return [(fieldname, text) for fieldname, text in query.expanded_terms(reader) if text]
    if isinstance(query, wq.NumericRange):  # a date range is terms at several resolutions
        return union_terms(query._compile_query(reader), reader)
    if type(query) is wq.Or:
        parts = [union_terms(part, reader) for part in query.subqueries]
        return None if None in parts else [term for part in parts if part for term in part]
    return None


def in_segments(
    leaves: Sequence[tuple[Any, int]], docnums: np.ndarray
) -> Iterator[tuple[Any, int, np.ndarray]]:
    """Each segment ``(leaf, offset)`` that holds some of ``docnums`` (sorted document numbers
    of the whole index), its offset, and those documents' numbers within it."""
    bounds = np.searchsorted(docnums, [offset for _, offset in leaves[1:]]).tolist()
    lows, highs = [0, *bounds], [*bounds, len(docnums)]
    for (leaf, offset), low, high in zip(leaves, lows, highs, strict=True):
        if high > low:
            yield leaf, offset, docnums[low:high] - offset


def term_postings(reader: Any, fieldname: str, text: Any) -> tuple[np.ndarray, np.ndarray]:
    """The documents of the segment that hold the term, and the term's weight in each."""
    if (fieldname, text) not in reader:
        return np.zeros(0, dtype=np.int32), np.zeros(0)
    return _postings(reader.postings(fieldname, text))


def term_values(reader: Any, fieldname: str, text: Any, documents: np.ndarray) -> list[bytes]:
    """The term's values (positions, characters) in each of ``documents`` of the segment
    (sorted, each of which holds the term): from the blocks that hold them, or walking
    Whoosh's matcher to each where its list is not in blocks."""
    matcher = reader.postings(fieldname, text)
    extent = posting_extent(matcher)
    if extent is not None:
        try:
            return posting_values(*extent, documents)
        except ValueError:
            pass
    values = []
    for docnum in documents.tolist():
        matcher.skip_to(docnum)
        values.append(matcher.value())
    return values


def term_scores(
    leaf: Any, fieldname: str, text: Any, weighting: BM25F, lengths: np.ndarray | None
) -> tuple[np.ndarray, np.ndarray]:
    """The documents of the leaf searcher's segment that hold the term, and their scores.
    ``lengths``: the field's length in each document (None for a field that is not scored)."""
    ids, weights = term_postings(leaf.reader(), fieldname, text)
    if lengths is None or not len(ids):  # Whoosh scores a term of an unscored field by its weight
        return ids, weights
    top = leaf.get_parent()
    idf = top.idf(fieldname, text)
    average = top.avg_field_length(fieldname) or 1
    b = weighting._field_B.get(fieldname, weighting.B)
    k1 = weighting.K1
    length = lengths[ids]
    return ids, idf * ((weights * (k1 + 1)) / (weights + k1 * ((1 - b) + b * length / average)))


def field_lengths(leaf: Any, fieldname: str) -> np.ndarray | None:
    """The length of the field in each document of the segment (None: the field is not
    scored), as the scorer reads it: Whoosh keeps a byte for each document (a length class)
    in a column, read here in one piece."""
    if not leaf.schema[fieldname].scorable:
        return None
    reader = leaf.reader()
    count = reader.doc_count_all()
    column = reader._perdoc._cached_reader(_lenfield(fieldname), LENGTHS_COLUMN)
    if column is None:  # no document has the field: Whoosh's default
        return np.ones(count)
    stored = min(column._count, count)  # the column stops after its last non-zero byte
    classes = np.zeros(count, dtype=np.uint8)
    classes[:stored] = np.frombuffer(column._dbfile.get(column._basepos, stored), dtype=np.uint8)
    return _LENGTH_OF_CLASS[classes]


def _postings(matcher: Any) -> tuple[np.ndarray, np.ndarray]:
    """Document numbers and weights of a posting list: straight from the blocks of Whoosh's own
    matcher (its deleted documents left out), one at a time from any other (a short list is
    kept in the term's entry) or from blocks not shaped as expected."""
    from_blocks = _from_blocks(matcher)
    if from_blocks is not None:
        return from_blocks
    ids, weights = [], []
    while matcher.is_active():
        ids.append(matcher.id())
        weights.append(matcher.weight())
        matcher.next()
    return np.array(ids, dtype=np.int32), np.array(weights, dtype=np.float64)


def posting_extent(matcher: Any) -> tuple[Any, int, int] | None:
    """Where the blocks of a posting list are (the postings file, offset and length) for
    :mod:`.blocks` to read, when ``matcher`` is Whoosh's own matcher over them (or that matcher
    leaving out a segment's deleted documents)."""
    matcher = _unfiltered(matcher)[0]
    if type(matcher) is not W3LeafMatcher or matcher._byteids:  # (byte ids: a term vector's)
        return None
    length = matcher._length  # Whoosh reads a posting list's length as a 1-tuple
    length = length[0] if isinstance(length, tuple) else length
    return matcher._postfile, matcher._startoffset, length


def _unfiltered(matcher: Any) -> tuple[Any, Any]:
    """The matcher under the filter by which a segment's reader leaves out its deleted
    documents, and those documents (None: no filter)."""
    if type(matcher) is FilterMatcher and matcher._exclude and matcher.boost == 1.0:
        return matcher.child, matcher._ids
    return matcher, None


def _from_blocks(matcher: Any) -> tuple[np.ndarray, np.ndarray] | None:
    extent = posting_extent(matcher)
    if extent is None:
        return None
    try:
        ids, weights = posting_arrays(*extent)
    except ValueError:
        return None
    deleted = _unfiltered(matcher)[1]
    if deleted:
        kept = ~np.isin(ids, np.fromiter(deleted, dtype=np.int64, count=len(deleted)))
        return ids[kept], weights[kept]
    return ids, weights
