"""The import bar at the bottom of the window: "Importing 37 of 120 · 2 failed" and Cancel.
Captures of web pages run through it too ("Capturing 1 of 3"), with the same report.

An import runs in the background through the TaskRunner; the window stays usable. Files
dropped while an import runs wait their turn and are imported next. Cancelling keeps every
source imported so far (each is one finished transaction in the archive).

The worker processes that read files are kept warm: started a moment after the window is up,
so that even the first import's workers are ready at once, and let go after a long while
without imports (they hold the importers' memory).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QProgressBar, QPushButton, QWidget

from archive_app.core.archive import Archive
from archive_app.core.import_report import ImportReport
from archive_app.core.ocr import READING_TEXT
from archive_app.core.progress import Progress
from archive_app.gui.core_text import translated
from archive_app.gui.tasks import Task, TaskContext, TaskRunner

REDRAW_MS = 100
"""The bar is redrawn at most this often: a fast import finishes files far quicker than that."""
WARM_UP_MS = 5_000
"""How long after the window is up the import workers are started (not during its first
paint and first search)."""
REST_AFTER_MS = 15 * 60 * 1000
"""How long after the last import the import workers are let go."""


class ImportPanel(QWidget):
    """The progress bar (objectName ``importProgress``) and its Cancel button, shown while an
    import runs (objectName ``importPanel``)."""

    started = Signal()
    sourceImported = Signal()
    """A file became a new source (the list may show it)."""
    finished = Signal(object)
    """An import ended, completed or cancelled (its :class:`ImportReport`)."""

    def __init__(
        self,
        archive: Archive,
        tasks: TaskRunner,
        parent: QWidget | None = None,
        *,
        warm_up_ms: int = WARM_UP_MS,
        rest_after_ms: int = REST_AFTER_MS,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("importPanel")
        self._archive = archive
        self._tasks = tasks
        self._task: Task | None = None
        self._waiting: list[Path] = []
        self._waiting_urls: list[str] = []
        self._verb = self.tr("Importing")
        self._failed = 0
        self._latest: Progress | None = None
        self._report: ImportReport | None = None
        self._redraw = QTimer(self, singleShot=True, interval=REDRAW_MS)
        self._redraw.timeout.connect(self._show_progress)
        self._rest = QTimer(self, singleShot=True, interval=rest_after_ms)
        self._rest.timeout.connect(self._let_workers_go)
        QTimer.singleShot(warm_up_ms, self, self._warm_up_workers)
        self.progress = QProgressBar(self)
        self.progress.setObjectName("importProgress")
        self.progress.setAccessibleName(self.tr("Import progress"))
        self.progress.setMinimumWidth(360)
        self.progress.setTextVisible(True)
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        self.cancel_button.setObjectName("cancelImport")
        self.cancel_button.setToolTip(self.tr("Stop importing; what was imported so far is kept"))
        self.cancel_button.clicked.connect(self.cancel)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 4, 0)
        layout.setSpacing(8)
        layout.addWidget(self.progress, 1)
        layout.addWidget(self.cancel_button)
        self.hide()

    @property
    def running(self) -> bool:
        return self._task is not None

    def import_paths(self, paths: Sequence[Path]) -> None:
        """Import files and folders; after the running import if there is one."""
        self._waiting.extend(paths)
        if self._task is None:
            self._start_next()

    def capture_urls(self, urls: Sequence[str]) -> None:
        """Capture web pages; after the running import or capture if there is one."""
        self._waiting_urls.extend(urls)
        if self._task is None:
            self._start_next()

    def cancel(self) -> None:
        if self._task is not None:
            self._waiting.clear()
            self._waiting_urls.clear()
            self._task.cancel()
            self.cancel_button.setEnabled(False)
            self.progress.setFormat(self.tr("Cancelling…"))

    def _start_next(self) -> None:
        paths, self._waiting = self._waiting, []
        urls = [] if paths else self._waiting_urls
        self._waiting_urls = self._waiting_urls if paths else []
        if not paths and not urls:
            return
        self._failed = 0
        self._verb = self.tr("Importing") if paths else self.tr("Capturing")
        self.progress.setRange(0, 0)
        self.progress.setFormat(self.tr("Looking for files…") if paths else self.tr("Connecting…"))
        self.cancel_button.setEnabled(True)
        self.show()
        archive = self._archive

        def work(context: TaskContext) -> ImportReport:
            if paths:
                return archive.import_paths(
                    paths, progress=context.progress, cancel=context.cancel_flag
                )
            from archive_app.capture.session import capture_pages  # httpx, cryptography

            return capture_pages(
                archive, urls, progress=context.progress, cancel=context.cancel_flag
            )

        self._task = self._tasks.run(
            work,
            on_success=self._succeeded,
            on_progress=self._progressed,
            on_finished=self._ended,
            label=self.tr("Import") if paths else self.tr("Capture"),
        )
        self.started.emit()

    def _progressed(self, progress: Progress) -> None:
        outcome = progress.outcome
        if outcome is not None and outcome.status == "failed":
            self._failed += 1
        if outcome is not None and outcome.status == "imported":
            self.sourceImported.emit()
        self._latest = progress
        if not self._redraw.isActive():  # at once, then at most every REDRAW_MS
            self._show_progress()
            self._redraw.start()

    def _show_progress(self) -> None:
        progress = self._latest
        cancelling = not self.cancel_button.isEnabled()
        if progress is None or progress.total <= 0 or cancelling or not self.running:
            return
        failed = self.tr(" · {failed} failed").format(failed=self._failed) if self._failed else ""
        if progress.message.startswith(READING_TEXT):  # scans read after they were imported
            self.progress.setFormat(translated(progress.message))
        else:
            self.progress.setFormat(
                self.tr("{verb} {done} of {total}{failed}").format(
                    verb=self._verb,
                    done=f"{progress.done:,}",
                    total=f"{progress.total:,}",
                    failed=failed,
                )
            )
        self.progress.setRange(0, progress.total)
        self.progress.setValue(progress.done)

    def _succeeded(self, report: ImportReport) -> None:
        self._report = report

    def _warm_up_workers(self) -> None:
        if self._task is None and self._archive.is_open:
            self._archive.pool.warm_up()
            self._rest.start()

    def _let_workers_go(self) -> None:
        if self._task is None and self._archive.is_open:
            self._archive.pool.close()

    def _ended(self) -> None:
        """The import is over (its report kept, or its error shown by the window)."""
        report, self._report = self._report, None
        self._task = None
        self._latest = None
        self._redraw.stop()
        self._rest.start()
        self.hide()
        if report is not None:
            self.finished.emit(report)
        self._start_next()
