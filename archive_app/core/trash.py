"""The trash: deleting a source moves it aside, with everything that was its own, until the trash
is emptied.

Moving to the trash deletes the source's rows through the journal, which records each of them
(its annotations and their labels, its labels, captions, grades, and whatever rows other tables
hang off it), and keeps that record in the ``trash`` table. Restoring applies the record backwards,
so every row comes back under its old id. The tables are found from the schema's foreign keys, so
a table added later is carried along without changes here. Originals and thumbnails stay on disk
until the trash is emptied, which is logged and cannot be undone.
"""

from __future__ import annotations

import contextlib
import json
import sqlite3
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from archive_app.core.audit import record
from archive_app.core.captures import containers_in_use
from archive_app.core.changes import Change
from archive_app.core.db import Database, now_iso
from archive_app.core.errors import InvalidInputError, NotFoundError
from archive_app.core.journal import (
    Journal,
    Notify,
    RowChange,
    journaled,
    row_changes_as_json,
    row_changes_from_json,
)
from archive_app.core.messages import QT_TRANSLATE_NOOP, Message
from archive_app.core.research import counted
from archive_app.core.sources import no_such_source
from archive_app.core.store import OriginalStore
from archive_app.core.thumbnails import thumbnail_path


@dataclass(frozen=True)
class TrashedSource:
    source_id: int
    title: str
    kind: str
    trashed_at: str
    sha256: str
    original_ext: str
    annotations: int

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.source_id,
            "title": self.title,
            "kind": self.kind,
            "trashed_at": self.trashed_at,
            "sha256": self.sha256,
            "annotations": self.annotations,
        }


class Trash:
    """Sources moved aside: listing, moving, restoring, emptying."""

    def __init__(
        self, database: Database, notify: Notify, store: OriginalStore, derived: Path
    ) -> None:
        self.database = database
        self.notify = notify
        self.store = store
        self.derived = derived

    def items(self) -> list[TrashedSource]:
        rows = self.database.query("SELECT * FROM trash ORDER BY trashed_at DESC, id DESC")
        return [_trashed(row) for row in rows]

    def source_ids(self) -> set[int]:
        return {int(row[0]) for row in self.database.query("SELECT source_id FROM trash")}

    def sha256s(self) -> set[str]:
        """The originals the trash still holds on to."""
        return {str(row[0]) for row in self.database.query("SELECT sha256 FROM trash")}

    def move(self, source_ids: Iterable[int], *, reason: str = "") -> Change:
        """Move sources to the trash; undoing the change restores them."""
        ids = sorted(set(source_ids))
        if not ids:
            raise InvalidInputError(
                Message(QT_TRANSLATE_NOOP("core", "Choose the sources to delete."))
            )
        known = {
            int(row[0])
            for row in self.database.query(
                "SELECT id FROM sources WHERE id IN (SELECT value FROM json_each(?))",
                (json.dumps(ids),),
            )
        }
        missing = [source_id for source_id in ids if source_id not in known]
        if missing:
            raise NotFoundError(no_such_source(missing[0]))

        def edit(journal: Journal) -> None:
            summary: list[dict[str, object]] = []
            for source_id in ids:
                start = len(journal.changes)
                source = dict(
                    journal.connection.execute(
                        "SELECT id, kind, title, sha256, original_ext FROM sources WHERE id = ?",
                        (source_id,),
                    ).fetchone()
                )
                _delete_rows(journal, "sources", "id", [source_id])
                recorded = row_changes_as_json(journal.changes[start:])
                journal.insert(
                    "trash",
                    {
                        "source_id": source_id,
                        "title": source["title"],
                        "kind": source["kind"],
                        "sha256": source["sha256"],
                        "original_ext": source["original_ext"],
                        "trashed_at": now_iso(),
                        "rows": json.dumps(recorded, ensure_ascii=False, default=str),
                    },
                )
                summary.append({**source, "rows": _row_counts(recorded)})
            journal.audited_changes = summary

        description = f"Moved {counted(len(ids), 'source')} to the trash"
        return journaled(
            self.database, self.notify, description, edit, action="trash", reason=reason
        )[1]

    def restore(self, source_ids: Iterable[int], *, reason: str = "") -> Change:
        """Put sources back as they were, ids included. Labels deleted in the meantime are
        left off; a source whose file was imported again meanwhile cannot come back."""
        ids = sorted(set(source_ids))
        rows = {
            int(row["source_id"]): row
            for row in self.database.query(
                "SELECT * FROM trash WHERE source_id IN (SELECT value FROM json_each(?))",
                (json.dumps(ids),),
            )
        }
        for source_id in ids:
            if source_id not in rows:
                raise NotFoundError(
                    Message(
                        QT_TRANSLATE_NOOP("core", "Source {id} is not in the trash."),
                        id=str(source_id),
                    )
                )
            twin = self.database.scalar(
                "SELECT id FROM sources WHERE sha256 = ?", (rows[source_id]["sha256"],)
            )
            if twin is not None:
                raise InvalidInputError(
                    Message(
                        QT_TRANSLATE_NOOP(
                            "core",
                            "Source {id} cannot be restored: source {twin} holds the same file "
                            "now. Delete that one first to restore this one.",
                        ),
                        id=str(source_id),
                        twin=str(twin),
                    )
                )

        def edit(journal: Journal) -> None:
            # Latest first: a photo trashed before its article finds the article's caption back.
            for source_id in sorted(ids, key=lambda i: -int(rows[i]["id"])):
                trashed = rows[source_id]
                recorded = row_changes_from_json(json.loads(trashed["rows"]))
                for change in reversed(recorded):
                    _put_back(journal, change.inverse())
                journal.delete("trash", "id = ?", (trashed["id"],))
            journal.audited_changes = [
                {"id": source_id, "title": rows[source_id]["title"]} for source_id in ids
            ]

        description = f"Restored {counted(len(ids), 'source')} from the trash"
        return journaled(
            self.database, self.notify, description, edit, action="restore", reason=reason
        )[1]

    def empty(
        self,
        source_ids: Sequence[int] | None = None,
        *,
        reason: str = "",
        progress: Callable[[int, int], None] | None = None,
    ) -> list[TrashedSource]:
        """Destroy trashed sources for good (all, or those given), originals included; what
        was destroyed. Logged; cannot be undone."""
        chosen = [
            item for item in self.items() if source_ids is None or item.source_id in set(source_ids)
        ]
        if not chosen:
            return []
        web_archives = self.web_archives([item.source_id for item in chosen])
        with self.database.transaction() as connection:
            connection.executemany(
                "DELETE FROM trash WHERE source_id = ?", [(item.source_id,) for item in chosen]
            )
            record(
                connection,
                action="empty trash",
                description=f"Emptied {counted(len(chosen), 'source')} from the trash for good",
                source_ids=[item.source_id for item in chosen],
                changes=[item.to_json() for item in chosen],
                reason=reason,
            )
        kept = {str(row[0]) for row in self.database.query("SELECT sha256 FROM sources")}
        kept |= self.sha256s()
        for done, item in enumerate(chosen, start=1):
            if item.sha256 not in kept:
                self.store.remove(item.sha256, item.original_ext)
                with contextlib.suppress(FileNotFoundError):
                    thumbnail_path(self.derived, item.sha256).unlink()
            if progress is not None:
                progress(done, len(chosen))
        still_read = containers_in_use(self.database) | {
            sha256 for sha256, _ in self.web_archives()
        }
        for sha256, ext in web_archives:
            if sha256 not in still_read and sha256 not in kept:
                self.store.remove(sha256, ext)
        return chosen

    def web_archives(self, source_ids: Sequence[int] | None = None) -> set[tuple[str, str]]:
        """The web archives (WARC, WACZ: stored once beside their pages) that trashed sources
        were read from, as (SHA-256, extension); of the sources given, or of the whole trash."""
        rows = self.database.query("SELECT source_id, rows FROM trash")
        found: set[tuple[str, str]] = set()
        for row in rows:
            if source_ids is not None and int(row[0]) not in source_ids:
                continue
            for change in json.loads(str(row[1])):
                if change.get("table") != "captures":
                    continue
                for saved in change.get("rows") or ():
                    if saved.get("container_sha256"):
                        found.add((str(saved["container_sha256"]), str(saved["container_ext"])))
        return found


def _delete_rows(journal: Journal, table: str, column: str, values: Sequence[object]) -> None:
    """Delete the rows of ``table`` whose ``column`` is one of ``values``, recording first the
    rows that hang off them (which the database would cascade or set to NULL unrecorded)."""
    if not values:
        return
    marks = ",".join("?" * len(values))
    where = f"{column} IN ({marks})"
    for child, child_column, parent_column, on_delete in _referencing(journal.connection, table):
        keys = [
            row[0]
            for row in journal.connection.execute(
                f"SELECT {parent_column} FROM {table} WHERE {where}", tuple(values)
            )
        ]
        if on_delete == "CASCADE":
            _delete_rows(journal, child, child_column, keys)
        elif on_delete == "SET NULL" and keys:
            rows = journal.connection.execute(
                f"SELECT id FROM {child} WHERE {child_column} IN ({','.join('?' * len(keys))})",
                tuple(keys),
            ).fetchall()
            for row in rows:
                journal.update(child, int(row[0]), {child_column: None})
    journal.delete(table, where, values)


def _referencing(connection: sqlite3.Connection, table: str) -> list[tuple[str, str, str, str]]:
    """Tables with a foreign key to ``table``: (table, its column, the column it refers to,
    what a delete does), cascades first so that rows deleted anyway are not updated."""
    found = []
    names = connection.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
    )
    for (name,) in names.fetchall():
        for key in connection.execute(f"PRAGMA foreign_key_list({name})"):
            if key["table"] == table and name != table:
                found.append((str(name), key["from"], key["to"] or "id", key["on_delete"]))
    return sorted(found, key=lambda item: item[3] != "CASCADE")


def _put_back(journal: Journal, change: RowChange) -> None:
    """Apply one recorded change of a restore; inserted rows that refer to a label deleted in
    the meantime are left off."""
    if change.action == "update":
        exists = journal.connection.execute(
            f"SELECT 1 FROM {change.table} WHERE id = ?", (change.row_id,)
        ).fetchone()
        if exists and change.after is not None:
            journal.update(change.table, change.row_id, change.after)
        return
    keys = [
        (key["from"], key["table"], key["to"] or "id")
        for key in journal.connection.execute(f"PRAGMA foreign_key_list({change.table})")
    ]
    journal.insert_links(
        change.table,
        [
            row
            for row in change.rows
            if all(_refers_to_existing(journal.connection, row, key) for key in keys)
        ],
    )


def _refers_to_existing(
    connection: sqlite3.Connection, row: dict[str, object], key: tuple[str, str, str]
) -> bool:
    column, table, target = key
    if row.get(column) is None:
        return True
    found = connection.execute(f"SELECT 1 FROM {table} WHERE {target} = ?", (row[column],))
    return found.fetchone() is not None


def _row_counts(recorded: list[dict[str, object]]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for change in recorded:
        table = str(change["table"])
        rows = change.get("rows") or [None]
        counts[table] = counts.get(table, 0) + len(rows)  # type: ignore[arg-type]
    return counts


def _trashed(row: sqlite3.Row) -> TrashedSource:
    recorded = json.loads(row["rows"])
    annotations = sum(
        len(change.get("rows") or []) for change in recorded if change["table"] == "annotations"
    )
    return TrashedSource(
        source_id=int(row["source_id"]),
        title=row["title"],
        kind=row["kind"],
        trashed_at=row["trashed_at"],
        sha256=row["sha256"],
        original_ext=row["original_ext"],
        annotations=annotations,
    )
