"""The gazetteer in the alias editor, driven as a person would: look a name up, see the places
that have it and the names each brings in; switch a name off, adopt the names as a group of
one's own, switch the gazetteer off."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QListWidget, QPushButton
from pytestqt.qtbot import QtBot

from archive_app.core.archive import Archive
from archive_app.gui.main_window import MainWindow
from tests.gui.test_alias_editor import open_editor

pytestmark = pytest.mark.usefixtures("whole_gazetteer")


@pytest.fixture
def window(archive: Archive, make_window: Callable[[Archive], MainWindow]) -> MainWindow:
    return make_window(archive)


def child(window: MainWindow, kind: type, name: str) -> object:
    found = window.findChild(kind, name)
    assert found is not None, name
    return found


def look_up(qtbot: QtBot, window: MainWindow, name: str) -> QListWidget:
    lookup = child(window, QLineEdit, "gazetteerLookup")
    assert isinstance(lookup, QLineEdit)
    lookup.setFocus()
    lookup.clear()
    qtbot.keyClicks(lookup, name)
    qtbot.keyClick(lookup, Qt.Key.Key_Return)
    names = child(window, QListWidget, "gazetteerNames")
    assert isinstance(names, QListWidget)
    return names


def texts(names: QListWidget) -> list[str]:
    return [names.item(row).text() for row in range(names.count())]


def test_a_name_shows_its_places_and_their_names(qtbot: QtBot, window: MainWindow) -> None:
    editor = open_editor(qtbot, window)
    names = look_up(qtbot, editor, "Khankendi")  # type: ignore[arg-type]
    assert {"Stepanakert", "Степанакерт", "Ստեփանակերտ"} <= set(texts(names))
    look_up(qtbot, editor, "Susa")  # type: ignore[arg-type]
    places = child(editor, QComboBox, "gazetteerPlaces")  # type: ignore[arg-type]
    assert isinstance(places, QComboBox)
    labels = [places.itemText(row) for row in range(places.count())]
    assert any(label.startswith("Shusha (AZ") for label in labels)
    assert any(label.startswith("Susa (IT") for label in labels)


def test_names_are_switched_off_adopted_and_the_gazetteer_switched_off(
    qtbot: QtBot, window: MainWindow
) -> None:
    archive = window.archive
    editor = open_editor(qtbot, window)
    names = look_up(qtbot, editor, "Khankendi")  # type: ignore[arg-type]
    vararakn = names.findItems("Vararakn", Qt.MatchFlag.MatchExactly)[0]
    rect = names.visualItemRect(vararakn)
    qtbot.mouseClick(names.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.keyClick(names.viewport(), Qt.Key.Key_Space)
    place = archive.gazetteer.places("Khankendi")[0].id
    assert vararakn.checkState() == Qt.CheckState.Unchecked
    assert archive.gazetteer.hidden(place) == {"Vararakn"}

    adopt = child(editor, QPushButton, "gazetteerAdopt")  # type: ignore[arg-type]
    assert isinstance(adopt, QPushButton)
    qtbot.mouseClick(adopt, Qt.MouseButton.LeftButton)
    (group,) = archive.aliases.all()
    assert "Stepanakert" in group.names and "Vararakn" not in group.names

    enabled = child(editor, QCheckBox, "gazetteerEnabled")  # type: ignore[arg-type]
    assert isinstance(enabled, QCheckBox)
    enabled.setFocus()
    qtbot.keyClick(enabled, Qt.Key.Key_Space)
    assert not archive.gazetteer.enabled
