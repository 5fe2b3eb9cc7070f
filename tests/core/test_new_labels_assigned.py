"""Making new events and perspectives and assigning them is one core step: one transaction,
one undo; a refusal anywhere in it leaves nothing made."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from archive_app.core.archive import Archive
from archive_app.core.errors import InvalidInputError, NotFoundError
from archive_app.core.events import NewEvent
from archive_app.core.perspectives import NewPerspective
from archive_app.core.research import Labels
from tests.helpers import dump_database


@pytest.fixture
def sources(import_texts: Callable[..., list[int]]) -> list[int]:
    return import_texts(
        {
            "a.txt": "Exodus\n\nCars queued on the road to Goris.",
            "b.txt": "Statement\n\nResidents of Khankendi may stay.",
        }
    )


def test_new_labels_are_made_and_assigned_in_one_undoable_step(
    archive: Archive, sources: list[int]
) -> None:
    before = dump_database(archive)
    exodus = NewEvent("Exodus over the Hakari bridge", start="2023-09-24")
    wire = NewPerspective("International wire", color="#1565c0")

    change = archive.assignments.add_to_sources(
        sources, events=[exodus], perspectives=[wire], tags=["displacement"]
    )

    for source_id in sources:
        source = archive.get(source_id)
        assert [e.name for e in source.events] == ["Exodus over the Hakari bridge"]
        assert [p.name for p in source.perspectives] == ["International wire"]
    assert archive.search('event:"Exodus over the Hakari bridge"').total == 2
    change.undo()
    assert dump_database(archive) == before
    change.redo()
    assert [e.start for e in archive.events.all()] == ["2023-09-24"]


def test_a_refusal_in_the_step_leaves_no_new_label_behind(
    archive: Archive, sources: list[int]
) -> None:
    before = dump_database(archive)
    with pytest.raises(NotFoundError):
        archive.assignments.add_to_sources(
            [*sources, 99], events=[NewEvent("Exodus")], perspectives=[NewPerspective("Wire")]
        )
    with pytest.raises(InvalidInputError):
        archive.assignments.add_to_sources(
            sources, events=[NewEvent("Exodus")], perspectives=[NewPerspective("Wire", color="?")]
        )
    assert dump_database(archive) == before


def test_an_annotation_edit_changes_note_and_labels_in_one_step(
    archive: Archive, sources: list[int]
) -> None:
    annotation, _ = archive.annotations.add_quote(sources[0], "road to Goris", tags=["road"])
    before = dump_database(archive)

    change = archive.annotations.edit(
        annotation.id,
        note="the only road out",
        add=Labels(events=[NewEvent("Exodus")]),
        remove=Labels(tags=["road"]),
    )

    edited = archive.annotations.get(annotation.id)
    assert (edited.note, [e.name for e in edited.events], edited.tags) == (
        "the only road out",
        ["Exodus"],
        [],
    )
    change.undo()
    assert dump_database(archive) == before
