"""Long work runs off the GUI thread: the window keeps drawing an import's progress while it
imports, and shows a long source at once with its matches marked a moment later. How long the GUI
thread is held at worst is measured by ``benchmarks/bench_responsiveness.py`` (timings on a shared
machine are too noisy to assert).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from pytestqt.qtbot import QtBot

from archive_app.core.archive import Archive
from archive_app.gui.main_window import MainWindow
from archive_app.gui.reader.text_matches import BACKGROUND_TEXT_CHARS
from archive_app.gui.reader.text_reader import SEARCH_LAYER
from archive_app.gui.settings import AppSettings
from archive_app.importers.document import Block, ExtractedDocument
from tests.gui.window_helpers import click_title, type_search
from tests.helpers import StoreDocument, write_file

FILES = 300
LONG_PARAGRAPHS = 6_000
"""About 2.8 MB of text, a match in every tenth paragraph."""


@pytest.mark.slow
def test_the_window_draws_the_progress_of_an_import_of_300_files_while_it_runs(
    qtbot: QtBot, archive: Archive, app_settings: AppSettings, tmp_path: Path
) -> None:
    folder = tmp_path / "reports"
    for number in range(FILES):
        paragraphs = "\n\n".join(
            f"Paragraph {p} of report {number}: convoys crossed the Hakari bridge while "
            f"officials in Khankendi and Stepanakert counted the departures."
            for p in range(8)
        )
        write_file(folder, f"report-{number:03}.txt", f"Report {number}\n\n{paragraphs}")
    window = MainWindow(archive, app_settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    seen: set[int] = set()
    progress = window.import_panel.progress
    timer = QTimer(interval=15)
    timer.timeout.connect(lambda: seen.add(progress.value()) if progress.isVisible() else None)
    with qtbot.waitSignal(window.import_panel.finished, timeout=300_000) as finished:
        timer.start()
        window.import_paths([folder])
    qtbot.waitUntil(lambda: len(window.source_list.selected_ids()) == FILES)  # the end, shown
    timer.stop()
    assert len(finished.args[0].imported) == FILES
    counted = sorted(value for value in seen if 0 < value < FILES)
    assert len(counted) >= 3, f"the GUI thread saw the import's progress at {counted} only"
    window.close()


def long_report() -> ExtractedDocument:
    paragraph = (
        "Convoys crossed the Hakari bridge while officials counted the departures; refugees "
        "waited at the checkpoint for the humanitarian corridor to open again. "
    ) * 3
    blocks = [Block("heading", "A long report", level=1)]
    for number in range(LONG_PARAGRAPHS):
        ending = f" Paragraph {number} was written in Stepanakert." if number % 10 == 0 else ""
        blocks.append(Block("paragraph", paragraph + ending))
    return ExtractedDocument(kind="article", title="A long report", blocks=blocks)


def short_report() -> ExtractedDocument:
    return ExtractedDocument(
        kind="article",
        title="A short report",
        blocks=[Block("paragraph", "Officials in Stepanakert counted the departures.")],
    )


@pytest.fixture
def searched_window(
    qtbot: QtBot,
    archive: Archive,
    store_document: StoreDocument,
    make_window: Callable[[Archive], MainWindow],
) -> MainWindow:
    """A window over a long and a short report, both listed by a search for Stepanakert."""
    store_document(long_report())
    store_document(short_report())
    window = make_window(archive)
    type_search(qtbot, window, "Stepanakert")
    qtbot.waitUntil(lambda: window.source_list.model.rowCount() == 2)
    return window


@pytest.mark.slow
def test_a_long_source_shows_at_once_and_its_matches_arrive_a_moment_later(
    qtbot: QtBot, archive: Archive, searched_window: MainWindow
) -> None:
    window = searched_window
    reader = window.reader
    with qtbot.waitSignal(reader.text_reader.hitsFound, timeout=60_000) as found:
        source_id = click_title(qtbot, window, "A long report")
        assert reader.source_id == source_id
        assert reader.text_reader.view.reading is not None  # the text is shown at once
        assert reader.hit_navigator.counter.text() == "Finding matches…"
    megabytes = len(archive.get(source_id).body) / 1_000_000
    assert megabytes * 1_000_000 > 20 * BACKGROUND_TEXT_CHARS
    expected = LONG_PARAGRAPHS // 10
    assert found.args == [expected]
    assert len(reader.text_reader.view.marks(SEARCH_LAYER)) == expected
    assert reader.hit_navigator.counter.text() == f"1 of {expected}"


@pytest.mark.slow
def test_matches_of_a_long_source_left_before_they_arrive_are_dropped(
    qtbot: QtBot, searched_window: MainWindow
) -> None:
    window = searched_window
    reader = window.reader
    with qtbot.assertNotEmitted(reader.text_reader.hitsFound, wait=0):
        click_title(qtbot, window, "A long report")
        assert reader.hit_navigator.counter.text() == "Finding matches…"
        click_title(qtbot, window, "A short report")
        qtbot.waitUntil(lambda: not window.tasks.running, timeout=60_000)
    assert len(reader.text_reader.view.marks(SEARCH_LAYER)) == 1
    assert reader.hit_navigator.counter.text() == "1 of 1"
