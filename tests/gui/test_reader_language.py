"""The reader and the inspector speak each source's language: search matches are marked as the
index found them (word forms in the source's language, spellings in other scripts), and a
language typed in the inspector by code or by name is stored as its code. Texts of our own."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit
from pytestqt.qtbot import QtBot

from archive_app.core.archive import Archive
from archive_app.gui.main_window import MainWindow
from tests.gui.window_helpers import click_title, marked_texts, type_search, undo

REPORT = (
    "Исход из Карабаха\n\nТысячи беженцев ушли из Степанакерта. В Степанакерте остались немногие."
)
TITLE = "Исход из Карабаха"


@pytest.fixture
def russian_window(
    archive: Archive,
    import_texts: Callable[[dict[str, str]], list[int]],
    make_window: Callable[[Archive], MainWindow],
) -> MainWindow:
    (source_id,) = import_texts({"report.txt": REPORT})
    assert archive.get(source_id).language == "ru"
    return make_window(archive)


def paste(qtbot: QtBot, field: QLineEdit, text: str) -> None:
    """Select what the field holds and paste ``text`` over it (Ctrl+A, Ctrl+V)."""
    clipboard = QApplication.clipboard()
    clipboard.setText(text)
    field.setFocus()
    qtbot.keyClick(field, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(field, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)


def search_field(window: MainWindow) -> QLineEdit:
    field = window.findChild(QLineEdit, "searchField")
    assert isinstance(field, QLineEdit)
    return field


def test_a_russian_source_is_marked_with_russian_word_forms(
    qtbot: QtBot, russian_window: MainWindow
) -> None:
    window = russian_window
    with qtbot.waitSignal(window.search_bar.hitsFound, timeout=10_000):
        paste(qtbot, search_field(window), "беженцы")
    source_id = click_title(qtbot, window, TITLE)
    qtbot.waitUntil(lambda: window.reader.source_id == source_id)
    qtbot.waitUntil(lambda: "беженцев" in marked_texts(window.reader))
    assert marked_texts(window.reader) == ["беженцев"]

    with qtbot.waitSignal(window.search_bar.hitsFound, timeout=10_000):
        paste(qtbot, search_field(window), "Степанакерт")
    qtbot.waitUntil(lambda: "Степанакерте" in marked_texts(window.reader))
    assert marked_texts(window.reader) == ["Степанакерта", "Степанакерте"]


def test_a_query_in_latin_letters_marks_the_cyrillic_spelling(
    qtbot: QtBot, russian_window: MainWindow
) -> None:
    window = russian_window
    type_search(qtbot, window, "Stepanakert")
    source_id = click_title(qtbot, window, TITLE)
    qtbot.waitUntil(lambda: window.reader.source_id == source_id)
    qtbot.waitUntil(lambda: "Степанакерте" in marked_texts(window.reader))
    assert marked_texts(window.reader) == ["Степанакерта", "Степанакерте"]


@pytest.fixture
def window_in_russian() -> Iterator[None]:
    """The window's language is Russian (its locale) until the test ends."""
    previous = QLocale()
    QLocale.setDefault(QLocale("ru_RU"))
    yield
    QLocale.setDefault(previous)


def language_field(window: MainWindow) -> QLineEdit:
    field = window.findChild(QLineEdit, "languageField")
    assert isinstance(field, QLineEdit)
    return field


def enter_language(qtbot: QtBot, window: MainWindow, text: str) -> None:
    field = language_field(window)
    paste(qtbot, field, text)
    qtbot.keyClick(field, Qt.Key.Key_Return)


def test_a_language_typed_by_code_or_name_is_stored_as_its_code_and_undone(
    qtbot: QtBot, archive: Archive, russian_window: MainWindow
) -> None:
    window = russian_window
    source_id = click_title(qtbot, window, TITLE)
    for typed, stored in [("Armenian", "hy"), ("RU", "ru"), ("aze", "az"), ("Russian", "ru")]:
        enter_language(qtbot, window, typed)
        qtbot.waitUntil(lambda stored=stored: archive.get(source_id).language == stored)
        qtbot.waitUntil(lambda stored=stored: language_field(window).text() == stored)
    enter_language(qtbot, window, "Elvish")
    error = window.findChild(QLabel, "languageError")
    assert isinstance(error, QLabel)
    qtbot.waitUntil(error.isVisible)
    assert "'Elvish' is not a language the archive knows" in error.text()
    assert archive.get(source_id).language == "ru"
    window.source_list.table.setFocus()
    undo(qtbot, window)
    qtbot.waitUntil(lambda: archive.get(source_id).language == "az")
    archive.index.wait_until_indexed()
    assert archive.search("lang:az").total == 1


def test_in_a_russian_window_a_language_is_also_named_in_russian(
    qtbot: QtBot, window_in_russian: None, archive: Archive, russian_window: MainWindow
) -> None:
    window = russian_window
    source_id = click_title(qtbot, window, TITLE)
    enter_language(qtbot, window, "армянский")
    qtbot.waitUntil(lambda: archive.get(source_id).language == "hy")
    enter_language(qtbot, window, "русский")
    qtbot.waitUntil(lambda: archive.get(source_id).language == "ru")
    qtbot.waitUntil(lambda: language_field(window).text() == "ru")
