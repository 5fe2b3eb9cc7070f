"""One module per format: bytes in, an :class:`ExtractedDocument` out. Pure: no database.

Every importer module offers ``extract(data, *, name, path=None)`` and ``IMPORTER_VERSION``;
web captures (MHTML, SingleFile, WARC, WACZ) offer ``extract_pages(path, *, name, spill)``
instead, which reads the file as a stream and may find many pages in it.
A module is imported only when a file of its type arrives, so a worker that reads text never
loads lxml.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

from archive_app.importers.document import ExtractedDocument
from archive_app.importers.language import settle_language
from archive_app.importers.sniff import STREAMED_TYPES, FileType


def importer_module(file_type: FileType) -> ModuleType:
    return importlib.import_module(f"archive_app.importers.{file_type}")


def extract_file(path: Path, file_type: FileType) -> ExtractedDocument:
    """Read ``path`` with the importer for ``file_type``; what the worker processes run."""
    return extract_bytes(path.read_bytes(), file_type, name=path.name, path=path)


def extract_bytes(
    data: bytes, file_type: FileType, *, name: str, path: Path | None = None
) -> ExtractedDocument:
    """Read ``data`` (a file named ``name``) with the importer for ``file_type``, its language
    settled."""
    document: ExtractedDocument = importer_module(file_type).extract(data, name=name, path=path)
    document.language = settle_language(document)
    return document


def extract_pages(
    path: Path, file_type: FileType, spill: Path, heartbeat: Callable[[], None] | None = None
) -> list[ExtractedDocument]:
    """Every document in ``path``: one for most files, many for a web archive (WARC, WACZ).
    Files that a web capture holds (its pictures, its pages) are written under ``spill``.
    A web archive calls ``heartbeat`` as it goes: its time limit is per step, not per file."""
    module = importer_module(file_type)
    documents: list[ExtractedDocument]
    if file_type in STREAMED_TYPES:
        documents = module.extract_pages(path, name=path.name, spill=spill, heartbeat=heartbeat)
    elif hasattr(module, "extract_pages"):
        documents = module.extract_pages(path, name=path.name, spill=spill)
    else:
        documents = [extract_file(path, file_type)]
    return documents


def importer_version(file_type: FileType) -> str:
    version: str = importer_module(file_type).IMPORTER_VERSION
    return version
