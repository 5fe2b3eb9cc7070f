"""Where the words of a search stand in a source's texts: the pure computation behind the
reader's marks. Imports no Qt and touches no widget, so the reader can run it on the window's
TaskRunner for a long source and keep the window answering while it runs."""

from __future__ import annotations

from dataclasses import dataclass, field

from archive_app.core.model import Source
from archive_app.core.search.highlighting import Match, QueryTerms, aliases_matched

BACKGROUND_TEXT_CHARS = 100_000
"""A source whose texts (body and captions) are longer than this has its matches found in the
background: finding them takes about a second for each megabyte of text."""


@dataclass(frozen=True)
class TextMatches:
    """The matches of a query in a source: in its body, in each caption (by caption id), and,
    for each query word that matched through an alias, the names found."""

    body: list[Match] = field(default_factory=list)
    captions: list[tuple[int, list[Match]]] = field(default_factory=list)
    aliases: dict[str, list[str]] = field(default_factory=dict)


def text_size(source: Source) -> int:
    """How many characters the matches of a query are looked for in."""
    return len(source.body) + sum(len(figure.text) for figure in source.images)


def find_text_matches(source: Source, terms: QueryTerms) -> TextMatches:
    """The matches of ``terms`` in ``source``'s body and captions."""
    if not terms:
        return TextMatches()
    aliases: dict[str, list[str]] = {}
    body = terms.find(source.body, "body")
    _note_aliases(aliases, body, source.body)
    captions = []
    for figure in source.images:
        found = terms.find(figure.text, "caption")
        _note_aliases(aliases, found, figure.text)
        captions.append((figure.id, found))
    return TextMatches(body, captions, aliases)


def _note_aliases(aliases: dict[str, list[str]], matches: list[Match], text: str) -> None:
    for query_word, names in aliases_matched(matches, text).items():
        known = aliases.setdefault(query_word, [])
        known.extend(name for name in names if name not in known)
