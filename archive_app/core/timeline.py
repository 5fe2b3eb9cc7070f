"""The event tree on a time axis, with how many sources each perspective has for each event:
the data behind the timeline view, free of Qt.

- **Spans.** Partial dates cover their whole year or month: ``2020-11`` runs from the 1st to
  the 30th. An event with a start and no end is open-ended (ongoing, or its end is unknown):
  its span runs on over its sub-events and its sources; likewise backwards for an end without
  a start. An event without dates of its own spans its sub-events (``derived``); one with no
  dates anywhere beneath it is listed aside, in :attr:`Timeline.undated`.
- **Coverage.** Counted by the rules of :mod:`.compare` with sub-events included (as the
  sidebar counts), so a cell of the timeline and a column of the compare view agree.
- **Over time.** :attr:`Timeline.published` holds every dated source with its perspectives;
  :func:`count_by_bin` counts them per day, week, month, quarter or year.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import TYPE_CHECKING, Literal

from archive_app.core.compare import (
    UNLABELLED,
    ColumnHead,
    ColumnKey,
    LabelLinks,
    Placed,
    all_links,
    place,
    published_day,
)
from archive_app.core.dates import date_range
from archive_app.core.db import Database
from archive_app.core.events import Event, EventNode

if TYPE_CHECKING:
    from archive_app.core.archive import Archive

Unit = Literal["day", "week", "month", "quarter", "year"]
UNITS: tuple[Unit, ...] = ("day", "week", "month", "quarter", "year")
_UNIT_DAYS: dict[Unit, float] = {"day": 1, "week": 7, "month": 30.4, "quarter": 91.3, "year": 365.2}


@dataclass(frozen=True)
class Span:
    """The days an event covers, first and last included."""

    first: date
    last: date
    open_start: bool = False
    open_end: bool = False
    derived: bool = False

    @property
    def days(self) -> int:
        return (self.last - self.first).days + 1


@dataclass(frozen=True)
class Coverage:
    """How many sources (cards) and passages one perspective has for an event."""

    sources: int = 0
    passages: int = 0


NO_COVERAGE = Coverage()


@dataclass(frozen=True)
class Mark:
    """A dated source under one of its perspectives (a source with two counts in both)."""

    source_id: int
    title: str
    day: date
    column: ColumnKey


@dataclass(frozen=True)
class TimelineRow:
    """An event with its span and, sub-events included, its coverage by perspective and the
    marks of its dated sources."""

    event: Event
    depth: int
    span: Span | None
    coverage: Mapping[ColumnKey, Coverage] = field(default_factory=dict)
    marks: tuple[Mark, ...] = ()
    source_count: int = 0
    path: tuple[str, ...] = ()
    """The names of the events it is part of, outermost first."""

    def coverage_of(self, column: ColumnKey) -> Coverage:
        return self.coverage.get(column, NO_COVERAGE)

    def gaps(self, columns: Iterable[ColumnHead]) -> list[ColumnHead]:
        """The perspectives with no source for an event that others have sources for."""
        if not self.source_count:
            return []
        return [
            head
            for head in columns
            if head.key is not None and not self.coverage_of(head.key).sources
        ]


@dataclass(frozen=True)
class Timeline:
    columns: tuple[ColumnHead, ...]
    rows: tuple[TimelineRow, ...]
    """The events with a span, in tree order (parents before their sub-events)."""
    undated: tuple[TimelineRow, ...]
    published: tuple[Mark, ...]
    """Every source with a date of publication, under each of its perspectives."""

    @property
    def first(self) -> date | None:
        days = [row.span.first for row in self.rows if row.span] + [m.day for m in self.published]
        return min(days, default=None)

    @property
    def last(self) -> date | None:
        days = [row.span.last for row in self.rows if row.span] + [m.day for m in self.published]
        return max(days, default=None)

    def row(self, event_id: int) -> TimelineRow:
        for row in (*self.rows, *self.undated):
            if row.event.id == event_id:
                return row
        raise KeyError(event_id)


def build_timeline(archive: Archive) -> Timeline:
    """The whole archive's timeline (read in a few queries; meant for a background thread)."""
    database = archive.database
    tree = archive.events.tree()
    links = all_links(database)
    ancestors = _ancestors(tree)
    placed = place(links, lambda event_id: ancestors.get(event_id, ()))
    titles, days = _dated_sources(database)
    published = tuple(
        Mark(source_id, titles[source_id], day, column)
        for source_id, day in days.items()
        for column in sorted(links.home_columns(source_id), key=_column_order)
    )
    heads = [ColumnHead.of(perspective) for perspective in archive.perspectives.all()]
    if any(mark.column is None for mark in published) or any(
        None in columns for columns in placed.values()
    ):
        heads.append(UNLABELLED)
    builder = _RowBuilder(placed, links, titles, days)
    rows = [row for node in tree for row in builder.rows(node, 0, ())]
    return Timeline(
        columns=tuple(heads),
        rows=tuple(row for row in rows if row.span is not None),
        undated=tuple(row for row in rows if row.span is None),
        published=published,
    )


def own_span(event: Event) -> Span | None:
    """The span an event's own dates give (None without dates)."""
    if event.start and event.end:
        return Span(date_range(event.start)[0], date_range(event.end)[1])
    if event.start:
        first, last = date_range(event.start)
        return Span(first, last, open_end=True)
    if event.end:
        first, last = date_range(event.end)
        return Span(first, last, open_start=True)
    return None


def bin_start(day: date, unit: Unit) -> date:
    """The first day of the day, week (from Monday), month, quarter or year ``day`` is in."""
    if unit == "day":
        return day
    if unit == "week":
        return day - timedelta(days=day.weekday())
    if unit == "month":
        return day.replace(day=1)
    if unit == "quarter":
        return date(day.year, (day.month - 1) // 3 * 3 + 1, 1)
    return date(day.year, 1, 1)


def next_bin(start: date, unit: Unit) -> date:
    """The first day of the bin after the one starting at ``start``."""
    if unit == "day":
        return start + timedelta(days=1)
    if unit == "week":
        return start + timedelta(days=7)
    months = {"month": 1, "quarter": 3, "year": 12}[unit]
    index = start.year * 12 + start.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def count_by_bin(marks: Iterable[Mark], unit: Unit) -> dict[ColumnKey, dict[date, int]]:
    """How many marks of each column fall in each bin (keyed by the bin's first day)."""
    counts: dict[ColumnKey, dict[date, int]] = {}
    for mark in marks:
        bins = counts.setdefault(mark.column, {})
        start = bin_start(mark.day, unit)
        bins[start] = bins.get(start, 0) + 1
    return counts


def unit_for(pixels_per_day: float, minimum_pixels: float) -> Unit:
    """The finest bin that is at least ``minimum_pixels`` wide at this zoom."""
    for unit in UNITS:
        if _UNIT_DAYS[unit] * pixels_per_day >= minimum_pixels:
            return unit
    return "year"


class _RowBuilder:
    """Makes the rows of the event tree depth first, each span over its sub-events'."""

    def __init__(
        self,
        placed: Mapping[int, Placed],
        links: LabelLinks,
        titles: Mapping[int, str],
        days: Mapping[int, date],
    ) -> None:
        self.placed = placed
        self.links = links
        self.titles = titles
        self.days = days

    def rows(self, node: EventNode, depth: int, path: tuple[str, ...]) -> list[TimelineRow]:
        below = [
            row
            for child in node.children
            for row in self.rows(child, depth + 1, (*path, node.event.name))
        ]
        children = [row for row in below if row.depth == depth + 1]
        columns = self.placed.get(node.event.id, {})
        marks = self._marks(columns)
        row = TimelineRow(
            event=node.event,
            depth=depth,
            span=_span(own_span(node.event), children, marks),
            coverage={
                column: Coverage(len(cards), sum(len(ids) for ids in cards.values()))
                for column, cards in columns.items()
            },
            marks=marks,
            source_count=len({source for cards in columns.values() for source in cards}),
            path=path,
        )
        return [row, *below]

    def _marks(self, columns: Placed) -> tuple[Mark, ...]:
        marks = [
            Mark(source_id, self.titles[source_id], self.days[source_id], column)
            for column, cards in columns.items()
            for source_id in cards
            if source_id in self.days and column in self.links.home_columns(source_id)
        ]
        return tuple(sorted(marks, key=lambda m: (m.day, _column_order(m.column), m.source_id)))


def _span(own: Span | None, children: list[TimelineRow], marks: tuple[Mark, ...]) -> Span | None:
    spans = [child.span for child in children if child.span is not None]
    if own is None:
        if not spans:
            return None
        first = min(span.first for span in spans)
        last = max(span.last for span in spans)
        return Span(first, last, derived=True)
    first, last = own.first, own.last
    if own.open_end:
        last = max([last, *(span.last for span in spans), *(mark.day for mark in marks)])
    if own.open_start:
        first = min([first, *(span.first for span in spans), *(mark.day for mark in marks)])
    return Span(first, last, own.open_start, own.open_end)


def _ancestors(tree: list[EventNode]) -> dict[int, tuple[int, ...]]:
    """Each event with itself and the events it is part of."""
    found: dict[int, tuple[int, ...]] = {}
    pending: list[tuple[EventNode, tuple[int, ...]]] = [(node, ()) for node in tree]
    while pending:
        node, above = pending.pop()
        chain = (node.event.id, *above)
        found[node.event.id] = chain
        pending.extend((child, chain) for child in node.children)
    return found


def _dated_sources(database: Database) -> tuple[dict[int, str], dict[int, date]]:
    """The title of every source, and the day each dated one was published."""
    titles: dict[int, str] = {}
    days: dict[int, date] = {}
    for source_id, title, published in database.query("SELECT id, title, published FROM sources"):
        titles[int(source_id)] = str(title)
        day = published_day(str(published))
        if day is not None:
            days[int(source_id)] = day
    return titles, days


def _column_order(column: ColumnKey) -> float:
    """Perspectives by id, "No perspective" last."""
    return float("inf") if column is None else column
