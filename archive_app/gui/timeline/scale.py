"""The time axis: where a day falls at the current zoom, and which ticks to label.

A zoom is a number of pixels per day. Ticks come in two lines: the fine one (days, weeks,
months, quarters, years or decades, whichever leaves room for a label) and, above it, the
coarser context (the month of the days, the year of the months).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from PySide6.QtCore import QDate, QLocale

from archive_app.core.timeline import Unit, bin_start, next_bin

MIN_LABEL_PIXELS = 46
MAX_PIXELS_PER_DAY = 80.0


@dataclass(frozen=True)
class Tick:
    day: date
    label: str


@dataclass(frozen=True)
class Step:
    """A tick spacing: a unit of :mod:`archive_app.core.timeline` or several years."""

    unit: Unit
    years: int = 1

    @property
    def days(self) -> float:
        lengths = {"day": 1, "week": 7, "month": 30.4, "quarter": 91.3, "year": 365.2}
        return lengths[self.unit] * (self.years if self.unit == "year" else 1)

    def start(self, day: date) -> date:
        first = bin_start(day, self.unit)
        if self.unit == "year" and self.years > 1:
            return date(first.year - first.year % self.years, 1, 1)
        return first

    def following(self, day: date) -> date:
        if self.unit == "year" and self.years > 1:
            return date(day.year + self.years, 1, 1)
        return next_bin(day, self.unit)


STEPS = (
    Step("day"),
    Step("week"),
    Step("month"),
    Step("quarter"),
    Step("year"),
    Step("year", 2),
    Step("year", 5),
    Step("year", 10),
    Step("year", 25),
    Step("year", 50),
)


class TimeScale:
    """Days to pixels: ``x(day)`` is the left edge of ``day`` on the axis' full length."""

    def __init__(self, origin: date, pixels_per_day: float) -> None:
        self.origin = origin
        self.pixels_per_day = pixels_per_day

    def x(self, day: date) -> float:
        return (day - self.origin).days * self.pixels_per_day

    def day_at(self, x: float) -> date:
        return self.origin + timedelta(days=int(x // self.pixels_per_day))

    def minor_step(self) -> Step:
        for step in STEPS:
            if step.days * self.pixels_per_day >= MIN_LABEL_PIXELS:
                return step
        return STEPS[-1]

    def ticks(self, first: date, last: date) -> tuple[list[Tick], list[Tick]]:
        """The labelled ticks between two days: the fine line and the context line."""
        step = self.minor_step()
        minor = [Tick(day, _label(day, step)) for day in _days(step, first, last)]
        context = _context(step)
        major = (
            [Tick(day, _label(day, context, context=True)) for day in _days(context, first, last)]
            if context is not None
            else []
        )
        return minor, major


def _days(step: Step, first: date, last: date) -> list[date]:
    days = []
    day = step.start(first)
    while day <= last:
        days.append(day)
        day = step.following(day)
    return days


def _context(step: Step) -> Step | None:
    if step.unit in ("day", "week"):
        return Step("month")
    if step.unit in ("month", "quarter"):
        return Step("year")
    return None


def _label(day: date, step: Step, *, context: bool = False) -> str:
    """A tick's label: ``19``, ``18 Sep``, ``Sep``, ``Q3``, ``2023``; a context month reads
    ``September 2023``."""
    locale = QLocale()
    moment = QDate(day.year, day.month, day.day)
    if step.unit == "day":
        return str(day.day)
    if step.unit == "week":
        return locale.toString(moment, "d MMM")
    if step.unit == "month":
        return locale.toString(moment, "MMMM yyyy" if context else "MMM")
    if step.unit == "quarter":
        return f"Q{(day.month - 1) // 3 + 1}"
    return str(day.year)
