"""The top of the reader: the source's title, its byline (site · date · authors), which aliases a
search matched, its verification badge, and discreet notices about what could not be read."""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, QDateTime, QLocale, QSize, Qt
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from archive_app.core.model import Source
from archive_app.core.search.highlighting import Match
from archive_app.core.verification import Evidence
from archive_app.gui.badges import badge_color, badge_text, badge_tooltip
from archive_app.gui.capture_dialog import HeadersDialog
from archive_app.gui.dates import format_published
from archive_app.gui.icons import icon
from archive_app.gui.reader.colors import Marker, ReaderColors

TITLE_SCALE = 1.45
ICON_SIZE = 16


def byline(source: Source) -> str:
    """Site · date · authors, and what kind of thing it is when that helps."""
    parts = [source.site_name, format_published(source.published) if source.published else ""]
    parts.append(", ".join(source.authors))
    if source.kind == "pdf":
        count = len(source.pages)
        if count == 1:
            parts.append(QCoreApplication.translate("header", "1 page"))
        elif count:
            parts.append(QCoreApplication.translate("header", "%n pages", "", count))
    if source.kind == "image":
        width, height = source.metadata.get("width"), source.metadata.get("height")
        if width and height:
            parts.append(
                QCoreApplication.translate("header", "{width} × {height} px").format(
                    width=width, height=height
                )
            )
    return " · ".join(part for part in parts if part)


def marked_html(text: str, matches: Iterable[Match], marker: Marker) -> str:
    """``text`` as rich text with the matched ranges marked."""
    style = f"background-color:{marker.background.name()};color:{marker.foreground.name()}"
    pieces = []
    position = 0
    for match in matches:
        pieces.append(html.escape(text[position : match.start]))
        pieces.append(f'<span style="{style}">{html.escape(text[match.start : match.end])}</span>')
        position = match.end
    pieces.append(html.escape(text[position:]))
    return "".join(pieces)


def alias_note(found: dict[str, list[str]]) -> str:
    """``Matched Khankendi, Xankəndi (aliases of “Stepanakert”)`` as rich text."""
    notes = []
    for query_word, names in found.items():
        listed = ", ".join(f"<b>{html.escape(name)}</b>" for name in names)
        kind = "aliases" if len(names) > 1 else QCoreApplication.translate("header", "an alias")
        notes.append(
            QCoreApplication.translate("header", "matched {listed} ({kind} of “{escape}”)").format(
                listed=listed, kind=kind, escape=html.escape(query_word)
            )
        )
    if not notes:
        return ""
    text = "; ".join(notes)
    return text[0].upper() + text[1:]


class SourceHeader(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("readerHeader")
        self.title = QLabel(self)
        self.title.setObjectName("readerTitle")
        self.title.setAccessibleName(self.tr("Title"))
        self.title.setWordWrap(True)
        self.title.setTextFormat(Qt.TextFormat.RichText)
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = QFont(self.font())
        font.setPointSizeF(font.pointSizeF() * TITLE_SCALE)
        font.setWeight(QFont.Weight.DemiBold)
        self.title.setFont(font)
        self.byline = QLabel(self)
        self.byline.setObjectName("readerByline")
        self.byline.setAccessibleName(self.tr("Site, date and authors"))
        self.byline.setWordWrap(True)
        self.byline.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.captured = QLabel(self)
        self.captured.setObjectName("readerCaptured")
        self.captured.setAccessibleName(self.tr("Where and when the page was captured"))
        self.captured.setWordWrap(True)
        self.captured.setTextFormat(Qt.TextFormat.RichText)
        self.captured.linkActivated.connect(self._show_headers)
        self._capture: dict[str, Any] | None = None
        self.aliases = QLabel(self)
        self.aliases.setObjectName("readerAliasNote")
        self.aliases.setAccessibleName(self.tr("Aliases matched"))
        self.aliases.setWordWrap(True)
        self.aliases.setTextFormat(Qt.TextFormat.RichText)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(3)
        layout.addWidget(self.title)
        layout.addWidget(self.byline)
        layout.addWidget(self.captured)
        layout.addWidget(self.aliases)
        self.grade = QLabel(self)
        self.grade.setObjectName("readerGrade")
        self.grade.setAccessibleName(self.tr("Verification"))
        self.grade.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(self.grade)
        for label in (self.byline, self.captured, self.aliases):
            label.setForegroundRole(QPalette.ColorRole.PlaceholderText)

    def show_source(
        self, source: Source, title_matches: Sequence[Match], aliases: dict[str, list[str]]
    ) -> None:
        colors = ReaderColors.of(self.palette())
        self.title.setText(
            marked_html(source.title or self.tr("Untitled"), title_matches, colors.hit)
        )
        self.byline.setText(byline(source))
        self.byline.setVisible(bool(self.byline.text()))
        self.aliases.setText(alias_note(aliases))
        self.aliases.setVisible(bool(aliases))
        self._capture = source.capture
        self.captured.setText(capture_note(source.capture) if source.capture else "")
        self.captured.setVisible(source.capture is not None)

    def _show_headers(self) -> None:
        if self._capture is not None:
            HeadersDialog(self._capture, self).open()

    def show_grade(self, evidence: Evidence) -> None:
        """The verification badge, with what the grade means beside it."""
        text = badge_text(evidence.status, evidence.grade)
        self.grade.setVisible(bool(text))
        if not text:
            return
        meaning = badge_tooltip(evidence.status, evidence.reliability, evidence.credibility)
        color = badge_color(evidence.status)
        self.grade.setText(
            f'<span style="background:{color}; color:white; font-weight:600">&nbsp;{text}&nbsp;'
            f"</span>&nbsp; {html.escape(evidence.status.capitalize())}"
        )
        self.grade.setToolTip(meaning)


def capture_note(capture: dict[str, Any]) -> str:
    """``Captured 15 September 2023, 10:30 · HTTP headers`` as rich text (the link opens them)."""
    moment = QDateTime.fromString(str(capture.get("captured_at") or ""), Qt.DateFormat.ISODate)
    when = (
        QLocale().toString(moment.toLocalTime(), "d MMMM yyyy, HH:mm") if moment.isValid() else ""
    )
    note = (
        QCoreApplication.translate("header", "Captured {when}").format(when=when)
        if when
        else QCoreApplication.translate("header", "Captured")
    )
    if capture.get("http_headers"):
        note += QCoreApplication.translate("header", ' · <a href="headers">HTTP headers</a>')
    return note


class NoticeBar(QFrame):
    """Notes on what could not be read, in a quiet panel that stays out of the way."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("readerNotice")
        self.setAccessibleName(self.tr("Notes on this source"))
        self.setAutoFillBackground(True)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.icon = QLabel(self)
        self.icon.setPixmap(
            icon("info").pixmap(QSize(ICON_SIZE, ICON_SIZE), self.devicePixelRatioF())
        )
        self.icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.text = QLabel(self)
        self.text.setObjectName("readerNoticeText")
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 7, 10, 7)
        layout.setSpacing(8)
        layout.addWidget(self.icon, 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.text, 1)
        self.setBackgroundRole(QPalette.ColorRole.AlternateBase)
        self.setVisible(False)

    def show_notes(self, notes: Sequence[str]) -> None:
        self.text.setText("\n".join(notes))
        self.setVisible(bool(notes))
