"""The content-addressed store: every imported file, byte for byte, under its SHA-256.

``originals/ab/<sha256>.<ext>``. Files land under a temporary name, are flushed to disk and
renamed into place, so a crash leaves either the whole file or nothing under its real name.
An import stores a batch of files at once (:meth:`OriginalStore.add_all`): every file is
written, then all are flushed, renamed and their folders flushed, before the batch's sources are
recorded in the database.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from archive_app.core.db import translate_error
from archive_app.core.errors import ArchiveError, DiskFullError, ImportFailure
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
        if not self._holds(target, expected):
            self._settle({target: self._write_temporary(source, expected, target)})
        return target

    def add_all(self, files: Iterable[tuple[Path, FileDigest, str]]) -> None:
        """Copy in several files (source, expected digest, suffix), waiting for the disk once
        for all of them rather than once per file. A file that cannot be stored is left out
        (storing it alone with :meth:`add` then gives its reason); a full disk stops it all."""
        written: dict[Path, Path] = {}
        try:
            for source, expected, suffix in files:
                target = self.path_for(expected.sha256, suffix)
                if target in written or self._holds(target, expected):
                    continue
                try:
                    written[target] = self._write_temporary(source, expected, target)
                except DiskFullError:
                    raise
                except ArchiveError:
                    continue
        except BaseException:
            for temporary in written.values():
                temporary.unlink(missing_ok=True)
            raise
        self._settle(written)

    def _settle(self, written: dict[Path, Path]) -> None:
        """Flush the written temporary files to disk, rename each to its target, then flush
        their folders: only then is a file under its real name, whole."""
        try:
            for temporary in written.values():
                _fsync_file(temporary)
            for target, temporary in written.items():
                temporary.replace(target)
            for folder in {target.parent for target in written}:
                _fsync_folder(folder)
        except OSError as error:
            raise translate_error(error, self.root.parent) from error
        finally:
            for temporary in written.values():
                temporary.unlink(missing_ok=True)

    def _holds(self, target: Path, expected: FileDigest) -> bool:
        return target.exists() and target.stat().st_size == expected.size

    def _write_temporary(self, source: Path, expected: FileDigest, target: Path) -> Path:
        """Copy ``source`` beside ``target`` under a temporary name, read-only and not yet
        flushed to disk; fail if its bytes are not the ones ``expected`` describes."""
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            handle = tempfile.NamedTemporaryFile(  # noqa: SIM115 - closed below, renamed by the caller
                dir=target.parent, prefix=".incoming-", delete=False
            )
        except OSError as error:
            raise translate_error(error, self.root.parent) from error
        temporary = Path(handle.name)
        try:
            sha = hashlib.sha256()
            with handle, source.open("rb") as reader:
                for chunk in iter(lambda: reader.read(CHUNK), b""):
                    sha.update(chunk)
                    handle.write(chunk)
            if sha.hexdigest() != expected.sha256:
                raise ImportFailure(
                    Message(
                        QT_TRANSLATE_NOOP("core", "The file changed while it was being imported.")
                    )
                )
            temporary.chmod(0o444)
        except OSError as error:
            temporary.unlink(missing_ok=True)
            raise translate_error(error, self.root.parent) from error
        except BaseException:
            temporary.unlink(missing_ok=True)
            raise
        return temporary

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


def _fsync_file(path: Path) -> None:
    descriptor = os.open(path, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def _fsync_folder(folder: Path) -> None:
    if os.name == "nt":  # pragma: no cover - Windows cannot open folders
        return
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)
