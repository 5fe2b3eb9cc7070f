"""A name several places share is never expanded on its own: the search bar asks which place
is meant, and searches again with the answer (remembered for the next search)."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from archive_app.core.archive import Archive
from archive_app.core.search.gazetteer import NO_PLACE, PlaceChoice
from archive_app.gui.main_window import MainWindow
from archive_app.gui.search_bar import SearchBar
from tests.gui.window_helpers import shown_titles, type_search

pytestmark = pytest.mark.usefixtures("whole_gazetteer")


@pytest.fixture
def window(
    archive: Archive,
    import_texts: Callable[..., list[int]],
    make_window: Callable[[Archive], MainWindow],
) -> MainWindow:
    import_texts(
        {
            "az.txt": "Şuşa muzeyi\n\nŞuşa şəhərində yeni muzey açıldı.",
            "it.txt": "Susa in Piedmont\n\nSusa is a town in Piedmont.",
        }
    )
    return make_window(archive)


def _click_which(qtbot: QtBot, bar: SearchBar) -> None:
    qtbot.waitUntil(lambda: "which?" in bar.status.text())
    bar.status.linkActivated.emit("place:0")


def test_an_ambiguous_name_asks_which_place_and_searches_again(
    qtbot: QtBot, window: MainWindow, archive: Archive, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[PlaceChoice] = []

    def choose_shusha(_parent: object, choice: PlaceChoice) -> int:
        asked.append(choice)
        return next(place.id for place in choice.places if place.name == "Shusha")

    monkeypatch.setattr(SearchBar, "ask_place", staticmethod(choose_shusha))
    type_search(qtbot, window, "Susa")
    bar = window.search_bar
    assert shown_titles(window) == ["Susa in Piedmont"]
    assert "“Susa” is" in bar.status.text()
    if os.environ.get("ARCHIVE_APP_SHOTS"):
        window.grab().save(str(Path(os.environ["ARCHIVE_APP_SHOTS"]) / "place-choice.png"))
    _click_which(qtbot, bar)
    assert asked and asked[0].name == "Susa"
    qtbot.waitUntil(lambda: len(shown_titles(window)) == 2)
    assert "which?" not in bar.status.text()
    assert archive.gazetteer.choices()


def test_none_of_these_keeps_the_word_as_typed(
    qtbot: QtBot, window: MainWindow, archive: Archive, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(SearchBar, "ask_place", staticmethod(lambda _parent, _choice: NO_PLACE))
    type_search(qtbot, window, "Susa")
    _click_which(qtbot, window.search_bar)
    qtbot.waitUntil(lambda: "which?" not in window.search_bar.status.text())
    assert shown_titles(window) == ["Susa in Piedmont"]
