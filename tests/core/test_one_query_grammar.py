"""The reader highlights what search found: the highlighter walks the tree that search parses,
so the two read every query alike."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from archive_app.core.archive import Archive
from archive_app.core.search.highlighting import find_matches

BLOCKADE = "The blockade of Lachin went on; the road through Lachin stayed closed."
BOTH_NAMES = "Stepanakert, which Baku calls Khankendi, was quiet."
ONE_NAME = "Stepanakert was quiet all night."


@pytest.fixture
def ids(import_texts: Callable[..., list[int]]) -> dict[str, int]:
    found = import_texts({"blockade.txt": BLOCKADE, "both.txt": BOTH_NAMES, "one.txt": ONE_NAME})
    return dict(zip(("blockade", "both", "one"), found, strict=True))


@pytest.mark.parametrize(
    ("query", "found", "marked"),
    [
        ("blockade [Lachin]", "blockade", ["blockade", "Lachin", "Lachin"]),
        ("Stepanakert ANDNOT Khankendi", "one", ["Stepanakert"]),
    ],
)
def test_search_and_highlighting_read_a_query_alike(
    archive: Archive, ids: dict[str, int], query: str, found: str, marked: list[str]
) -> None:
    text = {"blockade": BLOCKADE, "one": ONE_NAME}[found]
    assert [hit.id for hit in archive.search(query).hits] == [ids[found]]
    assert [text[m.start : m.end] for m in find_matches(text, query)] == marked
