"""Where a photo is shown, read from the database for many images at once.

Each article that shows an image is a showing, with the caption, credit, date, site and
perspectives that article gives it (the image's own caption and date fill in what the article
lacks); an image no article shows is its own showing, with its embedded caption.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass

from archive_app.core.db import Database

_CHUNK = 5000
"""Ids asked for in one query (SQLite allows 32,766 parameters)."""


@dataclass(frozen=True)
class Showing:
    """One place a photo is shown: image ``image_id`` in source ``source_id`` (an article that
    shows it, or the image itself). ``distance``: bits of 128 from the group's first showing."""

    image_id: int
    source_id: int
    title: str
    caption: str
    credit: str
    published: str
    site: str
    perspectives: tuple[str, ...]
    distance: int = 0
    first_seen: bool = False


def showings_of(database: Database, image_ids: list[int]) -> dict[int, list[Showing]]:
    """The showings of each of ``image_ids`` (a deleted image has none)."""
    found: dict[int, list[Showing]] = {}
    for chunk in _chunks(image_ids):
        images = {row["id"]: row for row in _rows(database, _IMAGES, chunk)}
        figures = _rows(database, _FIGURES, chunk)
        perspectives = _perspectives(database, [*chunk, *(row["source_id"] for row in figures)])
        for row in figures:
            image = images.get(row["image_source_id"])
            if image is None:
                continue
            shown = found.setdefault(image["id"], [])
            if any(s.source_id == row["source_id"] for s in shown):
                continue
            facts = json.loads(image["metadata"] or "{}")
            names = perspectives.get(row["source_id"], set()) | perspectives.get(image["id"], set())
            shown.append(
                Showing(
                    image_id=image["id"],
                    source_id=row["source_id"],
                    title=row["title"],
                    caption=row["text"] or str(facts.get("caption") or ""),
                    credit=row["credit"] or str(facts.get("credit") or ""),
                    published=row["published"] or image["published"],
                    site=row["site_name"],
                    perspectives=tuple(sorted(names)),
                )
            )
        for image_id, image in images.items():
            if image_id in found:
                continue
            facts = json.loads(image["metadata"] or "{}")
            found[image_id] = [
                Showing(
                    image_id=image_id,
                    source_id=image_id,
                    title=image["title"],
                    caption=str(facts.get("caption") or ""),
                    credit=str(facts.get("credit") or ""),
                    published=image["published"],
                    site=image["site_name"],
                    perspectives=tuple(sorted(perspectives.get(image_id, set()))),
                )
            ]
    return found


_IMAGES = "SELECT id, title, published, site_name, metadata FROM sources WHERE id IN ({marks})"
_FIGURES = (
    "SELECT c.image_source_id, c.source_id, c.text, c.credit, s.title, s.published, "
    "s.site_name FROM captions c JOIN sources s ON s.id = c.source_id "
    "WHERE c.image_source_id IN ({marks}) AND c.source_id != c.image_source_id "
    "ORDER BY c.source_id, c.position"
)
_PERSPECTIVES = (
    "SELECT sp.source_id, p.name FROM source_perspectives sp "
    "JOIN perspectives p ON p.id = sp.perspective_id WHERE sp.source_id IN ({marks})"
)


def _perspectives(database: Database, source_ids: list[int]) -> dict[int, set[str]]:
    found: dict[int, set[str]] = {}
    for chunk in _chunks(list(dict.fromkeys(source_ids))):
        for row in _rows(database, _PERSPECTIVES, chunk):
            found.setdefault(row["source_id"], set()).add(row["name"])
    return found


def _rows(database: Database, sql: str, ids: list[int]) -> list[sqlite3.Row]:
    return database.query(sql.format(marks=",".join("?" * len(ids))), tuple(ids))


def _chunks(ids: list[int]) -> Iterator[list[int]]:
    for start in range(0, len(ids), _CHUNK):
        yield ids[start : start + _CHUNK]
