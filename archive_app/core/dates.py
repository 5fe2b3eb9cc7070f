"""Dates that may be only a year or a month: parse, validate, and turn into ranges.

Researchers know that a war began in "2020" or a blockade in "2022-12"; the archive keeps that
precision instead of inventing a day. Stored form: ``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD`` or a full
ISO 8601 date-time for published dates that carry one.
"""

from __future__ import annotations

import calendar
import locale
import re
from datetime import date, datetime

from archive_app.core.errors import InvalidInputError
from archive_app.core.messages import QT_TRANSLATE_NOOP, Message

_PARTIAL = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$")


def parse_partial_date(text: str) -> str:
    """Validate ``text`` as a year, a month or a day and return it in canonical form.

    Raises :class:`InvalidInputError` for anything else (``2023-13-40``, ``yesterday``).
    """
    value = text.strip()
    match = _PARTIAL.match(value)
    if not match:
        raise InvalidInputError(
            Message(
                QT_TRANSLATE_NOOP(
                    "core",
                    "'{text}' is not a date. Use a year (2020), a month (2020-09) or a day "
                    "(2020-09-27).",
                ),
                text=text,
            )
        )
    year, month, day = int(match.group(1)), match.group(2), match.group(3)
    if month is None:
        return f"{year:04d}"
    month_number = int(month)
    if not 1 <= month_number <= 12:
        raise InvalidInputError(
            Message(
                QT_TRANSLATE_NOOP(
                    "core",
                    "'{text}' is not a date: there is no month {month}.",
                ),
                text=text,
                month=str(month_number),
            )
        )
    if day is None:
        return f"{year:04d}-{month_number:02d}"
    day_number = int(day)
    last = calendar.monthrange(year, month_number)[1]
    if not 1 <= day_number <= last:
        raise InvalidInputError(
            Message(
                QT_TRANSLATE_NOOP(
                    "core",
                    "'{text}' is not a date: {month_name} {year} has {days} days.",
                ),
                text=text,
                month_name=calendar.month_name[month_number],
                year=str(year),
                days=str(last),
            )
        )
    return f"{year:04d}-{month_number:02d}-{day_number:02d}"


def normalize_published(text: str) -> str:
    """A published date from an importer, as a partial date or an ISO date-time; '' if unusable."""
    value = text.strip()
    if not value:
        return ""
    try:
        return parse_partial_date(value)
    except InvalidInputError:
        pass
    try:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return ""
    return moment.isoformat()


def date_range(value: str) -> tuple[date, date]:
    """The first and last day a partial date or date-time covers."""
    day_part = value[:10]
    canonical = parse_partial_date(day_part)
    parts = [int(p) for p in canonical.split("-")]
    if len(parts) == 1:
        return date(parts[0], 1, 1), date(parts[0], 12, 31)
    if len(parts) == 2:
        last = calendar.monthrange(parts[0], parts[1])[1]
        return date(parts[0], parts[1], 1), date(parts[0], parts[1], last)
    day = date(parts[0], parts[1], parts[2])
    return day, day


def readable_date(value: str) -> str:
    """A stored date as people read it, in the current ``LC_TIME`` locale (which the program
    sets from the environment at start-up): ``2020`` stays, ``2020-09`` is the month's name and
    the year, a day the locale's date, a moment the locale's date and time in local time.
    Where no locale is chosen (C/POSIX), day month-name year: ``19 Nov 2019``. Text that is
    not a stored date is given back as it is."""
    text = value.strip()
    match = _PARTIAL.match(text)
    try:
        if match and match.group(2) is None:
            return text
        if match and match.group(3) is None:
            return date(int(match.group(1)), int(match.group(2)), 1).strftime("%B %Y")
        moment = datetime.fromisoformat(text)
    except ValueError:
        return value
    day_format = "%x" if _locale_chosen() else "%d %b %Y"
    if match:
        return moment.strftime(day_format)
    if moment.tzinfo is not None:
        moment = moment.astimezone()
    return moment.strftime(f"{day_format} %H:%M")


def _locale_chosen() -> bool:
    name = locale.setlocale(locale.LC_TIME)  # asks, changes nothing
    return name.split(".")[0] not in ("C", "POSIX")
