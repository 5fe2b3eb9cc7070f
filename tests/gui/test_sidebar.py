"""The sidebar: library views, the event tree, perspectives, tags and saved searches with counts."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import QModelIndex, Qt
from pytestqt.qtbot import QtBot

from archive_app.core.archive import Archive
from archive_app.core.listing import ALL_SOURCES, View, sidebar_summary
from archive_app.gui.sidebar.view import COUNT_ROLE, Sidebar, SidebarModel
from tests.helpers import add_sources


@pytest.fixture
def sidebar(show_pane: Callable[..., Sidebar]) -> Sidebar:
    return show_pane(Sidebar, (280, 600))


@pytest.fixture
def researched(archive: Archive) -> dict[str, int]:
    """Two articles and a note, a war with a battle under it, two perspectives and a tag."""
    articles = add_sources(archive, ["Wire story", "Statement"], kind="article")
    (note,) = add_sources(archive, ["Field note"], kind="text")
    war, _ = archive.events.create("Second Karabakh War", start="2020-09-27", end="2020-11-10")
    battle, _ = archive.events.create("Battle of Shusha", parent=war.id, start="2020-11")
    wire, _ = archive.perspectives.create("International wire", color="#1565c0")
    government, _ = archive.perspectives.create("Azerbaijani government", color="#2e7d32")
    archive.assignments.add_to_sources(articles, events=[war.id], perspectives=[wire.id])
    archive.assignments.add_to_sources([note], events=[battle.id], tags=["displacement"])
    archive.assignments.add_to_sources([articles[1]], perspectives=[government.id])
    return {"war": war.id, "battle": battle.id, "wire": wire.id, "note": note}


def refreshed(qtbot: QtBot, sidebar: Sidebar) -> None:
    with qtbot.waitSignal(sidebar.summaryShown):
        sidebar.refresh()


def find(sidebar: Sidebar, text: str) -> QModelIndex:
    model = sidebar.summary_model
    matches = model.match(
        model.index(0, 0), Qt.ItemDataRole.DisplayRole, text, 1, Qt.MatchFlag.MatchRecursive
    )
    assert matches, f"no entry {text!r}"
    return matches[0]


def click(qtbot: QtBot, sidebar: Sidebar, index: QModelIndex) -> None:
    sidebar.scrollTo(index)
    rect = sidebar.visualRect(index)
    qtbot.mouseClick(sidebar.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_the_model_passes_the_model_tester(
    qtbot: QtBot, qtmodeltester: object, archive: Archive, researched: dict[str, int]
) -> None:
    model = SidebarModel()
    model.show_summary(sidebar_summary(archive.database))
    qtmodeltester.check(model)  # type: ignore[attr-defined]


def test_every_entry_shows_its_count(
    qtbot: QtBot, sidebar: Sidebar, researched: dict[str, int]
) -> None:
    refreshed(qtbot, sidebar)
    counts = {
        name: find(sidebar, name).data(COUNT_ROLE)
        for name in (
            "All sources",
            "Articles",
            "Images",
            "Second Karabakh War",
            "Battle of Shusha",
            "International wire",
            "Azerbaijani government",
            "displacement",
        )
    }
    assert counts == {
        "All sources": 3,
        "Articles": 2,
        "Images": 0,
        "Second Karabakh War": 3,
        "Battle of Shusha": 1,
        "International wire": 2,
        "Azerbaijani government": 1,
        "displacement": 1,
    }


def test_a_battle_sits_under_its_war(
    qtbot: QtBot, sidebar: Sidebar, researched: dict[str, int]
) -> None:
    refreshed(qtbot, sidebar)
    battle = find(sidebar, "Battle of Shusha")
    assert battle.parent().data() == "Second Karabakh War"


def test_clicking_entries_chooses_their_views(
    qtbot: QtBot, sidebar: Sidebar, researched: dict[str, int]
) -> None:
    refreshed(qtbot, sidebar)
    with qtbot.waitSignal(sidebar.viewChosen) as chosen:
        click(qtbot, sidebar, find(sidebar, "Articles"))
    assert chosen.args == [View("kind", "article")]
    with qtbot.waitSignal(sidebar.viewChosen) as chosen:
        click(qtbot, sidebar, find(sidebar, "Second Karabakh War"))
    assert chosen.args == [View("event", researched["war"])]
    with qtbot.waitSignal(sidebar.viewChosen) as chosen:
        click(qtbot, sidebar, find(sidebar, "International wire"))
    assert chosen.args == [View("perspective", researched["wire"])]
    with qtbot.waitSignal(sidebar.viewChosen) as chosen:
        click(qtbot, sidebar, find(sidebar, "All sources"))
    assert chosen.args == [ALL_SOURCES]


def test_the_keyboard_moves_through_the_entries(
    qtbot: QtBot, sidebar: Sidebar, researched: dict[str, int]
) -> None:
    refreshed(qtbot, sidebar)
    sidebar.setFocus()
    with qtbot.waitSignal(sidebar.viewChosen) as chosen:
        qtbot.keyClick(sidebar, Qt.Key.Key_Down)
    assert chosen.args == [View("kind", "article")]


def test_a_saved_search_puts_its_query_forward(
    qtbot: QtBot, sidebar: Sidebar, archive: Archive
) -> None:
    with archive.database.transaction() as connection:
        connection.execute(
            "INSERT INTO saved_searches (name, query, created_at) VALUES (?, ?, ?)",
            ("Khankendi / Stepanakert", "Khankendi OR Stepanakert", "2026-11-20"),
        )
    refreshed(qtbot, sidebar)
    with qtbot.waitSignal(sidebar.savedSearchChosen) as chosen:
        click(qtbot, sidebar, find(sidebar, "Khankendi / Stepanakert"))
    assert chosen.args == ["Khankendi OR Stepanakert"]


def test_new_counts_keep_the_chosen_entry_and_what_was_collapsed(
    qtbot: QtBot, sidebar: Sidebar, archive: Archive, researched: dict[str, int]
) -> None:
    refreshed(qtbot, sidebar)
    click(qtbot, sidebar, find(sidebar, "Battle of Shusha"))
    sidebar.collapse(find(sidebar, "Second Karabakh War"))
    add_sources(archive, ["Another article"], kind="article")
    refreshed(qtbot, sidebar)
    assert find(sidebar, "Articles").data(COUNT_ROLE) == 3
    assert sidebar.chosen_key() == ("event", researched["battle"])
    assert not sidebar.isExpanded(find(sidebar, "Second Karabakh War"))


def test_an_empty_archive_says_what_is_not_there_yet(qtbot: QtBot, sidebar: Sidebar) -> None:
    refreshed(qtbot, sidebar)
    assert find(sidebar, "No events yet").isValid()
    assert find(sidebar, "All sources").data(COUNT_ROLE) == 0
