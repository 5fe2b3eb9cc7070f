"""Dates as pages write them (ISO 8601, RFC 2822, "2023/09/19"), in the archive's stored form:
``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD`` or an ISO date-time with its offset when the page gives one.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from email.utils import parsedate_to_datetime

_YEAR_OR_MONTH = re.compile(r"^(\d{4})(?:-(\d{2}))?$")
_SLASHED_DAY = re.compile(r"^(\d{4})[/.](\d{1,2})[/.](\d{1,2})$")
_COMPACT_DAY = re.compile(r"^(\d{4})(\d{2})(\d{2})$")
_DAY_FIRST = re.compile(r"^(\d{1,2})([./])(\d{1,2})[./](\d{4})$")
_EARLIEST_YEAR = 1800
_LATEST_YEAR = 2200


def normalize_date(text: str) -> str:
    """``text`` as a stored date; ``""`` when it is not a date this function can read for sure."""
    text = text.strip()
    if not text:
        return ""
    for reader in (_year_or_month, _day, _day_first, _date_time, _mail_date):
        value = reader(text)
        if value:
            return value
    return ""


def _year_or_month(text: str) -> str:
    match = _YEAR_OR_MONTH.match(text)
    if match is None or not _plausible_year(int(match.group(1))):
        return ""
    month = match.group(2)
    if month is None:
        return match.group(1)
    return text if 1 <= int(month) <= 12 else ""


def _day(text: str) -> str:
    match = _SLASHED_DAY.match(text) or _COMPACT_DAY.match(text)
    if match is None:
        return ""
    try:
        day = date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    except ValueError:
        return ""
    return day.isoformat() if _plausible_year(day.year) else ""


def _day_first(text: str) -> str:
    """ "19.09.2023" (day first, as in Azerbaijani, Russian and Turkish); "09/19/2023" only when
    the numbers leave no doubt which is the month."""
    match = _DAY_FIRST.match(text)
    if match is None:
        return ""
    first, separator, second, year = match.groups()
    day, month = int(first), int(second)
    if separator == "/" and not (day > 12 or month > 12):
        return ""
    if separator == "/" and month > 12:
        day, month = month, day
    try:
        found = date(int(year), month, day)
    except ValueError:
        return ""
    return found.isoformat() if _plausible_year(found.year) else ""


def _date_time(text: str) -> str:
    try:
        moment = datetime.fromisoformat(text.replace("Z", "+00:00").replace(" ", "T", 1))
    except ValueError:
        return ""
    return _stored(moment, has_time="T" in text or " " in text.strip())


def _mail_date(text: str) -> str:
    """ "Tue, 19 Sep 2023 10:45:00 GMT", as in ``Last-Modified`` and RSS."""
    try:
        moment = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return ""
    return _stored(moment, has_time=True)


def _stored(moment: datetime, *, has_time: bool) -> str:
    if not _plausible_year(moment.year):
        return ""
    if not has_time:
        return moment.date().isoformat()
    return moment.replace(microsecond=0).isoformat()


def _plausible_year(year: int) -> bool:
    return _EARLIEST_YEAR <= year <= _LATEST_YEAR
