"""The timeline: spans from partial dates, coverage by perspective, gaps, bins over time."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from archive_app.core.archive import Archive
from archive_app.core.compare import NO_PERSPECTIVE, compare_event
from archive_app.core.timeline import (
    Span,
    bin_start,
    build_timeline,
    count_by_bin,
    next_bin,
    unit_for,
)
from tests.helpers import Story, build_story


@pytest.fixture
def story(archive: Archive, import_texts: Callable[..., list[int]]) -> Story:
    return build_story(archive, import_texts)


def test_rows_follow_the_event_tree_with_spans_from_partial_dates(
    archive: Archive, story: Story
) -> None:
    timeline = build_timeline(archive)
    assert [(row.event.name, row.depth) for row in timeline.rows] == [
        ("Nagorno-Karabakh conflict", 0),
        ("Blockade of the Lachin corridor", 1),
        ("September offensive", 1),
        ("Exodus", 1),
    ]
    blockade = timeline.row(story.blockade)
    assert blockade.span == Span(date(2022, 12, 1), date(2023, 9, 30))
    assert timeline.row(story.exodus).span == Span(date(2023, 9, 24), date(2023, 10, 31))
    assert timeline.row(story.offensive).path == ("Nagorno-Karabakh conflict",)


def test_an_open_ended_event_runs_over_its_sub_events_and_sources(
    archive: Archive, story: Story
) -> None:
    span = build_timeline(archive).row(story.conflict).span
    assert span is not None
    assert (span.first, span.open_end, span.derived) == (date(1988, 1, 1), True, False)
    assert span.last == date(2023, 10, 31)  # the exodus's end; the latest source is 2023-10-10


def test_an_event_without_dates_spans_its_sub_events_or_is_listed_aside(
    archive: Archive, story: Story
) -> None:
    war, _ = archive.events.create("Second Karabakh War")
    archive.events.create("Battle of Shusha", parent=war.id, start="2020-11")
    archive.events.create("Talks in Yevlakh", parent=story.conflict)
    timeline = build_timeline(archive)
    war_row = timeline.row(war.id)
    assert war_row.span == Span(date(2020, 11, 1), date(2020, 11, 30), derived=True)
    assert [row.event.name for row in timeline.undated] == ["Talks in Yevlakh"]
    assert timeline.undated[0].path == ("Nagorno-Karabakh conflict",)
    assert (timeline.first, timeline.last) == (date(1988, 1, 1), date(2023, 10, 31))


def test_coverage_counts_sources_by_perspective_with_sub_events(
    archive: Archive, story: Story
) -> None:
    timeline = build_timeline(archive)
    names = {head.key: head.name for head in timeline.columns}
    assert list(names.values()) == [
        "Armenian government",
        "Azerbaijani government",
        "International wire",
        "Op-ed",
        NO_PERSPECTIVE,
    ]
    conflict = timeline.row(story.conflict)
    counts = {names[key]: cell.sources for key, cell in conflict.coverage.items()}
    assert counts == {
        "Azerbaijani government": 1,
        "Armenian government": 1,
        "International wire": 2,
        "Op-ed": 1,
        NO_PERSPECTIVE: 1,
    }
    assert conflict.source_count == 6
    exodus = timeline.row(story.exodus)
    assert [head.name for head in exodus.gaps(timeline.columns)] == [
        "Armenian government",
        "Azerbaijani government",
    ]


def test_coverage_agrees_with_the_compare_view_for_every_event(
    archive: Archive, story: Story
) -> None:
    wire = story.sources["wire.md"]
    archive.annotations.add_quote(
        wire, "Baku said it restored sovereignty", perspectives=["Azerbaijani government"]
    )
    archive.annotations.add_quote(
        story.sources["oped.md"], "The blockade lasted nine months", events=[story.blockade]
    )
    timeline = build_timeline(archive)
    for row in timeline.rows:
        comparison = compare_event(archive, row.event.id)
        for column in comparison.columns:
            cell = row.coverage_of(column.head.key)
            assert (cell.sources, cell.passages) == (column.source_count, column.passage_count)
    offensive = timeline.row(story.offensive)
    az = next(head for head in timeline.columns if head.name == "Azerbaijani government")
    assert offensive.coverage_of(az.key).sources == 2  # its own statement and the wire's quote


def test_marks_put_each_dated_source_on_the_axis_under_its_perspectives(
    archive: Archive, story: Story
) -> None:
    timeline = build_timeline(archive)
    exodus = timeline.row(story.exodus)
    assert [(mark.title, mark.day) for mark in exodus.marks] == [
        ("Thousands leave as the road opens", date(2023, 9, 25)),
        ("Two days that ended a republic", date(2023, 10, 10)),
    ]
    assert len(timeline.published) == 5  # the field notes have no date


def test_an_archive_without_events_has_an_empty_timeline(archive: Archive) -> None:
    timeline = build_timeline(archive)
    assert (timeline.rows, timeline.undated, timeline.published) == ((), (), ())
    assert timeline.first is None
    assert timeline.columns == ()


@pytest.mark.parametrize(
    ("unit", "day", "start", "following"),
    [
        ("day", date(2023, 9, 19), date(2023, 9, 19), date(2023, 9, 20)),
        ("week", date(2023, 9, 21), date(2023, 9, 18), date(2023, 9, 25)),
        ("month", date(2023, 12, 21), date(2023, 12, 1), date(2024, 1, 1)),
        ("quarter", date(2023, 11, 2), date(2023, 10, 1), date(2024, 1, 1)),
        ("year", date(2023, 11, 2), date(2023, 1, 1), date(2024, 1, 1)),
    ],
)
def test_bins(unit: str, day: date, start: date, following: date) -> None:
    assert bin_start(day, unit) == start  # type: ignore[arg-type]
    assert next_bin(start, unit) == following  # type: ignore[arg-type]


def test_sources_are_counted_per_bin_and_the_bin_suits_the_zoom(
    archive: Archive, story: Story
) -> None:
    timeline = build_timeline(archive)
    by_month = count_by_bin(timeline.published, "month")
    wire = next(head.key for head in timeline.columns if head.name == "International wire")
    assert by_month[wire] == {date(2023, 9, 1): 2}
    assert sum(sum(bins.values()) for bins in by_month.values()) == 5
    assert unit_for(pixels_per_day=20, minimum_pixels=6) == "day"
    assert unit_for(pixels_per_day=1, minimum_pixels=6) == "week"
    assert unit_for(pixels_per_day=0.001, minimum_pixels=6) == "year"
