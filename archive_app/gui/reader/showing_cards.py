"""Cards that put the showings of one photo side by side: where, when, by which perspective,
and what each caption says that the others do not (marked). Used by the photo reader, the
article reader's reused figures and the Reused photos view."""

from __future__ import annotations

import html
from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, Qt, Signal, SignalInstance
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QScrollArea, QVBoxLayout, QWidget

from archive_app.core.reuse import Showing, caption_differences

CARD_WIDTH = 230
_MARK_STYLES = {
    "name": "font-weight:600; background-color:rgba(255, 196, 0, 0.35);",
    "date": "font-weight:600; background-color:rgba(0, 150, 255, 0.28);",
    "word": "text-decoration:underline;",
}


def marked_caption(caption: str, others: Sequence[str]) -> str:
    """The caption as rich text, with what the other captions do not say marked by kind."""
    parts: list[str] = []
    position = 0
    for difference in caption_differences(caption, others):
        parts.append(html.escape(caption[position : difference.start]))
        word = html.escape(caption[difference.start : difference.end])
        parts.append(f'<span style="{_MARK_STYLES[difference.kind]}">{word}</span>')
        position = difference.end
    parts.append(html.escape(caption[position:]))
    return "".join(parts)


def heading(parent: QWidget, text: str, name: str) -> QLabel:
    label = QLabel(text, parent)
    label.setObjectName(name)
    font = QFont(label.font())
    font.setWeight(QFont.Weight.DemiBold)
    label.setFont(font)
    return label


def link(parent: QWidget, text: str, source_id: int, opened: SignalInstance) -> QLabel:
    link = QLabel(
        f'<a href="source:{source_id}">'
        f"{html.escape(text or QCoreApplication.translate('showing_cards', 'Untitled'))}</a>",
        parent,
    )
    link.setTextFormat(Qt.TextFormat.RichText)
    link.setWordWrap(True)
    link.setTextInteractionFlags(
        Qt.TextInteractionFlag.LinksAccessibleByMouse
        | Qt.TextInteractionFlag.LinksAccessibleByKeyboard
    )
    link.setToolTip(QCoreApplication.translate("showing_cards", "Open this source"))
    link.setAccessibleName(
        QCoreApplication.translate("showing_cards", "Open {title}").format(
            title=text or QCoreApplication.translate("showing_cards", "this source")
        )
    )
    link.linkActivated.connect(lambda _href: opened.emit(source_id))
    return link


def quiet(parent: QWidget, text: str, name: str) -> QLabel:
    label = QLabel(text, parent)
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
    return label


class ShowingCard(QFrame):
    """One showing of a photo: where, when, by which perspective, and what its caption says."""

    openRequested = Signal(int)

    def __init__(
        self, showing: Showing, others: Sequence[str], parent: QWidget, *, here: bool = False
    ) -> None:
        super().__init__(parent)
        self.showing = showing
        self.setObjectName("showingCard")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self.setBackgroundRole(QPalette.ColorRole.Base)
        self.setFixedWidth(CARD_WIDTH)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 10)
        layout.setSpacing(4)
        badges = (
            [(self.tr("FIRST SEEN"), "firstSeenBadge", "#b35c00")] if showing.first_seen else []
        )
        badges += [(self.tr("THIS PHOTO"), "thisPhotoBadge", "#3465a4")] if here else []
        if badges:
            row = QHBoxLayout()
            row.setSpacing(10)
            for text, name, colour in badges:
                badge = heading(self, text, name)
                badge.setStyleSheet(f"color: {colour}; font-size: 9pt; letter-spacing: 1px;")
                row.addWidget(badge)
            row.addStretch(1)
            layout.addLayout(row)
        where = " · ".join(part for part in (showing.published[:10], showing.site) if part)
        if where:
            layout.addWidget(quiet(self, where, "showingWhere"))
        layout.addWidget(link(self, showing.title, showing.source_id, self.openRequested))
        if showing.perspectives:
            layout.addWidget(quiet(self, ", ".join(showing.perspectives), "showingPerspectives"))
        caption = QLabel(self)
        caption.setObjectName("showingCaption")
        caption.setWordWrap(True)
        caption.setTextFormat(Qt.TextFormat.RichText)
        caption.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        caption.setText(marked_caption(showing.caption, others) or self.tr("<i>No caption</i>"))
        caption.setAccessibleName(self.tr("Caption"))
        layout.addWidget(caption)
        if showing.credit:
            layout.addWidget(quiet(self, showing.credit, "showingCredit"))
        layout.addStretch(1)


class ShowingCards(QScrollArea):
    """Showings side by side, scrolled sideways when they do not fit."""

    openRequested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("showingCards")
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.cards: list[ShowingCard] = []

    def show_showings(
        self, showings: Sequence[Showing], captions: Sequence[str], here: int | None = None
    ) -> None:
        """Cards for ``showings``; each caption compared with all of ``captions`` but its own.
        Those of image ``here`` (the one being read) are marked so."""
        row = QWidget(self)
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        self.cards = []
        for showing in showings:
            others = [c for c in captions if c != showing.caption]
            card = ShowingCard(showing, others, row, here=showing.image_id == here)
            card.openRequested.connect(self.openRequested)
            layout.addWidget(card, 0, Qt.AlignmentFlag.AlignTop)
            self.cards.append(card)
        layout.addStretch(1)
        self.setWidget(row)
        tallest = max((_height(card) for card in self.cards), default=0)
        self.setFixedHeight(tallest + self.horizontalScrollBar().sizeHint().height() + 4)


def _height(card: ShowingCard) -> int:
    """The card's height at its fixed width (its size hint guesses a narrower one for the
    wrapped caption, and comes out too tall)."""
    by_width = card.heightForWidth(CARD_WIDTH)
    return by_width if by_width > 0 else card.sizeHint().height()
