"""From Whoosh hits to :class:`Hit`: snippets with highlights, the PDF page, matched names.

A hit lists the alias names it matched and the words of other forms than the query's (another
script, another case ending: ``Степанакерте`` for a search for ``Stepanakert``).

Snippets come from the character positions the index keeps for body, captions and notes
(``chars=True``), so the best passages are found without re-reading the text and as deep into a
long article as the hit lies (no 32 KB limit). Titles are short and re-analysed whole.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from whoosh import highlight

from archive_app.core.aliases import AliasGroup, name_key
from archive_app.core.search.analysis import analysis_language, analyze_word, fold
from archive_app.core.search.compile import CONTENT_FIELDS, NAME_FIELDS, name_terms
from archive_app.core.search.pinpoint import PinpointHighlighter
from archive_app.core.search.results import Hit, Span

SNIPPET_FIELDS = ("body", "caption", "note")
TEXT_FIELDS = frozenset(CONTENT_FIELDS + NAME_FIELDS)
FRAGMENT_CHARS = 200
CONTEXT_CHARS = 60
FRAGMENTS = 2
LEAD_CHARS = 220
ELLIPSIS = "…"
SEPARATOR = f" {ELLIPSIS} "
MAX_MATCHED_FORMS = 5


@dataclass(frozen=True)
class Marked:
    """Passages of a text with the spans of matched words; ``first`` is the offset in the
    whole text of the first matched word (None: no words matched)."""

    text: str
    spans: list[Span]
    first: int | None


class MarkedFormatter(highlight.Formatter):  # type: ignore[misc]
    """Joins fragments into one :class:`Marked` snippet, line breaks turned to spaces."""

    def format(self, fragments: Sequence[Any], replace: bool = False) -> Marked:
        pieces: list[str] = []
        spans: list[Span] = []
        first: int | None = None
        length = 0
        for number, fragment in enumerate(fragments):
            text = fragment.text
            pieces.append(SEPARATOR if number else _opening(fragment))
            length += len(pieces[-1])
            cursor = fragment.startchar
            for token in fragment.matches:
                if token.startchar < cursor:
                    continue
                between = text[cursor : token.startchar]
                word = text[token.startchar : token.endchar]
                pieces += [between, word]
                spans.append((length + len(between), length + len(between) + len(word)))
                length += len(between) + len(word)
                cursor = token.endchar
                first = token.startchar if first is None else min(first, token.startchar)
            tail = text[cursor : fragment.endchar]
            pieces.append(tail)
            length += len(tail)
            if number == len(fragments) - 1 and fragment.endchar < len(text):
                pieces.append(ELLIPSIS)
        return Marked(_one_line("".join(pieces)), spans, first)


def _opening(fragment: Any) -> str:
    return f"{ELLIPSIS} " if fragment.startchar > 0 else ""


def _one_line(text: str) -> str:
    """Line breaks and tabs as spaces, one for one, so spans stay where they were."""
    return text.translate(_LINE_BREAKS)


_LINE_BREAKS = str.maketrans("\n\r\t", "   ")


class HitMaker:
    """Makes the :class:`Hit` of each Whoosh hit of one search's results."""

    def __init__(
        self,
        results: Any,
        alias_groups: Sequence[AliasGroup],
        typed: Sequence[str] = (),
        *,
        snippets: bool = True,
    ) -> None:
        """``snippets=False``: hits without snippets or highlights (the costly part)."""
        self._snippets = snippets
        results.highlighter = PinpointHighlighter(
            fragmenter=highlight.PinpointFragmenter(
                maxchars=FRAGMENT_CHARS, surround=CONTEXT_CHARS, autotrim=True, charlimit=None
            ),
            formatter=MarkedFormatter(),
        )
        self._titles = highlight.Highlighter(
            fragmenter=highlight.WholeFragmenter(charlimit=None), formatter=MarkedFormatter()
        )
        self._alias_names = [name for group in alias_groups for name in group.names]
        spelt = [*typed, *(word for name in self._alias_names for word in name.split())]
        self._typed = bool(typed)
        self._spelt = {analyze_word(fold(word.lower())) for word in spelt}

    def hit(self, found: Any) -> Hit:
        matched = _matched_terms(found)
        fields = found.fields()
        snippet_field, snippet = (
            self._snippet(found, fields, matched) if self._snippets else ("", Marked("", [], None))
        )
        page = None
        if snippet_field == "body" and snippet.first is not None:
            page = page_of(fields.get("page_starts") or [], snippet.first)
        with analysis_language(fields.get("lang", "")):
            title_spans = self._title_spans(found, fields, matched) if self._snippets else []
        forms = self._other_forms(
            [snippet.text[a:b] for a, b in snippet.spans]
            + [fields.get("title", "")[a:b] for a, b in title_spans]
        )
        return Hit(
            id=int(fields["id"]),
            kind=fields["kind"],
            title=fields.get("title", ""),
            score=float(found.score or 0.0),
            snippet=snippet.text,
            highlights=snippet.spans,
            page=page,
            matched_aliases=list(dict.fromkeys([*self._aliases_in(matched), *forms])),
            title_highlights=title_spans,
            snippet_field=snippet_field,
            published=fields.get("date", ""),
            site=fields.get("site", ""),
            authors=[a for a in fields.get("author", "").split("\n") if a],
        )

    def _snippet(
        self, found: Any, fields: dict[str, Any], matched: dict[str, set[str]]
    ) -> tuple[str, Marked]:
        for name in SNIPPET_FIELDS:
            if matched.get(name) and fields.get(name):
                marked = found.highlights(name, top=FRAGMENTS)
                if isinstance(marked, Marked) and marked.text:
                    return name, marked
        for name in SNIPPET_FIELDS:
            if fields.get(name):
                return name, Marked(_lead(fields[name]), [], None)
        return "", Marked("", [], None)

    def _title_spans(
        self, found: Any, fields: dict[str, Any], matched: dict[str, set[str]]
    ) -> list[Span]:
        if not matched.get("title") or not fields.get("title"):
            return []
        marked = self._titles.highlight_hit(found, "title", top=1)
        return marked.spans if isinstance(marked, Marked) else []

    def _other_forms(self, words: Sequence[str]) -> list[str]:
        """Matched words that the query did not spell so (another script or word form)."""
        if not self._typed:
            return []
        forms = [
            word
            for word in dict.fromkeys(words)
            if analyze_word(fold(word.lower())) not in self._spelt
        ]
        return forms[:MAX_MATCHED_FORMS]

    def _aliases_in(self, matched: dict[str, set[str]]) -> list[str]:
        """The alias names whose every term matched in one field of this source."""
        found = []
        for name in self._alias_names:
            key, words = set(name_key(name)), set(name_terms(name))
            if any(key <= matched.get(f, set()) for f in CONTENT_FIELDS) or any(
                words <= matched.get(f, set()) for f in NAME_FIELDS
            ):
                found.append(name)
        return list(dict.fromkeys(found))


def page_of(page_starts: Sequence[Sequence[int]], offset: int) -> int | None:
    """The number of the page holding ``offset`` of the body (``page_starts``: each page's
    number and first offset, in order)."""
    starts = [start for _, start in page_starts]
    index = bisect_right(starts, offset) - 1
    return int(page_starts[index][0]) if index >= 0 else None


def _matched_terms(found: Any) -> dict[str, set[str]]:
    matched: dict[str, set[str]] = {}
    for fieldname, term in found.matched_terms():
        if fieldname in TEXT_FIELDS:
            text = term.decode("utf-8") if isinstance(term, bytes) else str(term)
            matched.setdefault(fieldname, set()).add(text)
    return matched


def _lead(text: str) -> str:
    """The start of a text, cut at a word."""
    if len(text) <= LEAD_CHARS:
        return _one_line(text)
    cut = text.rfind(" ", 0, LEAD_CHARS)
    return _one_line(text[: cut if cut > 0 else LEAD_CHARS]) + f" {ELLIPSIS}"
