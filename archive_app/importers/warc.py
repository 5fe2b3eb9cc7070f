"""WARC files (``.warc``, ``.warc.gz``), as web-archiving tools and this program's own live
captures write them. Every captured page becomes an article with its pictures from the same
file (see :mod:`archive_app.importers.web_archive`); the file is read as a stream."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from archive_app.importers.document import ExtractedDocument
from archive_app.importers.web_archive import WarcReading

IMPORTER_VERSION = "warc/1"


def extract_pages(
    path: Path, *, name: str, spill: Path, heartbeat: Callable[[], None] | None = None
) -> list[ExtractedDocument]:
    reading = WarcReading(spill, heartbeat=heartbeat)
    with path.open("rb") as stream:
        reading.read(stream, f"The WARC file {name}")
    return reading.documents(method="warc")
