"""The names the window gives the verification grades and place precisions that the core keeps
as plain English keys (``in progress``, ``B``, ``1 km``), in the person's language."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from archive_app.core.messages import QT_TRANSLATE_NOOP

STATUS_NAMES = {
    "unverified": QT_TRANSLATE_NOOP("grades", "Unverified"),
    "in progress": QT_TRANSLATE_NOOP("grades", "In progress"),
    "verified": QT_TRANSLATE_NOOP("grades", "Verified"),
    "disputed": QT_TRANSLATE_NOOP("grades", "Disputed"),
    "false": QT_TRANSLATE_NOOP("grades", "False"),
}
RELIABILITY_NAMES = {
    "A": QT_TRANSLATE_NOOP("grades", "completely reliable"),
    "B": QT_TRANSLATE_NOOP("grades", "usually reliable"),
    "C": QT_TRANSLATE_NOOP("grades", "fairly reliable"),
    "D": QT_TRANSLATE_NOOP("grades", "not usually reliable"),
    "E": QT_TRANSLATE_NOOP("grades", "unreliable"),
    "F": QT_TRANSLATE_NOOP("grades", "reliability cannot be judged"),
}
CREDIBILITY_NAMES = {
    "1": QT_TRANSLATE_NOOP("grades", "confirmed by other sources"),
    "2": QT_TRANSLATE_NOOP("grades", "probably true"),
    "3": QT_TRANSLATE_NOOP("grades", "possibly true"),
    "4": QT_TRANSLATE_NOOP("grades", "doubtful"),
    "5": QT_TRANSLATE_NOOP("grades", "improbable"),
    "6": QT_TRANSLATE_NOOP("grades", "truth cannot be judged"),
}
PRECISION_NAMES = {
    "exact": QT_TRANSLATE_NOOP("grades", "exact"),
    "100 m": QT_TRANSLATE_NOOP("grades", "100 m"),
    "1 km": QT_TRANSLATE_NOOP("grades", "1 km"),
    "town": QT_TRANSLATE_NOOP("grades", "town"),
    "region": QT_TRANSLATE_NOOP("grades", "region"),
}


def grade_name(names: dict[str, str], key: str) -> str:
    """The shown name of ``key`` among ``names`` (one of the dictionaries above); an unknown
    key is shown as it is."""
    return QCoreApplication.translate("grades", names[key]) if key in names else key
