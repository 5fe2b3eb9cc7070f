"""Where everything of the timeline sits on screen, and what lies under a point.

From left to right: the event names (indented by depth), the coverage grid (one cell per
perspective: how many sources it has for the event), and the time axis, which alone scrolls
sideways. From top to bottom: the tick labels and one strip per perspective with the sources
published over time (both stay put), then a row per dated event and, under a heading, the
events without dates.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from math import inf
from typing import Literal

from PySide6.QtCore import QPoint, QRect, QRectF, QSize

from archive_app.core.compare import ColumnHead
from archive_app.core.timeline import Mark, Timeline, TimelineRow
from archive_app.gui.timeline.scale import TimeScale

ROW = 30
CELL = 26
AXIS = 42
STRIP = 15
PAD_DAYS_SHARE = 0.03
MARK = 8

HitKind = Literal["none", "row", "cell", "mark", "strip", "axis", "column"]


@dataclass(frozen=True)
class Entry:
    """A line of the timeline: an event's row, or the heading over the undated events."""

    row: TimelineRow | None
    undated: bool = False


@dataclass(frozen=True)
class Hit:
    kind: HitKind
    entry: int = -1
    column: ColumnHead | None = None
    mark: Mark | None = None
    day: date | None = None


def entries_of(timeline: Timeline) -> list[Entry]:
    entries = [Entry(row) for row in timeline.rows]
    if timeline.undated:
        entries.append(Entry(None, undated=True))
        entries.extend(Entry(row, undated=True) for row in timeline.undated)
    return entries


def axis_range(timeline: Timeline) -> tuple[date, date]:
    """The days the axis covers: every span and publication, with a little room around."""
    first, last = timeline.first, timeline.last
    if first is None or last is None:
        today = date.today()
        return date(today.year, 1, 1), date(today.year, 12, 31)
    room = timedelta(days=max(3, int((last - first).days * PAD_DAYS_SHARE)))
    return first - room, last + room


@dataclass(frozen=True)
class Geometry:
    """The layout for one viewport size, zoom and scroll position (viewport coordinates)."""

    timeline: Timeline
    entries: list[Entry]
    gutter: int
    viewport: QSize
    scale: TimeScale
    last_day: date
    scroll_x: int = 0
    scroll_y: int = 0

    @property
    def columns(self) -> tuple[ColumnHead, ...]:
        return self.timeline.columns

    @property
    def grid_left(self) -> int:
        return self.gutter

    @property
    def grid_width(self) -> int:
        return len(self.columns) * CELL + 14

    @property
    def axis_left(self) -> int:
        return self.gutter + self.grid_width

    @property
    def axis_width(self) -> int:
        return max(1, self.viewport.width() - self.axis_left)

    @property
    def header_height(self) -> int:
        return AXIS + len(self.columns) * STRIP + (10 if self.columns else 0)

    @property
    def content_width(self) -> int:
        """The axis' full length at this zoom."""
        return round(self.scale.x(self.last_day + timedelta(days=1)))

    @property
    def content_height(self) -> int:
        return len(self.entries) * ROW + 8

    def x(self, day: date) -> float:
        return self.axis_left + self.scale.x(day) - self.scroll_x

    def row_top(self, entry: int) -> int:
        return self.header_height + entry * ROW - self.scroll_y

    def row_rect(self, entry: int) -> QRect:
        return QRect(0, self.row_top(entry), self.viewport.width(), ROW)

    def cell_rect(self, entry: int, column: int) -> QRect:
        left = self.grid_left + 6 + column * CELL
        return QRect(left + 3, self.row_top(entry) + (ROW - 20) // 2, CELL - 6, 20)

    def strip_rect(self, column: int) -> QRect:
        return QRect(self.axis_left, AXIS + 4 + column * STRIP, self.axis_width, STRIP - 3)

    def bar_rect(self, entry: int) -> QRectF | None:
        row = self.entries[entry].row
        if row is None or row.span is None:
            return None
        left = self.x(row.span.first)
        right = self.x(row.span.last + timedelta(days=1))
        if right - left < 4:
            middle = (left + right) / 2
            left, right = middle - 2, middle + 2
        return QRectF(left, self.row_top(entry) + 6, right - left, 9)

    def mark_positions(
        self, entry: int, left: float = -inf, right: float = inf
    ) -> list[tuple[QRectF, Mark]]:
        """Each dated source of a row as a dot; dots on one day stack sideways. Only the dots
        that reach into ``left``..``right`` (viewport x): a row can have thousands."""
        row = self.entries[entry].row
        if row is None:
            return []
        placed: list[tuple[QRectF, Mark]] = []
        taken: dict[int, int] = {}
        top = self.row_top(entry) + 18
        scale, axis_left, scroll_x = self.scale, self.axis_left, self.scroll_x
        half_day = scale.pixels_per_day / 2
        for mark in row.marks:
            centre = axis_left + scale.x(mark.day) - scroll_x + half_day  # self.x(day) + half
            key = round(centre / MARK)
            shift = taken.get(key, 0)
            taken[key] = shift + 1
            x = centre - MARK / 2 + shift * (MARK - 1)
            if left <= x + MARK and x <= right:
                placed.append((QRectF(x, top, MARK, MARK), mark))
        return placed

    def entry_at(self, y: int) -> int:
        if y < self.header_height:
            return -1
        entry = (y - self.header_height + self.scroll_y) // ROW
        return entry if 0 <= entry < len(self.entries) else -1

    def hit(self, point: QPoint) -> Hit:
        """What lies under a point of the viewport."""
        if point.y() < self.header_height:
            return self._header_hit(point)
        entry = self.entry_at(point.y())
        if entry < 0 or self.entries[entry].row is None:
            return Hit("none")
        if self.grid_left <= point.x() < self.axis_left:
            for column, head in enumerate(self.columns):
                if self.cell_rect(entry, column).adjusted(-3, -5, 3, 5).contains(point):
                    return Hit("cell", entry, head)
        if point.x() >= self.axis_left:
            for rect, mark in self.mark_positions(entry, point.x() - 2, point.x() + 2):
                if rect.adjusted(-2, -2, 2, 2).contains(point.toPointF()):
                    return Hit("mark", entry, mark=mark)
        return Hit("row", entry)

    def _header_hit(self, point: QPoint) -> Hit:
        if self.grid_left <= point.x() < self.axis_left:
            for column, head in enumerate(self.columns):
                left = self.grid_left + 6 + column * CELL
                if left <= point.x() < left + CELL:
                    return Hit("column", column=head)
            return Hit("none")
        if point.x() < self.axis_left:
            return Hit("none")
        day = self.scale.day_at(point.x() - self.axis_left + self.scroll_x)
        for column, head in enumerate(self.columns):
            if self.strip_rect(column).contains(point):
                return Hit("strip", column=head, day=day)
        return Hit("axis", day=day)
