"""Comparing how perspectives told an event: columns, cards, passages, sub-events, order."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from archive_app.core.annotations import Region
from archive_app.core.archive import Archive
from archive_app.core.compare import NO_PERSPECTIVE, Comparison, compare_event
from archive_app.core.errors import InvalidInputError, NotFoundError
from tests.helpers import STORY, Story, add_sources, build_story


@pytest.fixture
def story(archive: Archive, import_texts: Callable[..., list[int]]) -> Story:
    return build_story(archive, import_texts)


def titles(comparison: Comparison, column: str) -> list[str]:
    return [card.title for card in comparison.column(column).cards]


def quotes(comparison: Comparison, column: str) -> list[str]:
    return [p.quote for card in comparison.column(column).cards for p in card.passages]


def test_one_column_per_perspective_with_the_sources_that_carry_it(
    archive: Archive, story: Story
) -> None:
    comparison = compare_event(archive, story.offensive)
    assert [column.head.name for column in comparison.columns] == [
        "Armenian government",
        "Azerbaijani government",
        "International wire",
        "Op-ed",
    ]
    assert titles(comparison, "Azerbaijani government") == ["Local anti-terror measures begin"]
    assert titles(comparison, "International wire") == ["Ceasefire after a day of fighting"]
    assert comparison.column("Op-ed").cards == ()
    assert comparison.column("Op-ed").head.color.startswith("#")
    card = comparison.column("Armenian government").cards[0]
    assert (card.kind, card.site, card.published) == (
        "text",
        "Government Press Office",
        "2023-09-19T17:45:00+04:00",
    )
    assert [event.name for event in card.events] == ["September offensive"]
    assert (comparison.source_count, comparison.passage_count) == (3, 0)


def test_sources_without_a_perspective_get_their_own_column_only_when_there_are_some(
    archive: Archive, story: Story
) -> None:
    exodus = compare_event(archive, story.exodus)
    assert exodus.columns[-1].head.name == NO_PERSPECTIVE
    assert exodus.columns[-1].head.key is None
    assert titles(exodus, NO_PERSPECTIVE) == ["Field notes, Kornidzor"]
    offensive = compare_event(archive, story.offensive)
    assert NO_PERSPECTIVE not in [column.head.name for column in offensive.columns]


def test_passages_stand_under_their_sources_perspective_in_reading_order(
    archive: Archive, story: Story
) -> None:
    wire = story.sources["wire.md"]
    archive.annotations.add_quote(wire, "Baku said it restored sovereignty", note="Baku's word")
    archive.annotations.add_quote(wire, "Officials in Stepanakert", note="Which officials?")
    comparison = compare_event(archive, story.offensive)
    [card] = comparison.column("International wire").cards
    assert [(p.quote, p.note) for p in card.passages] == [
        ("Officials in Stepanakert", "Which officials?"),
        ("Baku said it restored sovereignty", "Baku's word"),
    ]
    assert comparison.passage_count == 2


def test_a_passage_with_its_own_perspective_stands_under_it_too(
    archive: Archive, story: Story
) -> None:
    wire = story.sources["wire.md"]
    archive.annotations.add_quote(
        wire, "Baku said it restored sovereignty", perspectives=["Azerbaijani government"]
    )
    archive.annotations.add_quote(wire, "Officials in Stepanakert")
    comparison = compare_event(archive, story.offensive)
    assert quotes(comparison, "International wire") == [
        "Officials in Stepanakert",
        "Baku said it restored sovereignty",
    ]
    az_cards = comparison.column("Azerbaijani government").cards
    assert [(card.title, card.borrowed) for card in az_cards] == [
        ("Local anti-terror measures begin", False),
        ("Ceasefire after a day of fighting", True),
    ]
    assert [p.quote for p in az_cards[1].passages] == ["Baku said it restored sovereignty"]
    assert [p.name for p in az_cards[1].passages[0].perspectives] == ["Azerbaijani government"]
    assert comparison.column("Azerbaijani government").source_count == 2
    assert comparison.source_count == 3


def test_a_passage_with_events_of_its_own_belongs_to_those_events_only(
    archive: Archive, story: Story
) -> None:
    oped = story.sources["oped.md"]
    archive.annotations.add_quote(oped, "The blockade lasted nine months", events=[story.blockade])
    archive.annotations.add_quote(oped, "The exodus was watched")
    exodus = compare_event(archive, story.exodus)
    blockade = compare_event(archive, story.blockade)
    assert quotes(exodus, "Op-ed") == ["The exodus was watched"]
    # The unmarked passage speaks for the op-ed, which is about both events.
    assert quotes(blockade, "Op-ed") == [
        "The blockade lasted nine months",
        "The exodus was watched",
    ]


def test_a_passage_marked_with_the_event_brings_its_source_in(
    archive: Archive, story: Story
) -> None:
    exodus_story = story.sources["exodus.md"]
    archive.annotations.add_quote(exodus_story, "road to the Hakari bridge")
    archive.annotations.add_quote(exodus_story, "Cars queued for hours", events=[story.offensive])
    comparison = compare_event(archive, story.offensive)
    assert titles(comparison, "International wire") == [
        "Ceasefire after a day of fighting",
        "Thousands leave as the road opens",
    ]
    assert quotes(comparison, "International wire") == ["Cars queued for hours"]


def test_sub_events_are_included_unless_asked_not_to(archive: Archive, story: Story) -> None:
    archive.assignments.add_to_sources(
        [story.sources["notes.md"]], events=[story.conflict], perspectives=["Op-ed"]
    )
    whole = compare_event(archive, story.conflict)
    assert [event.name for event in whole.scope] == [
        "Nagorno-Karabakh conflict",
        "Blockade of the Lachin corridor",
        "September offensive",
        "Exodus",
    ]
    assert whole.source_count == 6
    assert titles(whole, "International wire") == [
        "Ceasefire after a day of fighting",
        "Thousands leave as the road opens",
    ]
    only_itself = compare_event(archive, story.conflict, sub_events=False)
    assert [event.name for event in only_itself.scope] == ["Nagorno-Karabakh conflict"]
    assert only_itself.source_count == 1
    assert titles(only_itself, "Op-ed") == ["Field notes, Kornidzor"]
    assert not only_itself.sub_events


def test_cards_sort_by_date_either_way_with_undated_last_or_by_title(
    archive: Archive, story: Story
) -> None:
    everything = [story.sources[name] for name in STORY]
    archive.assignments.add_to_sources(everything, events=[story.exodus], perspectives=["Op-ed"])
    oldest = titles(compare_event(archive, story.exodus, order="oldest"), "Op-ed")
    assert oldest == [
        "Local anti-terror measures begin",
        "Military aggression against Nagorno-Karabakh",
        "Ceasefire after a day of fighting",
        "Thousands leave as the road opens",
        "Two days that ended a republic",
        "Field notes, Kornidzor",
    ]
    newest = titles(compare_event(archive, story.exodus, order="newest"), "Op-ed")
    assert newest == [
        "Two days that ended a republic",
        "Thousands leave as the road opens",
        "Ceasefire after a day of fighting",
        "Military aggression against Nagorno-Karabakh",
        "Local anti-terror measures begin",
        "Field notes, Kornidzor",
    ]
    by_title = titles(compare_event(archive, story.exodus, order="title"), "Op-ed")
    assert by_title == sorted(by_title, key=str.casefold)


def test_region_annotations_are_passages_too(archive: Archive, story: Story) -> None:
    [photo] = add_sources(archive, ["Cars at the bridge"], kind="image")
    archive.assignments.add_to_sources([photo], events=[story.exodus])
    archive.annotations.add_region(photo, Region(0.1, 0.2, 0.3, 0.4), note="The bridge's piers")
    comparison = compare_event(archive, story.exodus)
    [passage] = [p for card in comparison.column(NO_PERSPECTIVE).cards for p in card.passages]
    assert (passage.target, passage.quote, passage.note) == ("region", "", "The bridge's piers")


def test_an_event_with_no_sources_has_empty_columns(archive: Archive, story: Story) -> None:
    battle, _ = archive.events.create("Battle of Shusha", start="2020-11")
    comparison = compare_event(archive, battle.id)
    assert comparison.source_count == 0
    assert all(not column.cards for column in comparison.columns)
    assert len(comparison.columns) == 4


def test_unknown_events_and_orders_are_clear_errors(archive: Archive, story: Story) -> None:
    with pytest.raises(NotFoundError):
        compare_event(archive, 999)
    with pytest.raises(InvalidInputError, match="oldest or newest"):
        compare_event(archive, story.offensive, order="random")  # type: ignore[arg-type]
