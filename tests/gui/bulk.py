"""Quick ways to fill a test archive: many sources straight through the core (no files), and
photos drawn with Pillow for the thumbnail grid."""

from __future__ import annotations

import io
from pathlib import Path

from PIL import Image, ImageDraw

from archive_app.core.archive import Archive
from archive_app.core.index import queue_for_index
from archive_app.core.sources import insert_source
from archive_app.core.store import FileDigest
from archive_app.importers.document import Block, ExtractedDocument, SourceKind


def add_sources(
    archive: Archive, titles: list[str], *, kind: SourceKind = "text", site: str = ""
) -> list[int]:
    """Store one source per title in one transaction, indexed; their ids in order."""
    first = int(str(archive.database.scalar("SELECT coalesce(max(id), 0) FROM sources")))
    ids = []
    with archive.database.transaction() as connection:
        for number, title in enumerate(titles, start=first + 1):
            document = ExtractedDocument(
                kind=kind,
                title=title,
                site_name=site,
                blocks=[Block("paragraph", f"{title}. Source number {number}.")],
            )
            ids.append(
                insert_source(
                    connection,
                    document,
                    digest=FileDigest(f"{number:064x}", 10),
                    original_name=f"{number}.txt",
                    original_ext=".txt",
                    importer_version="test",
                    has_thumbnail=False,
                )
            )
        queue_for_index(connection, ids)
    archive.index.notify(wait=True)
    return ids


def write_photo(folder: Path, name: str, color: tuple[int, int, int]) -> Path:
    """A small JPEG of a coloured sky over a hill."""
    image = Image.new("RGB", (640, 420), color)
    draw = ImageDraw.Draw(image)
    draw.ellipse((-200, 250, 840, 700), fill=(60, 110, 60))
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=80)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_bytes(buffer.getvalue())
    return path
