"""References in: each record of a RIS, BibTeX or CSL-JSON file becomes a metadata-only
source of kind ``reference`` (see :mod:`archive_app.importers.references`), unless the archive
already has it.

A record matches a source with the same DOI, the same web address (compared without its
scheme, ``www.``, fragment or trailing slash) or the same title (compared without case,
accents or punctuation) and year. A matching source is not duplicated: only the fields it has
empty (title, authors, site, address, date, language, notes) are filled from the record. The
file a record names as its attachment, when it is there beside the reference file, is
imported as a source of its own.
"""

from __future__ import annotations

import hashlib
import tempfile
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal
from urllib.parse import unquote, urlsplit

from archive_app.core.db import Database
from archive_app.core.index import SearchIndex
from archive_app.core.sources import insert_source, update_fields
from archive_app.core.store import FileDigest, OriginalStore
from archive_app.importers.references import (
    RECORD_SUFFIXES,
    Reference,
    ReferenceFormat,
    read_references,
)

FILLABLE = ("title", "authors", "site_name", "source_url", "published", "language", "notes")
IMPORTER_VERSION = "references-1"


@dataclass(frozen=True)
class ReferenceOutcome:
    """What became of one record: ``imported`` as ``source_id``, or a ``duplicate`` of it
    (``filled``: the fields that were empty there and came from the record)."""

    label: str
    status: Literal["imported", "duplicate"]
    source_id: int
    title: str
    filled: tuple[str, ...] = ()


@dataclass
class ReferenceImportResult:
    outcomes: list[ReferenceOutcome]
    attachments: list[Path]


def import_references(
    database: Database, store: OriginalStore, index: SearchIndex, path: Path, fmt: ReferenceFormat
) -> ReferenceImportResult:
    """Import every record of the reference file ``path``. Raises :class:`ImportFailure` when
    the file cannot be read (then nothing of it is imported)."""
    references = read_references(path, fmt)
    known = _KnownSources(database)
    result = ReferenceImportResult([], [])
    for number, reference in enumerate(references, start=1):
        label = f"{path} [{number}]"
        existing = known.match(reference)
        if existing is None:
            source_id = _insert(database, store, reference)
            known.add(source_id, reference)
            result.outcomes.append(ReferenceOutcome(label, "imported", source_id, reference.title))
        else:
            filled = _fill_empty(database, index, existing, reference)
            result.outcomes.append(
                ReferenceOutcome(label, "duplicate", existing, reference.title, filled)
            )
        attachment = _attachment(path, reference.attachment)
        if attachment is not None:
            result.attachments.append(attachment)
    index.notify()
    return result


def _insert(database: Database, store: OriginalStore, reference: Reference) -> int:
    suffix = RECORD_SUFFIXES[reference.format]
    with tempfile.TemporaryDirectory(prefix="archive-reference-") as folder:
        record = Path(folder) / f"reference{suffix}"
        record.write_bytes(reference.record)
        digest = FileDigest(hashlib.sha256(reference.record).hexdigest(), len(reference.record))
        store.add(record, digest, suffix)
    with database.transaction() as connection:
        source_id = insert_source(
            connection,
            reference.document(),
            digest=digest,
            original_name=f"{reference.title[:60] or 'reference'}{suffix}",
            original_ext=suffix,
            importer_version=IMPORTER_VERSION,
            has_thumbnail=False,
        )
        if reference.notes:
            connection.execute(
                "UPDATE sources SET notes = ? WHERE id = ?", (reference.notes, source_id)
            )
    return source_id


def _fill_empty(
    database: Database, index: SearchIndex, source_id: int, reference: Reference
) -> tuple[str, ...]:
    row = database.query_one(
        f"SELECT {', '.join(FILLABLE)} FROM sources WHERE id = ?", (source_id,)
    )
    assert row is not None
    document = reference.document()
    offered: dict[str, Any] = {
        "title": document.title,
        "authors": document.authors,
        "site_name": document.site_name,
        "source_url": document.source_url,
        "published": document.published,
        "language": document.language,
        "notes": reference.notes,
    }
    empty = {"", "[]"}
    values = {name: value for name, value in offered.items() if value and str(row[name]) in empty}
    if values:
        update_fields(database, index.notify, source_id, values)
    return tuple(values)


class _KnownSources:
    """The archive's sources by DOI, by web address and by title and year."""

    def __init__(self, database: Database) -> None:
        self.by_doi: dict[str, int] = {}
        self.by_url: dict[str, int] = {}
        self.by_title: dict[tuple[str, str], int] = {}
        rows = database.query(
            "SELECT id, title, published, source_url, "
            "json_extract(metadata, '$.reference.DOI') AS doi FROM sources ORDER BY id"
        )
        for row in rows:
            self._remember(
                int(row["id"]),
                str(row["doi"] or ""),
                row["source_url"],
                row["title"],
                row["published"][:4],
            )

    def _remember(self, source_id: int, doi: str, url: str, title: str, year: str) -> None:
        if doi:
            self.by_doi.setdefault(doi.lower().removeprefix("https://doi.org/"), source_id)
        if url:
            self.by_url.setdefault(comparable_url(url), source_id)
        if title and year:
            self.by_title.setdefault((comparable_title(title), year), source_id)

    def add(self, source_id: int, reference: Reference) -> None:
        url = str(reference.item.get("URL", ""))
        self._remember(source_id, reference.doi, url, reference.title, reference.year)

    def match(self, reference: Reference) -> int | None:
        url = str(reference.item.get("URL", ""))
        candidates = (
            self.by_doi.get(reference.doi) if reference.doi else None,
            self.by_url.get(comparable_url(url)) if url else None,
            self.by_title.get((comparable_title(reference.title), reference.year))
            if reference.title and reference.year
            else None,
        )
        return next((found for found in candidates if found is not None), None)


def comparable_url(url: str) -> str:
    parts = urlsplit(url.strip())
    host = parts.netloc.lower().removeprefix("www.")
    path = unquote(parts.path).rstrip("/")
    return f"{host}{path}" + (f"?{parts.query}" if parts.query else "")


def comparable_title(title: str) -> str:
    folded = unicodedata.normalize("NFKD", title.casefold())
    letters = "".join(ch if ch.isalnum() else " " for ch in folded if not unicodedata.combining(ch))
    return " ".join(letters.split())


def _attachment(reference_file: Path, named: str) -> Path | None:
    if not named:
        return None
    location = unquote(named.removeprefix("file://"))
    path = Path(location)
    if not path.is_absolute():
        path = reference_file.parent / path
    return path if path.is_file() else None
