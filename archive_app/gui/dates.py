"""Dates as people read and write them, in the locale: the archive's ``2023-09-25`` is shown as
"25 September 2023", and a date typed as "19 September 2023", "Sep 2023" or "19/09/2023" is
understood as well as ISO ``2023-09-19``. The archive keeps and checks the ISO form."""

from __future__ import annotations

import re

from PySide6.QtCore import QDate, QLocale

ISO_PARTIAL = re.compile(r"^\d{4}(-\d{1,2}(-\d{1,2})?)?$")
DAY_FORMATS = (
    "d MMMM yyyy",
    "d MMM yyyy",
    "MMMM d yyyy",
    "MMM d yyyy",
    "d.M.yyyy",
    "d/M/yyyy",
    "d-M-yyyy",
)
MONTH_FORMATS = ("MMMM yyyy", "MMM yyyy", "M/yyyy")


def format_published(value: str) -> str:
    """A stored date as a person reads it: ``2023-09-25`` → ``25 September 2023``; a year or a
    month stays a year or a month (an ISO date-time shows its day)."""
    parts = value[:10].split("-")
    try:
        numbers = [int(part) for part in parts]
    except ValueError:
        return value
    locale = QLocale()
    if len(numbers) == 3:
        return locale.toString(QDate(*numbers), "d MMMM yyyy")
    if len(numbers) == 2:
        return locale.toString(QDate(numbers[0], numbers[1], 1), "MMMM yyyy")
    return value


def typed_date(text: str) -> str:
    """A typed date in the archive's form (``2023-09-19``, ``2023-09``); ISO and anything
    not read as a date come back as typed, for the archive to accept or explain."""
    value = " ".join(text.replace(",", " ").split())
    if not value or ISO_PARTIAL.match(value):
        return value
    for locale in (QLocale(), QLocale.c()):
        short = _four_digit_years(locale.dateFormat(QLocale.FormatType.ShortFormat))
        for form in (short, *DAY_FORMATS):
            day = locale.toDate(value, form)
            if day.isValid():
                return day.toString("yyyy-MM-dd")
        for form in MONTH_FORMATS:
            month = locale.toDate(value, form)
            if month.isValid():
                return month.toString("yyyy-MM")
    return value


def _four_digit_years(form: str) -> str:
    """The locale's short date format with the year written in full (people type 2023)."""
    return re.sub(r"y+", "yyyy", form)
