"""A source's body analysed for the index ahead of time, by the extraction worker that read it.

Analysing a text for the index (its words shaped, stemmed and folded, their postings and
spelling words made: :func:`content_postings`) was about half of what the index writer spent on
an imported page, and the writer shares the program's process, so one core, with the window and
the import's own bookkeeping, while the workers run on the others. So the worker that reads a
file analyses its body as well (:func:`analyse_body`), as it makes the body's signature, and
sends the analysis with the document. The import offers it to the index (:class:`AnalysedAhead`)
before it records the source, and the writer takes it for a body of exactly that text, in that
language and field format, instead of analysing the body itself. The analysis is made by the
same function either way, so the index is the same (``tests/core/test_analysed_ahead.py``).
"""

from __future__ import annotations

import pickle
import threading
from typing import Any

from whoosh.formats import Characters

from archive_app.core.search.analysis import (
    analysis_language,
    current_language,
    shaped_words,
    word_terms,
)

Posting = tuple[bytes, int, float, bytes]
"""A term's posting in one document: the term, its frequency, weight and encoded value."""

BODY_FORMAT = Characters()
"""The body field's format (positions and characters, no boost), which a body is analysed for
ahead; the writer takes an analysis only for a field of this very format."""
AHEAD_MOST_CHARS = 1 << 20
"""Longer bodies are left to the writer: their analysis would cross the pipe, and be held until
written, several times the size of the text."""
HELD_BYTES = 64 << 20
"""How much the analyses waiting for the writer may hold (with their texts): an import far
ahead of its index lets the oldest go, and the writer analyses those bodies itself."""


def content_postings(text: str, field_format: Any) -> tuple[list[Posting], list[bytes]]:
    """The postings of ``text`` in a field of :func:`.analysis.content_analyzer` (in the order
    Whoosh's format gives them: by each term's first occurrence), and its spelling words,
    sorted; analysed in the language :func:`.analysis.analysis_language` set."""
    language = current_language()
    characters = isinstance(field_format, Characters)
    places: dict[str, list[Any]] = {}
    spelling: set[str] = set()
    for word, position, start, end in shaped_words(text):
        primary, cross, spelled = word_terms(word, language)
        spelling.add(spelled)
        place = (position, start, end) if characters else position
        if primary in places:
            places[primary].append(place)
        else:
            places[primary] = [place]
        if cross:
            if cross in places:
                places[cross].append(place)
            else:
                places[cross] = [place]
    boost = field_format.field_boost
    encode = field_format.encode
    postings = [
        (term.encode("utf-8"), len(found), float(len(found)) * boost, encode(found))
        for term, found in places.items()
    ]
    return postings, [word.encode("utf-8") for word in sorted(spelling)]


def analyse_body(text: str, language: str) -> bytes | None:
    """The analysis of a body in ``language`` (the code its source records) for
    :meth:`AnalysedAhead.offer`; None for a body too long to send (:data:`AHEAD_MOST_CHARS`)."""
    if not text or len(text) > AHEAD_MOST_CHARS:
        return None
    with analysis_language(language):
        postings, spelling = content_postings(text, BODY_FORMAT)
        analysed = (current_language(), BODY_FORMAT.field_boost, postings, spelling)
    return pickle.dumps(analysed, protocol=pickle.HIGHEST_PROTOCOL)


class AnalysedAhead:
    """Bodies analysed ahead (:func:`analyse_body`), by their text, until the writer takes
    them; at most ``held_bytes`` of them, the oldest let go first. Offered from the import's
    thread, taken on the writer's."""

    def __init__(self, held_bytes: int = HELD_BYTES) -> None:
        self._held_bytes = held_bytes
        self._analyses: dict[str, bytes] = {}
        self._size = 0
        self._lock = threading.Lock()
        self.taken = 0
        """How many analyses the writer has taken (and so did not make itself)."""

    def offer(self, text: str, analysis: bytes) -> None:
        size = _size(text, analysis)
        if size > self._held_bytes:
            return
        with self._lock:
            replaced = self._analyses.pop(text, None)
            if replaced is not None:
                self._size -= _size(text, replaced)
            self._analyses[text] = analysis
            self._size += size
            while self._size > self._held_bytes:
                oldest = next(iter(self._analyses))
                self._size -= _size(oldest, self._analyses.pop(oldest))

    def take(self, text: str, field_format: Any) -> tuple[list[Posting], list[bytes]] | None:
        """The postings and spelling words of ``text`` in a field of ``field_format``, in the
        language being analysed, if they were analysed ahead for just that; else None."""
        if type(field_format) is not type(BODY_FORMAT):
            return None
        with self._lock:
            analysis = self._analyses.pop(text, None)
            if analysis is None:
                return None
            self._size -= _size(text, analysis)
        language, boost, postings, spelling = pickle.loads(analysis)
        if language != current_language() or boost != field_format.field_boost:
            return None
        self.taken += 1
        return postings, spelling


def _size(text: str, analysis: bytes) -> int:
    """About the memory a held analysis takes, with its text."""
    return len(text) + len(analysis)
