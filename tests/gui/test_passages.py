"""Browsing what passages carry: a tag, event or perspective given only to annotated passages
lists the sources with those passages, and the reader opens on the passage."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from archive_app.core.archive import Archive
from archive_app.gui.main_window import MainWindow
from archive_app.gui.sidebar.delegate import COUNT_ROLE
from tests.gui.window_helpers import click_title, shown_titles, sidebar_entry

TEXTS = {
    "wire.md": "---\ntitle: Thousands leave as road opens\n---\nCars queued for hours. "
    "There are casualties among civilians, officials said. The bridge was closed at night.",
    "ministry.md": "---\ntitle: Statement on the measures\n---\nResidents are offered "
    "reintegration. Local anti-terror measures have ended.",
    "oped.md": "---\ntitle: Two days that ended a republic\n---\nThe exodus took a week.",
}
QUOTE = "There are casualties among civilians"


@pytest.fixture
def researched(archive: Archive, import_texts: Callable[..., list[int]]) -> dict[str, int]:
    wire, ministry, _oped = import_texts(TEXTS)
    offensive, _ = archive.events.create("September offensive", start="2023-09-19")
    strikes, _ = archive.events.create("Strikes on the city", parent=offensive.id)
    archive.perspectives.create("Baku")
    archive.annotations.add_quote(wire, QUOTE, note="No figures", tags=["casualties"])
    archive.annotations.add_quote(
        ministry, "Local anti-terror measures", events=[strikes.id], perspectives=["Baku"]
    )
    archive.assignments.add_to_sources([ministry], events=[offensive.id])
    return {"wire": wire, "ministry": ministry}


def click_entry(qtbot: QtBot, window: MainWindow, text: str) -> None:
    sidebar = window.sidebar
    rect = sidebar.visualRect(sidebar_entry(sidebar, text))
    qtbot.mouseClick(sidebar.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_a_tag_given_only_to_a_passage_lists_its_source_and_leads_to_the_passage(
    qtbot: QtBot, researched: dict[str, int], counted_window: MainWindow
) -> None:
    window = counted_window
    tag = sidebar_entry(window.sidebar, "casualties")
    assert tag.data(COUNT_ROLE) == 1
    assert "1 annotation" in tag.data(Qt.ItemDataRole.ToolTipRole)

    click_entry(qtbot, window, "casualties")
    qtbot.waitUntil(lambda: shown_titles(window) == ["Thousands leave as road opens"])
    click_title(qtbot, window, "Thousands leave as road opens")
    qtbot.waitUntil(lambda: window.reader.source_id == researched["wire"])
    cursor = window.reader.text_reader.view.textCursor()
    assert cursor.selectedText() == QUOTE


def test_events_and_perspectives_count_and_list_the_sources_their_passages_are_in(
    qtbot: QtBot, researched: dict[str, int], counted_window: MainWindow
) -> None:
    window = counted_window
    assert sidebar_entry(window.sidebar, "Baku").data(COUNT_ROLE) == 1
    assert sidebar_entry(window.sidebar, "Strikes on the city").data(COUNT_ROLE) == 1
    offensive = sidebar_entry(window.sidebar, "September offensive")
    assert offensive.data(COUNT_ROLE) == 1, "a source counts once, however it is labelled"

    click_entry(qtbot, window, "Baku")
    qtbot.waitUntil(lambda: shown_titles(window) == ["Statement on the measures"])
    click_title(qtbot, window, "Statement on the measures")
    qtbot.waitUntil(lambda: window.reader.source_id == researched["ministry"])
    cursor = window.reader.text_reader.view.textCursor()
    assert cursor.selectedText() == "Local anti-terror measures"
