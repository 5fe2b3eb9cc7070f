"""The timeline, driven as a person would: open it, read the coverage, hover, click an event to
list its sources, zoom, and move with the keyboard."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QApplication, QToolButton, QToolTip
from pytestqt.qtbot import QtBot

from archive_app.core.archive import Archive
from archive_app.core.listing import View
from archive_app.gui.main_window import MainWindow
from archive_app.gui.sources.model import TITLE_COLUMN
from archive_app.gui.timeline import TimelineView
from archive_app.gui.timeline.canvas import TimelineCanvas
from tests.gui.window_helpers import click_action, click_sidebar_event
from tests.helpers import Story


@pytest.fixture
def window(
    archive: Archive, story: Story, make_window: Callable[[Archive], MainWindow]
) -> MainWindow:
    return make_window(archive)


def open_timeline(qtbot: QtBot, window: MainWindow) -> TimelineView:
    view = window.findChild(TimelineView, "timelineView")
    assert view is not None
    with qtbot.waitSignal(view.loaded, timeout=10_000):
        click_action(qtbot, window, "timeline")
    assert view.isVisible()
    return view


def listed_titles(window: MainWindow) -> list[str]:
    model = window.source_list.model
    return sorted(str(model.index(row, TITLE_COLUMN).data()) for row in range(model.rowCount()))


# The offscreen platform says this when a tooltip window comes up.
shows_tooltips = pytest.mark.qt_log_ignore("This plugin does not support raise")


def tooltip_at(canvas: TimelineCanvas, point: QPoint) -> str:
    """Rest the pointer on a point and read the tooltip that comes up."""
    viewport = canvas.viewport()
    QApplication.sendEvent(
        viewport, QHelpEvent(QEvent.Type.ToolTip, point, viewport.mapToGlobal(point))
    )
    return QToolTip.text() if QToolTip.isVisible() else ""


def cell_point(canvas: TimelineCanvas, event_id: int, perspective: str) -> QPoint:
    """The middle of an event's coverage cell for a perspective."""
    geometry = canvas.geometry_now()
    column = [head.name for head in geometry.columns].index(perspective)
    entry = next(
        i for i, item in enumerate(geometry.entries) if item.row and item.row.event.id == event_id
    )
    return geometry.cell_rect(entry, column).center()


def test_clicking_an_event_lists_its_sources(
    qtbot: QtBot, window: MainWindow, story: Story
) -> None:
    view = open_timeline(qtbot, window)
    rect = view.canvas.row_rect(story.exodus)
    assert rect.isValid()
    with qtbot.waitSignal(view.eventChosen) as chosen:
        qtbot.mouseClick(view.canvas.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert chosen.args == [story.exodus]
    qtbot.waitUntil(
        lambda: (
            listed_titles(window)
            == [
                "Field notes, Kornidzor",
                "Thousands leave as the road opens",
                "Two days that ended a republic",
            ]
        )
    )
    assert window.sidebar.chosen_key() == ("event", story.exodus)
    assert window.source_list.view == View("event", story.exodus)
    assert view.canvas.current_event_id == story.exodus


def test_a_click_on_the_bar_of_a_parent_lists_its_sub_events_sources_too(
    qtbot: QtBot, window: MainWindow, story: Story, archive: Archive
) -> None:
    view = open_timeline(qtbot, window)
    view.canvas.zoom_to_event(story.offensive)
    bar = view.canvas.bar_rect(story.offensive)
    assert bar.isValid()
    qtbot.mouseClick(view.canvas.viewport(), Qt.MouseButton.LeftButton, pos=bar.center())
    qtbot.waitUntil(lambda: len(listed_titles(window)) == 3)
    conflict = view.canvas.row_rect(story.conflict)
    qtbot.mouseClick(view.canvas.viewport(), Qt.MouseButton.LeftButton, pos=conflict.center())
    qtbot.waitUntil(lambda: len(listed_titles(window)) == archive.count_sources())


@shows_tooltips
def test_coverage_cells_and_their_tooltips_show_the_gaps(
    qtbot: QtBot, window: MainWindow, story: Story
) -> None:
    view = open_timeline(qtbot, window)
    canvas = view.canvas
    row = view.timeline.row(story.exodus)
    assert [head.name for head in row.gaps(view.timeline.columns)] == [
        "Armenian government",
        "Azerbaijani government",
    ]
    gap = tooltip_at(canvas, cell_point(canvas, story.exodus, "Armenian government"))
    assert "no source yet — a gap in coverage" in gap
    wire = tooltip_at(canvas, cell_point(canvas, story.offensive, "International wire"))
    assert "1 source, 2 passages" in wire
    about = tooltip_at(canvas, canvas.row_rect(story.offensive).center())
    assert "September offensive" in about
    assert "19–20 September 2023" in about
    assert "3 sources, sub-events included" in about


def test_zooming_in_and_out_and_back_to_the_whole_axis(
    qtbot: QtBot, window: MainWindow, story: Story
) -> None:
    view = open_timeline(qtbot, window)
    canvas = view.canvas
    whole = canvas.pixels_per_day
    zoom_in = view.findChild(QToolButton, "timeline-zoom-in")
    fit = view.findChild(QToolButton, "timeline-zoom-fit")
    assert zoom_in is not None and fit is not None
    qtbot.mouseClick(zoom_in, Qt.MouseButton.LeftButton)
    assert canvas.pixels_per_day == pytest.approx(whole * 1.5)
    assert canvas.horizontalScrollBar().maximum() > 0
    canvas.setFocus()
    qtbot.keyClick(canvas, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    assert canvas.pixels_per_day == pytest.approx(whole * 2.25)
    qtbot.mouseDClick(
        canvas.viewport(), Qt.MouseButton.LeftButton, pos=canvas.row_rect(story.offensive).center()
    )
    assert canvas.pixels_per_day > whole * 100  # two days fill the view
    qtbot.mouseClick(fit, Qt.MouseButton.LeftButton)
    assert canvas.pixels_per_day == pytest.approx(whole)
    assert canvas.horizontalScrollBar().maximum() == 0


def test_the_keyboard_moves_between_events_and_enter_lists_one(
    qtbot: QtBot, window: MainWindow, story: Story
) -> None:
    view = open_timeline(qtbot, window)
    canvas = view.canvas
    canvas.setFocus()
    qtbot.keyClick(canvas, Qt.Key.Key_Home)
    assert canvas.current_event_id == story.conflict
    qtbot.keyClick(canvas, Qt.Key.Key_Down)
    qtbot.keyClick(canvas, Qt.Key.Key_Down)
    assert canvas.current_event_id == story.offensive
    with qtbot.waitSignal(view.eventChosen) as chosen:
        qtbot.keyClick(canvas, Qt.Key.Key_Return)
    assert chosen.args == [story.offensive]


@shows_tooltips
def test_events_without_dates_are_listed_aside(
    qtbot: QtBot, window: MainWindow, story: Story, archive: Archive
) -> None:
    talks, _ = archive.events.create("Talks in Yevlakh", parent=story.conflict)
    view = open_timeline(qtbot, window)
    assert [row.event.name for row in view.timeline.undated] == ["Talks in Yevlakh"]
    below = view.canvas.row_rect(talks.id)
    last_dated = view.canvas.row_rect(story.exodus)
    assert below.top() > last_dated.bottom() + 20  # under the "Without dates" heading
    assert "No sources yet" in tooltip_at(view.canvas, below.center())


def test_changes_show_at_once_and_closing_the_dock_unchecks_its_command(
    qtbot: QtBot, window: MainWindow, story: Story, archive: Archive
) -> None:
    view = open_timeline(qtbot, window)
    with qtbot.waitSignal(view.loaded, timeout=10_000):
        window.edits.create(lambda: archive.events.create("Ceasefire talks", start="2023-09-21"))
    assert view.timeline.rows[-1].event.name == "Ceasefire talks"
    assert window.commands.timeline.isChecked()
    window.timeline_dock.close()
    assert not window.commands.timeline.isChecked()
    assert not view.isVisible()


def test_an_archive_without_events_says_what_to_do(
    qtbot: QtBot, window_without_events: MainWindow
) -> None:
    window = window_without_events
    view = open_timeline(qtbot, window)
    assert view.timeline.rows == ()
    assert view.canvas.row_rect(1).isNull()
    window.close()


def test_an_event_chosen_in_the_sidebar_is_marked_on_the_timeline(
    qtbot: QtBot, window: MainWindow, story: Story
) -> None:
    view = open_timeline(qtbot, window)
    click_sidebar_event(qtbot, window, story.blockade)
    qtbot.waitUntil(lambda: view.canvas.current_event_id == story.blockade)
