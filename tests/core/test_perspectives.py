"""Perspectives: names, descriptions, colours (a distinct default), use on sources."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from archive_app.core.archive import Archive
from archive_app.core.errors import InvalidInputError
from archive_app.core.perspectives import PALETTE
from archive_app.core.research import InUseError
from tests.helpers import dump_database

SIDES = ["Azerbaijani government", "Armenian government", "International wire", "Op-ed"]


def test_new_perspectives_get_distinct_palette_colours(archive: Archive) -> None:
    colours = [archive.perspectives.create(name)[0].color for name in SIDES]
    assert colours == list(PALETTE[: len(SIDES)])
    assert len(set(colours)) == len(SIDES)


def test_a_default_colour_skips_colours_already_taken(archive: Archive) -> None:
    archive.perspectives.create("Azerbaijani government", color=PALETTE[0].upper())
    second, _ = archive.perspectives.create("Armenian government")
    assert second.color == PALETTE[1]


def test_colours_are_checked_and_normalised(archive: Archive) -> None:
    perspective, _ = archive.perspectives.create(
        "Russian state media", description="RT, Sputnik, TASS", color="#AA3300"
    )
    assert (perspective.color, perspective.description) == ("#aa3300", "RT, Sputnik, TASS")
    before = dump_database(archive)
    for bad in ("red", "#12345", "#12345g", "rgb(1,2,3)"):
        with pytest.raises(InvalidInputError, match="is not a colour"):
            archive.perspectives.create("Turkish government", color=bad)
        with pytest.raises(InvalidInputError, match="is not a colour"):
            archive.perspectives.edit(perspective.id, color=bad)
    assert dump_database(archive) == before


def test_edit_changes_only_what_is_given(archive: Archive) -> None:
    perspective, _ = archive.perspectives.create("Op-ed", description="opinion", color="#112233")
    archive.perspectives.edit("op-ed", name="Opinion pieces")
    edited = archive.perspectives.get(perspective.id)
    assert (edited.name, edited.description, edited.color) == (
        "Opinion pieces",
        "opinion",
        "#112233",
    )


def test_names_are_unique_regardless_of_case(archive: Archive) -> None:
    archive.perspectives.create("Azerbaijani government")
    with pytest.raises(InvalidInputError, match="already a perspective named"):
        archive.perspectives.create("AZERBAIJANI GOVERNMENT")


def test_deleting_a_perspective_in_use_needs_force(
    archive: Archive, import_texts: Callable[..., list[int]]
) -> None:
    wire, _ = archive.perspectives.create("International wire")
    [first, second] = import_texts(
        {"reuters.txt": "Fighting resumed near Stepanakert.", "ap.txt": "Shelling in Ganja."}
    )
    archive.assignments.add_to_sources([first, second], perspectives=[wire.id])
    assert archive.perspectives.get(wire.id).source_count == 2
    before = dump_database(archive)
    with pytest.raises(InUseError, match="assigned to 2 sources"):
        archive.perspectives.delete(wire.id)
    assert dump_database(archive) == before

    change = archive.perspectives.delete(wire.id, force=True)
    assert archive.perspectives.all() == []
    assert archive.get(first).perspectives == []
    change.undo()
    assert dump_database(archive) == before
    assert [p.color for p in archive.get(first).perspectives] == [wire.color]
