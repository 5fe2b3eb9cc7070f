"""A search notes which words each source matched only for the sources that make the page (the
others are never shown): the page, its snippets, highlights and alias names and the facet counts
are those of a search that noted them for every match."""

from __future__ import annotations

import pytest

from archive_app.core.archive import Archive
from archive_app.importers.document import Block, ExtractedDocument
from tests.helpers import StoreDocument

SOURCES = 48
PAGE = 4
QUERIES = [
    "convoy",
    "convoy ceasefire",
    "convoy OR shelling",
    '"humanitarian convoy"',
    "Stepanakert",
    "Khankendi shelling",
    "conv*",
    "title:dispatch convoy",
    "shelling -ceasefire",
]


@pytest.fixture
def dispatches(archive: Archive, store_document: StoreDocument) -> Archive:
    """Dispatches whose words recur more or less often, so that they score apart and the best
    ones come late as well as early in the index."""
    archive.aliases.add(["Stepanakert", "Khankendi"])
    for number in range(SOURCES):
        words = [
            "humanitarian convoy " * (number * 7 % 5),
            "ceasefire " * (number % 3),
            "shelling " * (number * 5 % 4),
            ("Stepanakert " if number % 2 else "Khankendi ") * (number % 6),
        ]
        filler = "the road was long and the night cold " * (number % 11 + 1)
        document = ExtractedDocument(
            kind="article" if number % 3 else "text",
            title=f"Dispatch {number}",
            published=f"{2020 + number % 4}-0{number % 9 + 1}",
            blocks=[Block("paragraph", f"{filler}{''.join(words)}{filler}number {number}")],
        )
        store_document(document)
    return archive


@pytest.mark.parametrize("query", QUERIES)
def test_a_page_reads_as_when_every_match_is_noted(dispatches: Archive, query: str) -> None:
    everything = dispatches.search(query, limit=SOURCES)
    assert everything.total > PAGE
    page = dispatches.search(query, limit=PAGE)
    assert page.hits == everything.hits[:PAGE]
    assert all(hit.highlights or hit.title_highlights for hit in page.hits)
    assert page.facets == everything.facets
    assert page.total == everything.total
