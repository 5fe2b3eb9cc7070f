"""Back an archive up into one file, and restore it elsewhere.

A backup is a tar file (gzip-compressed when its name ends in ``.gz`` or ``.tgz``) holding:

- ``archive.db``: a consistent copy of the database made with SQLite's online backup, so it is
  safe while the window has the archive open (the copy is read through a read-only connection
  and needs no lock);
- ``originals/ab/<sha256>.<ext>``: every original the copied database refers to;
- ``manifest.json``: the SHA-256 of every other member, written last.

The thumbnails and the search index are left out: they are rebuilt from the database.

A restore trusts nothing in the file. Before anything lands in the target folder, every member
is checked: only a regular file named as above may be in it (absolute paths, ``..``, links,
devices and anything unexpected are refused), every member's SHA-256 must match the
manifest, and the manifest's every file must be there. Members are unpacked into a hidden
folder inside the target and moved into place only once all of that held; on any failure
(a truncated file, a wrong checksum, a full disk) that folder is removed and the target is as
it was.
"""

from __future__ import annotations

import errno
import hashlib
import io
import json
import re
import shutil
import sqlite3
import tarfile
import tempfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import IO

from archive_app.core.archive import ORIGINALS, Archive
from archive_app.core.audit import NOT_RECORDED
from archive_app.core.db import DATABASE_NAME, now_iso
from archive_app.core.errors import ArchiveError, CancelledError, DiskFullError
from archive_app.core.messages import QT_TRANSLATE_NOOP, Message, sentences
from archive_app.core.progress import CancelToken, ProgressCallback, is_cancelled, report_progress
from archive_app.core.store import CHUNK
from archive_app.export import open_atomically

MANIFEST = "manifest.json"
BACKUP_FORMAT = "archive-app-backup"
BACKUP_VERSION = 1
ORIGINAL_MEMBER = re.compile(r"^originals/([0-9a-f]{2})/\1[0-9a-f]{62}(\.[A-Za-z0-9]{1,9})?$")
STAGING = ".restoring"


@dataclass
class BackupReport:
    path: Path
    originals: int = 0
    size: int = 0
    missing: list[str] = field(default_factory=list)
    recorded: bool = True

    def summary(self) -> Message:
        said = [
            Message(
                QT_TRANSLATE_NOOP(
                    "core",
                    "Backed up the database and {originals} originals to {path} ({size} MB).",
                ),
                originals=self.originals,
                path=str(self.path),
                size=f"{self.size / 1_000_000:.1f}",
            )
        ]
        if self.missing:
            said.append(
                Message(
                    QT_TRANSLATE_NOOP(
                        "core",
                        "{count} originals were missing and are not in the backup: run "
                        "`archive-app check`.",
                    ),
                    count=len(self.missing),
                )
            )
        if not self.recorded:
            said.append(NOT_RECORDED)
        return sentences(*said)


def back_up_archive(
    archive: Archive,
    target: Path,
    *,
    progress: ProgressCallback | None = None,
    cancel: CancelToken | None = None,
) -> BackupReport:
    """Back up an open archive (see :func:`back_up`) and record the backup in its audit trail,
    with the file's SHA-256."""
    report = back_up(archive.path, target, progress=progress, cancel=cancel)
    report.recorded = archive.audit.record_files(
        "backup",
        f"Backed up the database and {report.originals} originals to {report.path.name}",
        [report.path],
        facts={"originals": report.originals, "missing originals": len(report.missing)},
    )
    return report


def back_up(
    archive_folder: Path,
    target: Path,
    *,
    progress: ProgressCallback | None = None,
    cancel: CancelToken | None = None,
) -> BackupReport:
    """Write a backup of the archive at ``archive_folder`` to ``target`` (atomically: the file
    appears whole or not at all). The archive may be open meanwhile, in this program or another."""
    folder = archive_folder.expanduser().resolve()
    database = folder / DATABASE_NAME
    if not database.is_file():
        raise ArchiveError(
            Message(
                QT_TRANSLATE_NOOP("core", "There is no archive at {folder}."), folder=str(folder)
            )
        )
    destination = target.expanduser().absolute()
    if not destination.parent.is_dir():
        raise ArchiveError(
            Message(
                QT_TRANSLATE_NOOP("core", "The folder {parent} does not exist."),
                parent=str(destination.parent),
            )
        )
    report = BackupReport(destination)
    with tempfile.TemporaryDirectory(prefix="archive-backup-") as scratch:
        snapshot = Path(scratch) / DATABASE_NAME
        _copy_database(database, snapshot)
        originals = _originals_of(snapshot)
        with open_atomically(destination) as handle:
            _write_backup(
                handle, folder, snapshot, originals, report, progress=progress, cancel=cancel
            )
    report.size = destination.stat().st_size
    return report


def _write_backup(
    handle: IO[bytes],
    folder: Path,
    snapshot: Path,
    originals: list[str],
    report: BackupReport,
    *,
    progress: ProgressCallback | None,
    cancel: CancelToken | None,
) -> None:
    mode = "w:gz" if report.path.name.endswith((".gz", ".tgz")) else "w"
    digests: dict[str, str] = {}
    with tarfile.open(fileobj=handle, mode=mode, format=tarfile.PAX_FORMAT) as tar:  # type: ignore[call-overload]
        digests[DATABASE_NAME] = _add_file(tar, snapshot, DATABASE_NAME)
        for done, name in enumerate(originals, start=1):
            if is_cancelled(cancel):
                raise CancelledError(
                    Message(
                        QT_TRANSLATE_NOOP(
                            "core", "The backup was cancelled; no backup file was written."
                        )
                    )
                )
            path = folder / name
            if path.is_file():
                digests[name] = _add_file(tar, path, name)
                report.originals += 1
            else:
                report.missing.append(name)
            report_progress(
                progress,
                done,
                len(originals),
                Message(QT_TRANSLATE_NOOP("core", "Backing up originals")),
            )
        manifest = {
            "format": BACKUP_FORMAT,
            "version": BACKUP_VERSION,
            "created_at": now_iso(),
            "files": digests,
        }
        data = json.dumps(manifest, indent=2, sort_keys=True).encode()
        info = tarfile.TarInfo(MANIFEST)
        info.size = len(data)
        info.mode = 0o644
        tar.addfile(info, io.BytesIO(data))


def _copy_database(database: Path, snapshot: Path) -> None:
    """SQLite's online backup through a read-only connection: a consistent copy even while
    another connection writes."""
    try:
        source = sqlite3.connect(f"{database.as_uri()}?mode=ro", uri=True, timeout=30.0)
        try:
            copy = sqlite3.connect(snapshot)
            try:
                source.backup(copy)
            finally:
                copy.close()
        finally:
            source.close()
    except sqlite3.Error as error:
        raise ArchiveError(
            Message(
                QT_TRANSLATE_NOOP("core", "The archive database could not be copied: {error}."),
                error=str(error),
            )
        ) from error


def _originals_of(snapshot: Path) -> list[str]:
    connection = sqlite3.connect(snapshot)
    try:
        rows = connection.execute(
            "SELECT DISTINCT sha256, original_ext FROM sources ORDER BY sha256"
        ).fetchall()
    finally:
        connection.close()
    return [f"{ORIGINALS}/{sha[:2]}/{sha}{ext}" for sha, ext in rows]


def _add_file(tar: tarfile.TarFile, path: Path, name: str) -> str:
    """Add ``path`` as ``name``, hashing the bytes as they go in."""
    info = tarfile.TarInfo(name)
    info.size = path.stat().st_size
    info.mode = 0o644
    with path.open("rb") as reader:
        hashing = _HashingReader(reader)
        tar.addfile(info, hashing)
    return hashing.sha.hexdigest()


class _HashingReader(io.RawIOBase):
    def __init__(self, reader: IO[bytes]) -> None:
        self._reader = reader
        self.sha = hashlib.sha256()

    def readable(self) -> bool:
        return True

    def read(self, size: int = -1) -> bytes:
        data = self._reader.read(size)
        self.sha.update(data)
        return data


# Restoring


@dataclass
class RestoreReport:
    folder: Path
    originals: int = 0
    sources: int = 0

    def summary(self) -> Message:
        return Message(
            QT_TRANSLATE_NOOP(
                "core",
                "Restored {sources} sources and {originals} originals to {folder}; every "
                "checksum matched.",
            ),
            sources=self.sources,
            originals=self.originals,
            folder=str(self.folder),
        )


def restore(
    backup: Path,
    folder: Path,
    *,
    progress: ProgressCallback | None = None,
    cancel: CancelToken | None = None,
) -> RestoreReport:
    """Restore the backup file ``backup`` into ``folder`` (new or empty), check every member
    against the manifest first, then open the archive once to rebuild its search index.
    Raises :class:`ArchiveError` saying why a backup is refused; on that, on a cancel (even
    while the index is rebuilt) and on any other failure the folder is left as it was."""
    target = folder.expanduser().absolute()
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        raise ArchiveError(
            Message(
                QT_TRANSLATE_NOOP(
                    "core", "{target} is not empty: restore into a new or empty folder."
                ),
                target=str(target),
            )
        )
    created = not target.exists()
    staging = target / STAGING
    try:
        staging.mkdir(parents=True)
        report = _unpack_checked(backup.expanduser(), staging, progress, cancel)
        (staging / DATABASE_NAME).replace(target / DATABASE_NAME)
        if (staging / ORIGINALS).exists():
            (staging / ORIGINALS).replace(target / ORIGINALS)
        staging.rmdir()
        with Archive.open(target, create=False, progress=progress, cancel=cancel) as archive:
            report.sources = archive.count_sources()
            archive.audit.record_files(
                "restore",
                f"Restored {report.sources} sources and {report.originals} originals from "
                f"{backup.name}; every checksum matched",
                [backup.expanduser().absolute()],
                facts={"sources": report.sources, "originals": report.originals},
            )
    except BaseException as error:
        _empty(target, remove=created)
        if isinstance(error, OSError):
            raise _restore_error(error, target) from error
        raise
    report.folder = target
    return report


def _empty(target: Path, *, remove: bool) -> None:
    """Take away what a failed restore wrote: the folder it made, or everything in the empty
    folder it was given."""
    if remove:
        shutil.rmtree(target, ignore_errors=True)
        return
    for path in target.iterdir():
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path, ignore_errors=True)
        else:
            path.unlink(missing_ok=True)


def _unpack_checked(
    backup: Path,
    staging: Path,
    progress: ProgressCallback | None,
    cancel: CancelToken | None,
) -> RestoreReport:
    if not backup.is_file():
        raise ArchiveError(
            Message(
                QT_TRANSLATE_NOOP("core", "There is no backup file at {backup}."),
                backup=str(backup),
            )
        )
    digests: dict[str, str] = {}
    manifest: dict[str, object] | None = None
    try:
        with tarfile.open(backup, mode="r:*") as tar:
            for member in tar:
                if is_cancelled(cancel):
                    raise CancelledError(
                        Message(
                            QT_TRANSLATE_NOOP(
                                "core", "The restore was cancelled; nothing was restored."
                            )
                        )
                    )
                _check_member(member)
                reader = tar.extractfile(member)
                assert reader is not None  # a regular file, checked above
                if member.name == MANIFEST:
                    manifest = _read_manifest(reader)
                    continue
                digests[member.name] = _unpack(reader, staging / member.name)
                report_progress(
                    progress,
                    len(digests),
                    0,
                    Message(QT_TRANSLATE_NOOP("core", "Checking and unpacking")),
                )
    except (tarfile.TarError, EOFError, zlib.error) as error:
        raise ArchiveError(
            Message(
                QT_TRANSLATE_NOOP(
                    "core",
                    "{backup} is not a whole backup (damaged or cut short: {error}). "
                    "Nothing was restored.",
                ),
                backup=str(backup),
                error=str(error),
            )
        ) from error
    if manifest is None:
        raise ArchiveError(
            Message(
                QT_TRANSLATE_NOOP(
                    "core", "{backup} has no manifest: it is not a backup made by this program."
                ),
                backup=str(backup),
            )
        )
    _compare(manifest, digests, backup)
    originals = sum(1 for name in digests if name.startswith(f"{ORIGINALS}/"))
    return RestoreReport(staging, originals=originals)


def _check_member(member: tarfile.TarInfo) -> None:
    name = member.name
    path = PurePosixPath(name)
    if path.is_absolute() or name.startswith(("/", "\\")) or re.match(r"^[A-Za-z]:", name):
        raise ArchiveError(
            Message(
                QT_TRANSLATE_NOOP(
                    "core", "The backup holds an absolute path ({name}); it was refused."
                ),
                name=str(name),
            )
        )
    if ".." in path.parts or "\\" in name:
        raise ArchiveError(
            Message(
                QT_TRANSLATE_NOOP(
                    "core", "The backup holds a path that leads out of its folder ({name})."
                ),
                name=str(name),
            )
        )
    if member.issym() or member.islnk():
        raise ArchiveError(
            Message(
                QT_TRANSLATE_NOOP(
                    "core", "The backup holds a link ({name} → {linkname}); refused."
                ),
                name=str(name),
                linkname=str(member.linkname),
            )
        )
    if member.isdev() or member.isfifo():
        raise ArchiveError(
            Message(
                QT_TRANSLATE_NOOP("core", "The backup holds a device or pipe ({name}); refused."),
                name=str(name),
            )
        )
    if not member.isfile():
        raise ArchiveError(
            Message(
                QT_TRANSLATE_NOOP(
                    "core", "The backup holds something that is not a file ({name}); refused."
                ),
                name=str(name),
            )
        )
    if name not in {MANIFEST, DATABASE_NAME} and not ORIGINAL_MEMBER.match(name):
        raise ArchiveError(
            Message(
                QT_TRANSLATE_NOOP("core", "The backup holds an unexpected file ({name}); refused."),
                name=str(name),
            )
        )


def _read_manifest(reader: IO[bytes]) -> dict[str, object]:
    try:
        manifest = json.loads(reader.read(16 << 20))
    except ValueError as error:
        raise ArchiveError(
            Message(
                QT_TRANSLATE_NOOP("core", "The backup's manifest cannot be read ({error})."),
                error=str(error),
            )
        ) from error
    if not isinstance(manifest, dict) or manifest.get("format") != BACKUP_FORMAT:
        raise ArchiveError(
            Message(
                QT_TRANSLATE_NOOP("core", "The backup's manifest is not one this program writes.")
            )
        )
    if not isinstance(manifest.get("files"), dict):
        raise ArchiveError(
            Message(QT_TRANSLATE_NOOP("core", "The backup's manifest lists no files."))
        )
    return manifest


def _unpack(reader: IO[bytes], path: Path) -> str:
    path.parent.mkdir(parents=True, exist_ok=True)
    sha = hashlib.sha256()
    with path.open("xb") as writer:
        for chunk in iter(lambda: reader.read(CHUNK), b""):
            sha.update(chunk)
            writer.write(chunk)
    return sha.hexdigest()


def _compare(manifest: dict[str, object], digests: dict[str, str], backup: Path) -> None:
    listed = manifest["files"]
    assert isinstance(listed, dict)
    if DATABASE_NAME not in digests:
        raise ArchiveError(
            Message(
                QT_TRANSLATE_NOOP("core", "{backup} holds no database. Nothing was restored."),
                backup=str(backup),
            )
        )
    for name, digest in digests.items():
        expected = listed.get(name)
        if expected is None:
            raise ArchiveError(
                Message(
                    QT_TRANSLATE_NOOP(
                        "core", "{name} in the backup is not in its manifest; refused."
                    ),
                    name=str(name),
                )
            )
        if expected != digest:
            raise ArchiveError(
                Message(
                    QT_TRANSLATE_NOOP(
                        "core",
                        "{name} in the backup does not match its checksum (damaged). Nothing "
                        "was restored.",
                    ),
                    name=str(name),
                )
            )
        if name.startswith(f"{ORIGINALS}/") and Path(name).stem != digest:
            raise ArchiveError(
                Message(
                    QT_TRANSLATE_NOOP(
                        "core", "{name} does not hold the file its name promises; refused."
                    ),
                    name=str(name),
                )
            )
    missing = sorted(set(listed) - set(digests))
    if missing:
        raise ArchiveError(
            Message(
                QT_TRANSLATE_NOOP(
                    "core",
                    "The backup lacks {missing} files its manifest lists ({missing2} …). "
                    "Nothing was restored.",
                ),
                missing=str(len(missing)),
                missing2=str(missing[0]),
            )
        )


def _restore_error(error: OSError, target: Path) -> ArchiveError:
    if error.errno == errno.ENOSPC:
        return DiskFullError(
            Message(
                QT_TRANSLATE_NOOP(
                    "core",
                    "The disk is full: the restore into {target} stopped and what it had "
                    "written was removed. Free some space and try again.",
                ),
                target=str(target),
            )
        )
    return ArchiveError(
        Message(
            QT_TRANSLATE_NOOP("core", "The backup could not be restored into {target}: {error}."),
            target=str(target),
            error=str(error),
        )
    )
