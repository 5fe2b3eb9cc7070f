"""The source list pane: a sortable table of sources, or the same sources as a thumbnail grid.

The pane shows either a library view (all sources, a kind, an event, a perspective, a tag) in
the column order the person chose, or search hits in order of relevance. Which ids to show is
worked out off the GUI thread (:func:`archive_app.core.listing.ordered_ids` through the
TaskRunner); a newer request makes an older answer stale, and it is dropped.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

from PySide6.QtCore import (
    QByteArray,
    QCoreApplication,
    QItemSelection,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    QRect,
    Qt,
    Signal,
)
from PySide6.QtGui import QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QMenu,
    QStackedWidget,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from archive_app.core.archive import Archive
from archive_app.core.listing import ALL_SOURCES, SortColumn, View
from archive_app.gui.icons import color_dot
from archive_app.gui.image_grid import ImageGrid, ThumbnailCache
from archive_app.gui.sources.drag import start_source_drag
from archive_app.gui.sources.model import (
    COLUMNS,
    KIND_COLUMN,
    PERSPECTIVES_COLUMN,
    PERSPECTIVES_ROLE,
    TITLE_COLUMN,
    SourceTableModel,
)
from archive_app.gui.tasks import TaskRunner

Mode = Literal["list", "grid"]
DEFAULT_SORT: tuple[SortColumn, bool] = ("imported", True)
DEFAULT_WIDTHS = (30, 340, 130, 140, 86, 128, 170, 165, 80)
HIDDEN_BY_DEFAULT = frozenset({3, 5, 6})  # authors, imported, events: the header menu shows them
ALWAYS_SHOWN = frozenset({KIND_COLUMN, TITLE_COLUMN})
DOT = 10

Index = QModelIndex | QPersistentModelIndex


class PerspectivesDelegate(QStyledItemDelegate):
    """Each perspective of a source as its colour dot and its name."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        perspectives = index.data(PERSPECTIVES_ROLE) or []
        text_option = QStyleOptionViewItem(option)
        self.initStyleOption(text_option, index)
        text_option.text = ""
        style = text_option.widget.style() if text_option.widget else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, text_option, painter)
        rect: QRect = option.rect.adjusted(6, 0, -4, 0)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        painter.save()
        painter.setPen(option.palette.color(role))
        metrics = painter.fontMetrics()
        x = rect.left()
        for name, color in perspectives:
            if x >= rect.right():
                break
            dot = QRect(x, rect.center().y() - DOT // 2 + 1, DOT, DOT)
            color_dot(color, DOT).paint(painter, dot)
            x += DOT + 5
            room = rect.right() - x
            label = metrics.elidedText(name, Qt.TextElideMode.ElideRight, room)
            painter.drawText(
                QRect(x, rect.top(), room, rect.height()),
                int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft),
                label,
            )
            x += metrics.horizontalAdvance(label) + 12
        painter.restore()


class SourceTable(QTableView):
    """The list's table (objectName ``sourceList``)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sourceList")
        self.setAccessibleName(self.tr("Sources"))
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setShowGrid(False)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.verticalHeader().hide()
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header = self.horizontalHeader()
        header.setHighlightSections(False)
        header.setStretchLastSection(False)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setSectionsMovable(True)
        header.setFirstSectionMovable(False)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._column_menu)
        self.setItemDelegateForColumn(PERSPECTIVES_COLUMN, PerspectivesDelegate(self))
        allow_dragging_out(self)

    def startDrag(self, supportedActions: Qt.DropAction) -> None:
        start_source_drag(self, supportedActions)

    def moveCursor(
        self, cursorAction: QAbstractItemView.CursorAction, modifiers: Qt.KeyboardModifier
    ) -> QModelIndex:
        """Home and End go to the first and the last source, as in a list, and select it. (A
        table's own go to the first and the last column; Ctrl+Home and Ctrl+End still go to
        the first and the last row without moving the selection, as Qt has them.)"""
        if cursorAction in (
            QAbstractItemView.CursorAction.MoveHome,
            QAbstractItemView.CursorAction.MoveEnd,
        ):
            modifiers |= Qt.KeyboardModifier.ControlModifier
        return super().moveCursor(cursorAction, modifiers)

    def setSelectionModel(self, selectionModel: QItemSelectionModel) -> None:
        """The header gets a selection of its own, which stays empty. Shown with the table's,
        it asks of every row whether its cell in each column is selected, to draw the column
        as selected, each time the selection changes: seconds with 100,000 rows."""
        super().setSelectionModel(selectionModel)
        header = self.horizontalHeader()
        header.setSelectionModel(QItemSelectionModel(self.model(), header))

    def column_menu(self) -> QMenu:
        """The header's menu: a check box per column to show or hide it."""
        header = self.horizontalHeader()
        menu = QMenu(self.tr("Columns"), self)
        for column, (_key, label) in enumerate(COLUMNS):
            if column in ALWAYS_SHOWN:
                continue
            action = menu.addAction(QCoreApplication.translate("model", label))
            action.setCheckable(True)
            action.setChecked(not header.isSectionHidden(column))
            action.toggled.connect(
                lambda shown, column=column: header.setSectionHidden(column, not shown)
            )
        return menu

    def _column_menu(self, position: QPoint) -> None:
        self.column_menu().exec(self.horizontalHeader().mapToGlobal(position))


class SourceListPane(QWidget):
    """The table and the grid over one model and one selection."""

    currentSourceChanged = Signal(object)
    """The source to show in the reader (an id, or None)."""
    selectionChanged = Signal()
    moreHitsWanted = Signal()
    """Scrolled to the end of the hits loaded so far: load the next page."""
    idsLoaded = Signal()
    """A new list of ids is shown (after a view change, a sort or a reload)."""
    menuRequested = Signal(QPoint)
    """The context menu of the selected sources is wanted, at this point on the screen."""

    def __init__(self, archive: Archive, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sourcePane")
        self._archive = archive
        self._tasks = tasks
        self._view: View = ALL_SOURCES
        self._searching = False
        self._sort: tuple[SortColumn, bool] = DEFAULT_SORT
        self._generation = 0
        self._announced: int | None = None
        self._select_after_load: list[int] | None = None
        self.thumbnails = ThumbnailCache(archive, tasks, self)
        self.model = SourceTableModel(archive.listing, self.thumbnails, self)
        self.thumbnails.ready.connect(self.model.thumbnails_ready)
        self.model.sortRequested.connect(self._sort_by)
        self.model.moreRequested.connect(self.moreHitsWanted)
        self.table = SourceTable(self)
        self.table.setModel(self.model)
        self.grid = ImageGrid(self)
        self.grid.setModel(self.model)
        self.grid.setSelectionModel(self.table.selectionModel())
        allow_dragging_out(self.grid)
        self.grid.clicked.connect(self._reveal)
        for view in (self.table, self.grid):
            view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
            view.customContextMenuRequested.connect(
                lambda position, view=view: self.menuRequested.emit(
                    view.viewport().mapToGlobal(position)
                )
            )
        self._apply_default_widths()
        self._stack = QStackedWidget(self)
        self._stack.addWidget(self.table)
        self._stack.addWidget(self.grid)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._stack)
        selection = self.table.selectionModel()
        selection.currentRowChanged.connect(self._current_row_changed)
        selection.selectionChanged.connect(lambda *_: self.selectionChanged.emit())
        self._show_sort_indicator()

    # What is shown

    @property
    def view(self) -> View:
        return self._view

    @property
    def searching(self) -> bool:
        return self._searching

    def show_view(self, view: View, *, select: Sequence[int] | None = None) -> None:
        """Show a library view in the chosen column order."""
        self._view = view
        self._searching = False
        self._set_sortable(True)
        self._load(select=select)

    def show_hits(self, ids: Sequence[int], *, has_more: bool) -> None:
        """Show search hits in order of relevance (``has_more``: more pages to load). The
        source being read stays selected if it is a hit; otherwise the best hit is shown."""
        self._searching = True
        self._generation += 1
        self._set_sortable(False)
        shown = self._announced
        self.model.set_ids(ids, has_more=has_more)
        if ids:
            self.select_ids([shown if shown is not None and shown in ids else ids[0]])
        self._announce_current()
        self.idsLoaded.emit()

    def append_hits(self, ids: Sequence[int], *, has_more: bool) -> None:
        if self._searching:
            self.model.append_ids(ids, has_more=has_more)

    def reload(self) -> None:
        """Show the sources as they are now, keeping the selection: the library view is
        listed again (sources may have come or gone); search hits are read again."""
        self.thumbnails.veil.reload()
        if self._searching:
            self.model.refresh()
        else:
            self._load(select=None)

    def _reveal(self, index: QModelIndex) -> None:
        """A click on a blurred tile shows the picture."""
        source_id = self.model.source_id(index.row())
        if self.thumbnails.reveal(source_id):
            self.model.thumbnails_ready([source_id])

    def refresh_sources(self, ids: Sequence[int] | None = None) -> None:
        """Show the rows of edited sources (all rows when ``ids`` is None) as they are now."""
        self.model.refresh(ids)

    # Mode

    @property
    def mode(self) -> Mode:
        return "grid" if self._stack.currentWidget() is self.grid else "list"

    def set_mode(self, mode: Mode) -> None:
        had_focus = self.item_view().hasFocus()
        self._stack.setCurrentWidget(self.grid if mode == "grid" else self.table)
        current = self.table.currentIndex()
        if current.isValid():
            self.item_view().scrollTo(current)
        if had_focus:
            self.item_view().setFocus()

    def item_view(self) -> QAbstractItemView:
        widget = self._stack.currentWidget()
        assert isinstance(widget, QAbstractItemView)
        return widget

    # Selection

    def selected_ids(self) -> list[int]:
        return [self.model.source_id(row) for row in self._selected_rows()]

    def _selected_rows(self) -> list[int]:
        """Read from the selection's ranges, which are whole rows in the table and the grid
        alike (Qt's ``selectedRows`` asks the model about every cell of every selected row:
        seconds when all of 100,000 are)."""
        ranges = self.table.selectionModel().selection()
        parts = (ranges.at(index) for index in range(ranges.count()))
        return sorted({row for part in parts for row in range(part.top(), part.bottom() + 1)})

    def current_id(self) -> int | None:
        current = self.table.currentIndex()
        return self.model.source_id(current.row()) if current.isValid() else None

    def select_ids(self, ids: Sequence[int]) -> None:
        """Select these sources (those shown), make the first current and scroll to it."""
        rows = sorted(row for row in map(self.model.row_of, ids) if row is not None)
        selection = QItemSelection()
        for first, last in _runs(rows):
            selection.select(self.model.index(first, 0), self.model.index(last, 0))
        model = self.table.selectionModel()
        flags = (
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows
        )
        model.select(selection, flags)
        if rows:
            first_index = self.model.index(rows[0], TITLE_COLUMN)
            model.setCurrentIndex(first_index, QItemSelectionModel.SelectionFlag.NoUpdate)
            self.item_view().scrollTo(first_index)
        else:
            model.clearCurrentIndex()

    # Column widths and order

    def header_state(self) -> QByteArray:
        return self.table.horizontalHeader().saveState()

    def restore_header_state(self, state: QByteArray | None) -> None:
        header = self.table.horizontalHeader()
        if state is None or not header.restoreState(state):
            self._apply_default_widths()
        self._fix_resize_modes()
        self._sort = _sort_of(header.sortIndicatorSection(), header.sortIndicatorOrder())
        self._show_sort_indicator()

    def _apply_default_widths(self) -> None:
        header = self.table.horizontalHeader()
        for column, width in enumerate(DEFAULT_WIDTHS):
            header.resizeSection(column, width)
            header.setSectionHidden(column, column in HIDDEN_BY_DEFAULT)
        self._fix_resize_modes()

    def _fix_resize_modes(self) -> None:
        """The kind icon's column keeps its width; the title takes the room that is left."""
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(KIND_COLUMN, QHeaderView.ResizeMode.Fixed)
        header.setSectionResizeMode(TITLE_COLUMN, QHeaderView.ResizeMode.Stretch)

    # Loading ids off the GUI thread

    def _load(self, *, select: Sequence[int] | None) -> None:
        self._generation += 1
        generation = self._generation
        keep = list(select) if select is not None else self.selected_ids()
        current = self.current_id() if select is None else None
        view, (column, descending) = self._view, self._sort
        listing = self._archive.listing
        self._tasks.run(
            lambda _context: listing.ordered_ids(view, column, descending),
            on_success=lambda ids: self._loaded(generation, ids, keep, current),
            label=self.tr("Listing sources"),
        )

    def _loaded(
        self, generation: int, ids: list[int], keep: list[int], current: int | None
    ) -> None:
        if generation != self._generation:
            return
        self.model.set_ids(ids)
        if keep:
            self.select_ids(keep)
            if current is not None and current in keep:
                row = self.model.row_of(current)
                if row is not None:
                    index = self.model.index(row, TITLE_COLUMN)
                    self.table.selectionModel().setCurrentIndex(
                        index, QItemSelectionModel.SelectionFlag.NoUpdate
                    )
                    self.item_view().scrollTo(index)
        self._announce_current()
        self.idsLoaded.emit()

    def _sort_by(self, column: str, descending: bool) -> None:
        sort = (_sort_column(column), descending)
        if sort != self._sort:
            self._sort = sort
            self._load(select=None)

    def _set_sortable(self, sortable: bool) -> None:
        self.model.set_sortable(sortable)
        header = self.table.horizontalHeader()
        header.setSectionsClickable(sortable)
        header.setSortIndicatorShown(sortable)
        header.setToolTip(
            ""
            if sortable
            else self.tr(
                "Search hits are in order of relevance. Clear the search to "
                "sort the list by a column."
            )
        )
        if sortable:
            self._show_sort_indicator()

    def _show_sort_indicator(self) -> None:
        column = next(i for i, (key, _) in enumerate(COLUMNS) if key == self._sort[0])
        order = Qt.SortOrder.DescendingOrder if self._sort[1] else Qt.SortOrder.AscendingOrder
        header = self.table.horizontalHeader()
        header.blockSignals(True)
        header.setSortIndicator(column, order)
        header.blockSignals(False)
        self.table.setSortingEnabled(True)

    def _current_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self._announce(self.model.source_id(current.row()) if current.isValid() else None)

    def _announce_current(self) -> None:
        """After the list was replaced: a model reset moves no current row, so say which
        source is current now (None when the one being read is no longer listed)."""
        self._announce(self.current_id())

    def _announce(self, source_id: int | None) -> None:
        if source_id != self._announced:
            self._announced = source_id
            self.currentSourceChanged.emit(source_id)


def allow_dragging_out(view: QAbstractItemView) -> None:
    """Selected sources can be dragged out of ``view`` (onto the sidebar); nothing is
    dropped into it."""
    view.setDragEnabled(True)
    view.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
    view.setDefaultDropAction(Qt.DropAction.CopyAction)


def _sort_column(key: str) -> SortColumn:
    for column, _ in COLUMNS:
        if column == key:
            return column
    raise ValueError(f"no column {key!r}")


def _sort_of(section: int, order: Qt.SortOrder) -> tuple[SortColumn, bool]:
    if not 0 <= section < len(COLUMNS):
        return DEFAULT_SORT
    return COLUMNS[section][0], order == Qt.SortOrder.DescendingOrder


def _runs(rows: list[int]) -> list[tuple[int, int]]:
    """Sorted rows as (first, last) runs of consecutive numbers."""
    runs: list[tuple[int, int]] = []
    for row in rows:
        if runs and runs[-1][1] == row - 1:
            runs[-1] = (runs[-1][0], row)
        else:
            runs.append((row, row))
    return runs
