"""Deleting moves sources to the trash with everything that was theirs; restoring puts it all
back under the same ids; only emptying the trash removes originals, and it is logged."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from archive_app.core.annotations import Region
from archive_app.core.archive import Archive
from archive_app.core.check import check_archive
from archive_app.core.errors import InvalidInputError, NotFoundError
from archive_app.importers.document import Block, ExtractedDocument, ExtractedImage
from tests.helpers import StoreDocument, dump_database

TEXT = "Stepanakert, which Azerbaijan calls Khankendi, was shelled on 27 September 2020."


@pytest.fixture
def labelled(archive: Archive, store_document: StoreDocument) -> tuple[int, int]:
    """An article with a figure whose photo is an image source; labels, annotations, a grade."""
    image = store_document(ExtractedDocument(kind="image", title="Shelled street"))
    article = store_document(
        ExtractedDocument(
            kind="article",
            title="The shelling of Stepanakert",
            blocks=[Block("paragraph", TEXT)],
            images=[ExtractedImage(src="street.jpg", caption="A shelled street")],
        ),
        figure_images={0: image},
    )
    war, _ = archive.events.create("2nd Karabakh War")
    archive.assignments.add_to_sources([article], events=[war.id], tags=["shelling"])
    archive.annotations.add_quote(article, "Khankendi", note="the other name", tags=["toponym"])
    archive.annotations.add_region(image, Region(0.1, 0.1, 0.5, 0.5), note="crater")
    archive.verification.verify(article, status="disputed", reliability="C", credibility="3")
    archive.verification.mark_sensitive([image], graphic=True)
    return article, image


def test_trash_and_restore_keep_everything_with_its_ids(
    archive: Archive, labelled: tuple[int, int]
) -> None:
    article, image = labelled
    before = dump_database(archive)
    original = archive.original_path(archive.get(article))
    archive.delete_sources([article, image], reason="duplicates of the wire copy")
    assert archive.source_ids() == []
    assert archive.search("Khankendi").total == 0
    assert {item.source_id for item in archive.trash.items()} == {article, image}
    assert next(i for i in archive.trash.items() if i.source_id == article).annotations == 1
    assert original.exists()
    assert check_archive(archive).healthy

    archive.trash.restore([article, image])
    assert dump_database(archive) == before
    assert [hit.id for hit in archive.search("Khankendi").hits] == [article]
    restored = archive.get(article)
    assert [tag.name for tag in restored.tags] == ["shelling"]
    assert restored.annotations[0].tags[0].name == "toponym"
    assert restored.captions[0].image_source_id == image
    assert archive.verification.get(article).grade == "C3"
    assert archive.verification.is_sensitive(image)
    actions = [entry.action for entry in archive.audit.entries(article)]
    assert actions[-2:] == ["trash", "restore"]
    assert archive.audit.entries(article)[-2].reason == "duplicates of the wire copy"


def test_restoring_one_image_gives_back_its_place_in_the_article(
    archive: Archive, labelled: tuple[int, int]
) -> None:
    article, image = labelled
    archive.delete_sources([image])
    assert archive.get(article).captions[0].image_source_id is None
    archive.trash.restore([image])
    assert archive.get(article).captions[0].image_source_id == image


def test_undoing_a_delete_restores(archive: Archive, labelled: tuple[int, int]) -> None:
    article, _ = labelled
    before = dump_database(archive)
    change = archive.delete_sources([article])
    change.undo()
    assert dump_database(archive) == before
    change.redo()
    assert article not in archive.source_ids()


def test_a_new_source_never_takes_a_trashed_id(
    archive: Archive, import_texts: Callable[..., list[int]]
) -> None:
    (first,) = import_texts({"a.txt": TEXT})
    archive.delete_sources([first])
    archive.trash.empty()
    (second,) = import_texts({"b.txt": "Ganja was struck by missiles."})
    assert second > first


def test_emptying_removes_originals_only_then_and_is_logged(
    archive: Archive, labelled: tuple[int, int]
) -> None:
    article, image = labelled
    originals = [archive.original_path(archive.get(i)) for i in (article, image)]
    archive.delete_sources([article, image])
    assert all(path.exists() for path in originals)
    emptied = archive.trash.empty([article], reason="agreed with the editor")
    assert [item.source_id for item in emptied] == [article]
    assert not originals[0].exists()
    assert originals[1].exists()
    entry = archive.audit.entries(article)[-1]
    assert (entry.action, entry.reason) == ("empty trash", "agreed with the editor")
    archive.trash.empty()
    assert not originals[1].exists()
    assert archive.trash.items() == []
    with pytest.raises(NotFoundError, match="not in the trash"):
        archive.trash.restore([article])
    report = check_archive(archive)
    assert report.healthy
    assert not report.notices


def test_a_restore_leaves_off_labels_deleted_meanwhile(
    archive: Archive, labelled: tuple[int, int]
) -> None:
    article, _ = labelled
    archive.delete_sources([article])
    archive.tags.delete("shelling")
    archive.trash.restore([article])
    assert archive.get(article).tags == []
    assert archive.get(article).events[0].name == "2nd Karabakh War"


def test_a_file_imported_again_meanwhile_blocks_its_restore(
    archive: Archive, import_texts: Callable[..., list[int]]
) -> None:
    (first,) = import_texts({"a.txt": TEXT})
    archive.delete_sources([first])
    (again,) = import_texts({"a.txt": TEXT})
    with pytest.raises(InvalidInputError, match=f"source {again} holds the same file"):
        archive.trash.restore([first])
    archive.trash.empty()
    assert archive.original_path(archive.get(again)).exists()


def test_deleting_a_missing_source_changes_nothing(
    archive: Archive, labelled: tuple[int, int]
) -> None:
    before = dump_database(archive)
    with pytest.raises(NotFoundError, match="no source 999"):
        archive.delete_sources([labelled[0], 999])
    assert dump_database(archive) == before


def test_check_verifies_the_originals_in_the_trash(
    archive: Archive, labelled: tuple[int, int]
) -> None:
    article, _ = labelled
    original = archive.original_path(archive.get(article))
    archive.delete_sources([article])
    original.chmod(0o644)
    original.write_text("altered", encoding="utf-8")
    report = check_archive(archive)
    assert [p for p in report.problems if p.startswith(f"trashed source {article}:")]
