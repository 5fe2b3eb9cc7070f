"""Saved searches: named queries the sidebar lists and the command line runs."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from archive_app.core.archive import Archive
from archive_app.core.errors import InvalidInputError, NotFoundError
from archive_app.core.listing import sidebar_summary

TEXTS = {
    "a.txt": "Shusha fell\n\nAzerbaijani forces entered Shusha in November 2020.",
    "b.txt": "Shushi\n\nArmenian officials denied that Shushi had fallen.",
    "c.txt": "Goris\n\nRefugees reached Goris.",
}


@pytest.fixture
def ids(import_texts: Callable[..., list[int]]) -> list[int]:
    return import_texts(TEXTS)


def test_a_saved_search_runs_afresh(archive: Archive, ids: list[int]) -> None:
    saved = archive.saved_searches.add("  Shusha  both ", "Shusha OR Shushi")
    assert (saved.name, saved.query, saved.sort) == ("Shusha both", "Shusha OR Shushi", "relevance")
    assert {hit.id for hit in archive.saved_searches.run("shusha BOTH").hits} == set(ids[:2])
    archive.update_source(ids[2], notes="Some called it Shushi.")
    assert archive.saved_searches.run(saved.id).total == 3
    assert archive.saved_searches.run("Shusha both", limit=1).hits[0].id in ids


def test_a_saved_sort_applies_unless_overridden(archive: Archive, ids: list[int]) -> None:
    archive.saved_searches.add("Newest", "Shusha OR Shushi OR Goris", sort="date")
    assert archive.saved_searches.run("Newest").sort == "date"
    assert archive.saved_searches.run("Newest", sort="relevance").sort == "relevance"


def test_saved_searches_are_listed_by_name(archive: Archive) -> None:
    archive.saved_searches.add("zeta", "a")
    archive.saved_searches.add("Alpha", "b")
    archive.saved_searches.add("beta", "c", sort="date")
    assert [saved.name for saved in archive.saved_searches.all()] == ["Alpha", "beta", "zeta"]
    assert [entry.name for entry in sidebar_summary(archive.database).saved_searches] == [
        "Alpha",
        "beta",
        "zeta",
    ]
    assert archive.saved_searches.get("BETA").to_json()["sort"] == "date"


def test_names_are_unique_unless_replaced(archive: Archive) -> None:
    first = archive.saved_searches.add("Shusha", "Shusha")
    with pytest.raises(InvalidInputError, match="already a saved search named 'SHUSHA'"):
        archive.saved_searches.add("SHUSHA", "Shushi")
    replaced = archive.saved_searches.add("SHUSHA", "Shushi", sort="date", replace=True)
    assert (replaced.id, replaced.name, replaced.query, replaced.sort) == (
        first.id,
        "SHUSHA",
        "Shushi",
        "date",
    )
    assert len(archive.saved_searches.all()) == 1


@pytest.mark.parametrize(
    ("name", "query", "sort", "message"),
    [
        ("", "Shusha", "relevance", "needs a name"),
        ("Shusha", "  ", "relevance", "needs a query"),
        ("Shusha", "Shusha", "title", "by relevance or by date"),
        ("x" * 201, "Shusha", "relevance", "limited to 200 characters"),
    ],
)
def test_bad_saved_searches_are_refused(
    archive: Archive, name: str, query: str, sort: str, message: str
) -> None:
    with pytest.raises(InvalidInputError, match=message):
        archive.saved_searches.add(name, query, sort=sort)  # type: ignore[arg-type]
    assert archive.saved_searches.all() == []


def test_removing_a_saved_search(archive: Archive) -> None:
    archive.saved_searches.add("Shusha", "Shusha")
    assert archive.saved_searches.remove("shusha").name == "Shusha"
    assert archive.saved_searches.all() == []
    with pytest.raises(NotFoundError, match="no saved search named 'Shusha'"):
        archive.saved_searches.remove("Shusha")
    with pytest.raises(NotFoundError):
        archive.saved_searches.run("Shusha")
