"""A source's card in a compare column: the model that holds a column's cards and the delegate
that draws them.

A card shows the source's kind, title, site, date and authors, the sub-event it is about when
that is not the event compared, a photo's thumbnail, and under it each annotated passage: the
quote (or the region marked) and the note, on a tint of the perspective the passage speaks for,
with a stripe in that colour. A card is one :class:`QTextDocument` (each passage a table, whose
box is tinted under it), laid out once per width and cached, so scrolling a long column only
paints.
"""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QDate,
    QLocale,
    QMimeData,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPointF,
    QRect,
    QRectF,
    QSize,
    Qt,
    QUrl,
)
from PySide6.QtGui import (
    QColor,
    QFont,
    QImage,
    QPainter,
    QPainterPath,
    QPalette,
    QTextDocument,
    QTextTable,
)
from PySide6.QtWidgets import QListView, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from archive_app.core.compare import Card, ColumnHead, Passage
from archive_app.gui.badges import badge_color, badge_text
from archive_app.gui.icons import kind_icon
from archive_app.gui.mime import SOURCE_IDS, source_ids_mime
from archive_app.gui.reader.colors import is_dark, mix

CARD_ROLE = Qt.ItemDataRole.UserRole + 1
SOURCE_ID_ROLE = Qt.ItemDataRole.UserRole + 2
PADDING = 12
ACCENT = 4
ICON = 16
RADIUS = 7
QUOTE_CHARS = 600
CELL_PADDING = 6
CARD_PICTURE = QSize(280, 150)
"""The largest a photo's thumbnail is shown on its card."""
PICTURE_URL = QUrl("card:picture")
Index = QModelIndex | QPersistentModelIndex


@lru_cache(maxsize=4096)
def short_date(value: str) -> str:
    """``2023-09-19T17:45:00+04:00`` → ``19 Sep 2023``; a year or a month stays one. (Kept:
    a column of thousands of cards asks again and again, and each answer takes a locale.)"""
    parts = value[:10].split("-")
    try:
        numbers = [int(part) for part in parts if part]
    except ValueError:
        return value
    locale = QLocale()
    if len(numbers) == 3:
        return locale.toString(QDate(*numbers), "d MMM yyyy")
    if len(numbers) == 2:
        return locale.toString(QDate(numbers[0], numbers[1], 1), "MMM yyyy")
    return value


def byline(card: Card) -> str:
    parts = [card.site, short_date(card.published) if card.published else "", *card.authors[:2]]
    return " · ".join(part for part in parts if part)


class CardListModel(QAbstractListModel):
    """The cards of one column. Cards can be dragged (onto an event in the sidebar, say)."""

    def __init__(self, head: ColumnHead, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.head = head
        self.compared_event: int | None = None
        self._cards: tuple[Card, ...] = ()
        self._pictures: Mapping[int, QImage] = {}

    def set_cards(
        self,
        head: ColumnHead,
        cards: Sequence[Card],
        compared_event: int,
        pictures: Mapping[int, QImage],
    ) -> None:
        self.beginResetModel()
        self.head = head
        self.compared_event = compared_event
        self._cards = tuple(cards)
        self._pictures = pictures
        self.endResetModel()

    def picture(self, source_id: int) -> QImage | None:
        """A photo's thumbnail, when the card is a photo's and it could be read."""
        return self._pictures.get(source_id)

    def card(self, row: int) -> Card:
        return self._cards[row]

    def row_of(self, source_id: int) -> int | None:
        for row, card in enumerate(self._cards):
            if card.source_id == source_id:
                return row
        return None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._cards)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._cards):
            return None
        card = self._cards[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return card.title or self.tr("Untitled")
        if role == CARD_ROLE:
            return card
        if role == SOURCE_ID_ROLE:
            return card.source_id
        if role == Qt.ItemDataRole.ToolTipRole:
            badge = badge_text(card.status, card.grade)
            verification = f"\n{badge} {card.status}" if badge else ""
            return self.tr(
                "{title}\n{byline}{verification}\nDouble-click to open it in the reader."
            ).format(title=card.title, byline=byline(card), verification=verification)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            passages = len(card.passages)
            counted = (
                self.tr("1 passage") if passages == 1 else self.tr("%n passages", "", passages)
            )
            return f"{card.title}, {byline(card)}, {counted}"
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDragEnabled
        )

    def mimeTypes(self) -> list[str]:
        return [SOURCE_IDS, "text/plain"]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        cards = [self._cards[index.row()] for index in indexes if index.isValid()]
        return source_ids_mime([c.source_id for c in cards], [c.title for c in cards])

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.CopyAction | Qt.DropAction.LinkAction


@dataclass(frozen=True)
class CardColors:
    text: QColor
    muted: QColor
    base: QColor
    border: QColor
    highlight: QColor

    @classmethod
    def of(cls, palette: QPalette) -> CardColors:
        text = palette.color(QPalette.ColorRole.Text)
        base = palette.color(QPalette.ColorRole.Base)
        return cls(
            text=text,
            muted=mix(text, base, 0.45),
            base=base,
            border=mix(base, text, 0.16),
            highlight=palette.color(QPalette.ColorRole.Highlight),
        )

    def tint(self, color: QColor, dark: bool) -> QColor:
        """A passage's background: the perspective's colour, faint on the card."""
        return mix(self.base, color, 0.2 if dark else 0.11)


class CardLayout:
    """A card as one rich-text document; :meth:`fit` lays it out for a width and finds the
    boxes of its passages (the document's tables) and its height."""

    def __init__(
        self,
        card: Card,
        head: ColumnHead,
        *,
        compared_event: int | None,
        font: QFont,
        palette: QPalette,
        picture: QImage | None = None,
    ) -> None:
        self.card = card
        self.head = head
        self.colors = CardColors.of(palette)
        self.dark = is_dark(palette)
        self.document = QTextDocument()
        self.document.setDefaultFont(font)
        self.document.setDocumentMargin(0)
        self.picture = picture
        if picture is not None:
            self.document.addResource(
                QTextDocument.ResourceType.ImageResource, PICTURE_URL, picture
            )
        self.document.setHtml(self._html(font.pointSizeF(), compared_event))
        self.width = 0
        self.height = 0
        self.boxes: list[tuple[QRectF, QColor]] = []

    def fit(self, width: int) -> CardLayout:
        """Lay the card out for ``width`` (only when it changed)."""
        if width != self.width:
            self.width = width
            self.document.setTextWidth(max(60, width - 2 * PADDING - ACCENT))
            text_width = self.document.textWidth()
            self.boxes = [
                (QRectF(0, top, text_width, bottom - top), self._voice_color(passage))
                for (top, bottom), passage in zip(
                    self._table_spans(), self.card.passages, strict=False
                )
            ]
            self.height = int(self.document.size().height()) + 2 * PADDING
        return self

    def _table_spans(self) -> list[tuple[float, float]]:
        """The top and bottom of each passage's table: from its text, with the cell's padding
        (a table frame's own bounding rect is offset by it)."""
        layout = self.document.documentLayout()
        spans = []
        for table in self.document.rootFrame().childFrames():
            if not isinstance(table, QTextTable):
                continue  # a photo's frame
            cell = table.cellAt(0, 0)
            first = layout.blockBoundingRect(self.document.findBlock(cell.firstPosition()))
            last = layout.blockBoundingRect(self.document.findBlock(cell.lastPosition()))
            spans.append((first.top() - CELL_PADDING, last.bottom() + CELL_PADDING))
        return spans

    def _html(self, points: float, compared_event: int | None) -> str:
        text, muted = self.colors.text.name(), self.colors.muted.name()
        title = html.escape(self.card.title or QCoreApplication.translate("CardLayout", "Untitled"))
        parts = [
            f"<body style='color:{text}'>",
            f"<p style='margin:0 0 2px {ICON + 8}px; font-weight:bold; "
            f"font-size:{points * 1.08:.1f}pt'>{title}</p>",
        ]
        small = f"font-size:{points * 0.92:.1f}pt"
        for line in self._meta_lines(compared_event):
            parts.append(f"<p style='margin:0; color:{muted}; {small}'>{line}</p>")
        if self.picture is not None:
            ratio = self.picture.devicePixelRatio()
            width, height = self.picture.width() / ratio, self.picture.height() / ratio
            parts.append(
                f"<p style='margin:6px 0 0 0'><img src='{PICTURE_URL.toString()}' "
                f"width='{width:.0f}' height='{height:.0f}'></p>"
            )
        for passage in self.card.passages:
            parts.append(
                "<table width='100%' cellspacing='0' cellpadding='0' style='margin-top:8px'>"
                f"<tr><td style='padding:{CELL_PADDING}px 8px {CELL_PADDING}px 12px'>"
                f"{_passage_html(passage, self.head, muted, points)}</td></tr></table>"
            )
        parts.append("</body>")
        return "".join(parts)

    def _meta_lines(self, compared_event: int | None) -> list[str]:
        muted = self.colors.muted.name()
        lines = []
        meta = byline(self.card)
        if meta:
            lines.append(html.escape(meta))
        others = [e.name for e in self.card.events if e.id != compared_event]
        if others:
            lines.append(
                QCoreApplication.translate("CardLayout", "About {events}").format(
                    events=", ".join(html.escape(name) for name in others)
                )
            )
        if self.card.borrowed:
            lines.append(_borrowed_line(self.card, muted))
        badge = badge_text(self.card.status, self.card.grade)
        if badge:
            color = badge_color(self.card.status)
            lines.append(
                f'<span style="color:{color}; font-weight:600">{html.escape(badge)}</span> '
                f"{html.escape(self.card.status)}"
            )
        return lines

    def _voice_color(self, passage: Passage) -> QColor:
        color = QColor(_voice(passage, self.head).color)
        return color if color.isValid() else self.colors.muted

    def paint(self, painter: QPainter, rect: QRect, *, selected: bool, hovered: bool) -> None:
        colors = self.colors
        card_rect = QRectF(rect).adjusted(0.5, 0.5, -0.5, -0.5)
        outline = QPainterPath()
        outline.addRoundedRect(card_rect, RADIUS, RADIUS)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillPath(outline, mix(colors.base, colors.text, 0.03) if hovered else colors.base)
        painter.save()
        painter.setClipPath(outline)
        accent = QColor(self.head.color) if self.head.color else colors.muted
        if self.card.borrowed:
            accent.setAlphaF(0.45)
        painter.fillRect(
            QRectF(card_rect.left(), card_rect.top(), ACCENT, card_rect.height()), accent
        )
        painter.restore()
        painter.setPen(colors.highlight if selected else colors.border)
        painter.drawPath(outline)
        if selected:
            inner = QPainterPath()
            inner.addRoundedRect(card_rect.adjusted(1, 1, -1, -1), RADIUS - 1, RADIUS - 1)
            painter.drawPath(inner)
        icon_rect = QRect(rect.left() + PADDING + ACCENT, rect.top() + PADDING + 1, ICON, ICON)
        kind_icon(self.card.kind).paint(painter, icon_rect)
        painter.translate(QPointF(rect.left() + PADDING + ACCENT, rect.top() + PADDING))
        for box, color in self.boxes:
            _paint_box(painter, box, colors.tint(color, self.dark), color)
        self.document.drawContents(painter)
        painter.restore()


def _paint_box(painter: QPainter, box: QRectF, fill: QColor, stripe: QColor) -> None:
    """A passage's tinted box with a stripe of its perspective's colour down its left side."""
    path = QPainterPath()
    path.addRoundedRect(box, 4, 4)
    painter.fillPath(path, fill)
    painter.save()
    painter.setClipPath(path)
    painter.fillRect(QRectF(box.left(), box.top(), 3, box.height()), stripe)
    painter.restore()


def _voice(passage: Passage, head: ColumnHead) -> ColumnHead:
    """The perspective a passage speaks for in this column: the column's, or its own."""
    own = [p for p in passage.perspectives if p.id == head.key]
    if own or not passage.perspectives:
        return head
    first = passage.perspectives[0]
    return ColumnHead(first.id, first.name, first.color)


def _passage_html(passage: Passage, head: ColumnHead, muted: str, points: float) -> str:
    """A passage's quote (or the region it marks), its note, and the perspectives it speaks
    for when they are not the column's."""
    small = f"font-size:{points * 0.95:.1f}pt"
    if passage.target == "text":
        quote = passage.quote
        if len(quote) > QUOTE_CHARS:
            quote = quote[:QUOTE_CHARS] + "…"
        parts = [f"<p style='margin:0'><i>“{html.escape(quote)}”</i></p>"]
    else:
        where = (
            QCoreApplication.translate("cards", "A region of page {page}").format(page=passage.page)
            if passage.page
            else QCoreApplication.translate("cards", "A region of the image")
        )
        parts = [f"<p style='margin:0; color:{muted}; {small}'><i>{where}</i></p>"]
    if passage.note.strip():
        note = html.escape(passage.note.strip()).replace("\n", "<br>")
        parts.append(f"<p style='margin:3px 0 0 0; {small}'>{note}</p>")
    others = [p for p in passage.perspectives if p.id != head.key]
    if others:
        names = " · ".join(
            f"<span style='color:{p.color or muted}'>●</span> {html.escape(p.name)}" for p in others
        )
        size = f"font-size:{points * 0.88:.1f}pt"
        parts.append(f"<p style='margin:3px 0 0 0; color:{muted}; {size}'>{names}</p>")
    return "".join(parts)


def _borrowed_line(card: Card, muted: str) -> str:
    if not card.perspectives:
        return QCoreApplication.translate("cards", "Quoted in a source without a perspective")
    names = ", ".join(
        f"<span style='color:{p.color or muted}'>●</span> {html.escape(p.name)}"
        for p in card.perspectives
    )
    return QCoreApplication.translate("cards", "Quoted in a source of {names}").format(names=names)


class CardDelegate(QStyledItemDelegate):
    """Draws cards; keeps each card's document, laid out for the width it was last shown at."""

    def __init__(self, view: QListView) -> None:
        super().__init__(view)
        self._view = view
        self._layouts: dict[tuple[int, int], CardLayout] = {}

    def forget(self) -> None:
        """Lay cards out anew (the cards, the palette or the font changed)."""
        self._layouts.clear()

    def layout_for(self, index: Index, width: int) -> CardLayout:
        card: Card = index.data(CARD_ROLE)
        key = (index.row(), card.source_id)
        found = self._layouts.get(key)
        if found is None or found.card is not card:
            model = index.model()
            head = model.head if isinstance(model, CardListModel) else ColumnHead(None, "")
            event = model.compared_event if isinstance(model, CardListModel) else None
            picture = model.picture(card.source_id) if isinstance(model, CardListModel) else None
            found = CardLayout(
                card,
                head,
                compared_event=event,
                font=self._view.font(),
                palette=self._view.palette(),
                picture=picture,
            )
            self._layouts[key] = found
        return found.fit(width)

    def card_width(self) -> int:
        return max(160, self._view.viewport().width() - 2 * self._view.spacing())

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        width = self.card_width()
        return QSize(width, self.layout_for(index, width).height)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        rect: QRect = option.rect
        state = option.state
        layout = self.layout_for(index, rect.width())
        layout.paint(
            painter,
            rect,
            selected=bool(state & QStyle.StateFlag.State_Selected),
            hovered=bool(state & QStyle.StateFlag.State_MouseOver),
        )
