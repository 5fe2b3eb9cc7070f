"""How text becomes index terms: tokenise, lower-case, fold accents, drop stop words, stem.

Folding comes before stemming so that ``Xankəndi`` and ``xankendi``, ``Ağdam`` and ``Agdam`` end
up as the same term. Letters with no Unicode decomposition (Azerbaijani ə and ı, ø, ł, ß …)
are folded from an explicit table. These classes are pickled into the index's schema by
reference, so they must stay importable under these names.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from functools import lru_cache
from typing import Any

from whoosh.analysis import Filter, LowercaseFilter, RegexTokenizer, StopFilter

# Letters that NFD does not split into a base letter and a mark.
_UNDECOMPOSABLE = {
    "ə": "e",
    "ı": "i",
    "ø": "o",
    "đ": "d",
    "ð": "d",
    "ł": "l",
    "ŀ": "l",
    "ħ": "h",
    "ß": "ss",
    "æ": "ae",
    "œ": "oe",
    "þ": "th",
    "ŧ": "t",
    "ĸ": "k",
    "ŋ": "n",
    "ё": "е",
    "ʼ": "",
    "ʻ": "",
}
_FOLD_TABLE = str.maketrans(_UNDECOMPOSABLE)


@lru_cache(maxsize=200_000)
def fold(word: str) -> str:
    """``word`` without accents or special letters: ``xankəndi`` → ``xankendi``."""
    if word.isascii():
        return word
    decomposed = unicodedata.normalize("NFD", word.translate(_FOLD_TABLE))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@lru_cache(maxsize=1)
def _english_stemmer() -> Any:
    from whoosh.lang.snowball.english import EnglishStemmer

    return EnglishStemmer()


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """The Snowball (Porter2) English stem; words in other scripts pass through unchanged."""
    if not word.isascii():
        return word
    result: str = _english_stemmer().stem(word)
    return result


class FoldingFilter(Filter):  # type: ignore[misc]
    """Folds each token with :func:`fold`."""

    def __call__(self, tokens: Iterator[Any]) -> Iterator[Any]:
        for token in tokens:
            token.text = fold(token.text)
            yield token


class EnglishStemFilter(Filter):  # type: ignore[misc]
    """Stems each token with :func:`stem`; thread-safe (Whoosh's own cache is not)."""

    is_morph = True

    def __call__(self, tokens: Iterator[Any]) -> Iterator[Any]:
        for token in tokens:
            if not token.stopped:
                token.text = stem(token.text)
            yield token


WORD = r"[^\W_]+(?:\.?[^\W_]+)*"
"""A word: letters and digits, with inner dots kept ("U.N", "3.5"). Unlike Whoosh's default
pattern it takes in neither "*" nor "_", so Markdown emphasis (``**date**``, ``_place_``) still
gives the words."""


def content_analyzer() -> Any:
    """For body, title, captions and notes: folded, stop words out, stemmed."""
    return (
        RegexTokenizer(WORD)
        | LowercaseFilter()
        | FoldingFilter()
        | StopFilter()
        | EnglishStemFilter()
    )


def name_analyzer() -> Any:
    """For names (authors, sites): folded but not stemmed, every word kept."""
    return RegexTokenizer(WORD) | LowercaseFilter() | FoldingFilter()


def analyze(text: str) -> list[str]:
    """The index terms of ``text`` under :func:`content_analyzer`, in order."""
    return [token.text for token in content_analyzer()(text)]
