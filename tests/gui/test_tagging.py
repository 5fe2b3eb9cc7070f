"""Tagging sources in the window, as a person would: drag them onto the sidebar, use the list's
context menu, add and remove chips in the inspector; undo and redo each; find the result."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt, QTimer
from PySide6.QtGui import QDrag, QKeySequence, QMouseEvent
from PySide6.QtWidgets import QApplication, QComboBox, QInputDialog, QLabel, QLineEdit
from pytestqt.qtbot import QtBot

from archive_app.core.archive import Archive
from archive_app.gui import research_dialogs
from archive_app.gui.main_window import MainWindow
from archive_app.gui.mime import SOURCE_IDS, dropped_source_ids
from archive_app.gui.research_dialogs import EventFields
from archive_app.gui.sidebar.delegate import COUNT_ROLE, DROP_ROLE
from tests.gui.window_helpers import (
    POPUP_NOISE,
    Drag,
    choose,
    click_title,
    open_menu_at,
    press,
    redo,
    row_of_title,
    sidebar_entry,
    undo,
)
from tests.helpers import add_sources, write_photo

pytestmark = POPUP_NOISE  # context menus and the completer's list are popups

TITLES = ["Wire story on the exodus", "Ministry statement", "Op-ed on the republic"]
LONG_TAG = "humanitarian corridor through the Lachin road"


@pytest.fixture
def researched(archive: Archive) -> dict[str, int]:
    """Three articles, an event with a sub-event, a perspective and a tag."""
    ids = add_sources(archive, TITLES, kind="article")
    conflict, _ = archive.events.create("Nagorno-Karabakh conflict", start="1988")
    exodus, _ = archive.events.create(
        "Exodus over the Hakari bridge", parent=conflict.id, start="2023-09-24"
    )
    wire, _ = archive.perspectives.create("International wire", color="#1565c0")
    tag, _ = archive.tags.create("displacement")
    return {
        "wire story": ids[0],
        "statement": ids[1],
        "oped": ids[2],
        "conflict": conflict.id,
        "exodus": exodus.id,
        "wire": wire.id,
        "displacement": tag.id,
    }


@pytest.fixture
def window(
    archive: Archive, researched: object, make_window: Callable[[Archive], MainWindow]
) -> MainWindow:
    return make_window(archive)


def select_two(qtbot: QtBot, window: MainWindow) -> list[int]:
    first = click_title(qtbot, window, TITLES[0])
    second = click_title(qtbot, window, TITLES[1], Qt.KeyboardModifier.ControlModifier)
    assert sorted(window.source_list.selected_ids()) == sorted([first, second])
    return [first, second]


def event_ids(archive: Archive, source_id: int) -> list[int]:
    return [event.id for event in archive.get(source_id).events]


# Dragging onto the sidebar


def test_sources_dragged_onto_an_event_get_it_in_one_undo_step(
    qtbot: QtBot,
    archive: Archive,
    researched: dict[str, int],
    counted_window: MainWindow,
) -> None:
    window = counted_window
    ids = select_two(qtbot, window)
    table = window.source_list.table
    mime = window.source_list.model.mimeData(table.selectionModel().selectedIndexes())
    assert mime.hasFormat(SOURCE_IDS)
    assert sorted(dropped_source_ids(mime)) == sorted(ids)

    sidebar = window.sidebar
    target = sidebar_entry(sidebar, "Exodus over the Hakari bridge")
    point = sidebar.visualRect(target).center()
    drag = Drag(sidebar.viewport(), mime)
    assert drag.enter(sidebar.visualRect(sidebar_entry(sidebar, "All sources")).center())
    assert not drag.move(sidebar.visualRect(sidebar_entry(sidebar, "All sources")).center())
    assert drag.move(point)
    assert target.data(DROP_ROLE) is True
    with qtbot.waitSignal(sidebar.summaryShown, timeout=10_000):
        assert drag.drop(point)
    assert not sidebar_entry(sidebar, "Exodus over the Hakari bridge").data(DROP_ROLE)

    for source_id in ids:
        assert event_ids(archive, source_id) == [researched["exodus"]]
    assert event_ids(archive, researched["oped"]) == []
    assert window.undo_stack.count() == 1
    assert sidebar_entry(sidebar, "Exodus over the Hakari bridge").data(COUNT_ROLE) == 2
    assert sidebar_entry(sidebar, "Nagorno-Karabakh conflict").data(COUNT_ROLE) == 2
    assert [hit.id for hit in archive.search('event:"Exodus over the Hakari bridge"').hits]

    with qtbot.waitSignal(sidebar.summaryShown, timeout=10_000):
        undo(qtbot, window)
    assert all(event_ids(archive, source_id) == [] for source_id in ids)
    assert sidebar_entry(sidebar, "Exodus over the Hakari bridge").data(COUNT_ROLE) == 0
    with qtbot.waitSignal(sidebar.summaryShown, timeout=10_000):
        redo(qtbot, window)
    assert all(event_ids(archive, source_id) == [researched["exodus"]] for source_id in ids)


def test_what_follows_the_cursor_in_a_drag_leaves_the_drop_target_in_sight(
    qtbot: QtBot,
    researched: dict[str, int],
    window: MainWindow,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    select_two(qtbot, window)
    table = window.source_list.table
    seen: list[tuple[int, int, QPoint]] = []

    def look(drag: QDrag, *_actions: object) -> Qt.DropAction:
        """The offscreen platform has no drag loop: what would follow the cursor is looked at
        as the drag starts, and the drag ends there."""
        seen.append((drag.pixmap().width(), drag.pixmap().height(), drag.hotSpot()))
        return Qt.DropAction.IgnoreAction

    monkeypatch.setattr(QDrag, "exec", look)
    start = table.visualRect(
        window.source_list.model.index(row_of_title(window, TITLES[1]), 1)
    ).center()
    qtbot.mousePress(table.viewport(), Qt.MouseButton.LeftButton, pos=start)
    far = QPointF(start + QPoint(0, 3 * QApplication.startDragDistance()))
    move = QMouseEvent(
        QEvent.Type.MouseMove,
        far,
        QPointF(table.viewport().mapToGlobal(far.toPoint())),
        Qt.MouseButton.NoButton,
        Qt.MouseButton.LeftButton,  # held down: QTest's moves carry no button
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(table.viewport(), move)
    qtbot.mouseRelease(table.viewport(), Qt.MouseButton.LeftButton, pos=far.toPoint())
    ((width, height, hot_spot),) = seen
    assert height < 2 * table.rowHeight(0), "a badge, not the rows"
    assert width < window.sidebar.width()
    assert hot_spot.x() < 0 and hot_spot.y() < 0, "beside the cursor, not over the target"


def test_a_photo_dragged_from_the_grid_onto_a_tag_is_found_by_tag_search(
    qtbot: QtBot,
    archive: Archive,
    researched: dict[str, int],
    make_window: Callable[[Archive], MainWindow],
    tmp_path: Path,
) -> None:
    photo = write_photo(tmp_path / "p", "bridge.jpg", (40, 90, 160))
    report = archive.import_paths([photo])
    (photo_id,) = report.new_source_ids
    window = make_window(archive)
    images = window.sidebar.visualRect(sidebar_entry(window.sidebar, "Images")).center()
    qtbot.mouseClick(window.sidebar.viewport(), Qt.MouseButton.LeftButton, pos=images)
    grid = window.source_list.grid
    qtbot.waitUntil(lambda: window.source_list.mode == "grid" and grid.model().rowCount() == 1)
    tile = grid.visualRect(grid.model().index(0, 0)).center()
    qtbot.mouseClick(grid.viewport(), Qt.MouseButton.LeftButton, pos=tile)
    mime = grid.model().mimeData(grid.selectionModel().selectedIndexes())
    assert dropped_source_ids(mime) == [photo_id]

    sidebar = window.sidebar
    point = sidebar.visualRect(sidebar_entry(sidebar, "displacement")).center()
    drag = Drag(sidebar.viewport(), mime)
    assert drag.enter(point)
    with qtbot.waitSignal(sidebar.summaryShown, timeout=10_000):
        assert drag.drop(point)
    assert [tag.name for tag in archive.get(photo_id).tags] == ["displacement"]

    field = window.search_bar.field
    field.setFocus()
    with qtbot.waitSignal(window.search_bar.hitsFound, timeout=10_000):
        qtbot.keyClicks(field, "tag:displacement")
    qtbot.waitUntil(lambda: window.source_list.model.ids == [photo_id])


def test_dropping_on_a_section_heading_or_a_library_view_is_refused(
    qtbot: QtBot,
    archive: Archive,
    researched: dict[str, int],
    counted_window: MainWindow,
) -> None:
    window = counted_window
    ids = select_two(qtbot, window)
    sidebar = window.sidebar
    mime = window.source_list.model.mimeData(window.source_list.table.selectedIndexes())
    drag = Drag(sidebar.viewport(), mime)
    assert drag.enter(QPoint(4, 4))
    for text in ("Tags", "Articles", "Perspectives", "Saved searches"):
        point = sidebar.visualRect(sidebar_entry(sidebar, text)).center()
        assert not drag.move(point), text
    assert not drag.drop(sidebar.visualRect(sidebar_entry(sidebar, "Tags")).center())
    assert window.undo_stack.count() == 0
    assert all(not archive.get(source_id).tags for source_id in ids)


# The source list's context menu


def test_the_context_menu_labels_the_whole_selection(
    qtbot: QtBot,
    archive: Archive,
    researched: dict[str, int],
    window: MainWindow,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    ids = select_two(qtbot, window)
    table = window.source_list.table
    row_point = table.visualRect(
        window.source_list.model.index(row_of_title(window, TITLES[1]), 1)
    ).center()

    menu = open_menu_at(qtbot, table.viewport(), row_point)
    choose(qtbot, menu, "Add to event", "\u2003Exodus over the Hakari bridge")
    assert all(event_ids(archive, source_id) == [researched["exodus"]] for source_id in ids)

    menu = open_menu_at(qtbot, table.viewport(), row_point)
    choose(qtbot, menu, "Add perspective", "International wire")
    assert all(
        [p.name for p in archive.get(source_id).perspectives] == ["International wire"]
        for source_id in ids
    )

    offered: list[list[str]] = []

    def answer(_parent: object, _title: str, names: list[str]) -> str:
        offered.append(list(names))
        return "ceasefire terms"

    monkeypatch.setattr(research_dialogs, "ask_tag_name", answer)
    menu = open_menu_at(qtbot, table.viewport(), row_point)
    choose(qtbot, menu, "Add tag")
    assert offered == [["displacement"]]
    assert all(
        [t.name for t in archive.get(source_id).tags] == ["ceasefire terms"] for source_id in ids
    )
    assert window.undo_stack.count() == 3

    menu = open_menu_at(qtbot, table.viewport(), row_point)
    choose(qtbot, menu, "Remove", "International wire")
    assert all(not archive.get(source_id).perspectives for source_id in ids)

    undo(qtbot, window)
    assert all(archive.get(source_id).perspectives for source_id in ids)
    undo(qtbot, window)
    assert all(not archive.get(source_id).tags for source_id in ids)
    assert archive.tags.all()[0].name == "displacement"
    assert len(archive.tags.all()) == 1


def test_a_new_event_from_the_context_menu_is_made_and_assigned_in_one_step(
    qtbot: QtBot,
    archive: Archive,
    researched: dict[str, int],
    window: MainWindow,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    ids = select_two(qtbot, window)
    monkeypatch.setattr(
        research_dialogs,
        "ask_event",
        lambda _parent, _title, _fields: EventFields(
            "September offensive", "2023-09-19", "2023-09-20", "Nagorno-Karabakh"
        ),
    )
    table = window.source_list.table
    point = table.visualRect(window.source_list.model.index(row_of_title(window, TITLES[0]), 1))
    menu = open_menu_at(qtbot, table.viewport(), point.center())
    choose(qtbot, menu, "Add to event", "New event")

    offensive = archive.events.get("September offensive")
    assert (offensive.start, offensive.end, offensive.place) == (
        "2023-09-19",
        "2023-09-20",
        "Nagorno-Karabakh",
    )
    assert all(event_ids(archive, source_id) == [offensive.id] for source_id in ids)
    assert window.undo_stack.count() == 1
    undo(qtbot, window)
    assert [event.name for event in archive.events.all()] == [
        "Nagorno-Karabakh conflict",
        "Exodus over the Hakari bridge",
    ]


# The inspector's chips


def test_chips_are_added_and_removed_in_the_inspector(
    qtbot: QtBot,
    archive: Archive,
    researched: dict[str, int],
    window: MainWindow,
) -> None:
    source_id = click_title(qtbot, window, TITLES[2])
    qtbot.waitUntil(lambda: window.inspector.source_id == source_id)
    tags = window.inspector.research.tags

    qtbot.mouseClick(tags.add_button, Qt.MouseButton.LeftButton)
    entry = tags.findChild(QLineEdit, "tagEntry")
    assert entry is not None and entry.hasFocus()
    qtbot.keyClicks(entry, "Lachin corridor")
    qtbot.keyClick(entry, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: tags.names() == ["Lachin corridor"])
    assert [t.name for t in archive.get(source_id).tags] == ["Lachin corridor"]
    assert entry.isHidden()

    qtbot.mouseClick(tags.add_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(entry, "DISPLACEMENT")
    qtbot.keyClick(entry, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: tags.names() == ["displacement", "Lachin corridor"])
    assert len(archive.tags.all()) == 2

    chip = tags.chip("Lachin corridor")
    assert chip.remove_button is not None
    qtbot.mouseClick(chip.remove_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tags.names() == ["displacement"])
    assert [t.name for t in archive.get(source_id).tags] == ["displacement"]

    undo(qtbot, window)
    qtbot.waitUntil(lambda: tags.names() == ["displacement", "Lachin corridor"])
    redo(qtbot, window)
    qtbot.waitUntil(lambda: tags.names() == ["displacement"])


def test_with_two_rows_selected_the_inspector_says_so_and_labels_both(
    qtbot: QtBot, archive: Archive, researched: dict[str, int], window: MainWindow
) -> None:
    ids = select_two(qtbot, window)
    tags = window.inspector.research.tags
    qtbot.mouseClick(tags.add_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(tags.entry, "Lachin corridor")
    qtbot.keyClick(tags.entry, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: tags.names() == ["Lachin corridor"])
    assert all([t.name for t in archive.get(i).tags] == ["Lachin corridor"] for i in ids)
    assert window.undo_stack.count() == 1
    note = window.inspector.findChild(QLabel, "inspectorSelectionNote")
    assert note is not None and note.isVisible()
    assert "2 sources selected" in note.text()

    archive.assignments.add_to_sources([ids[0]], tags=[researched["displacement"]])
    click_title(qtbot, window, TITLES[0])
    assert not note.isVisible()
    assert tags.names() == ["displacement", "Lachin corridor"]
    click_title(qtbot, window, TITLES[1], Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(note.isVisible)
    chip = tags.chip("displacement")
    assert chip.remove_button is not None
    qtbot.mouseClick(chip.remove_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tags.names() == ["Lachin corridor"])
    assert all([t.name for t in archive.get(i).tags] == ["Lachin corridor"] for i in ids)


def test_an_unknown_event_typed_in_the_inspector_is_described_then_made(
    qtbot: QtBot,
    archive: Archive,
    researched: dict[str, int],
    make_window: Callable[[Archive], MainWindow],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    asked: list[EventFields] = []

    def describe(_parent: object, _title: str, fields: EventFields) -> EventFields:
        asked.append(fields)
        return EventFields(fields.name, "2022-12", "2023-09")

    monkeypatch.setattr(research_dialogs, "ask_event", describe)
    window = make_window(archive)
    source_id = click_title(qtbot, window, TITLES[0])
    events = window.inspector.research.events
    qtbot.waitUntil(lambda: window.inspector.source_id == source_id)

    events.add_button.setFocus()
    qtbot.keyClick(events.add_button, Qt.Key.Key_Space)
    qtbot.keyClicks(events.entry, "exodus")
    popup = events.entry.completer().popup()
    qtbot.waitUntil(popup.isVisible)
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: events.names() == ["Exodus over the Hakari bridge"])
    assert asked == []

    qtbot.keyClick(events.add_button, Qt.Key.Key_Space)
    qtbot.keyClicks(events.entry, "Blockade of the Lachin corridor")
    qtbot.keyClick(events.entry, Qt.Key.Key_Return)
    assert asked == [EventFields("Blockade of the Lachin corridor")]
    qtbot.waitUntil(lambda: len(events.names()) == 2)
    blockade = archive.events.get("Blockade of the Lachin corridor")
    assert (blockade.start, blockade.end) == ("2022-12", "2023-09")
    assert blockade.id in event_ids(archive, source_id)

    undo(qtbot, window)
    qtbot.waitUntil(lambda: events.names() == ["Exodus over the Hakari bridge"])
    assert "Blockade of the Lachin corridor" not in [e.name for e in archive.events.all()]


def test_deleting_sources_is_one_more_step_on_the_undo_stack(
    qtbot: QtBot,
    archive: Archive,
    researched: dict[str, int],
    counted_window: MainWindow,
) -> None:
    window = counted_window
    ids = select_two(qtbot, window)
    point = window.sidebar.visualRect(sidebar_entry(window.sidebar, "displacement")).center()
    mime = window.source_list.model.mimeData(window.source_list.table.selectedIndexes())
    drag = Drag(window.sidebar.viewport(), mime)
    assert drag.enter(point)
    assert drag.drop(point)
    assert all(archive.get(source_id).tags for source_id in ids)
    assert window.undo_stack.count() == 1
    window.commands.delete.trigger()
    qtbot.waitUntil(lambda: window.source_list.model.rowCount() == 1)
    assert window.undo_stack.count() == 2
    window.commands.undo.trigger()
    qtbot.waitUntil(lambda: window.source_list.model.rowCount() == 3)
    assert all(archive.get(source_id).tags for source_id in ids)
    window.commands.undo.trigger()
    assert not any(archive.get(source_id).tags for source_id in ids)


def test_labelling_sources_that_already_carry_the_label_adds_no_undo_step(
    qtbot: QtBot,
    archive: Archive,
    researched: dict[str, int],
    counted_window: MainWindow,
) -> None:
    window = counted_window
    select_two(qtbot, window)
    sidebar = window.sidebar
    mime = window.source_list.model.mimeData(window.source_list.table.selectedIndexes())
    point = sidebar.visualRect(sidebar_entry(sidebar, "International wire")).center()
    drag = Drag(sidebar.viewport(), mime)
    assert drag.enter(point)
    with qtbot.waitSignal(sidebar.summaryShown, timeout=10_000):
        assert drag.drop(point)
    again = Drag(sidebar.viewport(), mime)
    assert again.enter(point)
    assert again.drop(point)
    assert window.undo_stack.count() == 1
    assert window.undo_stack.undoText().startswith("Add “International wire” to 2 sources")


def test_redo_answers_to_every_redo_key_once_ctrl_z_undid(
    qtbot: QtBot, archive: Archive, researched: dict[str, int], window: MainWindow
) -> None:
    ids = select_two(qtbot, window)
    table = window.source_list.table
    row_point = table.visualRect(
        window.source_list.model.index(row_of_title(window, TITLES[1]), 1)
    ).center()
    menu = open_menu_at(qtbot, table.viewport(), row_point)
    choose(qtbot, menu, "Add perspective", "International wire")
    platform_keys = QKeySequence.keyBindings(QKeySequence.StandardKey.Redo)
    keys = {"Ctrl+Shift+Z", "Ctrl+Y"} | {
        key.toString()
        for key in platform_keys
        if key[0].keyboardModifiers()  # not the keyboard's own Redo key, which QTest lacks
    }

    for key in sorted(keys):
        undo(qtbot, window)
        assert all(not archive.get(source_id).perspectives for source_id in ids)
        press(qtbot, table, key)
        assert all(archive.get(source_id).perspectives for source_id in ids), key
    bound = [key.toString() for key in window.commands.redo.shortcuts()]
    assert len(bound) == len(set(bound))


def test_the_add_tag_question_shows_its_title_and_names_whole(
    qtbot: QtBot, archive: Archive, researched: dict[str, int], window: MainWindow
) -> None:
    archive.tags.create(LONG_TAG)
    ids = select_two(qtbot, window)
    table = window.source_list.table
    row_point = table.visualRect(
        window.source_list.model.index(row_of_title(window, TITLES[1]), 1)
    ).center()
    seen: list[tuple[str, int, int]] = []
    fields: list[int] = []

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QInputDialog):
            QTimer.singleShot(20, answer)
            return
        title = dialog.windowTitle()
        seen.append((title, dialog.width(), dialog.fontMetrics().horizontalAdvance(title)))
        name_width = dialog.fontMetrics().horizontalAdvance(LONG_TAG)
        fields.append(dialog.findChild(QComboBox).width() - name_width)  # type: ignore[union-attr]
        field = dialog.findChild(QLineEdit)
        assert field is not None
        qtbot.keyClicks(field, "ceasefire terms")
        qtbot.keyClick(field, Qt.Key.Key_Return)

    QTimer.singleShot(20, answer)
    menu = open_menu_at(qtbot, table.viewport(), row_point)
    choose(qtbot, menu, "Add tag")
    ((title, width, title_width),) = seen
    assert title == "Add a tag to 2 sources"
    assert width >= title_width + 140, "room for the title beside the window's buttons"
    assert fields[0] >= 40, "the longest name fits in the field, beside its arrow"
    assert all("ceasefire terms" in [t.name for t in archive.get(i).tags] for i in ids)
