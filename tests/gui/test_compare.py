"""The compare view, driven as a person would: open it on an event, read each perspective's
column, include or leave out sub-events, sort, and open a card in the reader."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt
from pytestqt.qtbot import QtBot

from archive_app.core.archive import Archive
from archive_app.core.compare import NO_PERSPECTIVE, Card
from archive_app.gui.compare.cards import CARD_PICTURE, CARD_ROLE, CardListModel
from archive_app.gui.compare.column import CompareColumn
from archive_app.gui.compare.view import CompareView
from archive_app.gui.main_window import MainWindow
from archive_app.gui.sidebar.delegate import COUNT_ROLE
from tests.gui.window_helpers import click_action, click_sidebar_event, counted, sidebar_entry
from tests.helpers import Story, write_photo


def open_compare(qtbot: QtBot, window: MainWindow, event_id: int) -> CompareView:
    """Open the compare view on an event (as the timeline's "Compare" does) and wait for it."""
    window.workspace.open_compare(event_id)
    return shown_comparison(qtbot, window, event_id)


def shown_comparison(qtbot: QtBot, window: MainWindow, event_id: int) -> CompareView:
    view = window.findChild(CompareView, "compareView")
    assert view is not None
    qtbot.waitUntil(
        lambda: (
            view.isVisible()
            and view.comparison is not None
            and view.comparison.event.id == event_id
        )
    )
    return view


def cards(column: CompareColumn) -> list[Card]:
    return [column.model.index(row, 0).data(CARD_ROLE) for row in range(column.model.rowCount())]


def quotes(column: CompareColumn) -> list[tuple[str, str]]:
    return [(p.quote, p.note) for card in cards(column) for p in card.passages]


@pytest.fixture
def window(
    archive: Archive, story: Story, make_window: Callable[[Archive], MainWindow]
) -> MainWindow:
    return make_window(archive)


def test_compare_opens_on_the_sidebars_event_with_a_column_per_perspective(
    qtbot: QtBot, window: MainWindow, story: Story
) -> None:
    click_sidebar_event(qtbot, window, story.offensive)
    click_action(qtbot, window, "compare")
    view = shown_comparison(qtbot, window, story.offensive)
    assert window.workspace.currentWidget() is view
    assert window.workspace.tabText(window.workspace.currentIndex()).endswith("September offensive")
    assert [column.head.name for column in view.columns] == [
        "Armenian government",
        "Azerbaijani government",
        "International wire",
        "Op-ed",
    ]
    assert view.column("Armenian government").titles == [
        "Military aggression against Nagorno-Karabakh"
    ]
    assert quotes(view.column("Armenian government")) == [
        ("There are casualties among civilians", "No figures")
    ]
    wire = view.column("International wire")
    assert quotes(wire) == [
        ("Officials in Stepanakert", "The wire's name for it"),
        ("Baku said it restored sovereignty", "Baku's framing"),
    ]
    assert "1 source · 2 passages" in wire.header.accessibleName()
    assert view.summary.text() == "3 sources · 3 passages"  # a passage counts once


def test_the_sidebar_counts_a_perspective_s_sources_as_the_compare_view_does(
    qtbot: QtBot, window: MainWindow, story: Story
) -> None:
    counted(qtbot, window.sidebar)
    view = open_compare(qtbot, window, story.conflict)
    for name in ("Azerbaijani government", "International wire", "Op-ed"):
        entry = sidebar_entry(window.sidebar, name)
        column = view.column(name)
        assert entry.data(COUNT_ROLE) == len(column.titles), name
        assert "annotated with it" in entry.data(Qt.ItemDataRole.ToolTipRole)


def test_a_photo_s_card_shows_its_thumbnail(
    qtbot: QtBot, archive: Archive, window: MainWindow, story: Story, tmp_path: Path
) -> None:
    photo = write_photo(tmp_path / "photos", "convoy.jpg", (200, 120, 40))
    (outcome,) = archive.import_paths([photo]).imported
    assert outcome.source_id is not None
    archive.assignments.add_to_sources(
        [outcome.source_id], events=[story.offensive], perspectives=["International wire"]
    )
    view = open_compare(qtbot, window, story.offensive)
    column = view.column("International wire")
    row = column.model.row_of(outcome.source_id)
    assert row is not None
    index = column.model.index(row, 0)
    width = column.cards.cards_delegate.card_width()
    layout = column.cards.cards_delegate.layout_for(index, width)
    assert layout.picture is not None
    assert layout.picture.width() / layout.picture.devicePixelRatio() <= CARD_PICTURE.width()
    assert layout.height > layout.picture.height() / layout.picture.devicePixelRatio() + 20


def test_a_passage_with_its_own_perspective_shows_in_that_column_too(
    qtbot: QtBot, window: MainWindow, story: Story
) -> None:
    view = open_compare(qtbot, window, story.offensive)
    column = view.column("Azerbaijani government")
    assert column.titles == [
        "Local anti-terror measures begin",
        "Ceasefire after a day of fighting",
    ]
    borrowed = cards(column)[1]
    assert borrowed.borrowed
    assert [p.quote for p in borrowed.passages] == ["Baku said it restored sovereignty"]


def test_an_empty_column_says_what_is_missing_and_no_perspective_has_its_own(
    qtbot: QtBot, window: MainWindow, story: Story
) -> None:
    view = open_compare(qtbot, window, story.offensive)
    op_ed = view.column("Op-ed")
    qtbot.waitUntil(op_ed.empty.isVisible)
    assert "No Op-ed source on “September offensive” yet" in op_ed.empty.text()
    view.event_choice.setCurrentIndex(view.event_choice.findData(story.exodus))
    view = shown_comparison(qtbot, window, story.exodus)
    unlabelled = view.column(NO_PERSPECTIVE)
    assert unlabelled is view.columns[-1]
    assert unlabelled.titles == ["Field notes, Kornidzor"]
    assert quotes(unlabelled) == [("Nobody here says Khankendi", "Usage on the ground")]


def test_sub_events_are_included_until_the_box_is_unticked(
    qtbot: QtBot, window: MainWindow, story: Story, archive: Archive
) -> None:
    archive.assignments.add_to_sources(
        [story.sources["oped.md"]], events=[story.conflict], perspectives=["Armenian government"]
    )
    view = open_compare(qtbot, window, story.conflict)
    assert view.summary.text().startswith("6 sources")
    assert "with 3 sub-events" in view.details.text()
    assert view.column("International wire").titles == [
        "Ceasefire after a day of fighting",
        "Thousands leave as the road opens",
    ]
    qtbot.mouseClick(view.sub_events, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.comparison is not None and not view.comparison.sub_events)
    assert view.summary.text().startswith("1 source ")
    assert view.column("Armenian government").titles == ["Two days that ended a republic"]
    assert not view.column("International wire").titles


def test_cards_sort_newest_first_when_asked(
    qtbot: QtBot, window: MainWindow, story: Story, archive: Archive
) -> None:
    archive.assignments.add_to_sources([story.sources["am.md"]], perspectives=["Op-ed"])
    archive.assignments.add_to_sources([story.sources["oped.md"]], events=[story.offensive])
    view = open_compare(qtbot, window, story.offensive)
    oldest = ["Military aggression against Nagorno-Karabakh", "Two days that ended a republic"]
    assert view.column("Op-ed").titles == oldest
    view.order.setCurrentIndex(view.order.findData("newest"))
    qtbot.waitUntil(lambda: view.column("Op-ed").titles == oldest[::-1])


def test_double_clicking_a_card_opens_the_source_in_the_reader(
    qtbot: QtBot, window: MainWindow, story: Story
) -> None:
    view = open_compare(qtbot, window, story.offensive)
    column = view.column("Armenian government")
    rect = column.cards.visualRect(column.model.index(0, 0))
    with qtbot.waitSignal(view.sourceOpenRequested) as opened:
        # A double click: the first click's press and release, then the second press.
        qtbot.mouseClick(column.cards.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.mouseDClick(column.cards.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    source_id = story.sources["am.md"]
    assert opened.args == [source_id]
    qtbot.waitUntil(lambda: window.reader.source_id == source_id)
    assert window.workspace.currentWidget() is window.workspace.library
    assert window.source_list.selected_ids() == [source_id]


def test_enter_on_a_card_opens_it_too(qtbot: QtBot, window: MainWindow, story: Story) -> None:
    view = open_compare(qtbot, window, story.offensive)
    column = view.column("International wire")
    column.cards.setFocus()
    column.cards.setCurrentIndex(column.model.index(0, 0))
    qtbot.keyClick(column.cards, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.reader.source_id == story.sources["wire.md"])


def test_an_event_without_sources_explains_what_to_do(
    qtbot: QtBot, window: MainWindow, archive: Archive
) -> None:
    battle, _ = archive.events.create("Battle of Shusha", start="2020-11")
    window.workspace.open_compare(battle.id)
    view = shown_comparison(qtbot, window, battle.id)
    assert view.empty.isVisible()
    assert "No sources are tagged with “Battle of Shusha” yet" in view.empty.text()
    assert "drag sources onto it in the sidebar" in view.empty.text()


def test_a_new_annotation_shows_at_once_and_undo_takes_it_away(
    qtbot: QtBot, window: MainWindow, story: Story, archive: Archive
) -> None:
    view = open_compare(qtbot, window, story.offensive)
    window.edits.create(
        lambda: archive.annotations.add_quote(
            story.sources["az.md"], "Civilians are not targets", note="Contrast the casualties"
        )
    )
    column = view.column("Azerbaijani government")
    qtbot.waitUntil(
        lambda: ("Civilians are not targets", "Contrast the casualties") in quotes(column)
    )
    window.commands.undo.trigger()
    qtbot.waitUntil(
        lambda: ("Civilians are not targets", "Contrast the casualties") not in quotes(column)
    )


def test_closing_the_tab_goes_back_to_the_library(
    qtbot: QtBot, window: MainWindow, story: Story
) -> None:
    open_compare(qtbot, window, story.offensive)
    assert window.workspace.tabBar().isVisible()
    window.workspace.tabCloseRequested.emit(1)
    assert window.workspace.count() == 1
    assert window.workspace.currentWidget() is window.workspace.library
    assert not window.workspace.tabBar().isVisible()


def test_an_archive_without_events_says_how_to_begin(
    qtbot: QtBot, window_without_events: MainWindow
) -> None:
    window = window_without_events
    click_action(qtbot, window, "compare")
    view = window.workspace.compare
    qtbot.waitUntil(view.empty.isVisible)
    assert "There are no events yet" in view.empty.text()
    assert not view.event_choice.isEnabled()
    window.close()


def test_the_card_model_passes_the_model_tester(
    qtmodeltester: object, archive: Archive, story: Story
) -> None:
    from archive_app.core.compare import compare_event

    comparison = compare_event(archive, story.offensive)
    column = comparison.column("International wire")
    model = CardListModel(column.head)
    model.set_cards(column.head, column.cards, story.offensive, {})
    qtmodeltester.check(model)  # type: ignore[attr-defined]
    assert model.data(model.index(0, 0)) == "Ceasefire after a day of fighting"
    assert model.rowCount(model.index(0, 0)) == 0
    assert model.data(QModelIndex()) is None
    mime = model.mimeData([model.index(0, 0)])
    assert mime.text() == "Ceasefire after a day of fighting"


def test_cards_show_the_verification_badge(
    qtbot: QtBot, archive: Archive, window: MainWindow, story: Story
) -> None:
    archive.verification.verify(
        story.sources["am.md"], status="disputed", reliability="C", credibility="4"
    )
    view = open_compare(qtbot, window, story.offensive)
    column = view.column("Armenian government")
    (card,) = cards(column)
    assert (card.status, card.grade) == ("disputed", "C4")
    tooltip = column.model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole)
    assert "? C4 disputed" in tooltip
    (wire,) = cards(view.column("International wire"))
    assert (wire.status, wire.grade) == ("unverified", "")
