"""Keeping one file: its original stored, then its source recorded in one transaction.

Every import keeps its files through here (:mod:`archive_app.core.importing` runs the
import), and so do the tests' fixtures.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

from archive_app.core.audit import import_facts, record
from archive_app.core.captures import Container, insert_capture
from archive_app.core.db import Database
from archive_app.core.index import queue_for_index
from archive_app.core.reuse.fingerprints import store_fingerprints
from archive_app.core.sources import insert_captions, insert_source
from archive_app.core.store import FileDigest, OriginalStore, normalized_suffix
from archive_app.core.thumbnails import thumbnail_path
from archive_app.importers.document import ExtractedDocument


@dataclass(frozen=True)
class KeptFile:
    """A file read by its importer, to keep in the archive."""

    path: Path
    digest: FileDigest
    document: ExtractedDocument
    importer_version: str
    original_name: str = ""
    """The name the file had (a web archive's page has the name of its address); else the
    path's."""
    container: Container | None = None
    """The web archive a page was read from, stored once beside its pages."""


def keep_source(
    database: Database,
    store: OriginalStore,
    derived: Path,
    kept: KeptFile,
    *,
    figure_images: dict[int, int] | None = None,
    figure_of: tuple[int, int] | None = None,
) -> int:
    """Keep one file: its original (and thumbnail) stored, then its source recorded in one
    transaction; its new id. Every import keeps its files through here, and so do the tests'
    fixtures."""
    document = kept.document
    store.add(kept.path, kept.digest, normalized_suffix(kept.path.name))
    if document.thumbnail:
        store.write_derived(thumbnail_path(derived, kept.digest.sha256), document.thumbnail)
    with database.transaction() as connection:
        return record_source(connection, kept, figure_images=figure_images, figure_of=figure_of)


def record_source(
    connection: sqlite3.Connection,
    kept: KeptFile,
    *,
    figure_images: dict[int, int] | None = None,
    figure_of: tuple[int, int] | None = None,
) -> int:
    """Record a kept file's source and captions inside the caller's transaction, queued for
    the index; its new id. ``figure_images``: figure index → the image source holding that
    figure's picture; ``figure_of``: (article id, figure index) this image is the picture of."""
    document = kept.document
    source_id = insert_source(
        connection,
        document,
        digest=kept.digest,
        original_name=kept.original_name or kept.path.name,
        original_ext=normalized_suffix(kept.path.name),
        importer_version=kept.importer_version,
        has_thumbnail=bool(document.thumbnail),
    )
    insert_captions(connection, source_id, document, figure_images or {})
    store_fingerprints(connection, source_id, document)
    if document.capture is not None:
        insert_capture(connection, source_id, document.capture, kept.container)
    record(
        connection,
        action="import",
        description=f"Imported {kept.original_name or kept.path.name}",
        source_ids=[source_id],
        changes=[import_facts(kept.path, kept.digest, kept.importer_version)],
    )
    if figure_of is not None:
        link_figure(connection, *figure_of, source_id)
    return source_id


def link_figure(
    connection: sqlite3.Connection, article_id: int, position: int, image_id: int
) -> None:
    """Point an article's figure at the image source of its saved file."""
    connection.execute(
        "UPDATE captions SET image_source_id = ? WHERE source_id = ? AND position = ?",
        (image_id, article_id, position),
    )
    queue_for_index(connection, [image_id])
