""" "Did you mean": a corrected query built from the archive's own words (Karbakh → Karabakh).

Only for a query that found few sources. Each plain word the archive lacks (or has in very few
sources) is replaced by the closest word of the spelling fields — one edit away first, then two
— that more sources use; the rest of the query stays as typed. A suggestion is offered only if
it finds more than the query did.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from itertools import islice
from typing import Any

from archive_app.core.search.analysis import fold, stem
from archive_app.core.search.compile import CONTENT_FIELDS, words_within
from archive_app.core.search.syntax import Word

SUGGEST_BELOW = 3
"""Suggest only for queries with fewer hits than this."""
RARE = 3
"""A word in fewer sources than this may be a misspelling even though the archive has it."""
MIN_LENGTH = 3
MIN_LENGTH_FOR_TWO_EDITS = 5
FAR_FACTOR = 5
"""A word two edits away wins over one a single edit away if this many times more used."""
CANDIDATES = 50


def suggestion(
    reader: Any,
    text: str,
    words: Sequence[Word],
    total: int,
    count: Callable[[str], int],
) -> str | None:
    """A corrected ``text`` that finds more than ``total`` sources (``count`` counts what a
    query finds), or None. ``words`` are the plain words of ``text``, with their places."""
    replacements = []
    for word in words:
        if word.start < 0:
            continue
        better = _better_word(reader, word.text)
        if better is not None:
            replacements.append((word, better))
    if not replacements:
        return None
    corrected = text
    for word, better in sorted(replacements, key=lambda pair: pair[0].start, reverse=True):
        corrected = corrected[: word.start] + _cased_like(word.text, better) + corrected[word.end :]
    if corrected == text or count(corrected) <= total:
        return None
    return corrected


def _better_word(reader: Any, typed: str) -> str | None:
    """The archive's word to put in place of ``typed``: the most used one edit away, unless a
    word two edits away is used far more (Karbak → Karabakh rather than a stray Karbakh)."""
    word = fold(typed.lower())
    if len(word) < MIN_LENGTH or not word.isalpha():
        return None
    known = _sources_with(reader, word)
    if known >= RARE:
        return None
    choice = _most_used(reader, _words_within(reader, word, 1))
    if len(word) >= MIN_LENGTH_FOR_TWO_EDITS:
        far = _most_used(reader, _words_within(reader, word, 2))
        if far is not None and (
            choice is None
            or _sources_with(reader, far) >= FAR_FACTOR * _sources_with(reader, choice)
        ):
            choice = far
    if choice is None or _sources_with(reader, choice) <= known:
        return None
    return choice


def _words_within(reader: Any, word: str, distance: int) -> set[str]:
    found: set[str] = set()
    for f in CONTENT_FIELDS:
        spelling = reader.schema[f].spelling_fieldname(f)
        found.update(islice(words_within(reader, spelling, word, distance), CANDIDATES))
    found.discard(word)
    return found


def _most_used(reader: Any, words: set[str]) -> str | None:
    if not words:
        return None
    return max(sorted(words), key=lambda candidate: _sources_with(reader, candidate))


def _sources_with(reader: Any, word: str) -> int:
    term = stem(word)
    return sum(int(reader.doc_frequency(f, term)) for f in CONTENT_FIELDS)


def _cased_like(typed: str, word: str) -> str:
    if len(typed) > 1 and typed.isupper():
        return word.upper()
    if typed[:1].isupper():
        return word[:1].upper() + word[1:]
    return word
