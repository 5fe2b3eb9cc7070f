"""The web page importer's fast paths (one parse shared by every reader, trafilatura's fast
mode, its metadata guesses only when a page states nothing) read every corpus page exactly as
the full paths did: the same body, figures and metadata."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.fixtures.make_expected_extraction import EXPECTED, read_page


@pytest.fixture(scope="module")
def expected() -> dict[str, dict[str, object]]:
    records: dict[str, dict[str, object]] = json.loads(EXPECTED.read_text("utf-8"))
    return records


def test_every_corpus_page_is_recorded(corpus: Path, expected: dict[str, object]) -> None:
    pages = {path.stem for path in (corpus / "articles-dev" / "html").glob("*.html")}
    assert pages == set(expected)


def test_each_page_reads_as_recorded(corpus: Path, expected: dict[str, dict[str, object]]) -> None:
    differences = {
        page: {
            field: (value, found[field]) for field, value in record.items() if found[field] != value
        }
        for page, record in expected.items()
        if (found := read_page(corpus / "articles-dev" / "html" / f"{page}.html")) != record
    }
    assert differences == {}
