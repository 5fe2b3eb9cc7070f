"""Every change of the research model can be undone and redone exactly, as the window's undo
stack will do it: the database returns to the same rows (same ids), and search follows."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pytest

from archive_app.core.annotations import Region
from archive_app.core.archive import Archive
from archive_app.core.changes import Change
from archive_app.importers.document import ExtractedDocument
from tests.helpers import StoreDocument, dump_database

TEXT = (
    "Stepanakert, which Azerbaijan calls Khankendi, was shelled on 27 September 2020. "
    "The Armenian side reported civilian casualties."
)


@dataclass
class World:
    """A small archive: two sources, an image, a little event tree, labels, an annotation."""

    archive: Archive
    article: int
    other: int
    image: int
    war: int
    battle: int
    side: int
    annotation: int


@pytest.fixture
def world(
    archive: Archive,
    import_texts: Callable[..., list[int]],
    store_document: StoreDocument,
) -> World:
    article, other = import_texts({"a.txt": TEXT, "b.txt": "Ganja was struck by missiles."})
    image = store_document(ExtractedDocument(kind="image", title="Shelled street"))
    war, _ = archive.events.create("2nd Karabakh War", start="2020-09-27", end="2020-11-10")
    battle, _ = archive.events.create("Shelling of Stepanakert", parent=war.id, start="2020-09")
    side, _ = archive.perspectives.create("Armenian government")
    archive.assignments.add_to_sources([article], events=[battle.id], tags=["shelling"])
    annotation, _ = archive.annotations.add_quote(
        article, "civilian casualties", note="No figures given.", tags=["casualties"]
    )
    return World(archive, article, other, image, war.id, battle.id, side.id, annotation.id)


CHANGES: dict[str, Callable[[World], Change]] = {
    "create event": lambda w: w.archive.events.create("Battle of Shusha", parent=w.war)[1],
    "edit event": lambda w: w.archive.events.edit(w.war, name="44-day war", end="2020-11"),
    "move event": lambda w: w.archive.events.move(w.battle, None),
    "delete event with links and children": lambda w: w.archive.events.delete(w.war, force=True),
    "delete event in use": lambda w: w.archive.events.delete(w.battle, force=True),
    "create perspective": lambda w: w.archive.perspectives.create("Op-ed")[1],
    "edit perspective": lambda w: w.archive.perspectives.edit(w.side, color="#000000"),
    "delete perspective": lambda w: w.archive.perspectives.delete(w.side, force=True),
    "create tag": lambda w: w.archive.tags.create("drones")[1],
    "rename tag": lambda w: w.archive.tags.rename("shelling", "artillery"),
    "merge tags": lambda w: w.archive.tags.merge(["shelling", "casualties"], into="war crimes"),
    "delete tag": lambda w: w.archive.tags.delete("casualties"),
    "label several sources": lambda w: w.archive.assignments.add_to_sources(
        [w.article, w.other, w.image], events=[w.war], perspectives=[w.side], tags=["new", "x"]
    ),
    "unlabel sources": lambda w: w.archive.assignments.remove_from_sources(
        [w.article], events=[w.battle], tags=["shelling"]
    ),
    "label an annotation": lambda w: w.archive.assignments.add_to_annotations(
        [w.annotation], events=[w.battle], perspectives=[w.side], tags=["toll"]
    ),
    "unlabel an annotation": lambda w: w.archive.assignments.remove_from_annotations(
        [w.annotation], tags=["casualties"]
    ),
    "annotate a passage": lambda w: w.archive.annotations.add_text(
        w.article, 0, 11, note="capital", tags=["city"], events=[w.war]
    )[1],
    "annotate a quote": lambda w: w.archive.annotations.add_quote(w.other, "missiles")[1],
    "annotate a region": lambda w: w.archive.annotations.add_region(
        w.image, Region(0.2, 0.2, 0.3, 0.3), note="crater", perspectives=[w.side]
    )[1],
    "edit a note": lambda w: w.archive.annotations.edit_note(w.annotation, "Figures later."),
    "delete an annotation": lambda w: w.archive.annotations.delete(w.annotation),
    "edit source notes": lambda w: w.archive.update_source(w.article, notes="Check *dates*"),
}


@pytest.mark.parametrize("make_change", CHANGES.values(), ids=CHANGES.keys())
def test_undo_and_redo_restore_exactly(
    world: World, make_change: Callable[[World], Change]
) -> None:
    before = dump_database(world.archive)
    change = make_change(world)
    after = dump_database(world.archive)
    assert after != before
    change.undo()
    assert dump_database(world.archive) == before
    change.redo()
    assert dump_database(world.archive) == after
    change.undo()
    assert dump_database(world.archive) == before


def test_a_stack_of_changes_unwinds_and_replays(world: World) -> None:
    """Later entries still match after an undone delete put rows back under their ids."""
    archive = world.archive
    annotation, first = archive.annotations.add_quote(world.article, "Khankendi", note="name")
    states = [dump_database(archive)]
    stack = [first]
    steps: list[Callable[[], Change]] = [
        lambda: archive.annotations.edit_note(annotation.id, "the Azerbaijani name"),
        lambda: archive.assignments.add_to_annotations([annotation.id], tags=["toponym"]),
        lambda: archive.annotations.delete(annotation.id),
        lambda: archive.tags.delete("toponym"),
        lambda: archive.events.delete(world.war, force=True),
        lambda: archive.events.create("2nd Karabakh War", start="2020")[1],
    ]
    for step in steps:
        stack.append(step())
        states.append(dump_database(archive))
    for change, state in zip(reversed(stack), reversed(states), strict=True):
        assert dump_database(archive) == state
        change.undo()
    for change, state in zip(stack, states, strict=True):
        change.redo()
        assert dump_database(archive) == state


def test_search_follows_undo_and_redo(world: World) -> None:
    archive = world.archive
    change = archive.annotations.delete(world.annotation)
    assert archive.search("figures").total == 0
    change.undo()
    assert [hit.id for hit in archive.search("figures").hits] == [world.article]
    assert archive.annotations.get(world.annotation).tags[0].name == "casualties"
    change.redo()
    assert archive.search("figures").total == 0


def test_a_change_that_changes_nothing_is_harmless(world: World) -> None:
    before = dump_database(world.archive)
    change = world.archive.assignments.add_to_sources([world.article], tags=["shelling"])
    change.undo()
    change.redo()
    assert dump_database(world.archive) == before
