"""The language of each source in the window: a column of the list, corrected in the inspector
(undoably), and search following the correction. Texts of our own."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot

from archive_app.core.archive import Archive
from archive_app.gui.main_window import MainWindow
from archive_app.gui.sources.model import COLUMNS
from tests.gui.window_helpers import click_title, row_of_title, undo

LANGUAGE_COLUMN = next(i for i, (key, _) in enumerate(COLUMNS) if key == "language")


def language_shown(window: MainWindow, title: str) -> str:
    model = window.source_list.model
    return str(model.index(row_of_title(window, title), LANGUAGE_COLUMN).data())


def test_the_list_shows_each_language_and_the_inspector_corrects_it(
    qtbot: QtBot,
    archive: Archive,
    import_texts: Callable[[dict[str, str]], list[int]],
    make_window: Callable[[Archive], MainWindow],
) -> None:
    import_texts(
        {
            "hy.txt": "Լուրեր Ստեփանակերտից\n\nՓախստականները սպասում էին ավտոբուսներին։",
            "ru.txt": "Беженцев вывезли\n\nБеженцев вывезли автобусами в Горис ночью.",
            "en.txt": "Refugees reach Goris\n\nRefugees from Khankendi reached Goris by bus.",
        }
    )
    window = make_window(archive)
    header = window.source_list.table.horizontalHeader()
    assert header.model().headerData(LANGUAGE_COLUMN, Qt.Orientation.Horizontal) == "Language"
    assert not header.isSectionHidden(LANGUAGE_COLUMN)
    assert language_shown(window, "Լուրեր Ստեփանակերտից") == "hy"
    assert language_shown(window, "Беженцев вывезли") == "ru"
    assert language_shown(window, "Refugees reach Goris") == "en"

    click_title(qtbot, window, "Беженцев вывезли")
    language = window.findChild(QLineEdit, "languageField")
    assert language is not None and language.text() == "ru"
    language.setFocus()
    language.selectAll()
    qtbot.keyClicks(language, "en")
    qtbot.keyClick(language, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: language_shown(window, "Беженцев вывезли") == "en")
    archive.index.wait_until_indexed()
    assert archive.search("беженцы").total == 0

    window.source_list.table.setFocus()
    undo(qtbot, window)
    qtbot.waitUntil(lambda: language_shown(window, "Беженцев вывезли") == "ru")
    archive.index.wait_until_indexed()
    assert archive.search("беженцы").total == 1
