"""An import's commits write the index fast (:mod:`archive_app.core.search.committing`): a
search finds in it exactly what it finds in the same index rebuilt in one go, with the same
facet counts."""

from __future__ import annotations

from pathlib import Path

import pytest

from archive_app.core.archive import Archive

QUERIES = [
    "trump",
    "president",
    '"white house"',
    "stock OR shares",
    "market -trump",
    "econom*",
    "presidnet~",
    "title:trump",
    "kind:article",
]


def _answers(archive: Archive) -> dict[str, tuple[int, list[int], dict[str, dict[str, int]]]]:
    answers = {}
    for query in QUERIES:
        results = archive.search(query, limit=100)
        answers[query] = (results.total, sorted(hit.id for hit in results.hits), results.facets)
    return answers


@pytest.mark.slow
def test_an_imported_index_answers_as_the_same_index_rebuilt(corpus: Path, tmp_path: Path) -> None:
    pages = sorted((corpus / "articles-dev" / "html").glob("*.html"))
    with Archive.open(tmp_path / "archive") as archive:
        half = len(pages) // 2
        archive.import_paths(pages[:half])  # commits of an import, then of another
        archive.import_paths(pages[half:])
        imported = _answers(archive)
        archive.reindex()
        assert _answers(archive) == imported
    assert all(total for total, _, _ in imported.values()), imported
