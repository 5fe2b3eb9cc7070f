"""Opening an archive whose index must be rebuilt (after an upgrade, or damage) happens off
the GUI thread, with a progress dialog that can cancel it."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QProgressDialog, QPushButton
from pytestqt.qtbot import QtBot

from archive_app.core.archive import Archive
from archive_app.core.index import INDEX_SCHEMA_SETTING
from archive_app.gui import dialogs
from archive_app.gui.dialogs import AfterOpenFailure
from archive_app.gui.session import WindowSession
from archive_app.gui.settings import AppSettings
from tests.helpers import add_sources

SOURCES = 3000


@pytest.fixture
def stale_archive(archive_path: Path) -> Path:
    """An archive of many sources whose index is of an older schema: opening rebuilds it."""
    with Archive.open(archive_path) as archive:
        add_sources(archive, [f"Dispatch {n} from the Lachin corridor" for n in range(SOURCES)])
        archive.database.set_setting(INDEX_SCHEMA_SETTING, "0")
    return archive_path


def _opening_dialog() -> QProgressDialog | None:
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, QProgressDialog) and widget.objectName() == "openingProgress":
            return widget if widget.isVisible() else None
    return None


def test_a_rebuild_while_opening_shows_progress_and_the_window_keeps_running(
    qtbot: QtBot, app_settings: AppSettings, stale_archive: Path, tmp_path: Path
) -> None:
    """A timer on the GUI thread sees the dialog's count go up while the rebuild runs: the GUI
    thread keeps running under it (how long its gaps are is for bench_responsiveness)."""
    labels: list[str] = []

    def tick() -> None:
        dialog = _opening_dialog()
        if dialog is not None:
            labels.append(dialog.labelText())

    timer = QTimer(interval=20)
    timer.timeout.connect(tick)
    timer.start()
    session = WindowSession(app_settings)
    assert session.start(stale_archive, tmp_path / "default")
    timer.stop()
    assert session.archive is not None
    assert session.archive.search("corridor").total == SOURCES
    rebuilding = {label for label in labels if label.startswith("Rebuilding the search index")}
    assert len(rebuilding) >= 3
    session.close()


def test_cancelling_the_rebuild_says_so_and_leaves_the_archive_to_open_later(
    qtbot: QtBot,
    app_settings: AppSettings,
    stale_archive: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    messages: list[str] = []

    def answer(_parent: object, _path: Path, message: str, _details: str) -> AfterOpenFailure:
        messages.append(message)
        return AfterOpenFailure.QUIT

    monkeypatch.setattr(dialogs, "ask_after_open_failure", answer)

    def press_cancel() -> None:
        dialog = _opening_dialog()
        if dialog is None:
            return
        button = dialog.findChild(QPushButton)
        assert button is not None
        button.click()

    timer = QTimer(interval=20)
    timer.timeout.connect(press_cancel)
    timer.start()
    session = WindowSession(app_settings)
    assert not session.start(stale_archive, tmp_path / "default")
    timer.stop()
    assert "Opening was cancelled" in messages[0]
    with Archive.open(stale_archive) as archive:
        assert archive.search("corridor").total == SOURCES
