"""The source list's item model: a table over a list of ids that fetches rows as they are shown.

Only the ids of the sources in view are held (100,000 ints open at once); the rows' contents are
read from the database in blocks when the view first asks for one of them, and kept in a
bounded cache, as Anki's browser does. Sorting and loading more search hits are asked of the
owner through signals; it computes the new id list off the GUI thread and hands it back.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any, Protocol

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QMimeData,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QPixmap

from archive_app.core.listing import Listing, ListRow, SortColumn
from archive_app.core.messages import QT_TRANSLATE_NOOP
from archive_app.gui.badges import badge_icon, badge_text, badge_tooltip
from archive_app.gui.icons import KIND_NAMES, kind_icon
from archive_app.gui.mime import SOURCE_IDS, source_ids_mime

BLOCK_ROWS = 100
MAX_CACHED_ROWS = 5000

SOURCE_ID_ROLE = Qt.ItemDataRole.UserRole + 1
KIND_ROLE = Qt.ItemDataRole.UserRole + 2
PERSPECTIVES_ROLE = Qt.ItemDataRole.UserRole + 3
THUMBNAIL_ROLE = Qt.ItemDataRole.UserRole + 4

COLUMNS: tuple[tuple[SortColumn, str], ...] = (
    ("kind", ""),
    ("title", QT_TRANSLATE_NOOP("model", "Title")),
    ("site", QT_TRANSLATE_NOOP("model", "Site")),
    ("authors", QT_TRANSLATE_NOOP("model", "Authors")),
    ("published", QT_TRANSLATE_NOOP("model", "Published")),
    ("imported", QT_TRANSLATE_NOOP("model", "Imported")),
    ("events", QT_TRANSLATE_NOOP("model", "Events")),
    ("perspectives", QT_TRANSLATE_NOOP("model", "Perspectives")),
    ("language", QT_TRANSLATE_NOOP("model", "Language")),
)
KIND_COLUMN = 0
TITLE_COLUMN = 1
PERSPECTIVES_COLUMN = 7

Index = QModelIndex | QPersistentModelIndex
ROW_FLAGS = (
    Qt.ItemFlag.ItemIsSelectable
    | Qt.ItemFlag.ItemIsEnabled
    | Qt.ItemFlag.ItemNeverHasChildren
    | Qt.ItemFlag.ItemIsDragEnabled
)
"""What a table model's cell can do, and be dragged."""


class ThumbnailSource(Protocol):
    """Where the model gets image thumbnails: None until one is ready (it is then asked for
    in the background and announced by the source)."""

    def pixmap(self, row: ListRow) -> QPixmap | None: ...


class SourceTableModel(QAbstractTableModel):
    sortRequested = Signal(str, bool)
    """The person sorted by a column: (column key, descending)."""
    moreRequested = Signal()
    """The view scrolled to the end of a list that has more rows to load (search hits)."""

    def __init__(
        self,
        listing: Listing,
        thumbnails: ThumbnailSource | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._listing = listing
        self._thumbnails = thumbnails
        self._ids: list[int] = []
        self._rows_of: dict[int, int] | None = None
        self._cache: dict[int, ListRow | None] = {}
        self._has_more = False
        self._more_pending = False
        self._sortable = True

    # The ids shown

    def set_ids(self, ids: Sequence[int], *, has_more: bool = False) -> None:
        self.beginResetModel()
        self._ids = list(ids)
        self._rows_of = None
        self._cache.clear()
        self._has_more = has_more
        self._more_pending = False
        self.endResetModel()

    def append_ids(self, ids: Sequence[int], *, has_more: bool) -> None:
        """More rows of the same list (the next page of search hits)."""
        new = [source_id for source_id in ids if source_id not in self._row_index()]
        self._more_pending = False
        self._has_more = has_more and bool(new)
        if not new:
            return
        first = len(self._ids)
        self.beginInsertRows(QModelIndex(), first, first + len(new) - 1)
        self._ids.extend(new)
        self._rows_of = None
        self.endInsertRows()

    @property
    def ids(self) -> list[int]:
        return list(self._ids)

    def source_id(self, row: int) -> int:
        return self._ids[row]

    def row_of(self, source_id: int) -> int | None:
        return self._row_index().get(source_id)

    def refresh(self, source_ids: Sequence[int] | None = None) -> None:
        """Read rows again (all, or those of ``source_ids``) after they were edited."""
        if source_ids is None:
            self._cache.clear()
            if self._ids:
                self.dataChanged.emit(
                    self.index(0, 0), self.index(len(self._ids) - 1, len(COLUMNS) - 1)
                )
            return
        for source_id in source_ids:
            self._cache.pop(source_id, None)
            row = self.row_of(source_id)
            if row is not None:
                self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))

    def thumbnails_ready(self, source_ids: Sequence[int]) -> None:
        roles = [Qt.ItemDataRole.DecorationRole, THUMBNAIL_ROLE]
        for source_id in source_ids:
            row = self.row_of(source_id)
            if row is not None:
                self.dataChanged.emit(self.index(row, 0), self.index(row, 0), roles)

    def set_sortable(self, sortable: bool) -> None:
        """Search hits stay in order of relevance; library views sort by any column."""
        self._sortable = sortable

    # Qt's model interface

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(COLUMNS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("model", COLUMNS[section][1])
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tr("Kind") if section == KIND_COLUMN else None
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._ids):
            return None
        source_id = self._ids[index.row()]
        if role == SOURCE_ID_ROLE:
            return source_id
        row = self._row(index.row())
        if row is None:
            return self.tr("(no longer in the archive)") if _is_title(index, role) else None
        return _row_data(row, index.column(), role, self._thumbnails)

    def flags(self, index: Index) -> Qt.ItemFlag:
        """Rows can be dragged onto an event, a perspective or a tag in the sidebar. (Qt asks
        for every cell when all rows are selected: the answer is made once.)"""
        if index.isValid() and index.row() < len(self._ids):
            return ROW_FLAGS
        flags = super().flags(index)
        return flags | Qt.ItemFlag.ItemIsDragEnabled if index.isValid() else flags

    def mimeTypes(self) -> list[str]:
        return [SOURCE_IDS]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        """The dragged rows' source ids (each once, in list order) and their titles."""
        rows = sorted({index.row() for index in indexes if index.isValid()})
        ids = [self._ids[row] for row in rows if row < len(self._ids)]
        titles = [str(self.index(row, TITLE_COLUMN).data() or "") for row in rows]
        return source_ids_mime(ids, titles)

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.CopyAction | Qt.DropAction.LinkAction

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if self._sortable and 0 <= column < len(COLUMNS):
            self.sortRequested.emit(COLUMNS[column][0], order == Qt.SortOrder.DescendingOrder)

    def canFetchMore(self, parent: Index) -> bool:
        return not parent.isValid() and self._has_more and not self._more_pending

    def fetchMore(self, parent: Index) -> None:
        if self.canFetchMore(parent):
            self._more_pending = True
            self.moreRequested.emit()

    # Row cache

    def _row(self, row: int) -> ListRow | None:
        source_id = self._ids[row]
        if source_id not in self._cache:
            self._load_block(row)
        return self._cache.get(source_id)

    def _load_block(self, row: int) -> None:
        if len(self._cache) > MAX_CACHED_ROWS:
            self._cache.clear()
        start = row - row % BLOCK_ROWS
        block = self._ids[start : start + BLOCK_ROWS]
        rows = self._listing.rows(block)
        for source_id in block:
            self._cache[source_id] = rows.get(source_id)

    def _row_index(self) -> dict[int, int]:
        if self._rows_of is None:
            self._rows_of = {source_id: row for row, source_id in enumerate(self._ids)}
        return self._rows_of


def _is_title(index: Index, role: int) -> bool:
    return index.column() == TITLE_COLUMN and role == Qt.ItemDataRole.DisplayRole


def _row_data(row: ListRow, column: int, role: int, thumbnails: ThumbnailSource | None) -> Any:
    if role == Qt.ItemDataRole.DisplayRole:
        return _display(row, column)
    if role == Qt.ItemDataRole.ToolTipRole:
        return _tooltip(row, column)
    if role == Qt.ItemDataRole.DecorationRole and column == KIND_COLUMN:
        return kind_icon(row.kind)
    if role == Qt.ItemDataRole.DecorationRole and column == TITLE_COLUMN:
        badge = badge_icon(row.status, row.reliability)
        return None if badge.isNull() else badge
    if role == Qt.ItemDataRole.AccessibleTextRole:
        return (
            QCoreApplication.translate("icons", KIND_NAMES.get(row.kind, row.kind))
            if column == KIND_COLUMN
            else _display(row, column)
        )
    if role == KIND_ROLE:
        return row.kind
    if role == PERSPECTIVES_ROLE:
        return [(ref.name, ref.color) for ref in row.perspectives]
    if role == THUMBNAIL_ROLE and row.kind == "image" and thumbnails is not None:
        return thumbnails.pixmap(row)
    return None


def _display(row: ListRow, column: int) -> str | None:
    key = COLUMNS[column][0]
    if key == "kind":
        return None
    if key == "title":
        return row.title or "(untitled)"
    if key == "site":
        return row.site
    if key == "authors":
        return ", ".join(row.authors)
    if key == "published":
        return row.published[:10]
    if key == "imported":
        return local_time(row.imported)
    if key == "events":
        return ", ".join(row.events)
    if key == "language":
        return row.language
    return ", ".join(ref.name for ref in row.perspectives)


def _tooltip(row: ListRow, column: int) -> str | None:
    if column == KIND_COLUMN:
        return QCoreApplication.translate("icons", KIND_NAMES.get(row.kind, row.kind))
    if column == TITLE_COLUMN:
        facts = [part for part in (row.site, row.published[:10]) if part]
        if badge_text(row.status, row.reliability):
            facts.append(badge_tooltip(row.status, row.reliability, row.credibility))
        return row.title + (f"\n{' · '.join(facts)}" if facts else "")
    text = _display(row, column)
    return text or None


def local_time(stored: str) -> str:
    """A stored UTC moment as the person's local date and time, to the minute."""
    try:
        return datetime.fromisoformat(stored).astimezone().strftime("%Y-%m-%d %H:%M")
    except ValueError:
        return stored
