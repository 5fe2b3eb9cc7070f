"""Undoable edits of the research model, recorded row by row.

An edit runs once inside one transaction through a :class:`Journal`, which writes each row
change and remembers it (with the ids the rows got). The :class:`Change` handed back replays
the recorded row changes backwards (undo) or forwards (redo), each time in one transaction, so
an undone delete puts rows back under their old ids and later undo entries still match.

The journal is also the audit trail: the first run, every undo and every redo each append an
entry with the row changes (see :mod:`.audit`), in the same transaction as the change.

Rows that cascade (an annotation's links, an event's links) are recorded explicitly before the
row they hang off is deleted, so a replay restores them too. Every replay queues the sources
whose index document it changes and hands them to the index like the first run (which never
fails the replay: the undo stack follows the database).
"""

from __future__ import annotations

import dataclasses
import sqlite3
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Literal, TypeVar

from archive_app.core.audit import record
from archive_app.core.changes import Change, no_change
from archive_app.core.db import Database
from archive_app.core.index import queue_for_index

Notify = Callable[[], None]
Row = dict[str, object]
T = TypeVar("T")

ENTITY_TABLES = frozenset(
    {
        "events",
        "perspectives",
        "tags",
        "annotations",
        "captions",
        "sources",
        "source_evidence",
        "trash",
    }
)
SOURCE_TABLES = frozenset({"sources", "source_evidence"})
"""Tables whose ``id`` is a source's id."""
SOURCE_LINK_TABLES = frozenset({"source_events", "source_perspectives", "source_tags"})
ANNOTATION_LINK_TABLES = frozenset(
    {"annotation_events", "annotation_perspectives", "annotation_tags"}
)


@dataclass(frozen=True)
class RowChange:
    """Rows inserted or deleted, or one row's columns updated from ``before`` to ``after``."""

    action: Literal["insert", "delete", "update"]
    table: str
    rows: tuple[Row, ...] = ()
    row_id: int = 0
    before: Row | None = None
    after: Row | None = None

    def inverse(self) -> RowChange:
        if self.action == "insert":
            return RowChange("delete", self.table, self.rows)
        if self.action == "delete":
            return RowChange("insert", self.table, self.rows)
        return RowChange(
            "update", self.table, row_id=self.row_id, before=self.after, after=self.before
        )


class Journal:
    """Writes row changes on a connection inside a transaction and records them."""

    def __init__(self, connection: sqlite3.Connection) -> None:
        self.connection = connection
        self.changes: list[RowChange] = []
        self.touched_sources: set[int] = set()
        self.audited_changes: list[dict[str, object]] | None = None
        """What the audit entry records instead of the row changes (moving a source to the
        trash records what it was, not every row of its text)."""

    def insert(self, table: str, values: Mapping[str, object]) -> int:
        """Insert one row of an entity table; its new id."""
        cursor = _insert(self.connection, table, values)
        row_id = cursor.lastrowid
        assert row_id is not None
        self._record(RowChange("insert", table, ({**values, "id": row_id},)))
        return row_id

    def insert_links(self, table: str, rows: Iterable[Mapping[str, object]]) -> int:
        """Insert link rows that are not there yet; how many were new."""
        added = [row for row in rows if _insert(self.connection, table, row, ignore=True).rowcount]
        if added:
            self._record(RowChange("insert", table, tuple(dict(row) for row in added)))
        return len(added)

    def delete(self, table: str, where: str, parameters: Sequence[object] = ()) -> list[Row]:
        """Delete the rows ``where`` selects; the rows as they were."""
        rows = [
            dict(row)
            for row in self.connection.execute(
                f"SELECT * FROM {table} WHERE {where}", tuple(parameters)
            )
        ]
        if rows:
            change = RowChange("delete", table, tuple(rows))
            self.touched_sources |= _sources_of(self.connection, change)
            _apply(self.connection, change)
            self.changes.append(change)
        return rows

    def update(self, table: str, row_id: int, values: Mapping[str, object]) -> bool:
        """Set columns of one row of an entity table; False when nothing changed."""
        columns = ", ".join(values)
        row = self.connection.execute(
            f"SELECT {columns} FROM {table} WHERE id = ?", (row_id,)
        ).fetchone()
        before = dict(zip(values, row, strict=True))
        if before == values:
            return False
        change = RowChange("update", table, row_id=row_id, before=before, after=dict(values))
        _apply(self.connection, change)
        self._record(change)
        return True

    def _record(self, change: RowChange) -> None:
        """Remember a change already written."""
        self.touched_sources |= _sources_of(self.connection, change)
        self.changes.append(change)


def journaled(
    database: Database,
    notify: Notify,
    description: str,
    edit: Callable[[Journal], T],
    *,
    action: str = "edit",
    reason: str = "",
) -> tuple[T, Change]:
    """Run ``edit`` in one transaction and record it in the audit trail as ``action`` with
    ``reason``; its result and the undoable :class:`Change`.

    ``edit`` raises to refuse; then nothing is changed.
    """
    with database.transaction() as connection:
        journal = Journal(connection)
        result = edit(journal)
        queue_for_index(connection, journal.touched_sources)
        if journal.changes:
            record(
                connection,
                action=action,
                description=description,
                source_ids=journal.touched_sources,
                changes=_audited(journal),
                reason=reason,
            )
    if journal.touched_sources:
        notify()
    if not journal.changes:
        return result, no_change(description)
    recorded = tuple(journal.changes)
    undo = tuple(change.inverse() for change in reversed(recorded))
    audited = journal.audited_changes
    return result, Change(
        description,
        lambda: _replay(database, notify, undo, f"Undo: {description}", audited),
        lambda: _replay(database, notify, recorded, f"Redo: {description}", audited),
    )


def _replay(
    database: Database,
    notify: Notify,
    changes: Sequence[RowChange],
    description: str,
    audited: list[dict[str, object]] | None,
) -> None:
    with database.transaction() as connection:
        touched = apply_row_changes(connection, changes)
        queue_for_index(connection, touched)
        record(
            connection,
            action=description.split(":", 1)[0].lower(),
            description=description,
            source_ids=touched,
            changes=audited if audited is not None else row_changes_as_json(changes),
        )
    if touched:
        notify()


def row_changes_as_json(changes: Iterable[RowChange]) -> list[dict[str, object]]:
    return [dataclasses.asdict(change) for change in changes]


def row_changes_from_json(data: Iterable[Mapping[str, object]]) -> list[RowChange]:
    return [
        RowChange(
            action=item["action"],  # type: ignore[arg-type]
            table=str(item["table"]),
            rows=tuple(item.get("rows") or ()),  # type: ignore[arg-type]
            row_id=int(str(item.get("row_id") or 0)),
            before=item.get("before"),  # type: ignore[arg-type]
            after=item.get("after"),  # type: ignore[arg-type]
        )
        for item in data
    ]


def apply_row_changes(connection: sqlite3.Connection, changes: Iterable[RowChange]) -> set[int]:
    """Apply row changes inside the caller's transaction; the sources they touch."""
    touched: set[int] = set()
    for change in changes:
        if change.action == "delete":
            touched |= _sources_of(connection, change)
        _apply(connection, change)
        if change.action != "delete":
            touched |= _sources_of(connection, change)
    return touched


def _audited(journal: Journal) -> list[dict[str, object]]:
    if journal.audited_changes is not None:
        return journal.audited_changes
    return row_changes_as_json(journal.changes)


def _apply(connection: sqlite3.Connection, change: RowChange) -> None:
    if change.action == "insert":
        for row in change.rows:
            _insert(connection, change.table, row)
    elif change.action == "delete":
        for row in change.rows:
            keys = ["id"] if change.table in ENTITY_TABLES else list(row)
            where = " AND ".join(f"{key} = ?" for key in keys)
            connection.execute(
                f"DELETE FROM {change.table} WHERE {where}", tuple(row[key] for key in keys)
            )
    else:
        assert change.after is not None
        assignments = ", ".join(f"{column} = ?" for column in change.after)
        connection.execute(
            f"UPDATE {change.table} SET {assignments} WHERE id = ?",
            (*change.after.values(), change.row_id),
        )


def _insert(
    connection: sqlite3.Connection, table: str, row: Mapping[str, object], *, ignore: bool = False
) -> sqlite3.Cursor:
    columns = ", ".join(row)
    marks = ", ".join("?" * len(row))
    verb = "INSERT OR IGNORE" if ignore else "INSERT"
    return connection.execute(
        f"{verb} INTO {table} ({columns}) VALUES ({marks})", tuple(row.values())
    )


def _sources_of(connection: sqlite3.Connection, change: RowChange) -> set[int]:
    """The sources whose index document a row change alters (names are indexed by id, so
    editing an event, perspective or tag itself alters none)."""
    if change.table in SOURCE_TABLES:
        if change.action == "update":
            return {change.row_id}
        return {int(str(row["id"])) for row in change.rows}
    if change.table == "annotations" and change.action == "update":
        return _annotation_sources(connection, [change.row_id])
    if change.table in SOURCE_LINK_TABLES or change.table in {"annotations", "captions"}:
        return {int(str(row["source_id"])) for row in change.rows}
    if change.table in ANNOTATION_LINK_TABLES:
        return _annotation_sources(
            connection, [int(str(row["annotation_id"])) for row in change.rows]
        )
    return set()


def _annotation_sources(connection: sqlite3.Connection, annotation_ids: list[int]) -> set[int]:
    marks = ",".join("?" * len(annotation_ids))
    rows = connection.execute(
        f"SELECT DISTINCT source_id FROM annotations WHERE id IN ({marks})", tuple(annotation_ids)
    )
    return {int(row[0]) for row in rows}
