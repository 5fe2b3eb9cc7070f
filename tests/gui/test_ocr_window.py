"""OCR in the window: a hit in a scan marked on its page, *Recognise text* on a photo from the
list's menu, and one message (not one per file) when Tesseract is missing."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLabel, QLineEdit
from pytestqt.qtbot import QtBot

from archive_app.core.archive import Archive
from archive_app.gui.main_window import MainWindow
from archive_app.gui.reader.pdf_regions import page_rects
from archive_app.gui.sources.model import TITLE_COLUMN
from tests.fixtures.make_scans import image_only_pdf, png_bytes, script_scan
from tests.gui.window_helpers import (
    POPUP_NOISE,
    choose,
    click_title,
    open_menu_at,
    row_of_title,
    shown_titles,
    type_search,
)
from tests.helpers import write_file

SHOTS = os.environ.get("ARCHIVE_APP_SHOTS", "")
"""A folder to save pictures of what the tests show in (for looking at them), if set."""


def _save_shot(qtbot: QtBot, window: MainWindow, name: str) -> None:
    if SHOTS:
        qtbot.wait(2000)  # QtPdf renders pages in the background
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        window.grab().save(str(Path(SHOTS) / name))


def choose_in_source_menu(qtbot: QtBot, window: MainWindow, title: str, action: str) -> None:
    """Click a source's title, then choose ``action`` from its right-click menu."""
    click_title(qtbot, window, title)
    table = window.source_list.table
    row = row_of_title(window, title)
    point = table.visualRect(window.source_list.model.index(row, TITLE_COLUMN)).center()
    choose(qtbot, open_menu_at(qtbot, table.viewport(), point), action)


@pytest.mark.usefixtures("tesseract")
def test_a_hit_in_a_scan_is_marked_on_its_page(
    archive: Archive,
    make_window: Callable[[Archive], MainWindow],
    qtbot: QtBot,
    tmp_path: Path,
) -> None:
    pages = [script_scan("cyrillic"), script_scan("latin", angle=-0.8)]
    scan = write_file(tmp_path, "Ministry statement.pdf", image_only_pdf(pages))
    archive.import_paths([scan])
    window = make_window(archive)
    window.resize(1600, 1000)
    window.main_splitter.setSizes([220, 560, 820])

    type_search(qtbot, window, "Goris")
    click_title(qtbot, window, "Ministry statement")

    pdf = window.reader.pdf_reader
    qtbot.waitUntil(lambda: pdf.current_page() == 2)
    qtbot.waitUntil(lambda: len(pdf.page_view.mark_rects()) == 1)
    [mark] = pdf.page_view.mark_rects()
    page = page_rects(pdf.page_view)[1]
    assert page.contains(mark)
    assert pdf.page_view.viewport().rect().contains(mark.toRect())
    # "Goris" ends the sixth line, in the right half of the page, well down from its top.
    assert mark.left() > page.left() + page.width() * 0.3
    assert page.top() + page.height() * 0.2 < mark.top() < page.top() + page.height() * 0.5
    _save_shot(qtbot, window, "scan-hit-marked.png")


@POPUP_NOISE
@pytest.mark.usefixtures("tesseract")
def test_recognise_text_reads_a_photographed_notice_from_the_list_menu(
    archive: Archive,
    make_window: Callable[[Archive], MainWindow],
    qtbot: QtBot,
    tmp_path: Path,
) -> None:
    photo = write_file(tmp_path, "Checkpoint notice.png", png_bytes(script_scan("armenian")))
    note = write_file(tmp_path, "note.txt", "Field note\n\nA notice was posted at the checkpoint.")
    archive.import_paths([photo, note])
    window = make_window(archive)
    window.resize(1500, 1100)
    window.main_splitter.setSizes([200, 560, 740])
    with qtbot.waitSignal(window.recognition.textRead, timeout=60_000):
        choose_in_source_menu(qtbot, window, "Checkpoint notice", "Recognise text")

    assert "Text read from 1 page of 1 source" in window.statusBar().currentMessage()
    click_title(qtbot, window, "Field note")
    # QTest cannot type Armenian letters: the query is given as a saved search gives it.
    with qtbot.waitSignal(window.search_bar.hitsFound, timeout=10_000):
        window.search_bar.set_query("Ստեփանակերտի")
    assert shown_titles(window) == ["Checkpoint notice"]
    click_title(qtbot, window, "Checkpoint notice")
    canvas = window.reader.image_reader.canvas
    qtbot.waitUntil(lambda: len(canvas.mark_rects()) == 1)
    [mark] = canvas.mark_rects()
    assert canvas.viewport().rect().contains(mark.toRect())
    assert window.reader.hit_navigator.counter.text() == "1 of 1"
    _save_shot(qtbot, window, "photo-hit-marked.png")


@POPUP_NOISE
@pytest.mark.usefixtures("tesseract")
def test_the_archives_ocr_languages_are_set_in_a_dialog(
    archive: Archive,
    make_window: Callable[[Archive], MainWindow],
    qtbot: QtBot,
    tmp_path: Path,
) -> None:
    archive.import_paths([write_file(tmp_path, "note.txt", "Field note\n\nA notice.")])
    window = make_window(archive)
    choose_in_source_menu(qtbot, window, "Field note", "OCR languages…")
    qtbot.waitUntil(lambda: window.findChild(QDialog, "ocrLanguagesDialog") is not None)
    dialog = window.findChild(QDialog, "ocrLanguagesDialog")
    assert isinstance(dialog, QDialog)
    qtbot.waitUntil(dialog.isVisible)
    field = dialog.findChild(QLineEdit, "ocrLanguagesField")
    missing = dialog.findChild(QLabel, "ocrMissingLanguages")
    assert field is not None and missing is not None
    assert field.text() == "" and not missing.isVisible()

    qtbot.keyClicks(field, "hy tur xyz")
    assert missing.isVisible() and "tesseract-ocr-xyz" in missing.text()
    assert "tesseract-ocr-hye" not in missing.text()
    qtbot.keyClick(field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible())

    assert archive.ocr.saved_languages() == ["hye", "tur", "xyz"]
    assert archive.ocr.languages()[:2] == ["hye", "tur"]
    assert "Scans will be read in hye+tur" in window.statusBar().currentMessage()
    if SHOTS:
        window.recognition.edit_languages().grab().save(str(Path(SHOTS) / "ocr-languages.png"))


@pytest.mark.usefixtures("tesseract")
def test_recognising_text_again_can_be_stopped_keeping_what_was_read(
    archive: Archive,
    make_window: Callable[[Archive], MainWindow],
    qtbot: QtBot,
    tmp_path: Path,
) -> None:
    archive.ocr.set_languages(["eng"])
    pages = [script_scan("latin", seed=seed) for seed in range(6)]
    archive.import_paths([write_file(tmp_path, "Long statement.pdf", image_only_pdf(pages))])
    window = make_window(archive)
    click_title(qtbot, window, "Long statement")
    table = window.source_list.table
    ctrl_shift = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier

    def page_read(message: str) -> bool:
        return message.startswith("Reading text: page")

    with qtbot.waitSignal(window.recognition.progressed, timeout=30_000, check_params_cb=page_read):
        qtbot.keyClick(table, Qt.Key.Key_O, ctrl_shift)
    assert window.recognition.action.text() == "Stop recognising &text"
    with qtbot.waitSignal(window.recognition.textRead, timeout=60_000):
        qtbot.keyClick(table, Qt.Key.Key_O, ctrl_shift)

    assert "stopped before the rest" in window.statusBar().currentMessage()
    qtbot.waitUntil(lambda: window.recognition.action.text() == "Recognise &text")
    [source_id] = archive.source_ids()
    assert any("reading was stopped" in note for note in archive.get(source_id).extraction_notes)


@pytest.mark.usefixtures("no_tesseract")
def test_without_tesseract_the_window_says_once_how_to_install_it(
    archive: Archive,
    make_window: Callable[[Archive], MainWindow],
    qtbot: QtBot,
    tmp_path: Path,
) -> None:
    window = make_window(archive)
    message = window.message_bar.findChild(QLabel, "messageText")
    assert message is not None
    for name in ("first.pdf", "second.pdf"):
        scan = write_file(tmp_path, name, image_only_pdf([script_scan("latin", seed=len(name))]))
        with qtbot.waitSignal(window.import_panel.finished, timeout=30_000):
            window.import_paths([scan])

    assert window.message_bar.isVisible()
    assert "Tesseract OCR is not installed" in message.text()
    assert "sudo apt-get install tesseract-ocr tesseract-ocr-eng" in message.text()
    assert "messages)" not in message.text()  # said once, not once per import
