"""Which languages Tesseract is asked to read, and what a reading turns out to be written in.

Sources carry ISO 639-1 codes (``en``, ``hy``); Tesseract's language packs have their own
names (``eng``, ``hye``, ``aze_cyrl``) and come as Debian/Ubuntu packages
(``tesseract-ocr-aze-cyrl``). Tesseract reads several languages at once, and a picture of a page
says nothing about its language beforehand, so it is given the region's languages together with
the archive's own: measured on our scans (``benchmarks/bench_ocr.py``), reading with five
languages at once reads as many words right as the one right language, in two to three times
the time. The setting narrows the list for an archive that needs fewer.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from collections.abc import Iterable

REGION_LANGUAGES = ("eng", "rus", "hye", "aze", "kat")
"""Read when the setting names no languages: the languages the archive's sources are written in
most (English, Russian, Armenian, Azerbaijani, Georgian)."""

MAX_LANGUAGES = 6
"""Each language more makes reading slower; beyond this, the gain is not worth it."""

TESSERACT_CODES = {
    "en": "eng",
    "ru": "rus",
    "uk": "ukr",
    "hy": "hye",
    "az": "aze",
    "ka": "kat",
    "tr": "tur",
    "ar": "ara",
    "he": "heb",
    "fa": "fas",
    "fr": "fra",
    "de": "deu",
    "es": "spa",
    "it": "ita",
    "pl": "pol",
    "be": "bel",
    "kk": "kaz",
}
ISO_CODES = {tesseract: iso for iso, tesseract in TESSERACT_CODES.items()} | {"aze_cyrl": "az"}

_SCRIPT_OF_LANGUAGE = {
    "rus": "CYRILLIC",
    "ukr": "CYRILLIC",
    "bel": "CYRILLIC",
    "kaz": "CYRILLIC",
    "aze_cyrl": "CYRILLIC",
    "hye": "ARMENIAN",
    "kat": "GEORGIAN",
    "ara": "ARABIC",
    "fas": "ARABIC",
    "heb": "HEBREW",
}
_UKRAINIAN_LETTERS = frozenset("іїєґІЇЄҐ")


def package_name(language: str) -> str:
    """The Debian/Ubuntu package of a language pack: ``aze_cyrl`` → ``tesseract-ocr-aze-cyrl``."""
    return "tesseract-ocr-" + language.replace("_", "-").lower()


def install_command(languages: Iterable[str]) -> str:
    packages = " ".join(package_name(language) for language in dict.fromkeys(languages))
    return f"sudo apt-get install tesseract-ocr {packages} poppler-utils".replace("  ", " ")


def parse_languages(text: str) -> list[str]:
    """Languages written as ``eng+rus``, ``eng, rus`` or ``en ru``, as Tesseract's codes."""
    words = text.replace("+", " ").replace(",", " ").split()
    return list(dict.fromkeys(TESSERACT_CODES.get(word.lower(), word.lower()) for word in words))


def choose_languages(
    setting: str, archive_languages: Iterable[str], installed: set[str]
) -> list[str]:
    """The languages to read with: the setting's (or the region's), then the archive's own
    most common languages, keeping only installed packs; ``eng`` when none is left."""
    wanted = parse_languages(setting) or list(REGION_LANGUAGES)
    wanted += [TESSERACT_CODES[code] for code in archive_languages if code in TESSERACT_CODES]
    usable = [language for language in dict.fromkeys(wanted) if language in installed]
    return usable[:MAX_LANGUAGES] or ["eng"]


def guess_language(text: str, languages: Iterable[str]) -> str:
    """The ISO code of the language ``text`` was most likely read in: the first of ``languages``
    written in the script most of its letters are in ("" when nothing fits)."""
    scripts = Counter(_script(character) for character in text if character.isalpha())
    if not scripts:
        return ""
    script = scripts.most_common(1)[0][0]
    candidates = [language for language in languages if _language_script(language) == script]
    if script == "CYRILLIC" and "ukr" in candidates and _UKRAINIAN_LETTERS & set(text):
        return "uk"
    return ISO_CODES.get(candidates[0], "") if candidates else ""


def _script(character: str) -> str:
    return unicodedata.name(character, "UNKNOWN").split(" ", 1)[0]


def _language_script(language: str) -> str:
    return _SCRIPT_OF_LANGUAGE.get(language, "LATIN")
