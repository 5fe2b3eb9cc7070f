"""The audit trail: every change to the archive, append-only, each entry chained to the one before.

An entry says when, who (the investigator name set for the archive, else the system user), what
was done (``action`` and a sentence), to which sources, the rows before and after, and an
optional reason. Entries are written in the same transaction as the change they describe, so a
change without its entry cannot exist.

Each entry's ``hash`` is the SHA-256 of its fields and of the previous entry's hash, and the last
hash is kept apart as the chain's head. Database triggers refuse updates and deletes,
so the program offers no way to edit the trail; whoever changes, removes or inserts an entry
with another tool breaks the chain, and :meth:`AuditTrail.verify` (run by ``check``) says where.
The chain shows tampering; it cannot stop someone who rewrites every later hash as well, which
is why a provenance report prints the head hash for others to keep.
"""

from __future__ import annotations

import getpass
import hashlib
import json
import sqlite3
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from archive_app.core.db import Database, now_iso
from archive_app.core.messages import QT_TRANSLATE_NOOP, Message
from archive_app.core.store import FileDigest, digest_file

INVESTIGATOR_SETTING = "investigator"
NOT_RECORDED = Message(
    QT_TRANSLATE_NOOP("core", "(Not in the audit trail: another program has the archive open.)")
)
"""Said after what was exported when the audit trail could not record it."""
GENESIS = "0" * 64


@dataclass(frozen=True)
class AuditEntry:
    id: int
    at: str
    who: str
    action: str
    description: str
    source_ids: list[int]
    changes: list[dict[str, Any]]
    reason: str
    previous_hash: str
    hash: str

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "at": self.at,
            "who": self.who,
            "action": self.action,
            "description": self.description,
            "sources": self.source_ids,
            "changes": self.changes,
            "reason": self.reason,
            "hash": self.hash,
        }

    def change_lines(self) -> list[str]:
        """The changes in plain words: ``notes: 'old' → 'new'``, ``added annotations 4``."""
        return [line for change in self.changes for line in _describe(change)]


def investigator(connection: sqlite3.Connection) -> str:
    """Who is making changes: the name set for this archive, else the system user's."""
    row = connection.execute(
        "SELECT value FROM settings WHERE key = ?", (INVESTIGATOR_SETTING,)
    ).fetchone()
    if row is not None and str(row[0]).strip():
        return str(row[0]).strip()
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "unknown"


def record(
    connection: sqlite3.Connection,
    *,
    action: str,
    description: str,
    source_ids: Iterable[int] = (),
    changes: Sequence[Mapping[str, Any]] = (),
    reason: str = "",
) -> int:
    """Append one entry inside the caller's transaction; its id."""
    head = connection.execute("SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1").fetchone()
    previous = str(head[1]) if head is not None else GENESIS
    entry_id = (int(head[0]) if head is not None else 0) + 1
    fields = {
        "id": entry_id,
        "at": now_iso(),
        "who": investigator(connection),
        "action": action,
        "description": description,
        "source_ids": json.dumps(sorted(set(source_ids))),
        "changes": json.dumps(list(changes), ensure_ascii=False, sort_keys=True, default=str),
        "reason": reason.strip(),
        "previous_hash": previous,
    }
    digest = entry_hash(fields)
    columns = [*fields, "hash"]
    connection.execute(
        f"INSERT INTO audit_log ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})",
        (*fields.values(), digest),
    )
    connection.executemany(
        "INSERT INTO audit_sources (source_id, entry_id) VALUES (?, ?)",
        [(source_id, entry_id) for source_id in json.loads(str(fields["source_ids"]))],
    )
    connection.execute(
        "INSERT INTO audit_head (id, entry_id, hash) VALUES (1, ?, ?) "
        "ON CONFLICT (id) DO UPDATE SET entry_id = excluded.entry_id, hash = excluded.hash",
        (entry_id, digest),
    )
    return entry_id


def import_facts(path: Path, digest: FileDigest, importer_version: str) -> dict[str, object]:
    """What an import entry records about the file it read."""
    return {
        "file": str(path),
        "sha256": digest.sha256,
        "size": digest.size,
        "importer": importer_version,
    }


def file_facts(path: Path) -> dict[str, object]:
    """What an entry records about a file the program wrote."""
    digest = digest_file(path)
    return {"file": str(path), "sha256": digest.sha256, "size": digest.size}


def entry_hash(fields: Mapping[str, object]) -> str:
    """The SHA-256 of an entry's fields (with the previous entry's hash among them)."""
    keys = ("id", "at", "who", "action", "description", "source_ids", "changes", "reason")
    payload = json.dumps(
        [*(fields[key] for key in keys), fields["previous_hash"]],
        ensure_ascii=False,
        separators=(",", ":"),
    )
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


class AuditTrail:
    """Reading, adding to and verifying an archive's audit trail."""

    def __init__(self, database: Database) -> None:
        self.database = database

    def record(
        self,
        action: str,
        description: str,
        *,
        source_ids: Iterable[int] = (),
        changes: Sequence[Mapping[str, Any]] = (),
        reason: str = "",
    ) -> int:
        """Append an entry for work done outside a database change (an export, a backup)."""
        with self.database.transaction() as connection:
            return record(
                connection,
                action=action,
                description=description,
                source_ids=source_ids,
                changes=changes,
                reason=reason,
            )

    def record_files(
        self,
        action: str,
        description: str,
        files: Iterable[Path],
        *,
        source_ids: Iterable[int] = (),
        facts: Mapping[str, Any] | None = None,
    ) -> bool:
        """Append an entry for work that wrote or read files (an export, a backup, a restore),
        each file with its SHA-256 and size, after ``facts`` about the work. False when the
        archive is only read beside the program that has it open, which cannot write to it."""
        if self.database.read_only:
            return False
        changes = [dict(facts or {})] if facts else []
        changes += [file_facts(path) for path in files]
        self.record(action, description, source_ids=source_ids, changes=changes)
        return True

    def entries(self, source_id: int | None = None) -> list[AuditEntry]:
        """Every entry, oldest first; with ``source_id``, those about that source."""
        if source_id is None:
            rows = self.database.query("SELECT * FROM audit_log ORDER BY id")
        else:
            rows = self.database.query(
                "SELECT a.* FROM audit_sources s JOIN audit_log a ON a.id = s.entry_id "
                "WHERE s.source_id = ? ORDER BY a.id",
                (source_id,),
            )
        return [_entry(row) for row in rows]

    def head(self) -> str:
        """The last entry's hash: whoever keeps it can later tell that nothing was rewritten."""
        return self._head()[1]

    def _head(self) -> tuple[int, str]:
        row = self.database.query_one("SELECT entry_id, hash FROM audit_head WHERE id = 1")
        return (0, GENESIS) if row is None else (int(row[0]), str(row[1]))

    def set_investigator(self, name: str) -> None:
        """The name recorded as who made the changes from now on ('' for the system user)."""
        self.database.set_setting(INVESTIGATOR_SETTING, " ".join(name.split()))

    def investigator(self) -> str:
        return investigator(self.database.connection)

    def verify(self) -> list[str]:
        """What breaks the chain: an entry altered, removed or inserted behind the program's
        back. Empty when the trail is whole."""
        problems: list[str] = []
        previous_id, previous_hash = 0, GENESIS
        for row in self.database.query("SELECT * FROM audit_log ORDER BY id"):
            entry_id = int(row["id"])
            if entry_id != previous_id + 1:
                problems.append(f"entries {previous_id + 1} to {entry_id - 1} are missing")
            if row["previous_hash"] != previous_hash:
                problems.append(f"entry {entry_id} does not follow the entry before it")
            if entry_hash(dict(row)) != row["hash"]:
                problems.append(f"entry {entry_id} was changed after it was written")
            previous_id, previous_hash = entry_id, str(row["hash"])
        head_id, head_hash = self._head()
        if head_id != previous_id or head_hash != previous_hash:
            problems.append(f"the trail should end at entry {head_id}, not at {previous_id}")
        return problems


def _entry(row: sqlite3.Row) -> AuditEntry:
    return AuditEntry(
        id=int(row["id"]),
        at=row["at"],
        who=row["who"],
        action=row["action"],
        description=row["description"],
        source_ids=json.loads(row["source_ids"]),
        changes=json.loads(row["changes"]),
        reason=row["reason"],
        previous_hash=row["previous_hash"],
        hash=row["hash"],
    )


SKIPPED_COLUMNS = frozenset({"modified_at", "created_at", "rows"})


def _describe(change: Mapping[str, Any]) -> list[str]:
    if "table" not in change:
        return [_row_summary(change)]
    table = str(change.get("table", "")).replace("_", " ")
    action = change.get("action")
    if action == "update":
        before, after = change.get("before") or {}, change.get("after") or {}
        return [
            f"{table} {change.get('row_id')}: {column.replace('_', ' ')} "
            f"{_shown(before.get(column))} → {_shown(value)}"
            for column, value in after.items()
            if column not in SKIPPED_COLUMNS
        ]
    rows = change.get("rows") or []
    verb = {"insert": "added", "delete": "removed"}.get(str(action), str(action))
    return [f"{verb} {table}: {_row_summary(row)}" for row in rows]


def _row_summary(row: Mapping[str, Any]) -> str:
    parts = [
        f"{key.replace('_', ' ')} {_shown(value)}"
        for key, value in row.items()
        if key not in SKIPPED_COLUMNS and value not in (None, "")
    ]
    return ", ".join(parts)


def _shown(value: object) -> str:
    text = "" if value is None else str(value)
    if len(text) > 80:
        text = text[:77] + "…"
    return f"“{text}”" if isinstance(value, str) else text or "—"
