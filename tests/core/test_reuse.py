"""The same photo under other captions, the same story under other mastheads (core/reuse)."""

from __future__ import annotations

import itertools
import threading
from collections.abc import Callable
from pathlib import Path

import pytest
from PIL import Image

from archive_app.core.archive import Archive
from archive_app.core.progress import Progress
from archive_app.core.reuse import caption_differences, paragraph_changes
from archive_app.core.reuse.images import FingerprintIndex, is_same_photo
from archive_app.importers.image_fingerprint import signed
from tests.fixtures.make_copies import (
    COPIES,
    DRONE,
    LANDMINE,
    opposing_articles,
    photo_file,
    republished,
    scene,
    tag_sides,
    wire_story,
)
from tests.helpers import write_file


def _import(archive: Archive, paths: list[Path]) -> dict[str, int]:
    report = archive.import_paths(paths)
    assert not report.failed, report.failed
    return {Path(o.path).name: int(o.source_id or 0) for o in report.imported}


@pytest.fixture
def copies_of_one_photo(archive: Archive, tmp_path: Path) -> dict[str, int]:
    """The original, each kind of copy (with its own caption in IPTC, one in XMP), a copy
    stored on its side with an EXIF orientation, and an unrelated photo; name → source id."""
    original = scene(1)
    files = [write_file(tmp_path, "original.jpg", photo_file(original, caption="The original."))]
    for number, (name, make) in enumerate(COPIES.items()):
        caption = f"Copy {name}, caption number {number}."
        data = photo_file(make(original), caption=caption, in_xmp=number % 2 == 1)
        files.append(write_file(tmp_path, f"{name}.jpg", data))
    turned = photo_file(original, caption="Stored on its side.", on_its_side=True)
    files.append(write_file(tmp_path, "on its side.jpg", turned))
    files.append(write_file(tmp_path, "other.jpg", photo_file(scene(2), caption="Another.")))
    return _import(archive, files)


def test_every_copy_is_grouped_with_the_original_with_its_own_caption(
    archive: Archive, copies_of_one_photo: dict[str, int]
) -> None:
    groups = archive.reuse.photo_groups()

    assert len(groups) == 1
    members = {s.image_id: s for s in groups[0].showings}
    expected = {i for name, i in copies_of_one_photo.items() if name != "other.jpg"}
    assert set(members) == expected
    assert members[copies_of_one_photo["original.jpg"]].caption == "The original."
    assert members[copies_of_one_photo["grey.jpg"]].caption == "Copy grey, caption number 3."
    in_xmp = members[copies_of_one_photo["recompressed.jpg"]]
    assert in_xmp.caption == "Copy recompressed, caption number 1."
    assert members[copies_of_one_photo["cropped.jpg"]].caption.startswith("Copy cropped")
    assert members[copies_of_one_photo["on its side.jpg"]].caption == "Stored on its side."


def test_a_copy_lists_the_others_with_their_distance(
    archive: Archive, copies_of_one_photo: dict[str, int]
) -> None:
    copies = archive.reuse.photo_copies(copies_of_one_photo["logo bar.jpg"])

    assert {c["id"] for c in copies} == {
        i for name, i in copies_of_one_photo.items() if name not in ("other.jpg", "logo bar.jpg")
    }
    original = next(c for c in copies if c["id"] == copies_of_one_photo["original.jpg"])
    assert original["caption"] == "The original."
    assert 0 < original["distance"] <= 28
    assert archive.reuse.photo_copies(copies_of_one_photo["other.jpg"]) == []


def test_real_photos_are_never_taken_for_copies_of_each_other(
    archive: Archive, corpus: Path
) -> None:
    """The corpus holds no copies, except one camera sample stored under four EXIF
    orientations (landscape and portrait): those, and only those, are the same photo."""
    archive.import_paths([corpus / "photos-dev"])

    groups = archive.reuse.photo_groups()

    names = [
        sorted(archive.get(i).provenance.original_name for i in group.image_ids) for group in groups
    ]
    assert sorted(names) == [
        [f"jpg__orientation__landscape_{n}.jpg" for n in (1, 3, 5, 7)],
        [f"jpg__orientation__portrait_{n}.jpg" for n in (1, 3, 5, 7)],
    ]


def test_plain_pictures_are_never_taken_for_copies_of_each_other(
    archive: Archive, tmp_path: Path
) -> None:
    """A blank frame has no fingerprint: any two would otherwise match."""
    files = [
        write_file(tmp_path, f"blank-{shade}.jpg", photo_file(Image.new("RGB", (400, 300), shade)))
        for shade in ("black", "white", "grey")
    ]
    _import(archive, files)

    assert archive.reuse.photo_groups() == []
    assert archive.reuse.pending() == 0


def test_one_photo_in_two_articles_shows_both_captions_earliest_first(
    archive: Archive, tmp_path: Path
) -> None:
    ids = _import(archive, opposing_articles(tmp_path, scene(3)))
    tag_sides(archive, ids["drone.html"], ids["landmine.html"])

    [group] = archive.reuse.photo_groups()

    assert [s.source_id for s in group.showings] == [ids["landmine.html"], ids["drone.html"]]
    earliest, later = group.showings
    assert earliest.first_seen and not later.first_seen
    assert earliest.caption == LANDMINE and earliest.credit == "Baku Herald"
    assert later.caption == DRONE and later.site == "Stepanakert Daily"
    assert earliest.perspectives == ("Azerbaijani government",)
    assert group.told_by_different_perspectives
    assert group.first_seen == "2020-10-02"


def test_a_republished_story_is_the_same_story_and_others_are_not(
    archive: Archive, import_texts: Callable[..., list[int]]
) -> None:
    unrelated = (
        "Farmers in the valley began the harvest early this year after a dry summer left the "
        "orchards short of water. Apricot prices at the central market rose by a third, and "
        "traders said buyers from the capital had arrived weeks ahead of the usual season. "
        "The regional agriculture office promised new irrigation channels before next spring."
    )
    wire, copy, other = import_texts(
        {"wire.txt": wire_story(), "copy.txt": republished(), "harvest.txt": unrelated * 2}
    )

    same = archive.reuse.same_text(copy)

    assert [s.id for s in same] == [wire]
    assert 0.75 < same[0].similarity < 0.9
    assert archive.reuse.same_text(other) == []
    [group] = archive.reuse.text_groups()
    assert {m.id for m in group.members} == {wire, copy}


def test_the_paragraphs_that_differ_between_two_versions() -> None:
    changes = paragraph_changes(wire_story(), republished())

    assert [(c.side, c.text[:30]) for c in changes] == [
        ("other", "Our correspondent's summary of"),
        ("this", "Diplomats said a meeting of fo"),
    ]


def test_caption_differences_mark_places_dates_and_names() -> None:
    marked = caption_differences(DRONE, [LANDMINE])

    words = {DRONE[d.start : d.end]: d.kind for d in marked}
    assert words["Stepanakert"] == "name"
    assert words["Azerbaijani"] == "name"
    assert words["4"] == "date"
    assert "near" not in words and "October" not in words
    assert caption_differences(DRONE, []) == []


def test_an_older_archive_is_fingerprinted_in_the_background_with_progress(
    archive: Archive, copies_of_one_photo: dict[str, int], import_texts: Callable[..., list[int]]
) -> None:
    import_texts({"wire.txt": wire_story(), "copy.txt": republished()})
    with archive.database.transaction() as connection:
        connection.execute("DELETE FROM image_fingerprints")
        connection.execute("DELETE FROM text_fingerprints")
    assert archive.reuse.photo_groups() == []
    assert archive.reuse.pending() == len(copies_of_one_photo) + 2

    seen: list[Progress] = []
    done = archive.reuse.backfill(progress=seen.append)

    assert done == len(copies_of_one_photo) + 2
    assert seen[-1].done == seen[-1].total == done
    assert archive.reuse.pending() == 0
    assert len(archive.reuse.photo_groups()) == 1
    assert len(archive.reuse.text_groups()) == 1


def test_a_cancelled_backfill_keeps_what_it_did(
    archive: Archive, copies_of_one_photo: dict[str, int]
) -> None:
    with archive.database.transaction() as connection:
        connection.execute("DELETE FROM image_fingerprints")
    cancel = threading.Event()
    cancel.set()

    assert archive.reuse.backfill(cancel=cancel) == 0
    assert archive.reuse.pending() == len(copies_of_one_photo)


def test_the_index_finds_what_comparing_every_pair_finds() -> None:
    base = 0x0F0F_F0F0_1234_ABCD
    fingerprints = [  # (source id, phash, dhash)
        (1, base, base),
        (2, base ^ 0b111, base ^ 0b1),  # 3 + 1 bits away: the same photo
        (3, base ^ 0xFFFF_0000, base),  # 16 + 0: the same photo
        (4, base ^ 0x1_FFFF_0000, base),  # 17 + 0: too far
        (5, ~base & (2**64 - 1), base),
    ]
    index = FingerprintIndex(stored(fingerprints))

    assert index.copies_of(base, base) == [(1, 0), (2, 4), (3, 16)]
    every_pair = [
        (a[0], b[0])
        for a, b in itertools.combinations(fingerprints, 2)
        if is_same_photo((a[1] ^ b[1]).bit_count(), (a[2] ^ b[2]).bit_count())
    ]
    assert sorted(index.pairs()) == every_pair == [(1, 2), (1, 3), (3, 4)]


def test_an_index_read_from_the_database_matches_one_built_from_fingerprints() -> None:
    high = 0xF0F0_0000_0000_0001  # above 2⁶³: SQLite stores it as a negative integer

    read = FingerprintIndex(stored([(7, high, high ^ 0b11), (3, high ^ 0b1, high)]))

    assert read.ids.tolist() == [3, 7]
    assert read.copies_of(high, high) == [(3, 1), (7, 2)]
    assert read.hashes_of([7, 3]) == {7: (high, high ^ 0b11), 3: (high ^ 0b1, high)}


def stored(fingerprints: list[tuple[int, int, int]]) -> list[tuple[int, int, int]]:
    """Fingerprints with unsigned hashes as SQLite stores them (signed 64-bit)."""
    return [(source_id, signed(p), signed(d)) for source_id, p, d in fingerprints]
