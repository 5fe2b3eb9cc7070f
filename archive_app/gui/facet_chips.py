"""Facet chips above the list: "Articles 9", "2023 14", "Op-ed 1"… for the current search.

Clicking a chip narrows the search by adding the matching term to the query (``kind:image``,
``perspective:"Op-ed"``), so the person sees in the field what narrowed it and how to type it.
The chips wrap onto a second line rather than widen the window.
"""

from __future__ import annotations

import re

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QSizePolicy, QToolButton, QWidget

from archive_app.gui.chips import FlowLayout

FACET_FIELDS = ("kind", "perspective", "event", "year", "site")
QUERY_FIELDS = {"year": "published"}
KIND_LABELS = {"article": "Articles", "pdf": "PDFs", "image": "Images", "text": "Text & notes"}
MAX_CHIPS_PER_FIELD = 3
MAX_CHIPS = 10
PLAIN_VALUE = re.compile(r"[\w-]+")


def facet_term(field: str, value: str) -> str:
    """The query term that keeps only hits with ``value`` in ``field``."""
    name = QUERY_FIELDS.get(field, field)
    if PLAIN_VALUE.fullmatch(value):
        return f"{name}:{value}"
    return f'{name}:"{value}"'


def facet_label(field: str, value: str) -> str:
    return KIND_LABELS.get(value, value) if field == "kind" else value


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
