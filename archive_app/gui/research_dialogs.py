"""The questions asked while organising research: an event's name, dates, place and
description; a perspective's name, description and colour; a tag's name; what to do with an
event or perspective that is still in use.

Each question is a small module-level function (pytest-qt's advice for dialogs), so tests
answer it by replacing the function; the dialogs themselves are tested on their own.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor, QIcon
from PySide6.QtWidgets import (
    QButtonGroup,
    QColorDialog,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from archive_app.core.errors import InvalidInputError
from archive_app.core.events import checked_dates
from archive_app.core.messages import QT_TRANSLATE_NOOP
from archive_app.core.perspectives import PALETTE
from archive_app.gui.core_text import translated
from archive_app.gui.counts import annotations_count, sources_count
from archive_app.gui.dates import typed_date
from archive_app.gui.error_label import ErrorLabel
from archive_app.gui.icons import color_dot

DESCRIPTION_LINES = 4
MIN_DIALOG_WIDTH = 360
TITLE_BAR_ROOM = 140
"""Beside a dialog's title, the window system draws its buttons and the program's name."""
SWATCH = 18
COLOR_NAMES = dict(
    zip(
        PALETTE,
        (
            QT_TRANSLATE_NOOP("research_dialogs", "Blue"),
            QT_TRANSLATE_NOOP("research_dialogs", "Orange"),
            QT_TRANSLATE_NOOP("research_dialogs", "Green"),
            QT_TRANSLATE_NOOP("research_dialogs", "Magenta"),
            QT_TRANSLATE_NOOP("research_dialogs", "Violet"),
            QT_TRANSLATE_NOOP("research_dialogs", "Ochre"),
            QT_TRANSLATE_NOOP("research_dialogs", "Turquoise"),
            QT_TRANSLATE_NOOP("research_dialogs", "Red"),
            QT_TRANSLATE_NOOP("research_dialogs", "Grey"),
            QT_TRANSLATE_NOOP("research_dialogs", "Lime"),
            QT_TRANSLATE_NOOP("research_dialogs", "Pink"),
            QT_TRANSLATE_NOOP("research_dialogs", "Brown"),
        ),
        strict=True,
    )
)
DELETE_TITLES = {
    "event": QT_TRANSLATE_NOOP("research_dialogs", "Delete event"),
    "perspective": QT_TRANSLATE_NOOP("research_dialogs", "Delete perspective"),
    "tag": QT_TRANSLATE_NOOP("research_dialogs", "Delete tag"),
}


def color_name(color: str) -> str:
    """A palette colour by its name ("Blue"); any other by its code."""
    return QCoreApplication.translate("research_dialogs", COLOR_NAMES.get(color.lower(), color))


@dataclass(frozen=True)
class EventFields:
    name: str = ""
    start: str = ""
    end: str = ""
    place: str = ""
    description: str = ""


@dataclass(frozen=True)
class PerspectiveFields:
    name: str = ""
    description: str = ""
    color: str = ""


def _description_field(parent: QWidget, text: str, placeholder: str) -> QPlainTextEdit:
    field = QPlainTextEdit(parent)
    field.setObjectName("descriptionField")
    field.setAccessibleName(QCoreApplication.translate("research_dialogs", "Description"))
    field.setPlaceholderText(placeholder)
    field.setTabChangesFocus(True)
    field.setPlainText(text)
    field.setFixedHeight(field.fontMetrics().lineSpacing() * DESCRIPTION_LINES + 12)
    return field


def _line(parent: QWidget, name: str, label: str, text: str, placeholder: str = "") -> QLineEdit:
    field = QLineEdit(text, parent)
    field.setObjectName(f"{name}Field")
    field.setAccessibleName(label)
    field.setPlaceholderText(placeholder)
    return field


class EventDialog(QDialog):
    """An event's name, dates, place and description. Refuses, under the form, a missing
    name or dates that are not dates, so what reaches the archive is valid."""

    def __init__(self, title: str, fields: EventFields, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("eventDialog")
        self.setWindowTitle(title)
        self.name = _line(
            self, "name", self.tr("Name"), fields.name, self.tr("Second Karabakh War")
        )
        self.start = _line(
            self, "start", self.tr("Start"), fields.start, self.tr("2020, Sep 2020 or 27 Sep 2020")
        )
        self.end = _line(
            self, "end", self.tr("End"), fields.end, self.tr("Leave empty for a single day")
        )
        self.place = _line(
            self, "place", self.tr("Place"), fields.place, self.tr("Nagorno-Karabakh")
        )
        self.description = _description_field(
            self, fields.description, self.tr("What happened, and why it matters to this research")
        )
        self.error = ErrorLabel("event", self)
        form = QFormLayout()
        form.addRow(self.tr("&Name"), self.name)
        dates = QHBoxLayout()
        dates.addWidget(self.start)
        dates.addWidget(QLabel("to", self))
        dates.addWidget(self.end)
        dates_label = QLabel(self.tr("&Dates"), self)
        dates_label.setBuddy(self.start)
        form.addRow(dates_label, dates)
        form.addRow(self.tr("&Place"), self.place)
        form.addRow("D&escription", self.description)
        _finish(self, form, self.error)

    def fields(self) -> EventFields:
        return EventFields(
            self.name.text().strip(),
            typed_date(self.start.text()),
            typed_date(self.end.text()),
            self.place.text().strip(),
            self.description.toPlainText().strip(),
        )

    def accept(self) -> None:
        fields = self.fields()
        if not fields.name:
            self.error.show_error(self.tr("Give the event a name."))
            self.name.setFocus()
            return
        try:
            checked_dates(fields.start, fields.end)
        except InvalidInputError as error:
            self.error.show_error(translated(error.message))
            self.start.setFocus()
            return
        super().accept()


class ColorSwatches(QWidget):
    """The palette's colours as round buttons, and "Other…" for any colour."""

    def __init__(self, color: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("colorSwatches")
        self.setAccessibleName(self.tr("Colour"))
        self._color = color
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        for swatch in PALETTE:
            button = QToolButton(self)
            button.setObjectName("swatch")
            button.setCheckable(True)
            button.setAutoRaise(True)
            button.setIcon(color_dot(swatch, SWATCH))
            button.setAccessibleName(color_name(swatch))
            button.setToolTip(color_name(swatch))
            button.setProperty("color", swatch)
            button.setChecked(swatch == color.lower())
            self.group.addButton(button)
            layout.addWidget(button)
        self.other = QToolButton(self)
        self.other.setObjectName("otherColorButton")
        self.other.setText(self.tr("Other…"))
        self.other.setAutoRaise(True)
        self.other.clicked.connect(self._choose_other)
        layout.addWidget(self.other)
        layout.addStretch(1)
        self._set(color)
        self.group.buttonClicked.connect(lambda button: self._set(str(button.property("color"))))

    @property
    def color(self) -> str:
        return self._color

    def _set(self, color: str) -> None:
        self._color = color
        self.group.setExclusive(False)  # an exclusive group keeps one checked: none may be
        for button in self.group.buttons():
            button.setChecked(button.property("color") == color)
        self.group.setExclusive(True)
        custom = color not in PALETTE
        self.other.setIcon(color_dot(color, SWATCH) if custom else QIcon())
        self.other.setToolButtonStyle(
            Qt.ToolButtonStyle.ToolButtonTextBesideIcon
            if custom
            else Qt.ToolButtonStyle.ToolButtonTextOnly
        )

    def _choose_other(self) -> None:
        chosen = ask_color(self, self._color)
        if chosen is not None:
            self._set(chosen)


class PerspectiveDialog(QDialog):
    """A perspective's name, description and colour."""

    def __init__(
        self, title: str, fields: PerspectiveFields, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("perspectiveDialog")
        self.setWindowTitle(title)
        self.name = _line(self, "name", self.tr("Name"), fields.name, self.tr("International wire"))
        self.description = _description_field(
            self, fields.description, self.tr("Who speaks from this viewpoint")
        )
        self.swatches = ColorSwatches(fields.color or PALETTE[0], self)
        self.error = ErrorLabel("perspective", self)
        form = QFormLayout()
        form.addRow(self.tr("&Name"), self.name)
        form.addRow("D&escription", self.description)
        form.addRow(self.tr("&Colour"), self.swatches)
        _finish(self, form, self.error)

    def fields(self) -> PerspectiveFields:
        return PerspectiveFields(
            self.name.text().strip(), self.description.toPlainText().strip(), self.swatches.color
        )

    def accept(self) -> None:
        if not self.fields().name:
            self.error.show_error(self.tr("Give the perspective a name."))
            self.name.setFocus()
            return
        super().accept()


def _finish(dialog: QDialog, form: QFormLayout, error: QLabel) -> None:
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, dialog
    )
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    layout = QVBoxLayout(dialog)
    layout.addLayout(form)
    layout.addWidget(error)
    layout.addWidget(buttons)
    dialog.setMinimumWidth(460)


# The questions


def ask_event(parent: QWidget | None, title: str, fields: EventFields) -> EventFields | None:
    """An event's fields, filled in from ``fields``; None when cancelled."""
    dialog = EventDialog(title, fields, parent)
    return dialog.fields() if dialog.exec() == QDialog.DialogCode.Accepted else None


def ask_perspective(
    parent: QWidget | None, title: str, fields: PerspectiveFields
) -> PerspectiveFields | None:
    dialog = PerspectiveDialog(title, fields, parent)
    return dialog.fields() if dialog.exec() == QDialog.DialogCode.Accepted else None


def ask_color(parent: QWidget | None, current: str) -> str | None:
    """Any colour, as #rrggbb; None when cancelled."""
    color = QColorDialog.getColor(
        QColor(current),
        parent,
        QCoreApplication.translate("research_dialogs", "Perspective colour"),
    )
    return color.name() if color.isValid() else None


def ask_tag_name(parent: QWidget | None, title: str, names: Sequence[str]) -> str | None:
    """A tag's name: one of ``names`` (offered as you type) or a new one."""
    dialog = QInputDialog(parent)
    dialog.setObjectName("tagNameDialog")
    dialog.setWindowTitle(title)
    dialog.setLabelText(QCoreApplication.translate("research_dialogs", "Tag:"))
    dialog.setComboBoxItems(list(names))
    dialog.setComboBoxEditable(True)
    dialog.setTextValue("")
    metrics = dialog.fontMetrics()
    widest = max(map(metrics.horizontalAdvance, [title, *names]))
    combo = dialog.findChild(QComboBox)
    if combo is not None:
        # The dialog's layout sets its size from its fields: the field makes room for the title.
        combo.setMinimumWidth(max(MIN_DIALOG_WIDTH, widest + TITLE_BAR_ROOM))
        combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        completer = combo.completer()
        if completer is not None:
            completer.setFilterMode(Qt.MatchFlag.MatchContains)
            popup = completer.popup()
            if popup is not None:
                popup.setMinimumWidth(widest + TITLE_BAR_ROOM // 2)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    name = " ".join(dialog.textValue().split())
    return name or None


def confirm_delete_in_use(
    parent: QWidget | None, kind: str, name: str, sources: int, annotations: int
) -> bool:
    """Whether to delete an event, perspective or tag that sources or annotations carry
    (it comes off them; Undo puts it back)."""
    uses = QCoreApplication.translate("research_dialogs", " and ").join(
        text
        for count, text in (
            (sources, sources_count(sources)),
            (annotations, annotations_count(annotations)),
        )
        if count
    )
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(QCoreApplication.translate("research_dialogs", DELETE_TITLES[kind]))
    box.setText(
        QCoreApplication.translate("research_dialogs", "“{name}” is assigned to {uses}.").format(
            name=name, uses=uses
        )
    )
    box.setInformativeText(
        QCoreApplication.translate(
            "research_dialogs",
            "Delete it and remove it from them? Edit ▸ Undo puts everything back.",
        )
        if sources + annotations > 1
        else QCoreApplication.translate(
            "research_dialogs", "Delete it and remove it from that one? Edit ▸ Undo puts it back."
        )
    )
    delete = box.addButton(
        QCoreApplication.translate("research_dialogs", "Delete and remove from {uses}").format(
            uses=uses
        ),
        QMessageBox.ButtonRole.DestructiveRole,
    )
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    box.exec()
    return box.clickedButton() is delete
