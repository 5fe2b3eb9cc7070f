"""File › Export ▸, Copy citation, Back up…, Restore… and automatic backups, driven as a person
would: menus, radio buttons, typing a file name, clicking Export."""

from __future__ import annotations

import csv
import warnings
from collections.abc import Callable
from pathlib import Path

import bibtexparser
import pytest
from bibtexparser.bparser import BibTexParser
from pypdf import PdfReader
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QLineEdit,
    QMenu,
    QPushButton,
    QRadioButton,
    QSpinBox,
)
from pytestqt.qtbot import QtBot

from archive_app.core.archive import Archive
from archive_app.export.backup_schedule import scheduled_backups
from archive_app.gui import backup_dialogs
from archive_app.gui.error_label import ErrorLabel
from archive_app.gui.main_window import MainWindow
from archive_app.gui.sources.model import TITLE_COLUMN
from tests.gui.window_helpers import (
    POPUP_NOISE,
    choose,
    click_sidebar_event,
    click_title,
    open_menu_at,
    row_of_title,
)
from tests.helpers import Story

pytestmark = POPUP_NOISE


@pytest.fixture
def window(
    qtbot: QtBot, archive: Archive, story: Story, make_window: Callable[[Archive], MainWindow]
) -> MainWindow:
    return make_window(archive)


def open_file_menu(qtbot: QtBot, window: MainWindow) -> QMenu:
    bar = window.menuBar()
    file_action = bar.actions()[0]
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.actionGeometry(file_action).center())
    qtbot.waitUntil(lambda: isinstance(QApplication.activePopupWidget(), QMenu))
    menu = QApplication.activePopupWidget()
    assert isinstance(menu, QMenu)
    return menu


def open_dialog(qtbot: QtBot, window: MainWindow, *path: str) -> QDialog:
    choose(qtbot, open_file_menu(qtbot, window), *path)
    qtbot.waitUntil(lambda: window.findChild(QDialog, "exportDialog") is not None)
    dialog = window.findChild(QDialog, "exportDialog")
    assert isinstance(dialog, QDialog)
    qtbot.waitUntil(dialog.isVisible)
    return dialog


def pick_scope(qtbot: QtBot, dialog: QDialog, words: str) -> None:
    buttons = [b for b in dialog.findChildren(QRadioButton) if words in b.text()]
    assert buttons, [b.text() for b in dialog.findChildren(QRadioButton)]
    qtbot.mouseClick(buttons[0], Qt.MouseButton.LeftButton)


def export_to(qtbot: QtBot, dialog: QDialog, path: Path) -> None:
    field = dialog.findChild(QLineEdit, "exportPath")
    assert field is not None
    field.clear()
    qtbot.keyClicks(field, str(path))
    button = dialog.findChild(QPushButton, "exportButton")
    assert button is not None
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_export_the_event_chosen_in_the_sidebar(
    qtbot: QtBot, window: MainWindow, story: Story, tmp_path: Path
) -> None:
    click_sidebar_event(qtbot, window, story.offensive)
    dialog = open_dialog(qtbot, window, "Export", "Citations (BibTeX)")
    labels = [b.text() for b in dialog.findChildren(QRadioButton)]
    assert "The event “September offensive” and its sub-events" in labels
    assert labels[-1] == "The whole archive (6 sources)"
    pick_scope(qtbot, dialog, "September offensive")
    path = tmp_path / "offensive.bib"
    export_to(qtbot, dialog, path)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=20_000)
    with warnings.catch_warnings():  # bibtexparser 1.4 calls pyparsing's deprecated names
        warnings.simplefilter("ignore", DeprecationWarning)
        parsed = bibtexparser.loads(path.read_text(encoding="utf-8"), BibTexParser())
    assert len(parsed.entries) == 3
    assert "offensive.bib" in window.statusBar().currentMessage()


def test_report_of_a_search_with_a_chosen_style(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    window.search_bar.set_query("sovereignty")
    qtbot.waitUntil(lambda: bool(window.search_bar.query))
    dialog = open_dialog(qtbot, window, "Export", "Event report")
    pick_scope(qtbot, dialog, "What the search “sovereignty” finds")
    opened = dialog.findChild(QCheckBox, "openReport")
    assert opened is not None and opened.isChecked()
    qtbot.mouseClick(opened, Qt.MouseButton.LeftButton)
    styles = dialog.findChild(QComboBox, "citationStyle")
    assert styles is not None
    styles.setFocus()
    styles.setCurrentIndex(styles.findText("MLA (9th edition)"))
    path = tmp_path / "report.pdf"
    export_to(qtbot, dialog, path)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=30_000)
    text = " ".join(page.extract_text() for page in PdfReader(path).pages)
    assert "Baku said it restored sovereignty" in " ".join(text.split())
    assert "MLA" in text


def test_the_export_dialog_can_leave_sensitive_items_out(
    qtbot: QtBot, window: MainWindow, archive: Archive, story: Story, tmp_path: Path
) -> None:
    archive.verification.mark_sensitive([story.sources["notes.md"]], identifiable=True)
    dialog = open_dialog(qtbot, window, "Export", "Spreadsheet (CSV)")
    pick_scope(qtbot, dialog, "The whole archive")
    leave_out = dialog.findChild(QCheckBox, "leaveOutSensitive")
    assert leave_out is not None and leave_out.isVisible() and not leave_out.isChecked()
    qtbot.mouseClick(leave_out, Qt.MouseButton.LeftButton)
    assert leave_out.isChecked()
    path = tmp_path / "sources.csv"
    export_to(qtbot, dialog, path)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=20_000)
    with path.open(encoding="utf-8-sig", newline="") as handle:
        titles = [row["title"] for row in csv.DictReader(handle)]
    assert len(titles) == len(story.sources) - 1
    assert "Field notes, Kornidzor" not in titles


def test_a_refused_export_says_why_and_stays_open(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    dialog = open_dialog(qtbot, window, "Export", "Event report")
    export_to(qtbot, dialog, tmp_path / "report.docx")
    error = dialog.findChild(ErrorLabel, "exportError")
    qtbot.waitUntil(lambda: error is not None and error.isVisible())
    assert dialog.isVisible() and "HTML or PDF" in error.text()
    export_to(qtbot, dialog, tmp_path / "missing" / "report.html")
    qtbot.waitUntil(lambda: "does not exist" in error.text())
    qtbot.mouseClick(dialog.findChildren(QPushButton)[-1], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert not list(tmp_path.rglob("report.*"))


def test_copy_citation_from_the_source_menu(qtbot: QtBot, window: MainWindow, story: Story) -> None:
    title = window.source_list.model.index(0, TITLE_COLUMN).data()
    click_title(qtbot, window, title)
    table = window.source_list.table
    row = row_of_title(window, title)
    point = table.visualRect(window.source_list.model.index(row, TITLE_COLUMN)).center()
    menu = open_menu_at(qtbot, table.viewport(), QPoint(point))
    choose(qtbot, menu, "Copy citation")
    copied = QApplication.clipboard().text()
    assert title in copied
    assert "Copied 1 citation in APA" in window.statusBar().currentMessage()


def test_back_up_and_restore_from_the_window(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    backup = tmp_path / "backup.tar"
    monkeypatch.setattr(backup_dialogs, "ask_backup_file", lambda _parent, _name: backup)
    choose(qtbot, open_file_menu(qtbot, window), "Back up")
    qtbot.waitUntil(backup.exists, timeout=20_000)
    qtbot.waitUntil(lambda: "Backed up" in window.statusBar().currentMessage())
    [entry] = [e for e in window.archive.audit.entries() if e.action == "backup"]
    assert entry.changes[-1]["file"] == str(backup)
    assert entry.changes[-1]["size"] == backup.stat().st_size

    restored = tmp_path / "restored"
    monkeypatch.setattr(backup_dialogs, "ask_backup_to_restore", lambda _parent: backup)
    monkeypatch.setattr(backup_dialogs, "ask_restore_folder", lambda _parent: restored)
    monkeypatch.setattr(backup_dialogs, "ask_open_restored", lambda _parent, _text: True)
    with qtbot.waitSignal(window.openArchiveRequested, timeout=30_000) as opened:
        choose(qtbot, open_file_menu(qtbot, window), "Restore a backup")
    assert opened.args == [restored]
    with Archive.open(restored, workers=1) as copy:
        assert copy.count_sources() == 6


def test_automatic_backups_are_set_in_a_dialog(
    qtbot: QtBot, window: MainWindow, archive: Archive, tmp_path: Path
) -> None:
    folder = tmp_path / "auto"
    folder.mkdir()
    choose(qtbot, open_file_menu(qtbot, window), "Automatic backups")
    dialog = window.findChild(QDialog, "scheduleDialog")
    assert isinstance(dialog, QDialog)
    qtbot.waitUntil(dialog.isVisible)
    enabled = dialog.findChild(QCheckBox, "autoBackupEnabled")
    field = dialog.findChild(QLineEdit, "autoBackupFolder")
    keep = dialog.findChild(QSpinBox, "autoBackupKeep")
    assert enabled is not None and field is not None and keep is not None
    qtbot.mouseClick(enabled, Qt.MouseButton.LeftButton, pos=QPoint(8, enabled.height() // 2))
    assert field.isEnabled()
    qtbot.keyClicks(field, str(folder))
    keep.setValue(3)
    qtbot.keyClick(field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    qtbot.waitUntil(lambda: bool(scheduled_backups(folder, archive.path.name)), timeout=20_000)
    qtbot.waitUntil(lambda: "Automatic backup" in window.statusBar().currentMessage())
