"""Regions over a picture or a PDF page: annotations of a part of it, as translucent rectangles
in their perspective's colour with the note on hover, and the rectangle being drawn.

Regions are kept relative to the picture or page (0..1, as the archive stores them), so they
land in the same place on the thumbnail shown first and on the full picture read later, and at
every zoom.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import QBrush, QColor, QPalette, QPen
from PySide6.QtWidgets import QGraphicsRectItem, QGraphicsSceneHoverEvent

from archive_app.core.model import Annotation
from archive_app.gui.annotations.look import annotation_color, region_fill, tooltip
from archive_app.importers.ocr_page import OcrWord

MIN_DRAWN = 4.0
"""A drag shorter than this (in screen pixels) is a click, not a region."""

MARK_FILL = QColor(255, 214, 0, 90)
MARK_OUTLINE = QColor(230, 150, 0)
"""A search hit on a picture of a page (words read by OCR): the yellow of a highlighter, with
an edge that shows on both white paper and a dark photo."""


@dataclass(frozen=True)
class ShownRegion:
    """A region annotation as the reader draws it."""

    annotation_id: int
    rect: QRectF
    """Relative to the picture or page: x, y, width, height in 0..1."""
    color: QColor
    tooltip: str
    page: int | None = None

    @classmethod
    def of(cls, annotation: Annotation) -> ShownRegion | None:
        values = (annotation.x, annotation.y, annotation.width, annotation.height)
        if annotation.target != "region" or any(value is None for value in values):
            return None
        x, y, width, height = (float(value or 0.0) for value in values)
        return cls(
            annotation.id,
            QRectF(x, y, width, height),
            annotation_color(annotation),
            tooltip(annotation),
            annotation.page,
        )


def word_boxes(words: Sequence[OcrWord], spans: Sequence[tuple[int, int]]) -> list[QRectF]:
    """The boxes (relative to the page) of the words that overlap any of ``spans`` (start and
    end offsets in the page's text)."""
    return [
        QRectF(word.left, word.top, word.width, word.height)
        for word in words
        if any(word.start < end and word.end > start for start, end in spans)
    ]


def scaled(relative: QRectF, size: QSizeF) -> QRectF:
    """A relative rectangle in the coordinates of something ``size`` big."""
    return QRectF(
        relative.x() * size.width(),
        relative.y() * size.height(),
        relative.width() * size.width(),
        relative.height() * size.height(),
    )


def relative(rect: QRectF, size: QSizeF) -> QRectF:
    """``rect`` (inside something ``size`` big) as fractions of it, clamped to 0..1."""
    bounds = QRectF(QPointF(0, 0), size)
    inside = rect.normalized().intersected(bounds)
    if size.isEmpty() or inside.isEmpty():
        return QRectF()
    return QRectF(
        inside.x() / size.width(),
        inside.y() / size.height(),
        inside.width() / size.width(),
        inside.height() / size.height(),
    )


def clamped(point: QPointF, area: QRectF) -> QPointF:
    """``point`` moved into ``area``: a region is drawn inside the picture or the page."""
    return QPointF(
        min(max(point.x(), area.left()), area.right()),
        min(max(point.y(), area.top()), area.bottom()),
    )


def region_pen(color: QColor, *, focused: bool = False) -> QPen:
    pen = QPen(color, 3.0 if focused else 2.0)
    pen.setCosmetic(True)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    return pen


def draft_pen(palette: QPalette) -> QPen:
    pen = QPen(palette.color(QPalette.ColorRole.Highlight), 2.0, Qt.PenStyle.DashLine)
    pen.setCosmetic(True)
    return pen


class RegionItem(QGraphicsRectItem):
    """A region on the picture: its outline and a light fill, stronger under the pointer."""

    def __init__(self, region: ShownRegion, rect: QRectF, *, focused: bool = False) -> None:
        super().__init__(rect)
        self.region = region
        self.focused = focused
        self.setPen(region_pen(region.color, focused=focused))
        self.setBrush(QBrush(region_fill(region.color, focused=focused)))
        self.setToolTip(region.tooltip)
        self.setAcceptHoverEvents(True)
        self.setZValue(2 if focused else 1)

    def hoverEnterEvent(self, event: QGraphicsSceneHoverEvent) -> None:
        self.setBrush(QBrush(region_fill(self.region.color, focused=True)))
        super().hoverEnterEvent(event)

    def hoverLeaveEvent(self, event: QGraphicsSceneHoverEvent) -> None:
        self.setBrush(QBrush(region_fill(self.region.color, focused=self.focused)))
        super().hoverLeaveEvent(event)
