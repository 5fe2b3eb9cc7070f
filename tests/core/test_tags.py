"""Tags and assigning: created on first use, counted, renamed, merged, removed; several
sources labelled at once as one change."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from archive_app.core.archive import Archive
from archive_app.core.errors import InvalidInputError, NotFoundError
from tests.helpers import dump_database


@pytest.fixture
def sources(import_texts: Callable[..., list[int]]) -> list[int]:
    return import_texts(
        {
            "a.txt": "Drone strike on a convoy near Aghdam.",
            "b.txt": "Artillery shelling of Stepanakert (Khankendi).",
            "c.txt": "Refugees leave Kalbajar before the handover.",
        }
    )


def test_tags_are_created_on_first_use_and_counted(archive: Archive, sources: list[int]) -> None:
    archive.assignments.add_to_sources(sources[:2], tags=["shelling", "Drones"])
    archive.assignments.add_to_sources([sources[2]], tags=["SHELLING", "refugees"])
    usage = {tag.name: (tag.source_count, tag.annotation_count) for tag in archive.tags.all()}
    assert usage == {"Drones": (2, 0), "refugees": (1, 0), "shelling": (3, 0)}
    assert [tag.name for tag in archive.get(sources[2]).tags] == ["refugees", "shelling"]


def test_several_sources_get_several_labels_in_one_change(
    archive: Archive, sources: list[int]
) -> None:
    war, _ = archive.events.create("2nd Karabakh War", start="2020-09-27", end="2020-11-10")
    archive.perspectives.create("Armenian government")
    before = dump_database(archive)
    change = archive.assignments.add_to_sources(
        sources, events=[war.id], perspectives=["armenian government"], tags=["war", "2020"]
    )
    for source_id in sources:
        source = archive.get(source_id)
        assert [e.name for e in source.events] == ["2nd Karabakh War"]
        assert [p.name for p in source.perspectives] == ["Armenian government"]
        assert [t.name for t in source.tags] == ["2020", "war"]
    after = dump_database(archive)
    change.undo()
    assert dump_database(archive) == before
    change.redo()
    assert dump_database(archive) == after


def test_removing_labels_from_sources(archive: Archive, sources: list[int]) -> None:
    archive.assignments.add_to_sources(sources, tags=["shelling", "drones"])
    change = archive.assignments.remove_from_sources(sources[:2], tags=["Shelling"])
    assert [t.name for t in archive.get(sources[0]).tags] == ["drones"]
    assert [t.name for t in archive.get(sources[2]).tags] == ["drones", "shelling"]
    change.undo()
    assert [t.name for t in archive.get(sources[0]).tags] == ["drones", "shelling"]


def test_bad_assignments_change_nothing(archive: Archive, sources: list[int]) -> None:
    before = dump_database(archive)
    with pytest.raises(NotFoundError, match="no event named 'First Karabakh War'"):
        archive.assignments.add_to_sources(sources, tags=["new tag"], events=["First Karabakh War"])
    with pytest.raises(NotFoundError, match="no source 999"):
        archive.assignments.add_to_sources([sources[0], 999], tags=["new tag"])
    with pytest.raises(InvalidInputError, match="at least one event, perspective or tag"):
        archive.assignments.add_to_sources(sources)
    with pytest.raises(NotFoundError, match="no tag named 'never used'"):
        archive.assignments.remove_from_sources(sources, tags=["never used"])
    assert dump_database(archive) == before


def test_rename_keeps_the_tag_on_its_sources(archive: Archive, sources: list[int]) -> None:
    archive.assignments.add_to_sources(sources[:1], tags=["drone"])
    change = archive.tags.rename("drone", "drones (UAV)")
    assert [t.name for t in archive.get(sources[0]).tags] == ["drones (UAV)"]
    change.undo()
    assert [t.name for t in archive.get(sources[0]).tags] == ["drone"]


def test_rename_onto_another_tag_is_refused(archive: Archive, sources: list[int]) -> None:
    archive.assignments.add_to_sources(sources[:1], tags=["drone", "drones"])
    before = dump_database(archive)
    with pytest.raises(InvalidInputError, match=r"already a tag named 'drones'\. Merge"):
        archive.tags.rename("drone", "Drones")
    assert dump_database(archive) == before
    archive.tags.rename("drone", "Drone")
    assert {t.name for t in archive.tags.all()} == {"Drone", "drones"}


def test_merge_moves_every_use_to_one_tag(archive: Archive, sources: list[int]) -> None:
    archive.assignments.add_to_sources(sources[:2], tags=["drone"])
    archive.assignments.add_to_sources(sources[1:], tags=["UAV"])
    before = dump_database(archive)
    change = archive.tags.merge(["drone", "uav"], into="drones")
    assert change.description == "Merge tags into “drones”"
    assert [(t.name, t.source_count) for t in archive.tags.all()] == [("drones", 3)]
    change.undo()
    assert dump_database(archive) == before


def test_deleting_a_tag_takes_it_off_everything(archive: Archive, sources: list[int]) -> None:
    archive.assignments.add_to_sources(sources, tags=["rumour"])
    annotation, _ = archive.annotations.add_quote(sources[0], "convoy", tags=["rumour"])
    before = dump_database(archive)
    change = archive.tags.delete("rumour")
    assert archive.tags.all() == []
    assert archive.annotations.get(annotation.id).tags == []
    change.undo()
    assert dump_database(archive) == before


def test_tags_on_annotations(archive: Archive, sources: list[int]) -> None:
    first, _ = archive.annotations.add_quote(sources[0], "Drone strike")
    second, _ = archive.annotations.add_quote(sources[1], "Stepanakert")
    change = archive.assignments.add_to_annotations([first.id, second.id], tags=["strike"])
    assert [t.name for t in archive.annotations.get(second.id).tags] == ["strike"]
    assert archive.tags.get("strike").annotation_count == 2
    archive.assignments.remove_from_annotations([first.id], tags=["strike"])
    assert archive.annotations.get(first.id).tags == []
    change.undo()
    assert archive.tags.all() == []
