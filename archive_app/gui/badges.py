"""Verification badges: a source's status as a small coloured mark beside its title in the source
list, and with its Admiralty grade in the reader's header."""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QCoreApplication, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPixmap

from archive_app.gui.grades import CREDIBILITY_NAMES, RELIABILITY_NAMES, STATUS_NAMES, grade_name

STATUS_COLORS = {
    "in progress": "#2f6fb5",
    "verified": "#2e7d32",
    "disputed": "#c77700",
    "false": "#c62828",
}
STATUS_MARKS = {
    "in progress": "…",
    "verified": "✓",
    "disputed": "?",
    "false": "✗",
}
SIDE = 16


def badge_text(status: str, grade: str) -> str:
    """``✓ B2``, ``? C``, ``✗``; '' for an unverified, ungraded source."""
    mark = STATUS_MARKS.get(status, "")
    return " ".join(part for part in (mark, grade) if part)


def badge_tooltip(status: str, reliability: str, credibility: str) -> str:
    lines = [
        QCoreApplication.translate("badges", "Verification: {status}").format(
            status=grade_name(STATUS_NAMES, status)
        )
    ]
    if reliability:
        lines.append(
            QCoreApplication.translate(
                "badges", "Source reliability {reliability}: {value}"
            ).format(reliability=reliability, value=grade_name(RELIABILITY_NAMES, reliability))
        )
    if credibility:
        lines.append(
            QCoreApplication.translate(
                "badges", "Information credibility {credibility}: {value}"
            ).format(credibility=credibility, value=grade_name(CREDIBILITY_NAMES, credibility))
        )
    return "\n".join(lines)


def badge_color(status: str) -> str:
    return STATUS_COLORS.get(status, "#6b6b6b")


@cache
def badge_icon(status: str, reliability: str) -> QIcon:
    """A small square in the status colour with the status mark (or, for an unverified but
    graded source, the reliability letter), for beside a title; empty when there is nothing to
    show. The full grade is in the title's tooltip."""
    text = STATUS_MARKS.get(status, reliability)
    if not text:
        return QIcon()
    pixmap = QPixmap(SIDE, SIDE)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(badge_color(status)))
    painter.drawRoundedRect(QRectF(0, 0, SIDE, SIDE), 3, 3)
    font = QFont()
    font.setPixelSize(11)
    font.setBold(True)
    painter.setPen(QColor("white"))
    painter.setFont(font)
    painter.drawText(QRectF(0, 0, SIDE, SIDE), Qt.AlignmentFlag.AlignCenter, text)
    painter.end()
    return QIcon(pixmap)
