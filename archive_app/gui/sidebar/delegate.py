"""How the sidebar draws and edits its entries: the name, the dates of an event and its muted
count; a "+" on the sections one can add to; a frame around the entry under a drop; and renaming
in place (F2 or a double-click), which asks rather than writing into the model, so the archive
stays the one place names live.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractItemModel,
    QModelIndex,
    QPersistentModelIndex,
    QPointF,
    QRect,
    QRectF,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QPainter, QPalette, QPen
from PySide6.QtWidgets import (
    QApplication,
    QLineEdit,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

ENTRY_ROLE = Qt.ItemDataRole.UserRole + 1
COUNT_ROLE = Qt.ItemDataRole.UserRole + 2
DETAIL_ROLE = Qt.ItemDataRole.UserRole + 3
ADD_ROLE = Qt.ItemDataRole.UserRole + 4
"""On a section one can add to: what its "+" makes ("event", "perspective" or "tag")."""
DROP_ROLE = Qt.ItemDataRole.UserRole + 5
"""True on the entry a drag is over (the view sets it; the delegate frames the entry)."""

Index = QModelIndex | QPersistentModelIndex

_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
PLUS_MARGIN = 6


def plus_rect(row: QRect) -> QRect:
    """Where a section's "+" button sits in its row."""
    side = row.height() - 6
    return QRect(row.right() - side - PLUS_MARGIN, row.top() + 3, side, side)


class CountDelegate(QStyledItemDelegate):
    """Draws an entry's name, its dates (events) and, right-aligned and muted, its count."""

    renamed = Signal(QPersistentModelIndex, str)
    """An entry was renamed in place: the entry and the name typed."""

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        size = super().sizeHint(option, index)
        return QSize(size.width(), max(size.height(), option.fontMetrics.height() + 8))

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        view_option = QStyleOptionViewItem(option)
        self.initStyleOption(view_option, index)
        widget = view_option.widget
        style = widget.style() if widget is not None else QApplication.style()
        name = str(view_option.text)
        view_option.text = ""
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, view_option, painter, widget)
        text_rect = style.subElementRect(
            QStyle.SubElement.SE_ItemViewItemText, view_option, widget
        ).adjusted(3, 0, -8, 0)
        palette: QPalette = view_option.palette
        selected = bool(view_option.state & QStyle.StateFlag.State_Selected)
        enabled = bool(index.flags() & Qt.ItemFlag.ItemIsEnabled)
        strong, muted = _text_colors(palette, selected=selected, enabled=enabled)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if index.data(DROP_ROLE):
            _paint_drop_frame(painter, option.rect, palette)
        painter.setFont(view_option.font)
        metrics = painter.fontMetrics()
        if index.data(ADD_ROLE):
            plus = plus_rect(option.rect)
            _paint_plus(painter, plus, muted)
            text_rect.setRight(plus.left() - 4)
        count = index.data(COUNT_ROLE)
        if isinstance(count, int):
            count_text = f"{count:,}"
            painter.setPen(muted)
            painter.drawText(text_rect, int(_RIGHT), count_text)
            text_rect.setRight(text_rect.right() - metrics.horizontalAdvance(count_text) - 10)
        shown = metrics.elidedText(name, Qt.TextElideMode.ElideRight, text_rect.width())
        painter.setPen(strong)
        painter.drawText(text_rect, int(_LEFT), shown)
        detail = index.data(DETAIL_ROLE)
        room = text_rect.width() - metrics.horizontalAdvance(shown) - 8
        if detail and shown == name and room > metrics.horizontalAdvance("0000"):
            painter.setPen(muted)
            detail_rect = text_rect.adjusted(text_rect.width() - room, 0, 0, 0)
            elided = metrics.elidedText(str(detail), Qt.TextElideMode.ElideRight, room)
            painter.drawText(detail_rect, int(_LEFT), elided)
        painter.restore()

    # Renaming in place

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        editor = QLineEdit(parent)
        editor.setObjectName("renameField")
        editor.setAccessibleName(self.tr("New name"))
        editor.setFrame(False)
        return editor

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        if isinstance(editor, QLineEdit):
            editor.setText(str(index.data(Qt.ItemDataRole.DisplayRole) or ""))
            editor.selectAll()

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        """Ask for the rename instead of writing it: the archive decides (a name may be taken),
        and the sidebar shows what the archive then has."""
        if not isinstance(editor, QLineEdit):
            return
        text = " ".join(editor.text().split())
        if text and text != index.data(Qt.ItemDataRole.DisplayRole):
            self.renamed.emit(QPersistentModelIndex(index), text)


def _paint_drop_frame(painter: QPainter, rect: QRect, palette: QPalette) -> None:
    accent = palette.color(QPalette.ColorRole.Highlight)
    fill = QColor(accent)
    fill.setAlphaF(0.18)
    painter.setPen(QPen(accent, 2))
    painter.setBrush(fill)
    painter.drawRoundedRect(QRectF(rect).adjusted(1.5, 1.5, -1.5, -1.5), 5, 5)


def _paint_plus(painter: QPainter, rect: QRect, color: QColor) -> None:
    painter.setPen(QPen(color, 1.6, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
    inner = QRectF(rect).adjusted(4, 4, -4, -4)
    center = inner.center()
    painter.drawLine(QPointF(center.x(), inner.top()), QPointF(center.x(), inner.bottom()))
    painter.drawLine(QPointF(inner.left(), center.y()), QPointF(inner.right(), center.y()))


def _text_colors(palette: QPalette, *, selected: bool, enabled: bool) -> tuple[QColor, QColor]:
    """The colours of an entry's name and of its dates and count."""
    if selected:
        color = palette.color(QPalette.ColorRole.HighlightedText)
        return color, color
    if not enabled:
        color = palette.color(QPalette.ColorRole.PlaceholderText)
        return color, color
    return palette.color(QPalette.ColorRole.Text), palette.color(QPalette.ColorRole.PlaceholderText)
