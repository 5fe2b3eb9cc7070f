"""One module per format: bytes in, an :class:`ExtractedDocument` out. Pure: no database.

Every importer module offers ``extract(data, *, name, path=None)`` and ``IMPORTER_VERSION``.
A module is imported only when a file of its type arrives, so a worker that reads text never
loads lxml.
"""

from __future__ import annotations

import importlib
from pathlib import Path
from types import ModuleType

from archive_app.importers.document import ExtractedDocument
from archive_app.importers.language import settle_language
from archive_app.importers.sniff import FileType


def importer_module(file_type: FileType) -> ModuleType:
    return importlib.import_module(f"archive_app.importers.{file_type}")


def extract_file(path: Path, file_type: FileType) -> ExtractedDocument:
    """Read ``path`` with the importer for ``file_type``; what the worker processes run."""
    document: ExtractedDocument = importer_module(file_type).extract(
        path.read_bytes(), name=path.name, path=path
    )
    document.language = settle_language(document)
    return document


def importer_version(file_type: FileType) -> str:
    version: str = importer_module(file_type).IMPORTER_VERSION
    return version
