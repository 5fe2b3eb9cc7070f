"""One column of the compare view: a perspective's head (its colour, name and counts) over
the cards of its sources, or a note on what is missing when it has none."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtCore import QCoreApplication, QEvent, QModelIndex, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QImage,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPalette,
    QPen,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QLabel,
    QListView,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from archive_app.core.compare import Card, ColumnHead
from archive_app.core.research import counted
from archive_app.gui.compare.cards import SOURCE_ID_ROLE, CardDelegate, CardListModel
from archive_app.gui.counts import sources_count
from archive_app.gui.reader.colors import is_dark, mix

BAND = 4
COLUMN_WIDTH = 270


def column_tint(palette: QPalette, color: str) -> QColor:
    """The column's background: the window's colour with a breath of the perspective's."""
    window = palette.color(QPalette.ColorRole.Window)
    if not QColor.isValidColorName(color):
        return mix(window, palette.color(QPalette.ColorRole.Text), 0.03)
    return mix(window, QColor(color), 0.09 if is_dark(palette) else 0.05)


class ColumnHeader(QWidget):
    """A band in the perspective's colour, its name, and how many sources and passages."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.head = ColumnHead(None, "")
        self.counts = ""
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)

    def show_head(self, head: ColumnHead, counts: str) -> None:
        self.head = head
        self.counts = counts
        self.setToolTip(head.description)
        self.setAccessibleName(f"{head.name}: {counts}")
        self.updateGeometry()
        self.update()

    def sizeHint(self) -> QSize:
        metrics = self.fontMetrics()
        return QSize(COLUMN_WIDTH, BAND + 14 + int(metrics.height() * 2.3) + 10)

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        text = palette.color(QPalette.ColorRole.WindowText)
        color = (
            QColor(self.head.color)
            if self.head.color
            else mix(text, self.palette().color(QPalette.ColorRole.Window), 0.55)
        )
        band = QPainterPath()
        band.addRoundedRect(QRectF(0, 0, self.width(), BAND + 4), 3, 3)
        painter.setClipRect(0, 0, self.width(), BAND)
        painter.fillPath(band, color)
        painter.setClipping(False)
        title = QFont(self.font())
        title.setBold(True)
        title.setPointSizeF(title.pointSizeF() * 1.08)
        painter.setFont(title)
        painter.setPen(text)
        left = 12
        top = BAND + 10
        name_height = painter.fontMetrics().height()
        dot = QRectF(left, top + (name_height - 10) / 2, 10, 10)
        if self.head.key is None:  # no perspective: an empty ring, as in the timeline
            painter.setPen(QPen(color, 1.4))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawEllipse(dot.adjusted(0.7, 0.7, -0.7, -0.7))
        else:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(color)
            painter.drawEllipse(dot)
        painter.setPen(text)
        left += 17
        name = painter.fontMetrics().elidedText(
            self.head.name, Qt.TextElideMode.ElideRight, self.width() - left - 10
        )
        painter.drawText(QRectF(left, top, self.width() - left - 10, name_height), name)
        painter.setFont(self.font())
        painter.setPen(mix(text, palette.color(QPalette.ColorRole.Window), 0.42))
        painter.drawText(
            QRectF(12, top + name_height + 2, self.width() - 22, self.fontMetrics().height()),
            self.counts,
        )
        painter.end()


class CardList(QListView):
    """A column's cards, one under the other; a double-click or Enter opens one."""

    def __init__(self, model: CardListModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("compareCards")
        self.setModel(model)
        self.cards_delegate = CardDelegate(self)
        self.setItemDelegate(self.cards_delegate)
        self.setSpacing(5)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setWordWrap(True)  # with it, QListView lays the cards out again on any resize
        self.setLayoutMode(QListView.LayoutMode.Batched)  # a long column stays responsive
        self.setBatchSize(40)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setDragEnabled(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setMouseTracking(True)
        self.viewport().setAutoFillBackground(False)
        self.setAutoFillBackground(False)
        self.verticalScrollBar().setSingleStep(24)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.FontChange):
            self.cards_delegate.forget()
            self.scheduleDelayedItemsLayout()


class CompareColumn(QWidget):
    """A perspective's column (objectName ``compareColumn``)."""

    sourceOpenRequested = Signal(int)

    def __init__(self, head: ColumnHead, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("compareColumn")
        self.head = head
        self.header = ColumnHeader(self)
        self.model = CardListModel(head, self)
        self.cards = CardList(self.model, self)
        self.cards.setAccessibleName(self.tr("{name}: sources").format(name=head.name))
        self.empty = QLabel(self)
        self.empty.setObjectName("compareColumnEmpty")
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.empty.setContentsMargins(18, 24, 18, 18)
        self._stack = QStackedWidget(self)
        self._stack.addWidget(self.cards)
        self._stack.addWidget(self.empty)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 4)
        layout.setSpacing(2)
        layout.addWidget(self.header)
        layout.addWidget(self._stack, 1)
        self.setMinimumWidth(COLUMN_WIDTH - 40)
        self.cards.activated.connect(self._open)
        self._recolor()

    def show_cards(
        self,
        head: ColumnHead,
        cards: Sequence[Card],
        *,
        event_id: int,
        event_name: str,
        pictures: Mapping[int, QImage] | None = None,
    ) -> None:
        """Show a column's cards; ``pictures``: thumbnails of image sources, by id."""
        self.head = head
        self.model.set_cards(head, cards, event_id, pictures or {})
        self.cards.cards_delegate.forget()
        sources = sources_count(len(cards))
        passages = counted(sum(len(card.passages) for card in cards), "passage")
        self.header.show_head(head, f"{sources} · {passages}")
        self.cards.setAccessibleName(self.tr("{name}: sources").format(name=head.name))
        self.empty.setText(_empty_text(head, event_name))
        self._stack.setCurrentWidget(self.cards if cards else self.empty)
        self._recolor()

    @property
    def titles(self) -> list[str]:
        """The titles of the cards, top to bottom (what a person reads down the column)."""
        return [self.model.card(row).title for row in range(self.model.rowCount())]

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self._recolor()

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        path = QPainterPath()
        path.addRoundedRect(QRectF(self.rect()), 6, 6)
        painter.fillPath(path, column_tint(self.palette(), self.head.color))
        painter.end()

    def _recolor(self) -> None:
        palette = self.empty.palette()
        text = self.palette().color(QPalette.ColorRole.WindowText)
        window = self.palette().color(QPalette.ColorRole.Window)
        palette.setColor(QPalette.ColorRole.WindowText, mix(text, window, 0.4))
        self.empty.setPalette(palette)

    def _open(self, index: QModelIndex) -> None:
        source_id = index.data(SOURCE_ID_ROLE)
        if isinstance(source_id, int):
            self.sourceOpenRequested.emit(source_id)


def _empty_text(head: ColumnHead, event_name: str) -> str:
    if head.key is None:
        return QCoreApplication.translate("column", "Every source on this event has a perspective.")
    return QCoreApplication.translate(
        "column",
        "No {name} source on “{event_name}” yet.\n\nA gap worth filling: find one and give it the "
        "perspective “{name}” in the inspector.",
    ).format(name=head.name, event_name=event_name)
