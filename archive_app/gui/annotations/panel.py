"""The annotation list beside the reader (objectName ``annotationList``): the open source's
annotations, each with what it is on (the quoted passage, or "Region on page 3"), its note, its
perspectives, events and tags, and a warning when its passage moved.

Choosing an entry (a click, or the arrow keys) shows it in the reader; Enter does too. F2 or
"Edit…" edits the note and labels; Delete or "Delete" removes it. The panel only asks; the
:class:`~archive_app.gui.annotations.annotator.Annotator` does it.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QRectF,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QFontMetrics, QKeyEvent, QPainter, QPalette, QTextLayout
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QListView,
    QStackedWidget,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from archive_app.core.model import Annotation
from archive_app.gui.annotations.look import anchor_note, annotation_color, target_text
from archive_app.gui.annotations.model import ANNOTATION_ROLE, ID_ROLE, AnnotationListModel
from archive_app.gui.icons import icon
from archive_app.gui.reader.annotating import ANNOTATE_KEYS, DRAW_KEYS
from archive_app.gui.reader.colors import is_dark, mix

PADDING = 10
BAR = 4
GAP = 4
TEXT_LEFT = PADDING + BAR + 2 * GAP
"""Where an entry's text starts, from its left edge (after the colour bar)."""
QUOTE_LINES = 3
NOTE_LINES = 5
DOT = 7

Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class _Block:
    """Lines of one part of an entry, in their font and colour."""

    lines: list[str]
    font: QFont
    color: QColor
    labels: bool = False
    """The line of perspectives, events and tags (painted with colour dots)."""

    def height(self) -> int:
        return QFontMetrics(self.font).lineSpacing() * len(self.lines)


def _wrapped(text: str, font: QFont, width: int, most: int) -> list[str]:
    """``text`` broken into lines ``width`` wide, at most ``most``, the last one elided."""
    text = " ".join(text.split())
    if not text or width <= 0:
        return []
    metrics = QFontMetrics(font)
    layout = QTextLayout(text, font)
    layout.beginLayout()
    lines: list[str] = []
    while True:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(width)
        start = line.textStart()
        if len(lines) == most - 1:
            lines.append(metrics.elidedText(text[start:], Qt.TextElideMode.ElideRight, width))
            break
        lines.append(text[start : start + line.textLength()].rstrip())
    layout.endLayout()
    return lines


class AnnotationDelegate(QStyledItemDelegate):
    """An annotation as a small card: a bar in its colour, the passage or region, the note,
    the labels and any warning."""

    def _blocks(self, annotation: Annotation, option: QStyleOptionViewItem) -> list[_Block]:
        palette: QPalette = option.palette
        base_font: QFont = option.font
        width = self._row_width(option) - TEXT_LEFT - PADDING
        text = palette.color(QPalette.ColorRole.Text)
        muted = palette.color(QPalette.ColorRole.PlaceholderText)
        quote_font = QFont(base_font)
        quote_font.setItalic(annotation.target == "text")
        small = QFont(base_font)
        small.setPointSizeF(base_font.pointSizeF() * 0.88)
        blocks = [_Block(_wrapped(target_text(annotation), quote_font, width, QUOTE_LINES),
                         quote_font, mix(text, muted, 0.45))]  # fmt: skip
        note = annotation.note.strip()
        if note:
            blocks.append(_Block(_wrapped(note, base_font, width, NOTE_LINES), base_font, text))
        else:
            blocks.append(_Block([self.tr("No note")], base_font, muted))
        if _labels(annotation):
            blocks.append(_Block([""], small, muted, labels=True))
        warning = anchor_note(annotation)
        if warning:
            color = QColor("#ff8a80" if is_dark(palette) else "#b3261e")
            blocks.append(_Block(_wrapped(f"⚠ {warning}", small, width, 2), small, color))
        return blocks

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        annotation = index.data(ANNOTATION_ROLE)
        if not isinstance(annotation, Annotation):
            return super().sizeHint(option, index)
        blocks = self._blocks(annotation, option)
        height = sum(block.height() for block in blocks) + GAP * (len(blocks) - 1)
        return QSize(self._row_width(option), height + 2 * PADDING)

    def _row_width(self, option: QStyleOptionViewItem) -> int:
        """The width an entry has: the list's, whatever rectangle Qt passes to measure."""
        view = option.widget
        if isinstance(view, QListView):
            return int(view.viewport().width())
        return int(option.rect.width())

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        annotation = index.data(ANNOTATION_ROLE)
        if not isinstance(annotation, Annotation):
            super().paint(painter, option, index)
            return
        rect: QRect = option.rect
        palette: QPalette = option.palette
        state = option.state
        selected = bool(state & QStyle.StateFlag.State_Selected)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        base = palette.color(QPalette.ColorRole.Base)
        accent = palette.color(QPalette.ColorRole.Highlight)
        if selected:
            painter.fillRect(rect, mix(base, accent, 0.16))
        elif state & QStyle.StateFlag.State_MouseOver:
            painter.fillRect(rect, mix(base, palette.color(QPalette.ColorRole.Text), 0.04))
        painter.setPen(mix(base, palette.color(QPalette.ColorRole.Text), 0.12))
        painter.drawLine(rect.bottomLeft(), rect.bottomRight())
        color = annotation_color(annotation)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(color)
        bar = QRectF(rect.left() + PADDING, rect.top() + PADDING, BAR, rect.height() - 2 * PADDING)
        painter.drawRoundedRect(bar, BAR / 2, BAR / 2)
        x = rect.left() + TEXT_LEFT
        width = rect.width() - TEXT_LEFT - PADDING
        y = rect.top() + PADDING
        for block in self._blocks(annotation, option):
            painter.setFont(block.font)
            spacing = QFontMetrics(block.font).lineSpacing()
            if block.labels:
                _paint_labels(painter, annotation, QRect(x, y, width, spacing), block)
            else:
                painter.setPen(block.color)
                for number, line in enumerate(block.lines):
                    painter.drawText(
                        QRect(x, y + number * spacing, width, spacing),
                        int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                        line,
                    )
            y += block.height() + GAP
        painter.restore()


def _labels(annotation: Annotation) -> list[tuple[str, str]]:
    """(name, colour) of its perspectives, then its events and tags (colour '')."""
    return [
        *((p.name, p.color) for p in annotation.perspectives),
        *((e.name, "") for e in annotation.events),
        *((f"#{t.name}", "") for t in annotation.tags),
    ]


def _paint_labels(painter: QPainter, annotation: Annotation, area: QRect, block: _Block) -> None:
    metrics = QFontMetrics(block.font)
    x = area.left()
    for number, (name, color) in enumerate(_labels(annotation)):
        if number:
            painter.setPen(block.color)
            separator = "  ·  "
            painter.drawText(QRect(x, area.top(), area.right() - x, area.height()),
                             int(Qt.AlignmentFlag.AlignVCenter), separator)  # fmt: skip
            x += metrics.horizontalAdvance(separator)
        if color and QColor.isValidColorName(color):
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(color))
            painter.drawEllipse(QRectF(x, area.center().y() - DOT / 2 + 1, DOT, DOT))
            x += DOT + 4
        room = area.right() - x
        if room <= metrics.horizontalAdvance("…"):
            return
        shown = metrics.elidedText(name, Qt.TextElideMode.ElideRight, room)
        painter.setPen(block.color)
        painter.drawText(QRect(x, area.top(), room, area.height()),
                         int(Qt.AlignmentFlag.AlignVCenter), shown)  # fmt: skip
        x += metrics.horizontalAdvance(shown)
        if shown != name:
            return


class AnnotationList(QListView):
    """The list itself; Enter shows the current annotation, F2 edits it, Delete deletes it."""

    editRequested = Signal(int)
    deleteRequested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("annotationList")
        self.setAccessibleName(self.tr("Annotations of this source"))
        self.setItemDelegate(AnnotationDelegate(self))
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setWordWrap(True)
        self.setMouseTracking(True)
        self.setFrameShape(QListView.Shape.NoFrame)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)

    def current_id(self) -> int | None:
        value = self.currentIndex().data(ID_ROLE)
        return int(value) if isinstance(value, int) else None

    def keyPressEvent(self, event: QKeyEvent) -> None:
        current = self.current_id()
        if current is not None and event.key() == Qt.Key.Key_F2:
            self.editRequested.emit(current)
        elif current is not None and event.key() == Qt.Key.Key_Delete:
            self.deleteRequested.emit(current)
        else:
            super().keyPressEvent(event)
            return
        event.accept()


class AnnotationPanel(QWidget):
    """The list with its heading, its buttons, and a hint when the source has none."""

    annotationChosen = Signal(int)
    """An annotation was chosen: show it in the reader."""
    editRequested = Signal(int)
    deleteRequested = Signal(int)
    countChanged = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("annotationPanel")
        self.setAccessibleName(self.tr("Annotations"))
        self.model = AnnotationListModel(self)
        self.list = AnnotationList(self)
        self.list.setModel(self.model)
        self.hint = QLabel(self)
        self.hint.setObjectName("annotationHint")
        self.hint.setWordWrap(True)
        self.hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.hint.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.hint.setContentsMargins(24, 24, 24, 24)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.hint)
        self.stack.addWidget(self.list)
        self.edit_button = self._button(
            self.tr("Edit…"),
            "note",
            "editAnnotationButton",
            self.tr("Edit the note and labels (F2)"),
        )
        self.delete_button = self._button(
            self.tr("Delete"),
            "close",
            "deleteAnnotationButton",
            self.tr("Delete the annotation (Del)"),
        )
        self.edit_button.clicked.connect(self._edit_current)
        self.delete_button.clicked.connect(self._delete_current)
        buttons = QHBoxLayout()
        buttons.setContentsMargins(8, 4, 8, 6)
        buttons.addStretch(1)
        buttons.addWidget(self.edit_button)
        buttons.addWidget(self.delete_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.stack, 1)
        layout.addLayout(buttons)
        self.list.clicked.connect(self._chosen)
        self.list.activated.connect(self._chosen)
        self.list.selectionModel().currentChanged.connect(lambda index, _old: self._chosen(index))
        self.list.editRequested.connect(self.editRequested)
        self.list.deleteRequested.connect(self.deleteRequested)
        self.show_annotations([], None)

    def show_annotations(self, annotations: list[Annotation], kind: str | None) -> None:
        """Show a source's annotations (``kind``: the source's kind; None: no source)."""
        keep = self.list.current_id()
        self.model.set_annotations(annotations)
        self.hint.setText(_hint(kind))
        self.stack.setCurrentWidget(self.list if annotations else self.hint)
        if keep is not None:
            self.select(keep, announce=False)
        self._enable()
        self.countChanged.emit(len(annotations))

    def select(self, annotation_id: int, *, announce: bool = True) -> None:
        """Make an annotation the current entry (``announce``: and show it in the reader)."""
        row = self.model.row_of(annotation_id)
        if row is None:
            return
        index = self.model.index(row, 0)
        selection = self.list.selectionModel()
        selection.blockSignals(not announce)
        self.list.setCurrentIndex(index)
        selection.blockSignals(False)
        self.list.scrollTo(index)
        self.list.viewport().update()
        self._enable()

    def _chosen(self, index: QModelIndex) -> None:
        self._enable()
        value = index.data(ID_ROLE)
        if isinstance(value, int):
            self.annotationChosen.emit(value)

    def _edit_current(self) -> None:
        current = self.list.current_id()
        if current is not None:
            self.editRequested.emit(current)

    def _delete_current(self) -> None:
        current = self.list.current_id()
        if current is not None:
            self.deleteRequested.emit(current)

    def _enable(self) -> None:
        chosen = self.list.current_id() is not None
        self.edit_button.setEnabled(chosen)
        self.delete_button.setEnabled(chosen)

    def _button(self, text: str, icon_name: str, name: str, tip: str) -> QToolButton:
        button = QToolButton(self)
        button.setObjectName(name)
        button.setText(text)
        button.setIcon(icon(icon_name))
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        button.setAutoRaise(True)
        button.setToolTip(tip)
        button.setAccessibleName(text.rstrip("…") + " annotation")
        return button


def _hint(kind: str | None) -> str:
    if kind is None:
        return QCoreApplication.translate("panel", "Choose a source to see its annotations.")
    passage = QCoreApplication.translate(
        "panel", "Select a passage and press {ANNOTATE_KEYS} (or Annotate) to add a note to it."
    ).format(ANNOTATE_KEYS=ANNOTATE_KEYS)
    if kind in ("image", "pdf"):
        where = (
            QCoreApplication.translate("panel", "the picture")
            if kind == "image"
            else QCoreApplication.translate("panel", "a page")
        )
        return QCoreApplication.translate(
            "panel",
            "No annotations yet. Turn on Draw region ({DRAW_KEYS}) or hold Shift and drag over "
            "{where} to mark a part of it.",
        ).format(DRAW_KEYS=DRAW_KEYS, where=where) + ("" if kind == "image" else f" {passage}")
    return QCoreApplication.translate("panel", "No annotations yet. {passage}").format(
        passage=passage
    )
