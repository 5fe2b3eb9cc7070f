"""Driving the main window as a person would, for the tests of research in the window: open it,
click a row, pick from a context menu, drag onto the sidebar, press Ctrl+Z."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QModelIndex, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import (
    QContextMenuEvent,
    QDragEnterEvent,
    QDragLeaveEvent,
    QDragMoveEvent,
    QDropEvent,
    QKeySequence,
    QTextCursor,
)
from PySide6.QtWidgets import (
    QApplication,
    QLineEdit,
    QMenu,
    QToolBar,
    QToolButton,
    QWidget,
)
from pytestqt.qtbot import QtBot

from archive_app.core.archive import Archive
from archive_app.core.import_report import ImportReport
from archive_app.gui.main_window import MainWindow
from archive_app.gui.reader import ReaderPane
from archive_app.gui.settings import AppSettings
from archive_app.gui.sidebar.view import Sidebar
from archive_app.gui.sources.model import TITLE_COLUMN

# Popup menus on the offscreen platform (tests run without a display) say these when shown.
POPUP_NOISE = pytest.mark.qt_log_ignore(
    "This plugin does not support raise", "This plugin does not support grabbing"
)


def window_factory(
    qtbot: QtBot, app_settings: AppSettings
) -> Iterator[Callable[[Archive], MainWindow]]:
    """Open main windows on archives; each is shown, active and has listed its sources."""
    windows: list[MainWindow] = []

    def make(archive: Archive) -> MainWindow:
        window = MainWindow(archive, app_settings)
        qtbot.addWidget(window)
        window.show()
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow)
        qtbot.waitUntil(lambda: window.source_list.model.rowCount() == archive.count_sources())
        windows.append(window)
        return window

    yield make
    for window in windows:
        window.close()


def type_search(qtbot: QtBot, window: MainWindow, text: str) -> None:
    """Type a query into the empty search field and wait for its hits."""
    field = window.findChild(QLineEdit, "searchField")
    assert field is not None
    field.clear()
    with qtbot.waitSignal(window.search_bar.hitsFound, timeout=10_000):
        qtbot.keyClicks(field, text)


def drop(window: MainWindow, paths: list[Path]) -> None:
    """Drag files from a file manager and drop them on the window."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path)) for path in paths])
    point = QPointF(window.width() / 2, window.height() / 2)
    action = Qt.DropAction.CopyAction
    buttons, modifiers = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(point, action, mime, buttons, modifiers)
    QApplication.sendEvent(window, enter)
    assert enter.isAccepted()
    QApplication.sendEvent(window, QDropEvent(point, action, mime, buttons, modifiers))


def import_by_drop(qtbot: QtBot, window: MainWindow, paths: list[Path]) -> ImportReport:
    with qtbot.waitSignal(window.import_panel.finished, timeout=60_000) as finished:
        drop(window, paths)
        assert window.import_panel.progress.isVisible()
    qtbot.waitUntil(lambda: window.import_report is not None and window.import_report.isVisible())
    report: ImportReport = finished.args[0]
    return report


def shown_titles(window: MainWindow) -> list[str]:
    """The titles in the source list, top to bottom."""
    model = window.source_list.model
    return [str(model.index(row, TITLE_COLUMN).data()) for row in range(model.rowCount())]


def marked_texts(pane: ReaderPane, layer: str = "search") -> list[str]:
    """The texts marked in the reader's text view (search matches by default)."""
    view = pane.text_reader.view
    cursor = QTextCursor(view.document())
    texts = []
    for start, end in view.marks(layer):
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        texts.append(cursor.selectedText())
    return texts


def row_of_title(window: MainWindow, title: str) -> int:
    model = window.source_list.model
    for row in range(model.rowCount()):
        if model.index(row, TITLE_COLUMN).data() == title:
            return row
    raise AssertionError(f"no row {title!r}")


def click_title(
    qtbot: QtBot,
    window: MainWindow,
    title: str,
    modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier,
    button: Qt.MouseButton = Qt.MouseButton.LeftButton,
) -> int:
    """Click a row of the table (Ctrl for one more); the source's id."""
    table = window.source_list.table
    row = row_of_title(window, title)
    rect = table.visualRect(window.source_list.model.index(row, TITLE_COLUMN))
    qtbot.mouseClick(table.viewport(), button, modifier, rect.center())
    return window.source_list.model.source_id(row)


def sidebar_entry(sidebar: Sidebar, text: str) -> QModelIndex:
    model = sidebar.summary_model
    found = model.match(
        model.index(0, 0), Qt.ItemDataRole.DisplayRole, text, 1, Qt.MatchFlag.MatchRecursive
    )
    assert found, f"no sidebar entry {text!r}"
    sidebar.scrollTo(found[0])
    return found[0]


def click_sidebar_event(qtbot: QtBot, window: MainWindow, event_id: int) -> None:
    """Click an event in the sidebar (once the sidebar lists it)."""
    sidebar = window.sidebar
    qtbot.waitUntil(lambda: sidebar.summary_model.index_of(("event", event_id)).isValid())
    rect = sidebar.visualRect(sidebar.summary_model.index_of(("event", event_id)))
    qtbot.mouseClick(sidebar.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def click_action(qtbot: QtBot, window: MainWindow, name: str) -> None:
    """Click the toolbar button of a window command."""
    toolbar = window.findChild(QToolBar, "mainToolbar")
    assert toolbar is not None
    button = toolbar.widgetForAction(getattr(window.commands, name))
    assert isinstance(button, QToolButton)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def counted(qtbot: QtBot, sidebar: Sidebar) -> None:
    """Wait for the sidebar to count again."""
    with qtbot.waitSignal(sidebar.summaryShown, timeout=10_000):
        sidebar.refresh()


class Drag:
    """A drag in progress over a widget: enter, move, then drop or leave, as Qt delivers them."""

    def __init__(self, target: QWidget, mime: QMimeData) -> None:
        self.target = target
        self.mime = mime
        self.accepted = False

    def _send(self, event_type: type, point: QPoint) -> QDropEvent:
        event = event_type(
            QPointF(point),
            Qt.DropAction.CopyAction | Qt.DropAction.MoveAction,
            self.mime,
            Qt.MouseButton.LeftButton,
            Qt.KeyboardModifier.NoModifier,
        )
        QApplication.sendEvent(self.target, event)
        return event

    def enter(self, point: QPoint) -> bool:
        self.accepted = self._send(QDragEnterEvent, point).isAccepted()
        return self.accepted

    def move(self, point: QPoint) -> bool:
        self.accepted = self._send(QDragMoveEvent, point).isAccepted()
        return self.accepted

    def drop(self, point: QPoint) -> bool:
        return self._send(QDropEvent, point).isAccepted()

    def leave(self) -> None:
        QApplication.sendEvent(self.target, QDragLeaveEvent())


def open_menu_at(qtbot: QtBot, widget: QWidget, point: QPoint) -> QMenu:
    """Right-click ``widget`` at ``point``; the context menu that opens. (The window system
    turns a right click into a context-menu event; QTest's clicks skip it, so it is sent
    here between the press and the release, as X11 does.)"""
    qtbot.mousePress(widget, Qt.MouseButton.RightButton, pos=point)
    menu_event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, point, widget.mapToGlobal(point))
    QApplication.sendEvent(widget, menu_event)
    qtbot.mouseRelease(widget, Qt.MouseButton.RightButton, pos=point)
    qtbot.waitUntil(lambda: isinstance(QApplication.activePopupWidget(), QMenu))
    menu = QApplication.activePopupWidget()
    assert isinstance(menu, QMenu)
    return menu


def choose(qtbot: QtBot, menu: QMenu, *path: str) -> None:
    """Click through a menu: each text but the last opens a submenu; the last is clicked.
    Texts are compared without their & mnemonics, from the start."""
    current = menu
    for depth, text in enumerate(path):
        action = next(
            (a for a in current.actions() if a.text().replace("&", "").startswith(text)), None
        )
        assert action is not None, f"no {text!r} in {[a.text() for a in current.actions()]}"
        assert action.isEnabled(), f"{text!r} is disabled"
        center = current.actionGeometry(action).center()
        if depth < len(path) - 1:
            submenu = action.menu()
            assert isinstance(submenu, QMenu)
            qtbot.mouseClick(current, Qt.MouseButton.LeftButton, pos=center)
            qtbot.waitUntil(submenu.isVisible)
            current = submenu
        else:
            qtbot.mouseClick(current, Qt.MouseButton.LeftButton, pos=center)
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is None)


def press(qtbot: QtBot, widget: QWidget, keys: str) -> None:
    """Press a key combination (``"Ctrl+Z"``) with the focus in ``widget``."""
    activate(qtbot, widget.window())
    sequence = QKeySequence(keys)
    combination = sequence[0]
    widget.setFocus()
    qtbot.keyClick(widget, combination.key(), combination.keyboardModifiers())


def activate(qtbot: QtBot, window: QWidget) -> None:
    """Make sure ``window`` is the active window. A desktop gives a window its activation
    back when a menu closes; the offscreen platform can leave the hidden menu active (it
    activates popups late), and then the window's shortcuts would not work."""
    if not window.isActiveWindow():
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow)


def undo(qtbot: QtBot, window: MainWindow) -> None:
    """Ctrl+Z in the window."""
    press(qtbot, window.source_list.item_view(), "Ctrl+Z")


def redo(qtbot: QtBot, window: MainWindow) -> None:
    """Ctrl+Shift+Z in the window."""
    press(qtbot, window.source_list.item_view(), "Ctrl+Shift+Z")
