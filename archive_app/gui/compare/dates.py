"""Event dates as a person reads them: ``19–20 September 2023``, ``December 2022 – September
2023``, ``since 1988``. Shared by the compare view and the timeline."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QDate, QLocale


def long_date(value: str) -> str:
    """A partial date in words: ``2023-09-19`` → ``19 September 2023``; ``2022-12`` →
    ``December 2022``; ``1988`` stays."""
    numbers = _numbers(value)
    locale = QLocale()
    if len(numbers) == 3:
        return locale.toString(QDate(*numbers), "d MMMM yyyy")
    if len(numbers) == 2:
        return locale.toString(QDate(numbers[0], numbers[1], 1), "MMMM yyyy")
    return value[:4]


def event_dates(start: str, end: str) -> str:
    """An event's dates, shortened where the start and end share a month or a year."""
    if not start and not end:
        return ""
    if not end:
        return QCoreApplication.translate("dates", "since {date}").format(date=long_date(start))
    if not start:
        return QCoreApplication.translate("dates", "until {date}").format(date=long_date(end))
    if start == end:
        return long_date(start)
    first, last = _numbers(start), _numbers(end)
    if len(first) == 3 and len(last) == 3 and first[:2] == last[:2]:
        return f"{first[2]}–{long_date(end)}"
    if len(first) == 3 and len(last) == 3 and first[0] == last[0]:
        month_day = QLocale().toString(QDate(*first), "d MMMM")
        return f"{month_day} – {long_date(end)}"
    return f"{long_date(start)} – {long_date(end)}"


def _numbers(value: str) -> list[int]:
    try:
        return [int(part) for part in value[:10].split("-") if part]
    except ValueError:
        return []
