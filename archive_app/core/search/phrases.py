"""Which documents hold a phrase's words in a row, from the words' arrays.

Whoosh matches a phrase by walking its words' posting lists together in Python, a posting at a
time, and comparing the positions in every document that holds them all: 250 ms for two common
words at 100,000 sources. The documents that hold every word are the intersection of the
words' arrays (kept for plain searches of the words too); only for those are the positions
read, from the blocks that hold them (:func:`.blocks.posting_values`), and only as far as the
phrase can still be there.

Whoosh's rule (``SpanNear2`` with ``slop=1``, ordered, ``mindist=1``) is that each word comes
at the position right after the one before; a phrase's score in a document is the sum of its
words' scores there, added up as Whoosh's tree of intersection matchers adds them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from itertools import accumulate, repeat
from operator import itemgetter, sub
from pickle import loads
from typing import Any

import numpy as np
from whoosh import formats
from whoosh import query as wq

from archive_app.core.search.postings import term_values


def is_plain_phrase(query: Any, reader: Any) -> bool:
    """Whether :func:`in_a_row` matches ``query`` as Whoosh would: a phrase of words in a row,
    without a boost, in a field that keeps positions."""
    if type(query) is not wq.Phrase or query.slop != 1 or query.boost != 1.0:
        return False
    if len(query.words) < 2 or query.fieldname not in reader.schema:
        return False
    field_format = reader.schema[query.fieldname].format
    return bool(field_format and field_format.supports("positions"))


def in_a_row(reader: Any, fieldname: str, words: list[str], candidates: np.ndarray) -> np.ndarray:
    """Which of ``candidates`` (sorted documents that hold every word) hold the words in a row,
    as a mask over them."""
    if not len(candidates):
        return np.zeros(0, dtype=np.bool_)
    field = reader.schema[fieldname]
    decode = _position_decoder(field.format)
    values = [term_values(reader, fieldname, field.to_bytes(word), candidates) for word in words]
    found = np.zeros(len(candidates), dtype=np.bool_)
    for at in range(len(candidates)):
        starts = set(decode(values[0][at]))
        for distance, later in enumerate(values[1:], 1):
            starts.intersection_update(map(sub, decode(later[at]), repeat(distance)))
            if not starts:
                break
        found[at] = bool(starts)
    return found


def tree_sum(parts: list[np.ndarray]) -> np.ndarray:
    """The sum of ``parts`` in the order Whoosh's binary tree of intersection matchers adds
    them (``a + (b + c)`` for three)."""
    if len(parts) == 1:
        return parts[0]
    half = len(parts) // 2
    total: np.ndarray = tree_sum(parts[:half]) + tree_sum(parts[half:])
    return total


def _position_decoder(field_format: Any) -> Callable[[bytes], Iterable[int]]:
    """A word's positions in a document from its stored value, as Whoosh's two formats that
    keep positions decode them (a count, then the pickled gaps between positions), with the
    gaps added up in C: in Python, the adding took as long as the unpickling."""
    if type(field_format) is formats.Characters:  # gaps as (position, start, length)
        first = itemgetter(0)
        return lambda value: accumulate(map(first, loads(_pickled_gaps(value))))
    if type(field_format) is formats.Positions:
        return lambda value: accumulate(loads(_pickled_gaps(value)))
    decode: Callable[[bytes], Iterable[int]] = field_format.decoder("positions")
    return decode


def _pickled_gaps(value: bytes) -> bytes:
    """The pickle after the count (4 bytes); Whoosh leaves off its final STOP byte."""
    gaps = value[4:]
    return gaps if gaps.endswith(b".") else gaps + b"."
