"""The source list pane: a lazily loaded, sortable table and a thumbnail grid over one model."""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QPixmap
from pytestqt.qtbot import QtBot

from archive_app.core.archive import Archive
from archive_app.core.listing import ALL_SOURCES, View
from archive_app.gui.sources.model import THUMBNAIL_ROLE, TITLE_COLUMN, SourceTableModel
from archive_app.gui.sources.view import SourceListPane
from tests.gui.window_helpers import press
from tests.helpers import add_sources, write_photo


@pytest.fixture
def pane(show_pane: Callable[..., SourceListPane]) -> SourceListPane:
    return show_pane(SourceListPane, (1000, 600))


def shown_titles(pane: SourceListPane) -> list[str]:
    model = pane.model
    return [str(model.index(row, TITLE_COLUMN).data()) for row in range(model.rowCount())]


def show_and_wait(qtbot: QtBot, pane: SourceListPane, view: View = ALL_SOURCES) -> None:
    with qtbot.waitSignal(pane.idsLoaded):
        pane.show_view(view)


def click_header(qtbot: QtBot, pane: SourceListPane, column: int) -> None:
    header = pane.table.horizontalHeader()
    x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
    with qtbot.waitSignal(pane.idsLoaded):
        qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))


def click_row(qtbot: QtBot, pane: SourceListPane, row: int, modifier: object = None) -> None:
    table = pane.table
    rect = table.visualRect(pane.model.index(row, TITLE_COLUMN))
    modifiers = modifier or Qt.KeyboardModifier.NoModifier
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, modifiers, rect.center())


def test_the_model_passes_the_model_tester(qtmodeltester: object, archive: Archive) -> None:
    add_sources(archive, ["Statement on the operation", "Wire report", "Op-ed"])
    model = SourceTableModel(archive.listing)
    model.set_ids([3, 1, 2])
    qtmodeltester.check(model)  # type: ignore[attr-defined]


def test_the_search_hit_model_passes_the_model_tester_while_paging(
    qtmodeltester: object, archive: Archive
) -> None:
    add_sources(archive, ["One", "Two", "Three"])
    model = SourceTableModel(archive.listing)
    model.set_ids([1], has_more=True)
    model.moreRequested.connect(lambda: model.append_ids([2, 3], has_more=False))
    qtmodeltester.check(model)  # type: ignore[attr-defined]
    assert model.ids == [1, 2, 3]


def test_newest_sources_come_first_and_a_header_click_sorts_by_title(
    qtbot: QtBot, pane: SourceListPane, archive: Archive
) -> None:
    add_sources(archive, ["bravo", "Alpha", "charlie"])
    show_and_wait(qtbot, pane)
    assert shown_titles(pane) == ["charlie", "Alpha", "bravo"]
    click_header(qtbot, pane, TITLE_COLUMN)
    assert shown_titles(pane) == ["Alpha", "bravo", "charlie"]
    click_header(qtbot, pane, TITLE_COLUMN)
    assert shown_titles(pane) == ["charlie", "bravo", "Alpha"]


def test_a_kind_view_shows_only_that_kind(
    qtbot: QtBot, pane: SourceListPane, archive: Archive
) -> None:
    add_sources(archive, ["A note"], kind="text")
    add_sources(archive, ["An article"], kind="article", site="Wire service")
    show_and_wait(qtbot, pane, View("kind", "article"))
    assert shown_titles(pane) == ["An article"]
    assert pane.model.index(0, 2).data() == "Wire service"


def test_a_large_list_opens_with_every_row_and_reads_rows_as_they_are_shown(
    qtbot: QtBot, pane: SourceListPane, archive: Archive
) -> None:
    add_sources(archive, [f"Report {number:05}" for number in range(3000)])
    show_and_wait(qtbot, pane)
    assert pane.model.rowCount() == 3000
    pane.table.scrollToBottom()
    last = pane.model.index(2999, TITLE_COLUMN)
    assert last.data() == "Report 00000"


def current_title(pane: SourceListPane) -> str:
    return str(pane.model.index(pane.table.currentIndex().row(), TITLE_COLUMN).data())


def row_is_on_screen(pane: SourceListPane, row: int) -> bool:
    rect = pane.table.visualRect(pane.model.index(row, TITLE_COLUMN))
    return pane.table.viewport().rect().contains(rect)


def open_large_list(
    qtbot: QtBot, pane: SourceListPane, archive: Archive, numbers: Sequence[int] = range(3000)
) -> list[int]:
    """3,000 sources ("Report 00000" and on, added in the order of ``numbers``), listed with
    the first row clicked; their ids."""
    ids = add_sources(archive, [f"Report {number:05}" for number in numbers])
    show_and_wait(qtbot, pane)
    click_row(qtbot, pane, 0)
    return ids


def test_end_and_home_go_to_the_last_and_the_first_source_of_a_large_list(
    qtbot: QtBot, pane: SourceListPane, archive: Archive
) -> None:
    ids = open_large_list(qtbot, pane, archive)
    assert current_title(pane) == "Report 02999"
    press(qtbot, pane.table, "End")
    assert pane.selected_ids() == [ids[0]]
    assert current_title(pane) == "Report 00000"
    assert row_is_on_screen(pane, 2999)
    assert not row_is_on_screen(pane, 0)
    press(qtbot, pane.table, "Up")
    assert pane.selected_ids() == [ids[1]]
    press(qtbot, pane.table, "Home")
    assert pane.selected_ids() == [ids[-1]]
    assert row_is_on_screen(pane, 0)
    press(qtbot, pane.table, "Shift+End")
    assert sorted(pane.selected_ids()) == ids


def test_sorting_a_large_list_orders_the_rows_not_read_yet(
    qtbot: QtBot, pane: SourceListPane, archive: Archive
) -> None:
    numbers = list(range(3000))
    random.Random(16).shuffle(numbers)
    open_large_list(qtbot, pane, archive, numbers)
    click_header(qtbot, pane, TITLE_COLUMN)
    click_row(qtbot, pane, 0)
    assert current_title(pane) == "Report 00000"
    press(qtbot, pane.table, "End")
    assert current_title(pane) == "Report 02999"
    assert shown_titles(pane) == [f"Report {number:05}" for number in range(3000)]


def test_a_selection_far_down_a_large_list_survives_a_refresh(
    qtbot: QtBot, pane: SourceListPane, archive: Archive
) -> None:
    ids = open_large_list(qtbot, pane, archive)
    press(qtbot, pane.table, "End")
    press(qtbot, pane.table, "Shift+Up")
    assert sorted(pane.selected_ids()) == ids[:2]
    archive.update_source(ids[1], title="Renamed report")
    pane.refresh_sources()
    assert sorted(pane.selected_ids()) == ids[:2]
    assert current_title(pane) == "Renamed report"
    assert row_is_on_screen(pane, 2998)


def test_rows_can_be_selected_with_ctrl_and_shift(
    qtbot: QtBot, pane: SourceListPane, archive: Archive
) -> None:
    ids = add_sources(archive, ["a", "b", "c", "d"])
    show_and_wait(qtbot, pane)
    click_row(qtbot, pane, 0)
    click_row(qtbot, pane, 2, Qt.KeyboardModifier.ShiftModifier)
    assert sorted(pane.selected_ids()) == sorted(ids[1:])
    click_row(qtbot, pane, 1, Qt.KeyboardModifier.ControlModifier)
    assert sorted(pane.selected_ids()) == [ids[1], ids[3]]


def test_choosing_a_row_announces_its_source(
    qtbot: QtBot, pane: SourceListPane, archive: Archive
) -> None:
    ids = add_sources(archive, ["first", "second"])
    show_and_wait(qtbot, pane)
    with qtbot.waitSignal(pane.currentSourceChanged) as shown:
        click_row(qtbot, pane, 1)
    assert shown.args == [ids[0]]


def test_a_reload_keeps_the_selection(qtbot: QtBot, pane: SourceListPane, archive: Archive) -> None:
    ids = add_sources(archive, ["kept", "other"])
    show_and_wait(qtbot, pane)
    click_row(qtbot, pane, pane.model.row_of(ids[0]) or 0)
    add_sources(archive, ["newer"])
    with qtbot.waitSignal(pane.idsLoaded):
        pane.reload()
    assert pane.model.rowCount() == 3
    assert pane.selected_ids() == [ids[0]]
    assert pane.current_id() == ids[0]


def test_search_hits_keep_their_order_and_the_end_of_the_list_asks_for_more(
    qtbot: QtBot, pane: SourceListPane, archive: Archive
) -> None:
    ids = add_sources(archive, [f"hit {n}" for n in range(60)])
    pane.show_hits(ids[:40][::-1], has_more=True)
    assert shown_titles(pane)[0] == "hit 39"
    assert not pane.table.horizontalHeader().sectionsClickable()
    with qtbot.waitSignal(pane.moreHitsWanted):
        pane.table.scrollToBottom()
    pane.append_hits(ids[40:], has_more=False)
    assert pane.model.rowCount() == 60


def test_the_grid_shows_thumbnails_once_they_are_ready(
    qtbot: QtBot, pane: SourceListPane, archive: Archive, tmp_path: Path
) -> None:
    photos = [
        write_photo(tmp_path / "photos", f"photo-{n}.jpg", (40 * n, 120, 200)) for n in range(3)
    ]
    report = archive.import_paths(photos)
    assert len(report.imported) == 3
    show_and_wait(qtbot, pane, View("kind", "image"))
    pane.set_mode("grid")
    assert pane.grid.isVisible()
    assert not pane.table.isVisible()
    first = pane.model.index(0, 0)
    qtbot.waitUntil(lambda: isinstance(first.data(THUMBNAIL_ROLE), QPixmap))
    assert not first.data(THUMBNAIL_ROLE).isNull()


def test_a_missing_thumbnail_is_made_again_for_the_grid(
    qtbot: QtBot, pane: SourceListPane, archive: Archive, tmp_path: Path
) -> None:
    photo = write_photo(tmp_path / "photos", "lost-thumbnail.jpg", (200, 80, 40))
    source_id = archive.import_paths([photo]).new_source_ids[0]
    thumbnail = archive.thumbnail_path(archive.get(source_id))
    assert thumbnail is not None
    thumbnail.unlink()
    show_and_wait(qtbot, pane)
    pane.set_mode("grid")
    qtbot.waitUntil(lambda: isinstance(pane.model.index(0, 0).data(THUMBNAIL_ROLE), QPixmap))
    assert thumbnail.exists()


def test_the_table_and_the_grid_share_the_selection(
    qtbot: QtBot, pane: SourceListPane, archive: Archive
) -> None:
    ids = add_sources(archive, ["one", "two"])
    show_and_wait(qtbot, pane)
    pane.select_ids([ids[0]])
    pane.set_mode("grid")
    assert pane.grid.selectionModel().isRowSelected(pane.model.row_of(ids[0]) or 0)
    assert pane.selected_ids() == [ids[0]]
