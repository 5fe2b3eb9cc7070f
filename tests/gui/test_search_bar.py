"""The search field: searches as you type, off the GUI thread, newest answer wins."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QMenu
from pytestqt.qtbot import QtBot

from archive_app.core.archive import Archive
from archive_app.gui.facet_chips import FacetChips, facet_term
from archive_app.gui.search_bar import HitPage, SearchBar
from archive_app.gui.tasks import Task, TaskRunner
from tests.gui.window_helpers import POPUP_NOISE, choose
from tests.helpers import add_sources


@pytest.fixture
def bar(show_pane: Callable[..., SearchBar]) -> SearchBar:
    return show_pane(SearchBar, None)


@pytest.fixture
def sources(import_texts: Callable[..., list[int]]) -> list[int]:
    return import_texts(
        {
            "wire.md": "---\ntitle: Thousands leave Stepanakert\n---\nCars queued at the bridge.",
            "ministry.md": "---\ntitle: Statement on the operation\n---\nRoads are open.",
            "oped.md": "---\ntitle: Two days that ended a republic\n---\nThe bridge at Hakari.",
        }
    )


def test_typing_searches_after_a_pause_and_shows_the_total(
    qtbot: QtBot, bar: SearchBar, sources: list[int]
) -> None:
    with qtbot.waitSignal(bar.hitsFound, timeout=5000) as found:
        qtbot.keyClicks(bar.field, "bridge")
    page: HitPage = found.args[0]
    assert page.query == "bridge"
    assert sorted(page.ids) == sorted([sources[0], sources[2]])
    assert bar.status.text() == "2 hits"
    assert bar.query == "bridge"


def test_typing_fast_runs_one_search(
    qtbot: QtBot, bar: SearchBar, sources: list[int], task_runner: TaskRunner
) -> None:
    started: list[object] = []
    task_runner.taskStarted.connect(started.append)
    with qtbot.waitSignal(bar.hitsFound, timeout=5000):
        qtbot.keyClicks(bar.field, "Stepanakert")
    qtbot.waitUntil(lambda: not task_runner.running)
    assert len(started) == 1


def test_an_answer_to_an_older_search_is_dropped(
    qtbot: QtBot, bar: SearchBar, sources: list[int], task_runner: TaskRunner
) -> None:
    queries: list[str] = []
    bar.hitsFound.connect(lambda page: queries.append(page.query))
    bar.set_query("bridge")
    bar.set_query("statement")
    qtbot.waitUntil(lambda: not task_runner.running)
    assert queries == ["statement"]


def test_a_newer_search_cancels_the_one_before(
    qtbot: QtBot, bar: SearchBar, sources: list[int], task_runner: TaskRunner
) -> None:
    started: list[Task] = []
    task_runner.taskStarted.connect(started.append)
    queries: list[str] = []
    bar.hitsFound.connect(lambda page: queries.append(page.query))
    bar.set_query("bridge")
    bar.set_query("statement")
    cancelled = [task.cancelled for task in started]  # before the finished tasks are let go
    qtbot.waitUntil(lambda: not task_runner.running)
    assert cancelled == [True, False]
    assert queries == ["statement"]


def test_no_hits_says_so(qtbot: QtBot, bar: SearchBar, sources: list[int]) -> None:
    with qtbot.waitSignal(bar.hitsFound, timeout=5000):
        bar.set_query("xylophone")
    assert bar.status.text() == "No hits"


def test_escape_and_the_clear_button_end_the_search(
    qtbot: QtBot, bar: SearchBar, sources: list[int]
) -> None:
    with qtbot.waitSignal(bar.hitsFound, timeout=5000):
        bar.set_query("bridge")
    bar.field.setFocus()
    with qtbot.waitSignal(bar.searchCleared):
        qtbot.keyClick(bar.field, Qt.Key.Key_Escape)
    assert bar.field.text() == ""
    assert bar.query == ""
    assert bar.status.text() == ""


def test_the_field_explains_the_query_syntax(bar: SearchBar) -> None:
    assert bar.field.objectName() == "searchField"
    assert "Hakari bridge" in bar.field.toolTip()
    assert "OR" in bar.field.toolTip()


def test_the_next_page_of_hits_comes_on_request(
    qtbot: QtBot, bar: SearchBar, archive: Archive
) -> None:
    add_sources(archive, [f"Convoy report {n}" for n in range(130)])
    with qtbot.waitSignal(bar.hitsFound, timeout=5000) as first:
        bar.set_query("convoy")
    assert len(first.args[0].ids) == 100
    assert first.args[0].has_more
    with qtbot.waitSignal(bar.moreHitsFound, timeout=5000) as more:
        bar.load_more()
    assert len(more.args[0].ids) == 30
    assert not more.args[0].has_more
    assert not set(first.args[0].ids) & set(more.args[0].ids)


def test_facet_chips_narrow_the_search(qtbot: QtBot, bar: SearchBar) -> None:
    chips = FacetChips()
    qtbot.addWidget(chips)
    chips.narrowRequested.connect(bar.narrow)
    chips.show_facets(
        {"kind": {"article": 9, "image": 3}, "year": {"2023": 12}, "perspective": {"Op-ed": 1}},
        total=12,
    )
    labels = [chip.text() for chip in chips.chips()]
    assert labels == ["Articles  9", "Images  3", "Op-ed  1"]  # every hit is from 2023
    bar.field.setText("Stepanakert")
    qtbot.mouseClick(chips.chips()[1], Qt.MouseButton.LeftButton)
    assert bar.field.text() == "Stepanakert kind:image"
    qtbot.mouseClick(chips.chips()[2], Qt.MouseButton.LeftButton)
    assert bar.field.text() == "Stepanakert kind:image perspective:Op-ed"


@POPUP_NOISE
def test_a_field_with_more_values_than_chips_offers_the_rest_in_a_menu(
    qtbot: QtBot, bar: SearchBar
) -> None:
    chips = FacetChips()
    qtbot.addWidget(chips)
    chips.resize(600, 100)
    chips.show()
    chips.narrowRequested.connect(bar.narrow)
    sites = {"Wire service": 5, "Ministry": 4, "Opinion Desk": 3, "Radio": 2, "Daily": 1}
    chips.show_facets({"site": sites, "kind": {"article": 15}}, total=15)
    assert [chip.text() for chip in chips.chips()] == [
        "Wire service  5",
        "Ministry  4",
        "Opinion Desk  3",
    ]
    (more,) = chips.more_buttons()
    assert more.text() == "2 more sites…"

    qtbot.mouseClick(more, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: isinstance(QApplication.activePopupWidget(), QMenu))
    menu = QApplication.activePopupWidget()
    assert isinstance(menu, QMenu)
    assert [action.text() for action in menu.actions()] == ["Radio  2", "Daily  1"]
    choose(qtbot, menu, "Daily")
    assert bar.field.text() == "site:Daily"


def test_facet_terms_quote_values_with_spaces() -> None:
    assert facet_term("kind", "image") == "kind:image"
    assert facet_term("year", "2023") == "published:2023"
    assert facet_term("site", "Wire service") == 'site:"Wire service"'


def test_a_misspelling_offers_a_suggestion_that_a_click_searches(
    qtbot: QtBot, bar: SearchBar, sources: list[int]
) -> None:
    with qtbot.waitSignal(bar.hitsFound, timeout=5000):
        bar.set_query("Stepanakret")
    assert "Did you mean" in bar.status.text()
    assert ">Stepanakert</a>" in bar.status.text()
    qtbot.waitUntil(lambda: bar.status.width() == bar.status.sizeHint().width())
    metrics = bar.status.fontMetrics()
    link_middle = QPoint(
        bar.status.width() - metrics.horizontalAdvance("?") - metrics.horizontalAdvance("Step"),
        bar.status.height() // 2,
    )
    with qtbot.waitSignal(bar.hitsFound, timeout=5000) as found:
        qtbot.mouseClick(bar.status, Qt.MouseButton.LeftButton, pos=link_middle)
    assert bar.field.text() == "Stepanakert"
    assert found.args[0].ids == [sources[0]]


def test_a_query_read_otherwise_than_typed_says_how_it_was_searched(
    qtbot: QtBot, bar: SearchBar, sources: list[int]
) -> None:
    with qtbot.waitSignal(bar.hitsFound, timeout=5000):
        qtbot.keyClicks(bar.field, '"Cars queued')
    assert bar.status.text() == "1 hit · searched as <b>&quot;Cars queued&quot;</b>"
    assert "quote was not closed" in bar.status.toolTip()

    with qtbot.waitSignal(bar.hitsFound, timeout=5000):
        qtbot.keyClick(bar.field, Qt.Key.Key_QuoteDbl)
    assert bar.status.text() == "1 hit"
    assert bar.status.toolTip() == ""
