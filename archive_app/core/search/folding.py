"""Folding: one spelling for the letters a reader takes as the same (case aside).

Accents and marks go (Arabic and Hebrew vowel marks too, and the Arabic tatweel), and letters
with no Unicode decomposition are folded from an explicit table (Azerbaijani ə and ı, ø, ł, ß …).
``ş`` and ``ç`` become ``sh`` and ``ch``, as Azerbaijani and Turkish names are written in Latin
letters elsewhere: ``Şuşa`` is ``shusha``, and never meets ``Susa``.
"""

from __future__ import annotations

import unicodedata
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
    if word.isascii():
        return word
    decomposed = unicodedata.normalize("NFD", word.translate(_FOLD_TABLE))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))
