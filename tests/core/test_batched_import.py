"""An import keeps its files in batches (originals flushed to disk together, sources recorded
in few transactions), read by workers forked from one fork server: it must give what importing
the files one by one gives, and what the importer reads from each page in this process."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from archive_app.core.archive import Archive
from archive_app.core.sources import normalize_published
from archive_app.importers import extract_file
from tests.fixtures.make_captures import write_warc
from tests.fixtures.make_pages import save_complete_page

VOLATILE = {"id", "imported_at", "modified_at"}
"""Columns that differ between two imports of the same files: when, and in which order."""
SOURCE_LINKS = ("source_id", "image_source_id")


def _rows(archive: Archive, table: str) -> list[tuple[tuple[str, Any], ...]]:
    """A table's rows without their volatile columns, sources named by their SHA-256."""
    sha256 = dict(archive.database.connection.execute("SELECT id, sha256 FROM sources").fetchall())
    rows = []
    for row in archive.database.query(f"SELECT * FROM {table}"):
        values = dict(zip(row.keys(), tuple(row), strict=True))
        for column in VOLATILE & set(values):
            del values[column]
        for link in SOURCE_LINKS:
            if values.get(link) is not None:
                values[link] = sha256[values[link]]
        rows.append(tuple(sorted(values.items())))
    return sorted(rows, key=repr)


def _contents(archive: Archive) -> dict[str, Any]:
    return {
        table: _rows(archive, table)
        for table in ("sources", "captions", "captures", "text_fingerprints", "image_fingerprints")
    }


@pytest.mark.slow
def test_a_batched_import_records_what_importing_one_file_at_a_time_records(
    corpus: Path, fixtures: Path, tmp_path: Path
) -> None:
    (tmp_path / "saved").mkdir()
    pages = sorted((corpus / "articles-dev" / "html").glob("*.html"))
    pages += sorted((fixtures / "html").iterdir())
    pages += [  # a page saved with its pictures, and a web archive of three pages
        save_complete_page(tmp_path / "saved"),
        write_warc(tmp_path / "capture.warc.gz", pages=3),
    ]
    with Archive.open(tmp_path / "together", workers=2) as together:
        report = together.import_paths(pages)
        assert not report.failed
        batched = _contents(together)
    with Archive.open(tmp_path / "one-by-one", workers=2) as alone:
        for page in pages:
            alone.import_paths([page])
        assert _contents(alone) == batched
    assert len(batched["sources"]) > len(pages)  # pictures and pages are sources too
    assert batched["captures"]


@pytest.mark.slow
def test_a_batched_import_keeps_each_pages_body_and_metadata_as_read(
    archive: Archive, corpus: Path
) -> None:
    pages = sorted((corpus / "articles-dev" / "html").glob("*.html"))
    report = archive.import_paths(pages)
    assert len(report.imported) == len(pages)
    for outcome in report.imported:
        path = Path(outcome.path)
        read = extract_file(path, "html")  # what a worker reads
        source = archive.get(outcome.source_id or 0)
        assert (source.title, source.body, source.authors, source.site_name) == (
            read.title,
            read.body,
            read.authors,
            read.site_name,
        )
        assert (source.source_url, source.language) == (read.source_url, read.language)
        assert source.published == normalize_published(read.published)
        assert source.metadata == json.loads(json.dumps(read.metadata, default=str))
        assert [(c.text, c.credit) for c in source.captions] == [
            *((c.text, c.credit) for c in read.captions),
            *((image.caption, image.credit) for image in read.images),
        ]
        assert [(c.alt, c.src, c.after_block) for c in source.captions[len(read.captions) :]] == [
            (image.alt, image.src, image.after_block) for image in read.images
        ]
