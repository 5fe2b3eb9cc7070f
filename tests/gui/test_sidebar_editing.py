"""Organising events, perspectives and tags in the sidebar, as a person would: rename in place,
drag an event under another, add with "+", edit and recolour from the context menu, delete;
undo and redo each."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtWidgets import QApplication, QLineEdit, QMenu
from pytestqt.qtbot import QtBot

from archive_app.core.archive import Archive
from archive_app.core.perspectives import PALETTE
from archive_app.gui import research_dialogs
from archive_app.gui.main_window import MainWindow
from archive_app.gui.mime import event_mime
from archive_app.gui.research_dialogs import EventFields, PerspectiveFields
from archive_app.gui.sidebar.delegate import DROP_ROLE, plus_rect
from archive_app.gui.sidebar.view import Sidebar
from tests.gui.window_helpers import (
    POPUP_NOISE,
    Drag,
    choose,
    open_menu_at,
    redo,
    sidebar_entry,
    undo,
)
from tests.helpers import add_sources

pytestmark = POPUP_NOISE  # context menus are popups


@pytest.fixture
def researched(archive: Archive) -> dict[str, int]:
    ids = add_sources(archive, ["Wire story", "Statement"], kind="article")
    conflict, _ = archive.events.create("Nagorno-Karabakh conflict", start="1988")
    war, _ = archive.events.create("Second Karabakh War", parent=conflict.id, start="2020-09-27")
    battle, _ = archive.events.create("Battle of Shusha", parent=war.id, start="2020-11")
    offensive, _ = archive.events.create("September offensive", start="2023-09-19")
    wire, _ = archive.perspectives.create("International wire", color="#1565c0")
    archive.assignments.add_to_sources(ids, perspectives=[wire.id], events=[offensive.id])
    return {
        "conflict": conflict.id,
        "war": war.id,
        "battle": battle.id,
        "offensive": offensive.id,
        "wire": wire.id,
        "story": ids[0],
        "statement": ids[1],
    }


@pytest.fixture
def window(counted_window: MainWindow) -> MainWindow:
    return counted_window


def point_of(sidebar: Sidebar, text: str) -> QPoint:
    return sidebar.visualRect(sidebar_entry(sidebar, text)).center()


def rename_field(sidebar: Sidebar) -> QLineEdit:
    field = sidebar.viewport().findChild(QLineEdit, "renameField")
    assert field is not None and field.isVisible()
    return field


def start_renaming(qtbot: QtBot, sidebar: Sidebar, text: str) -> QLineEdit:
    """Click an entry and press F2; the field it is renamed in."""
    qtbot.mouseClick(sidebar.viewport(), Qt.MouseButton.LeftButton, pos=point_of(sidebar, text))
    qtbot.keyClick(sidebar, Qt.Key.Key_F2)
    return rename_field(sidebar)


def names_shown(sidebar: Sidebar) -> set[str]:
    model = sidebar.summary_model
    found = set()
    stack = [model.index(row, 0) for row in range(model.rowCount())]
    while stack:
        index = stack.pop()
        found.add(str(index.data()))
        stack.extend(model.index(row, 0, index) for row in range(model.rowCount(index)))
    return found


# Renaming in place


def test_f2_renames_an_event_in_place_and_ctrl_z_takes_it_back(
    qtbot: QtBot, window: MainWindow, archive: Archive, researched: dict[str, int]
) -> None:
    sidebar = window.sidebar
    field = start_renaming(qtbot, sidebar, "Battle of Shusha")
    assert field.selectedText() == "Battle of Shusha"
    qtbot.keyClicks(field, "Battle of Shushi")
    with qtbot.waitSignal(sidebar.summaryShown, timeout=10_000):
        qtbot.keyClick(field, Qt.Key.Key_Return)

    assert archive.events.get(researched["battle"]).name == "Battle of Shushi"
    assert "Battle of Shushi" in names_shown(sidebar)
    assert sidebar.chosen_key() == ("event", researched["battle"])
    with qtbot.waitSignal(sidebar.summaryShown, timeout=10_000):
        undo(qtbot, window)
    assert archive.events.get(researched["battle"]).name == "Battle of Shusha"
    with qtbot.waitSignal(sidebar.summaryShown, timeout=10_000):
        redo(qtbot, window)
    assert archive.events.get(researched["battle"]).name == "Battle of Shushi"


def test_a_double_click_renames_a_perspective(
    qtbot: QtBot, window: MainWindow, archive: Archive, researched: dict[str, int]
) -> None:
    sidebar = window.sidebar
    point = point_of(sidebar, "International wire")
    qtbot.mouseClick(sidebar.viewport(), Qt.MouseButton.LeftButton, pos=point)
    qtbot.mouseDClick(sidebar.viewport(), Qt.MouseButton.LeftButton, pos=point)
    field = rename_field(sidebar)
    qtbot.keyClicks(field, "Wire agencies")
    with qtbot.waitSignal(sidebar.summaryShown, timeout=10_000):
        qtbot.keyClick(field, Qt.Key.Key_Return)
    assert archive.perspectives.get(researched["wire"]).name == "Wire agencies"
    assert archive.search('perspective:"Wire agencies"').total == 2


def test_a_name_already_taken_is_refused_with_a_message(
    qtbot: QtBot, window: MainWindow, archive: Archive, researched: dict[str, int]
) -> None:
    sidebar = window.sidebar
    qtbot.keyClicks(start_renaming(qtbot, sidebar, "Battle of Shusha"), "september OFFENSIVE")
    qtbot.keyClick(rename_field(sidebar), Qt.Key.Key_Return)
    qtbot.waitUntil(window.message_bar.isVisible)
    assert "already an event named 'September offensive'" in window.message_bar.text.text()
    assert archive.events.get(researched["battle"]).name == "Battle of Shusha"
    assert window.undo_stack.count() == 0


# Moving events


def test_an_event_dragged_onto_another_moves_under_it_and_onto_the_heading_to_the_top(
    qtbot: QtBot, window: MainWindow, archive: Archive, researched: dict[str, int]
) -> None:
    sidebar = window.sidebar
    mime = event_mime(researched["offensive"], "September offensive")
    drag = Drag(sidebar.viewport(), mime)
    assert drag.enter(point_of(sidebar, "Nagorno-Karabakh conflict"))
    assert drag.move(point_of(sidebar, "Nagorno-Karabakh conflict"))
    assert sidebar_entry(sidebar, "Nagorno-Karabakh conflict").data(DROP_ROLE)
    assert not drag.move(point_of(sidebar, "September offensive")), "not under itself"
    assert not drag.move(point_of(sidebar, "International wire"))
    with qtbot.waitSignal(sidebar.summaryShown, timeout=10_000):
        assert drag.drop(point_of(sidebar, "Nagorno-Karabakh conflict"))
    assert archive.events.get(researched["offensive"]).parent_id == researched["conflict"]
    assert sidebar_entry(sidebar, "September offensive").parent().data() == (
        "Nagorno-Karabakh conflict"
    )

    war = event_mime(researched["war"], "Second Karabakh War")
    drag = Drag(sidebar.viewport(), war)
    assert drag.enter(point_of(sidebar, "Battle of Shusha"))
    assert not drag.move(point_of(sidebar, "Battle of Shusha")), "not under its own sub-event"
    assert drag.move(point_of(sidebar, "Events"))
    with qtbot.waitSignal(sidebar.summaryShown, timeout=10_000):
        assert drag.drop(point_of(sidebar, "Events"))
    assert archive.events.get(researched["war"]).parent_id is None
    assert sidebar_entry(sidebar, "Second Karabakh War").parent().data() == "Events"
    assert archive.events.get(researched["battle"]).parent_id == researched["war"]

    with qtbot.waitSignal(sidebar.summaryShown, timeout=10_000):
        undo(qtbot, window)
    assert archive.events.get(researched["war"]).parent_id == researched["conflict"]
    with qtbot.waitSignal(sidebar.summaryShown, timeout=10_000):
        undo(qtbot, window)
    assert archive.events.get(researched["offensive"]).parent_id is None


def test_move_to_top_level_from_the_context_menu(
    qtbot: QtBot, window: MainWindow, archive: Archive, researched: dict[str, int]
) -> None:
    sidebar = window.sidebar
    menu = open_menu_at(qtbot, sidebar.viewport(), point_of(sidebar, "Battle of Shusha"))
    with qtbot.waitSignal(sidebar.summaryShown, timeout=10_000):
        choose(qtbot, menu, "Move to top level")
    assert archive.events.get(researched["battle"]).parent_id is None


# Adding and editing


def test_the_plus_on_the_events_heading_makes_an_event(
    qtbot: QtBot,
    window: MainWindow,
    archive: Archive,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(
        research_dialogs,
        "ask_event",
        lambda _parent, _title, _fields: EventFields(
            "Blockade of the Lachin corridor", "2022-12", "2023-09", "Lachin corridor"
        ),
    )
    sidebar = window.sidebar
    heading = sidebar.visualRect(sidebar_entry(sidebar, "Events"))
    with qtbot.waitSignal(sidebar.summaryShown, timeout=10_000):
        qtbot.mouseClick(
            sidebar.viewport(), Qt.MouseButton.LeftButton, pos=plus_rect(heading).center()
        )
    blockade = archive.events.get("Blockade of the Lachin corridor")
    assert (blockade.start, blockade.end, blockade.place) == (
        "2022-12",
        "2023-09",
        "Lachin corridor",
    )
    assert "Blockade of the Lachin corridor" in names_shown(sidebar)
    with qtbot.waitSignal(sidebar.summaryShown, timeout=10_000):
        undo(qtbot, window)
    assert "Blockade of the Lachin corridor" not in names_shown(sidebar)


def test_a_sub_event_and_new_dates_from_the_context_menu(
    qtbot: QtBot,
    window: MainWindow,
    archive: Archive,
    researched: dict[str, int],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    asked: list[EventFields] = []

    def answer(_parent: object, _title: str, fields: EventFields) -> EventFields:
        asked.append(fields)
        if fields.name:
            return EventFields(fields.name, "2020-09-27", "2020-11-10", "Nagorno-Karabakh")
        return EventFields("Battle of Hadrut", "2020-10")

    monkeypatch.setattr(research_dialogs, "ask_event", answer)
    sidebar = window.sidebar
    menu = open_menu_at(qtbot, sidebar.viewport(), point_of(sidebar, "Second Karabakh War"))
    with qtbot.waitSignal(sidebar.summaryShown, timeout=10_000):
        choose(qtbot, menu, "New sub-event")
    hadrut = archive.events.get("Battle of Hadrut")
    assert hadrut.parent_id == researched["war"]

    menu = open_menu_at(qtbot, sidebar.viewport(), point_of(sidebar, "Second Karabakh War"))
    with qtbot.waitSignal(sidebar.summaryShown, timeout=10_000):
        choose(qtbot, menu, "Edit dates, place and description")
    assert asked[-1] == EventFields("Second Karabakh War", "2020-09-27")
    war = archive.events.get(researched["war"])
    assert (war.start, war.end, war.place) == ("2020-09-27", "2020-11-10", "Nagorno-Karabakh")
    undo(qtbot, window)
    assert archive.events.get(researched["war"]).end == ""


def test_each_new_perspective_is_offered_the_next_unused_colour(
    qtbot: QtBot,
    window: MainWindow,
    archive: Archive,
    researched: dict[str, int],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    names = iter(["Armenian government", "Azerbaijani government"])
    offered: list[str] = []

    def accept_as_offered(
        _parent: object, _title: str, fields: PerspectiveFields
    ) -> PerspectiveFields:
        offered.append(fields.color)
        return replace(fields, name=next(names))

    monkeypatch.setattr(research_dialogs, "ask_perspective", accept_as_offered)
    sidebar = window.sidebar
    for _ in range(2):
        heading = sidebar.visualRect(sidebar_entry(sidebar, "Perspectives"))
        with qtbot.waitSignal(sidebar.summaryShown, timeout=10_000):
            qtbot.mouseClick(
                sidebar.viewport(), Qt.MouseButton.LeftButton, pos=plus_rect(heading).center()
            )
    colors = [p.color for p in archive.perspectives.all()]
    assert len(set(colors)) == 3
    assert offered == [PALETTE[0], PALETTE[1]]


def test_a_sub_event_s_form_names_its_parent(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    titles: list[str] = []

    def cancel(_parent: object, title: str, _fields: EventFields) -> None:
        titles.append(title)

    monkeypatch.setattr(research_dialogs, "ask_event", cancel)
    sidebar = window.sidebar
    menu = open_menu_at(qtbot, sidebar.viewport(), point_of(sidebar, "Second Karabakh War"))
    choose(qtbot, menu, "New sub-event")
    assert titles == ["New sub-event of “Second Karabakh War”"]


def test_a_perspective_takes_a_colour_from_the_swatch_menu(
    qtbot: QtBot, window: MainWindow, archive: Archive, researched: dict[str, int]
) -> None:
    sidebar = window.sidebar
    menu = open_menu_at(qtbot, sidebar.viewport(), point_of(sidebar, "International wire"))
    with qtbot.waitSignal(sidebar.summaryShown, timeout=10_000):
        choose(qtbot, menu, "Colour", "Magenta")
    assert archive.perspectives.get(researched["wire"]).color == "#c51b7d"
    undo(qtbot, window)
    assert archive.perspectives.get(researched["wire"]).color == "#1565c0"


# Deleting


def test_deleting_a_perspective_in_use_asks_and_undo_puts_it_back_on_its_sources(
    qtbot: QtBot,
    window: MainWindow,
    archive: Archive,
    researched: dict[str, int],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    asked: list[tuple[str, str, int, int]] = []
    answers = iter([False, True])

    def confirm(_parent: object, kind: str, name: str, sources: int, annotations: int) -> bool:
        asked.append((kind, name, sources, annotations))
        return next(answers)

    monkeypatch.setattr(research_dialogs, "confirm_delete_in_use", confirm)
    sidebar = window.sidebar
    qtbot.mouseClick(
        sidebar.viewport(), Qt.MouseButton.LeftButton, pos=point_of(sidebar, "International wire")
    )
    qtbot.keyClick(sidebar, Qt.Key.Key_Delete)
    assert asked == [("perspective", "International wire", 2, 0)]
    assert archive.perspectives.all()

    with qtbot.waitSignal(sidebar.summaryShown, timeout=10_000):
        qtbot.keyClick(sidebar, Qt.Key.Key_Delete)
    assert archive.perspectives.all() == []
    assert archive.get(researched["story"]).perspectives == []
    assert "International wire" not in names_shown(sidebar)

    with qtbot.waitSignal(sidebar.summaryShown, timeout=10_000):
        undo(qtbot, window)
    assert [p.name for p in archive.get(researched["story"]).perspectives] == ["International wire"]


def test_an_unused_event_is_deleted_without_a_question_and_its_sub_events_move_up(
    qtbot: QtBot,
    window: MainWindow,
    archive: Archive,
    researched: dict[str, int],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(
        research_dialogs,
        "confirm_delete_in_use",
        lambda *_args: pytest.fail("an unused event needs no question"),
    )
    sidebar = window.sidebar
    menu = open_menu_at(qtbot, sidebar.viewport(), point_of(sidebar, "Second Karabakh War"))
    with qtbot.waitSignal(sidebar.summaryShown, timeout=10_000):
        choose(qtbot, menu, "Delete event")
    assert archive.events.get(researched["battle"]).parent_id == researched["conflict"]
    undo(qtbot, window)
    assert archive.events.get(researched["battle"]).parent_id == researched["war"]


# The keyboard


def test_the_menu_key_opens_the_menu_of_the_current_entry(
    qtbot: QtBot,
    window: MainWindow,
    archive: Archive,
    researched: dict[str, int],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(research_dialogs, "ask_tag_name", lambda *_args: "Hakari bridge")
    sidebar = window.sidebar
    qtbot.mouseClick(
        sidebar.viewport(), Qt.MouseButton.LeftButton, pos=point_of(sidebar, "International wire")
    )
    qtbot.keyClick(sidebar, Qt.Key.Key_Down)
    assert sidebar.currentIndex().data() == "Tags"
    center = sidebar.visualRect(sidebar.currentIndex()).center()
    QApplication.sendEvent(
        sidebar,
        QContextMenuEvent(
            QContextMenuEvent.Reason.Keyboard, center, sidebar.viewport().mapToGlobal(center)
        ),
    )
    qtbot.waitUntil(lambda: isinstance(QApplication.activePopupWidget(), QMenu))
    menu = QApplication.activePopupWidget()
    assert isinstance(menu, QMenu)
    with qtbot.waitSignal(sidebar.summaryShown, timeout=10_000):
        choose(qtbot, menu, "New tag")
    assert [tag.name for tag in archive.tags.all()] == ["Hakari bridge"]


def test_counts_arriving_while_renaming_wait_until_the_rename_is_done(
    qtbot: QtBot, window: MainWindow, archive: Archive, researched: dict[str, int]
) -> None:
    sidebar = window.sidebar
    field = start_renaming(qtbot, sidebar, "Battle of Shusha")
    qtbot.keyClicks(field, "Battle of Shu")
    archive.tags.create("casualties")
    sidebar.refresh()
    qtbot.waitUntil(lambda: not window.tasks.running)
    assert field.isVisible()
    assert "casualties" not in names_shown(sidebar)
    with qtbot.waitSignal(sidebar.summaryShown):
        qtbot.keyClick(field, Qt.Key.Key_Escape)
    assert "casualties" in names_shown(sidebar)
    assert archive.events.get(researched["battle"]).name == "Battle of Shusha"


def test_move_under_from_the_context_menu_offers_no_event_beneath_it(
    qtbot: QtBot, window: MainWindow, archive: Archive, researched: dict[str, int]
) -> None:
    sidebar = window.sidebar
    menu = open_menu_at(qtbot, sidebar.viewport(), point_of(sidebar, "Second Karabakh War"))
    moves = menu.findChild(QMenu, "moveEventMenu")
    assert moves is not None
    offered = [action.text().strip() for action in moves.actions()]
    assert offered == ["Nagorno-Karabakh conflict", "September offensive"]
    with qtbot.waitSignal(sidebar.summaryShown, timeout=10_000):
        choose(qtbot, menu, "Move under", "September offensive")
    assert archive.events.get(researched["war"]).parent_id == researched["offensive"]
