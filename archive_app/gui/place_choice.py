"""Asking which place a name means, when several places share it (Susa: a city in Iran, a town
in Italy, an old spelling of Shusha). Search never expands such a name on its own; the search
bar offers the places, and the choice is remembered by the archive's gazetteer."""

from __future__ import annotations

import html

from PySide6.QtGui import QCursor
from PySide6.QtWidgets import QMenu, QWidget

from archive_app.core.search.gazetteer import NO_PLACE, PlaceChoice

CHOICE_LINK = "place:"
"""Links of the search bar's status that open a choice, followed by the choice's number."""


def choice_links(choices: list[PlaceChoice]) -> list[str]:
    """A status line's part for each ambiguous name: ``“Susa” is 9 places: which?``."""
    return [
        f"“{html.escape(choice.name)}” is {len(choice.places):,} places: "
        f'<a href="{CHOICE_LINK}{number}">which?</a>'
        for number, choice in enumerate(choices)
    ]


def ask_place(parent: QWidget, choice: PlaceChoice) -> int | None:
    """The place the person means by ``choice.name`` (:data:`NO_PLACE`: none of them, search
    the word as typed); None if they closed the menu."""
    menu = QMenu(parent)
    menu.setObjectName("placeChoiceMenu")
    menu.setToolTipsVisible(True)
    heading = menu.addAction(f"Which “{choice.name}” do you mean?")
    heading.setEnabled(False)
    for place in choice.places:
        action = menu.addAction(place.label)
        action.setData(place.id)
    menu.addSeparator()
    none = menu.addAction("None of these: search the word only")
    none.setData(NO_PLACE)
    chosen = menu.exec(QCursor.pos())
    return None if chosen is None or chosen.data() is None else int(chosen.data())
