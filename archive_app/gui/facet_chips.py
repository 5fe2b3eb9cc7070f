"""Facet chips above the list: "Articles 9", "2023 14", "Op-ed 1"… for the current search.

Clicking a chip narrows the search by adding the matching term to the query (``kind:image``,
``perspective:"Op-ed"``), so the person sees in the field what narrowed it and how to type it.
The chips wrap onto a second line rather than widen the window. A field with more values than
fit ends with "4 more sites…", a menu of the rest.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication, QPoint, Qt, Signal
from PySide6.QtWidgets import QMenu, QSizePolicy, QToolButton, QWidget

from archive_app.core.messages import QT_TRANSLATE_NOOP
from archive_app.gui.chips import FlowLayout

FACET_FIELDS = ("kind", "perspective", "event", "year", "site")
QUERY_FIELDS = {"year": "published"}
KIND_LABELS = {
    "article": QT_TRANSLATE_NOOP("facet_chips", "Articles"),
    "pdf": QT_TRANSLATE_NOOP("facet_chips", "PDFs"),
    "image": QT_TRANSLATE_NOOP("facet_chips", "Images"),
    "text": QT_TRANSLATE_NOOP("facet_chips", "Text & notes"),
}
MAX_CHIPS_PER_FIELD = 3
FIELD_NOUNS = {
    "kind": (QT_TRANSLATE_NOOP("facet_chips", "kind"), QT_TRANSLATE_NOOP("facet_chips", "kinds")),
    "perspective": (
        QT_TRANSLATE_NOOP("facet_chips", "perspective"),
        QT_TRANSLATE_NOOP("facet_chips", "perspectives"),
    ),
    "event": (
        QT_TRANSLATE_NOOP("facet_chips", "event"),
        QT_TRANSLATE_NOOP("facet_chips", "events"),
    ),
    "year": (QT_TRANSLATE_NOOP("facet_chips", "year"), QT_TRANSLATE_NOOP("facet_chips", "years")),
    "site": (QT_TRANSLATE_NOOP("facet_chips", "site"), QT_TRANSLATE_NOOP("facet_chips", "sites")),
}
PLAIN_VALUE = re.compile(r"[\w-]+")


def facet_term(field: str, value: str) -> str:
    """The query term that keeps only hits with ``value`` in ``field``."""
    name = QUERY_FIELDS.get(field, field)
    if PLAIN_VALUE.fullmatch(value):
        return f"{name}:{value}"
    return f'{name}:"{value}"'


def facet_label(field: str, value: str) -> str:
    return (
        QCoreApplication.translate("facet_chips", KIND_LABELS.get(value, value))
        if field == "kind"
        else value
    )


class FacetChips(QWidget):
    """The chips (objectName ``facetChips``); hidden when there is nothing to narrow."""

    narrowRequested = Signal(str)
    """A query term to add to the search."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("facetChips")
        self.setAccessibleName(self.tr("Narrow the search"))
        self._layout = FlowLayout(self)
        policy = QSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self.hide()

    def show_facets(self, facets: dict[str, dict[str, int]], total: int) -> None:
        """Chips for the values that would narrow the hits (not those every hit has), the
        commonest first; the rest of a field's values in its "more" menu."""
        self.clear()
        for field in FACET_FIELDS:
            values = [
                (value, count)
                for value, count in sorted(
                    facets.get(field, {}).items(), key=lambda item: (-item[1], item[0])
                )
                if 0 < count < total
            ]
            for value, count in values[:MAX_CHIPS_PER_FIELD]:
                self._add_chip(field, value, count)
            if len(values) > MAX_CHIPS_PER_FIELD:
                self._add_more(field, values[MAX_CHIPS_PER_FIELD:])
        self.setVisible(self._layout.count() > 0)

    def clear(self) -> None:
        while (item := self._layout.takeAt(0)) is not None:
            widget = item.widget()
            if widget is not None:
                widget.deleteLater()
        self.hide()

    def chips(self) -> list[QToolButton]:
        """The chips of single values, in order."""
        return [button for button in self._buttons() if button.objectName() == "facetChip"]

    def more_buttons(self) -> list[QToolButton]:
        """The "more" buttons of fields with more values than chips."""
        return [button for button in self._buttons() if button.objectName() == "moreFacetsButton"]

    def _buttons(self) -> list[QToolButton]:
        return [
            widget
            for index in range(self._layout.count())
            if isinstance(widget := self._layout.itemAt(index).widget(), QToolButton)  # type: ignore[union-attr]
        ]

    def _add_chip(self, field: str, value: str, count: int) -> None:
        label = facet_label(field, value)
        chip = self._button("facetChip", f"{label}  {count:,}".replace("&", "&&"))
        chip.setToolTip(
            self.tr("Only the hits with {field} {label}: {facet_term}").format(
                field=QCoreApplication.translate("facet_chips", FIELD_NOUNS[field][0])
                if field in FIELD_NOUNS
                else field,
                label=label,
                facet_term=facet_term(field, value),
            )
        )
        chip.clicked.connect(lambda: self.narrowRequested.emit(facet_term(field, value)))

    def _add_more(self, field: str, rest: list[tuple[str, int]]) -> None:
        noun = QCoreApplication.translate("facet_chips", FIELD_NOUNS[field][len(rest) > 1])
        more = self._button(
            "moreFacetsButton", self.tr("{count} more {noun}…").format(count=len(rest), noun=noun)
        )
        more.setToolTip(self.tr("Narrow to one of the other {noun}").format(noun=noun))
        menu = QMenu(more)
        menu.setObjectName("moreFacetsMenu")
        for value, count in rest:
            action = menu.addAction(f"{facet_label(field, value)}  {count:,}".replace("&", "&&"))
            action.triggered.connect(
                lambda _=False, value=value: self.narrowRequested.emit(facet_term(field, value))
            )
        more.clicked.connect(lambda: menu.popup(more.mapToGlobal(QPoint(0, more.height()))))

    def _button(self, name: str, text: str) -> QToolButton:
        button = QToolButton(self)
        button.setObjectName(name)
        button.setText(text)
        button.setCursor(Qt.CursorShape.PointingHandCursor)
        font = button.font()
        font.setPointSizeF(font.pointSizeF() * 0.92)
        button.setFont(font)
        self._layout.addWidget(button)
        return button
