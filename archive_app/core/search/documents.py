"""Turn sources in the database into the documents the index holds (see ``index.build_schema``).

Kept apart from the writer so that the index's contents can be read and tested on their own.
"""

from __future__ import annotations

import json
import sqlite3
from collections import defaultdict
from collections.abc import Iterable
from datetime import datetime
from typing import Any

from archive_app.core.dates import date_range
from archive_app.core.db import Database
from archive_app.core.errors import InvalidInputError

CHUNK = 500


def published_datetime(published: str) -> datetime | None:
    """The first moment a partial or full published date stands for (for sorting and ranges)."""
    if not published:
        return None
    if "T" in published:
        try:
            return datetime.fromisoformat(published).replace(tzinfo=None)
        except ValueError:
            return None
    try:
        first, _ = date_range(published)
    except InvalidInputError:
        return None
    return datetime(first.year, first.month, first.day)


def documents_for(database: Database, source_ids: list[int]) -> dict[int, dict[str, Any]]:
    """The index document of each source that still exists, by id."""
    documents: dict[int, dict[str, Any]] = {}
    for start in range(0, len(source_ids), CHUNK):
        documents.update(_chunk_documents(database, source_ids[start : start + CHUNK]))
    return documents


def _chunk_documents(database: Database, ids: list[int]) -> dict[int, dict[str, Any]]:
    marks = ",".join("?" * len(ids))
    sources = database.query(f"SELECT * FROM sources WHERE id IN ({marks})", tuple(ids))
    if not sources:
        return {}
    captions = _captions(database, marks, ids)
    notes = _grouped(
        database,
        f"SELECT source_id, note FROM annotations WHERE source_id IN ({marks}) AND note != ''",
        ids,
    )
    quotes = _grouped(
        database,
        f"SELECT source_id, quote_exact FROM annotations "
        f"WHERE source_id IN ({marks}) AND quote_exact != ''",
        ids,
    )
    links = {
        field: _grouped(database, sql.format(marks=marks), ids)
        for field, sql in _LINK_QUERIES.items()
    }
    evidence = {
        int(row["id"]): row
        for row in database.query(
            f"SELECT * FROM source_evidence WHERE id IN ({marks})", tuple(ids)
        )
    }
    documents = {}
    for row in sources:
        source_id = int(row["id"])
        imported = datetime.fromisoformat(row["imported_at"]).replace(tzinfo=None)
        document: dict[str, Any] = {
            "id": str(source_id),
            "kind": row["kind"],
            "title": row["title"],
            "body": row["body"],
            "caption": "\n".join(captions.get(source_id, [])),
            "note": "\n\n".join(
                [row["notes"], *notes.get(source_id, []), *quotes.get(source_id, [])]
            ).strip(),
            "author": "\n".join(json.loads(row["authors"])),
            "site": row["site_name"],
            "lang": row["language"].lower(),
            "imported": imported,
            "page_starts": _page_starts(row["blocks"]),
            "date": row["published"],
        }
        for field, grouped in links.items():
            document[field] = _id_list(grouped.get(source_id, []))
        document = {key: value for key, value in document.items() if value != ""}
        document.update(_dates(row["published"]))
        document.update(_facet_columns(row["site_name"], document))
        document.update(_evidence_fields(evidence.get(source_id)))
        documents[source_id] = document
    return documents


def _id_list(ids: Iterable[object]) -> str:
    return ",".join(str(value) for value in sorted({int(str(value)) for value in ids}))


def _dates(published: str) -> dict[str, Any]:
    """The published moment (for ranges) and the date-order column (0: undated, sorts last)."""
    moment = published_datetime(published)
    if moment is None:
        return {"date_order": 0, "year_facet": b""}
    return {
        "published": moment,
        "date_order": int(moment.strftime("%Y%m%d%H%M%S")),
        "year_facet": str(moment.year).encode(),
    }


def _facet_columns(site: str, document: dict[str, Any]) -> dict[str, bytes]:
    """Site, and events and perspectives of the source or of any of its annotations."""
    columns = {"site_facet": site.encode()}
    for kind in ("event", "perspective"):
        ids = [
            *document.get(kind, "").split(","),
            *document.get(f"annotation_{kind}", "").split(","),
        ]
        columns[f"{kind}_facet"] = _id_list(value for value in ids if value).encode()
    return columns


def _evidence_fields(row: sqlite3.Row | None) -> dict[str, Any]:
    """Verification status and grades (searchable, and columns for their facets), whether the
    source is sensitive, and its place name."""
    status = row["status"] if row is not None else "unverified"
    reliability = row["reliability"] if row is not None else ""
    fields: dict[str, Any] = {
        "status": status,
        "status_facet": status.encode(),
        "reliability_facet": reliability.encode(),
    }
    if row is None:
        return fields
    sensitive = [name for name in ("graphic", "identifiable") if row[name]]
    optional = {
        "reliability": reliability,
        "credibility": row["credibility"],
        "sensitive": ",".join(sensitive),
        "place": row["place_name"],
    }
    fields.update({name: value for name, value in optional.items() if value})
    return fields


_LINK_QUERIES = {
    "tag": "SELECT source_id, tag_id FROM source_tags WHERE source_id IN ({marks})",
    "event": "SELECT source_id, event_id FROM source_events WHERE source_id IN ({marks})",
    "perspective": (
        "SELECT source_id, perspective_id FROM source_perspectives WHERE source_id IN ({marks})"
    ),
    "annotation_tag": (
        "SELECT a.source_id, l.tag_id FROM annotation_tags l "
        "JOIN annotations a ON a.id = l.annotation_id WHERE a.source_id IN ({marks})"
    ),
    "annotation_event": (
        "SELECT a.source_id, l.event_id FROM annotation_events l "
        "JOIN annotations a ON a.id = l.annotation_id WHERE a.source_id IN ({marks})"
    ),
    "annotation_perspective": (
        "SELECT a.source_id, l.perspective_id FROM annotation_perspectives l "
        "JOIN annotations a ON a.id = l.annotation_id WHERE a.source_id IN ({marks})"
    ),
}


def _captions(database: Database, marks: str, ids: list[int]) -> dict[int, list[str]]:
    """Captions a source states, and for an image also the captions articles give it."""
    rows = database.query(
        f"SELECT source_id AS owner, text, credit FROM captions WHERE source_id IN ({marks}) "
        f"UNION ALL SELECT image_source_id AS owner, text, credit FROM captions "
        f"WHERE image_source_id IN ({marks}) AND image_source_id != source_id",
        (*ids, *ids),
    )
    captions: dict[int, list[str]] = defaultdict(list)
    for row in rows:
        line = " — ".join(part for part in (row["text"], row["credit"]) if part)
        if line and line not in captions[int(row["owner"])]:
            captions[int(row["owner"])].append(line)
    return captions


def _grouped(database: Database, sql: str, ids: Iterable[int]) -> dict[int, list[Any]]:
    grouped: dict[int, list[Any]] = defaultdict(list)
    for row in database.query(sql, tuple(ids)):
        grouped[int(row[0])].append(row[1])
    return grouped


def _page_starts(blocks_json: str) -> list[tuple[int, int]]:
    """Each PDF page's number and where it begins in the body, so a hit's offset gives its
    page (a page with no text has no block, so numbers are kept rather than counted)."""
    return [
        (int(block[1]), int(block[2])) for block in json.loads(blocks_json) if block[0] == "page"
    ]
