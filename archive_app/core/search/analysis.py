"""How text becomes index terms: tokenise, lower-case, split, drop stop words, stem, fold.

- Words keep their marks (Arabic and Hebrew vowel marks, the tatweel) and inner apostrophes, so
  ``حَبيبي`` is one word, folded to ``حبيبي``. A short ending after an apostrophe is a suffix
  and goes (Turkish and Azerbaijani ``Karabağ'da`` → ``karabağ``, English ``Shusha's``); a short
  beginning is an elision and goes too (French ``l'armée`` → ``armée``).
- Chinese, Japanese and Korean runs are indexed as overlapping pairs of characters, as Lucene's
  CJK analyzer does: ``巨大地震`` → ``巨大 大地 地震``, so ``地震`` is found inside the run, and a
  phrase is its pairs in a row.
- Stems by the source's language, and a cross-script term beside each word (see
  :mod:`.languages`). The language is the one :func:`analysis_language` sets while a source is
  indexed; outside it, words are analysed as English, as a source of unknown language is.
- Folding comes last for stemmed languages and before the English stemmer, so ``Xankəndi`` and
  ``xankendi``, ``Ağdam`` and ``Agdam`` end up as the same term.

These classes are pickled into the index's schema by reference, so they must stay importable
under these names.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterator
from contextvars import ContextVar
from functools import lru_cache
from typing import Any

from whoosh.analysis import STOP_WORDS, Filter, LowercaseFilter, RegexTokenizer, Token

from archive_app.core.search.folding import fold, mark_class
from archive_app.core.search.languages import (
    CJK_RUN,
    english_stem,
    index_forms,
    is_cjk,
    primary_language,
    word_forms,
)

__all__ = ["analyze", "content_analyzer", "fold", "name_analyzer", "query_forms", "stem"]

APOSTROPHES = "'’ʼ"
SUFFIX_CHARS = 5
"""An ending after an apostrophe of at most this many letters is a suffix."""
ELISION_CHARS = 2

_language: ContextVar[str] = ContextVar("analysis_language", default="")


@contextlib.contextmanager
def analysis_language(code: str) -> Iterator[None]:
    """Analyse text as written in ``code`` (an ISO 639 code or tag) inside the block."""
    token = _language.set(primary_language(code))
    try:
        yield
    finally:
        _language.reset(token)


def stem(word: str) -> str:
    """The Snowball (Porter2) English stem; words in other scripts pass through unchanged."""
    return english_stem(word)


def word_pattern() -> str:
    """A word: letters and digits with their marks, inner dots ("U.N", "3.5") and inner
    apostrophes kept. Underscores are split off later (:class:`WordShapeFilter`), so Markdown
    emphasis (``**date**``, ``_place_``) still gives the words."""
    letters = rf"[\w{mark_class()}]+"
    return rf"{letters}(?:[.{APOSTROPHES}]{letters})*"


class WordShapeFilter(Filter):  # type: ignore[misc]
    """Lower-cases; takes apostrophe suffixes and elisions off and splits at underscores;
    turns CJK runs into overlapping pairs of characters; drops stop words and lone letters
    (not a lone CJK character, which is a word).

    Stop words stay in the stream marked ``stopped`` when the caller asks (highlighting);
    positions are renumbered so that a phrase skips them. One filter rather than several,
    as every token passes through each."""

    def __call__(self, tokens: Iterator[Any]) -> Iterator[Any]:
        position: int | None = None
        for token in tokens:
            text = token.text.lower()
            token.text = text
            if text.isascii() and "'" not in text and "_" not in text:
                pieces: Iterator[Any] = iter((token,))
            else:
                pieces = _shaped(token, text)
            for piece in pieces:
                if _dropped(piece.text):
                    if not piece.removestops:
                        piece.stopped = True
                        yield piece
                    continue
                if piece.positions:
                    position = piece.pos if position is None else position + 1
                    piece.pos = position
                piece.stopped = False
                yield piece


def _dropped(word: str) -> bool:
    """Whether a shaped word is left out: a stop word, or a lone letter (not CJK)."""
    return word in STOP_WORDS or (len(word) < 2 and not is_cjk(word))


def _shaped(token: Any, text: str) -> Iterator[Any]:
    if "_" in text:
        yield from _pieces(token, [part for part in text.split("_") if part])
        return
    if any(mark in text for mark in APOSTROPHES):
        text = _without_affix(text)
        if " " in text:
            yield from _pieces(token, text.split(" "))
            return
        token.text = text
    if _has_cjk(text):
        yield from _cjk_tokens(token, text)
        return
    yield token


def _without_affix(text: str) -> str:
    parts = re.split(f"[{APOSTROPHES}]", text)
    head, tail = parts[0], "".join(parts[1:])
    if len(tail) <= SUFFIX_CHARS and len(head) >= ELISION_CHARS:
        return head
    if len(head) <= ELISION_CHARS:
        return tail
    return f"{head} {tail}"


@lru_cache(maxsize=50_000)
def _has_cjk(text: str) -> bool:
    return any(is_cjk(char) for char in text)


@lru_cache(maxsize=50_000)
def _cjk_pieces(text: str) -> list[tuple[int, int]]:
    """Where the pieces of a word are: each run of other letters whole, each CJK run as its
    overlapping pairs (one character alone stays itself)."""
    pieces: list[tuple[int, int]] = []
    cursor = 0
    for match in CJK_RUN.finditer(text):
        if match.start() > cursor:
            pieces.append((cursor, match.start()))
        start, end = match.span()
        pieces.extend(
            [(start, end)] if end - start == 1 else [(i, i + 2) for i in range(start, end - 1)]
        )
        cursor = end
    if cursor < len(text):
        pieces.append((cursor, len(text)))
    return pieces


def _pieces(token: Any, pieces: list[str]) -> Iterator[Any]:
    """One token per piece, in order (their positions are renumbered by the stop filter; all
    keep the word's characters, so the whole word is highlighted)."""
    for piece in pieces:
        token.text = piece
        yield token


def _cjk_tokens(token: Any, text: str) -> Iterator[Any]:
    """The pieces of a word with CJK runs, each with its own characters (for highlighting)."""
    exact = token.chars and token.endchar - token.startchar == len(text)
    first = token.startchar if token.chars else 0
    for start, end in _cjk_pieces(text):
        token.text = text[start:end]
        if exact:
            token.startchar, token.endchar = first + start, first + end
        yield token


class LanguageFilter(Filter):  # type: ignore[misc]
    """Each word's primary term in the language being indexed, folded; when indexing, its
    cross-script term too, at the same position."""

    is_morph = True

    def __call__(self, tokens: Iterator[Any]) -> Iterator[Any]:
        language = _language.get()
        for token in tokens:
            if token.stopped:
                yield token
                continue
            primary, cross = index_forms(token.text, language)
            token.text = primary
            yield token
            if cross and token.mode == "index":
                token.text = cross
                yield token


class FoldingFilter(Filter):  # type: ignore[misc]
    """Folds each token with :func:`fold`."""

    def __call__(self, tokens: Iterator[Any]) -> Iterator[Any]:
        for token in tokens:
            token.text = _folded(token.text)
            yield token


def _folded(text: str) -> str:
    return text if text.isascii() else fold(text)


class EnglishStemFilter(Filter):  # type: ignore[misc]
    """Stems each token with :func:`stem`: the analysis of index schema 3, kept so that
    benchmarks can compare and older schemas still unpickle."""

    is_morph = True

    def __call__(self, tokens: Iterator[Any]) -> Iterator[Any]:
        for token in tokens:
            if not token.stopped:
                token.text = stem(token.text)
            yield token


def content_analyzer() -> Any:
    """For body, title, captions and notes: split, stop words out, stemmed by language, folded."""
    return RegexTokenizer(word_pattern()) | WordShapeFilter() | LanguageFilter() | FoldingFilter()


def name_analyzer() -> Any:
    """For names (authors, sites): folded but not stemmed, every word kept."""
    return RegexTokenizer(word_pattern()) | LowercaseFilter() | FoldingFilter()


def shaped_words(text: str) -> Iterator[tuple[str, int, int, int]]:
    """The words of ``text`` as :func:`content_analyzer` shapes them before their terms are
    made, each with its position and characters: what :class:`WordShapeFilter` gives after
    the tokenizer, without a token object through two generators for the plain words."""
    position: int | None = None
    token = Token(positions=True, chars=True, removestops=True, mode="index")
    for index, match in enumerate(_word_expression().finditer(text)):
        word = match.group().lower()
        if word.isascii() and "'" not in word and "_" not in word:
            if not _dropped(word):
                position = index if position is None else position + 1
                yield word, position, match.start(), match.end()
            continue
        token.text, token.pos = word, index
        token.startchar, token.endchar = match.span()
        for piece in _shaped(token, word):
            if not _dropped(piece.text):
                position = index if position is None else position + 1
                yield piece.text, position, piece.startchar, piece.endchar


@lru_cache(maxsize=1)
def _word_expression() -> re.Pattern[str]:
    return re.compile(word_pattern())


@lru_cache(maxsize=400_000)
def word_terms(word: str, language: str) -> tuple[str, str, str]:
    """What :func:`content_analyzer` makes of one shaped word of a source in ``language``:
    its primary term, its cross-script term ('' when none), and its spelling word (the word
    folded but not stemmed, as Whoosh's ``spell_`` fields hold it)."""
    primary, cross = index_forms(word, language)
    return _folded(primary), _folded(cross), _folded(word)


def current_language() -> str:
    """The language :func:`analysis_language` set ('' outside it)."""
    return _language.get()


def analyze(text: str) -> list[str]:
    """The primary terms of ``text`` under :func:`content_analyzer`, in order."""
    return [token.text for token in _content()(text)]


@lru_cache(maxsize=1)
def _content() -> Any:
    return content_analyzer()


def query_forms(text: str, languages: tuple[str, ...]) -> list[frozenset[str]]:
    """The words of a query text, each as every term it may be indexed under in a source of
    one of ``languages`` (aligned with :func:`analyze`: one set per term it gives)."""
    with analysis_language(""):
        shaped = [token.text for token in _shaper()(text)]
    return [word_forms(word, languages) | {analyze_word(word)} for word in shaped]


def analyze_word(word: str) -> str:
    """The primary term of one shaped, lower-cased word in a source of unknown language."""
    return index_forms(word, "")[0]


@lru_cache(maxsize=1)
def _shaper() -> Any:
    return RegexTokenizer(word_pattern()) | WordShapeFilter()
