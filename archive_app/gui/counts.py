"""Counted nouns in the window's language ("1 source", "3 sources"; Russian has three plural
forms, which the catalogue's ``%n`` entries carry). The core's ``counted`` is English, for the
command line."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def sources_count(count: int) -> str:
    if count == 1:
        return QCoreApplication.translate("counts", "1 source")
    return QCoreApplication.translate("counts", "%Ln sources", "", count)


def passages_count(count: int) -> str:
    if count == 1:
        return QCoreApplication.translate("counts", "1 passage")
    return QCoreApplication.translate("counts", "%Ln passages", "", count)


def sub_events_count(count: int) -> str:
    if count == 1:
        return QCoreApplication.translate("counts", "1 sub-event")
    return QCoreApplication.translate("counts", "%Ln sub-events", "", count)


def annotations_count(count: int) -> str:
    if count == 1:
        return QCoreApplication.translate("counts", "1 annotation")
    return QCoreApplication.translate("counts", "%Ln annotations", "", count)
