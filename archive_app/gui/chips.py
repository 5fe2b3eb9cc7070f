"""Small rounded labels for a source's events, perspectives and tags, wrapped in rows like
words in a paragraph. A chip can carry a × button that asks for it to be removed."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPalette, QResizeEvent
from PySide6.QtWidgets import QLayout, QLayoutItem, QSizePolicy, QToolButton, QWidget

from archive_app.gui.icons import icon
from archive_app.gui.reader.colors import mix

PADDING_X = 8
PADDING_Y = 3
DOT = 8
SPACING = 6
REMOVE_ICON = 10
MIN_CHARS = 8


class Chip(QWidget):
    """One name, with a coloured dot before it when it has a colour (a perspective), and a ×
    button after it when it can be removed."""

    removeClicked = Signal()

    def __init__(
        self,
        text: str,
        color: str = "",
        parent: QWidget | None = None,
        *,
        removable: bool = False,
        tooltip: str = "",
    ) -> None:
        super().__init__(parent)
        self.setObjectName("chip")
        self.text = text
        self.color = QColor(color) if color and QColor.isValidColorName(color) else None
        self.setAccessibleName(text)
        self.setToolTip(tooltip or text)
        self.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        self.remove_button: QToolButton | None = None
        if removable:
            button = QToolButton(self)
            button.setObjectName("removeChipButton")
            button.setIcon(icon("close"))
            button.setIconSize(QSize(REMOVE_ICON, REMOVE_ICON))
            button.setAutoRaise(True)
            button.setCursor(Qt.CursorShape.PointingHandCursor)
            button.setAccessibleName(self.tr("Remove {text}").format(text=text))
            button.setToolTip(self.tr("Remove “{text}”").format(text=text))
            button.clicked.connect(self.removeClicked)
            self.remove_button = button

    def sizeHint(self) -> QSize:
        return self._size_for(self.text)

    def minimumSizeHint(self) -> QSize:
        """A long name may be cut short ("September 2023 off…") in a narrow pane; the whole
        name is in the tooltip."""
        return self._size_for(self.text[:MIN_CHARS] + "…").boundedTo(self.sizeHint())

    def _size_for(self, text: str) -> QSize:
        metrics = self.fontMetrics()
        width = metrics.horizontalAdvance(text) + 2 * PADDING_X
        if self.color is not None:
            width += DOT + PADDING_X // 2 + 1
        height = metrics.height() + 2 * PADDING_Y
        if self.remove_button is not None:
            width += height - PADDING_X // 2
        return QSize(width, height)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.remove_button is not None:
            side = self.height() - 2
            self.remove_button.setGeometry(self.width() - side - 2, 1, side, side)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        base = palette.color(QPalette.ColorRole.Base)
        text = palette.color(QPalette.ColorRole.Text)
        bounds = QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5)
        painter.setPen(mix(base, text, 0.22))
        painter.setBrush(mix(base, text, 0.06))
        radius = bounds.height() / 2
        painter.drawRoundedRect(bounds, radius, radius)
        x = PADDING_X
        if self.color is not None:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(self.color)
            painter.drawEllipse(QRectF(x, (self.height() - DOT) / 2, DOT, DOT))
            x += DOT + PADDING_X // 2
        painter.setPen(text)
        right = self.remove_button.x() if self.remove_button is not None else self.width()
        shown = self.fontMetrics().elidedText(
            self.text, Qt.TextElideMode.ElideRight, right - x - PADDING_X // 2
        )
        painter.drawText(
            QRect(x, 0, right - x, self.height()),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            shown,
        )
        painter.end()


class FlowLayout(QLayout):
    """Lays its widgets out left to right, starting a new row when one is full (a source's
    labels in the inspector, the facet chips over the list)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self.setContentsMargins(0, 0, 0, 0)

    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._arrange(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._arrange(rect, move=True)

    def sizeHint(self) -> QSize:
        return self.minimumSize()

    def minimumSize(self) -> QSize:
        size = QSize()
        for item in self._items:
            size = size.expandedTo(item.minimumSize())
        return size

    def _arrange(self, rect: QRect, *, move: bool) -> int:
        """Place the items (or only measure, when not ``move``), each centred in the height of
        its row; the height they take."""
        rows: list[list[tuple[QLayoutItem, QSize]]] = [[]]
        x = rect.x()
        for item in self._items:
            if item.isEmpty():
                continue
            hint = item.sizeHint()
            hint.setWidth(max(min(hint.width(), rect.width()), item.minimumSize().width()))
            if x + hint.width() > rect.right() + 1 and rows[-1]:
                rows.append([])
                x = rect.x()
            rows[-1].append((item, hint))
            x += hint.width() + SPACING
        y = rect.y()
        for row in rows:
            height = max((hint.height() for _item, hint in row), default=0)
            x = rect.x()
            for item, hint in row:
                if move:
                    top = y + (height - hint.height()) // 2
                    item.setGeometry(QRect(QPoint(x, top), hint))
                x += hint.width() + SPACING
            y += height + SPACING
        return max(y - SPACING - rect.y(), 0)
