"""Folding: one spelling for the letters a reader takes as the same (case aside).

Accents and marks go (Arabic and Hebrew vowel marks too, and the Arabic tatweel), and letters
with no Unicode decomposition are folded from an explicit table (Azerbaijani ə and ı, ø, ł, ß …).
``ş`` and ``ç`` become ``sh`` and ``ch``, as Azerbaijani and Turkish names are written in Latin
letters elsewhere: ``Şuşa`` is ``shusha``, and never meets ``Susa``.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from functools import lru_cache

# Letters that NFD does not split into a base letter and a mark, or that fold to more letters.
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
    "ş": "sh",
    "ç": "ch",
    "\u0640": "",
}
_FOLD_TABLE = str.maketrans(_UNDECOMPOSABLE)


@lru_cache(maxsize=200_000)
def fold(word: str) -> str:
    """``word`` without accents or special letters: ``xankəndi`` → ``xankendi``."""
    return fold_text(word)


def fold_text(text: str) -> str:
    """:func:`fold` for any text, without its cache (for text seen once)."""
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFD", text.translate(_FOLD_TABLE))
    return _combining().sub("", decomposed)


@lru_cache(maxsize=1)
def _combining() -> re.Pattern[str]:
    """The characters folding takes away: those with a combining class (accents, Arabic and
    Hebrew vowel marks), not the spacing vowel signs of Indic scripts."""
    return re.compile(f"[{_class_of(lambda char: unicodedata.combining(char) != 0)}]")


@lru_cache(maxsize=1)
def mark_class() -> str:
    """A character class body of every mark of the Basic Multilingual Plane and the Arabic
    tatweel: characters that belong to the letter before them."""
    return _class_of(lambda char: unicodedata.category(char)[0] == "M") + "\u0640"


def _class_of(belongs: Callable[[str], bool]) -> str:
    ranges: list[list[int]] = []
    for code in range(0x300, 0x10000):
        if belongs(chr(code)):
            if ranges and ranges[-1][1] == code - 1:
                ranges[-1][1] = code
            else:
                ranges.append([code, code])
    return "".join(chr(a) if a == b else f"{chr(a)}-{chr(b)}" for a, b in ranges)
