"""The annotation export: W3C Web Annotation JSON-LD, parsed back and checked against the
model's required shape; filters by event (with sub-events) and perspective; atomic writes."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from archive_app.core.annotations import Region
from archive_app.core.archive import Archive
from archive_app.core.errors import ArchiveError, NotFoundError
from archive_app.export.annotations import export_annotations
from archive_app.importers.document import Block, ExtractedDocument
from tests.helpers import StoreDocument

CONTEXT = "http://www.w3.org/ns/anno.jsonld"
TIMESTAMP = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$")
TEXT = "Khankendi (Stepanakert) came under fire. Residents sheltered in basements for weeks."


@pytest.fixture
def filled(
    archive: Archive,
    import_texts: Callable[..., list[int]],
    store_document: StoreDocument,
) -> dict[str, int]:
    [article] = import_texts({"shelter.txt": TEXT})
    archive.update_source(article, source_url="https://example.org/shelter")
    image = store_document(
        ExtractedDocument(kind="image", title="Basement", mime_type="image/jpeg")
    )
    pdf = store_document(
        ExtractedDocument(
            kind="pdf",
            title="Ombudsman report",
            mime_type="application/pdf",
            blocks=[Block("page", "Summary.", 1), Block("page", "Damage map.", 2)],
        )
    )
    war, _ = archive.events.create("2nd Karabakh War", start="2020-09-27", end="2020-11-10")
    shelling, _ = archive.events.create("Shelling of Stepanakert", parent=war.id, start="2020-10")
    blockade, _ = archive.events.create("Lachin blockade", start="2022-12")
    armenian, _ = archive.perspectives.create("Armenian ombudsman")
    archive.perspectives.create("Azerbaijani government")
    archive.assignments.add_to_sources([pdf], perspectives=[armenian.id])
    text, _ = archive.annotations.add_quote(
        article,
        "sheltered in basements",
        note="See the **photo**.",
        tags=["shelter", "civilians"],
        events=[shelling.id],
    )
    region, _ = archive.annotations.add_region(
        image, Region(0.125, 0.5, 0.25, 0.5), note="Entrance", events=[blockade.id]
    )
    page, _ = archive.annotations.add_region(pdf, Region(0, 0, 1, 0.5, page=2))
    return {"text": text.id, "region": region.id, "page": page.id, "article": article}


def export(archive: Archive, path: Path, **filters: Any) -> dict[str, Any]:
    count = export_annotations(archive, path, **filters)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["total"] == count == len(data["first"]["items"])
    return data


def check_annotation_shape(item: dict[str, Any]) -> None:
    """What the Web Annotation Data Model requires of every annotation we write."""
    assert item["type"] == "Annotation"
    assert item["id"].startswith("urn:uuid:")
    assert TIMESTAMP.match(item["created"]) and TIMESTAMP.match(item["modified"])
    assert item["motivation"] in {"commenting", "classifying", "highlighting"}
    for body in item.get("body", []):
        assert body["type"] == "TextualBody"
        assert isinstance(body["value"], str) and body["value"]
        assert body["purpose"] in {"commenting", "tagging", "classifying"}
    target = item["target"]
    assert target["type"] == "SpecificResource"
    assert re.fullmatch(r"urn:sha256:[0-9a-f]{64}", target["source"]["id"])
    assert target["source"]["type"] in {"Text", "Image"}
    selectors = target["selector"]
    for selector in selectors if isinstance(selectors, list) else [selectors]:
        assert selector["type"] in {
            "TextQuoteSelector",
            "TextPositionSelector",
            "FragmentSelector",
        }


def test_collection_shape(archive: Archive, filled: dict[str, int], tmp_path: Path) -> None:
    data = export(archive, tmp_path / "all.jsonld")
    assert data["@context"] == CONTEXT
    assert data["type"] == "AnnotationCollection"
    assert data["id"].startswith("urn:uuid:")
    page = data["first"]
    assert (page["type"], page["startIndex"], data["last"]) == ("AnnotationPage", 0, page["id"])
    assert len(page["items"]) == 3
    for item in page["items"]:
        check_annotation_shape(item)


def test_a_passage_has_quote_and_position_selectors(
    archive: Archive, filled: dict[str, int], tmp_path: Path
) -> None:
    [item] = [
        item
        for item in export(archive, tmp_path / "a.jsonld")["first"]["items"]
        if isinstance(item["target"]["selector"], list)
    ]
    body = archive.get(filled["article"]).body
    quote, position = item["target"]["selector"]
    assert quote == {
        "type": "TextQuoteSelector",
        "exact": "sheltered in basements",
        "prefix": body[: body.index("sheltered")][-32:],
        "suffix": body[body.index("basements") + 9 :][:32],
    }
    assert body[position["start"] : position["end"]] == "sheltered in basements"
    assert item["target"]["source"]["via"] == "https://example.org/shelter"
    purposes = {(b["purpose"], b["value"]) for b in item["body"]}
    assert purposes == {
        ("commenting", "See the **photo**."),
        ("tagging", "shelter"),
        ("tagging", "civilians"),
        ("classifying", "Shelling of Stepanakert"),
    }
    [event_body] = [b for b in item["body"] if b["purpose"] == "classifying"]
    assert event_body["id"] == "urn:archive-app:event:Shelling%20of%20Stepanakert"
    assert item["motivation"] == "commenting"


def test_regions_have_media_fragment_and_page_selectors(
    archive: Archive, filled: dict[str, int], tmp_path: Path
) -> None:
    items = export(archive, tmp_path / "r.jsonld")["first"]["items"]
    image_item = next(i for i in items if i["target"]["source"]["type"] == "Image")
    assert image_item["target"]["selector"] == {
        "type": "FragmentSelector",
        "conformsTo": "http://www.w3.org/TR/media-frags/",
        "value": "xywh=percent:12.5,50,25,50",
    }
    pdf_item = next(i for i in items if i["target"]["source"].get("format") == "application/pdf")
    selector = pdf_item["target"]["selector"]
    assert (selector["type"], selector["value"]) == ("FragmentSelector", "page=2")
    assert selector["refinedBy"]["value"] == "xywh=percent:0,0,100,50"
    assert "body" not in pdf_item
    assert pdf_item["motivation"] == "highlighting"


def test_ids_are_stable_across_exports(
    archive: Archive, filled: dict[str, int], tmp_path: Path
) -> None:
    first = export(archive, tmp_path / "1.jsonld")["first"]["items"]
    second = export(archive, tmp_path / "2.jsonld")["first"]["items"]
    assert [i["id"] for i in first] == [i["id"] for i in second]
    assert len({i["id"] for i in first}) == 3


def test_filter_by_event_includes_sub_events(
    archive: Archive, filled: dict[str, int], tmp_path: Path
) -> None:
    data = export(archive, tmp_path / "war.jsonld", events=["2nd Karabakh War"])
    assert [i["target"]["selector"][0]["exact"] for i in data["first"]["items"]] == [
        "sheltered in basements"
    ]
    blockade = export(archive, tmp_path / "blockade.jsonld", events=["Lachin blockade"])
    assert [i["body"][0]["value"] for i in blockade["first"]["items"]] == ["Entrance"]
    both = export(archive, tmp_path / "both.jsonld", events=["Lachin blockade", "2nd Karabakh War"])
    assert both["total"] == 2


def test_filter_by_perspective_includes_the_sources(
    archive: Archive, filled: dict[str, int], tmp_path: Path
) -> None:
    data = export(archive, tmp_path / "ombudsman.jsonld", perspectives=["Armenian ombudsman"])
    [item] = data["first"]["items"]
    assert item["target"]["selector"]["value"] == "page=2"
    empty = export(archive, tmp_path / "az.jsonld", perspectives=["Azerbaijani government"])
    assert empty["total"] == 0 and empty["first"]["items"] == []


def test_unknown_filters_and_unwritable_places_are_clear_errors(
    archive: Archive, filled: dict[str, int], tmp_path: Path
) -> None:
    target = tmp_path / "kept.jsonld"
    target.write_text("earlier export", encoding="utf-8")
    with pytest.raises(NotFoundError, match="no event named 'First Karabakh War'"):
        export_annotations(archive, target, events=["First Karabakh War"])
    with pytest.raises(ArchiveError, match="does not exist"):
        export_annotations(archive, tmp_path / "missing" / "out.jsonld")
    with pytest.raises(ArchiveError, match="is a folder"):
        export_annotations(archive, tmp_path)
    assert target.read_text(encoding="utf-8") == "earlier export"
    export_annotations(archive, target)
    assert json.loads(target.read_text(encoding="utf-8"))["total"] == 3
    assert sorted(p.name for p in tmp_path.iterdir()) == ["archive", "incoming", "kept.jsonld"]
