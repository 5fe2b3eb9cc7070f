"""The window speaks the person's language: the Russian catalogue is complete and up to date,
no English is left in a window opened in Russian, and the setting overrides the system's."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import (
    QAbstractItemModel,
    QCoreApplication,
    QLibraryInfo,
    QLocale,
    QModelIndex,
    Qt,
    QTranslator,
)
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDialog,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QTabWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot

import archive_app.gui
from archive_app import APP_NAME
from archive_app.core.archive import Archive
from archive_app.core.errors import InvalidInputError
from archive_app.gui.core_text import translated
from archive_app.gui.main_window import MainWindow
from archive_app.gui.settings import AppSettings
from archive_app.gui.translation import CATALOGUE, chosen_locale, install_translation
from archive_app.resources import resource
from tests.gui.window_helpers import (
    POPUP_NOISE,
    click_title,
    import_by_drop,
    press,
    shown_titles,
    type_search,
)
from tests.helpers import add_sources, write_file

PACKAGE = Path(archive_app.__file__).parent
RUSSIAN_TS = Path(str(resource("translations", f"{CATALOGUE}_ru.ts")))
TOOLS = Path(sys.executable).parent
TECHNICAL = {
    *APP_NAME.split(),
    "PDF",
    "PDFs",
    "URL",
    "SHA",
    "HTML",
    "HTTP",
    "CSV",
    "JSON",
    "WARC",
    "OCR",
    "Tesseract",
    "JPEG",
    "PNG",
    "TIFF",
    "WebP",
    "HEIC",
    "Markdown",
    "txt",
    "md",
    "html",
    "Ctrl",
    "Shift",
    "Alt",
    "Esc",
    "Enter",
    "Del",
    "Backspace",
    "PgUp",
    "PgDown",
    *["en", "ru", "hy", "az"],
    *["APA", "MLA", "CSL", "BibTeX", "RIS", "LD", "REFI", "QDA", "qdpx", "WACZ"],
    *["mhtml", "MHTML", "SingleFile", "warc", "gz", "wacz", "GIF", "BMP", "ris", "bib", "json"],
    *["pdf", "ISO"],
    "OK",  # Qt's own Russian keeps it
}
"""Words allowed in a window that speaks Russian: the program's name, formats, key names and
language codes."""
ENGLISH_WORD = re.compile(r"\b[A-Za-z]{2,}\b")
NOT_WORDS = re.compile(r"<[^>]*>|&\w+;|\S*/\S*")
"""Markup, and paths, addresses and versions (the archive's own data, not the window's words)."""
QUERY_LANGUAGE = {
    *["title", "author", "caption", "body", "note", "site", "tag", "event", "perspective"],
    *["kind", "lang", "status", "reliability", "credibility", "sensitive", "place", "published"],
    *["article", "image", "text", "unverified", "in", "progress", "verified", "disputed"],
    *["false", "graphic", "identifiable", "OR", "NOT", "AND"],
}
"""The query language's own words, which the search help shows as they are typed."""
NAMES_ACROSS_SCRIPTS = {"Stepanakert", "Xankendi", "da"}
"""The help's examples of Latin spellings a Cyrillic query finds (and Karabağ'da's suffix)."""
QUERY_PLACES = {
    "QLineEdit searchField",
    "QLabel searchStatus",
    "QMessageBox queryHelp",
    "QLabel qt_msgbox_label",
}
"""Where the query language is shown: the search help (the search field's tooltip and the F1
window) and the search status (the query as it was read)."""
OWN_NAMES = {("menu languageMenu", "English")}
"""Each language is offered under its own name."""


def messages(ts: Path) -> dict[tuple[str, str], ET.Element]:
    """Every message of a catalogue by (context, source text)."""
    found = {}
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            found[(name, message.findtext("source", ""))] = message
    return found


def tool(name: str) -> str:
    path = TOOLS / name
    return str(path) if path.exists() else shutil.which(name) or name


def test_the_russian_catalogue_is_complete_and_covers_every_string_of_the_window(
    tmp_path: Path,
) -> None:
    fresh = tmp_path / "fresh_ru.ts"
    sources = sorted(str(path) for path in PACKAGE.rglob("*.py"))
    subprocess.run(
        [tool("pyside6-lupdate"), *sources, "-ts", str(fresh)], check=True, capture_output=True
    )
    catalogue = messages(RUSSIAN_TS)
    wanted = messages(fresh)
    assert len(wanted) > 400
    assert sorted(set(wanted) - set(catalogue)) == []
    unfinished = []
    for key, message in catalogue.items():
        translation = message.find("translation")
        assert translation is not None
        kind = translation.get("type")
        forms = [form.text for form in translation.iter("numerusform")]
        if message.get("numerus") == "yes":
            finished = len(forms) == 3 and all(forms)
        else:
            finished = bool(translation.text)
        if (kind in ("unfinished", "obsolete", "vanished") and key in wanted) or not finished:
            unfinished.append(key)
    assert unfinished == []


def test_each_russian_core_message_fills_only_the_fields_its_english_has() -> None:
    """The window fills a translated core message with the English one's arguments: a field
    the English lacks would fail to be filled."""
    fields = re.compile(r"\{(\w+)\}")
    for (context, source), message in messages(RUSSIAN_TS).items():
        if context == "core":
            translated = message.findtext("translation", "")
            assert set(fields.findall(translated)) <= set(fields.findall(source)), source


@pytest.fixture
def compiled_russian(tmp_path: Path) -> Path:
    """The Russian .qm: the built one, else compiled here from the catalogue."""
    built = RUSSIAN_TS.with_suffix(".qm")
    if built.exists():
        return built
    compiled = tmp_path / built.name
    subprocess.run(
        [tool("pyside6-lrelease"), str(RUSSIAN_TS), "-qm", str(compiled)],
        check=True,
        capture_output=True,
    )
    return compiled


@pytest.fixture
def in_russian(compiled_russian: Path) -> Iterator[None]:
    """The application speaks Russian (its translators, ours and Qt's, and its locale) until the
    test ends."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    translator, qt_translator = QTranslator(), QTranslator()
    assert translator.load(str(compiled_russian))
    qt_translations = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    assert qt_translator.load("qtbase_ru", qt_translations)
    previous = QLocale()
    app.installTranslator(translator)
    app.installTranslator(qt_translator)
    QLocale.setDefault(QLocale("ru_RU"))
    yield
    app.removeTranslator(qt_translator)
    app.removeTranslator(translator)
    QLocale.setDefault(previous)


@pytest.fixture
def russian_archive(tmp_path: Path) -> Iterator[Archive]:
    """An archive whose folder, sources, events, perspectives and tags are named in Cyrillic."""
    archive = Archive.open(tmp_path / "Карабах", create=True)
    folder = tmp_path / "входящие"
    texts = {
        "наступление.md": "# Наступление в сентябре\n\nВойска перешли в наступление у Шуши.\n",
        "исход.md": "# Исход жителей\n\nЖители покинули город по Лачинскому коридору.\n",
    }
    report = archive.import_paths([write_file(folder, name, text) for name, text in texts.items()])
    ids = [int(outcome.source_id) for outcome in report.imported if outcome.source_id]
    conflict, _ = archive.events.create("Карабахский конфликт", start="1988")
    offensive, _ = archive.events.create(
        "Сентябрьское наступление", parent=conflict.id, start="2023-09-19", end="2023-09-20"
    )
    archive.perspectives.create("Правительство Армении")
    archive.perspectives.create("Международные агентства")
    archive.assignments.add_to_sources(
        ids[:1], events=[offensive.id], perspectives=["Правительство Армении"], tags=["обстрел"]
    )
    archive.assignments.add_to_sources(ids[1:], perspectives=["Международные агентства"])
    yield archive
    archive.close()


def item_texts(model: QAbstractItemModel, parent: QModelIndex | None = None) -> Iterator[str]:
    """The display texts and tooltips of a model's items and its header labels."""
    parent = parent if parent is not None else QModelIndex()
    if not parent.isValid():
        for column in range(model.columnCount()):
            yield str(model.headerData(column, Qt.Orientation.Horizontal) or "")
    for row in range(model.rowCount(parent)):
        for column in range(model.columnCount(parent)):
            index = model.index(row, column, parent)
            for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                value = index.data(role)
                if isinstance(value, str):
                    yield value
        yield from item_texts(model, model.index(row, 0, parent))


def menu_texts(menu: QMenu) -> Iterator[tuple[str, str]]:
    where = f"menu {menu.objectName()}"
    yield where, menu.title()
    for action in menu.actions():
        yield from ((where, text) for text in (action.text(), action.toolTip(), action.statusTip()))
        submenu = action.menu()
        if isinstance(submenu, QMenu):
            yield from menu_texts(submenu)


def shown_texts(window: MainWindow) -> Iterator[tuple[str, str]]:
    """Every text the window shows a person, with where it is shown."""
    yield "window title", window.windowTitle()
    for action in window.menuBar().actions():
        menu = action.menu()
        if isinstance(menu, QMenu):
            yield from menu_texts(menu)
    for widget in window.findChildren(QWidget):
        if not widget.isVisibleTo(window):
            continue
        where = f"{type(widget).__name__} {widget.objectName()}"
        yield where, widget.toolTip()
        yield where, widget.accessibleName()
        if isinstance(widget, QLabel | QAbstractButton):
            yield where, widget.text()
        if isinstance(widget, QLineEdit):
            yield where, widget.placeholderText()
        if isinstance(widget, QComboBox):
            yield from ((where, widget.itemText(i)) for i in range(widget.count()))
        if isinstance(widget, QTabWidget):
            yield from ((where, widget.tabText(i)) for i in range(widget.count()))
        for action in widget.actions():
            yield where, action.text()
            yield where, action.toolTip()
        if isinstance(widget, QAbstractItemView) and widget.model() is not None:
            yield from ((where, text) for text in item_texts(widget.model()))


def english_left(window: MainWindow) -> list[tuple[str, str]]:
    left = []
    for where, text in shown_texts(window):
        if (where, text) in OWN_NAMES:
            continue
        allowed = TECHNICAL | (
            QUERY_LANGUAGE | NAMES_ACROSS_SCRIPTS if where in QUERY_PLACES else set()
        )
        words = set(ENGLISH_WORD.findall(NOT_WORDS.sub(" ", text))) - allowed
        if words:
            left.append((where, text))
    return sorted(set(left))


@POPUP_NOISE
def test_a_window_opened_in_russian_shows_no_english(
    qtbot: QtBot,
    in_russian: None,
    russian_archive: Archive,
    make_window: Callable[[Archive], MainWindow],
) -> None:
    window = make_window(russian_archive)
    for action in window.menuBar().actions():
        menu = action.menu()
        assert isinstance(menu, QMenu)
        menu.popup(window.mapToGlobal(window.rect().center()))
        qtbot.waitUntil(menu.isVisible)
        menu.close()
    source_id = click_title(qtbot, window, "Наступление в сентябре")
    qtbot.waitUntil(lambda: window.reader.source_id == source_id)
    type_search(qtbot, window, "Shushi")
    assert window.menuBar().actions()[0].text() == "&Файл"
    assert english_left(window) == []


@POPUP_NOISE
def test_what_the_core_says_reaches_a_russian_window_in_russian(
    qtbot: QtBot,
    in_russian: None,
    russian_archive: Archive,
    make_window: Callable[[Archive], MainWindow],
    tmp_path: Path,
) -> None:
    """An import's failures and summary, the notes on a query read otherwise than typed, the
    search help and an importer's note on a source are written by the core; in a Russian window
    they are Russian."""
    window = make_window(russian_archive)
    folder = tmp_path / "непрочитанное"
    bad_files = [
        write_file(folder, "таблица.дат", "не источник"),
        write_file(folder, "отчёт.pdf", bytes(range(256)) * 4),
        write_file(folder, "пусто.txt", ""),
        write_file(folder, "заметка.md", "---\nзаголовок: [не закрыт\n---\nО перемирии.\n"),
    ]
    report = import_by_drop(qtbot, window, bad_files)
    assert len(report.failed) == 3
    assert len(report.imported) == 1
    shown_report = window.findChild(QDialog, "importReport")
    assert isinstance(shown_report, QDialog)
    summary = shown_report.findChild(QLabel, "importSummary")
    assert isinstance(summary, QLabel)
    assert "Импортировано: 1 · с ошибкой: 3" in summary.text()
    qtbot.waitUntil(lambda: "---" in shown_titles(window))
    source_id = click_title(qtbot, window, "---")
    qtbot.waitUntil(lambda: window.reader.source_id == source_id)
    notes = [label.text() for label in window.reader.findChildren(QLabel) if label.isVisible()]
    assert any("не корректный YAML" in text for text in notes)
    type_search(qtbot, window, "(Shusha OR")
    status = window.findChild(QLabel, "searchStatus")
    assert isinstance(status, QLabel)
    assert "Перед" in status.toolTip() or "После" in status.toolTip()
    press(qtbot, window.source_list.item_view(), "F1")
    qtbot.waitUntil(lambda: window.findChild(QMessageBox, "queryHelp") is not None)
    help_box = window.findChild(QMessageBox, "queryHelp")
    assert isinstance(help_box, QMessageBox)
    assert "Поиск" in help_box.text()
    left = english_left(window)
    help_box.close()
    shown_report.close()
    assert left == []


def test_the_language_setting_overrides_the_system_locale(qtbot: QtBot, tmp_path: Path) -> None:
    settings = AppSettings.in_file(tmp_path / "settings.ini")
    assert chosen_locale(settings) == QLocale.system()
    settings.language = "ru"
    assert chosen_locale(settings).language() == QLocale.Language.Russian
    settings.language = "en"
    assert chosen_locale(settings).language() == QLocale.Language.English
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    previous = QLocale()
    settings.language = "ru"
    try:
        install_translation(app, settings)
        assert QLocale().language() == QLocale.Language.Russian
        assert QLocale().toString(1234567) == "1\xa0234\xa0567"
        assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Отмена"
    finally:
        for translator in app.findChildren(QTranslator):
            app.removeTranslator(translator)
            translator.deleteLater()
        QLocale.setDefault(previous)


@POPUP_NOISE
def test_view_language_saves_the_choice_for_the_next_start(
    qtbot: QtBot,
    archive: Archive,
    app_settings: AppSettings,
    make_window: Callable[[Archive], MainWindow],
) -> None:
    window = make_window(archive)
    menu = window.findChild(QMenu, "languageMenu")
    assert isinstance(menu, QMenu)
    names = [action.text() for action in menu.actions() if action.isCheckable()]
    assert names == ["System", "English", "Русский"]
    assert [a.isChecked() for a in menu.actions() if a.isCheckable()] == [True, False, False]
    russian = next(action for action in menu.actions() if action.text() == "Русский")
    russian.trigger()
    assert app_settings.language == "ru"
    assert "next starts" in window.statusBar().currentMessage()
    assert window.menuBar().actions()[0].text() == "&File"


@pytest.mark.usefixtures("qapp", "in_russian")
def test_a_core_message_naming_a_kind_of_source_is_russian_through_and_through(
    archive: Archive,
) -> None:
    """A sentence the core makes of parts (the kind of a source inside an error) is translated
    part by part: no English word is left inside the Russian sentence."""
    [source_id] = add_sources(archive, ["Заметки с блокпоста"], kind="article")
    with pytest.raises(InvalidInputError) as refused:
        archive.ocr.pages_to_read(source_id)
    assert translated(refused.value.message) == (
        f"Источник {source_id} — статья; распознавать текст (OCR) можно только в PDF и "
        "изображениях."
    )
