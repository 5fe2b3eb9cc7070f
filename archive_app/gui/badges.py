"""Verification badges: a source's status and Admiralty grade as a small coloured label, in the
source list (beside the title) and in the reader's header."""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QIcon, QPainter, QPixmap

from archive_app.core.verification import CREDIBILITY, RELIABILITY

STATUS_COLORS = {
    "in progress": "#2f6fb5",
    "verified": "#2e7d32",
    "disputed": "#c77700",
    "false": "#c62828",
}
STATUS_MARKS = {"in progress": "…", "verified": "✓", "disputed": "?", "false": "✗"}
HEIGHT = 16


def badge_text(status: str, grade: str) -> str:
    """``✓ B2``, ``? C``, ``✗``; '' for an unverified, ungraded source."""
    mark = STATUS_MARKS.get(status, "")
    return " ".join(part for part in (mark, grade) if part)


def badge_tooltip(status: str, reliability: str, credibility: str) -> str:
    lines = [f"Verification: {status}"]
    if reliability:
        lines.append(f"Source reliability {reliability}: {RELIABILITY[reliability]}")
    if credibility:
        lines.append(f"Information credibility {credibility}: {CREDIBILITY[credibility]}")
    return "\n".join(lines)


def badge_color(status: str) -> str:
    return STATUS_COLORS.get(status, "#6b6b6b")


@cache
def badge_icon(status: str, grade: str) -> QIcon:
    """The badge drawn as an icon (white text on the status colour); an empty icon when there
    is nothing to show."""
    text = badge_text(status, grade)
    if not text:
        return QIcon()
    font = QFont()
    font.setPixelSize(11)
    font.setBold(True)
    width = QFontMetrics(font).horizontalAdvance(text) + 10
    pixmap = QPixmap(width, HEIGHT)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(badge_color(status)))
    painter.drawRoundedRect(QRectF(0, 0, width, HEIGHT), 4, 4)
    painter.setPen(QColor("white"))
    painter.setFont(font)
    painter.drawText(QRectF(0, 0, width, HEIGHT), Qt.AlignmentFlag.AlignCenter, text)
    painter.end()
    return QIcon(pixmap)
