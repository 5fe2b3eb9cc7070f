"""PDF pages with regions: QtPdf's page view, with region annotations painted over the pages
and new regions drawn on them.

QPdfView does not say where it puts its pages, so :func:`page_rects` works it out as QPdfView
lays them out (each page at its point size times the screen's logical resolution and the zoom,
or fitted to the width; stacked with the view's page spacing inside its document margins;
centred across; moved by the scroll bars). A test checks the result against the pages as
painted, so a change in QtPdf shows up there first.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, QSizeF, Qt, Signal
from PySide6.QtGui import (
    QBrush,
    QGuiApplication,
    QHelpEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QWheelEvent,
)
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import QToolTip, QWidget

from archive_app.gui.annotations.look import region_fill
from archive_app.gui.reader.regions import (
    MARK_FILL,
    MARK_OUTLINE,
    MIN_DRAWN,
    ShownRegion,
    clamped,
    draft_pen,
    region_pen,
    relative,
    scaled,
)
from archive_app.gui.reader.zoom import WHEEL_STEP, ZOOM_STEP

POINTS_PER_INCH = 72


def page_rects(view: QPdfView) -> dict[int, QRectF]:
    """Where each page is (by index from 0), in the coordinates of the view's viewport."""
    document = view.document()
    if document is None or document.status() != QPdfDocument.Status.Ready:
        return {}
    screen = QGuiApplication.primaryScreen()
    resolution = (screen.logicalDotsPerInch() if screen else 96.0) / POINTS_PER_INCH
    margins = view.documentMargins()
    viewport = view.viewport().size()
    if view.pageMode() == QPdfView.PageMode.MultiPage:
        pages = list(range(document.pageCount()))
    else:
        pages = [max(view.pageNavigator().currentPage(), 0)]
    sizes = {page: _page_size(view, document.pagePointSize(page), resolution) for page in pages}
    widest = max((size.width() for size in sizes.values()), default=0)
    total_width = widest + margins.left() + margins.right()
    x_offset = -view.horizontalScrollBar().value()
    y = margins.top() - view.verticalScrollBar().value()
    rects: dict[int, QRectF] = {}
    for page in pages:
        size = sizes[page]
        x = (max(total_width, viewport.width()) - size.width()) // 2
        rects[page] = QRectF(x + x_offset, y, size.width(), size.height())
        y += size.height() + view.pageSpacing()
    return rects


def _page_size(view: QPdfView, points: QSizeF, resolution: float) -> QSize:
    natural = (points * resolution).toSize()
    mode = view.zoomMode()
    if mode == QPdfView.ZoomMode.Custom:
        return (points * resolution * view.zoomFactor()).toSize()
    margins = view.documentMargins()
    if mode == QPdfView.ZoomMode.FitToWidth:
        room = view.viewport().width() - margins.left() - margins.right()
        return natural * (room / natural.width()) if natural.width() else natural
    room_size = view.viewport().size() - QSize(margins.left() + margins.right(), view.pageSpacing())
    return natural.scaled(room_size, Qt.AspectRatioMode.KeepAspectRatio)


class RegionPageView(QPdfView):
    """QtPdf's page view with regions. Ctrl+wheel asks for a zoom instead of scrolling; in
    drawing mode (or with Shift held) a drag on a page draws a region."""

    zoomRequested = Signal(float)
    regionDrawn = Signal(int, QRectF)
    """A region was drawn: its page (from 1) and x, y, width, height relative to the page."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self._regions: list[ShownRegion] = []
        self._focused: int | None = None
        self._drawing_mode = False
        self._draft_page: int | None = None
        self._draft_origin: QPointF | None = None
        self._draft: QRectF | None = None
        self._marks: list[tuple[int, QRectF]] = []

    # Marks: the words of a search hit on a page read by OCR (no text layer to search)

    def set_marks(self, page: int, boxes: Sequence[QRectF]) -> None:
        """Mark ``boxes`` (relative to the page, 0..1) on page ``page`` (from 1), and scroll the
        first a third of the way down the view."""
        self._marks = [(page, box) for box in boxes]
        rects = self.mark_rects()
        if rects:
            bar = self.verticalScrollBar()
            bar.setValue(bar.value() + round(rects[0].top()) - self.viewport().height() // 3)
        self.viewport().update()

    def mark_rects(self) -> list[QRectF]:
        """Where the marks are drawn now, in viewport coordinates."""
        pages = page_rects(self)
        found = []
        for page, box in self._marks:
            rect = pages.get(page - 1)
            if rect is not None:
                found.append(scaled(box, rect.size()).translated(rect.topLeft()))
        return found

    # Regions

    def set_regions(self, regions: Sequence[ShownRegion], focused: int | None = None) -> None:
        self._regions = [region for region in regions if region.page is not None]
        self._focused = focused
        self.viewport().update()

    def region_rects(self) -> dict[int, QRectF]:
        """Where each region is drawn now (by annotation id), in viewport coordinates."""
        pages = page_rects(self)
        found: dict[int, QRectF] = {}
        for region in self._regions:
            page = pages.get((region.page or 1) - 1)
            if page is not None:
                found[region.annotation_id] = scaled(region.rect, page.size()).translated(
                    page.topLeft()
                )
        return found

    def show_region(self, annotation_id: int) -> None:
        """Scroll the region's page into view, the region a quarter of the way down."""
        self._focused = annotation_id
        region = next((r for r in self._regions if r.annotation_id == annotation_id), None)
        if region is None or region.page is None:
            return
        navigator = self.pageNavigator()
        navigator.jump(region.page - 1, QPointF(), navigator.currentZoom())
        rect = self.region_rects().get(annotation_id)
        if rect is not None:
            bar = self.verticalScrollBar()
            bar.setValue(bar.value() + round(rect.top()) - self.viewport().height() // 4)
        self.viewport().update()

    # Drawing a region

    @property
    def drawing_mode(self) -> bool:
        return self._drawing_mode

    def set_drawing_mode(self, drawing: bool) -> None:
        self._drawing_mode = drawing
        self.viewport().setCursor(
            Qt.CursorShape.CrossCursor if drawing else Qt.CursorShape.ArrowCursor
        )
        if not drawing:
            self.clear_draft()

    def clear_draft(self) -> None:
        self._draft = None
        self._draft_page = None
        self._draft_origin = None
        self.viewport().update()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        drawing = self._drawing_mode or event.modifiers() & Qt.KeyboardModifier.ShiftModifier
        point = event.position()
        page = self._page_at(point)
        if drawing and event.button() == Qt.MouseButton.LeftButton and page is not None:
            self._draft_page = page
            self._draft_origin = self._clamped(point)
            self._draft = QRectF(self._draft_origin, self._draft_origin)
            self.viewport().update()
            event.accept()
            return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._draft_origin is not None:
            self._draft = QRectF(self._draft_origin, self._clamped(event.position())).normalized()
            self.viewport().update()
            event.accept()
            return
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._draft_origin is not None and self._draft_page is not None:
            self._draft = QRectF(self._draft_origin, self._clamped(event.position())).normalized()
            self._draft_origin = None
            page = page_rects(self).get(self._draft_page)
            if page is None or min(self._draft.width(), self._draft.height()) < MIN_DRAWN:
                self.clear_draft()
            else:
                drawn = relative(self._draft.translated(-page.topLeft()), page.size())
                self.regionDrawn.emit(self._draft_page + 1, drawn)
            event.accept()
            return
        super().mouseReleaseEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape and self._draft is not None:
            self.clear_draft()
            event.accept()
            return
        super().keyPressEvent(event)

    def wheelEvent(self, event: QWheelEvent) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            steps = event.angleDelta().y() / WHEEL_STEP
            if steps:
                self.zoomRequested.emit(ZOOM_STEP**steps)
            event.accept()
            return
        super().wheelEvent(event)

    def _page_at(self, point: QPointF) -> int | None:
        return next((page for page, rect in page_rects(self).items() if rect.contains(point)), None)

    def _clamped(self, point: QPointF) -> QPointF:
        """``point`` kept inside the page the region is being drawn on."""
        if self._draft_page is None:
            return point
        page = page_rects(self).get(self._draft_page)
        return point if page is None else clamped(point, page)

    # Painting and hovering

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        rects = self.region_rects()
        marks = self.mark_rects()
        if not rects and not marks and self._draft is None:
            return
        painter = QPainter(self.viewport())
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(MARK_OUTLINE, 1.5))
        painter.setBrush(QBrush(MARK_FILL))
        for mark in marks:
            painter.drawRect(mark.adjusted(-2, -2, 2, 2))
        for region in self._regions:
            rect = rects.get(region.annotation_id)
            if rect is None:
                continue
            focused = region.annotation_id == self._focused
            painter.setPen(region_pen(region.color, focused=focused))
            painter.setBrush(QBrush(region_fill(region.color, focused=focused)))
            painter.drawRect(rect)
        if self._draft is not None:
            painter.setPen(draft_pen(self.palette()))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(self._draft)
        painter.end()

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            point = QPointF(event.pos())
            rects = self.region_rects()
            tips = [
                region.tooltip
                for region in self._regions
                if rects.get(region.annotation_id, QRectF()).contains(point)
            ]
            if tips:
                QToolTip.showText(event.globalPos(), "\n\n".join(tips), self.viewport())
            else:
                QToolTip.hideText()
            return True
        return super().viewportEvent(event)
