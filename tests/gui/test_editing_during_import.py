"""An edit made while a large import runs is stored at once, while the import goes on, and search
catches up with it afterwards. How long the key press holds the window is measured by
``benchmarks/bench_responsiveness.py``."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot

from archive_app.core.archive import Archive
from archive_app.gui.main_window import MainWindow
from tests.gui.window_helpers import click_title
from tests.helpers import add_sources, write_file

FILES = 1_000


@pytest.mark.slow
def test_a_tag_added_during_an_import_of_1000_files_is_stored_while_the_import_runs(
    qtbot: QtBot,
    archive: Archive,
    make_window: Callable[[Archive], MainWindow],
    tmp_path: Path,
) -> None:
    [notes] = add_sources(archive, ["Field notes"])
    folder = tmp_path / "dispatches"
    paragraph = (
        "Convoys crossed the Hakari bridge while officials in Khankendi and Stepanakert counted "
        "the departures, and refugees waited at the checkpoint for the corridor to open. "
    ) * 4
    for number in range(FILES):
        body = "\n\n".join(f"{paragraph} Paragraph {p} of dispatch {number}." for p in range(12))
        write_file(folder, f"dispatch-{number:04}.txt", f"Dispatch {number}\n\n{body}")
    window = make_window(archive)
    click_title(qtbot, window, "Field notes")
    tags = window.inspector.research.tags
    qtbot.waitUntil(lambda: window.inspector.source_id == notes)

    with qtbot.waitSignal(window.import_panel.finished, timeout=600_000) as finished:
        window.import_paths([folder])
        qtbot.waitUntil(lambda: archive.count_sources() > 200, timeout=300_000)
        qtbot.mouseClick(tags.add_button, Qt.MouseButton.LeftButton)
        entry = tags.findChild(QLineEdit, "tagEntry")
        assert entry is not None
        qtbot.keyClicks(entry, "checked")
        qtbot.keyClick(entry, Qt.Key.Key_Return)
        assert archive.count_sources() < FILES + 1, "the import ended before the edit"
        assert tags.names() == ["checked"]
        assert [tag.name for tag in archive.get(notes).tags] == ["checked"]
    assert len(finished.args[0].imported) == FILES
    qtbot.waitUntil(lambda: not archive.index_lag.behind, timeout=60_000)
    assert [hit.id for hit in archive.search("tag:checked").hits] == [notes]
