"""The annotation editor: a compact dialog for a note and its events, perspectives and tags.

It opens on what is being annotated (the quoted passage, or the region), takes the note
(Ctrl+Enter saves from anywhere in the dialog; Enter in a name field only accepts the name),
and keeps the labels chosen until Save: a tag typed for the first time is made with the
annotation; a new event or perspective is described first (its dates, its colour) and made
with it too, so Cancel leaves the archive as it was.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import partial

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence, QPalette
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from archive_app.core.messages import QT_TRANSLATE_NOOP
from archive_app.core.research import Kind
from archive_app.gui.label_rows import Label, LabelRow
from archive_app.gui.labeling import Labeling

NOTE_LINES = 6
ROWS: tuple[tuple[Kind, str], ...] = (
    ("perspective", QT_TRANSLATE_NOOP("editor", "Perspectives")),
    ("event", QT_TRANSLATE_NOOP("editor", "Events")),
    ("tag", QT_TRANSLATE_NOOP("editor", "Tags")),
)
TARGET_CHARS = 320


@dataclass(frozen=True)
class AnnotationDraft:
    """A note and the labels chosen for it."""

    note: str = ""
    labels: list[Label] = field(default_factory=list)

    def of_kind(self, kind: Kind) -> list[Label]:
        return [label for label in self.labels if label.kind == kind]


class NoteField(QPlainTextEdit):
    """The note; Tab moves on."""

    def __init__(self, dialog: QDialog) -> None:
        super().__init__(dialog)
        self.setObjectName("annotationNote")
        self.setAccessibleName(self.tr("Note"))
        self.setPlaceholderText(self.tr("Your note on this (Markdown welcome). Ctrl+Enter saves."))
        self.setTabChangesFocus(True)
        self.setMinimumHeight(self.fontMetrics().lineSpacing() * NOTE_LINES + 12)


class AnnotationEditor(QDialog):
    """Write a note and choose its labels."""

    def __init__(
        self,
        labeling: Labeling,
        title: str,
        target: str,
        draft: AnnotationDraft,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("annotationEditor")
        self.setWindowTitle(title)
        self.labeling = labeling
        self.target = QLabel(_shortened(target), self)
        self.target.setObjectName("annotationTarget")
        self.target.setWordWrap(True)
        self.target.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.target.setFrameShape(QFrame.Shape.StyledPanel)
        self.target.setMargin(8)
        self.target.setBackgroundRole(QPalette.ColorRole.AlternateBase)
        self.target.setAutoFillBackground(True)
        font = self.target.font()
        font.setItalic(target.startswith("“"))
        self.target.setFont(font)
        self.note = NoteField(self)
        self.note.setPlainText(draft.note)
        self.rows: dict[Kind, LabelRow] = {}
        form = QFormLayout()
        form.setHorizontalSpacing(12)
        for kind, text in ROWS:
            row = LabelRow(kind, self, choices=partial(labeling.names, kind))
            row.setAccessibleName(QCoreApplication.translate("editor", text))
            row.addRequested.connect(lambda name, kind=kind: self._add(kind, name))
            row.removeRequested.connect(self._remove)
            row.show_labels(draft.of_kind(kind))
            self.rows[kind] = row
            form.addRow(text, row)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        save = buttons.button(QDialogButtonBox.StandardButton.Save)
        save.setToolTip(
            self.tr("Save the annotation ({keys})").format(
                keys=QKeySequence("Ctrl+Return").toString(QKeySequence.SequenceFormat.NativeText)
            )
        )
        save.setAutoDefault(False)
        save_keys = QAction(self.tr("Save the annotation"), self)
        save_keys.setShortcuts([QKeySequence("Ctrl+Return"), QKeySequence("Ctrl+Enter")])
        save_keys.triggered.connect(self.accept)
        self.addAction(save_keys)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.target)
        layout.addWidget(self.note, 1)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.setMinimumWidth(480)
        self.note.setFocus()

    def draft(self) -> AnnotationDraft:
        labels = [label for row in self.rows.values() for label in row.labels()]
        return AnnotationDraft(self.note.toPlainText().strip(), labels)

    def _add(self, kind: Kind, name: str) -> None:
        row = self.rows[kind]
        if any(label.name.casefold() == name.casefold() for label in row.labels()):
            return
        label = self.labeling.resolve(kind, name)
        if label is not None:
            row.show_labels([*row.labels(), label])

    def _remove(self, label: Label) -> None:
        row = self.rows[label.kind]
        row.show_labels([kept for kept in row.labels() if kept != label])


def ask_annotation(
    parent: QWidget | None,
    labeling: Labeling,
    title: str,
    target: str,
    draft: AnnotationDraft,
) -> AnnotationDraft | None:
    """A note and labels for what ``target`` names; None when cancelled."""
    editor = AnnotationEditor(labeling, title, target, draft, parent)
    return editor.draft() if editor.exec() == QDialog.DialogCode.Accepted else None


def _shortened(text: str) -> str:
    return text if len(text) <= TARGET_CHARS else text[: TARGET_CHARS - 1].rstrip() + "…"
