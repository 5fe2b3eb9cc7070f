"""Opening, creating, locking and closing an archive."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from archive_app.core.archive import Archive
from archive_app.core.errors import (
    ArchiveDamagedError,
    ArchiveError,
    ArchiveLockedError,
    ArchiveVersionError,
    NotFoundError,
)
from archive_app.core.paths import default_archive_path
from archive_app.core.schema import SCHEMA_VERSION


def test_opening_a_new_folder_creates_the_layout(archive_path: Path) -> None:
    with Archive.open(archive_path) as archive:
        assert archive.count_sources() == 0
    assert (archive_path / "archive.db").is_file()
    assert (archive_path / "index").is_dir()
    connection = sqlite3.connect(archive_path / "archive.db")
    assert connection.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    connection.close()


def test_an_archive_reopens_with_what_was_imported(archive_path: Path, tmp_path: Path) -> None:
    note = tmp_path / "note.txt"
    note.write_text("Ceasefire announced\n\nBoth sides agreed to stop firing.", encoding="utf-8")
    with Archive.open(archive_path, workers=1) as archive:
        archive.import_paths([note])
    with Archive.open(archive_path) as archive:
        assert archive.count_sources() == 1
        assert archive.search("ceasefire").total == 1


def test_a_second_program_is_refused_with_a_clear_message(archive: Archive) -> None:
    script = textwrap.dedent(
        f"""
        from archive_app.core.archive import Archive
        from archive_app.core.errors import ArchiveLockedError
        try:
            Archive.open({str(archive.path)!r})
        except ArchiveLockedError as error:
            print(error.message)
        """
    )
    output = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    ).stdout
    assert "already open in another program" in output
    assert "process" in output


def test_the_same_program_cannot_open_an_archive_twice(archive: Archive) -> None:
    with pytest.raises(ArchiveLockedError):
        Archive.open(archive.path)


def test_the_lock_is_released_on_close(archive_path: Path) -> None:
    Archive.open(archive_path).close()
    Archive.open(archive_path).close()


def test_a_folder_holding_other_files_is_not_made_an_archive(tmp_path: Path) -> None:
    (tmp_path / "thesis.docx").write_bytes(b"not ours")
    with pytest.raises(ArchiveError, match="already holds other files"):
        Archive.open(tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["thesis.docx"]


def test_a_file_is_not_an_archive(tmp_path: Path) -> None:
    path = tmp_path / "file"
    path.write_text("x")
    with pytest.raises(ArchiveError, match="is a file"):
        Archive.open(path)


def test_open_without_create_refuses_a_missing_archive(tmp_path: Path) -> None:
    with pytest.raises(ArchiveError, match="no archive"):
        Archive.open(tmp_path / "missing", create=False)


def test_a_damaged_database_gets_a_clear_message(archive_path: Path) -> None:
    archive_path.mkdir()
    (archive_path / "archive.db").write_bytes(b"this is not an sqlite database at all" * 100)
    with pytest.raises(ArchiveDamagedError, match="damaged"):
        Archive.open(archive_path)
    Archive.open(archive_path / "elsewhere").close()


def test_a_newer_schema_is_refused(archive_path: Path) -> None:
    Archive.open(archive_path).close()
    connection = sqlite3.connect(archive_path / "archive.db")
    connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    connection.close()
    with pytest.raises(ArchiveVersionError, match="newer version"):
        Archive.open(archive_path)


def test_a_missing_source_is_a_clear_error(archive: Archive) -> None:
    with pytest.raises(NotFoundError, match="no source 42"):
        archive.get(42)


def test_default_location_follows_the_environment(tmp_path: Path) -> None:
    assert default_archive_path({"ARCHIVE_APP_HOME": str(tmp_path)}) == tmp_path
    xdg = default_archive_path({"HOME": "/home/r", "XDG_DATA_HOME": "/data"})
    if sys.platform.startswith("linux"):
        assert xdg == Path("/data/archive-app/Archive")
