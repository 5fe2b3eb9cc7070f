"""Sources in the database: store an extracted document, read a source back, edit, delete."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from typing import Any

from archive_app.core.captures import load_capture
from archive_app.core.changes import Change
from archive_app.core.dates import normalize_published
from archive_app.core.db import Database, now_iso
from archive_app.core.errors import InvalidInputError, NotFoundError
from archive_app.core.index import queue_for_index
from archive_app.core.journal import Journal, journaled
from archive_app.core.language_names import language_code
from archive_app.core.messages import QT_TRANSLATE_NOOP, Message
from archive_app.core.model import (
    Annotation,
    Appearance,
    BlockSpan,
    CaptionRecord,
    Provenance,
    Source,
)
from archive_app.core.research import clean_name, find_named, labels_of
from archive_app.core.store import FileDigest
from archive_app.importers.document import ExtractedDocument

EDITABLE_FIELDS = ("title", "authors", "site_name", "source_url", "published", "language", "notes")


def insert_source(
    connection: sqlite3.Connection,
    document: ExtractedDocument,
    *,
    digest: FileDigest,
    original_name: str,
    original_ext: str,
    importer_version: str,
    has_thumbnail: bool,
) -> int:
    """Insert one source (not its captions) inside the caller's transaction; its new id, one
    above any id a source ever had (so none in the trash or in the audit trail is reused)."""
    now = now_iso()
    blocks = [[block.kind, block.level, start, end] for block, start, end in document.block_spans()]
    cursor = connection.execute(
        "INSERT INTO sources (id, kind, title, authors, site_name, source_url, published, "
        "language, body, blocks, metadata, extraction_notes, sha256, original_name, "
        "original_ext, size, mime_type, importer_version, imported_at, modified_at, has_thumbnail) "
        "VALUES ((SELECT value + 1 FROM source_id_high_water), "
        "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            document.kind,
            document.title,
            json.dumps(document.authors, ensure_ascii=False),
            document.site_name,
            document.source_url,
            normalize_published(document.published),
            document.language,
            document.body,
            json.dumps(blocks),
            json.dumps(document.metadata, ensure_ascii=False, default=str),
            json.dumps(document.notes, ensure_ascii=False),
            digest.sha256,
            original_name,
            original_ext,
            digest.size,
            document.mime_type,
            importer_version,
            now,
            now,
            int(has_thumbnail),
        ),
    )
    source_id = cursor.lastrowid
    assert source_id is not None
    _tag_with(connection, source_id, document.tags)
    queue_for_index(connection, [source_id])
    return source_id


def _tag_with(connection: sqlite3.Connection, source_id: int, names: list[str]) -> None:
    """Apply the tags a file gives itself, creating those the archive does not have yet."""
    for name in names:
        tag = clean_name(name, "tag")
        tag_id = find_named(connection, "tags", tag)
        if tag_id is None:
            tag_id = connection.execute("INSERT INTO tags (name) VALUES (?)", (tag,)).lastrowid
        connection.execute(
            "INSERT OR IGNORE INTO source_tags (source_id, tag_id) VALUES (?, ?)",
            (source_id, tag_id),
        )


def insert_captions(
    connection: sqlite3.Connection,
    source_id: int,
    document: ExtractedDocument,
    image_source_ids: dict[int, int],
) -> None:
    """A document's own captions, then its figures (``image_source_ids``: figure index → the
    image source imported from the page's saved file)."""
    rows: list[tuple[Any, ...]] = [
        (source_id, source_id, position, caption.text, caption.credit, "", "", None)
        for position, caption in enumerate(document.captions)
    ]
    offset = len(rows)
    for index, image in enumerate(document.images):
        rows.append(
            (
                source_id,
                image_source_ids.get(index),
                offset + index,
                image.caption,
                image.credit,
                image.alt,
                image.src,
                image.after_block,
            )
        )
    connection.executemany(
        "INSERT INTO captions (source_id, image_source_id, position, text, credit, alt, src, "
        "after_block) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        rows,
    )
    linked_images = [image_id for image_id in image_source_ids.values() if image_id != source_id]
    queue_for_index(connection, linked_images)


_A_KIND = {
    "article": QT_TRANSLATE_NOOP("core", "an article"),
    "pdf": QT_TRANSLATE_NOOP("core", "a PDF"),
    "image": QT_TRANSLATE_NOOP("core", "an image"),
    "text": QT_TRANSLATE_NOOP("core", "a text"),
    "reference": QT_TRANSLATE_NOOP("core", "a reference"),
}


def a_kind(kind: str) -> Message:
    """ "an article", "a PDF": a source's kind as a sentence names it."""
    return Message(_A_KIND.get(kind, kind))


def source_exists(database: Database, source_id: int) -> bool:
    return database.scalar("SELECT 1 FROM sources WHERE id = ?", (source_id,)) is not None


def no_such_source(source_id: int) -> Message:
    return Message(
        QT_TRANSLATE_NOOP("core", "There is no source {id} in this archive."), id=str(source_id)
    )


def require_source(database: Database, source_id: int) -> None:
    if not source_exists(database, source_id):
        raise NotFoundError(no_such_source(source_id))


def load_source(database: Database, source_id: int) -> Source:
    row = database.query_one("SELECT * FROM sources WHERE id = ?", (source_id,))
    if row is None:
        raise NotFoundError(no_such_source(source_id))
    return Source(
        id=source_id,
        kind=row["kind"],
        title=row["title"],
        authors=json.loads(row["authors"]),
        site_name=row["site_name"],
        source_url=row["source_url"],
        published=row["published"],
        language=row["language"],
        body=row["body"],
        blocks=[BlockSpan(*block) for block in json.loads(row["blocks"])],
        notes=row["notes"],
        metadata=json.loads(row["metadata"]),
        extraction_notes=json.loads(row["extraction_notes"]),
        provenance=Provenance(
            sha256=row["sha256"],
            original_name=row["original_name"],
            original_ext=row["original_ext"],
            size=row["size"],
            mime_type=row["mime_type"],
            importer_version=row["importer_version"],
            imported_at=row["imported_at"],
            source_url=row["source_url"],
        ),
        modified_at=row["modified_at"],
        has_thumbnail=bool(row["has_thumbnail"]),
        captions=_captions(database, source_id),
        appears_in=_appearances(database, source_id),
        tags=labels_of(database, "source", "tag", source_id),
        events=labels_of(database, "source", "event", source_id),
        perspectives=labels_of(database, "source", "perspective", source_id),
        annotations=load_annotations(database, source_id),
        capture=load_capture(database, source_id),
    )


def load_annotations(database: Database, source_id: int) -> list[Annotation]:
    rows = database.query(
        "SELECT * FROM annotations WHERE source_id = ? ORDER BY coalesce(start_offset, 0), id",
        (source_id,),
    )
    return [annotation_from_row(database, row) for row in rows]


def annotation_from_row(database: Database, row: sqlite3.Row) -> Annotation:
    annotation_id = int(row["id"])
    return Annotation(
        id=annotation_id,
        source_id=int(row["source_id"]),
        target=row["target"],
        note=row["note"],
        created_at=row["created_at"],
        modified_at=row["modified_at"],
        quote_exact=row["quote_exact"],
        quote_prefix=row["quote_prefix"],
        quote_suffix=row["quote_suffix"],
        start=row["start_offset"],
        end=row["end_offset"],
        page=row["page"],
        x=row["x"],
        y=row["y"],
        width=row["width"],
        height=row["height"],
        anchor_status=row["anchor_status"],
        tags=labels_of(database, "annotation", "tag", annotation_id),
        events=labels_of(database, "annotation", "event", annotation_id),
        perspectives=labels_of(database, "annotation", "perspective", annotation_id),
    )


def _captions(database: Database, source_id: int) -> list[CaptionRecord]:
    rows = database.query(
        "SELECT * FROM captions WHERE source_id = ? ORDER BY position, id", (source_id,)
    )
    return [
        CaptionRecord(
            id=int(row["id"]),
            text=row["text"],
            credit=row["credit"],
            alt=row["alt"],
            src=row["src"],
            image_source_id=row["image_source_id"],
            after_block=row["after_block"],
        )
        for row in rows
    ]


def _appearances(database: Database, source_id: int) -> list[Appearance]:
    rows = database.query(
        "SELECT c.source_id, s.title, c.text, c.credit FROM captions c "
        "JOIN sources s ON s.id = c.source_id "
        "WHERE c.image_source_id = ? AND c.source_id != ? ORDER BY s.published, s.id",
        (source_id, source_id),
    )
    return [Appearance(int(row[0]), row[1], row[2], row[3]) for row in rows]


def clean_field_value(name: str, value: Any) -> Any:
    """Check an edited field and put it in its stored form."""
    if name not in EDITABLE_FIELDS:
        raise InvalidInputError(
            Message(
                QT_TRANSLATE_NOOP(
                    "core",
                    "'{name}' cannot be edited. Editable: {fields}.",
                ),
                name=name,
                fields=", ".join(EDITABLE_FIELDS),
            )
        )
    if name == "authors":
        names = [value] if isinstance(value, str) else list(value)
        return json.dumps([str(n).strip() for n in names if str(n).strip()], ensure_ascii=False)
    text = str(value).strip() if name != "notes" else str(value)
    if name == "published" and text:
        published = normalize_published(text)
        if not published:
            raise InvalidInputError(
                Message(
                    QT_TRANSLATE_NOOP(
                        "core",
                        "'{text}' is not a date. Use 2023, 2023-09, 2023-09-19 or a full ISO "
                        "date-time.",
                    ),
                    text=text,
                )
            )
        return published
    if name == "title" and not text:
        raise InvalidInputError(Message(QT_TRANSLATE_NOOP("core", "A source needs a title.")))
    if name == "language":
        return language_code(text)
    return text


def update_fields(
    database: Database,
    notify: Callable[[], None],
    source_id: int,
    values: dict[str, Any],
    *,
    reason: str = "",
) -> Change:
    """Edit metadata fields of a source; the returned change restores the old values."""
    new = {name: clean_field_value(name, value) for name, value in values.items()}
    require_source(database, source_id)
    names = ", ".join(name.replace("_", " ") for name in values)

    def edit(journal: Journal) -> None:
        row = journal.connection.execute(
            f"SELECT {', '.join(new)} FROM sources WHERE id = ?", (source_id,)
        ).fetchone()
        if all(row[name] == value for name, value in new.items()):
            return
        journal.update("sources", source_id, {**new, "modified_at": now_iso()})

    return journaled(database, notify, f"Edit {names}", edit, reason=reason)[1]
