"""The total of hits is the number of sources the query finds, whatever page is asked for."""

from __future__ import annotations

import pytest

from archive_app.core.archive import Archive
from archive_app.importers.document import Block, ExtractedDocument
from tests.helpers import StoreDocument

SOURCES = 60


@pytest.fixture
def dispatches(archive: Archive, store_document: StoreDocument) -> Archive:
    """Dispatches that mention the convoy more or less often (so they score apart), some the
    ceasefire, stored one by one as edits and imports leave them (many index segments)."""
    for number in range(SOURCES):
        words = "convoy " * (number * 7 % 5 + 1) + "ceasefire " * (number % 9 == 0)
        filler = "the road was long " * (number % 40)
        document = ExtractedDocument(
            kind="text",
            title=f"Dispatch {number}",
            blocks=[Block("paragraph", f"{words}{filler}number {number}")],
        )
        store_document(document)
    return archive


@pytest.mark.parametrize("query", ["convoy OR ceasefire", "conv*", "convoy ceasefire"])
def test_the_total_is_exact_for_any_limit_and_offset(dispatches: Archive, query: str) -> None:
    everything = dispatches.search(query, limit=SOURCES)
    expected = len(everything.hits)
    assert expected > 1
    for limit, offset in [(1, 0), (3, 0), (5, 2), (20, 0), (1, expected - 1)]:
        page = dispatches.search(query, limit=limit, offset=offset)
        assert page.total == expected, (limit, offset)
        assert [hit.id for hit in page.hits] == [
            hit.id for hit in everything.hits[offset : offset + limit]
        ]
