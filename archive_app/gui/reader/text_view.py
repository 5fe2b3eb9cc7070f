"""The text of a source, set as a readable column, with marked ranges on top of it.

Marks (search hits, annotations) are kept in named layers of extra selections, so they never
change the document and any number of them can be shown in their own colours. Layers are drawn
in the order of :attr:`ReadingView.layer_order` (annotations under search hits, so a hit inside
an annotated passage still stands out). A mark can carry a tooltip (an annotation's note, shown
on hover) and a bar in the margin beside its lines. Where there are many marks (a common word in
a long source), only those near the part in view are handed to Qt, and again as it scrolls:
making each one costs about 50 µs, and thousands of them would pause the window.

The text is read-only but can be selected with the mouse and with the keyboard (a caret moves
with the arrow keys; Shift extends the selection), so a passage can be annotated without a
mouse.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QPoint, QRectF, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import (
    QAction,
    QColor,
    QContextMenuEvent,
    QHelpEvent,
    QPainter,
    QPaintEvent,
    QResizeEvent,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import QFrame, QTextBrowser, QTextEdit, QToolTip, QWidget

from archive_app.gui.reader.colors import Marker
from archive_app.gui.reader.document import ReadingDocument

COLUMN_EMS = 36
"""The widest the text column gets, in ems: about 75 characters a line."""
SIDE_EMS = 1.5
FIGURE_PADDING_EMS = 1.5
MARGIN_BAR = 3
MARGIN_GAP_EMS = 0.8
PAINT_WAIT_MS = 500
MARKS_AT_ONCE = 300
"""With more marks than this, only those within a screenful of the part in view are drawn."""


@dataclass(frozen=True)
class Mark:
    """A marked document range ``start``..``end`` drawn with ``format``; ``tooltip`` is shown
    on hover, ``margin`` (a colour) draws a bar in the margin beside the range's lines."""

    start: int
    end: int
    format: QTextCharFormat
    tooltip: str = ""
    margin: QColor | None = None


class ReadingView(QTextBrowser):
    """Shows a :class:`ReadingDocument`. Loads nothing: every image it shows was put into the
    document when it was built."""

    columnChanged = Signal()
    """The text column moved or changed width (see :meth:`column`)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("readingView")
        self.setAccessibleName(self.tr("Source text"))
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setUndoRedoEnabled(False)
        self.setTextInteractionFlags(
            self.textInteractionFlags() | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self._reading: ReadingDocument | None = None
        self._blank = QTextDocument(self)
        self._layers: dict[str, list[Mark]] = {}
        self._drawn_range: tuple[int, int] | None = None
        """The document range whose marks are drawn (None: all of them are)."""
        self.layer_order: list[str] = []
        """Layers drawn first to last; layers not named here come after them."""
        self.menu_actions: list[QAction] = []
        """Commands added to the context menu, after Copy and Select All."""
        self.verticalScrollBar().valueChanged.connect(lambda _value: self._follow_view())
        self._after_painting: list[Callable[[], None]] = []

    @property
    def reading(self) -> ReadingDocument | None:
        return self._reading

    def set_reading(self, reading: ReadingDocument | None) -> None:
        """Show ``reading`` (None: nothing), scrolled to the top, without marks."""
        previous = self._reading
        self._reading = reading
        self._layers.clear()
        self._drawn_range = None
        self.setExtraSelections([])
        self.setDocument(self._blank if reading is None else reading.document)
        if reading is not None:
            self._fit_column()
        if previous is not None:
            previous.document.deleteLater()
        self.verticalScrollBar().setValue(0)

    def call_after_painting(self, callback: Callable[[], None]) -> None:
        """Call ``callback`` once the view has painted what it shows now (at once while it is
        hidden, after :data:`PAINT_WAIT_MS` at the latest): work that competes with the GUI
        thread waits until the text is seen."""
        if not self.isVisible():
            callback()
            return
        self._after_painting.append(callback)
        self.viewport().update()
        QTimer.singleShot(PAINT_WAIT_MS, self, self._painted)

    def _painted(self) -> None:
        callbacks, self._after_painting = self._after_painting, []
        for callback in callbacks:
            callback()

    def set_marks(self, layer: str, ranges: Iterable[tuple[int, int]], marker: Marker) -> None:
        """Mark document ranges ``(start, end)`` in ``layer``, replacing what it held."""
        chars = QTextCharFormat()
        chars.setBackground(marker.background)
        chars.setForeground(marker.foreground)
        self.set_styled_marks(layer, [Mark(start, end, chars) for start, end in ranges])

    def set_styled_marks(self, layer: str, marks: Sequence[Mark]) -> None:
        """Put ``marks``, each with its own format, in ``layer``, replacing what it held."""
        self._layers[layer] = list(marks)
        self._draw_marks()

    def _draw_marks(self) -> None:
        """Hand the marks to Qt as extra selections, layer by layer; only those near the part
        in view when there are many."""
        order = {name: rank for rank, name in enumerate(self.layer_order)}
        layers = sorted(self._layers, key=lambda name: order.get(name, len(order)))
        marks = [mark for name in layers for mark in self._layers[name]]
        self._drawn_range = None
        if len(marks) > MARKS_AT_ONCE:
            self._drawn_range = low, high = self._visible_range(margin=1.0)
            marks = [mark for mark in marks if mark.start <= high and mark.end >= low]
        selections = []
        for mark in marks:
            selection = QTextEdit.ExtraSelection()
            cursor = QTextCursor(self.document())
            cursor.setPosition(mark.start)
            cursor.setPosition(mark.end, QTextCursor.MoveMode.KeepAnchor)
            selection.cursor = cursor
            selection.format = mark.format
            selections.append(selection)
        self.setExtraSelections(selections)
        self.viewport().update()

    def _visible_range(self, margin: float = 0.0) -> tuple[int, int]:
        """The document positions in view, widened by ``margin`` viewports up and down."""
        width, height = self.viewport().width(), self.viewport().height()
        extra = round(height * margin)
        top = self.cursorForPosition(QPoint(0, -extra)).position()
        bottom = self.cursorForPosition(QPoint(width, height + extra)).position()
        return top, bottom

    def _follow_view(self) -> None:
        """Draw the marks near the part in view again when it has moved out of those drawn."""
        if self._drawn_range is None:
            return
        low, high = self._visible_range()
        if low < self._drawn_range[0] or high > self._drawn_range[1]:
            self._draw_marks()

    def marks(self, layer: str) -> list[tuple[int, int]]:
        """The document ranges marked in ``layer``."""
        return [(mark.start, mark.end) for mark in self._layers.get(layer, [])]

    def marks_at(self, position: int) -> list[Mark]:
        """The marks of every layer that cover document ``position``."""
        return [
            mark
            for marks in self._layers.values()
            for mark in marks
            if mark.start <= position < mark.end
        ]

    def select(self, start: int, end: int) -> None:
        """Select document ``start``..``end`` and scroll it into view."""
        self.scroll_to(start)
        cursor = self.textCursor()
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)

    def scroll_to(self, position: int) -> None:
        """Put the text cursor at ``position`` and scroll it to a third of the way down."""
        cursor = QTextCursor(self.document())
        cursor.setPosition(position)
        self.setTextCursor(cursor)
        bar = self.verticalScrollBar()
        top = self.cursorRect(cursor).top()
        bar.setValue(bar.value() + top - self.viewport().height() // 3)

    def selected_body_range(self) -> tuple[int, int] | None:
        """The body offsets of the selected text, when the selection is in the body."""
        cursor = self.textCursor()
        if self._reading is None or not cursor.hasSelection():
            return None
        start = self._reading.body_offset(cursor.selectionStart())
        end = self._reading.body_offset(cursor.selectionEnd())
        if start is None or end is None:
            return None
        return start, end

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        scrolled = QPoint(self.horizontalScrollBar().value(), self.verticalScrollBar().value())
        menu = self.createStandardContextMenu(event.pos() + scrolled)
        menu.setObjectName("readingMenu")
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        if self.menu_actions:
            menu.addSeparator()
            menu.addActions(self.menu_actions)
        menu.popup(event.globalPos())
        event.accept()

    def viewportEvent(self, event: QEvent) -> bool:
        """Hovering a mark that has a tooltip (an annotation) shows it."""
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            tips = [mark.tooltip for mark in self._marks_under(event.pos()) if mark.tooltip]
            if tips:
                QToolTip.showText(event.globalPos(), "\n\n".join(tips), self.viewport())
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().viewportEvent(event)

    def _marks_under(self, point: QPoint) -> list[Mark]:
        cursor = self.cursorForPosition(point)
        if not self.cursorRect(cursor).adjusted(-24, -2, 24, 2).contains(point):
            return []
        return self.marks_at(cursor.position())

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if self._after_painting:
            QTimer.singleShot(0, self, self._painted)
        bars = [mark for marks in self._layers.values() for mark in marks if mark.margin]
        if not bars:
            return
        left, _width = self.column()
        x = left - self._em() * MARGIN_GAP_EMS - MARGIN_BAR
        painter = QPainter(self.viewport())
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        for lane, top, bottom, color in self._margin_bars(bars):
            if bottom < 0 or top > self.viewport().height():
                continue
            painter.setBrush(color)
            bar = QRectF(x - lane * MARGIN_BAR * 2, top + 1, MARGIN_BAR, max(bottom - top - 1, 4))
            painter.drawRoundedRect(bar, MARGIN_BAR / 2, MARGIN_BAR / 2)
        painter.end()

    def _margin_bars(self, marks: list[Mark]) -> list[tuple[int, float, float, QColor]]:
        """Each mark's bar: its lane (bars of marks sharing a line sit side by side), top,
        bottom and colour."""
        spans = sorted(
            (
                self._cursor_rect_at(mark.start).top(),
                self._cursor_rect_at(max(mark.end - 1, mark.start)).bottom(),
                mark.margin,
            )
            for mark in marks
            if mark.margin is not None
        )
        lanes: list[float] = []
        bars = []
        for top, bottom, color in spans:
            lane = next((i for i, end in enumerate(lanes) if end < top), len(lanes))
            if lane == len(lanes):
                lanes.append(bottom)
            lanes[lane] = bottom
            bars.append((lane, top, bottom, color))
        return bars

    def _cursor_rect_at(self, position: int) -> QRectF:
        cursor = QTextCursor(self.document())
        cursor.setPosition(position)
        return QRectF(self.cursorRect(cursor))

    def loadResource(self, kind: int, name: QUrl | str) -> object:
        """Nothing is loaded from files or the network: the document carries its images."""
        return None

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_column()
        self._follow_view()

    def refit_figures(self) -> None:
        """Fit the figures again after one of their pictures was replaced."""
        self._fit_column()
        self.viewport().update()

    def column(self) -> tuple[int, int]:
        """The left edge and the width of the text column, in the view's coordinates."""
        frame_format = self.document().rootFrame().frameFormat()
        left = round(frame_format.leftMargin())
        return left, self.viewport().width() - left - round(frame_format.rightMargin())

    def _em(self) -> float:
        return float(self.fontMetrics().height()) * 0.85

    def _fit_column(self) -> None:
        """Centre a column no wider than :data:`COLUMN_EMS`, and fit the figures into it."""
        if self._reading is None:
            return
        em = self._em()
        width = self.viewport().width()
        column = max(min(width - 2 * SIDE_EMS * em, COLUMN_EMS * em), 10 * em)
        side = max((width - column) / 2, SIDE_EMS * em)
        root = self.document().rootFrame()
        frame_format = root.frameFormat()
        if (frame_format.leftMargin(), frame_format.rightMargin()) != (side, side):
            frame_format.setLeftMargin(side)
            frame_format.setRightMargin(side)
            frame_format.setTopMargin(em * 1.2)
            frame_format.setBottomMargin(em * 3)
            root.setFrameFormat(frame_format)
            self.columnChanged.emit()
        self._fit_figures(column - FIGURE_PADDING_EMS * em)

    def _fit_figures(self, room: float) -> None:
        assert self._reading is not None
        for figure in self._reading.figures:
            natural = figure.size
            scale = min(1.0, room / natural.width()) if natural.width() > 0 else 1.0
            cursor = QTextCursor(self.document())
            cursor.setPosition(figure.position)
            cursor.setPosition(figure.position + 1, QTextCursor.MoveMode.KeepAnchor)
            picture = cursor.charFormat().toImageFormat()
            width = round(natural.width() * scale)
            if not picture.isValid() or round(picture.width()) == width:
                continue
            picture.setWidth(width)
            picture.setHeight(round(natural.height() * scale))
            cursor.setCharFormat(picture)
