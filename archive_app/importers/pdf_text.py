"""The text of PDF pages made fit to read and search: spaces, ligatures, broken words.

pypdf gives one line of text per line on the page, separates some words with tabs and keeps
the hyphen of every word the typesetter broke at a line end ("takimata" printed as "taki-" and
"mata"). A search for the word must find it, so line-end hyphens are removed, except where the
document itself writes the word with a hyphen elsewhere ("well-known").
"""

from __future__ import annotations

import re

from archive_app.importers.text_normal import normalize_inline, normalize_text

_TITLE_MAX = 200
_BROKEN_WORD = re.compile(r"([^\W\d_]+)-\n([^\W\d_]+)( ?)")
_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
_LETTERS = re.compile(r"[^\W\d_]")
_PAGE_NUMBER_LINE = re.compile(r"^(?:page\s*)?\d+(?:\s*(?:/|of)\s*\d+)?$", re.IGNORECASE)


def clean_pages(raw_pages: list[str]) -> list[str]:
    """Every page's text normalised, with line-end hyphenation undone across the document."""
    pages = [normalize_text(text.replace("\t", " ")) for text in raw_pages]
    words = _vocabulary(pages)
    return [_join_broken_words(text, words) for text in pages]


def first_meaningful_line(text: str) -> str:
    """The first line that reads like a heading or a sentence, not a page number or a rule."""
    for line in text.split("\n"):
        candidate = normalize_inline(line)
        if len(_LETTERS.findall(candidate)) >= 3 and not _PAGE_NUMBER_LINE.match(candidate):
            if len(candidate) <= _TITLE_MAX:
                return candidate
            return candidate[:_TITLE_MAX].rsplit(" ", 1)[0] + "…"
    return ""


def _vocabulary(pages: list[str]) -> set[str]:
    """Every word (hyphenated compounds included) that stands whole on one line."""
    return {word.casefold() for text in pages for word in _WORD.findall(text)}


def _join_broken_words(text: str, vocabulary: set[str]) -> str:
    def join(match: re.Match[str]) -> str:
        head, tail, space = match.groups()
        if not (head[-1].islower() and tail[0].islower()):
            return match.group(0)
        joined = f"{head}-{tail}" if _is_compound(head, tail, vocabulary) else head + tail
        return joined + ("\n" if space else "")

    return _BROKEN_WORD.sub(join, text)


def _is_compound(head: str, tail: str, vocabulary: set[str]) -> bool:
    compound = f"{head}-{tail}".casefold()
    return compound in vocabulary and (head + tail).casefold() not in vocabulary


def title_from_name(name: str) -> str:
    """The title a file's name gives when the file names none: "field_notes-2023.pdf" →
    "field notes 2023"."""
    stem = name.rsplit("/", 1)[-1].rsplit(".", 1)[0]
    return normalize_inline(stem.replace("_", " ").replace("-", " "))
