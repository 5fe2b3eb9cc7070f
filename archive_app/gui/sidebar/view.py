"""The sidebar: library views by kind, the event tree, perspectives, tags and saved searches,
each with its number of sources. Choosing an entry filters the source list; dropping sources
on an entry labels them, and entries are renamed, moved and deleted in place.

The counts are read off the GUI thread (:func:`archive_app.core.listing.sidebar_summary`); when
they arrive the tree is rebuilt, keeping what was expanded and selected.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QContextMenuEvent,
    QDrag,
    QDragEnterEvent,
    QDragLeaveEvent,
    QDragMoveEvent,
    QDropEvent,
    QKeyEvent,
    QMouseEvent,
)
from PySide6.QtWidgets import QAbstractItemDelegate, QAbstractItemView, QTreeView, QWidget

from archive_app.core.archive import Archive
from archive_app.core.listing import SidebarSummary
from archive_app.gui.mime import dropped_event_id, dropped_source_ids, event_mime
from archive_app.gui.sidebar.delegate import (
    ADD_ROLE,
    COUNT_ROLE,
    DETAIL_ROLE,
    DROP_ROLE,
    ENTRY_ROLE,
    CountDelegate,
    plus_rect,
)
from archive_app.gui.sidebar.model import TRASH, SidebarEntry, SidebarModel
from archive_app.gui.tasks import TaskRunner

__all__ = ["COUNT_ROLE", "DETAIL_ROLE", "ENTRY_ROLE", "Sidebar", "SidebarEntry", "SidebarModel"]


class Sidebar(QTreeView):
    """The sidebar (objectName ``sidebar``).

    Besides choosing what the list shows, it takes part in organising research: sources
    dropped on an event, a perspective or a tag get it; an event dragged onto another moves
    under it (onto the "Events" heading: to the top level); F2 or a double-click renames an
    entry; Delete, the context menu and the sections' "+" ask for the rest. It only asks
    (its signals); :class:`~archive_app.gui.sidebar.editing.SidebarEditor` does it.
    """

    viewChosen = Signal(object)
    """A library view was chosen (a :class:`View`)."""
    savedSearchChosen = Signal(str)
    trashChosen = Signal()
    summaryShown = Signal(object)
    """New counts are shown (the :class:`SidebarSummary`)."""
    sourcesDropped = Signal(list, object)
    """Source ids were dropped on an entry (its key: ``("event", id)`` and so on)."""
    eventDropped = Signal(int, object)
    """An event was dropped to move it: its id and its new parent's (None: top level)."""
    renameRequested = Signal(object, str)
    """An entry was renamed in place: its key and the new name."""
    addRequested = Signal(str)
    """A section's "+" was clicked: "event", "perspective" or "tag"."""
    deleteRequested = Signal(object)
    """Delete was pressed on an entry (its key)."""
    menuRequested = Signal(object, QPoint)
    """The context menu of an entry or a section is wanted: its key and the screen point."""

    def __init__(self, archive: Archive, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sidebar")
        self.setAccessibleName(self.tr("Library, events, perspectives and tags"))
        self._archive = archive
        self._tasks = tasks
        self._generation = 0
        self._waiting: SidebarSummary | None = None
        self._drop_target = QPersistentModelIndex()
        self._model = SidebarModel(self)
        self.setModel(self._model)
        self.setHeaderHidden(True)
        self.setUniformRowHeights(True)
        self.setIndentation(14)
        self.delegate = CountDelegate(self)
        self.delegate.renamed.connect(self._renamed)
        self.setItemDelegate(self.delegate)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.DoubleClicked
        )
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.DefaultContextMenu)
        self.setMouseTracking(True)
        self.expandAll()
        self.select_key(("all", None))
        self.selectionModel().currentChanged.connect(self._current_changed)

    @property
    def summary_model(self) -> SidebarModel:
        return self._model

    def refresh(self) -> None:
        """Count again, in the background."""
        self._generation += 1
        generation = self._generation
        listing = self._archive.listing
        self._tasks.run(
            lambda _context: listing.summary(),
            on_success=lambda summary: self._show(generation, summary),
            label=self.tr("Counting sources"),
        )

    def select_key(self, key: tuple[str, object]) -> None:
        """Select an entry without announcing it (the list is told separately)."""
        index = self._model.index_of(key)
        selection = self.selectionModel()
        selection.blockSignals(True)
        if index.isValid() and index.flags() & Qt.ItemFlag.ItemIsSelectable:
            selection.setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        else:
            selection.clear()
        selection.blockSignals(False)
        self.viewport().update()

    def clear_choice(self) -> None:
        self.select_key(("none", None))

    def chosen_key(self) -> tuple[str, object] | None:
        entry = self.currentIndex().data(ENTRY_ROLE)
        selected = self.selectionModel().hasSelection()
        return entry.key if isinstance(entry, SidebarEntry) and selected else None

    def rename(self, key: tuple[str, object]) -> None:
        """Start renaming an entry in place (what F2 does on it)."""
        index = self._model.index_of(key)
        if index.isValid():
            self.setCurrentIndex(index)
            self.edit(index)

    # Counts arriving

    def _show(self, generation: int, summary: SidebarSummary) -> None:
        if generation != self._generation:
            return
        if self.state() == QAbstractItemView.State.EditingState:
            self._waiting = summary  # rebuilding now would close the editor: after it
            return
        chosen = self.chosen_key()
        collapsed = self._collapsed_keys()
        self._model.show_summary(summary)
        self.expandAll()
        for key in collapsed:
            self.collapse(self._model.index_of(key))
        if chosen is not None:
            self.select_key(chosen)
        self.summaryShown.emit(summary)

    def closeEditor(self, editor: QWidget, hint: QAbstractItemDelegate.EndEditHint) -> None:
        super().closeEditor(editor, hint)
        waiting, self._waiting = self._waiting, None
        if waiting is not None:
            self._show(self._generation, waiting)

    def _collapsed_keys(self) -> list[tuple[str, object]]:
        keys = []
        for row in range(self._model.rowCount()):
            stack = [self._model.item(row)]
            while stack:
                item = stack.pop()
                entry = item.data(ENTRY_ROLE)
                expandable = item.hasChildren() and isinstance(entry, SidebarEntry)
                if expandable and not self.isExpanded(item.index()):
                    keys.append(entry.key)
                stack.extend(item.child(i) for i in range(item.rowCount()))
        return keys

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        entry = current.data(ENTRY_ROLE)
        if not isinstance(entry, SidebarEntry):
            return
        if entry.key == TRASH:
            self.trashChosen.emit()
        elif entry.view is not None:
            self.viewChosen.emit(entry.view)
        elif entry.query:
            self.savedSearchChosen.emit(entry.query)

    # Asking for changes

    def _renamed(self, index: QPersistentModelIndex, name: str) -> None:
        key = _key_of(index)
        if key is not None:
            self.renameRequested.emit(key, name)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = _key_of(self.currentIndex())
        if event.key() == Qt.Key.Key_Delete and key is not None and key[0] in EDITABLE:
            self.deleteRequested.emit(key)
            event.accept()
            return
        super().keyPressEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        index = self.indexAt(event.position().toPoint())
        adds = index.data(ADD_ROLE) if index.isValid() else None
        if (
            adds
            and event.button() == Qt.MouseButton.LeftButton
            and plus_rect(self.visualRect(index)).contains(event.position().toPoint())
        ):
            self.addRequested.emit(str(adds))
            event.accept()
            return
        super().mousePressEvent(event)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        if event.reason() == QContextMenuEvent.Reason.Keyboard:
            index = self.currentIndex()
            point = self.visualRect(index).center()
        else:
            point = event.pos()
            index = self.indexAt(point)
        key = _key_of(index)
        if key is not None:
            self.menuRequested.emit(key, self.viewport().mapToGlobal(point))
            event.accept()

    # Dragging events, dropping sources and events

    def startDrag(self, supportedActions: Qt.DropAction) -> None:
        index = self.currentIndex()
        key = _key_of(index)
        if key is None or key[0] != "event":
            return
        drag = QDrag(self)
        drag.setMimeData(event_mime(int(str(key[1])), str(index.data())))
        drag.exec(Qt.DropAction.MoveAction)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        """Take any drag of sources or of an event (Qt sends no moves after a refused
        enter); whether it can be dropped is decided as it moves over the entries."""
        mime = event.mimeData()
        if dropped_source_ids(mime) or dropped_event_id(mime) is not None:
            self._set_drop_target(self._target(event))
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        index = self._target(event)
        self._set_drop_target(index)
        if index.isValid():
            event.acceptProposedAction()
        else:
            event.ignore()
        self._autoscroll(event.position().toPoint())

    def dragLeaveEvent(self, event: QDragLeaveEvent) -> None:
        self._set_drop_target(QModelIndex())
        event.accept()

    def dropEvent(self, event: QDropEvent) -> None:
        index = self._target(event)
        self._set_drop_target(QModelIndex())
        key = _key_of(index)
        if key is None:
            event.ignore()
            return
        event.acceptProposedAction()
        moved = dropped_event_id(event.mimeData())
        if moved is not None:
            self.eventDropped.emit(moved, None if key[0] == "section" else key[1])
        else:
            self.sourcesDropped.emit(dropped_source_ids(event.mimeData()), key)

    def _target(self, event: QDropEvent) -> QModelIndex:
        """The entry a drag may be dropped on (invalid: none): an event, a perspective or a
        tag for sources; for an event, another event that is not beneath it, or the "Events"
        heading."""
        index = self.indexAt(event.position().toPoint())
        key = _key_of(index)
        mime = event.mimeData()
        moved = dropped_event_id(mime)
        if key is None:
            return QModelIndex()
        if moved is not None:
            if key == ("section", "event") or (
                key[0] == "event" and not self._is_within(index, moved)
            ):
                return index
            return QModelIndex()
        if dropped_source_ids(mime) and key[0] in EDITABLE:
            return index
        return QModelIndex()

    def _is_within(self, index: QModelIndex, event_id: int) -> bool:
        """Whether ``index`` is the event ``event_id`` or lies beneath it."""
        while index.isValid():
            if _key_of(index) == ("event", event_id):
                return True
            index = index.parent()
        return False

    def _set_drop_target(self, index: QModelIndex) -> None:
        """Frame the entry a drag is over (the delegate draws the frame)."""
        if self._drop_target == index:
            return
        previous = self._drop_target
        if previous.isValid():
            old = self._model.index(previous.row(), previous.column(), previous.parent())
            self._model.setData(old, False, DROP_ROLE)
        if index.isValid():
            self._model.setData(index, True, DROP_ROLE)
        self._drop_target = QPersistentModelIndex(index)

    def _autoscroll(self, point: QPoint) -> None:
        margin = self.fontMetrics().height()
        bar = self.verticalScrollBar()
        if point.y() < margin:
            bar.setValue(bar.value() - bar.singleStep())
        elif point.y() > self.viewport().height() - margin:
            bar.setValue(bar.value() + bar.singleStep())


EDITABLE = frozenset({"event", "perspective", "tag"})
"""The kinds of entries that can be renamed, deleted and dropped on."""


def _key_of(index: QModelIndex | QPersistentModelIndex) -> tuple[str, object] | None:
    entry = index.data(ENTRY_ROLE) if index.isValid() else None
    return entry.key if isinstance(entry, SidebarEntry) else None
