"""Capture provenance: where, when and how a web page was captured, and the web archive file
(WARC, WACZ) it was read from when that file holds many pages and is stored once."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from typing import Any

from archive_app.core.db import Database

WEB_ARCHIVE_EXTENSIONS = (".warc.gz", ".warc", ".wacz")


@dataclass(frozen=True)
class Container:
    """A web archive file stored once in the originals, holding the pages of many sources."""

    sha256: str
    ext: str
    name: str


def container_ext(name: str) -> str:
    """``.warc.gz`` rather than ``.gz``: the store keeps the name a replay tool expects."""
    lowered = name.lower()
    return next((ext for ext in WEB_ARCHIVE_EXTENSIONS if lowered.endswith(ext)), ".warc.gz")


def insert_capture(
    connection: sqlite3.Connection,
    source_id: int,
    capture: dict[str, Any],
    container: Container | None,
) -> None:
    connection.execute(
        "INSERT INTO captures (source_id, method, url, final_url, status, captured_at, "
        "payload_sha256, tls, http_headers, details, container_sha256, container_ext, "
        "container_name) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            source_id,
            capture["method"],
            capture.get("url", ""),
            capture.get("final_url", ""),
            capture.get("status"),
            capture.get("captured_at", ""),
            capture.get("payload_sha256", ""),
            None if capture.get("tls") is None else json.dumps(capture["tls"]),
            json.dumps(capture.get("http_headers", [])),
            json.dumps(capture.get("details", {}), default=str),
            container.sha256 if container else "",
            container.ext if container else "",
            container.name if container else "",
        ),
    )


def load_capture(database: Database, source_id: int) -> dict[str, Any] | None:
    """The capture provenance of a source, as ``show --json`` prints it; None if it was not
    captured from the web. ``container`` names the stored web archive it was read from."""
    row = database.query_one("SELECT * FROM captures WHERE source_id = ?", (source_id,))
    if row is None:
        return None
    return {
        "method": row["method"],
        "url": row["url"],
        "final_url": row["final_url"],
        "status": row["status"],
        "captured_at": row["captured_at"],
        "payload_sha256": row["payload_sha256"],
        "tls": None if row["tls"] is None else json.loads(row["tls"]),
        "http_headers": [tuple(pair) for pair in json.loads(row["http_headers"])],
        "details": json.loads(row["details"]),
        "container": (
            {
                "sha256": row["container_sha256"],
                "ext": row["container_ext"],
                "name": row["container_name"],
            }
            if row["container_sha256"]
            else None
        ),
    }


def source_of_container(database: Database, sha256: str) -> tuple[int, str, str] | None:
    """The first source read from the stored web archive with this SHA-256 (id, kind, title)."""
    row = database.query_one(
        "SELECT s.id, s.kind, s.title FROM captures c JOIN sources s ON s.id = c.source_id "
        "WHERE c.container_sha256 = ? ORDER BY s.id LIMIT 1",
        (sha256,),
    )
    return None if row is None else (int(row[0]), str(row[1]), str(row[2]))


def containers_in_use(database: Database) -> set[str]:
    return {
        str(row[0])
        for row in database.query(
            "SELECT DISTINCT container_sha256 FROM captures WHERE container_sha256 != ''"
        )
    }


def container_ext_of(database: Database, sha256: str) -> str:
    """The extension a web archive is stored under; '' when no live source was read from it
    (its pages are all in the trash)."""
    ext = database.scalar(
        "SELECT container_ext FROM captures WHERE container_sha256 = ? LIMIT 1", (sha256,)
    )
    return "" if ext is None else str(ext)


def container_rows(database: Database, source_ids: list[int]) -> list[Container]:
    """The web archives that these sources were read from."""
    marks = ",".join("?" * len(source_ids))
    rows = database.query(
        f"SELECT DISTINCT container_sha256, container_ext, container_name FROM captures "
        f"WHERE source_id IN ({marks}) AND container_sha256 != ''",
        tuple(source_ids),
    )
    return [Container(str(row[0]), str(row[1]), str(row[2])) for row in rows]
