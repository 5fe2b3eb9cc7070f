"""Verification status and Admiralty grades, sensitive images and places: set with a reason,
undoable, searchable and faceted."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from archive_app.core.archive import Archive
from archive_app.core.errors import InvalidInputError
from archive_app.importers.document import ExtractedDocument
from tests.helpers import StoreDocument, dump_database

TEXTS = {
    "wire.txt": "Shelling reported in Stepanakert overnight, the wire says.",
    "oped.txt": "An op-ed on the shelling and on who started it.",
    "post.txt": "A post claims shelling near Martakert.",
}


@pytest.fixture
def sources(import_texts: Callable[..., list[int]]) -> list[int]:
    return import_texts(TEXTS)


def test_grades_are_set_with_reasons_and_undone(archive: Archive, sources: list[int]) -> None:
    wire, _, _ = sources
    assert archive.verification.get(wire).status == "unverified"
    before = dump_database(archive)
    change = archive.verification.verify(
        wire, status="Verified", reliability="b", credibility="2", reason="matches AP copy"
    )
    evidence = archive.verification.get(wire)
    assert (evidence.status, evidence.grade) == ("verified", "B2")
    second = archive.verification.verify(wire, credibility="", reason="second look")
    assert archive.verification.get(wire).grade == "B"
    entries = [e for e in archive.audit.entries(wire) if e.action == "edit"]
    assert [e.reason for e in entries] == ["matches AP copy", "second look"]
    assert entries[1].changes[0]["before"] == {"credibility": "2"}
    second.undo()
    assert archive.verification.get(wire).grade == "B2"
    change.undo()
    assert dump_database(archive) == before


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"status": "confirmed"}, "not a status"),
        ({"reliability": "G"}, "not a source reliability"),
        ({"credibility": "7"}, "not a information credibility"),
        ({}, "Give a status"),
    ],
)
def test_bad_grades_are_refused(
    archive: Archive, sources: list[int], options: dict[str, str], message: str
) -> None:
    with pytest.raises(InvalidInputError, match=message):
        archive.verification.verify(sources[0], **options)


def test_grades_are_searchable_and_faceted(archive: Archive, sources: list[int]) -> None:
    wire, oped, post = sources
    archive.verification.verify(wire, status="verified", reliability="B", credibility="1")
    archive.verification.verify(oped, status="in progress", reliability="C")
    archive.verification.verify(post, status="false", reliability="E", credibility="5")
    assert [hit.id for hit in archive.search("status:verified").hits] == [wire]
    assert [hit.id for hit in archive.search("status:in-progress").hits] == [oped]
    assert [hit.id for hit in archive.search('status:"in progress"').hits] == [oped]
    assert [hit.id for hit in archive.search("shelling reliability:b").hits] == [wire]
    assert [hit.id for hit in archive.search("credibility:5").hits] == [post]
    assert {hit.id for hit in archive.search("shelling -status:false").hits} == {wire, oped}
    facets = archive.search("shelling").facets
    assert facets["status"] == {"false": 1, "in progress": 1, "verified": 1}
    assert facets["reliability"] == {"B": 1, "C": 1, "E": 1}


def test_sensitive_images_are_marked_and_searchable(
    archive: Archive, store_document: StoreDocument
) -> None:
    street = store_document(ExtractedDocument(kind="image", title="Street after shelling"))
    crowd = store_document(ExtractedDocument(kind="image", title="Crowd at the corridor"))
    archive.verification.mark_sensitive([street], graphic=True, reason="bodies visible")
    archive.verification.mark_sensitive([crowd], identifiable=True)
    assert archive.verification.is_sensitive(street)
    assert archive.verification.sensitive_ids() == {street, crowd}
    assert [hit.id for hit in archive.search("sensitive:graphic").hits] == [street]
    archive.verification.mark_sensitive([street], graphic=False)
    assert not archive.verification.is_sensitive(street)
    assert archive.search("sensitive:graphic").total == 0


def test_a_place_by_hand_by_gazetteer_and_from_gps(
    whole_gazetteer: None, archive: Archive, sources: list[int], store_document: StoreDocument
) -> None:
    wire, oped, _ = sources
    archive.places.set_place(wire, "Stepanakert", precision="town", reason="dateline")
    archive.places.from_gazetteer(oped, "Şuşa")
    photo = store_document(
        ExtractedDocument(
            kind="image", title="Cathedral", metadata={"gps": {"lat": 39.7585, "lon": 46.7489}}
        )
    )
    archive.places.from_gps(photo)
    evidence = archive.verification.get(photo)
    assert evidence.place_name == "near Shusha, AZ"
    assert (evidence.latitude, evidence.place_precision) == (39.7585, "exact")
    assert archive.verification.get(oped).place_name == "Shusha, AZ"
    assert [hit.id for hit in archive.search("place:Stepanakert").hits] == [wire]
    assert {hit.id for hit in archive.search("Shusha").hits} == {oped, photo}
    archive.places.clear(wire)
    assert archive.search("place:Stepanakert").total == 0


@pytest.mark.parametrize(
    ("name", "options", "message"),
    [
        ("", {}, "needs a name or coordinates"),
        ("Lachin", {"precision": "street"}, "not a precision"),
        ("Lachin", {"latitude": 39.6}, "both a latitude and a longitude"),
        ("Lachin", {"latitude": 139.6, "longitude": 46.5}, "not a position"),
    ],
)
def test_bad_places_are_refused(
    archive: Archive, sources: list[int], name: str, options: dict[str, object], message: str
) -> None:
    with pytest.raises(InvalidInputError, match=message):
        archive.places.set_place(sources[0], name, **options)  # type: ignore[arg-type]


def test_a_photo_without_gps_says_so(archive: Archive, sources: list[int]) -> None:
    with pytest.raises(InvalidInputError, match="no GPS position"):
        archive.places.from_gps(sources[0])
