"""Sources and annotations as CSV (UTF-8 with a byte-order mark, so spreadsheet programs
read the scripts right). Lists (authors, events, perspectives, tags) are joined with "; "."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from pathlib import Path

from archive_app.core.model import Annotation, Source
from archive_app.export import write_atomically

SOURCE_COLUMNS = (
    "id",
    "kind",
    "title",
    "authors",
    "site",
    "published",
    "url",
    "language",
    "events",
    "perspectives",
    "tags",
    "sha256",
    "imported_at",
    "captured_at",
)
ANNOTATION_COLUMNS = (
    "id",
    "source_id",
    "source_title",
    "target",
    "quote",
    "start",
    "end",
    "page",
    "region",
    "note",
    "events",
    "perspectives",
    "tags",
    "created_at",
)
SEPARATOR = "; "


def annotations_path(path: Path) -> Path:
    """Where the annotations go beside the sources' file: ``sources.csv`` →
    ``sources-annotations.csv``."""
    return path.with_name(f"{path.stem}-annotations{path.suffix or '.csv'}")


def write_csv(sources: list[Source], path: Path) -> int:
    """The sources to ``path`` and their annotations beside it; how many sources."""
    write_atomically(path, _csv(SOURCE_COLUMNS, (_source_row(s) for s in sources)))
    rows = (_annotation_row(a, s) for s in sources for a in s.annotations)
    write_atomically(annotations_path(path), _csv(ANNOTATION_COLUMNS, rows))
    return len(sources)


def _csv(columns: tuple[str, ...], rows: Iterable[dict[str, object]]) -> bytes:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=columns, lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue().encode("utf-8-sig")


def _source_row(source: Source) -> dict[str, object]:
    captured = source.metadata.get("captured_at", "")
    return {
        "id": source.id,
        "kind": source.kind,
        "title": source.title,
        "authors": SEPARATOR.join(source.authors),
        "site": source.site_name,
        "published": source.published,
        "url": source.source_url,
        "language": source.language,
        "events": SEPARATOR.join(ref.name for ref in source.events),
        "perspectives": SEPARATOR.join(ref.name for ref in source.perspectives),
        "tags": SEPARATOR.join(ref.name for ref in source.tags),
        "sha256": source.provenance.sha256,
        "imported_at": source.provenance.imported_at,
        "captured_at": captured if isinstance(captured, str) else "",
    }


def _annotation_row(annotation: Annotation, source: Source) -> dict[str, object]:
    region = ""
    if annotation.target == "region":
        box = (annotation.x, annotation.y, annotation.width, annotation.height)
        region = ",".join(f"{value:g}" for value in box if value is not None)
    return {
        "id": annotation.id,
        "source_id": source.id,
        "source_title": source.title,
        "target": annotation.target,
        "quote": annotation.quote_exact,
        "start": "" if annotation.start is None else annotation.start,
        "end": "" if annotation.end is None else annotation.end,
        "page": "" if annotation.page is None else annotation.page,
        "region": region,
        "note": annotation.note,
        "events": SEPARATOR.join(ref.name for ref in annotation.events),
        "perspectives": SEPARATOR.join(ref.name for ref in annotation.perspectives),
        "tags": SEPARATOR.join(ref.name for ref in annotation.tags),
        "created_at": annotation.created_at,
    }
