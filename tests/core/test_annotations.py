"""Annotations on text (offsets or quotes), on image regions and PDF page regions; notes,
labels, deletion, and what search sees."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from archive_app.core.annotations import Region
from archive_app.core.archive import Archive
from archive_app.core.errors import InvalidInputError, NotFoundError
from archive_app.core.search.documents import documents_for
from archive_app.importers.document import Block, ExtractedDocument
from tests.helpers import StoreDocument, dump_database

ARTICLE = (
    "Azerbaijani forces entered Shusha on 8 November 2020. "
    "Armenian officials first denied that Shusha had fallen. "
    "The town, called Shushi in Armenian, overlooks Stepanakert."
)


@pytest.fixture
def article(import_texts: Callable[..., list[int]]) -> int:
    [source_id] = import_texts({"shusha.txt": ARTICLE})
    return source_id


@pytest.fixture
def image(store_document: StoreDocument) -> int:
    return store_document(
        ExtractedDocument(kind="image", title="Ghazanchetsots Cathedral", mime_type="image/jpeg")
    )


@pytest.fixture
def pdf(store_document: StoreDocument) -> int:
    pages = [Block("page", "Report on the blockade.", 1), Block("page", "Map of the corridor.", 2)]
    return store_document(ExtractedDocument(kind="pdf", title="Lachin report", blocks=pages))


def body_of(archive: Archive, source_id: int) -> str:
    return archive.get(source_id).body


def test_annotate_from_selection_offsets(archive: Archive, article: int) -> None:
    body = body_of(archive, article)
    start = body.index("Armenian officials")
    end = start + len("Armenian officials first denied")
    annotation, _ = archive.annotations.add_text(article, start, end, note="Denial, then silence.")
    assert annotation.quote_exact == "Armenian officials first denied"
    assert annotation.quote_prefix == body[start - 32 : start]
    assert annotation.quote_suffix == body[end : end + 32]
    assert (annotation.start, annotation.end, annotation.target) == (start, end, "text")
    assert archive.get(article).annotations == [annotation]


def test_annotate_from_a_quote_and_an_occurrence(archive: Archive, article: int) -> None:
    body = body_of(archive, article)
    second = body.index("Shusha", body.index("Shusha") + 1)
    annotation, _ = archive.annotations.add_quote(article, "Shusha", occurrence=2)
    assert (annotation.start, annotation.end) == (second, second + len("Shusha"))
    assert annotation.quote_prefix.endswith("denied that ")


def test_a_quote_with_other_line_breaks_still_matches(archive: Archive, article: int) -> None:
    annotation, _ = archive.annotations.add_quote(article, "overlooks\n   Stepanakert")
    assert annotation.quote_exact == "overlooks Stepanakert"


def test_bad_quotes_are_clear_errors_and_change_nothing(archive: Archive, article: int) -> None:
    before = dump_database(archive)
    with pytest.raises(InvalidInputError, match="does not contain “Khankendi”"):
        archive.annotations.add_quote(article, "Khankendi")
    with pytest.raises(InvalidInputError, match=r"appears 2 times .* \(1 to 2\)"):
        archive.annotations.add_quote(article, "Shusha", note="which one?")
    with pytest.raises(InvalidInputError, match="no occurrence 3"):
        archive.annotations.add_quote(article, "Shusha", occurrence=3)
    with pytest.raises(InvalidInputError, match="not a passage"):
        archive.annotations.add_text(article, 10, 10_000)
    with pytest.raises(NotFoundError, match="no source 404"):
        archive.annotations.add_quote(404, "Shusha")
    with pytest.raises(NotFoundError, match="no perspective named 'Nobody'"):
        archive.annotations.add_quote(article, "Stepanakert", tags=["x"], perspectives=["Nobody"])
    assert dump_database(archive) == before


def test_region_on_an_image(archive: Archive, image: int) -> None:
    region = Region(0.1, 0.25, 0.5, 0.5)
    annotation, _ = archive.annotations.add_region(image, region, note="Damaged dome")
    assert (annotation.x, annotation.y, annotation.width, annotation.height) == (
        0.1,
        0.25,
        0.5,
        0.5,
    )
    assert (annotation.target, annotation.page, annotation.note) == ("region", None, "Damaged dome")


@pytest.mark.parametrize(
    "region",
    [
        Region(0.6, 0.1, 0.5, 0.2),
        Region(-0.1, 0.1, 0.2, 0.2),
        Region(0.1, 0.9, 0.2, 0.2),
        Region(0.1, 0.1, 0.0, 0.2),
        Region(0.1, 0.1, float("nan"), 0.2),
    ],
)
def test_a_region_outside_the_image_is_refused(
    archive: Archive, image: int, region: Region
) -> None:
    before = dump_database(archive)
    with pytest.raises(InvalidInputError, match=r"outside the image|width and a height|four"):
        archive.annotations.add_region(image, region, note="off the edge")
    assert dump_database(archive) == before


def test_region_on_a_pdf_page(archive: Archive, pdf: int) -> None:
    annotation, _ = archive.annotations.add_region(
        pdf, Region(0, 0, 0.5, 0.25, page=2), note="The corridor"
    )
    assert annotation.page == 2
    with pytest.raises(InvalidInputError, match="say which page"):
        archive.annotations.add_region(pdf, Region(0, 0, 0.5, 0.5))
    with pytest.raises(InvalidInputError, match="no page 3"):
        archive.annotations.add_region(pdf, Region(0, 0, 0.5, 0.5, page=3))


def test_regions_only_on_images_and_pdfs(archive: Archive, article: int, image: int) -> None:
    with pytest.raises(InvalidInputError, match="Annotate a passage of its text instead"):
        archive.annotations.add_region(article, Region(0, 0, 0.5, 0.5))
    with pytest.raises(InvalidInputError, match="has no pages"):
        archive.annotations.add_region(image, Region(0, 0, 0.5, 0.5, page=1))


def test_annotations_carry_events_perspectives_and_tags(archive: Archive, article: int) -> None:
    war, _ = archive.events.create("2nd Karabakh War", start="2020-09-27", end="2020-11-10")
    battle, _ = archive.events.create("Battle of Shusha", parent=war.id, start="2020-11")
    side, _ = archive.perspectives.create("Armenian government")
    annotation, _ = archive.annotations.add_quote(
        article,
        "Armenian officials first denied",
        note="Compare with the ministry's statement of 9 November.",
        events=[battle.id],
        perspectives=["Armenian government"],
        tags=["denial"],
    )
    loaded = archive.annotations.get(annotation.id)
    assert [e.name for e in loaded.events] == ["Battle of Shusha"]
    assert [(p.name, p.color) for p in loaded.perspectives] == [(side.name, side.color)]
    assert [t.name for t in loaded.tags] == ["denial"]
    assert archive.events.get(battle.id).annotation_count == 1
    assert archive.get(article).events == []


def test_edit_note_and_delete(archive: Archive, article: int) -> None:
    annotation, _ = archive.annotations.add_quote(article, "Stepanakert", note="capital")
    edit = archive.annotations.edit_note(annotation.id, "Khankendi in Azerbaijani usage")
    assert archive.annotations.get(annotation.id).note == "Khankendi in Azerbaijani usage"
    edit.undo()
    assert archive.annotations.get(annotation.id).note == "capital"
    archive.annotations.delete(annotation.id)
    with pytest.raises(NotFoundError, match=f"no annotation {annotation.id}"):
        archive.annotations.get(annotation.id)


def test_deleting_a_source_removes_its_annotations(
    archive: Archive, article: int, image: int
) -> None:
    kept, _ = archive.annotations.add_region(image, Region(0, 0, 1, 1), note="whole photo")
    archive.annotations.add_quote(article, "Stepanakert", note="capital", tags=["city"])
    archive.annotations.add_text(article, 0, 11, events=[], tags=["forces"])
    archive.delete_sources([article])
    assert archive.annotations.all() == [kept]
    count = archive.database.scalar(
        "SELECT count(*) FROM annotation_tags WHERE annotation_id != ?", (kept.id,)
    )
    assert count == 0
    assert {tag.name: tag.annotation_count for tag in archive.tags.all()} == {
        "city": 0,
        "forces": 0,
    }


def test_notes_quotes_and_labels_reach_search_at_once(archive: Archive, article: int) -> None:
    assert archive.search("quagmire").total == 0
    annotation, create = archive.annotations.add_quote(
        article, "overlooks Stepanakert", note="A strategic quagmire.", tags=["geography"]
    )
    assert [hit.id for hit in archive.search("quagmire").hits] == [article]
    document = documents_for(archive.database, [article])[article]
    assert "overlooks Stepanakert" in document["note"]
    assert document["annotation_tag"] == str(annotation.tags[0].id)

    archive.annotations.edit_note(annotation.id, "A strategic height.")
    assert archive.search("quagmire").total == 0
    assert archive.search("strategic height").total == 1

    create.undo()
    assert archive.search("strategic").total == 0
    assert "annotation_tag" not in documents_for(archive.database, [article])[article]


def test_source_notes_are_searchable_at_once(archive: Archive, article: int) -> None:
    change = archive.update_source(article, notes="Cross-check with the Interfax wire.")
    assert [hit.id for hit in archive.search("Interfax").hits] == [article]
    change.undo()
    assert archive.search("Interfax").total == 0


def test_labels_on_sources_change_the_index_document(archive: Archive, article: int) -> None:
    war, _ = archive.events.create("2nd Karabakh War")
    side, _ = archive.perspectives.create("Azerbaijani government")
    archive.assignments.add_to_sources(
        [article], events=[war.id], perspectives=[side.id], tags=["capture"]
    )
    document = documents_for(archive.database, [article])[article]
    assert (document["event"], document["perspective"]) == (str(war.id), str(side.id))
    assert indexed_with(archive, event=str(war.id)) == {article}
    assert indexed_with(archive, perspective=str(side.id)) == {article}
    archive.assignments.remove_from_sources([article], events=[war.id])
    assert "event" not in documents_for(archive.database, [article])[article]
    assert indexed_with(archive, event=str(war.id)) == set()
    assert indexed_with(archive, perspective=str(side.id)) == {article}


def indexed_with(archive: Archive, **term: str) -> set[int]:
    """The sources whose live index document holds the term (field=value)."""
    with archive.index.searcher() as searcher:
        return {
            int(searcher.stored_fields(number)["id"])
            for number in searcher.document_numbers(**term)
        }
