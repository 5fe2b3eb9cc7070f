"""Events: a dated tree; names unique; renaming and moving keep what is tagged; deleting asks."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from archive_app.core.archive import Archive
from archive_app.core.errors import InvalidInputError, NotFoundError
from archive_app.core.research import InUseError
from tests.helpers import dump_database


@pytest.fixture
def karabakh(archive: Archive) -> dict[str, int]:
    """A conflict > a war > two battles, with dates of each precision."""
    conflict, _ = archive.events.create("Nagorno-Karabakh conflict", start="1988")
    war, _ = archive.events.create(
        "2nd Karabakh War", parent=conflict.id, start="2020-09-27", end="2020-11-10"
    )
    shusha, _ = archive.events.create(
        "Battle of Shusha", parent="2nd karabakh war", start="2020-11", place="Shusha / Şuşa"
    )
    hadrut, _ = archive.events.create("Battle of Hadrut", parent=war.id, start="2020-10-09")
    return {"conflict": conflict.id, "war": war.id, "shusha": shusha.id, "hadrut": hadrut.id}


def test_event_tree_keeps_dates_of_each_precision(
    archive: Archive, karabakh: dict[str, int]
) -> None:
    [root] = archive.events.tree()
    assert root.event.name == "Nagorno-Karabakh conflict"
    assert root.event.start == "1988"
    [war] = root.children
    assert (war.event.start, war.event.end) == ("2020-09-27", "2020-11-10")
    assert [child.event.name for child in war.children] == ["Battle of Hadrut", "Battle of Shusha"]
    shusha = war.children[1].event
    assert (shusha.start, shusha.place) == ("2020-11", "Shusha / Şuşa")
    nested = root.to_dict()
    assert nested["children"][0]["children"][1]["name"] == "Battle of Shusha"


def test_dates_are_stored_in_canonical_form(archive: Archive) -> None:
    event, _ = archive.events.create("Blockade of the Lachin corridor", start="2022-12-1")
    assert event.start == "2022-12-01"


@pytest.mark.parametrize(
    ("start", "end", "message"),
    [
        ("2023-13-40", "", "no month 13"),
        ("2023-02-30", "", "February 2023 has 28 days"),
        ("yesterday", "", "not a date"),
        ("2020-11-10", "2020-09-27", "cannot end (2020-09-27) before it starts (2020-11-10)"),
        ("2021", "2020-12", "before it starts"),
    ],
)
def test_bad_dates_are_refused_and_nothing_changes(
    archive: Archive, karabakh: dict[str, int], start: str, end: str, message: str
) -> None:
    before = dump_database(archive)
    with pytest.raises(InvalidInputError, match=message.replace("(", r"\(").replace(")", r"\)")):
        archive.events.create("Some event", start=start, end=end)
    with pytest.raises(InvalidInputError):
        archive.events.edit(karabakh["war"], start=start, end=end or "2019")
    assert dump_database(archive) == before


def test_an_end_within_the_start_year_is_not_before_it(archive: Archive) -> None:
    event, _ = archive.events.create("Ceasefire talks", start="2020-11-09", end="2020")
    assert event.end == "2020"


def test_names_are_unique_regardless_of_case(archive: Archive, karabakh: dict[str, int]) -> None:
    archive.events.create("Şuşa declaration", start="2021-06-15")
    before = dump_database(archive)
    with pytest.raises(InvalidInputError, match="already an event named '2nd Karabakh War'"):
        archive.events.create("2nd KARABAKH war")
    with pytest.raises(InvalidInputError, match="already an event"):
        archive.events.create("ŞUŞA DECLARATION")
    with pytest.raises(InvalidInputError, match="already an event"):
        archive.events.edit(karabakh["hadrut"], name="battle of shusha")
    assert dump_database(archive) == before


def test_an_event_cannot_become_its_own_ancestor(
    archive: Archive, karabakh: dict[str, int]
) -> None:
    before = dump_database(archive)
    with pytest.raises(InvalidInputError, match="would become its own ancestor"):
        archive.events.move(karabakh["conflict"], karabakh["shusha"])
    with pytest.raises(InvalidInputError, match="cannot be its own parent"):
        archive.events.move(karabakh["war"], karabakh["war"])
    assert dump_database(archive) == before


def test_moving_and_renaming_keep_what_is_tagged(
    archive: Archive, karabakh: dict[str, int], import_texts: Callable[..., list[int]]
) -> None:
    [source_id] = import_texts({"shusha.txt": "Shusha was taken on 8 November 2020."})
    archive.assignments.add_to_sources([source_id], events=[karabakh["shusha"]])
    archive.events.edit(karabakh["shusha"], name="Capture of Shusha", place="Shusha")
    archive.events.move(karabakh["shusha"], None)
    assert [event.name for event in archive.get(source_id).events] == ["Capture of Shusha"]
    assert [node.event.name for node in archive.events.tree()] == [
        "Nagorno-Karabakh conflict",
        "Capture of Shusha",
    ]
    moved = archive.events.get("capture of shusha")
    assert (moved.parent_id, moved.source_count, moved.start) == (None, 1, "2020-11")


def test_with_descendants_covers_the_whole_subtree(
    archive: Archive, karabakh: dict[str, int]
) -> None:
    assert archive.events.with_descendants(["2nd Karabakh War"]) == {
        karabakh["war"],
        karabakh["shusha"],
        karabakh["hadrut"],
    }
    assert archive.events.with_descendants([karabakh["hadrut"]]) == {karabakh["hadrut"]}


def test_deleting_an_event_in_use_needs_force(
    archive: Archive, karabakh: dict[str, int], import_texts: Callable[..., list[int]]
) -> None:
    [source_id] = import_texts({"war.txt": "The war lasted 44 days."})
    archive.assignments.add_to_sources([source_id], events=["2nd Karabakh War"])
    before = dump_database(archive)
    with pytest.raises(InUseError, match="assigned to 1 source and 0 annotations") as refused:
        archive.events.delete(karabakh["war"])
    assert (refused.value.sources, refused.value.annotations) == (1, 0)
    assert dump_database(archive) == before

    change = archive.events.delete(karabakh["war"], force=True)
    assert archive.get(source_id).events == []
    children = [archive.events.get(karabakh[name]) for name in ("shusha", "hadrut")]
    assert {child.parent_id for child in children} == {karabakh["conflict"]}
    with pytest.raises(NotFoundError):
        archive.events.get(karabakh["war"])

    change.undo()
    assert dump_database(archive) == before
    assert archive.get(source_id).events[0].id == karabakh["war"]


def test_an_unused_event_is_deleted_without_force(
    archive: Archive, karabakh: dict[str, int]
) -> None:
    archive.events.delete(karabakh["conflict"])
    roots = archive.events.tree()
    assert [node.event.name for node in roots] == ["2nd Karabakh War"]


def test_unknown_events_are_a_clear_error(archive: Archive) -> None:
    with pytest.raises(NotFoundError, match="no event named 'First Karabakh War'"):
        archive.events.get("First Karabakh War")
    with pytest.raises(NotFoundError, match="no event with id 99"):
        archive.events.create("Battle of Kalbajar", parent=99)
    with pytest.raises(InvalidInputError, match="needs a name"):
        archive.events.create("   ")
