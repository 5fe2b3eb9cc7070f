"""What is known about a photo, under the picture: its caption and credit, who made it, when and
where, and the articles it appears in with the caption each of them gives it."""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import QCoreApplication, QDateTime, QLocale, Qt, Signal
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import (
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from archive_app.core.model import Appearance, Source
from archive_app.core.search.highlighting import QueryTerms, aliases_matched
from archive_app.gui.dates import format_published
from archive_app.gui.reader.colors import ReaderColors
from archive_app.gui.reader.header import marked_html
from archive_app.gui.widgets import selectable_label

CAPTION_SCALE = 1.08


def format_taken(value: str) -> str:
    """``2008-05-30T15:56:01`` → ``30 May 2008, 15:56``; a bare date as a date."""
    if "T" not in value:
        return format_published(value)
    moment = QDateTime.fromString(value[:19], Qt.DateFormat.ISODate)
    if not moment.isValid():
        return value
    return QLocale().toString(moment, "d MMMM yyyy, HH:mm")


def format_position(gps: Any) -> str:
    """``{"lat": 39.8, "lon": 46.75}`` → ``39.80000° N, 46.75000° E``."""
    if not isinstance(gps, dict):
        return ""
    try:
        lat, lon = float(gps["lat"]), float(gps["lon"])
    except (KeyError, TypeError, ValueError):
        return ""
    north = "N" if lat >= 0 else "S"
    east = "E" if lon >= 0 else "W"
    return f"{abs(lat):.5f}° {north}, {abs(lon):.5f}° {east}"


def photo_facts(source: Source, credit: str) -> list[tuple[str, str]]:
    """The facts worth a line each, as (label, value), leaving out what is not known and the
    creator when the credit line under the caption already names them."""
    metadata = source.metadata
    width, height = metadata.get("width"), metadata.get("height")
    creator = str(metadata.get("creator") or "")
    facts = [
        (
            QCoreApplication.translate("image_details", "Creator"),
            creator if creator != credit else "",
        ),
        (
            QCoreApplication.translate("image_details", "Copyright"),
            str(metadata.get("copyright") or ""),
        ),
        (
            QCoreApplication.translate("image_details", "Taken"),
            format_taken(str(metadata.get("taken_at") or "")),
        ),
        (QCoreApplication.translate("image_details", "Camera"), str(metadata.get("camera") or "")),
        (
            QCoreApplication.translate("image_details", "Position"),
            format_position(metadata.get("gps")),
        ),
        (
            QCoreApplication.translate("image_details", "Size"),
            QCoreApplication.translate("image_details", "{width} × {height} pixels").format(
                width=width, height=height
            )
            if width and height
            else "",
        ),
    ]
    return [(label, value) for label, value in facts if value]


class ImageDetails(QWidget):
    openSourceRequested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("imageDetails")
        self._source: Source | None = None
        self.aliases: dict[str, list[str]] = {}
        self.caption = selectable_label(self, "imageCaption")
        self.caption.setAccessibleName(self.tr("Caption"))
        self.caption.setTextFormat(Qt.TextFormat.RichText)
        font = QFont(self.caption.font())
        font.setPointSizeF(font.pointSizeF() * CAPTION_SCALE)
        self.caption.setFont(font)
        self.credit = selectable_label(self, "imageCredit")
        self.credit.setAccessibleName(self.tr("Credit"))
        self.credit.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.facts_box = QWidget(self)
        self.facts = QFormLayout(self.facts_box)
        self.facts.setContentsMargins(0, 0, 0, 0)
        self.facts.setHorizontalSpacing(14)
        self.facts.setVerticalSpacing(5)
        self.facts.setLabelAlignment(Qt.AlignmentFlag.AlignLeft)
        self.facts.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        self.appearances_title = QLabel(self.tr("Appears in"), self)
        self.appearances_title.setObjectName("appearsInTitle")
        heading = QFont(self.font())
        heading.setWeight(QFont.Weight.DemiBold)
        self.appearances_title.setFont(heading)
        self.appearances_box = QWidget(self)
        self.appearances = QVBoxLayout(self.appearances_box)
        self.appearances.setContentsMargins(0, 0, 0, 0)
        self.appearances.setSpacing(10)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 14, 16, 16)
        layout.setSpacing(6)
        layout.addWidget(self.caption)
        layout.addWidget(self.credit)
        layout.addSpacing(8)
        layout.addWidget(self.facts_box)
        layout.addSpacing(10)
        layout.addWidget(self.appearances_title)
        layout.addWidget(self.appearances_box)
        layout.addStretch(1)

    def add_section(self, section: QWidget) -> None:
        """Show ``section`` (what another part of the reader knows of the photo) above the
        articles it appears in."""
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.insertWidget(layout.indexOf(self.appearances_title), section)

    def show_source(self, source: Source, terms: QueryTerms) -> int:
        self._source = source
        self._show_credit(source)
        self._show_facts(source, self.credit.text())
        self._show_appearances(source.appears_in)
        return self.set_terms(terms)

    def set_terms(self, terms: QueryTerms) -> int:
        """Show the caption with the matches of ``terms`` marked; how many there are."""
        text = self._caption_text()
        matches = terms.find(text, "caption") if text else []
        self.aliases = aliases_matched(matches, text)
        if text:
            self.caption.setText(marked_html(text, matches, ReaderColors.of(self.palette()).hit))
        self.caption.setVisible(bool(text))
        return len(matches)

    def clear(self) -> None:
        self._source = None
        self.caption.clear()
        self.credit.clear()
        self._show_appearances([])
        while self.facts.rowCount():
            self.facts.removeRow(0)

    def _caption_text(self) -> str:
        if self._source is None:
            return ""
        own = [c for c in self._source.captions if c.image_source_id in (None, self._source.id)]
        if own and own[0].text:
            return own[0].text
        return str(self._source.metadata.get("caption") or "")

    def _show_credit(self, source: Source) -> None:
        credit = str(source.metadata.get("credit") or "")
        if not credit:
            own = [c for c in source.captions if c.image_source_id in (None, source.id)]
            credit = own[0].credit if own else ""
        self.credit.setText(credit)
        self.credit.setVisible(bool(credit))

    def _show_facts(self, source: Source, credit: str) -> None:
        while self.facts.rowCount():
            self.facts.removeRow(0)
        for label, value in photo_facts(source, credit):
            name = QLabel(label, self.facts_box)
            name.setForegroundRole(QPalette.ColorRole.PlaceholderText)
            field = selectable_label(self.facts_box, f"fact{label}")
            field.setText(value)
            field.setAccessibleName(label)
            self.facts.addRow(name, field)
        self.facts_box.setVisible(self.facts.rowCount() > 0)

    def _show_appearances(self, appearances: list[Appearance]) -> None:
        while self.appearances.count():
            item = self.appearances.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        for appearance in appearances:
            self.appearances.addWidget(self._appearance(appearance))
        self.appearances_title.setVisible(bool(appearances))
        self.appearances_box.setVisible(bool(appearances))

    def _appearance(self, appearance: Appearance) -> QWidget:
        box = QWidget(self.appearances_box)
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(1)
        link = QLabel(box)
        link.setObjectName("appearanceLink")
        title = html.escape(appearance.title or self.tr("Untitled"))
        link.setText(f'<a href="source:{appearance.source_id}">{title}</a>')
        link.setTextFormat(Qt.TextFormat.RichText)
        link.setTextInteractionFlags(
            Qt.TextInteractionFlag.LinksAccessibleByMouse
            | Qt.TextInteractionFlag.LinksAccessibleByKeyboard
        )
        link.setWordWrap(True)
        link.setAccessibleName(
            self.tr("Open {value}").format(value=appearance.title or "the article")
        )
        link.setToolTip(self.tr("Open this source"))
        link.linkActivated.connect(
            lambda _href: self.openSourceRequested.emit(appearance.source_id)
        )
        layout.addWidget(link)
        said = " ".join(part for part in (appearance.caption, appearance.credit) if part)
        if said:
            caption = selectable_label(box, "appearanceCaption")
            caption.setText(said)
            caption.setForegroundRole(QPalette.ColorRole.PlaceholderText)
            layout.addWidget(caption)
        return box
