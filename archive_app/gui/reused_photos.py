"""Research › Reused photos: every photo shown more than once, and how each source told it.

One row per photo (its thumbnail, when it was first seen, how many times it is shown, the
perspectives of the sources that show it), sortable by first seen; "Only photos told by
different perspectives" keeps the photos that sources of different perspectives show ("the
same photo, told by both sides"). The chosen photo's showings are laid out side by side below,
with the differences between their captions marked; a click on a title opens that source.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QSize,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QPixmap, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from archive_app.core.archive import Archive
from archive_app.core.messages import QT_TRANSLATE_NOOP
from archive_app.core.progress import Progress
from archive_app.core.reuse import PhotoGroup
from archive_app.gui.core_text import translated
from archive_app.gui.reader.showing_cards import ShowingCards
from archive_app.gui.tasks import TaskContext, TaskRunner

COLUMNS = (
    QT_TRANSLATE_NOOP("reused_photos", "Photo"),
    QT_TRANSLATE_NOOP("reused_photos", "First seen"),
    QT_TRANSLATE_NOOP("reused_photos", "Shown"),
    QT_TRANSLATE_NOOP("reused_photos", "Perspectives"),
    QT_TRANSLATE_NOOP("reused_photos", "Captions"),
)
THUMBNAIL_HEIGHT = 56
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
Index = QModelIndex | QPersistentModelIndex


class ReusedPhotosModel(QAbstractTableModel):
    """The groups of showings of one photo each, as rows: all of them, or only those told by
    different perspectives."""

    def __init__(self, archive: Archive, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._archive = archive
        self.all_groups: list[PhotoGroup] = []
        self.groups: list[PhotoGroup] = []
        self.only_contested = False
        self._thumbnails: dict[int, QPixmap] = {}

    def set_groups(self, groups: list[PhotoGroup]) -> None:
        self.all_groups = groups
        self._thumbnails.clear()
        self._choose()

    def set_only_contested(self, only: bool) -> None:
        self.only_contested = only
        self._choose()

    def _choose(self) -> None:
        self.beginResetModel()
        self.groups = [
            group
            for group in self.all_groups
            if not self.only_contested or group.told_by_different_perspectives
        ]
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.groups)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (
                QCoreApplication.translate("reused_photos", COLUMNS[section])
                if 0 <= section < len(COLUMNS)
                else None
            )
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self.groups):
            return None
        group = self.groups[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DecorationRole and column == 0:
            return self._thumbnail(group.image_ids[0])
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(group, column)
        if role == SORT_ROLE:
            return (group.first_seen or "9999") if column == 1 else self._text(group, column)
        if role == Qt.ItemDataRole.ToolTipRole and column == 4:
            return "\n\n".join(s.caption for s in group.showings if s.caption)
        return None

    def _text(self, group: PhotoGroup, column: int) -> object:
        first = group.showings[0]
        if column == 0:
            return first.title
        if column == 1:
            return group.first_seen[:10] or "unknown"
        if column == 2:
            return len(group.showings)
        if column == 3:
            return ", ".join(group.perspectives)
        return " | ".join(dict.fromkeys(s.caption for s in group.showings if s.caption))

    def _thumbnail(self, image_id: int) -> QPixmap | None:
        if image_id not in self._thumbnails:
            path = self._archive.thumbnail_path(self._archive.get(image_id))
            picture = QPixmap(str(path)) if path is not None else QPixmap()
            self._thumbnails[image_id] = (
                picture.scaledToHeight(THUMBNAIL_HEIGHT, Qt.TransformationMode.SmoothTransformation)
                if not picture.isNull()
                else picture
            )
        thumbnail = self._thumbnails[image_id]
        return None if thumbnail.isNull() else thumbnail


class ReusedPhotosView(QDialog):
    """The window of reused photos; it reads the groups again each time it is shown."""

    sourceOpenRequested = Signal(int)

    def __init__(self, archive: Archive, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reusedPhotos")
        self.setWindowTitle(self.tr("Reused photos"))
        self._archive = archive
        self._tasks = tasks
        self.model = ReusedPhotosModel(archive, self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSortRole(SORT_ROLE)
        self.proxy.setSourceModel(self.model)
        self.contested = QCheckBox(self.tr("Only photos told by different perspectives"), self)
        self.contested.setObjectName("onlyContested")
        self.contested.toggled.connect(self._filter)
        self.status = QLabel(self.tr("Looking for photos shown more than once…"), self)
        self.status.setObjectName("reusedPhotosStatus")
        self.table = QTableView(self)
        self.table.setObjectName("reusedPhotosTable")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(1, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(THUMBNAIL_HEIGHT + 8)
        self.table.setIconSize(QSize(THUMBNAIL_HEIGHT * 3 // 2, THUMBNAIL_HEIGHT))
        header = self.table.horizontalHeader()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(0, 260)
        header.resizeSection(1, 100)
        header.resizeSection(2, 60)
        header.resizeSection(3, 240)
        self.table.selectionModel().currentRowChanged.connect(lambda _c, _p: self._show_chosen())
        self.cards = ShowingCards(self)
        self.cards.openRequested.connect(self.sourceOpenRequested)
        self.chosen = QLabel(self.tr("Choose a photo to see how each source told it."), self)
        self.chosen.setObjectName("reusedPhotoChosen")
        lower = QWidget(self)
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 6, 0, 0)
        lower_layout.addWidget(self.chosen)
        lower_layout.addWidget(self.cards)
        lower_layout.addStretch(1)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.table)
        splitter.addWidget(lower)
        splitter.setStretchFactor(0, 1)
        splitter.setChildrenCollapsible(False)
        top = QHBoxLayout()
        top.addWidget(self.status, 1)
        top.addWidget(self.contested)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        self.resize(980, 680)

    def refresh(self) -> None:
        """Fingerprint what is missing, then find every group, in the background."""
        self.status.setText(self.tr("Looking for photos shown more than once…"))
        reuse = self._archive.reuse

        def work(context: TaskContext) -> list[PhotoGroup]:
            reuse.backfill(context.progress, context.cancel_flag)
            return reuse.photo_groups()

        self._tasks.run(
            work,
            on_success=self._groups_found,
            on_progress=self._progressed,
            label=self.tr("Finding reused photos"),
        )

    def _progressed(self, progress: Progress) -> None:
        if progress.total:
            self.status.setText(
                self.tr("{message}: {done} of {total}…").format(
                    message=translated(progress.message), done=progress.done, total=progress.total
                )
            )

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.refresh()

    def _groups_found(self, groups: list[PhotoGroup]) -> None:
        self.model.set_groups(groups)
        self.cards.show_showings([], [])
        self._count()
        if self.proxy.rowCount():
            self.table.selectRow(0)

    def _filter(self, only: bool) -> None:
        self.model.set_only_contested(only)
        self._count()

    def _count(self) -> None:
        total, shown = len(self.model.all_groups), self.model.rowCount()
        if not total:
            self.status.setText(self.tr("No photo is shown more than once in this archive."))
        elif shown == total:
            self.status.setText(self.tr("%n photos shown more than once", "", total))
        else:
            self.status.setText(
                self.tr("{shown} of {total} photos, told by different perspectives").format(
                    shown=shown, total=total
                )
            )

    def _show_chosen(self) -> None:
        current = self.proxy.mapToSource(self.table.currentIndex())
        if not current.isValid():
            self.chosen.setText(self.tr("Choose a photo to see how each source told it."))
            self.cards.show_showings([], [])
            return
        group = self.model.groups[current.row()]
        self.chosen.setText(self.tr("Shown %n times, first seen first:", "", len(group.showings)))
        captions = [s.caption for s in group.showings if s.caption]
        self.cards.show_showings(group.showings, captions)
