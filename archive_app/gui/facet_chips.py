"""Facet chips above the list: "Articles 9", "2023 14", "Op-ed 1"… for the current search.

Clicking a chip narrows the search by adding the matching term to the query (``kind:image``,
``perspective:"Op-ed"``), so the person sees in the field what narrowed it and how to type it.
The chips wrap onto a second line rather than widen the window.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QPoint, QRect, QSize, Qt, Signal
from PySide6.QtWidgets import QLayout, QLayoutItem, QSizePolicy, QToolButton, QWidget

FACET_FIELDS = ("kind", "perspective", "event", "year", "site")
QUERY_FIELDS = {"year": "published"}
KIND_LABELS = {"article": "Articles", "pdf": "PDFs", "image": "Images", "text": "Text & notes"}
MAX_CHIPS_PER_FIELD = 3
MAX_CHIPS = 10
SPACING = 6
PLAIN_VALUE = re.compile(r"[\w-]+")


def facet_term(field: str, value: str) -> str:
    """The query term that keeps only hits with ``value`` in ``field``."""
    name = QUERY_FIELDS.get(field, field)
    if PLAIN_VALUE.fullmatch(value):
        return f"{name}:{value}"
    return f'{name}:"{value}"'


def facet_label(field: str, value: str) -> str:
    return KIND_LABELS.get(value, value) if field == "kind" else value


class FlowLayout(QLayout):
    """Lays widgets out left to right, starting a new line when one is full."""

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
        widest = QSize()
        for item in self._items:
            widest = widest.expandedTo(item.minimumSize())
        return widest

    def _arrange(self, rect: QRect, *, move: bool) -> int:
        x, y, line_height = rect.x(), rect.y(), 0
        for item in self._items:
            size = item.sizeHint()
            if x + size.width() > rect.right() and line_height > 0:
                x, y = rect.x(), y + line_height + SPACING
                line_height = 0
            if move:
                item.setGeometry(QRect(QPoint(x, y), size))
            x += size.width() + SPACING
            line_height = max(line_height, size.height())
        return y + line_height - rect.y()


class FacetChips(QWidget):
    """The chips (objectName ``facetChips``); hidden when there is nothing to narrow."""

    narrowRequested = Signal(str)
    """A query term to add to the search."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("facetChips")
        self.setAccessibleName("Narrow the search")
        self._layout = FlowLayout(self)
        policy = QSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self.hide()

    def show_facets(self, facets: dict[str, dict[str, int]], total: int) -> None:
        """Chips for the values that would narrow the hits (not those every hit has)."""
        self.clear()
        chips = [
            (field, value, count)
            for field in FACET_FIELDS
            for value, count in sorted(
                facets.get(field, {}).items(), key=lambda item: (-item[1], item[0])
            )[:MAX_CHIPS_PER_FIELD]
            if 0 < count < total
        ][:MAX_CHIPS]
        for field, value, count in chips:
            self._add_chip(field, value, count)
        self.setVisible(bool(chips))

    def clear(self) -> None:
        while (item := self._layout.takeAt(0)) is not None:
            widget = item.widget()
            if widget is not None:
                widget.deleteLater()
        self.hide()

    def chips(self) -> list[QToolButton]:
        return [
            widget
            for index in range(self._layout.count())
            if isinstance(widget := self._layout.itemAt(index).widget(), QToolButton)  # type: ignore[union-attr]
        ]

    def _add_chip(self, field: str, value: str, count: int) -> None:
        label = facet_label(field, value)
        chip = QToolButton(self)
        chip.setObjectName("facetChip")
        chip.setText(f"{label}  {count:,}".replace("&", "&&"))
        chip.setToolTip(f"Only the hits with {field} {label}: {facet_term(field, value)}")
        chip.setCursor(Qt.CursorShape.PointingHandCursor)
        font = chip.font()
        font.setPointSizeF(font.pointSizeF() * 0.92)
        chip.setFont(font)
        chip.clicked.connect(lambda: self.narrowRequested.emit(facet_term(field, value)))
        self._layout.addWidget(chip)
