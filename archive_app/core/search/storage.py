"""The index's files, read through a memory map without being copied into memory.

Whoosh maps a segment's compound file and then hands each part of it (postings, terms,
columns) to a ``BufferFile``, whose ``BytesIO`` copies the whole part. Opening a searcher on an
index of 100,000 sources thus copied 88 MB of postings into the process, and touched every
page of the map to do it: some 180 MB of resident memory, again for each thread's searcher.
Here each part is read where the map lies; only the pages a search reads come into memory, and
the operating system may drop them again.
"""

from __future__ import annotations

import mmap
import os
from pathlib import Path
from typing import Any

from whoosh.filedb.filestore import FileStorage
from whoosh.filedb.structfile import BufferFile, StructFile
from whoosh.index import FileIndex, Index


class MappedReader:
    """A read-only file over part of a memory map, with its own position (parts of one map are
    read independently); reading copies only what is read."""

    def __init__(self, mapped: mmap.mmap, offset: int, length: int) -> None:
        self._map = mapped
        self._start = offset
        self._end = offset + length
        self._position = offset

    def read(self, size: int | None = -1) -> bytes:
        start = self._position
        end = self._end if size is None or size < 0 else min(start + size, self._end)
        self._position = max(start, end)
        return self._map[start : self._position]

    def readline(self, size: int | None = -1) -> bytes:
        end = self._end if size is None or size < 0 else min(self._position + size, self._end)
        newline = self._map.find(b"\n", self._position, end)
        return self.read((end if newline < 0 else newline + 1) - self._position)

    def seek(self, position: int, whence: int = os.SEEK_SET) -> int:
        base = {os.SEEK_SET: self._start, os.SEEK_CUR: self._position, os.SEEK_END: self._end}
        self._position = max(self._start, base[whence] + position)
        return self._position - self._start

    def tell(self) -> int:
        return self._position - self._start


class MappedFile(BufferFile):  # type: ignore[misc]
    """A Whoosh file (or a part of a compound file) over a slice of a memory map: ``get`` and
    the arrays read from the slice, ``read`` and ``seek`` from a :class:`MappedReader`."""

    def __init__(
        self,
        mapped: mmap.mmap,
        offset: int,
        length: int,
        name: str | None = None,
        onclose: Any = None,
    ) -> None:
        StructFile.__init__(self, MappedReader(mapped, offset, length), name, onclose)
        self._map = mapped
        self._offset = offset
        self._buf = memoryview(mapped)[offset : offset + length]

    def subset(self, position: int, length: int, name: str | None = None) -> MappedFile:
        return MappedFile(self._map, self._offset + position, length, name or self._name)

    def close(self) -> None:
        """Let go of the slice; the map is unmapped when no part of it is open."""
        super().close()
        self._buf.release()


class MappedStorage(FileStorage):  # type: ignore[misc]
    """An index folder whose files are opened as :class:`MappedFile`. Whoosh's own mapping is
    off (``supports_mmap``): a compound segment is split with :meth:`MappedFile.subset`."""

    supports_mmap = False

    def open_file(self, name: str, **kwargs: Any) -> StructFile:
        with Path(self._fpath(name)).open("rb") as handle:
            size = os.fstat(handle.fileno()).st_size
            if size == 0:
                return super().open_file(name, **kwargs)
            mapped = mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ)
        return MappedFile(mapped, 0, size, name, **kwargs)


def open_index(folder: Path, *, readonly: bool = False) -> Index:
    """The index in ``folder``, read through :class:`MappedStorage`."""
    index: FileIndex = MappedStorage(str(folder), readonly=readonly).open_index()
    return index
