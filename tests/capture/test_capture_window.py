"""Tried as a new user would: capture a page served locally from *File › Capture web page…*,
read it, search it, see its provenance and HTTP headers; drop a link from a browser."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, Qt, QUrl
from PySide6.QtWidgets import QApplication, QLabel, QTableWidget, QWidget
from pytestqt.qtbot import QtBot

from archive_app.core.archive import Archive
from archive_app.gui.capture_dialog import CaptureDialog, HeadersDialog
from archive_app.gui.import_report import ImportReportDialog
from archive_app.gui.main_window import MainWindow
from archive_app.gui.settings import AppSettings
from tests.capture.servers import Site, serve, trickle
from tests.fixtures import make_captures as captures
from tests.gui.window_helpers import Drag, click_title, window_factory

SHOTS = os.environ.get("ARCHIVE_APP_SHOTS", "")
"""A folder to save screenshots of what the test shows into (none when unset)."""


@pytest.fixture
def make_window(
    qtbot: QtBot, app_settings: AppSettings
) -> Iterator[Callable[[Archive], MainWindow]]:
    yield from window_factory(qtbot, app_settings)


def _report(qtbot: QtBot, window: MainWindow) -> ImportReportDialog:
    qtbot.waitUntil(lambda: window.import_report is not None, timeout=60_000)
    report = window.import_report
    assert report is not None
    return report


def _shot(widget: QWidget, name: str) -> None:
    if SHOTS:
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        widget.grab().save(str(Path(SHOTS) / name))


def test_capture_from_the_menu_then_read_search_and_see_provenance(
    qtbot: QtBot, archive: Archive, make_window: Callable[[Archive], MainWindow], news: Site
) -> None:
    window = make_window(archive)
    window.resize(1400, 900)
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.findChild(CaptureDialog) is not None)
    dialog = window.findChild(CaptureDialog)
    assert dialog is not None and not dialog.capture_button.isEnabled()
    url = news.base + "/opinion/lachin-corridor"
    qtbot.keyClicks(dialog.addresses, url)
    _shot(dialog, "capture-dialog.png")
    qtbot.mouseClick(dialog.capture_button, Qt.MouseButton.LeftButton)
    report = _report(qtbot, window)
    assert len(report.report.imported) == 1
    model = report.table.model()
    names = {model.index(row, 1).data() for row in range(model.rowCount())}
    assert url in names
    _shot(report, "capture-report.png")
    report.close()
    qtbot.waitUntil(lambda: window.source_list.model.rowCount() == archive.count_sources())
    click_title(qtbot, window, captures.HEADLINE)
    qtbot.waitUntil(window.inspector.capture.isVisible)
    facts = {
        label.accessibleName(): label.text()
        for label in window.inspector.capture.findChildren(QLabel)
        if label.accessibleName()
    }
    assert facts["By"] == "Live capture by this program"
    assert facts["Address"] == url
    assert facts["Status"] == "200"
    captured = window.reader.findChild(QLabel, "readerCaptured")
    assert captured is not None and captured.isVisible()
    assert captured.text().startswith("Captured ") and "HTTP headers" in captured.text()
    _shot(window, "capture-window.png")
    _shot(window.inspector.capture_section, "capture-inspector.png")
    qtbot.mouseClick(window.inspector.capture.headers_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.findChild(HeadersDialog) is not None)
    headers = window.findChild(HeadersDialog)
    assert headers is not None
    table = headers.findChild(QTableWidget, "httpHeaders")
    assert table is not None
    rows = {table.item(row, 0).text(): table.item(row, 1).text() for row in range(table.rowCount())}
    assert rows["Content-Type"] == "text/html; charset=utf-8"
    _shot(headers, "capture-headers.png")
    headers.close()
    assert archive.search("Khankendi kind:article").total == 1


def test_a_link_dropped_from_a_browser_is_captured(
    qtbot: QtBot, archive: Archive, make_window: Callable[[Archive], MainWindow], news: Site
) -> None:
    window = make_window(archive)
    mime = QMimeData()
    mime.setUrls([QUrl(news.base + "/opinion/lachin-corridor")])
    drag = Drag(window, mime)
    centre = QPoint(window.width() // 2, window.height() // 2)
    assert drag.enter(centre)
    assert drag.drop(centre)
    report = _report(qtbot, window)
    assert [o.title for o in report.report.imported] == [captures.HEADLINE]
    report.close()
    QApplication.processEvents()


@pytest.fixture
def slow_site() -> Iterator[Site]:
    """A page that takes a minute to arrive."""
    yield from serve(Site(routes={"/slow": trickle(b"<p>still coming</p>", 0.1, 600)}))


def test_a_slow_capture_can_be_cancelled_from_the_import_bar(
    qtbot: QtBot,
    archive: Archive,
    make_window: Callable[[Archive], MainWindow],
    slow_site: Site,
) -> None:
    window = make_window(archive)
    mime = QMimeData()
    mime.setText(slow_site.base + "/slow")
    drag = Drag(window, mime)
    centre = QPoint(window.width() // 2, window.height() // 2)
    assert drag.enter(centre) and drag.drop(centre)
    panel = window.import_panel
    qtbot.waitUntil(lambda: panel.isVisible() and slow_site.counts["/slow"] == 1)
    qtbot.mouseClick(panel.cancel_button, Qt.MouseButton.LeftButton)
    report = _report(qtbot, window)
    assert report.report.cancelled
    [failed] = report.report.failed
    assert "cancelled" in failed.error
    assert archive.count_sources() == 0
    report.close()
