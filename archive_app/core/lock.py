"""One program at a time per archive: an exclusive lock on ``<archive>/.lock``.

The operating system drops the lock when the holding process ends, however it ends (a crash or
SIGKILL included), so a stale lock never keeps a researcher out.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import socket
from pathlib import Path

from archive_app.core.errors import ArchiveError, ArchiveLockedError
from archive_app.core.messages import QT_TRANSLATE_NOOP, Message

LOCK_NAME = ".lock"


def _try_lock(handle: int) -> bool:
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


class ArchiveLock:
    """Held from :meth:`acquire` until :meth:`release` (or the process ends)."""

    def __init__(self, folder: Path) -> None:
        self.path = folder / LOCK_NAME
        self._handle: int | None = None

    def acquire(self) -> None:
        try:
            handle = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError as error:
            raise ArchiveError(
                Message(
                    QT_TRANSLATE_NOOP(
                        "core",
                        "Cannot open the archive at {folder}: {error}",
                    ),
                    folder=str(self.path.parent),
                    error=str(error),
                )
            ) from error
        if not _try_lock(handle):
            holder = _read_holder(handle)
            os.close(handle)
            raise ArchiveLockedError(
                Message(
                    QT_TRANSLATE_NOOP(
                        "core",
                        "The archive at {folder} is already open in another program{holder}. "
                        "Close it there first, or open another archive.",
                    ),
                    folder=str(self.path.parent),
                    holder=holder,
                )
            )
        self._handle = handle
        owner = json.dumps({"pid": os.getpid(), "host": socket.gethostname()}).encode()
        with contextlib.suppress(OSError):  # who holds it is only a courtesy (the disk may be full)
            os.ftruncate(handle, 0)
            os.lseek(handle, 0, os.SEEK_SET)
            os.write(handle, owner)

    def release(self) -> None:
        if self._handle is not None:
            with contextlib.suppress(OSError):
                os.ftruncate(self._handle, 0)
            os.close(self._handle)
            self._handle = None


def _read_holder(handle: int) -> str:
    try:
        os.lseek(handle, 0, os.SEEK_SET)
        info = json.loads(os.read(handle, 1024) or b"{}")
    except (OSError, ValueError):
        return ""
    if not isinstance(info, dict) or "pid" not in info:
        return ""
    return f" (process {info['pid']} on {info.get('host', 'this computer')})"
