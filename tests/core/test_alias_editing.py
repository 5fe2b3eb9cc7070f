"""Editing one alias group (what the alias editor does): new groups, names added and spelt
anew, notes; a name already in another group is refused, never moved."""

from __future__ import annotations

import pytest

from archive_app.core.archive import Archive
from archive_app.core.errors import InvalidInputError, NotFoundError
from tests.helpers import dump_database


@pytest.fixture
def city(archive: Archive) -> int:
    return archive.aliases.add(["Khankendi", "Stepanakert"], note="Azerbaijani, Armenian").id


def test_a_new_group_refuses_names_that_belong_to_another(archive: Archive, city: int) -> None:
    before = dump_database(archive)
    with pytest.raises(InvalidInputError, match="'Stepanakert' is already in another alias group"):
        archive.aliases.new_group(["Artsakh", "Stepanakert"])
    with pytest.raises(InvalidInputError, match="at least two different names"):
        archive.aliases.new_group(["Shusha", "shusha"])
    assert dump_database(archive) == before
    group = archive.aliases.new_group(["Shusha", "Shushi", "Shoushi"], note="  who says what ")
    assert (group.names, group.note) == (("Shusha", "Shushi", "Shoushi"), "who says what")


def test_a_name_is_added_once_and_only_to_one_group(archive: Archive, city: int) -> None:
    other = archive.aliases.new_group(["Shusha", "Shushi"]).id
    assert archive.aliases.add_name(city, "Xankəndi").names[-1] == "Xankəndi"
    with pytest.raises(InvalidInputError, match="already a name of this group"):
        archive.aliases.add_name(city, "xankendi")
    with pytest.raises(InvalidInputError, match="already in another alias group"):
        archive.aliases.add_name(other, "Stepanakert")
    assert archive.aliases.other_names("Xankendi") == ["Khankendi", "Stepanakert"]


def test_a_name_is_spelt_anew_in_place(archive: Archive, city: int) -> None:
    archive.aliases.add_name(city, "Xankendi")
    group = archive.aliases.rename(city, "Xankendi", "Xankəndi")
    assert group.names == ("Khankendi", "Stepanakert", "Xankəndi")
    archive.aliases.new_group(["Shusha", "Shushi"])
    with pytest.raises(InvalidInputError, match="already in another alias group"):
        archive.aliases.rename(city, "Xankəndi", "Shushi")
    with pytest.raises(InvalidInputError, match="already a name of this group"):
        archive.aliases.rename(city, "Xankəndi", "stepanakert")
    with pytest.raises(NotFoundError):
        archive.aliases.rename(city, "Artsakh", "Arts")


def test_the_note_is_replaced_or_cleared(archive: Archive, city: int) -> None:
    assert archive.aliases.set_note(city, " Stepanakert in Armenian sources ").note == (
        "Stepanakert in Armenian sources"
    )
    assert archive.aliases.set_note(city, "").note == ""
    with pytest.raises(NotFoundError):
        archive.aliases.set_note(999, "nothing")
