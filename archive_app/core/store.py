"""The content-addressed store: every imported file, byte for byte, under its SHA-256.

``originals/ab/<sha256>.<ext>``. Files land under a temporary name, are flushed to disk and
renamed into place, so a crash leaves either the whole file or nothing under its real name.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from archive_app.core.db import translate_error
from archive_app.core.errors import ImportFailure
from archive_app.core.messages import QT_TRANSLATE_NOOP, Message

CHUNK = 1 << 20


@dataclass(frozen=True)
class FileDigest:
    sha256: str
    size: int


def digest_file(path: Path) -> FileDigest:
    """SHA-256 and size of a file, read in chunks (a 2 GB file never sits in memory)."""
    sha = hashlib.sha256()
    size = 0
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(CHUNK), b""):
            sha.update(chunk)
            size += len(chunk)
    return FileDigest(sha.hexdigest(), size)


def normalized_suffix(name: str) -> str:
    suffix = Path(name).suffix.lower()
    return suffix if suffix[1:].isalnum() and len(suffix) <= 10 else ""


class OriginalStore:
    def __init__(self, root: Path) -> None:
        self.root = root

    def path_for(self, sha256: str, suffix: str) -> Path:
        return self.root / sha256[:2] / f"{sha256}{suffix}"

    def add(self, source: Path, expected: FileDigest, suffix: str) -> Path:
        """Copy ``source`` in; fail if its bytes are not the ones ``expected`` describes."""
        target = self.path_for(expected.sha256, suffix)
        if target.exists() and target.stat().st_size == expected.size:
            return target
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            with _temporary_beside(target) as (handle, temporary):
                sha = hashlib.sha256()
                with source.open("rb") as reader:
                    for chunk in iter(lambda: reader.read(CHUNK), b""):
                        sha.update(chunk)
                        handle.write(chunk)
                handle.flush()
                os.fsync(handle.fileno())
                if sha.hexdigest() != expected.sha256:
                    raise ImportFailure(
                        Message(
                            QT_TRANSLATE_NOOP(
                                "core", "The file changed while it was being imported."
                            )
                        )
                    )
                handle.close()
                temporary.chmod(0o444)
                temporary.replace(target)
        except OSError as error:
            raise translate_error(error, self.root.parent) from error
        _fsync_folder(target.parent)
        return target

    def write_derived(self, target: Path, data: bytes) -> None:
        """Write a derived file (a thumbnail) atomically; derived files can always be rebuilt."""
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            with _temporary_beside(target) as (handle, temporary):
                handle.write(data)
                handle.close()
                temporary.replace(target)
        except OSError as error:
            raise translate_error(error, self.root.parent) from error

    def verify(self, sha256: str, suffix: str) -> str | None:
        """None when the stored original is intact, else what is wrong with it."""
        path = self.path_for(sha256, suffix)
        if not path.is_file():
            return "its original file is missing"
        if digest_file(path).sha256 != sha256:
            return "its original file no longer matches its SHA-256 (the file was changed)"
        return None

    def remove(self, sha256: str, suffix: str) -> None:
        path = self.path_for(sha256, suffix)
        with contextlib.suppress(FileNotFoundError):
            path.chmod(0o644)
            path.unlink()

    def remove_leftovers(self) -> int:
        """Delete temporary files a crash left behind; how many there were."""
        count = 0
        for leftover in self.root.glob("*/.incoming-*"):
            with contextlib.suppress(OSError):
                leftover.unlink()
                count += 1
        return count


@contextlib.contextmanager
def _temporary_beside(target: Path) -> Iterator[tuple[tempfile._TemporaryFileWrapper[bytes], Path]]:
    handle = tempfile.NamedTemporaryFile(  # noqa: SIM115 - closed below, renamed by the caller
        dir=target.parent, prefix=".incoming-", delete=False
    )
    temporary = Path(handle.name)
    try:
        yield handle, temporary
    finally:
        handle.close()
        with contextlib.suppress(FileNotFoundError):
            temporary.unlink()


def _fsync_folder(folder: Path) -> None:
    if os.name == "nt":  # pragma: no cover - Windows cannot open folders
        return
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)
