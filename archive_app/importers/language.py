"""The language of a document: what its file declares, unless its text says otherwise.

Detection is py3langid (a fork of langid.py): on short texts of our own in Russian, Ukrainian,
Armenian, Azerbaijani, Turkish, Georgian, Arabic, Hebrew and English it named 36 of 36
sentences and 35 of 36 three-word snippets right and loaded in half a second, in a process of
137 MB at its peak; lingua (all languages) named 34 of 36 snippets, took 3 s to load and
1.15 GB (``benchmarks/bench_language.py``). A declared language stands unless the text is long
enough to judge and the detector is sure it is another language; a file that declares
nothing gets the detected one when the detector is reasonably sure.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from archive_app.importers.document import ExtractedDocument

SAMPLE_CHARS = 1500
"""Text looked at: the title, the start of the body and the captions, up to this many
characters."""
MIN_LETTERS = 12
"""Fewer letters than this say nothing reliable about a language."""
CONTRADICTION_LETTERS = 200
"""A declaration is overruled only by at least this much text ..."""
CONTRADICTION_CONFIDENCE = 0.95
"""... on which the detector is at least this sure."""
DETECTION_CONFIDENCE = 0.5

_THREE_LETTER_CODES = {
    "ara": "ar",
    "arm": "hy",
    "hye": "hy",
    "aze": "az",
    "chi": "zh",
    "zho": "zh",
    "deu": "de",
    "ger": "de",
    "eng": "en",
    "fra": "fr",
    "fre": "fr",
    "geo": "ka",
    "kat": "ka",
    "heb": "he",
    "jpn": "ja",
    "rus": "ru",
    "spa": "es",
    "tur": "tr",
    "ukr": "uk",
}
_OLD_CODES = {"iw": "he", "in": "id", "ji": "yi"}
_NOT_LETTERS = re.compile(r"[\W\d_]+")


def language_code(tag: str) -> str:
    """The ISO 639-1 code of a language tag or name code: ``en-GB`` → ``en``, ``az_Latn`` →
    ``az``, ``rus`` → ``ru``, ``iw`` → ``he``; '' when there is none."""
    primary = re.split(r"[-_;,\s]", tag.strip().lower(), maxsplit=1)[0]
    primary = _THREE_LETTER_CODES.get(primary, _OLD_CODES.get(primary, primary))
    return primary if re.fullmatch(r"[a-z]{2}", primary) else ""


def detect_language(text: str) -> tuple[str, float]:
    """The ISO 639-1 code the text is most likely in and how sure that is (0 to 1);
    ('', 0.0) for text with too few letters to tell."""
    sample = text[:SAMPLE_CHARS]
    return _detected(sample, _letter_count(sample))


def _detected(sample: str, letters: int) -> tuple[str, float]:
    if letters < MIN_LETTERS:
        return "", 0.0
    code, confidence = load_detector().classify(sample)
    return str(code), float(confidence)


def _letter_count(text: str) -> int:
    """The letters in ``text``: what is left when all else is cut out (twice as fast as
    listing them)."""
    return len(_NOT_LETTERS.sub("", text))


def settle_language(document: ExtractedDocument) -> str:
    """The language ``document`` is in: declared, detected, or declared but contradicted."""
    declared = language_code(document.language)
    sample = "\n".join(
        [document.title, document.body[:SAMPLE_CHARS], *(c.text for c in document.captions)]
    )
    sample = sample[:SAMPLE_CHARS]
    letters = _letter_count(sample)
    if declared and letters < CONTRADICTION_LETTERS:
        return declared  # too little text to overrule it: not worth detecting
    detected, confidence = _detected(sample, letters)
    if not declared:
        return detected if confidence >= DETECTION_CONFIDENCE else ""
    contradicted = detected and detected != declared and confidence >= CONTRADICTION_CONFIDENCE
    return detected if contradicted else declared


@lru_cache(maxsize=1)
def load_detector() -> Any:
    """The language identifier, loaded once per process, from its model unpacked in the
    user's cache folder (:mod:`.language_model`)."""
    from archive_app.core.paths import user_cache_dir
    from archive_app.importers.language_model import load_identifier

    return load_identifier(user_cache_dir())
