"""A picture fitted to its pane, zoomed with the keyboard or Ctrl+wheel and dragged to pan.

The picture is an item in a QGraphicsScene whose coordinates are the image's own pixels, so
regions (annotations of a part of a photo) are placed on it as items in image coordinates and
follow every zoom. In drawing mode (or with Shift held) a drag draws a new region instead of
panning; the canvas reports it relative to the picture.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QMargins, QPointF, QRectF, QSize, QSizeF, Qt, Signal
from PySide6.QtGui import (
    QBrush,
    QImage,
    QImageReader,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPalette,
    QPen,
    QPixmap,
    QResizeEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import (
    QFrame,
    QGraphicsPixmapItem,
    QGraphicsRectItem,
    QGraphicsScene,
    QGraphicsView,
    QWidget,
)

from archive_app.core.errors import ArchiveError
from archive_app.gui.reader.regions import (
    MARK_FILL,
    MARK_OUTLINE,
    MIN_DRAWN,
    RegionItem,
    ShownRegion,
    clamped,
    draft_pen,
    relative,
    scaled,
)
from archive_app.gui.reader.zoom import WHEEL_STEP, ZOOM_STEP, clamp_zoom

MAX_SIDE = 8192
"""A picture with a longer side is shown scaled down to this (the original stays untouched)."""
FIT_MARGIN = 12
FRAME_MARGIN = 0.25
"""Framing a region leaves this much of its size around it."""
MAX_FRAME_ZOOM = 4.0


def read_picture(path: Path, max_side: int = MAX_SIDE) -> QImage:
    """Decode a picture upright (EXIF orientation applied), no longer than ``max_side``; runs
    off the GUI thread."""
    reader = QImageReader(str(path))
    reader.setAutoTransform(True)
    size = reader.size()
    if size.isValid() and max(size.width(), size.height()) > max_side:
        reader.setScaledSize(size.scaled(max_side, max_side, Qt.AspectRatioMode.KeepAspectRatio))
    image = reader.read()
    if image.isNull():
        reason = reader.errorString().rstrip(".").lower()
        raise ArchiveError(f"The full picture cannot be shown here ({reason}).")
    return image


class ImageCanvas(QGraphicsView):
    zoomChanged = Signal()
    regionDrawn = Signal(QRectF)
    """A region was drawn: x, y, width and height relative to the picture (0..1)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("imageCanvas")
        self.setAccessibleName(self.tr("Picture"))
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setScene(QGraphicsScene(self))
        self.setRenderHints(
            QPainter.RenderHint.SmoothPixmapTransform | QPainter.RenderHint.Antialiasing
        )
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setBackgroundRole(QPalette.ColorRole.AlternateBase)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._item = QGraphicsPixmapItem()
        self._item.setTransformationMode(Qt.TransformationMode.SmoothTransformation)
        self.scene().addItem(self._item)
        self._fitted = True
        self._regions: list[ShownRegion] = []
        self._focused: int | None = None
        self._region_items: list[RegionItem] = []
        self._marks: list[QRectF] = []
        self._mark_items: list[QGraphicsRectItem] = []
        self._drawing_mode = False
        self._draft: QGraphicsRectItem | None = None
        self._draft_origin: QPointF | None = None

    @property
    def picture_size(self) -> QSize:
        """The size of the picture shown, in its own pixels (empty: none)."""
        return self._item.pixmap().size()

    @property
    def fitted(self) -> bool:
        return self._fitted

    def zoom_factor(self) -> float:
        return float(self.transform().m11())

    def set_picture(self, image: QImage | None) -> None:
        pixmap = QPixmap.fromImage(image) if image is not None else QPixmap()
        self._item.setPixmap(pixmap)
        self.scene().setSceneRect(QRectF(pixmap.rect()))
        self.clear_draft()
        self._place_regions()
        self._place_marks()
        self.fit()

    # Marks: the words of search hits, read by OCR

    def set_marks(self, boxes: Sequence[QRectF]) -> None:
        """Mark ``boxes`` (relative to the picture, 0..1) over the picture."""
        self._marks = list(boxes)
        self._place_marks()

    def mark_rects(self) -> list[QRectF]:
        """Where the marks are, in the viewport's coordinates."""
        return [QRectF(self.mapFromScene(item.rect()).boundingRect()) for item in self._mark_items]

    def _place_marks(self) -> None:
        for item in self._mark_items:
            self.scene().removeItem(item)
        size = QSizeF(self.picture_size)
        self._mark_items = []
        if size.isEmpty():
            return
        for box in self._marks:
            item = QGraphicsRectItem(scaled(box, size))
            item.setPen(QPen(MARK_OUTLINE, 2))
            item.setBrush(QBrush(MARK_FILL))
            self.scene().addItem(item)
            self._mark_items.append(item)

    # Regions

    @property
    def region_items(self) -> list[RegionItem]:
        return list(self._region_items)

    def set_regions(self, regions: Sequence[ShownRegion], focused: int | None = None) -> None:
        """Show these regions over the picture; ``focused`` (an annotation id) stands out."""
        self._regions = list(regions)
        self._focused = focused
        self._place_regions()

    def frame_region(self, annotation_id: int) -> None:
        """Zoom to a region, with some of the picture around it, and make it stand out."""
        self._focused = annotation_id
        self._place_regions()
        item = next(
            (i for i in self._region_items if i.region.annotation_id == annotation_id), None
        )
        if item is None:
            return
        area = item.rect()
        margin_x, margin_y = area.width() * FRAME_MARGIN, area.height() * FRAME_MARGIN
        self._fitted = False
        self.fitInView(
            area.adjusted(-margin_x, -margin_y, margin_x, margin_y),
            Qt.AspectRatioMode.KeepAspectRatio,
        )
        if self.zoom_factor() > MAX_FRAME_ZOOM:
            self.resetTransform()
            self.scale(MAX_FRAME_ZOOM, MAX_FRAME_ZOOM)
            self.centerOn(item)
        self.zoomChanged.emit()

    def _place_regions(self) -> None:
        for item in self._region_items:
            self.scene().removeItem(item)
        size = QSizeF(self.picture_size)
        self._region_items = []
        if size.isEmpty():
            return
        for region in self._regions:
            item = RegionItem(
                region, scaled(region.rect, size), focused=region.annotation_id == self._focused
            )
            self.scene().addItem(item)
            self._region_items.append(item)

    # Drawing a region

    @property
    def drawing_mode(self) -> bool:
        return self._drawing_mode

    def set_drawing_mode(self, drawing: bool) -> None:
        """Drag to draw regions (True) or to pan (False)."""
        self._drawing_mode = drawing
        self.setDragMode(
            QGraphicsView.DragMode.NoDrag if drawing else QGraphicsView.DragMode.ScrollHandDrag
        )
        self.viewport().setCursor(
            Qt.CursorShape.CrossCursor if drawing else Qt.CursorShape.OpenHandCursor
        )
        if not drawing:
            self.clear_draft()

    @property
    def draft_rect(self) -> QRectF | None:
        """The region being drawn or waiting for its note, relative to the picture."""
        if self._draft is None:
            return None
        return relative(self._draft.rect(), QSizeF(self.picture_size))

    def clear_draft(self) -> None:
        if self._draft is not None:
            self.scene().removeItem(self._draft)
        self._draft = None
        self._draft_origin = None

    def mousePressEvent(self, event: QMouseEvent) -> None:
        shift = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
        drawing = self._drawing_mode or shift
        if drawing and event.button() == Qt.MouseButton.LeftButton and not self._empty():
            self.clear_draft()
            origin = self._clamped(self.mapToScene(event.position().toPoint()))
            self._draft_origin = origin
            self._draft = QGraphicsRectItem(QRectF(origin, origin))
            self._draft.setPen(draft_pen(self.palette()))
            self._draft.setZValue(3)
            self.scene().addItem(self._draft)
            event.accept()
            return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._draft is not None and self._draft_origin is not None:
            corner = self._clamped(self.mapToScene(event.position().toPoint()))
            self._draft.setRect(QRectF(self._draft_origin, corner).normalized())
            event.accept()
            return
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._draft is not None and self._draft_origin is not None:
            corner = self._clamped(self.mapToScene(event.position().toPoint()))
            self._draft.setRect(QRectF(self._draft_origin, corner).normalized())
            self._draft_origin = None
            on_screen = self.mapFromScene(self._draft.rect()).boundingRect()
            drawn = self.draft_rect
            if min(on_screen.width(), on_screen.height()) < MIN_DRAWN or drawn is None:
                self.clear_draft()
            else:
                self.regionDrawn.emit(drawn)
            event.accept()
            return
        super().mouseReleaseEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape and self._draft is not None:
            self.clear_draft()
            event.accept()
            return
        super().keyPressEvent(event)

    def _clamped(self, point: QPointF) -> QPointF:
        return clamped(point, QRectF(QPointF(0.0, 0.0), QSizeF(self.picture_size)))

    def _empty(self) -> bool:
        return self.picture_size.isEmpty()

    def zoom_by(self, step: float) -> None:
        if self._item.pixmap().isNull():
            return
        factor = clamp_zoom(self.zoom_factor() * step) / self.zoom_factor()
        self._fitted = False
        self.scale(factor, factor)
        self.zoomChanged.emit()

    def fit(self) -> None:
        """Show the whole picture, no larger than its own size."""
        self._fitted = True
        self.resetTransform()
        size = self.picture_size
        if not size.isEmpty():
            room = self.viewport().size().shrunkBy(QMargins(*(FIT_MARGIN,) * 4))
            scale = min(1.0, room.width() / size.width(), room.height() / size.height())
            self.scale(scale, scale)
            self.centerOn(self._item)
        self.zoomChanged.emit()

    def wheelEvent(self, event: QWheelEvent) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            steps = event.angleDelta().y() / WHEEL_STEP
            if steps:
                self.zoom_by(ZOOM_STEP**steps)
            event.accept()
            return
        super().wheelEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self._fitted:
            self.fit()
