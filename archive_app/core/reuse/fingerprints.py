"""Fingerprints in the database: written at import, made in the background for older archives.

An image's fingerprint is taken by the importer (in its worker process) and arrives in the
document's metadata; a body's MinHash signature is made here. Both are written in the import's
own transaction. Archives made before, and fingerprints of an older version, are caught up by
:func:`backfill`, which reads each image's thumbnail (made again from the original if missing).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path

from archive_app.core.db import Database
from archive_app.core.errors import ExtractionError
from archive_app.core.messages import QT_TRANSLATE_NOOP, Message
from archive_app.core.progress import CancelToken, ProgressCallback, is_cancelled, report_progress
from archive_app.core.reuse.texts import SIGNATURE_VERSION, TEXT_KINDS, signature
from archive_app.core.store import OriginalStore
from archive_app.core.thumbnails import ensure_thumbnail
from archive_app.importers.document import ExtractedDocument
from archive_app.importers.image_fingerprint import (
    FINGERPRINT_VERSION,
    fingerprint,
    signed,
    split_fingerprint,
)

BATCH = 200
_MARKS = ", ".join("?" * len(TEXT_KINDS))


def store_fingerprints(
    connection: sqlite3.Connection, source_id: int, document: ExtractedDocument
) -> None:
    """Write a newly imported source's fingerprint, inside the import's transaction. An image
    the importer could not fingerprint (too plain, or too large to read) is marked as looked
    at, so that it is not read again in the background."""
    if document.kind == "image":
        _write_image(connection, source_id, str(document.metadata.get("fingerprint", "")))
    elif document.kind in TEXT_KINDS:
        made = document.text_signature
        _write_text(
            connection,
            source_id,
            document.body,
            signature(document.body) if made is None else made or None,
        )


def pending(database: Database) -> int:
    """How many sources still need a fingerprint (made before, or by an older version)."""
    return len(_pending_images(database)) + len(_pending_texts(database))


def backfill(
    database: Database,
    store: OriginalStore,
    derived: Path,
    progress: ProgressCallback | None = None,
    cancel: CancelToken | None = None,
) -> int:
    """Fingerprint every source that lacks one, in batches; how many were done. Stopped by
    ``cancel``, it keeps what it did and the next run goes on from there."""
    images = _pending_images(database)
    texts = _pending_texts(database)
    total = len(images) + len(texts)
    done = 0
    report_progress(
        progress, 0, total, Message(QT_TRANSLATE_NOOP("core", "Fingerprinting photos and texts"))
    )
    for batch in _batches(images):
        if is_cancelled(cancel):
            return done
        found = [(row[0], _image_fingerprint(store, derived, row)) for row in batch]
        with database.transaction() as connection:
            for source_id, text in found:
                _write_image(connection, source_id, text)
        done += len(batch)
        report_progress(
            progress, done, total, Message(QT_TRANSLATE_NOOP("core", "Fingerprinting photos"))
        )
    for batch in _batches(texts):
        if is_cancelled(cancel):
            return done
        bodies = database.query(
            "SELECT id, body FROM sources WHERE id IN (SELECT value FROM json_each(?))",
            (json.dumps([row["id"] for row in batch]),),
        )
        with database.transaction() as connection:
            for source_id, body in bodies:
                _write_text(connection, source_id, body, signature(body))
        done += len(batch)
        report_progress(
            progress, done, total, Message(QT_TRANSLATE_NOOP("core", "Fingerprinting texts"))
        )
    return done


def _pending_images(database: Database) -> list[sqlite3.Row]:
    return database.query(
        "SELECT s.id, s.sha256, s.original_ext FROM sources s "
        "LEFT JOIN image_fingerprints f ON f.source_id = s.id "
        "WHERE s.kind = 'image' AND (f.source_id IS NULL OR f.version != ?) ORDER BY s.id",
        (FINGERPRINT_VERSION,),
    )


def _pending_texts(database: Database) -> list[sqlite3.Row]:
    """Their ids only: the bodies are read a batch at a time (all 100,000 of an older archive
    at once took some 300 MB)."""
    return database.query(
        "SELECT s.id FROM sources s "
        "LEFT JOIN text_fingerprints f ON f.source_id = s.id "
        f"WHERE s.kind IN ({_MARKS}) AND (f.source_id IS NULL OR f.version != ? "
        "OR f.body_length != length(s.body)) ORDER BY s.id",
        (*TEXT_KINDS, SIGNATURE_VERSION),
    )


def _batches(rows: list[sqlite3.Row]) -> Iterator[list[sqlite3.Row]]:
    for start in range(0, len(rows), BATCH):
        yield rows[start : start + BATCH]


def _image_fingerprint(store: OriginalStore, derived: Path, row: sqlite3.Row) -> str:
    """The fingerprint of a stored image, from its upright thumbnail; '' when it cannot be read
    (it is then left out of comparisons, like a plain picture)."""
    from PIL import Image  # here, not at import: the import itself reads no picture

    try:
        path = ensure_thumbnail(store, derived, row["sha256"], row["original_ext"])
        with Image.open(path) as thumbnail:
            return fingerprint(thumbnail)
    except (ExtractionError, OSError):
        return ""


def _write_image(connection: sqlite3.Connection, source_id: int, text: str) -> None:
    hashes = split_fingerprint(text)
    phash, dhash = (signed(hashes[0]), signed(hashes[1])) if hashes else (None, None)
    connection.execute(
        "INSERT OR REPLACE INTO image_fingerprints (source_id, version, phash, dhash) "
        "VALUES (?, ?, ?, ?)",
        (source_id, FINGERPRINT_VERSION, phash, dhash),
    )


def _write_text(
    connection: sqlite3.Connection, source_id: int, body: str, made: bytes | None
) -> None:
    connection.execute(
        "INSERT OR REPLACE INTO text_fingerprints (source_id, version, body_length, signature) "
        "VALUES (?, ?, ?, ?)",
        (source_id, SIGNATURE_VERSION, len(body), made),
    )
