"""What one caption of a photo says that the other captions of the same photo do not.

The words that matter when one side writes "hit by an Azerbaijani drone near Stepanakert" and
the other "destroyed by an Armenian landmine near Khankendi" are places, names and dates; they
are marked by kind so the reader can make them stand out. A word counts as different when no
other caption of the photo has it (case and accents aside).
"""

from __future__ import annotations

import calendar
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

DifferenceKind = Literal["name", "date", "word"]

_TOKEN = re.compile(r"[^\W_]+(?:['’.-][^\W_]+)*", re.UNICODE)
_MONTHS = frozenset(
    name.casefold() for name in (*calendar.month_name[1:], *calendar.month_abbr[1:], "Sept")
)
_SENTENCE_START = re.compile(r"(?:^|[.!?:;]\s+|[\"“(]\s*)$")
_MINOR_WORDS = frozenset(
    re.findall(r"\w+", "a an the of in on at by near to from and or with for as is was are were")
)


@dataclass(frozen=True)
class CaptionDifference:
    """``caption[start:end]`` is a word that no other caption of the photo has."""

    start: int
    end: int
    kind: DifferenceKind


def caption_differences(caption: str, others: Sequence[str]) -> list[CaptionDifference]:
    """The words of ``caption`` missing from every one of ``others``, marked by kind; none when
    there are no other captions to compare with."""
    other_words = [{_fold(m.group()) for m in _TOKEN.finditer(text)} for text in others if text]
    if not other_words:
        return []
    differences: list[CaptionDifference] = []
    for match in _TOKEN.finditer(caption):
        word = _fold(match.group())
        if word in _MINOR_WORDS or any(word in words for words in other_words):
            continue
        differences.append(CaptionDifference(match.start(), match.end(), _kind(caption, match)))
    return differences


def _kind(caption: str, match: re.Match[str]) -> DifferenceKind:
    word = match.group()
    if any(character.isdigit() for character in word) or word.casefold() in _MONTHS:
        return "date"
    if word[0].isupper() and not _SENTENCE_START.search(caption[: match.start()]):
        return "name"
    return "word"


def _fold(word: str) -> str:
    decomposed = unicodedata.normalize("NFKD", word.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))
