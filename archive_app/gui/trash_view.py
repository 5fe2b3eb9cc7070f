"""The Trash: sources deleted but not destroyed, to restore (ids and all) or to destroy for good.

Opened from the sidebar's *Trash* entry. Restoring is an edit like any other (Ctrl+Z takes it
back); emptying asks first, runs in the background, is recorded in the audit trail, and only
then removes the originals.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from archive_app.core.archive import Archive
from archive_app.core.trash import TrashedSource
from archive_app.gui.counts import sources_count
from archive_app.gui.editing import Edits
from archive_app.gui.icons import kind_icon
from archive_app.gui.sources.model import local_time
from archive_app.gui.tasks import TaskRunner

ID_ROLE = Qt.ItemDataRole.UserRole


def confirm_empty(parent: QWidget | None, count: int) -> bool:
    """Ask before destroying trashed sources; tests replace this."""
    answer = QMessageBox.warning(
        parent,
        QCoreApplication.translate("trash_view", "Empty the trash"),
        QCoreApplication.translate(
            "trash_view",
            "Destroy {sources} for good, with their annotations and original files?\n\n"
            "This cannot be undone. The audit trail keeps a record that it was done.",
        ).format(sources=sources_count(count)),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Cancel,
    )
    return answer == QMessageBox.StandardButton.Yes


class TrashView(QDialog):
    """The list of trashed sources with *Restore* and *Empty trash…*."""

    restored = Signal(list)
    """Source ids put back."""
    emptied = Signal()

    def __init__(
        self,
        archive: Archive,
        edits: Edits,
        tasks: TaskRunner,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("trashView")
        self.setWindowTitle(self.tr("Trash"))
        self.resize(640, 380)
        self._archive = archive
        self._edits = edits
        self._tasks = tasks
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.list = QTreeWidget(self)
        self.list.setObjectName("trashList")
        self.list.setHeaderLabels([self.tr("Title"), self.tr("Deleted"), self.tr("Annotations")])
        self.list.setRootIsDecorated(False)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.list.setColumnWidth(0, 330)
        self.list.setColumnWidth(1, 150)
        self.list.itemSelectionChanged.connect(self._selection_changed)
        buttons = QDialogButtonBox(self)
        self.restore_button = QPushButton(self.tr("&Restore"), self)
        self.restore_button.setToolTip(self.tr("Put the selected sources back as they were"))
        self.empty_button = QPushButton(self.tr("&Empty trash…"), self)
        self.empty_button.setToolTip(self.tr("Destroy everything in the trash, originals included"))
        self.empty_button.setAutoDefault(False)
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.empty_button, QDialogButtonBox.ButtonRole.DestructiveRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        self.restore_button.clicked.connect(self.restore_selected)
        self.empty_button.clicked.connect(self.empty)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.list, 1)
        layout.addWidget(buttons)
        self.refresh()

    def refresh(self) -> None:
        items = self._archive.trash.items()
        self.list.clear()
        for trashed in items:
            self.list.addTopLevelItem(_item(trashed))
        if items:
            self.summary.setText(
                self.tr(
                    "{counted} deleted. Nothing here is destroyed until the trash is emptied; "
                    "restored sources come back with their annotations and ids."
                ).format(counted=sources_count(len(items)))
            )
        else:
            self.summary.setText(self.tr("The trash is empty. Deleted sources wait here."))
        self.empty_button.setEnabled(bool(items))
        self._selection_changed()

    def restore_selected(self) -> None:
        ids = [int(item.data(0, ID_ROLE)) for item in self.list.selectedItems()]
        if ids and self._edits.apply(lambda: self._archive.trash.restore(ids)) is not None:
            self.refresh()
            self.restored.emit(ids)

    def empty(self) -> None:
        count = self.list.topLevelItemCount()
        if not count or not confirm_empty(self, count):
            return
        archive = self._archive
        self.empty_button.setEnabled(False)
        self._tasks.run(
            lambda _context: archive.trash.empty(),
            on_success=lambda _emptied: self._emptied(),
            label=self.tr("Emptying the trash"),
        )

    def _emptied(self) -> None:
        self.refresh()
        self.emptied.emit()

    def _selection_changed(self) -> None:
        self.restore_button.setEnabled(bool(self.list.selectedItems()))


def _item(trashed: TrashedSource) -> QTreeWidgetItem:
    item = QTreeWidgetItem([trashed.title, local_time(trashed.trashed_at), ""])
    if trashed.annotations:
        item.setText(2, str(trashed.annotations))
    item.setIcon(0, kind_icon(trashed.kind))
    item.setData(0, ID_ROLE, trashed.source_id)
    item.setToolTip(
        0,
        QCoreApplication.translate("trash_view", "Source {source_id}: {title}").format(
            source_id=trashed.source_id, title=trashed.title
        ),
    )
    return item
