"""The thumbnail grid: the source list shown as tiles, for photos above all.

The grid is a second view over the source list's model (sharing its selection). Thumbnails are
read, or made from the original when missing, in the background through the TaskRunner; a
tile shows its kind's icon until its picture is ready.
"""

from __future__ import annotations

import logging
from collections import OrderedDict
from functools import partial
from pathlib import Path

from PySide6.QtCore import (
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPoint,
    QRect,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QFontMetrics, QGuiApplication, QImage, QPainter, QPalette, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from archive_app.core.archive import Archive
from archive_app.core.errors import ArchiveError
from archive_app.core.listing import ListRow
from archive_app.core.thumbnails import ensure_thumbnail
from archive_app.gui.blur import Veil, blurred, paint_veil_text
from archive_app.gui.icons import kind_icon
from archive_app.gui.sources.drag import start_source_drag
from archive_app.gui.sources.model import KIND_ROLE, THUMBNAIL_ROLE, TITLE_COLUMN
from archive_app.gui.tasks import TaskContext, TaskRunner

log = logging.getLogger(__name__)

PICTURE = QSize(168, 126)
TILE = QSize(188, 190)
MAX_PIXMAPS = 1500
BATCH = 24

Index = QModelIndex | QPersistentModelIndex


class ThumbnailCache(QObject):
    """Thumbnails scaled for the grid, by source id: loaded on demand, a batch at a time."""

    ready = Signal(list)
    """Source ids whose thumbnails have just been loaded."""

    def __init__(self, archive: Archive, tasks: TaskRunner, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._archive = archive
        self._tasks = tasks
        self._pixmaps: OrderedDict[int, QPixmap] = OrderedDict()
        self._blurred: dict[int, QPixmap] = {}
        self.veil = Veil(archive)
        self._wanted: dict[int, tuple[str, str]] = {}
        self._pending: set[int] = set()
        self._unavailable: set[int] = set()
        self._batch_timer = QTimer(self, singleShot=True, interval=0)
        self._batch_timer.timeout.connect(self._load_wanted)

    def pixmap(self, row: ListRow) -> QPixmap | None:
        cached = self._pixmaps.get(row.id)
        if cached is not None:
            self._pixmaps.move_to_end(row.id)
            return self._veiled(row.id, cached) if self.veil.hides(row.id) else cached
        if row.id not in self._pending and row.id not in self._unavailable:
            self._wanted[row.id] = (row.sha256, row.original_ext)
            self._pending.add(row.id)
            self._batch_timer.start()
        return None

    def forget(self) -> None:
        """Drop every thumbnail (the originals changed, or were deleted)."""
        self._pixmaps.clear()
        self._blurred.clear()
        self._unavailable.clear()

    def reveal(self, source_id: int) -> bool:
        """Show a blurred thumbnail as it is (it was clicked); whether it was blurred."""
        return self.veil.reveal(source_id)

    def _veiled(self, source_id: int, pixmap: QPixmap) -> QPixmap:
        veiled = self._blurred.get(source_id)
        if veiled is None:
            veiled = blurred(pixmap)
            painter = QPainter(veiled)
            area = QRect(QPoint(0, 0), veiled.deviceIndependentSize().toSize())
            paint_veil_text(painter, area, self.veil.text(source_id))
            painter.end()
            self._blurred[source_id] = veiled
        return veiled

    def _load_wanted(self) -> None:
        scale = screen_scale()
        while self._wanted:
            batch = dict(list(self._wanted.items())[:BATCH])
            for source_id in batch:
                del self._wanted[source_id]
            self._tasks.run(
                partial(self._read, batch=batch, scale=scale),
                on_success=self._loaded,
                on_finished=partial(self._pending.difference_update, batch),
                label=self.tr("Thumbnails"),
            )

    def _read(
        self, context: TaskContext, batch: dict[int, tuple[str, str]], scale: float
    ) -> dict[int, QImage | None]:
        """On a pool thread: each thumbnail as a QImage the size of a tile's picture."""
        images: dict[int, QImage | None] = {}
        for source_id, (sha256, ext) in batch.items():
            if context.cancelled:
                break
            images[source_id] = scaled_thumbnail(self._archive, sha256, ext, scale)
        return images

    def _loaded(self, images: dict[int, QImage | None]) -> None:
        ready = []
        for source_id, image in images.items():
            if image is None:
                self._unavailable.add(source_id)
                continue
            pixmap = QPixmap.fromImage(image)
            pixmap.setDevicePixelRatio(image.devicePixelRatio())
            self._pixmaps[source_id] = pixmap
            self._blurred.pop(source_id, None)
            ready.append(source_id)
        while len(self._pixmaps) > MAX_PIXMAPS:
            dropped, _ = self._pixmaps.popitem(last=False)
            self._blurred.pop(dropped, None)
        if ready:
            self.ready.emit(ready)


def scaled_thumbnail(
    archive: Archive, sha256: str, ext: str, scale: float, size: QSize = PICTURE
) -> QImage | None:
    """An image source's thumbnail (made if missing) scaled to fit ``size`` at the screen's
    ``scale``; None when the picture cannot be read. Safe on a pool thread."""
    try:
        path: Path = ensure_thumbnail(archive.store, archive.derived, sha256, ext)
    except ArchiveError as error:
        log.info("no thumbnail for %s: %s", sha256, error.message)
        return None
    image = QImage(str(path))
    if image.isNull():
        return None
    scaled = image.scaled(
        size * scale,
        Qt.AspectRatioMode.KeepAspectRatio,
        Qt.TransformationMode.SmoothTransformation,
    )
    scaled.setDevicePixelRatio(scale)
    return scaled


def screen_scale() -> float:
    screen = QGuiApplication.primaryScreen()
    return screen.devicePixelRatio() if screen is not None else 1.0


class TileDelegate(QStyledItemDelegate):
    """A tile: the picture (or the kind's icon) over the title, in the palette's colours."""

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        return TILE

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        palette = option.palette
        rect: QRect = option.rect.adjusted(4, 4, -4, -4)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if selected:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(palette.color(QPalette.ColorRole.Highlight))
            painter.drawRoundedRect(rect, 6, 6)
        picture = QRect(rect.left() + (rect.width() - PICTURE.width()) // 2, rect.top() + 6,
                        PICTURE.width(), PICTURE.height())  # fmt: skip
        self._paint_picture(painter, picture, index, palette)
        title_rect = QRect(rect.left() + 6, picture.bottom() + 6, rect.width() - 12, 36)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        painter.setPen(palette.color(role))
        title = str(index.sibling(index.row(), TITLE_COLUMN).data() or "")
        metrics = painter.fontMetrics()
        painter.drawText(
            title_rect,
            int(
                Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap
            ),
            _two_lines(title, metrics, title_rect.width()),
        )
        painter.restore()

    def _paint_picture(
        self, painter: QPainter, area: QRect, index: Index, palette: QPalette
    ) -> None:
        pixmap = index.data(THUMBNAIL_ROLE)
        if isinstance(pixmap, QPixmap) and not pixmap.isNull():
            size = pixmap.deviceIndependentSize().toSize()
            target = QRect(0, 0, size.width(), size.height())
            target.moveCenter(area.center())
            painter.drawPixmap(target, pixmap)
            return
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(palette.color(QPalette.ColorRole.AlternateBase))
        painter.drawRoundedRect(area, 4, 4)
        icon_rect = QRect(0, 0, 48, 48)
        icon_rect.moveCenter(area.center())
        kind_icon(str(index.data(KIND_ROLE) or "")).paint(painter, icon_rect)


def _two_lines(text: str, metrics: QFontMetrics, width: int) -> str:
    """The title cut to two lines of ``width``, the second elided."""
    words = text.split()
    first = ""
    while words and metrics.horizontalAdvance(f"{first} {words[0]}".strip()) <= width:
        first = f"{first} {words.pop(0)}".strip()
    if not words:
        return first
    if not first:
        return metrics.elidedText(text, Qt.TextElideMode.ElideRight, width)
    return f"{first}\n{metrics.elidedText(' '.join(words), Qt.TextElideMode.ElideRight, width)}"


class ImageGrid(QListView):
    """The grid view of the source list (objectName ``imageGrid``)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("imageGrid")
        self.setAccessibleName(self.tr("Thumbnail grid"))
        self.setViewMode(QListView.ViewMode.IconMode)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setMovement(QListView.Movement.Static)
        self.setUniformItemSizes(True)
        self.setSpacing(4)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setItemDelegate(TileDelegate(self))
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)

    def startDrag(self, supportedActions: Qt.DropAction) -> None:
        start_source_drag(self, supportedActions)
