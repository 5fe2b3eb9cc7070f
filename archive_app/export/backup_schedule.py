"""Automatic backups: where they go, how often, how many are kept. Settings of the archive
(kept in its database); the window's timer asks :func:`backup_due` and runs
:func:`run_scheduled_backup`.

Backups are named ``<archive>-backup-<UTC time>.tar``; only files named so are counted and
pruned, so nothing else in the folder is ever deleted.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from archive_app.core.errors import InvalidInputError
from archive_app.core.messages import QT_TRANSLATE_NOOP, Message
from archive_app.core.progress import CancelToken, ProgressCallback
from archive_app.export.backup import BackupReport, back_up_archive

if TYPE_CHECKING:
    from archive_app.core.archive import Archive

FOLDER_SETTING = "auto_backup_folder"
DAYS_SETTING = "auto_backup_days"
KEEP_SETTING = "auto_backup_keep"
STAMP = "%Y%m%dT%H%M%SZ"


@dataclass(frozen=True)
class BackupSchedule:
    """``folder`` empty: no automatic backups."""

    folder: str = ""
    days: int = 1
    keep: int = 7

    @property
    def enabled(self) -> bool:
        return bool(self.folder)


def schedule_of(archive: Archive) -> BackupSchedule:
    setting = archive.database.setting
    try:
        days, keep = int(setting(DAYS_SETTING, "1")), int(setting(KEEP_SETTING, "7"))
    except ValueError:
        days, keep = 1, 7
    return BackupSchedule(setting(FOLDER_SETTING, ""), max(1, days), max(1, keep))


def save_schedule(archive: Archive, schedule: BackupSchedule) -> None:
    if schedule.enabled and not Path(schedule.folder).expanduser().is_dir():
        raise InvalidInputError(
            Message(
                QT_TRANSLATE_NOOP("core", "The folder {folder} does not exist."),
                folder=str(schedule.folder),
            )
        )
    if schedule.days < 1 or schedule.keep < 1:
        raise InvalidInputError(
            Message(
                QT_TRANSLATE_NOOP(
                    "core", "Back up at least every day… and keep at least one backup."
                )
            )
        )
    archive.database.set_setting(FOLDER_SETTING, schedule.folder)
    archive.database.set_setting(DAYS_SETTING, str(schedule.days))
    archive.database.set_setting(KEEP_SETTING, str(schedule.keep))


def scheduled_backups(folder: Path, archive_name: str) -> list[tuple[datetime, Path]]:
    """The automatic backups of ``archive_name`` in ``folder``, oldest first."""
    pattern = re.compile(rf"^{re.escape(archive_name)}-backup-(\d{{8}}T\d{{6}}Z)\.tar$")
    found = []
    for path in folder.glob(f"{archive_name}-backup-*.tar"):
        match = pattern.match(path.name)
        if match:
            found.append((datetime.strptime(match.group(1), STAMP).replace(tzinfo=UTC), path))
    return sorted(found)


def backup_due(archive: Archive, now: datetime | None = None) -> bool:
    schedule = schedule_of(archive)
    if not schedule.enabled:
        return False
    existing = scheduled_backups(Path(schedule.folder).expanduser(), archive.path.name)
    moment = now or datetime.now(UTC)
    return not existing or moment - existing[-1][0] >= timedelta(days=schedule.days)


def run_scheduled_backup(
    archive: Archive,
    *,
    now: datetime | None = None,
    progress: ProgressCallback | None = None,
    cancel: CancelToken | None = None,
) -> BackupReport:
    """Write a backup into the schedule's folder, then delete the oldest beyond ``keep``."""
    schedule = schedule_of(archive)
    folder = Path(schedule.folder).expanduser()
    moment = now or datetime.now(UTC)
    target = folder / f"{archive.path.name}-backup-{moment.strftime(STAMP)}.tar"
    report = back_up_archive(archive, target, progress=progress, cancel=cancel)
    backups = scheduled_backups(folder, archive.path.name)
    for _, old in backups[: max(0, len(backups) - schedule.keep)]:
        old.unlink()
    return report
