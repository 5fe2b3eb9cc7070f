"""Automatic backups: due after the interval, named by time, only the last N kept, and nothing
else in the folder touched."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from archive_app.core.archive import Archive
from archive_app.core.errors import InvalidInputError
from archive_app.export.backup_schedule import (
    BackupSchedule,
    backup_due,
    run_scheduled_backup,
    save_schedule,
    schedule_of,
    scheduled_backups,
)
from tests.export.conftest import Filled


def test_schedule_keeps_the_last_backups(archive: Archive, filled: Filled, tmp_path: Path) -> None:
    folder = tmp_path / "backups"
    folder.mkdir()
    (folder / "archive-backup-notes.txt").write_text("mine")
    assert not backup_due(archive)
    save_schedule(archive, BackupSchedule(str(folder), days=2, keep=2))
    assert schedule_of(archive) == BackupSchedule(str(folder), 2, 2)
    start = datetime(2026, 1, 1, 9, 0, tzinfo=UTC)
    assert backup_due(archive, start)
    for day in range(4):
        moment = start + timedelta(days=2 * day)
        assert backup_due(archive, moment)
        run_scheduled_backup(archive, now=moment)
        assert not backup_due(archive, moment + timedelta(days=1))
    kept = [path.name for _, path in scheduled_backups(folder, "archive")]
    assert kept == ["archive-backup-20260105T090000Z.tar", "archive-backup-20260107T090000Z.tar"]
    assert (folder / "archive-backup-notes.txt").read_text() == "mine"


def test_a_schedule_needs_a_folder_that_exists(archive: Archive, tmp_path: Path) -> None:
    with pytest.raises(InvalidInputError, match="does not exist"):
        save_schedule(archive, BackupSchedule(str(tmp_path / "nowhere")))
    with pytest.raises(InvalidInputError):
        save_schedule(archive, BackupSchedule(str(tmp_path), days=0))
    assert not schedule_of(archive).enabled
