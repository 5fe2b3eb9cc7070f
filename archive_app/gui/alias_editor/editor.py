"""The alias editor: groups of names for one place or thing (Khankendi, Stepanakert, Xankəndi),
each with a note on who uses which name.

Search reads the groups when a query runs, so every edit here applies to the next search at
once, with no reindex. The core alias API changes the archive directly rather than returning
undoable changes, so alias edits are not on the window's undo stack; deleting a whole group,
the one edit that loses typing, offers an Undo of its own in the editor.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListView,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from archive_app.core.aliases import Aliases, AliasGroup
from archive_app.core.errors import ArchiveError
from archive_app.core.search.gazetteer import Gazetteer
from archive_app.gui.alias_editor.forms import GroupPane, NewGroupForm
from archive_app.gui.alias_editor.gazetteer_panel import GazetteerPanel
from archive_app.gui.alias_editor.models import (
    GROUP_ROLE,
    AliasGroupModel,
    GroupDelegate,
    group_label,
)
from archive_app.gui.icons import icon
from archive_app.gui.reader.colors import mix

NOTE_SAVE_MS = 500


class AliasEditor(QDialog):
    """The alias editor (objectName ``aliasEditor``); not modal, so a search can be tried in
    the window while it is open."""

    aliasesChanged = Signal()

    def __init__(
        self, aliases: Aliases, parent: QWidget | None = None, gazetteer: Gazetteer | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("aliasEditor")
        self.setWindowTitle("Place-name aliases")
        self.setModal(False)
        self._aliases = aliases
        self._undo: Callable[[], None] | None = None
        self._pane_group: int | None = None
        """The group whose names and note the pane shows."""
        self.group_model = AliasGroupModel(self)
        self.groups = QListView(self)
        self.groups.setObjectName("aliasGroups")
        self.groups.setAccessibleName("Alias groups")
        self.groups.setModel(self.group_model)
        self.groups.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.groups.setItemDelegate(GroupDelegate(self.groups))
        self.groups.setUniformItemSizes(True)
        self.new_group = QPushButton(icon("add"), "New group", self)
        self.new_group.setObjectName("aliasNewGroup")
        self.delete_group = QPushButton(icon("remove"), "Delete group", self)
        self.delete_group.setObjectName("aliasDeleteGroup")
        self.form = NewGroupForm(self)
        self.pane = GroupPane(self)
        self.empty = QLabel(
            "No alias groups yet. Make one for each place that goes by several names, and a "
            "search for any of them finds them all.",
            self,
        )
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.notice = QLabel(self)
        self.notice.setObjectName("aliasNotice")
        self.undo_button = QPushButton("Undo", self)
        self.undo_button.setObjectName("aliasUndo")
        self._right = QStackedWidget(self)
        self.gazetteer = None if gazetteer is None else GazetteerPanel(gazetteer, aliases, self)
        self._note_timer = QTimer(self)
        self._note_timer.setSingleShot(True)
        self._note_timer.setInterval(NOTE_SAVE_MS)
        self._build()
        self._connect()
        self.reload()

    # Building

    def _build(self) -> None:
        intro = QLabel(
            "Names of one place or thing. A search for any name of a group finds the sources "
            "that use the others; edits apply to the next search at once.",
            self,
        )
        intro.setWordWrap(True)
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(QLabel("<b>Groups</b>", self))
        left_layout.addWidget(self.groups, 1)
        group_buttons = QHBoxLayout()
        group_buttons.addWidget(self.new_group)
        group_buttons.addWidget(self.delete_group)
        group_buttons.addStretch(1)
        left_layout.addLayout(group_buttons)
        self._right.addWidget(self.pane)
        self._right.addWidget(self.form)
        self._right.addWidget(self.empty)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(left)
        splitter.addWidget(self._right)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([320, 400])
        notice_row = QHBoxLayout()
        notice_row.addWidget(self.notice, 1)
        notice_row.addWidget(self.undo_button)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(splitter, 1)
        if self.gazetteer is not None:
            layout.addWidget(self.gazetteer, 1)
        layout.addLayout(notice_row)
        layout.addWidget(close)
        self._show_notice("")
        self._recolor(intro)
        self.resize(self.sizeHint())

    def _connect(self) -> None:
        self.groups.selectionModel().currentRowChanged.connect(lambda *_: self._show_current())
        self.new_group.clicked.connect(self._start_new_group)
        self.delete_group.clicked.connect(self._delete_current)
        self.form.create_button.clicked.connect(self._create_group)
        self.form.cancel.clicked.connect(self._show_current)
        self.pane.add.clicked.connect(self._add_name)
        self.pane.remove.clicked.connect(self._remove_name)
        # Queued: the rename reloads the names, which must wait until the item editor is closed.
        self.pane.name_model.renameRequested.connect(
            self._rename, Qt.ConnectionType.QueuedConnection
        )
        self.pane.names.selectionModel().currentRowChanged.connect(lambda *_: self._enable())
        self.pane.note.textChanged.connect(self._note_timer.start)
        self.pane.note.installEventFilter(self)
        self._note_timer.timeout.connect(self._save_note)
        self.undo_button.clicked.connect(self._undo_last)
        if self.gazetteer is not None:
            self.gazetteer.changed.connect(self._changed)
            self.gazetteer.adopted.connect(self._adopted)

    # What is shown

    def reload(self, select: int | None = None) -> None:
        """Read the groups again, selecting ``select`` (or the current group)."""
        current = self.current_group()
        wanted = select if select is not None else (current.id if current else None)
        self.group_model.set_groups(self._aliases.all())
        row = self.group_model.row_of(wanted) if wanted is not None else None
        if row is None and self.group_model.rowCount():
            row = 0
        if row is not None:
            self.groups.setCurrentIndex(self.group_model.index(row, 0))
        self._show_current()

    def current_group(self) -> AliasGroup | None:
        index = self.groups.currentIndex()
        group = index.data(GROUP_ROLE) if index.isValid() else None
        return group if isinstance(group, AliasGroup) else None

    def _show_current(self) -> None:
        self._save_note()
        group = self.current_group()
        self._pane_group = None if group is None else group.id
        if group is None:
            self._right.setCurrentWidget(self.empty)
        else:
            self._right.setCurrentWidget(self.pane)
            self.pane.name_model.set_names(group.names)
            self.pane.note.blockSignals(True)
            self.pane.note.setPlainText(group.note)
            self.pane.note.blockSignals(False)
            self.pane.error.show_error("")
            if self.gazetteer is not None:
                self.gazetteer.look_up(group.names[0])
        self._enable()

    def _enable(self) -> None:
        group = self.current_group()
        self.delete_group.setEnabled(group is not None)
        chosen = self.pane.names.currentIndex().isValid()
        enough = group is not None and len(group.names) > 2
        self.pane.remove.setEnabled(chosen and enough)
        self.pane.remove.setToolTip(
            "" if enough else "A group needs two names at least: delete the group instead."
        )

    # Groups

    def _start_new_group(self) -> None:
        self._save_note()
        self._pane_group = None
        self.form.reset()
        self._right.setCurrentWidget(self.form)
        self.form.names.setFocus()

    def _create_group(self) -> None:
        names = self.form.typed_names()
        try:
            group = self._aliases.new_group(names, note=self.form.note.text())
        except ArchiveError as error:
            self.form.error.show_error(str(error))
            return
        self._changed(f"Made the group {group_label(group)}.")
        self.reload(select=group.id)

    def _delete_current(self) -> None:
        group = self.current_group()
        if group is None:
            return
        self._note_timer.stop()
        self._pane_group = None
        self._aliases.remove_group(group.id)
        self.reload()
        restore = self._aliases.new_group
        self._changed(
            f"Deleted the group {group_label(group)}.",
            undo=lambda: self.reload(select=restore(group.names, note=group.note).id),
        )

    def _adopted(self, group_id: int) -> None:
        group = self._aliases.get(group_id)
        self._changed(f"Adopted the gazetteer's names as the group {group_label(group)}.")
        self.reload(select=group_id)

    # Names

    def _add_name(self) -> None:
        group = self.current_group()
        name = self.pane.new_name.text().strip()
        if group is None or not name:
            return
        try:
            self._aliases.add_name(group.id, name)
        except ArchiveError as error:
            self.pane.error.show_error(str(error))
            return
        self.pane.new_name.clear()
        self._changed(f"Added “{name}”.")
        self.reload()

    def _remove_name(self) -> None:
        group = self.current_group()
        index = self.pane.names.currentIndex()
        if group is None or not index.isValid():
            return
        name = self.pane.name_model.name(index.row())
        self._aliases.remove_name(name)
        self._changed(f"Removed “{name}”.")
        self.reload()

    def _rename(self, old: str, new: str) -> None:
        group = self.current_group()
        if group is None:
            return
        try:
            self._aliases.rename(group.id, old, new)
        except ArchiveError as error:
            self.pane.error.show_error(str(error))
            return
        self._changed(f"Renamed “{old}” to “{new}”.")
        self.reload()

    # The note, saved a moment after typing stops and when the field is left

    def _save_note(self) -> None:
        """Save the note of the group the pane shows, if it was changed."""
        self._note_timer.stop()
        shown = next((g for g in self._aliases.all() if g.id == self._pane_group), None)
        note = self.pane.note.toPlainText().strip()
        if shown is None or note == shown.note:
            return
        self.group_model.update_group(self._aliases.set_note(shown.id, note))
        self._changed("Saved the note.")

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.pane.note and event.type() == QEvent.Type.FocusOut:
            self._save_note()
        return super().eventFilter(watched, event)

    def done(self, result: int) -> None:
        self._save_note()
        super().done(result)

    # Telling what happened

    def _changed(self, message: str, undo: Callable[[], None] | None = None) -> None:
        self._show_notice(message, undo)
        self.aliasesChanged.emit()

    def _show_notice(self, message: str, undo: Callable[[], None] | None = None) -> None:
        self._undo = undo
        self.notice.setText(message)
        self.undo_button.setVisible(undo is not None)

    def _undo_last(self) -> None:
        undo, self._undo = self._undo, None
        if undo is not None:
            undo()
            self._changed("Restored the group.")

    def _recolor(self, *labels: QLabel) -> None:
        for label in (*labels, self.notice, self.empty):
            palette = label.palette()
            text = self.palette().color(QPalette.ColorRole.WindowText)
            window = self.palette().color(QPalette.ColorRole.Window)
            palette.setColor(QPalette.ColorRole.WindowText, mix(text, window, 0.35))
            label.setPalette(palette)

    def sizeHint(self) -> QSize:
        return QSize(760, 460 if self.gazetteer is None else 680)
