"""The open archive and its window, from start-up until the program ends.

Opening goes through one place, so every way of choosing an archive (``--archive``, the last
one, File > Open, File > New archive, Open recent) gets the same clear dialog when the archive
cannot be opened: in use by another program, damaged, written by a newer version, or a folder
that holds other things.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QEventLoop, QObject, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QProgressDialog, QWidget

from archive_app.core.archive import Archive
from archive_app.core.index import IndexUpdateError
from archive_app.core.progress import CancelToken, Progress, ProgressCallback
from archive_app.gui import dialogs
from archive_app.gui.dialogs import AfterOpenFailure
from archive_app.gui.errors import describe_error
from archive_app.gui.main_window import MainWindow
from archive_app.gui.settings import AppSettings
from archive_app.gui.tasks import TaskContext, TaskRunner

Opener = Callable[[Path, bool, ProgressCallback, CancelToken], Archive]
SHOW_PROGRESS_AFTER_MS = 400


def open_archive(
    path: Path, create: bool, progress: ProgressCallback, cancel: CancelToken
) -> Archive:
    return Archive.open(path, create=create, progress=progress, cancel=cancel)


class OpeningProgress(QProgressDialog):
    """Shown when opening takes a while: the index of a large archive being rebuilt (after
    an upgrade, or when it was damaged) takes minutes, and can be cancelled."""

    def __init__(self, path: Path, parent: QWidget | None) -> None:
        super().__init__(
            self.tr("Opening “{name}”…").format(name=path.name), self.tr("Cancel"), 0, 0, parent
        )
        self.setObjectName("openingProgress")
        self.setWindowTitle(self.tr("Opening archive"))
        self.setWindowModality(Qt.WindowModality.ApplicationModal)
        self.setMinimumDuration(SHOW_PROGRESS_AFTER_MS)
        self.setAutoReset(False)
        self.setAutoClose(False)

    def show_progress(self, progress: Progress) -> None:
        if progress.total <= 0:
            return
        self.setLabelText(
            self.tr("Rebuilding the search index: {done:,} of {total:,} sources").format(
                done=progress.done, total=progress.total
            )
        )
        self.setMaximum(progress.total)
        self.setValue(progress.done)


class WindowSession(QObject):
    """Holds the one open archive and its window; replaces both when another is opened."""

    def __init__(self, settings: AppSettings, opener: Opener = open_archive) -> None:
        super().__init__()
        self.settings = settings
        self._opener = opener
        self._tasks = TaskRunner(self.show_error, parent=self)
        self.archive: Archive | None = None
        self.window: MainWindow | None = None

    def start(self, requested: Path | None, fallback: Path) -> bool:
        """Open the requested archive, else the last one, else ``fallback``; False if the
        person chose to quit instead."""
        if requested is not None:
            return self.open(requested, create=True)
        last = self.settings.last_archive
        if last is not None:
            return self.open(last, create=False)
        return self.open(fallback, create=True)

    def open(self, path: Path, *, create: bool) -> bool:
        """Open ``path`` in a new window (closing the current one). When it cannot be opened,
        ask what to do; False when the person gave up (the current window stays)."""
        if self.archive is not None and path.expanduser().resolve() == self.archive.path:
            if self.window is not None:
                self.window.activateWindow()
            return True
        target: Path | None = path
        while target is not None:
            archive, problem = self._try_open(target, create)
            if archive is not None:
                self._show(archive)
                return True
            target, create = self._after_failure(target, problem)
        return False

    def launched_again(self, files: list[Path], archive: Path | None) -> None:
        """Another launch handed us its files (and maybe an archive): come to the front,
        open that archive if it is another one, and import the files."""
        if archive is not None and not self.open(archive, create=True):
            return
        if self.window is not None:
            self.window.setWindowState(self.window.windowState() & ~Qt.WindowState.WindowMinimized)
            self.window.raise_()
            self.window.activateWindow()
        self.import_files(files)

    def import_files(self, files: Sequence[Path]) -> None:
        """Import files given on the command line or by the desktop into the open archive."""
        if files and self.window is not None:
            self.window.import_paths(files)

    def show_error(self, error: BaseException) -> None:
        if self.window is not None:
            self.window.show_error(error)

    def close(self) -> None:
        if self.window is not None:
            self.window.close()
            self.window.deleteLater()
            self.window = None
        if self.archive is not None:
            self.archive.close()
            self.archive = None

    def _try_open(self, path: Path, create: bool) -> tuple[Archive | None, BaseException | None]:
        """Open off the GUI thread, with a progress dialog if it takes a while; the window
        (if any) waits, repainted, under the dialog."""
        outcome: list[Archive | BaseException] = []
        waiting = QEventLoop()
        dialog = OpeningProgress(path, self.window)

        def work(context: TaskContext) -> Archive:
            return self._opener(path, create, context.progress, context.cancel_flag)

        task = self._tasks.run(
            work,
            on_success=outcome.append,
            on_failure=outcome.append,
            on_progress=dialog.show_progress,
            on_finished=waiting.quit,
            label=self.tr("Opening archive"),
        )
        dialog.canceled.connect(task.cancel)
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            waiting.exec()
        finally:
            QGuiApplication.restoreOverrideCursor()
            dialog.deleteLater()
        result = outcome[0]
        if isinstance(result, Archive):
            return result, None
        return None, result

    def _after_failure(self, path: Path, problem: BaseException | None) -> tuple[Path | None, bool]:
        """The next archive to try, and whether it may be created."""
        report = describe_error(problem) if problem is not None else None
        parent: QWidget | None = self.window
        choice = dialogs.ask_after_open_failure(
            parent,
            path,
            report.message if report else "",
            report.details if report and report.is_bug else "",
        )
        if choice == AfterOpenFailure.RETRY:
            return path, False
        if choice == AfterOpenFailure.OPEN_OTHER:
            other = dialogs.ask_archive_to_open(parent)
            return (other, False) if other is not None else (path, False)
        if choice == AfterOpenFailure.CREATE_NEW:
            new = dialogs.ask_new_archive_folder(parent)
            return (new, True) if new is not None else (path, False)
        return None, False

    def _show(self, archive: Archive) -> None:
        old_window, old_archive = self.window, self.archive
        self.archive = archive
        self.window = MainWindow(archive, self.settings)
        self.window.openArchiveRequested.connect(lambda p: self.open(p, create=False))
        self.window.newArchiveRequested.connect(lambda p: self.open(p, create=True))
        self.settings.remember_archive(archive.path)
        self.window.show()
        problem = archive.index_lag.problem
        if problem:
            self.window.show_error(IndexUpdateError(problem))
        if old_window is not None:
            old_window.close()
            old_window.deleteLater()
        if old_archive is not None:
            old_archive.close()
