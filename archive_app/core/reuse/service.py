"""The same photo under other captions, the same story under other mastheads.

:class:`Reuse` answers, for one source or for the whole archive, which other sources carry the
same photo (by perceptual fingerprint) or the same story (by MinHash of the body). A photo is
shown where it appears: each article that shows a copy is a *showing*, with the caption, credit,
date, site and perspectives that article gives it; an image imported on its own is its own
showing. The earliest dated showing is marked first seen.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from archive_app.core.db import Database
from archive_app.core.progress import CancelToken, ProgressCallback
from archive_app.core.reuse import fingerprints
from archive_app.core.reuse.images import Fingerprinted, FingerprintIndex, unsigned
from archive_app.core.reuse.texts import MIN_SIMILARITY, SignatureIndex, similarity
from archive_app.core.store import OriginalStore
from archive_app.importers.image_fingerprint import FINGERPRINT_VERSION


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


@dataclass(frozen=True)
class PhotoGroup:
    """Every showing of one photo, first seen first."""

    showings: tuple[Showing, ...]

    @property
    def first_seen(self) -> str:
        return self.showings[0].published

    @property
    def image_ids(self) -> list[int]:
        return list(dict.fromkeys(s.image_id for s in self.showings))

    @property
    def perspectives(self) -> list[str]:
        return sorted({name for s in self.showings for name in s.perspectives})

    @property
    def told_by_different_perspectives(self) -> bool:
        """True when its showings are tagged with different perspectives."""
        tagged = {s.perspectives for s in self.showings if s.perspectives}
        return len(tagged) > 1

    def to_json(self) -> dict[str, Any]:
        first_by_image: dict[int, Showing] = {}
        for showing in self.showings:
            first_by_image.setdefault(showing.image_id, showing)
        return {
            "kind": "image",
            "members": [_photo_member(s) for s in first_by_image.values()],
        }


@dataclass(frozen=True)
class SameText:
    """Another source with the same story; ``similarity`` is the share of shared shingles."""

    id: int
    title: str
    site: str
    published: str
    similarity: float

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "title": self.title, "similarity": round(self.similarity, 3)}


@dataclass(frozen=True)
class TextGroup:
    """Sources with one story; similarities are to the first (the earliest published)."""

    members: tuple[SameText, ...]

    def to_json(self) -> dict[str, Any]:
        return {
            "kind": "text",
            "members": [
                {
                    "id": m.id,
                    "title": m.title,
                    "caption": None,
                    "credit": None,
                    "published": m.published,
                    "similarity": round(m.similarity, 3),
                }
                for m in self.members
            ],
        }


class Reuse:
    """Copies of photos and stories in one archive. Lookups use what is fingerprinted;
    :meth:`backfill` fingerprints what an older archive lacks."""

    def __init__(self, database: Database, store: OriginalStore, derived: Path) -> None:
        self._database = database
        self._store = store
        self._derived = derived
        self._images: tuple[tuple[object, ...], FingerprintIndex] | None = None
        self._texts: tuple[tuple[object, ...], SignatureIndex] | None = None

    # Keeping fingerprints up to date

    def pending(self) -> int:
        return fingerprints.pending(self._database)

    def backfill(
        self, progress: ProgressCallback | None = None, cancel: CancelToken | None = None
    ) -> int:
        """Fingerprint the sources that lack one; see :func:`fingerprints.backfill`."""
        return fingerprints.backfill(self._database, self._store, self._derived, progress, cancel)

    # Photos

    def same_photo(self, source_id: int) -> list[PhotoGroup]:
        """The group of showings of image ``source_id`` (with its own); empty without copies
        or other appearances."""
        hashes = self._database.query_one(
            "SELECT phash, dhash FROM image_fingerprints WHERE source_id = ? AND phash IS NOT NULL",
            (source_id,),
        )
        ids = [source_id]
        if hashes is not None:
            found = self._image_index().copies_of(unsigned(hashes[0]), unsigned(hashes[1]))
            ids = [found_id for found_id, _ in found] or ids
        group = self._photo_group(ids)
        return [group] if len(group.showings) > 1 else []

    def photo_copies(self, source_id: int) -> list[dict[str, Any]]:
        """The other image sources of the same photo, as ``show --json`` gives them."""
        groups = self.same_photo(source_id)
        if not groups:
            return []
        members = groups[0].to_json()["members"]
        distances = self._distances_from(source_id, groups[0].image_ids)
        return [
            {key: m[key] for key in ("id", "caption", "credit", "published")}
            | {"distance": distances.get(m["id"])}
            for m in members
            if m["id"] != source_id
        ]

    def photo_groups(self) -> list[PhotoGroup]:
        """Every photo shown more than once (copies, or one image in several articles),
        first seen first."""
        index = self._image_index()
        groups = _connected(index.pairs(), [int(i) for i in index.ids])
        shared = self._database.query(
            "SELECT image_source_id FROM captions WHERE image_source_id IS NOT NULL "
            "GROUP BY image_source_id HAVING count(DISTINCT source_id) > 1"
        )
        grouped = {source_id for group in groups for source_id in group}
        groups += [[int(row[0])] for row in shared if int(row[0]) not in grouped]
        built = [self._photo_group(group) for group in groups]
        return sorted(
            (g for g in built if len(g.showings) > 1),
            key=lambda g: (g.first_seen or "9999", g.showings[0].image_id),
        )

    # Texts

    def same_text(self, source_id: int) -> list[SameText]:
        """Other sources with the same story as ``source_id``, most similar first."""
        index = self._text_index()
        candidates = index.candidates(source_id)
        if not candidates:
            return []
        bodies = self._bodies([source_id, *candidates])
        found = [
            _same_text(row, similarity(bodies[source_id]["body"], row["body"]))
            for other_id, row in bodies.items()
            if other_id != source_id
        ]
        return sorted(
            (f for f in found if f.similarity >= MIN_SIMILARITY),
            key=lambda f: (-f.similarity, f.id),
        )

    def text_groups(self) -> list[TextGroup]:
        """Every story found more than once, earliest published first."""
        index = self._text_index()
        pairs = ((a, b) for a in index.source_ids() for b in index.candidates(a) if a < b)
        groups: list[TextGroup] = []
        for ids in _connected(pairs, index.source_ids()):
            bodies = self._bodies(ids)
            ordered = sorted(bodies.values(), key=lambda r: (r["published"] or "9999", r["id"]))
            first = ordered[0]
            members = [_same_text(first, 1.0)]
            members += [
                _same_text(row, similarity(first["body"], row["body"])) for row in ordered[1:]
            ]
            kept = [members[0], *(m for m in members[1:] if m.similarity >= MIN_SIMILARITY)]
            if len(kept) > 1:
                groups.append(TextGroup(tuple(kept)))
        return sorted(groups, key=lambda g: (g.members[0].published or "9999", g.members[0].id))

    def body(self, source_id: int) -> str:
        return str(self._database.scalar("SELECT body FROM sources WHERE id = ?", (source_id,)))

    # Reading the database

    def _image_index(self) -> FingerprintIndex:
        key = tuple(
            self._database.query_one(
                "SELECT count(*), max(source_id) FROM image_fingerprints WHERE version = ?",
                (FINGERPRINT_VERSION,),
            )
            or ()
        )
        if self._images is None or self._images[0] != key:
            rows = self._database.query(
                "SELECT source_id, phash, dhash FROM image_fingerprints "
                "WHERE phash IS NOT NULL AND version = ? ORDER BY source_id",
                (FINGERPRINT_VERSION,),
            )
            entries = [Fingerprinted(row[0], unsigned(row[1]), unsigned(row[2])) for row in rows]
            self._images = (key, FingerprintIndex(entries))
        return self._images[1]

    def _text_index(self) -> SignatureIndex:
        key = tuple(
            self._database.query_one(
                "SELECT count(*), max(source_id), total(body_length) FROM text_fingerprints"
            )
            or ()
        )
        if self._texts is None or self._texts[0] != key:
            rows = self._database.query(
                "SELECT source_id, signature FROM text_fingerprints "
                "WHERE signature IS NOT NULL ORDER BY source_id"
            )
            self._texts = (key, SignatureIndex((int(r[0]), bytes(r[1])) for r in rows))
        return self._texts[1]

    def _bodies(self, ids: Iterable[int]) -> dict[int, Any]:
        wanted = list(ids)
        marks = ",".join("?" * len(wanted))
        rows = self._database.query(
            f"SELECT id, title, site_name, published, body FROM sources WHERE id IN ({marks})",
            tuple(wanted),
        )
        return {int(row["id"]): row for row in rows}

    def _photo_group(self, image_ids: list[int]) -> PhotoGroup:
        showings = _showings(self._database, image_ids)
        if not showings:
            return PhotoGroup(())
        first = min(showings, key=lambda s: (s.published or "9999", s.source_id))
        distances = self._distances_from(first.image_id, image_ids)
        ordered = sorted(showings, key=lambda s: (s.published or "9999", s.source_id))
        marked = [
            replace(
                s,
                distance=distances.get(s.image_id, 0),
                first_seen=s is first and bool(s.published),
            )
            for s in ordered
        ]
        return PhotoGroup(tuple(marked))

    def _distances_from(self, first_id: int, image_ids: list[int]) -> dict[int, int]:
        marks = ",".join("?" * len(image_ids))
        rows = self._database.query(
            f"SELECT source_id, phash, dhash FROM image_fingerprints WHERE source_id IN ({marks}) "
            "AND phash IS NOT NULL",
            tuple(image_ids),
        )
        hashes = {int(r[0]): (unsigned(r[1]), unsigned(r[2])) for r in rows}
        if first_id not in hashes:
            return {}
        first_phash, first_dhash = hashes[first_id]
        return {
            source_id: (phash ^ first_phash).bit_count() + (dhash ^ first_dhash).bit_count()
            for source_id, (phash, dhash) in hashes.items()
        }


def _showings(database: Database, image_ids: list[int]) -> list[Showing]:
    marks = ",".join("?" * len(image_ids))
    images = database.query(
        f"SELECT id, title, published, site_name, metadata FROM sources WHERE id IN ({marks})",
        tuple(image_ids),
    )
    figures = database.query(
        "SELECT c.image_source_id, c.source_id, c.text, c.credit, s.title, s.published, "
        f"s.site_name FROM captions c JOIN sources s ON s.id = c.source_id "
        f"WHERE c.image_source_id IN ({marks}) AND c.source_id != c.image_source_id "
        "ORDER BY c.source_id, c.position",
        tuple(image_ids),
    )
    perspectives = _perspectives(
        database, [*image_ids, *(int(row["source_id"]) for row in figures)]
    )
    showings: list[Showing] = []
    seen: set[tuple[int, int]] = set()
    own = {int(row["id"]): row for row in images}
    for row in figures:
        image = own[int(row["image_source_id"])]
        facts = json.loads(image["metadata"] or "{}")
        key = (int(row["image_source_id"]), int(row["source_id"]))
        if key in seen:
            continue
        seen.add(key)
        showings.append(
            Showing(
                image_id=key[0],
                source_id=key[1],
                title=row["title"],
                caption=row["text"] or str(facts.get("caption") or ""),
                credit=row["credit"] or str(facts.get("credit") or ""),
                published=row["published"] or image["published"],
                site=row["site_name"],
                perspectives=tuple(
                    sorted({*perspectives.get(key[1], ()), *perspectives.get(key[0], ())})
                ),
            )
        )
    shown = {image_id for image_id, _ in seen}
    for image_id, image in own.items():
        if image_id in shown:
            continue
        facts = json.loads(image["metadata"] or "{}")
        showings.append(
            Showing(
                image_id=image_id,
                source_id=image_id,
                title=image["title"],
                caption=str(facts.get("caption") or ""),
                credit=str(facts.get("credit") or ""),
                published=image["published"],
                site=image["site_name"],
                perspectives=tuple(sorted(perspectives.get(image_id, ()))),
            )
        )
    return showings


def _perspectives(database: Database, source_ids: list[int]) -> dict[int, set[str]]:
    marks = ",".join("?" * len(source_ids))
    rows = database.query(
        "SELECT sp.source_id, p.name FROM source_perspectives sp "
        f"JOIN perspectives p ON p.id = sp.perspective_id WHERE sp.source_id IN ({marks})",
        tuple(source_ids),
    )
    found: dict[int, set[str]] = {}
    for row in rows:
        found.setdefault(int(row[0]), set()).add(str(row[1]))
    return found


def _photo_member(showing: Showing) -> dict[str, Any]:
    return {
        "id": showing.image_id,
        "title": showing.title,
        "caption": showing.caption,
        "credit": showing.credit,
        "published": showing.published,
        "distance": showing.distance,
    }


def _same_text(row: Any, shared: float) -> SameText:
    return SameText(int(row["id"]), row["title"], row["site_name"], row["published"], shared)


def _connected(pairs: Iterable[tuple[int, int]], ids: list[int]) -> list[list[int]]:
    """The groups of ids joined by ``pairs`` (union-find), each with two ids or more."""
    parent = {source_id: source_id for source_id in ids}

    def root(source_id: int) -> int:
        while parent[source_id] != source_id:
            parent[source_id] = parent[parent[source_id]]
            source_id = parent[source_id]
        return source_id

    for first, second in pairs:
        parent[root(first)] = root(second)
    groups: dict[int, list[int]] = {}
    for source_id in ids:
        groups.setdefault(root(source_id), []).append(source_id)
    return [sorted(group) for group in groups.values() if len(group) > 1]
