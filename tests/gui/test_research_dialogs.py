"""The dialogs of organising research, driven on their own: the event form, the perspective
form with its colour swatches, and the annotation editor with its label rows."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLineEdit,
    QToolButton,
    QWidget,
)
from pytestqt.qtbot import QtBot

from archive_app.core.archive import Archive
from archive_app.gui import research_dialogs
from archive_app.gui.annotations.editor import AnnotationDraft, AnnotationEditor
from archive_app.gui.editing import Edits
from archive_app.gui.label_rows import Label, LabelRow
from archive_app.gui.labeling import Labeling
from archive_app.gui.research_dialogs import (
    EventDialog,
    EventFields,
    PerspectiveDialog,
    PerspectiveFields,
)
from tests.gui.window_helpers import POPUP_NOISE
from tests.helpers import dump_database

pytestmark = POPUP_NOISE  # the name fields' completions are popups


def type_into(qtbot: QtBot, field: QLineEdit, text: str) -> None:
    field.setFocus()
    field.selectAll()
    qtbot.keyClicks(field, text)


def line(dialog: QWidget, name: str) -> QLineEdit:
    found = dialog.findChild(QLineEdit, f"{name}Field")
    assert found is not None
    return found


def ok_button(dialog: QDialog) -> QToolButton:
    box = dialog.findChild(QDialogButtonBox)
    assert box is not None
    buttons = box.buttons()
    return next(b for b in buttons if box.buttonRole(b) == QDialogButtonBox.ButtonRole.AcceptRole)  # type: ignore[return-value]


# The event form


def test_the_event_form_refuses_a_date_that_is_not_one_and_accepts_partial_dates(
    qtbot: QtBot,
) -> None:
    dialog = EventDialog("New event", EventFields("Blockade"))
    qtbot.addWidget(dialog)
    dialog.show()
    type_into(qtbot, line(dialog, "start"), "2022-13")
    qtbot.mouseClick(ok_button(dialog), Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert "no month 13" in dialog.error.text()

    type_into(qtbot, line(dialog, "start"), "2022-12")
    type_into(qtbot, line(dialog, "end"), "2021")
    qtbot.mouseClick(ok_button(dialog), Qt.MouseButton.LeftButton)
    assert "cannot end" in dialog.error.text()

    type_into(qtbot, line(dialog, "end"), "2023-09")
    type_into(qtbot, line(dialog, "place"), "Lachin corridor")
    type_into(qtbot, line(dialog, "name"), "  Blockade of the Lachin corridor ")
    with qtbot.waitSignal(dialog.accepted):
        qtbot.mouseClick(ok_button(dialog), Qt.MouseButton.LeftButton)
    assert dialog.fields() == EventFields(
        "Blockade of the Lachin corridor", "2022-12", "2023-09", "Lachin corridor"
    )


def test_the_event_form_takes_dates_as_people_write_them(qtbot: QtBot) -> None:
    dialog = EventDialog("New event", EventFields("September offensive"))
    qtbot.addWidget(dialog)
    dialog.show()
    type_into(qtbot, line(dialog, "start"), "19 September 2023")
    type_into(qtbot, line(dialog, "end"), "Sep 20, 2023")
    with qtbot.waitSignal(dialog.accepted):
        qtbot.mouseClick(ok_button(dialog), Qt.MouseButton.LeftButton)
    assert dialog.fields() == EventFields("September offensive", "2023-09-19", "2023-09-20")


def test_the_event_form_needs_a_name(qtbot: QtBot) -> None:
    dialog = EventDialog("New event", EventFields())
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.mouseClick(ok_button(dialog), Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert dialog.error.text() == "Give the event a name."


# The perspective form


def test_a_swatch_or_any_colour_is_chosen_for_a_perspective(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog = PerspectiveDialog("New perspective", PerspectiveFields("Op-ed", color="#1f77b4"))
    qtbot.addWidget(dialog)
    dialog.show()
    swatches = [b for b in dialog.findChildren(QToolButton, "swatch") if b.isVisible()]
    assert [b.isChecked() for b in swatches][:2] == [True, False]
    qtbot.mouseClick(swatches[3], Qt.MouseButton.LeftButton)
    assert dialog.fields().color == "#c51b7d"

    monkeypatch.setattr(research_dialogs, "ask_color", lambda _parent, _current: "#7b1fa2")
    qtbot.mouseClick(dialog.swatches.other, Qt.MouseButton.LeftButton)
    assert dialog.fields() == PerspectiveFields("Op-ed", "", "#7b1fa2")
    assert not any(b.isChecked() for b in swatches)


def test_tab_goes_down_the_perspective_form_and_keeps_what_is_typed(qtbot: QtBot) -> None:
    dialog = PerspectiveDialog("New perspective", PerspectiveFields(color="#1f77b4"))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(dialog.isActiveWindow)
    dialog.name.setFocus()
    qtbot.keyClicks(dialog.name, "International wire")
    qtbot.keyClick(dialog.name, Qt.Key.Key_Tab)
    assert dialog.description.hasFocus()
    qtbot.keyClicks(dialog.description, "Agencies that sell to every side")
    qtbot.keyClick(dialog.description, Qt.Key.Key_Tab)
    swatch = QApplication.focusWidget()
    assert swatch is not None
    tops = [
        widget.mapTo(dialog, QPoint()).y() for widget in (dialog.name, dialog.description, swatch)
    ]
    assert tops == sorted(tops), "Tab went back up the form"
    assert isinstance(swatch, QToolButton) and dialog.swatches.isAncestorOf(swatch)
    assert swatch.accessibleName() == "Blue"
    qtbot.keyClick(swatch, Qt.Key.Key_Right)
    assert dialog.fields() == PerspectiveFields(
        "International wire", "Agencies that sell to every side", "#e66101"
    )


# The annotation editor


@pytest.fixture
def labeling(qtbot: QtBot, archive: Archive) -> Labeling:
    host = QWidget()
    qtbot.addWidget(host)
    archive.perspectives.create("Armenian government", color="#c62828")
    archive.events.create("Exodus over the Hakari bridge", start="2023-09-24")
    archive.tags.create("displacement")
    return Labeling(archive, Edits(QUndoStack(host), host), host)


def add_in_row(qtbot: QtBot, row: LabelRow, typed: str, *, pick: bool = False) -> None:
    """Click "+ add", type, and confirm: Enter, or (``pick``) the first completion."""
    qtbot.mouseClick(row.add_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(row.entry, typed)
    if pick:
        popup = row.entry.completer().popup()
        qtbot.waitUntil(popup.isVisible)
        qtbot.keyClick(popup, Qt.Key.Key_Down)
        qtbot.keyClick(popup, Qt.Key.Key_Return)
    else:
        qtbot.keyClick(row.entry, Qt.Key.Key_Return)


def test_the_editor_keeps_labels_until_saved_and_ctrl_enter_saves(
    qtbot: QtBot, archive: Archive, labeling: Labeling, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(
        research_dialogs,
        "ask_event",
        lambda _parent, _title, fields: EventFields(fields.name, "2023-09-19"),
    )
    before = dump_database(archive)
    dialog = AnnotationEditor(labeling, "Annotate", "“more than 6,600 people”", AnnotationDraft())
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.note.hasFocus)
    assert dialog.target.text() == "“more than 6,600 people”"
    qtbot.keyClicks(dialog.note, "Day one: 6,600.")

    add_in_row(qtbot, dialog.rows["perspective"], "armenian", pick=True)
    add_in_row(qtbot, dialog.rows["tag"], "casualties")
    add_in_row(qtbot, dialog.rows["tag"], "displacement")
    add_in_row(qtbot, dialog.rows["event"], "September offensive")
    tags = dialog.rows["tag"]
    assert tags.names() == ["casualties", "displacement"]
    chip = tags.chip("casualties")
    assert chip.remove_button is not None
    qtbot.mouseClick(chip.remove_button, Qt.MouseButton.LeftButton)
    assert dump_database(archive) == before, "nothing is made before Save"

    with qtbot.waitSignal(dialog.accepted):
        qtbot.keyClick(dialog.note, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    draft = dialog.draft()
    assert draft.note == "Day one: 6,600."
    assert [(x.kind, x.name) for x in draft.labels] == [
        ("perspective", "Armenian government"),
        ("event", "September offensive"),
        ("tag", "displacement"),
    ]
    new_event = draft.of_kind("event")[0]
    assert new_event.ref == "September offensive" and new_event.pending is not None


def test_enter_in_a_name_field_adds_the_name_and_ctrl_enter_saves_from_anywhere(
    qtbot: QtBot, labeling: Labeling
) -> None:
    dialog = AnnotationEditor(labeling, "Annotate", "“more than 6,600 people”", AnnotationDraft())
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.note.hasFocus)
    finished: list[int] = []
    dialog.finished.connect(finished.append)

    add_in_row(qtbot, dialog.rows["tag"], "casualties")
    add_in_row(qtbot, dialog.rows["tag"], "displacement", pick=True)
    assert dialog.isVisible() and not finished
    assert dialog.rows["tag"].names() == ["casualties", "displacement"]
    add_in_row(qtbot, dialog.rows["perspective"], "Armenian government")
    assert dialog.isVisible() and not finished

    add_button = dialog.rows["event"].add_button
    add_button.setFocus()
    qtbot.keyClick(add_button, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert finished == [QDialog.DialogCode.Accepted]
    assert [label.name for label in dialog.draft().labels] == [
        "Armenian government",
        "casualties",
        "displacement",
    ]


def test_the_completion_list_shows_long_names_whole(
    qtbot: QtBot, archive: Archive, labeling: Labeling
) -> None:
    long_name = "Exodus of the Armenian population of Nagorno-Karabakh over the bridge"
    archive.events.create(long_name, start="2023-09-24")
    dialog = AnnotationEditor(labeling, "Annotate", "“the bridge”", AnnotationDraft())
    qtbot.addWidget(dialog)
    dialog.show()
    row = dialog.rows["event"]
    qtbot.mouseClick(row.add_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(row.entry, "exodus")
    popup = row.entry.completer().popup()
    qtbot.waitUntil(popup.isVisible)
    assert popup.viewport().width() >= popup.fontMetrics().horizontalAdvance(long_name)
    qtbot.keyClick(row.entry, Qt.Key.Key_Escape)


def test_escape_closes_a_name_field_without_adding(qtbot: QtBot, labeling: Labeling) -> None:
    dialog = AnnotationEditor(labeling, "Annotate", "“x”", AnnotationDraft("n", []))
    qtbot.addWidget(dialog)
    dialog.show()
    row = dialog.rows["tag"]
    qtbot.mouseClick(row.add_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(row.entry, "half typed")
    qtbot.keyClick(row.entry, Qt.Key.Key_Escape)
    assert row.entry.isHidden()
    assert row.names() == []
    assert dialog.isVisible()


def test_a_draft_shows_its_labels_and_removing_one_keeps_the_rest(
    qtbot: QtBot, labeling: Labeling
) -> None:
    existing = labeling.existing("perspective") + labeling.existing("tag")
    dialog = AnnotationEditor(labeling, "Edit annotation", "“x”", AnnotationDraft("n", existing))
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.rows["perspective"].names() == ["Armenian government"]
    chip = dialog.rows["perspective"].chip("Armenian government")
    assert chip.remove_button is not None
    qtbot.mouseClick(chip.remove_button, Qt.MouseButton.LeftButton)
    assert [label.name for label in dialog.draft().labels] == ["displacement"]
    assert isinstance(dialog.draft().labels[0], Label)
