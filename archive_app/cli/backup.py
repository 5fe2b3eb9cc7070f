"""``archive-app backup FILE`` and ``archive-app restore FILE DIR``."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from archive_app.cli.common import add_command, progress_printer, read_archive


def register(commands: Any) -> None:
    parser = add_command(
        commands,
        "backup",
        "write the archive to one backup file",
        "Write one file holding a consistent copy of the database, every original file and "
        "a manifest of their SHA-256 checksums. Safe while the window has the archive open. "
        "A name ending in .tar.gz or .tgz is compressed (originals are mostly compressed "
        "already, so plain .tar is faster). The search index and thumbnails are rebuilt on "
        "restore, so they are left out.",
    )
    parser.add_argument("file", type=Path, metavar="FILE", help="the backup file to write")
    parser.set_defaults(run=run_backup)

    parser = add_command(
        commands,
        "restore",
        "restore a backup into a new folder",
        "Restore a backup file into DIR (a new or empty folder), which becomes an archive. "
        "Every file's checksum is checked before anything is used; a backup holding absolute "
        "paths, '..', links or devices is refused, and a refused or interrupted restore "
        "leaves DIR as it was.",
    )
    parser.add_argument("file", type=Path, metavar="FILE", help="the backup file")
    parser.add_argument("folder", type=Path, metavar="DIR", help="where to restore it")
    parser.set_defaults(run=run_restore)


def run_backup(args: argparse.Namespace) -> int:
    from archive_app.export.backup import back_up_archive

    bar = progress_printer(args, "Backing up")
    with read_archive(args) as archive:
        report = back_up_archive(archive, args.file, progress=bar)
    if bar is not None:
        bar.clear()
    print(report.summary())
    return 1 if report.missing else 0


def run_restore(args: argparse.Namespace) -> int:
    from archive_app.export.backup import restore

    bar = progress_printer(args, "Restoring")
    report = restore(args.file, args.folder, progress=bar)
    if bar is not None:
        bar.clear()
    print(report.summary())
    return 0
