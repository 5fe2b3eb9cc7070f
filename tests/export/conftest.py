"""A small research archive to export: an op-ed, a wire report, a photo and a PDF, with events
(one a sub-event), perspectives, tags, notes and annotations."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest
from PIL import Image, ImageDraw

from archive_app.core.annotations import Region
from archive_app.core.archive import Archive
from archive_app.importers.document import Block, ExtractedDocument
from tests.helpers import StoreDocument

OPED_TEXT = (
    "Shusha & Stepanakert: 100% of the story",
    "Residents of Shushi fled before the city fell on 8 November.",
    "Azerbaijani officials call the town Şuşa; Armenians call Stepanakert their capital.",
)


def _photo(path: Path) -> Path:
    picture = Image.new("RGB", (320, 200), (180, 170, 150))
    ImageDraw.Draw(picture).ellipse((120, 30, 200, 110), fill=(90, 110, 140))
    picture.save(path, "JPEG")
    return path


@dataclass(frozen=True)
class Filled:
    oped: int
    wire: int
    photo: int
    report: int
    quote: str
    photo_region: int


@pytest.fixture
def filled(archive: Archive, store_document: StoreDocument, tmp_path: Path) -> Filled:
    oped = store_document(
        ExtractedDocument(
            kind="article",
            title="Shusha & Stepanakert: 100% of the story",
            authors=["Thomas de Waal", "Reuters"],
            site_name="Eurasianet",
            source_url="https://eurasianet.org/shusha_stepanakert",
            published="2020-11-09",
            language="en",
            blocks=[Block("heading", OPED_TEXT[0], 1)]
            + [Block("paragraph", text) for text in OPED_TEXT[1:]],
        )
    )
    wire = store_document(
        ExtractedDocument(
            kind="article",
            title="Ceasefire signed",
            authors=["Associated Press"],
            published="2020-11",
            source_url="https://example.org/ceasefire",
            language="en",
            blocks=[Block("paragraph", "A ceasefire was signed in Moscow.")],
        )
    )
    photo = store_document(
        ExtractedDocument(
            kind="image",
            title="Ghazanchetsots Cathedral",
            authors=["Karen Mirzoyan"],
            published="2020",
            mime_type="image/jpeg",
            metadata={"caption": "The cathedral after the shelling", "credit": "K. Mirzoyan"},
        ),
        original=_photo(tmp_path / "cathedral.jpg"),
    )
    report = store_document(
        ExtractedDocument(
            kind="pdf",
            title="Ombudsman report",
            authors=["Human Rights Defender of Armenia"],
            mime_type="application/pdf",
            language="hy",
            blocks=[Block("page", "Summary of damage.", 1), Block("page", "Map.", 2)],
        )
    )
    war, _ = archive.events.create("Second Karabakh War", start="2020-09-27", end="2020-11-10")
    battle, _ = archive.events.create("Battle of Shusha", parent=war.id, start="2020-11")
    archive.events.create("Lachin blockade", start="2022-12")
    armenian, _ = archive.perspectives.create("Armenian government")
    wire_view, _ = archive.perspectives.create("International wire")
    archive.assignments.add_to_sources([oped], events=[battle.id], tags=["exodus", "op-ed"])
    archive.assignments.add_to_sources([wire], events=[war.id], perspectives=[wire_view.id])
    archive.assignments.add_to_sources([report, photo], perspectives=[armenian.id])
    archive.update_source(oped, notes="Compare with the TASS wire.")
    quote = "Residents of Shushi fled"
    archive.annotations.add_quote(oped, quote, note="Who counted them?", tags=["exodus"])
    region, _ = archive.annotations.add_region(
        photo, Region(0.25, 0.5, 0.25, 0.25), note="The damaged dome", events=[battle.id]
    )
    archive.annotations.add_region(report, Region(0, 0, 0.5, 0.5, 2), note="The map")
    return Filled(oped, wire, photo, report, quote, region.id)
