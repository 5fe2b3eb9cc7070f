"""The SQLite database: connections, transactions, migrations, and its errors in plain words.

Each thread gets its own connection (WAL mode lets them read while one writes); writes are
serialised by one lock and each is a single ``BEGIN IMMEDIATE`` transaction.
"""

from __future__ import annotations

import errno
import shutil
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from archive_app.core.errors import (
    ArchiveDamagedError,
    ArchiveError,
    ArchiveLockedError,
    ArchiveVersionError,
    DiskFullError,
    ReadOnlyError,
)
from archive_app.core.messages import QT_TRANSLATE_NOOP, Message
from archive_app.core.schema import MIGRATIONS, SCHEMA_VERSION

DATABASE_NAME = "archive.db"


def now_iso() -> str:
    """The current moment as stored in the database: UTC, seconds, ISO 8601."""
    return datetime.now(UTC).replace(microsecond=0).isoformat()


def translate_error(error: sqlite3.Error | OSError, path: Path) -> ArchiveError:
    """The plain-words form of a storage error a person can act on."""
    text = str(error).lower()
    if (isinstance(error, OSError) and error.errno == errno.ENOSPC) or "disk is full" in text:
        return DiskFullError(
            Message(
                QT_TRANSLATE_NOOP(
                    "core",
                    "The disk holding the archive at {path} is full. Free some space and "
                    "try again; nothing was half-written.",
                ),
                path=str(path),
            )
        )
    if "locked" in text or "busy" in text:
        return ArchiveLockedError(
            Message(
                QT_TRANSLATE_NOOP(
                    "core",
                    "The archive at {path} is busy in another program. Close it there and "
                    "try again.",
                ),
                path=str(path),
            )
        )
    if "not a database" in text or "malformed" in text or "corrupt" in text:
        return ArchiveDamagedError(
            Message(
                QT_TRANSLATE_NOOP(
                    "core",
                    "The archive database at {path} is damaged ({error}). Restore it from "
                    "a backup, or run `archive-app check --repair`.",
                ),
                path=str(path),
                error=str(error),
            )
        )
    if "readonly" in text or "read-only" in text or isinstance(error, PermissionError):
        return ArchiveError(
            Message(
                QT_TRANSLATE_NOOP("core", "The archive at {path} cannot be written to ({error})."),
                path=str(path),
                error=str(error),
            )
        )
    return ArchiveError(
        Message(
            QT_TRANSLATE_NOOP(
                "core", "The archive at {path} could not be read or written: {error}"
            ),
            path=str(path),
            error=str(error),
        )
    )


class Database:
    """The archive's ``archive.db``. Open with :meth:`open`; close with :meth:`close`."""

    def __init__(self, path: Path, *, read_only: bool = False) -> None:
        self.path = path
        self.read_only = read_only
        self._local = threading.local()
        self._connections: list[sqlite3.Connection] = []
        self._connections_lock = threading.Lock()
        self._write_lock = threading.RLock()
        self._closed = False

    @classmethod
    def open(cls, path: Path, *, read_only: bool = False) -> Database:
        """Open ``archive.db``, migrating it to this program's schema; ``read_only`` opens it
        beside the program that writes it (SQLite's WAL lets both go on) and refuses writes."""
        database = cls(path, read_only=read_only)
        try:
            if read_only:
                database._check_readable_version()
            else:
                database._migrate()
        except sqlite3.DatabaseError as error:
            database.close()
            raise translate_error(error, path) from error
        except BaseException:
            database.close()
            raise
        return database

    @property
    def connection(self) -> sqlite3.Connection:
        """This thread's connection, made on first use."""
        if self._closed:
            raise ArchiveError(Message(QT_TRANSLATE_NOOP("core", "The archive has been closed.")))
        connection: sqlite3.Connection | None = getattr(self._local, "connection", None)
        if connection is None:
            connection = self._connect()
            self._local.connection = connection
            with self._connections_lock:
                self._connections.append(connection)
        return connection

    def _connect(self) -> sqlite3.Connection:
        connection = sqlite3.connect(
            self.path, isolation_level=None, check_same_thread=False, timeout=10.0
        )
        connection.row_factory = sqlite3.Row
        connection.execute("PRAGMA foreign_keys = ON")
        connection.execute("PRAGMA synchronous = NORMAL")
        if self.read_only:
            connection.execute("PRAGMA query_only = ON")
        return connection

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One atomic write. A nested call in the same thread is a savepoint of the outer
        transaction: if it fails, its own changes are undone and the outer one goes on (an
        import records a batch of sources in one transaction, and one bad source must not
        leave half of itself in it)."""
        if self.read_only:
            raise ReadOnlyError(
                Message(
                    QT_TRANSLATE_NOOP(
                        "core",
                        "The archive at {folder} was opened only for reading (another program has "
                        "it open), so nothing was changed. Close it there and try again.",
                    ),
                    folder=str(self.path.parent),
                )
            )
        with self._write_lock:
            connection = self.connection
            if connection.in_transaction:
                with self._savepoint(connection):
                    yield connection
                return
            try:
                connection.execute("BEGIN IMMEDIATE")
                yield connection
                connection.execute("COMMIT")
            except sqlite3.Error as error:
                if connection.in_transaction:
                    connection.execute("ROLLBACK")
                raise translate_error(error, self.path) from error
            except BaseException:
                if connection.in_transaction:
                    connection.execute("ROLLBACK")
                raise

    @contextmanager
    def _savepoint(self, connection: sqlite3.Connection) -> Iterator[None]:
        connection.execute("SAVEPOINT nested")
        try:
            yield
        except BaseException as error:
            if connection.in_transaction:  # SQLite ends the whole transaction on some errors
                connection.execute("ROLLBACK TO nested")
                connection.execute("RELEASE nested")
            if isinstance(error, sqlite3.Error):
                raise translate_error(error, self.path) from error
            raise
        connection.execute("RELEASE nested")

    def query(
        self, sql: str, parameters: tuple[object, ...] | dict[str, object] = ()
    ) -> list[sqlite3.Row]:
        try:
            return self.connection.execute(sql, parameters).fetchall()
        except sqlite3.Error as error:
            raise translate_error(error, self.path) from error

    def query_tuples(
        self, sql: str, parameters: tuple[object, ...] | dict[str, object] = ()
    ) -> list[tuple[Any, ...]]:
        """Rows as plain tuples: for bulk reads, where a Row object per row would cost."""
        try:
            cursor = self.connection.execute(sql, parameters)
            cursor.row_factory = None
            rows: list[tuple[Any, ...]] = cursor.fetchall()
        except sqlite3.Error as error:
            raise translate_error(error, self.path) from error
        return rows

    def query_one(
        self, sql: str, parameters: tuple[object, ...] | dict[str, object] = ()
    ) -> sqlite3.Row | None:
        try:
            row: sqlite3.Row | None = self.connection.execute(sql, parameters).fetchone()
        except sqlite3.Error as error:
            raise translate_error(error, self.path) from error
        return row

    def scalar(self, sql: str, parameters: tuple[object, ...] | dict[str, object] = ()) -> object:
        row = self.query_one(sql, parameters)
        return None if row is None else row[0]

    def setting(self, key: str, default: str = "") -> str:
        value = self.scalar("SELECT value FROM settings WHERE key = ?", (key,))
        return default if value is None else str(value)

    def set_setting(self, key: str, value: str) -> None:
        with self.transaction() as connection:
            connection.execute(
                "INSERT INTO settings (key, value) VALUES (?, ?) "
                "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                (key, value),
            )

    def integrity_problems(self) -> list[str]:
        """What SQLite's own integrity and foreign-key checks find; empty when healthy."""
        problems = [str(row[0]) for row in self.query("PRAGMA integrity_check")]
        problems = [p for p in problems if p != "ok"]
        problems += [
            f"{row[0]} row {row[1]} refers to a missing {row[2]} row"
            for row in self.query("PRAGMA foreign_key_check")
        ]
        return problems

    def close(self) -> None:
        self._closed = True
        with self._connections_lock:
            for connection in self._connections:
                connection.close()
            self._connections.clear()

    def _schema_version(self) -> int:
        version = int(self.connection.execute("PRAGMA user_version").fetchone()[0])
        if version > SCHEMA_VERSION:
            raise ArchiveVersionError(
                Message(
                    QT_TRANSLATE_NOOP(
                        "core",
                        "The archive at {folder} was written by a newer version of this program "
                        "(schema {version}, this version reads up to {newest}). Update the "
                        "program to open it.",
                    ),
                    folder=str(self.path.parent),
                    version=str(version),
                    newest=str(SCHEMA_VERSION),
                )
            )
        return version

    def _check_readable_version(self) -> None:
        if self._schema_version() < SCHEMA_VERSION:
            raise ArchiveVersionError(
                Message(
                    QT_TRANSLATE_NOOP(
                        "core",
                        "The archive at {folder} was written by an older version of this program "
                        "and must be upgraded before it can be read beside another program. Open "
                        "it in the window (or run any command that changes it) to upgrade it.",
                    ),
                    folder=str(self.path.parent),
                )
            )

    def _migrate(self) -> None:
        connection = self.connection
        version = self._schema_version()
        if version == SCHEMA_VERSION:
            return
        connection.execute("PRAGMA journal_mode = WAL")
        if version > 0:
            self._back_up_before_migration(version)
        for step in range(version, SCHEMA_VERSION):
            with self.transaction() as transaction:
                for statement in _statements(MIGRATIONS[step]):
                    transaction.execute(statement)
                transaction.execute(f"PRAGMA user_version = {step + 1}")

    def _back_up_before_migration(self, version: int) -> None:
        backup = self.path.with_name(f"{self.path.name}.schema-{version}.bak")
        if backup.exists():
            return
        target = sqlite3.connect(backup)
        try:
            self.connection.backup(target)
        finally:
            target.close()
        shutil.copymode(self.path, backup)


def _statements(script: str) -> list[str]:
    """Split a migration script into statements, so it runs inside one transaction."""
    statements: list[str] = []
    current: list[str] = []
    for line in script.splitlines():
        stripped = line.split("--", 1)[0].rstrip()
        if not stripped:
            continue
        current.append(stripped)
        if sqlite3.complete_statement("\n".join(current)):
            statements.append("\n".join(current))
            current = []
    return statements
