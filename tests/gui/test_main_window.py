"""The main window, driven as a person would: drop files, search, read, edit, delete."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QFileDialog, QLineEdit, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from archive_app.core.archive import Archive
from archive_app.core.check import check_archive
from archive_app.core.errors import ArchiveError
from archive_app.gui import dialogs
from archive_app.gui.dialogs import AfterOpenFailure
from archive_app.gui.main_window import MainWindow
from archive_app.gui.session import WindowSession
from archive_app.gui.settings import AppSettings
from archive_app.gui.sources.model import TITLE_COLUMN
from tests.gui.window_helpers import (
    click_title,
    counted,
    import_by_drop,
    marked_texts,
    press,
    shown_titles,
    type_search,
)
from tests.helpers import add_sources, write_file, write_photo

ARTICLES = {
    "wire.md": "---\ntitle: Thousands leave Stepanakert as road opens\nsite: Wire service\n"
    "published: 2023-09-25\n---\nCars queued for hours on the road to the Hakari bridge.",
    "ministry.md": "---\ntitle: Statement on the local anti-terror measures\nsite: Ministry\n"
    "published: 2023-09-19\n---\nResidents of Khankendi are offered reintegration.",
    "oped.md": "---\ntitle: Two days that ended a republic\nsite: Opinion Desk\n"
    "published: 2023-10-10\n---\nThe exodus over the bridge took a week.",
}


@pytest.fixture
def window(archive: Archive, make_window: Callable[[Archive], MainWindow]) -> MainWindow:
    return make_window(archive)


@pytest.fixture
def articles_window(
    archive: Archive,
    import_texts: Callable[..., list[int]],
    make_window: Callable[[Archive], MainWindow],
) -> MainWindow:
    """A window on the three :data:`ARTICLES`."""
    import_texts(ARTICLES)
    return make_window(archive)


def test_the_main_widgets_have_names_for_tests_and_assistive_technology(
    window: MainWindow,
) -> None:
    for name in ("sidebar", "sourceList", "searchField", "reader", "inspector"):
        widget = window.findChild(QWidget, name)
        assert widget is not None, name
        assert widget.accessibleName(), name


def test_an_empty_archive_welcomes_and_dropped_files_are_imported_and_selected(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    assert window.welcome.isVisible()
    paths = [write_file(tmp_path / "drop", name, text) for name, text in ARTICLES.items()]
    report = import_by_drop(qtbot, window, [tmp_path / "drop"])
    assert len(report.imported) == 3
    assert not window.welcome.isVisible()
    assert window.sidebar.isVisible()
    qtbot.waitUntil(lambda: len(window.source_list.selected_ids()) == 3)
    assert sorted(window.source_list.selected_ids()) == sorted(report.new_source_ids)
    assert not window.import_panel.isVisible()
    assert window.import_report is not None
    assert not window.import_report.isModal()
    assert len(paths) == 3


def test_typing_a_query_shows_the_hits_and_clicking_one_opens_it_in_the_reader(
    qtbot: QtBot, articles_window: MainWindow
) -> None:
    window = articles_window
    type_search(qtbot, window, "bridge")
    assert sorted(shown_titles(window)) == [
        "Thousands leave Stepanakert as road opens",
        "Two days that ended a republic",
    ]
    assert "2 hits" in window.search_bar.status.text()
    source_id = click_title(qtbot, window, "Two days that ended a republic")
    qtbot.waitUntil(lambda: window.reader.source_id == source_id)
    assert window.sidebar.chosen_key() is None


def test_the_reader_follows_the_search_to_its_best_hit_and_keeps_a_source_that_still_matches(
    qtbot: QtBot, articles_window: MainWindow
) -> None:
    window = articles_window
    oped = click_title(qtbot, window, "Two days that ended a republic")
    qtbot.waitUntil(lambda: window.reader.source_id == oped)
    type_search(qtbot, window, "Khankendi")
    qtbot.waitUntil(lambda: window.reader.source_id != oped)
    assert window.reader.source_id == window.source_list.current_id()
    assert shown_titles(window) == ["Statement on the local anti-terror measures"]
    ministry = window.reader.source_id
    type_search(qtbot, window, "reintegration OR exodus")
    assert len(shown_titles(window)) == 2
    assert window.reader.source_id == ministry
    type_search(qtbot, window, "nothing-matches-this")
    qtbot.waitUntil(lambda: window.reader.source_id is None)


def test_the_source_kept_by_a_new_query_shows_that_query_s_marks_until_the_search_is_cleared(
    qtbot: QtBot, archive: Archive, articles_window: MainWindow
) -> None:
    window = articles_window
    archive.aliases.add(["Stepanakert", "Khankendi"])
    reader = window.reader
    type_search(qtbot, window, "Stepanakert")
    wire = click_title(qtbot, window, "Thousands leave Stepanakert as road opens")
    qtbot.waitUntil(lambda: reader.source_id == wire)
    assert reader.hit_navigator.counter.text() == "Only in the title"

    type_search(qtbot, window, "Hakari")
    assert reader.source_id == wire
    assert marked_texts(reader) == ["Hakari"]
    assert reader.hit_navigator.counter.text() == "1 of 1"
    assert not reader.header.aliases.isVisible()

    type_search(qtbot, window, "Khankendi")
    assert reader.source_id == wire
    assert marked_texts(reader) == []
    assert "Stepanakert</span>" in reader.header.title.text()
    assert reader.hit_navigator.counter.text() == "Only in the title"
    type_search(qtbot, window, "Hakari")
    click_title(qtbot, window, "Thousands leave Stepanakert as road opens")
    assert marked_texts(reader) == ["Hakari"]

    window.search_bar.field.setFocus()
    qtbot.keyClick(window.search_bar.field, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: len(shown_titles(window)) == 3)
    assert reader.source_id == wire
    assert marked_texts(reader) == []
    assert "<span" not in reader.header.title.text()
    assert not reader.hit_navigator.isVisible()


def test_clearing_the_search_brings_back_the_library_view(
    qtbot: QtBot, articles_window: MainWindow
) -> None:
    window = articles_window
    type_search(qtbot, window, "Khankendi")
    assert len(shown_titles(window)) == 1
    window.search_bar.field.setFocus()
    qtbot.keyClick(window.search_bar.field, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: len(shown_titles(window)) == 3)
    assert window.sidebar.chosen_key() == ("all", None)


def test_a_title_edited_in_the_inspector_is_shown_and_found(
    qtbot: QtBot, archive: Archive, articles_window: MainWindow
) -> None:
    window = articles_window
    source_id = click_title(qtbot, window, "Two days that ended a republic")
    title = window.inspector.findChild(QLineEdit, "titleField")
    assert title is not None
    qtbot.waitUntil(lambda: title.text() == "Two days that ended a republic")
    title.setFocus()
    title.selectAll()
    qtbot.keyClicks(title, "Forty-eight hours in Xankendi")
    with qtbot.waitSignal(window.inspector.sourceChanged):
        qtbot.keyClick(title, Qt.Key.Key_Return)
    row = window.source_list.model.row_of(source_id)
    assert row is not None
    qtbot.waitUntil(
        lambda: (
            window.source_list.model.index(row, TITLE_COLUMN).data()
            == "Forty-eight hours in Xankendi"
        )
    )
    type_search(qtbot, window, "Forty-eight")
    assert shown_titles(window) == ["Forty-eight hours in Xankendi"]
    with qtbot.waitSignal(window.inspector.sourceChanged):
        window.commands.undo.trigger()
    assert archive.get(source_id).title == "Two days that ended a republic"


def test_choosing_images_shows_the_thumbnail_grid(
    qtbot: QtBot, archive: Archive, make_window: Callable[[Archive], MainWindow], tmp_path: Path
) -> None:
    photos = [write_photo(tmp_path / "p", f"bridge-{n}.jpg", (30 * n, 90, 160)) for n in range(2)]
    archive.import_paths(photos)
    add_sources(archive, ["A note"])
    window = make_window(archive)
    assert window.source_list.table.isVisible()
    images = window.sidebar.summary_model.match(
        window.sidebar.summary_model.index(0, 0),
        Qt.ItemDataRole.DisplayRole,
        "Images",
        1,
        Qt.MatchFlag.MatchRecursive,
    )[0]
    rect = window.sidebar.visualRect(images)
    qtbot.mouseClick(window.sidebar.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: window.source_list.model.rowCount() == 2)
    assert window.source_list.grid.isVisible()
    assert window.commands.show_grid.isChecked()
    qtbot.keyClick(window.source_list.grid, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert window.source_list.table.isVisible()


def test_cancelling_a_long_import_keeps_what_was_imported(
    qtbot: QtBot, window: MainWindow, archive: Archive, tmp_path: Path
) -> None:
    for n in range(150):
        write_file(tmp_path / "many", f"report-{n:03}.txt", f"Report {n}\n\nShelling near Shusha.")
    imported: list[int] = []

    def cancel_after_five() -> None:
        imported.append(1)
        if len(imported) == 5:
            qtbot.mouseClick(window.import_panel.cancel_button, Qt.MouseButton.LeftButton)

    window.import_panel.sourceImported.connect(cancel_after_five)
    report = import_by_drop(qtbot, window, [tmp_path / "many"])
    assert report.cancelled
    assert 5 <= len(report.imported) < 150
    assert archive.count_sources() == len(report.imported)
    type_search(qtbot, window, "Shusha")
    assert len(shown_titles(window)) == min(len(report.imported), 100)
    assert window.search_bar.status.text() == f"{len(report.imported)} hits"
    assert check_archive(archive).healthy


def test_delete_moves_the_selected_sources_to_the_trash_and_undo_brings_them_back(
    qtbot: QtBot, archive: Archive, articles_window: MainWindow
) -> None:
    window = articles_window
    click_title(qtbot, window, "Two days that ended a republic")
    table = window.source_list.table
    qtbot.keyClick(table, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: len(shown_titles(window)) == 2)
    assert archive.count_sources() == 2
    assert "Two days that ended a republic" not in shown_titles(window)
    assert [item.title for item in archive.trash.items()] == ["Two days that ended a republic"]
    qtbot.keyClick(table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: len(shown_titles(window)) == 3)
    assert archive.trash.items() == []


def test_delete_in_the_search_field_deletes_text_not_sources(
    qtbot: QtBot, archive: Archive, articles_window: MainWindow
) -> None:
    window = articles_window
    click_title(qtbot, window, "Two days that ended a republic")
    field = window.search_bar.field
    field.setFocus()
    qtbot.keyClicks(field, "ab")
    qtbot.keyClick(field, Qt.Key.Key_Home)
    qtbot.keyClick(field, Qt.Key.Key_Delete)
    assert field.text() == "b"
    assert archive.trash.items() == []


def test_every_menu_command_has_a_shortcut_and_ctrl_f_goes_to_the_search(
    qtbot: QtBot, window: MainWindow, archive: Archive
) -> None:
    without = [
        action.text()
        for menu in window.menuBar().findChildren(type(window.recent_menu))
        for action in menu.actions()
        if not action.isSeparator()
        and action.menu() is None
        and action.shortcut().isEmpty()
        and action is not window.commands.about
        and menu is not window.recent_menu
        and menu.objectName() != "languageMenu"
    ]
    assert without == []
    assert window.commands.undo.shortcut() == QKeySequence(QKeySequence.StandardKey.Undo)
    assert QKeySequence("Ctrl+Shift+Z") in window.commands.redo.shortcuts()
    window.sidebar.setFocus()
    qtbot.keyClick(window.sidebar, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.search_bar.field.hasFocus()


def test_errors_of_background_work_show_in_the_message_bar(
    qtbot: QtBot, window: MainWindow
) -> None:
    def fail(_context: object) -> None:
        raise ArchiveError("The disk holding the archive is full.")

    window.tasks.run(fail)
    qtbot.waitUntil(window.message_bar.isVisible)
    assert "disk holding the archive is full" in window.message_bar.text.text()
    assert not window.message_bar.details_button.isVisible()

    def bug(_context: object) -> None:
        raise ZeroDivisionError("division by zero")

    window.tasks.run(bug)
    qtbot.waitUntil(lambda: "bug" in window.message_bar.text.text())
    qtbot.mouseClick(window.message_bar.details_button, Qt.MouseButton.LeftButton)
    assert "ZeroDivisionError" in window.message_bar.details.toPlainText()


def test_the_window_remembers_its_splitters(
    qtbot: QtBot,
    archive: Archive,
    import_texts: Callable[..., list[int]],
    make_window: Callable[[Archive], MainWindow],
) -> None:
    import_texts(ARTICLES)
    first = make_window(archive)
    first.resize(780, 560)  # the test screen is small; a window must fit to be restored as is
    first.main_splitter.setSizes([200, 250, 300])
    sizes = first.main_splitter.sizes()
    first.close()
    second = make_window(archive)
    assert second.main_splitter.sizes() == sizes


@pytest.mark.usefixtures("archive")
def test_a_locked_archive_gets_a_dialog_not_a_traceback(
    qtbot: QtBot,
    archive_path: Path,
    app_settings: AppSettings,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    messages: list[str] = []

    def answer(_parent: object, _path: Path, message: str, _details: str) -> AfterOpenFailure:
        messages.append(message)
        return AfterOpenFailure.QUIT

    monkeypatch.setattr(dialogs, "ask_after_open_failure", answer)
    session = WindowSession(app_settings)
    assert not session.start(archive_path, tmp_path / "default")
    assert "already open in another program" in messages[0]
    assert session.window is None


def test_the_last_archive_opens_at_start_and_another_can_be_chosen(
    qtbot: QtBot, app_settings: AppSettings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first, second = tmp_path / "first", tmp_path / "second"
    session = WindowSession(app_settings)
    assert session.start(first, tmp_path / "default")
    assert session.window is not None
    session.close()
    assert app_settings.last_archive == first.resolve()
    monkeypatch.setattr(dialogs, "ask_after_open_failure", lambda *_: AfterOpenFailure.QUIT)
    session = WindowSession(app_settings)
    assert session.start(None, tmp_path / "default")
    assert session.archive is not None
    assert session.archive.path == first.resolve()
    assert session.open(second, create=True)
    assert session.archive.path == second.resolve()
    assert app_settings.recent_archives[:2] == [second.resolve(), first.resolve()]
    session.close()


def test_ctrl_f_in_the_reader_finds_in_the_source_and_elsewhere_searches(
    qtbot: QtBot, articles_window: MainWindow
) -> None:
    window = articles_window
    source_id = click_title(qtbot, window, "Two days that ended a republic")
    qtbot.waitUntil(lambda: window.reader.source_id == source_id)
    qtbot.keyClick(window.source_list.table, Qt.Key.Key_3, Qt.KeyboardModifier.AltModifier)
    focused = QApplication.focusWidget()
    assert focused is not None
    assert window.reader.isAncestorOf(focused)
    qtbot.keyClick(focused, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.reader.find_bar.isVisible()
    assert not window.search_bar.field.hasFocus()
    qtbot.keyClick(window.source_list.table, Qt.Key.Key_2, Qt.KeyboardModifier.AltModifier)
    assert window.source_list.table.hasFocus()
    qtbot.keyClick(window.source_list.table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.search_bar.field.hasFocus()


def test_a_damaged_archive_gets_a_dialog_and_another_can_be_made(
    qtbot: QtBot, app_settings: AppSettings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    damaged = tmp_path / "damaged"
    write_file(damaged, "archive.db", b"this is not a database" * 100)
    messages: list[str] = []

    def answer(_parent: object, _path: Path, message: str, _details: str) -> AfterOpenFailure:
        messages.append(message)
        return AfterOpenFailure.CREATE_NEW

    monkeypatch.setattr(dialogs, "ask_after_open_failure", answer)
    monkeypatch.setattr(dialogs, "ask_new_archive_folder", lambda _parent: tmp_path / "fresh")
    session = WindowSession(app_settings)
    assert session.start(damaged, tmp_path / "default")
    assert "damaged" in messages[0]
    assert session.window is not None
    qtbot.addWidget(session.window)
    assert session.archive is not None
    assert session.archive.path == (tmp_path / "fresh").resolve()
    session.close()


def test_f1_explains_searching_and_points_to_the_alias_window(
    qtbot: QtBot, articles_window: MainWindow
) -> None:
    window = articles_window
    press(qtbot, window.source_list.item_view(), "F1")
    qtbot.waitUntil(lambda: window.findChild(QMessageBox, "queryHelp") is not None)
    help_box = window.findChild(QMessageBox, "queryHelp")
    assert help_box is not None
    text = help_box.text()
    assert "Research ▸ Place-name aliases… (Ctrl+Shift+L)" in text
    assert "archive-app" not in text
    assert "Research ▸ Place-name aliases" in window.search_bar.field.toolTip()
    help_box.close()


def test_the_status_bar_counts_what_the_list_shows(
    qtbot: QtBot, archive: Archive, articles_window: MainWindow
) -> None:
    window = articles_window
    counted(qtbot, window.sidebar)
    count = window.count_label
    assert count.text().startswith("3 sources · ")
    type_search(qtbot, window, "bridge")
    assert count.text().startswith("2 of 3 sources · ")
    window.search_bar.field.setFocus()
    qtbot.keyClick(window.search_bar.field, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: count.text().startswith("3 sources · "))
    articles = window.sidebar.summary_model.index_of(("kind", "text"))
    rect = window.sidebar.visualRect(articles)
    qtbot.mouseClick(window.sidebar.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: count.text().startswith("3 sources · "))
    images = window.sidebar.summary_model.index_of(("kind", "image"))
    rect = window.sidebar.visualRect(images)
    qtbot.mouseClick(window.sidebar.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: count.text().startswith("0 of 3 sources · "))


def test_the_import_dialog_is_big_enough_to_read_its_columns(
    qtbot: QtBot, articles_window: MainWindow
) -> None:
    window = articles_window
    seen: list[tuple[str, int, int]] = []

    def look_then_cancel() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QFileDialog):
            QTimer.singleShot(20, look_then_cancel)
            return
        seen.append((dialog.windowTitle(), dialog.width(), dialog.height()))
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)

    QTimer.singleShot(20, look_then_cancel)
    press(qtbot, window.source_list.item_view(), "Ctrl+I")
    assert len(seen) == 1
    title, width, height = seen[0]
    assert title == "Import files"
    assert width >= 900 and height >= 560
    assert width >= window.width() * 0.7 - 1
