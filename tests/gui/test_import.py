"""The import bar and the import report: progress, cancel, and what happened to every file."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton
from pytestqt.qtbot import QtBot

from archive_app.core.archive import Archive
from archive_app.core.check import check_archive
from archive_app.core.import_report import ImportReport
from archive_app.gui.import_panel import ImportPanel
from archive_app.gui.import_report import ImportReportDialog, ImportReportModel
from archive_app.gui.tasks import TaskRunner
from tests.fixtures.make_pages import save_complete_page
from tests.helpers import write_file


@pytest.fixture
def panel(qtbot: QtBot, archive: Archive, task_runner: TaskRunner) -> Iterator[ImportPanel]:
    widget = ImportPanel(archive, task_runner)
    yield widget
    # qtbot.addWidget would delete the widget before this: answers must not outlive it
    qtbot.waitUntil(lambda: not task_runner.running)
    widget.close()
    widget.deleteLater()


def texts(folder: Path, count: int, prefix: str = "note") -> list[Path]:
    return [
        write_file(folder, f"{prefix}-{n:03}.txt", f"{prefix} {n}\n\nAbout the Hakari bridge {n}.")
        for n in range(count)
    ]


def run_import(qtbot: QtBot, panel: ImportPanel, paths: list[Path]) -> ImportReport:
    with qtbot.waitSignal(panel.finished, timeout=60_000) as finished:
        panel.import_paths(paths)
    report = finished.args[0]
    assert isinstance(report, ImportReport)
    return report


def test_an_import_shows_its_progress_and_ends_with_a_report(
    qtbot: QtBot, panel: ImportPanel, tmp_path: Path
) -> None:
    texts(tmp_path / "in", 40)  # enough work to span several redraws of the bar
    write_file(tmp_path / "in", "0-table.xyz", "not a source")
    formats: list[str] = []
    panel.progress.valueChanged.connect(lambda _value: formats.append(panel.progress.text()))
    with qtbot.waitSignal(panel.finished, timeout=60_000) as finished:
        with qtbot.waitSignal(panel.started):
            panel.import_paths([tmp_path / "in"])
        assert panel.isVisible()
        assert panel.running
    report = finished.args[0]
    assert len(report.imported) == 40
    assert len(report.failed) == 1
    assert not panel.running
    assert any(text.startswith("Importing") and "of 41" in text for text in formats)
    assert any("1 failed" in text for text in formats)


def test_the_same_files_again_are_duplicates(
    qtbot: QtBot, panel: ImportPanel, tmp_path: Path
) -> None:
    files = texts(tmp_path / "in", 3)
    run_import(qtbot, panel, files)
    again = run_import(qtbot, panel, files)
    assert len(again.duplicates) == 3
    assert not again.imported


def test_files_dropped_during_an_import_are_imported_next(
    qtbot: QtBot, panel: ImportPanel, archive: Archive, tmp_path: Path
) -> None:
    first = texts(tmp_path / "first", 20, "first")
    second = texts(tmp_path / "second", 3, "second")
    reports: list[ImportReport] = []
    panel.finished.connect(reports.append)
    panel.import_paths(first)
    panel.import_paths(second)
    qtbot.waitUntil(lambda: len(reports) == 2 and not panel.running, timeout=60_000)
    assert [len(report.imported) for report in reports] == [20, 3]
    assert archive.count_sources() == 23


def test_cancel_keeps_what_was_imported(
    qtbot: QtBot, panel: ImportPanel, archive: Archive, tmp_path: Path
) -> None:
    files = texts(tmp_path / "many", 150)
    imported: list[int] = []

    def cancel_after_five() -> None:
        imported.append(1)
        if len(imported) == 5:
            qtbot.mouseClick(panel.cancel_button, Qt.MouseButton.LeftButton)

    panel.sourceImported.connect(cancel_after_five)
    with qtbot.waitSignal(panel.finished, timeout=60_000) as finished:
        panel.import_paths(files)
    report = finished.args[0]
    assert report.cancelled
    assert 5 <= len(report.imported) < 150
    assert archive.count_sources() == len(report.imported)
    assert archive.search("Hakari", limit=500).total == len(report.imported)
    assert check_archive(archive).healthy


def test_the_report_model_passes_the_model_tester(
    qtbot: QtBot, qtmodeltester: object, panel: ImportPanel, tmp_path: Path
) -> None:
    files = texts(tmp_path / "in", 2)
    files.append(write_file(tmp_path / "in", "empty.txt", ""))
    report = run_import(qtbot, panel, [*files, files[0]])
    qtmodeltester.check(ImportReportModel(report))  # type: ignore[attr-defined]


def test_the_report_puts_failures_first_with_their_reasons(
    qtbot: QtBot, panel: ImportPanel, tmp_path: Path
) -> None:
    good = texts(tmp_path / "in", 2)
    empty = write_file(tmp_path / "in", "empty.txt", "")
    report = run_import(qtbot, panel, [*good, empty])
    again = run_import(qtbot, panel, [good[0]])
    dialog = ImportReportDialog(report)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.isModal()
    model = dialog.table.model()
    assert model.index(0, 0).data() == "Failed"
    assert model.index(0, 1).data() == "empty.txt"
    assert "empty" in model.index(0, 2).data()
    summary = dialog.findChild(QLabel, "importSummary")
    assert summary is not None
    assert "2 imported · 1 failed" in summary.text()
    duplicate = ImportReportDialog(again)
    qtbot.addWidget(duplicate)
    assert duplicate.table.model().index(0, 0).data() == "Already in archive"


def test_a_saved_page_s_photos_are_counted_and_named_by_the_page(
    qtbot: QtBot, archive: Archive, panel: ImportPanel, tmp_path: Path
) -> None:
    save_complete_page(tmp_path)
    report = run_import(qtbot, panel, [tmp_path])
    dialog = ImportReportDialog(report)
    qtbot.addWidget(dialog)
    dialog.show()
    summary = dialog.findChild(QLabel, "importSummary")
    assert summary is not None
    assert "3 imported (2 photos saved with their pages)" in summary.text()
    photos = [archive.get(source_id) for source_id in report.imported[0].images]
    assert sorted(photo.title for photo in photos) == [
        "Scaffolding around the dome, photographed from the square.",
        "The cathedral's damaged dome in May 2021.",
    ]
    assert {(photo.site_name, photo.published) for photo in photos} == {
        ("Highland Herald", "2021-05-12")
    }


def test_show_imported_sources_asks_for_the_new_ids(
    qtbot: QtBot, panel: ImportPanel, tmp_path: Path
) -> None:
    report = run_import(qtbot, panel, texts(tmp_path / "in", 2))
    dialog = ImportReportDialog(report)
    qtbot.addWidget(dialog)
    dialog.show()
    button = next(
        b for b in dialog.findChildren(QPushButton) if b.text() == "Show imported sources"
    )
    with qtbot.waitSignal(dialog.showSources) as shown:
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert sorted(shown.args[0]) == sorted(report.new_source_ids)


def test_the_import_workers_are_warm_before_the_first_import_and_let_go_when_idle(
    qtbot: QtBot, archive: Archive, task_runner: TaskRunner, tmp_path: Path
) -> None:
    panel = ImportPanel(archive, task_runner, warm_up_ms=0, rest_after_ms=1_000)
    try:
        assert not archive.pool.warm
        qtbot.waitUntil(lambda: archive.pool.warm)
        report = run_import(qtbot, panel, texts(tmp_path, 3))
        assert len(report.imported) == 3
        assert archive.pool.warm
        qtbot.waitUntil(lambda: not archive.pool.warm, timeout=10_000)
        assert len(run_import(qtbot, panel, texts(tmp_path, 2, "later")).imported) == 2
    finally:
        qtbot.waitUntil(lambda: not task_runner.running)
        panel.close()
        panel.deleteLater()
