"""The alias editor, driven as a person would: make a group and find the other name through the
window's search at once; add, rename and remove names; write a note; delete a group and undo."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton
from pytestqt.qtbot import QtBot

from archive_app.core.aliases import AliasGroup
from archive_app.core.archive import Archive
from archive_app.gui.alias_editor import AliasEditor
from archive_app.gui.alias_editor.models import AliasGroupModel, AliasNameModel
from archive_app.gui.main_window import MainWindow
from tests.gui.window_helpers import shown_titles, type_search

SOURCES = {
    "nk.md": "---\ntitle: The blockade\n---\nNagorno-Karabakh was cut off for nine months.",
    "artsakh.md": "---\ntitle: Parliament\n---\nThe Artsakh parliament met in a basement.",
    "other.md": "---\ntitle: Markets\n---\nMarkets rallied in Baku.",
}


@pytest.fixture
def window(
    archive: Archive,
    import_texts: Callable[..., list[int]],
    make_window: Callable[[Archive], MainWindow],
) -> MainWindow:
    import_texts(SOURCES)
    archive.aliases.add(
        ["Khankendi", "Stepanakert", "Xankəndi"], note="Khankendi in Azerbaijani sources"
    )
    return make_window(archive)


def open_editor(qtbot: QtBot, window: MainWindow) -> AliasEditor:
    window.activateWindow()
    qtbot.keyClick(
        window,
        Qt.Key.Key_L,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    editor = window.findChild(AliasEditor, "aliasEditor")
    assert editor is not None
    qtbot.waitUntil(editor.isVisible)
    return editor


def button(editor: AliasEditor, name: str) -> QPushButton:
    found = editor.findChild(QPushButton, name)
    assert found is not None, name
    return found


def field(editor: AliasEditor, name: str) -> QLineEdit:
    found = editor.findChild(QLineEdit, name)
    assert found is not None, name
    return found


def error_text(editor: AliasEditor, name: str) -> str:
    label = editor.findChild(QLabel, name)
    assert label is not None, name
    return label.text() if label.isVisible() else ""


def group_labels(editor: AliasEditor) -> list[str]:
    model = editor.group_model
    return [str(model.index(row, 0).data()) for row in range(model.rowCount())]


def click(qtbot: QtBot, widget: QPushButton) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def make_group(qtbot: QtBot, editor: AliasEditor, names: str) -> None:
    click(qtbot, button(editor, "aliasNewGroup"))
    qtbot.keyClicks(field(editor, "aliasNewNames"), names)
    click(qtbot, button(editor, "aliasCreate"))


def test_a_new_group_is_searched_at_once_through_the_window(
    qtbot: QtBot, window: MainWindow, archive: Archive
) -> None:
    type_search(qtbot, window, "Artsakh")
    assert shown_titles(window) == ["Parliament"]
    editor = open_editor(qtbot, window)
    with qtbot.waitSignal(window.search_bar.hitsFound, timeout=10_000):
        make_group(qtbot, editor, "Artsakh, Nagorno-Karabakh")
    assert sorted(shown_titles(window)) == ["Parliament", "The blockade"]
    assert group_labels(editor) == [
        "Khankendi · Stepanakert · Xankəndi",
        "Artsakh · Nagorno-Karabakh",
    ]
    assert editor.current_group() == archive.aliases.group_of("Artsakh")
    type_search(qtbot, window, "Nagorno-Karabakh")
    assert sorted(shown_titles(window)) == ["Parliament", "The blockade"]


def test_a_name_already_in_another_group_is_an_inline_error(
    qtbot: QtBot, window: MainWindow, archive: Archive
) -> None:
    editor = open_editor(qtbot, window)
    make_group(qtbot, editor, "Stepanakert, Artsakh")
    assert "'Stepanakert' is already in another alias group" in error_text(editor, "aliasNewError")
    assert len(archive.aliases.all()) == 1
    click(qtbot, button(editor, "aliasNewGroup"))
    assert error_text(editor, "aliasNewError") == ""
    qtbot.keyClicks(field(editor, "aliasNewNames"), "Shusha")
    click(qtbot, button(editor, "aliasCreate"))
    assert "at least two different names" in error_text(editor, "aliasNewError")


def test_names_are_added_corrected_and_removed(
    qtbot: QtBot, window: MainWindow, archive: Archive
) -> None:
    editor = open_editor(qtbot, window)
    group_id = archive.aliases.all()[0].id
    qtbot.keyClicks(field(editor, "aliasNewName"), "Stepanakert")
    click(qtbot, button(editor, "aliasAddName"))
    assert "already a name of this group" in error_text(editor, "aliasNameError")
    name_field = field(editor, "aliasNewName")
    name_field.clear()
    qtbot.keyClicks(name_field, "Xankendi city")
    qtbot.keyClick(name_field, Qt.Key.Key_Return)
    assert archive.aliases.get(group_id).names[-1] == "Xankendi city"
    assert name_field.text() == ""
    assert error_text(editor, "aliasNameError") == ""
    names = editor.pane.names
    last = editor.pane.name_model.index(3, 0)
    names.setCurrentIndex(last)
    names.edit(last)
    editing = names.findChild(QLineEdit)
    assert editing is not None
    editing.selectAll()
    qtbot.keyClicks(editing, "Xankendi town")
    qtbot.keyClick(editing, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: archive.aliases.get(group_id).names[-1] == "Xankendi town")
    names.setCurrentIndex(editor.pane.name_model.index(3, 0))
    click(qtbot, button(editor, "aliasRemoveName"))
    assert archive.aliases.get(group_id).names == ("Khankendi", "Stepanakert", "Xankəndi")
    assert archive.search("Xankendi town").total == 0


def test_a_group_of_two_keeps_its_names_and_says_why(
    qtbot: QtBot, window: MainWindow, archive: Archive
) -> None:
    editor = open_editor(qtbot, window)
    make_group(qtbot, editor, "Shusha, Shushi")
    editor.pane.names.setCurrentIndex(editor.pane.name_model.index(0, 0))
    remove = button(editor, "aliasRemoveName")
    assert not remove.isEnabled()
    assert "delete the group instead" in remove.toolTip()


def test_the_note_is_saved_as_it_is_typed(
    qtbot: QtBot, window: MainWindow, archive: Archive
) -> None:
    editor = open_editor(qtbot, window)
    note = editor.pane.note
    note.setFocus()
    note.selectAll()
    qtbot.keyClicks(note, "Stepanakert in Armenian sources")
    group_id = archive.aliases.all()[0].id
    qtbot.waitUntil(lambda: archive.aliases.get(group_id).note == "Stepanakert in Armenian sources")
    assert editor.group_model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole) == (
        "Stepanakert in Armenian sources"
    )


def test_a_note_typed_just_before_choosing_another_group_stays_with_its_own(
    qtbot: QtBot, window: MainWindow, archive: Archive
) -> None:
    editor = open_editor(qtbot, window)
    make_group(qtbot, editor, "Shusha, Shushi")
    first = editor.groups.visualRect(editor.group_model.index(0, 0)).center()
    second = editor.groups.visualRect(editor.group_model.index(1, 0)).center()
    qtbot.mouseClick(editor.groups.viewport(), Qt.MouseButton.LeftButton, pos=second)
    editor.pane.note.setFocus()
    qtbot.keyClicks(editor.pane.note, "Shushi in Armenian sources")
    qtbot.mouseClick(editor.groups.viewport(), Qt.MouseButton.LeftButton, pos=first)
    city, town = archive.aliases.all()
    assert town.note == "Shushi in Armenian sources"
    assert city.note == "Khankendi in Azerbaijani sources"
    assert editor.pane.note.toPlainText() == "Khankendi in Azerbaijani sources"


def test_a_deleted_group_can_be_brought_back(
    qtbot: QtBot, window: MainWindow, archive: Archive
) -> None:
    editor = open_editor(qtbot, window)
    click(qtbot, button(editor, "aliasDeleteGroup"))
    assert archive.aliases.all() == []
    assert "Deleted the group Khankendi · Stepanakert · Xankəndi" in editor.notice.text()
    assert editor.empty.isVisible()
    assert archive.search("Stepanakert").total == 0
    click(qtbot, button(editor, "aliasUndo"))
    [group] = archive.aliases.all()
    assert group.names == ("Khankendi", "Stepanakert", "Xankəndi")
    assert group.note == "Khankendi in Azerbaijani sources"
    assert group_labels(editor) == ["Khankendi · Stepanakert · Xankəndi"]
    assert not button(editor, "aliasUndo").isVisible()


def test_the_models_pass_the_model_tester(qtmodeltester: object) -> None:
    groups = AliasGroupModel()
    groups.set_groups([AliasGroup(1, ("Shusha", "Shushi")), AliasGroup(2, ("A", "B"), "note")])
    qtmodeltester.check(groups)  # type: ignore[attr-defined]
    names = AliasNameModel()
    names.set_names(["Shusha", "Shushi", "Şuşa"])
    qtmodeltester.check(names)  # type: ignore[attr-defined]
