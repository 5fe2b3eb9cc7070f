"""The same photo under other captions, the same story under other mastheads.

:class:`Reuse` answers, for one source or for the whole archive, which other sources carry the
same photo (by perceptual fingerprint) or the same story (by MinHash of the body). A photo is
shown where it appears: each article that shows a copy is a *showing*, with the caption, credit,
date, site and perspectives that article gives it; an image imported on its own is its own
showing. The earliest dated showing is marked first seen.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from archive_app.core.db import Database
from archive_app.core.progress import CancelToken, ProgressCallback
from archive_app.core.reuse.fingerprints import backfill, pending
from archive_app.core.reuse.showings import Showing, showings_of
from archive_app.core.reuse.story_index import SignatureIndex
from archive_app.core.reuse.texts import MIN_SIMILARITY, SIGNATURE_VERSION, similarity
from archive_app.core.store import OriginalStore
from archive_app.importers.image_fingerprint import FINGERPRINT_VERSION

if TYPE_CHECKING:
    from archive_app.core.reuse.images import FingerprintIndex


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


SIGNATURE_PAGE = 5000
SAME_TEXT_COMPARED = 25
"""How many of a story's likeliest copies are compared word by word for the reader."""


class Reuse:
    """Copies of photos and stories in one archive. Lookups use what is fingerprinted;
    :meth:`backfill` fingerprints what an older archive lacks."""

    def __init__(self, database: Database, store: OriginalStore, derived: Path) -> None:
        self._database = database
        self._store = store
        self._derived = derived
        self._images: tuple[int, FingerprintIndex] | None = None
        self._texts: tuple[int, SignatureIndex] | None = None

    # Keeping fingerprints up to date

    def pending(self) -> int:
        return pending(self._database)

    def backfill(
        self, progress: ProgressCallback | None = None, cancel: CancelToken | None = None
    ) -> int:
        """Fingerprint the sources that lack one; see :func:`.fingerprints.backfill`."""
        return backfill(self._database, self._store, self._derived, progress, cancel)

    # Photos

    def same_photo(self, source_id: int) -> list[PhotoGroup]:
        """The group of showings of image ``source_id`` (with its own); empty without copies
        or other appearances."""
        index = self._image_index()
        hashes = index.hashes_of([source_id]).get(source_id)
        found = index.copies_of(*hashes) if hashes else []
        return self._photo_groups([[image_id for image_id, _ in found] or [source_id]])

    def photo_copies(self, source_id: int) -> list[dict[str, Any]]:
        """The other image sources of the same photo, as ``show --json`` gives them."""
        groups = self.same_photo(source_id)
        if not groups:
            return []
        index = self._image_index()
        own = index.hashes_of([source_id]).get(source_id)
        copies = index.hashes_of(groups[0].image_ids)
        members = groups[0].to_json()["members"]
        return [
            {key: m[key] for key in ("id", "caption", "credit", "published")}
            | {"distance": _bits(own, copies[m["id"]]) if own and m["id"] in copies else None}
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
        built = self._photo_groups(groups)
        return sorted(built, key=lambda g: (g.first_seen or "9999", g.showings[0].image_id))

    # Texts

    def same_text(self, source_id: int) -> list[SameText]:
        """Other sources with the same story as ``source_id``, most similar first."""
        index = self._text_index()
        candidates = index.closest(source_id, SAME_TEXT_COMPARED)
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
        from archive_app.core.reuse.images import FingerprintIndex  # numpy: at the first lookup

        generation = self._generation("image")
        if self._images is None or self._images[0] != generation:
            rows = self._database.query_tuples(
                "SELECT source_id, phash, dhash FROM image_fingerprints "
                "WHERE phash IS NOT NULL AND version = ?",
                (FINGERPRINT_VERSION,),
            )
            self._images = (generation, FingerprintIndex(rows))
        return self._images[1]

    def _text_index(self) -> SignatureIndex:
        generation = self._generation("text")
        if self._texts is None or self._texts[0] != generation:
            self._texts = (generation, SignatureIndex(self._signatures()))
        return self._texts[1]

    def _signatures(self) -> Iterator[tuple[int, bytes]]:
        """The stored text signatures in order of source id, read a page at a time (all of
        100,000 at once would take some 60 MB more while the index is built)."""
        after = 0
        while rows := self._database.query_tuples(
            "SELECT source_id, signature FROM text_fingerprints "
            "WHERE signature IS NOT NULL AND version = ? AND source_id > ? "
            "ORDER BY source_id LIMIT ?",
            (SIGNATURE_VERSION, after, SIGNATURE_PAGE),
        ):
            yield from ((int(row[0]), bytes(row[1])) for row in rows)
            after = int(rows[-1][0])

    def _generation(self, kind: str) -> int:
        """Raised by every change to the fingerprints of ``kind`` (a trigger does it)."""
        return int(
            str(
                self._database.scalar(
                    "SELECT generation FROM fingerprint_generations WHERE kind = ?", (kind,)
                )
            )
        )

    def _bodies(self, ids: Iterable[int]) -> dict[int, Any]:
        wanted = list(ids)
        marks = ",".join("?" * len(wanted))
        rows = self._database.query(
            f"SELECT id, title, site_name, published, body FROM sources WHERE id IN ({marks})",
            tuple(wanted),
        )
        return {int(row["id"]): row for row in rows}

    def _photo_groups(self, groups: list[list[int]]) -> list[PhotoGroup]:
        """Groups of image ids as groups of showings, earliest first; those shown only once
        are left out."""
        index = self._image_index()
        showings = showings_of(self._database, [i for group in groups for i in group])
        built: list[PhotoGroup] = []
        for image_ids in groups:
            shown = [s for image_id in image_ids for s in showings.get(image_id, [])]
            if len(shown) < 2:
                continue
            ordered = sorted(shown, key=lambda s: (s.published or "9999", s.source_id))
            first = ordered[0]
            hashes = index.hashes_of(image_ids)
            origin = hashes.get(first.image_id)
            marked = [
                replace(
                    s,
                    distance=_bits(origin, hashes[s.image_id])
                    if origin and s.image_id in hashes
                    else 0,
                    first_seen=s is first and bool(s.published),
                )
                for s in ordered
            ]
            built.append(PhotoGroup(tuple(marked)))
        return built


def _bits(first: tuple[int, int], second: tuple[int, int]) -> int:
    """The bits (of 128) in which two fingerprints differ."""
    return (first[0] ^ second[0]).bit_count() + (first[1] ^ second[1]).bit_count()


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
