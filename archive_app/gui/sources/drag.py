"""Dragging sources out of the list or the grid (onto an event, perspective or tag in the
sidebar). What follows the cursor is a small badge ("3 sources", or the title of one) beside
it and below it, never the rows themselves over the target: the entry under the cursor stays in
sight, with its drop highlight."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, QPoint, QRectF, Qt
from PySide6.QtGui import QDrag, QFont, QFontMetrics, QPainter, QPalette, QPixmap
from PySide6.QtWidgets import QAbstractItemView

from archive_app.gui.sources.model import TITLE_COLUMN

BADGE_OFFSET = QPoint(-16, -12)
"""Where the badge's corner is from the cursor: right of it and below it."""
BADGE_TITLE_CHARS = 40
PADDING_X, PADDING_Y = 10, 5


def badge_text(titles: Sequence[str]) -> str:
    if len(titles) == 1:
        title = titles[0] or QCoreApplication.translate("drag", "Untitled")
        return title if len(title) <= BADGE_TITLE_CHARS else title[: BADGE_TITLE_CHARS - 1] + "…"
    return f"{len(titles):,} sources"


def drag_badge(titles: Sequence[str], palette: QPalette, font: QFont) -> QPixmap:
    """A rounded label in the selection's colours, saying what is dragged."""
    text = badge_text(titles)
    metrics = QFontMetrics(font)
    width = metrics.horizontalAdvance(text) + 2 * PADDING_X
    height = metrics.height() + 2 * PADDING_Y
    pixmap = QPixmap(width, height)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(palette.color(QPalette.ColorRole.Highlight))
    painter.drawRoundedRect(QRectF(0, 0, width, height), height / 2, height / 2)
    painter.setPen(palette.color(QPalette.ColorRole.HighlightedText))
    painter.setFont(font)
    painter.drawText(pixmap.rect(), int(Qt.AlignmentFlag.AlignCenter), text)
    painter.end()
    return pixmap


def start_source_drag(view: QAbstractItemView, actions: Qt.DropAction) -> None:
    """Drag the sources selected in ``view`` with a badge beside the cursor."""
    model = view.model()
    indexes = view.selectedIndexes()
    rows = sorted({index.row() for index in indexes})
    if model is None or not rows:
        return
    mime = model.mimeData(indexes)
    if mime is None:
        return
    titles = [str(model.index(row, TITLE_COLUMN).data() or "") for row in rows]
    drag = QDrag(view)
    drag.setMimeData(mime)
    drag.setPixmap(drag_badge(titles, view.palette(), view.font()))
    drag.setHotSpot(BADGE_OFFSET)
    drag.exec(actions, Qt.DropAction.CopyAction)
