"""Which documents hold a phrase's words in a row, from the words' arrays.

Whoosh matches a phrase by walking its words' posting lists together in Python, a posting at a
time, and comparing the positions in every document that holds them all: 250 ms for two common
words at 100,000 sources. The documents that hold every word are the intersection of the
words' arrays (kept for plain searches of the words too); only for those are the positions
read, from the blocks that hold them (:func:`.blocks.posting_values`).

Whoosh's rule (``SpanNear2`` with ``slop=1``, ordered, ``mindist=1``) is that each word comes
at the position right after the one before; a phrase's score in a document is the sum of its
words' scores there, added up as Whoosh's tree of intersection matchers adds them.
"""

from __future__ import annotations

from typing import Any

import numpy as np
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
    positions = [_positions(reader, fieldname, field.to_bytes(word), candidates) for word in words]
    found = np.zeros(len(candidates), dtype=np.bool_)
    for at in range(len(candidates)):
        starts = set(positions[0][at])
        for distance, later in enumerate(positions[1:], 1):
            starts.intersection_update(position - distance for position in later[at])
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


def _positions(reader: Any, fieldname: str, text: bytes, documents: np.ndarray) -> list[Any]:
    """The word's positions in each of ``documents`` (each of which holds it)."""
    decode = reader.schema[fieldname].format.decoder("positions")
    return [decode(value) for value in term_values(reader, fieldname, text, documents)]
