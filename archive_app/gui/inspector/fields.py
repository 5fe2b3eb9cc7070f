"""The editable metadata of a source: fields that commit on Enter or when the focus leaves them
(never per keystroke), revert on Escape, and show a refused value's reason under themselves."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QFocusEvent, QKeyEvent
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QToolButton,
    QWidget,
)

from archive_app.core.messages import QT_TRANSLATE_NOOP
from archive_app.core.model import Source
from archive_app.gui.dates import format_published, typed_date
from archive_app.gui.error_label import ErrorLabel
from archive_app.gui.icons import icon
from archive_app.gui.inspector.facts import form_label

NOTES_LINES = 5


@dataclass(frozen=True)
class FieldSpec:
    name: str
    label: str
    placeholder: str = ""


LINE_FIELDS = (
    FieldSpec("title", QT_TRANSLATE_NOOP("fields", "Title")),
    FieldSpec(
        "authors",
        QT_TRANSLATE_NOOP("fields", "Authors"),
        QT_TRANSLATE_NOOP("fields", "Names, separated by commas"),
    ),
    FieldSpec(
        "site_name",
        QT_TRANSLATE_NOOP("fields", "Site"),
        QT_TRANSLATE_NOOP("fields", "Publication or website"),
    ),
    FieldSpec(
        "published",
        QT_TRANSLATE_NOOP("fields", "Published"),
        QT_TRANSLATE_NOOP("fields", "2023, September 2023 or 25 September 2023"),
    ),
    FieldSpec("source_url", "URL", "https://…"),
    FieldSpec(
        "language",
        QT_TRANSLATE_NOOP("fields", "Language"),
        QT_TRANSLATE_NOOP("fields", "e.g. en, hy, az, ru"),
    ),
)


def stored_text(source: Source, name: str) -> str:
    """A field's value as its editor shows it."""
    if name == "authors":
        return ", ".join(source.authors)
    if name == "published":
        return format_published(source.published)
    return str(getattr(source, name))


def edited_value(name: str, text: str) -> Any:
    """What an editor's text means for the archive: authors are a list, a date is read as
    people write it."""
    if name == "authors":
        return [part.strip() for part in text.split(",") if part.strip()]
    if name == "published":
        return typed_date(text)
    return text


class LineField(QLineEdit):
    """A one-line field. ``committed`` is emitted on Enter or when the focus leaves it, only if
    the text was changed; Escape puts the stored value back."""

    committed = Signal(str, str)

    def __init__(self, spec: FieldSpec, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.spec = spec
        self.setObjectName(f"{spec.name}Field")
        self.setAccessibleName(QCoreApplication.translate("fields", spec.label))
        self.setPlaceholderText(QCoreApplication.translate("fields", spec.placeholder))
        self._stored = ""
        self.editingFinished.connect(self.finish)

    def set_stored(self, value: str) -> None:
        self._stored = value
        self.setText(value)
        self.setCursorPosition(0)
        self.setModified(False)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape and self.text() != self._stored:
            self.set_stored(self._stored)
            event.accept()
            return
        super().keyPressEvent(event)

    def finish(self) -> None:
        """Commit the text if it was changed since it was stored or last committed."""
        if self.isModified():
            self.setModified(False)
            self.committed.emit(self.spec.name, self.text())


class NotesField(QPlainTextEdit):
    """Notes, several lines, Markdown welcome. Committed when the focus leaves or on
    Ctrl+Enter; Tab moves on rather than typing a tab."""

    committed = Signal(str, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("notesField")
        self.setAccessibleName(self.tr("Notes"))
        self.setPlaceholderText(self.tr("Notes on this source (Markdown welcome)"))
        self.setTabChangesFocus(True)
        self.setFixedHeight(self.fontMetrics().lineSpacing() * NOTES_LINES + 12)

    def set_stored(self, value: str) -> None:
        self.setPlainText(value)
        self.document().setModified(False)

    def commit(self) -> None:
        if self.document().isModified():
            self.document().setModified(False)
            self.committed.emit("notes", self.toPlainText())

    def keyPressEvent(self, event: QKeyEvent) -> None:
        enter = event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        if enter and event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.commit()
            event.accept()
            return
        super().keyPressEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.commit()


class MetadataForm(QWidget):
    """The editable fields of a source. ``edited`` carries a field's name and its new value
    (authors as a list); the pane applies it and reports back a refusal with :meth:`refuse`."""

    edited = Signal(str, object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.fields: dict[str, LineField] = {}
        self.errors: dict[str, ErrorLabel] = {}
        form = QFormLayout(self)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.setContentsMargins(0, 0, 0, 0)
        form.setHorizontalSpacing(12)
        form.setVerticalSpacing(6)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for spec in LINE_FIELDS:
            field = LineField(spec, self)
            field.committed.connect(self._commit)
            self.fields[spec.name] = field
            self.errors[spec.name] = ErrorLabel(spec.name, self)
            editor: QWidget = field
            if spec.name == "source_url":
                editor = self._with_open_button(field)
            form.addRow(
                self._label(QCoreApplication.translate("fields", spec.label), field), editor
            )
            form.addRow("", self.errors[spec.name])
        self.notes = NotesField(self)
        self.notes.committed.connect(self._commit)
        self.errors["notes"] = ErrorLabel("notes", self)
        form.addRow(self._label(self.tr("Notes"), self.notes), self.notes)
        form.addRow("", self.errors["notes"])

    def show_source(self, source: Source) -> None:
        for name, field in self.fields.items():
            field.set_stored(stored_text(source, name))
        self.notes.set_stored(source.notes)
        self.open_url.setEnabled(_is_web_address(source.source_url))
        for error in self.errors.values():
            error.show_error("")

    def commit_pending(self) -> None:
        """Apply what was typed but not yet committed (the source is about to change)."""
        for field in self.fields.values():
            field.finish()
        self.notes.commit()

    def refuse(self, name: str, message: str) -> None:
        self.errors[name].show_error(message)

    def accept(self, name: str) -> None:
        self.errors[name].show_error("")

    def _commit(self, name: str, text: str) -> None:
        self.edited.emit(name, edited_value(name, text))

    def _label(self, text: str, buddy: QWidget) -> QLabel:
        label = form_label(text, self)
        label.setBuddy(buddy)
        return label

    def _with_open_button(self, field: LineField) -> QWidget:
        box = QWidget(self)
        layout = QHBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        self.open_url = QToolButton(box)
        self.open_url.setObjectName("openUrlButton")
        self.open_url.setIcon(icon("open-original"))
        self.open_url.setAutoRaise(True)
        self.open_url.setToolTip(self.tr("Open this address in the web browser"))
        self.open_url.setAccessibleName(self.tr("Open the URL"))
        self.open_url.clicked.connect(lambda: QDesktopServices.openUrl(QUrl(field.text().strip())))
        field.textChanged.connect(lambda text: self.open_url.setEnabled(_is_web_address(text)))
        layout.addWidget(field, 1)
        layout.addWidget(self.open_url)
        return box


def _is_web_address(text: str) -> bool:
    url = QUrl(text.strip())
    return url.isValid() and url.scheme() in ("http", "https") and bool(url.host())
