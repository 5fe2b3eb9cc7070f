"""The alias editor's right-hand side: a new group's names and note, or one group's names and
note to edit."""

from __future__ import annotations

import re

from PySide6.QtCore import QSize
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from archive_app.gui.alias_editor.models import AliasNameModel
from archive_app.gui.error_label import ErrorLabel
from archive_app.gui.icons import icon

SEPARATORS = re.compile(r"[,;\n]")


class NewGroupForm(QWidget):
    """Names for a new group, typed with commas between them, and its note."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.names = QLineEdit(self)
        self.names.setObjectName("aliasNewNames")
        self.names.setPlaceholderText(self.tr("Shusha, Shushi, Şuşa"))
        self.names.setAccessibleName(self.tr("Names of the new group"))
        self.note = QLineEdit(self)
        self.note.setObjectName("aliasNewNote")
        self.note.setPlaceholderText(self.tr("Who uses which name (optional)"))
        self.error = ErrorLabel("aliasNew", self)
        self.create_button = QPushButton(icon("add"), self.tr("Create group"), self)
        self.create_button.setObjectName("aliasCreate")
        self.create_button.setDefault(True)
        self.cancel = QPushButton(self.tr("Cancel"), self)
        title = QLabel(self.tr("<b>New group</b>"), self)
        hint = QLabel(
            self.tr("Type the names one place or thing goes by, separated by commas."), self
        )
        hint.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.cancel)
        buttons.addWidget(self.create_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(title)
        layout.addWidget(hint)
        layout.addWidget(self.names)
        layout.addWidget(self.note)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        layout.addStretch(1)
        self.names.returnPressed.connect(self.create_button.click)
        self.note.returnPressed.connect(self.create_button.click)

    def typed_names(self) -> list[str]:
        return [name.strip() for name in SEPARATORS.split(self.names.text()) if name.strip()]

    def reset(self) -> None:
        self.names.clear()
        self.note.clear()
        self.error.show_error("")


class GroupPane(QWidget):
    """One group's names (add, rename in place, remove) and its note."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.name_model = AliasNameModel(self)
        self.names = QListView(self)
        self.names.setObjectName("aliasNames")
        self.names.setAccessibleName(self.tr("Names of the group"))
        self.names.setModel(self.name_model)
        self.names.setIconSize(QSize(16, 16))
        self.names.setSpacing(3)
        self.names.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.new_name = QLineEdit(self)
        self.new_name.setObjectName("aliasNewName")
        self.new_name.setPlaceholderText(self.tr("Add a name…"))
        self.new_name.setAccessibleName(self.tr("New name for the group"))
        self.add = QPushButton(icon("add"), self.tr("Add"), self)
        self.add.setObjectName("aliasAddName")
        self.remove = QPushButton(icon("remove"), self.tr("Remove name"), self)
        self.remove.setObjectName("aliasRemoveName")
        self.error = ErrorLabel("aliasName", self)
        self.note = QPlainTextEdit(self)
        self.note.setObjectName("aliasNote")
        self.note.setAccessibleName(self.tr("Note on who uses which name"))
        self.note.setPlaceholderText(
            self.tr("Who uses which name: Khankendi in Azerbaijani sources, …")
        )
        self.note.setTabChangesFocus(True)
        heading = QLabel(self.tr("<b>Names</b> — double-click one to correct its spelling"), self)
        note_heading = QLabel("<b>Note</b>", self)
        adding = QHBoxLayout()
        adding.addWidget(self.new_name, 1)
        adding.addWidget(self.add)
        adding.addWidget(self.remove)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(heading)
        layout.addWidget(self.names, 2)
        layout.addLayout(adding)
        layout.addWidget(self.error)
        layout.addSpacing(6)
        layout.addWidget(note_heading)
        layout.addWidget(self.note, 1)
        self.new_name.returnPressed.connect(self.add.click)
