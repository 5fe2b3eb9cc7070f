"""Word forms by language and script: the terms one word is indexed and searched under.

Every word of a source gets a *primary* term, made by the source's language:

- a Snowball stemmer (PyStemmer) where one exists for it: Russian ``Степанакерте`` →
  ``степанакерт``, Armenian, Turkish, Arabic, Greek and the others it ships. Azerbaijani uses the
  Turkish stemmer (the suffixes are nearly the same), so ``Xankəndidə`` → ``xankendi``. English,
  and a source of unknown language, are folded first and then stemmed, as before;
- a light rule for the others (Ukrainian, Georgian, Hebrew …): a long word is cut to its first
  :data:`LIGHT_PREFIX` letters, so word endings stop mattering;

and then folded (:func:`.analysis.fold`). A word written in a non-Latin script also gets a
*cross-script* term beside it: the stem transliterated to Latin letters (anyascii, with the
BGN/PCGN spellings for Azerbaijani, Turkish and Armenian letters), without apostrophes and final
vowels, so that ``Степанакерте``, ``Ստեփանակերտ`` and ``Stepanakert`` share ``stepanakert``.

A query has no reliable language, so a query word is searched under the terms it would have in
every language the archive holds (:func:`query_forms`).
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterable
from functools import lru_cache
from typing import Any

from anyascii import anyascii

from archive_app.core.search.folding import fold

SNOWBALL: dict[str, str] = {
    "ar": "arabic",
    "hy": "armenian",
    "eu": "basque",
    "ca": "catalan",
    "cs": "czech",
    "da": "danish",
    "nl": "dutch",
    "en": "english",
    "eo": "esperanto",
    "et": "estonian",
    "fi": "finnish",
    "fr": "french",
    "de": "german",
    "el": "greek",
    "hi": "hindi",
    "hu": "hungarian",
    "id": "indonesian",
    "ga": "irish",
    "it": "italian",
    "lt": "lithuanian",
    "ne": "nepali",
    "no": "norwegian",
    "nb": "norwegian",
    "nn": "norwegian",
    "fa": "persian",
    "pl": "polish",
    "pt": "portuguese",
    "ro": "romanian",
    "ru": "russian",
    "sr": "serbian",
    "es": "spanish",
    "sv": "swedish",
    "ta": "tamil",
    "tr": "turkish",
    "az": "turkish",
    "yi": "yiddish",
}
"""ISO 639-1 code → the PyStemmer algorithm that stems it."""

LATIN_SCRIPT = frozenset(
    [
        "en",
        "eu",
        "ca",
        "cs",
        "da",
        "nl",
        "eo",
        "et",
        "fi",
        "fr",
        "de",
        "hu",
        "id",
        "ga",
        "it",
        "lt",
        "no",
        "nb",
        "nn",
        "pl",
        "pt",
        "ro",
        "es",
        "sv",
        "tr",
        "az",
    ]
)
"""Languages written in Latin letters: an ASCII word in any other language's source is a
foreign word (a name, an agency) and is treated as English."""

LIGHT_PREFIX = 7
"""Languages without a stemmer keep this many letters of a longer word."""

_BEFORE_TRANSLITERATION: dict[str, dict[str, str]] = {
    "": {"ş": "sh", "ç": "ch", "ə": "e", "ğ": "g", "ı": "i"},
    "az": {"x": "kh", "c": "j"},
    "hy": {"ու": "u", "եւ": "ev", "և": "ev"},
}
"""Spellings anyascii would give otherwise (``Şuşa`` must become ``shusha``, never ``susa``;
Azerbaijani ``x`` sounds as ``kh``; Armenian ``ու`` is ``u``)."""

_ASCII_SPELLINGS = frozenset(
    language
    for language, table in _BEFORE_TRANSLITERATION.items()
    if any(letters.isascii() for letters in table)
)
"""Languages whose spellings change ASCII letters too (Azerbaijani ``x``): the others leave a
word in ASCII letters as it is, and so does anyascii."""
_NOT_LETTERS = re.compile(r"[^a-z0-9]")
_FINAL_VOWELS = re.compile(r"(?<=[a-z]{4})[aeiouy]+$")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af]")
CJK_RUN = re.compile(_CJK.pattern + "+")
"""A run of Chinese, Japanese (kana too) or Korean characters."""


def primary_language(code: str) -> str:
    """The ISO 639-1 part of a language tag: ``az-Latn-AZ`` → ``az``, ``EN_us`` → ``en``."""
    return re.split(r"[-_]", code.strip().lower(), maxsplit=1)[0]


def is_cjk(text: str) -> bool:
    return bool(_CJK.match(text))


_local = threading.local()


def _stemmer(algorithm: str) -> Any:
    """This thread's stemmer for ``algorithm`` (PyStemmer objects are not thread-safe)."""
    stemmers: dict[str, Any] | None = getattr(_local, "stemmers", None)
    if stemmers is None:
        stemmers = _local.stemmers = {}
    if algorithm not in stemmers:
        import Stemmer

        stemmers[algorithm] = Stemmer.Stemmer(algorithm)
    return stemmers[algorithm]


@lru_cache(maxsize=200_000)
def english_stem(word: str) -> str:
    """The Snowball (Porter2) English stem of a folded word; other scripts pass unchanged."""
    if not word.isascii():
        return word
    result: str = _stemmer("english").stemWord(word)
    return result


@lru_cache(maxsize=400_000)
def _base(word: str, language: str) -> tuple[str, bool]:
    """The stem of a lower-cased word in ``language`` (not folded), and whether it was made
    by the light rule."""
    algorithm = SNOWBALL.get(language)
    foreign = word.isascii() and language not in LATIN_SCRIPT
    if language in ("", "en") or foreign:
        return english_stem(fold(word)), False
    if algorithm is None:
        return (word[:LIGHT_PREFIX] if len(word) > LIGHT_PREFIX else word), True
    if language == "az":
        word = word.replace("ə", "e")
    return _stemmer(algorithm).stemWord(word), False


@lru_cache(maxsize=400_000)
def index_forms(word: str, language: str) -> tuple[str, str]:
    """The primary term of a lower-cased word in a source of ``language``, and its
    cross-script term ('' when it has none: it is written in plain Latin letters already)."""
    if word.isascii() and word.isalnum() and _english_for_ascii(language):
        # Most words: stemmed as English, nothing to fold, and their stem is its own
        # transliteration. What the steps below give, without them.
        base = english_stem(word)
        if base.isalnum() and (base.islower() or base.isdigit()):
            return base, ""
    if is_cjk(word):
        return word, ""
    base, light = _base(word, language)
    primary = fold(base)
    latin = transliterate(word if light else base, language)
    if latin == primary or not latin:
        return primary, ""
    if light:
        latin = latin[:LIGHT_PREFIX]
    return primary, _FINAL_VOWELS.sub("", latin)


@lru_cache(maxsize=256)
def _english_for_ascii(language: str) -> bool:
    """Whether a word in ASCII letters in a source of ``language`` is stemmed as English and
    transliterated as it is."""
    english = language in ("", "en") or language not in LATIN_SCRIPT
    return english and language not in _ASCII_SPELLINGS


@lru_cache(maxsize=100_000)
def transliterate(word: str, language: str = "") -> str:
    """``word`` in lower-case ASCII letters and digits: ``Ստեփանակերտ`` → ``stepanakert``."""
    text = word.lower()
    if text.isascii() and language not in _ASCII_SPELLINGS:
        return _NOT_LETTERS.sub("", text)  # what the tables and anyascii leave as it is
    for table in (_BEFORE_TRANSLITERATION.get(language, {}), _BEFORE_TRANSLITERATION[""]):
        for letters, latin in table.items():
            text = text.replace(letters, latin)
    return _NOT_LETTERS.sub("", anyascii(text).lower())


def word_forms(word: str, languages: Iterable[str]) -> frozenset[str]:
    """Every term a lower-cased query word may have been indexed under in a source of one of
    ``languages``: its primary and cross-script terms in each, and the primary terms of its
    transliterations (so ``Ханкенди`` meets an English ``Khankendi``)."""
    return _word_forms(word, tuple(sorted(set(languages) | {""})))


@lru_cache(maxsize=20_000)
def _word_forms(word: str, languages: tuple[str, ...]) -> frozenset[str]:
    if is_cjk(word):
        return frozenset({word})
    forms: set[str] = set()
    latin = {transliterate(word, language) for language in languages} - {"", word}
    for language in languages:
        primary, cross = index_forms(word, language)
        forms.add(primary)
        if cross:
            forms.add(cross)
        elif language and language not in SNOWBALL:
            forms.add(_FINAL_VOWELS.sub("", transliterate(word, language)[:LIGHT_PREFIX]))
        else:
            forms.add(_FINAL_VOWELS.sub("", transliterate(primary, language)))
        if language in LATIN_SCRIPT or not language:
            forms.update(index_forms(spelling, language)[0] for spelling in latin)
    forms.discard("")
    return frozenset(forms)
