"""A query read otherwise than typed says so: search never fails, and the results say how the
query was searched and why."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from archive_app.core.archive import Archive


@pytest.fixture
def sources(import_texts: Callable[..., list[int]]) -> list[int]:
    return import_texts({"wire.txt": "Thousands leave Stepanakert\n\nCars queued at the bridge."})


@pytest.mark.parametrize(
    ("query", "understood", "note"),
    [
        ("published:2019-13", "published:2019-13", "“2019-13” is not a date"),
        ("title:", "title:", "“title:” has nothing after it"),
        ('"cars queued', '"cars queued"', "quote was not closed"),
        ("(cars OR bridge", "cars OR bridge", "“(” was not closed"),
        ("cars OR", "cars", "“OR” has nothing after it"),
        ("foo:cars", "foo:cars", "“foo:” is not a field"),
    ],
)
def test_the_results_say_how_the_query_was_read(
    archive: Archive, sources: list[int], query: str, understood: str, note: str
) -> None:
    results = archive.search(query)
    assert results.understood == understood
    assert any(note in said for said in results.notes), results.notes
    assert results.to_json()["understood"] == understood


def test_a_query_read_as_typed_says_nothing_more(archive: Archive, sources: list[int]) -> None:
    results = archive.search('title:stepanakert OR "cars queued" -bridge published:2019-11')
    assert (results.understood, results.notes) == ("", ())
