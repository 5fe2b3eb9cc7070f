"""Exports: read the archive, write files. Imports no Qt.

Every export lands atomically (:func:`open_atomically`): a crash or a full disk never leaves a
half-written file under the name the user chose.
"""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from archive_app.core.errors import ArchiveError, DiskFullError
from archive_app.core.messages import QT_TRANSLATE_NOOP, Message


@contextlib.contextmanager
def open_atomically(path: Path) -> Iterator[IO[bytes]]:
    """A file to write ``path`` through: a temporary file beside it, renamed into place when
    the block ends without an error (and removed when it does not). Raises
    :class:`ArchiveError` with a plain message when the file cannot be written."""
    target = path.expanduser()
    if target.is_dir():
        raise ArchiveError(
            Message(
                QT_TRANSLATE_NOOP("core", "{target} is a folder; give a file name to export to."),
                target=str(target),
            )
        )
    if not target.parent.is_dir():
        raise ArchiveError(
            Message(
                QT_TRANSLATE_NOOP("core", "The folder {parent} does not exist."),
                parent=str(target.parent),
            )
        )
    temporary: Path | None = None
    try:
        with tempfile.NamedTemporaryFile(
            dir=target.parent, prefix=f".{target.name}.", suffix=".part", delete=False
        ) as handle:
            temporary = Path(handle.name)
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        temporary.replace(target)
        temporary = None
    except OSError as error:
        raise not_written(target, error) from error
    finally:
        if temporary is not None:
            with contextlib.suppress(FileNotFoundError):
                temporary.unlink()


def not_written(target: Path, error: OSError) -> ArchiveError:
    """Why ``target`` could not be written, in plain words (a full disk says so)."""
    if error.errno == errno.ENOSPC:
        return DiskFullError(
            Message(
                QT_TRANSLATE_NOOP(
                    "core",
                    "The disk is full: {target} was not written. Free some space and try again.",
                ),
                target=str(target),
            )
        )
    return ArchiveError(
        Message(
            QT_TRANSLATE_NOOP("core", "{target} could not be written: {value}."),
            target=str(target),
            value=str(error.strerror or error),
        )
    )


def write_atomically(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` atomically (see :func:`open_atomically`)."""
    with open_atomically(path) as handle:
        handle.write(data)
