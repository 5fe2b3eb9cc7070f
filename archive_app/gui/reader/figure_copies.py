"""Above an article: its figures that appear elsewhere in the archive, as the photo reader
says of a photo: "Also appears in N sources", with every showing's caption side by side on
request (the same cards as the photo reader's)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QToolButton, QVBoxLayout, QWidget

from archive_app.core.reuse import PhotoGroup
from archive_app.gui.reader.showing_cards import ShowingCards

CAPTION_SHOWN = 60


@dataclass(frozen=True)
class FigureCopies:
    """A figure of the article (the image source ``image_id``, its caption there) and every
    showing of its photo."""

    image_id: int
    caption: str
    group: PhotoGroup


def elsewhere_count(article_id: int, group: PhotoGroup) -> int:
    """In how many other sources the photo appears (the article itself does not count)."""
    return len({s.source_id for s in group.showings if s.source_id != article_id})


class FigureCopyRow(QWidget):
    """One reused figure: a line saying so, and its showings' cards behind a toggle."""

    openSourceRequested = Signal(int)

    def __init__(self, article_id: int, figure: FigureCopies, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("figureCopies")
        count = elsewhere_count(article_id, figure.group)
        caption = figure.caption.strip() or self.tr("A photo in this article")
        if len(caption) > CAPTION_SHOWN:
            caption = caption[:CAPTION_SHOWN].rsplit(" ", 1)[0] + "…"
        said = (
            self.tr("Also appears in 1 source: the photo “{caption}”")
            if count == 1
            else self.tr("Also appears in %Ln sources: the photo “{caption}”", "", count)
        )
        self.title = QLabel(said.format(caption=caption), self)
        self.title.setObjectName("figureCopiesTitle")
        self.title.setWordWrap(True)
        self.toggle = QToolButton(self)
        self.toggle.setObjectName("figureCopiesToggle")
        self.toggle.setText(self.tr("Compare captions"))
        self.toggle.setCheckable(True)
        self.toggle.setAutoRaise(True)
        self.toggle.toggled.connect(self._toggled)
        self.cards = ShowingCards(self)
        captions = [s.caption for s in figure.group.showings if s.caption]
        self.cards.show_showings(figure.group.showings, captions, here=figure.image_id)
        self.cards.openRequested.connect(self.openSourceRequested)
        self.cards.setVisible(False)
        top = QHBoxLayout()
        top.setSpacing(8)
        top.addWidget(self.title, 1)
        top.addWidget(self.toggle, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addLayout(top)
        layout.addWidget(self.cards)

    def _toggled(self, shown: bool) -> None:
        self.cards.setVisible(shown)
        self.toggle.setText(self.tr("Hide captions") if shown else self.tr("Compare captions"))


class FigureCopiesBar(QFrame):
    """Every figure of the open article whose photo appears in other sources."""

    openSourceRequested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("figureCopiesBar")
        self.setAccessibleName(self.tr("This article's photos elsewhere"))
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self.setBackgroundRole(QPalette.ColorRole.AlternateBase)
        self.rows: list[FigureCopyRow] = []
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(10, 7, 10, 7)
        self._layout.setSpacing(6)
        self.setVisible(False)

    def show_figures(self, article_id: int, figures: Sequence[FigureCopies]) -> None:
        for row in self.rows:
            row.deleteLater()
        self.rows = []
        for figure in figures:
            if elsewhere_count(article_id, figure.group) == 0:
                continue
            row = FigureCopyRow(article_id, figure, self)
            row.openSourceRequested.connect(self.openSourceRequested)
            self._layout.addWidget(row)
            self.rows.append(row)
        self.setVisible(bool(self.rows))
