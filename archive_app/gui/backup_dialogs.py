"""*File › Back up…*, *Restore…* and *Automatic backups…*.

Backing up runs while the archive stays open (SQLite's online backup); restoring writes a new
archive into an empty folder and offers to open it. Both run through the window's one
:class:`TaskRunner` in a small dialog with progress and cancel. The automatic backup is checked
when the window opens and every hour after; it runs in the background and keeps the last N.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from archive_app.core.archive import Archive
from archive_app.core.errors import ArchiveError
from archive_app.core.messages import QT_TRANSLATE_NOOP
from archive_app.core.progress import Progress
from archive_app.export.backup import back_up_archive, restore
from archive_app.export.backup_schedule import (
    BackupSchedule,
    backup_due,
    run_scheduled_backup,
    save_schedule,
    schedule_of,
)
from archive_app.gui.core_text import translated
from archive_app.gui.error_label import ErrorLabel
from archive_app.gui.errors import describe_error
from archive_app.gui.tasks import Task, TaskContext, TaskRunner

CHECK_EVERY_MS = 60 * 60 * 1000
FIRST_CHECK_MS = 60 * 1000
BACKUP_FILTER = QT_TRANSLATE_NOOP("backup_dialogs", "Archive backups (*.tar *.tar.gz *.tgz)")


def ask_backup_file(parent: QWidget | None, suggestion: str) -> Path | None:
    name, _ = QFileDialog.getSaveFileName(
        parent,
        QCoreApplication.translate("backup_dialogs", "Back up the archive"),
        suggestion,
        QCoreApplication.translate("backup_dialogs", BACKUP_FILTER),
    )
    return Path(name) if name else None


def ask_backup_to_restore(parent: QWidget | None) -> Path | None:
    name, _ = QFileDialog.getOpenFileName(
        parent,
        QCoreApplication.translate("backup_dialogs", "Restore a backup"),
        "",
        QCoreApplication.translate("backup_dialogs", BACKUP_FILTER),
    )
    return Path(name) if name else None


def ask_restore_folder(parent: QWidget | None) -> Path | None:
    name, _ = QFileDialog.getSaveFileName(
        parent,
        QCoreApplication.translate(
            "backup_dialogs", "Restore into a new archive: choose its name and place"
        ),
        QCoreApplication.translate("backup_dialogs", "Restored archive"),
        "",
    )
    return Path(name) if name else None


def ask_open_restored(parent: QWidget | None, summary: str) -> bool:
    answer = QMessageBox.question(
        parent,
        QCoreApplication.translate("backup_dialogs", "Backup restored"),
        QCoreApplication.translate(
            "backup_dialogs", "{summary}\n\nOpen the restored archive now?"
        ).format(summary=summary),
    )
    return answer == QMessageBox.StandardButton.Yes


class TaskDialog(QDialog):
    """Long work with a progress bar and a Cancel button; closes itself when the work ends."""

    def __init__(self, title: str, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("taskDialog")
        self.setWindowTitle(title)
        self.setMinimumWidth(420)
        layout = QVBoxLayout(self)
        self.label = QLabel(text, self)
        self.label.setWordWrap(True)
        layout.addWidget(self.label)
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 0)
        layout.addWidget(self.progress)
        self.error = ErrorLabel("task", self)
        layout.addWidget(self.error)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.rejected.connect(self._cancel)
        layout.addWidget(self.buttons)
        self.task: Task | None = None
        self.outcome: Any = None

    def run(self, tasks: TaskRunner, work: Callable[[TaskContext], Any]) -> Task:
        self.task = tasks.run(
            work, on_success=self._succeeded, on_failure=self._failed, on_progress=self._progressed
        )
        self.open()
        return self.task

    def _progressed(self, progress: Progress) -> None:
        if progress.total:
            self.progress.setRange(0, progress.total)
            self.progress.setValue(progress.done)
        if progress.message:
            message = translated(progress.message)
            self.progress.setFormat(f"{message} %v/%m" if progress.total else message)

    def _succeeded(self, result: Any) -> None:
        self.outcome = result
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self.progress.hide()
        self.error.show_error(describe_error(error).message)
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Close)

    def _cancel(self) -> None:
        if self.task is not None and not self.task.done:
            self.task.cancel()
            self.label.setText(self.tr("Stopping…"))
            return
        self.reject()


class ScheduleDialog(QDialog):
    """Automatic backups: on or off, the folder, how often, how many to keep."""

    def __init__(self, archive: Archive, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("scheduleDialog")
        self.setWindowTitle(self.tr("Automatic backups"))
        self.archive = archive
        schedule = schedule_of(archive)
        layout = QVBoxLayout(self)
        self.enabled = QCheckBox(self.tr("Back this archive up automatically"), self)
        self.enabled.setObjectName("autoBackupEnabled")
        self.enabled.setChecked(schedule.enabled)
        layout.addWidget(self.enabled)
        form = QFormLayout()
        self.folder = QLineEdit(schedule.folder, self)
        self.folder.setObjectName("autoBackupFolder")
        self.folder.setMinimumWidth(320)
        choose = QPushButton(self.tr("Choose…"), self)
        choose.clicked.connect(self._choose_folder)
        row = QHBoxLayout()
        row.addWidget(self.folder, 1)
        row.addWidget(choose)
        form.addRow(self.tr("Into the folder:"), row)
        self.days = QSpinBox(self)
        self.days.setObjectName("autoBackupDays")
        self.days.setRange(1, 365)
        self.days.setValue(schedule.days)
        form.addRow(self.tr("Days between backups:"), _left(self.days))
        self.keep = QSpinBox(self)
        self.keep.setObjectName("autoBackupKeep")
        self.keep.setRange(1, 999)
        self.keep.setValue(schedule.keep)
        form.addRow(self.tr("Backups to keep:"), _left(self.keep))
        layout.addLayout(form)
        self.error = ErrorLabel("schedule", self)
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self._save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.enabled.toggled.connect(self._enable_fields)
        self._enable_fields(schedule.enabled)

    def _enable_fields(self, enabled: bool) -> None:
        for widget in (self.folder, self.days, self.keep):
            widget.setEnabled(enabled)

    def _choose_folder(self) -> None:
        name = QFileDialog.getExistingDirectory(self, self.tr("Where automatic backups go"))
        if name:
            self.folder.setText(name)

    def _save(self) -> None:
        folder = self.folder.text().strip() if self.enabled.isChecked() else ""
        try:
            save_schedule(
                self.archive, BackupSchedule(folder, self.days.value(), self.keep.value())
            )
        except ArchiveError as error:
            self.error.show_error(translated(error.message))
            return
        self.accept()


def _left(widget: QWidget) -> QHBoxLayout:
    """A narrow field kept at the left of its form row."""
    row = QHBoxLayout()
    widget.setMinimumWidth(80)
    row.addWidget(widget)
    row.addStretch(1)
    return row


class BackupTools(QObject):
    """The backup actions of one window and its automatic backup timer."""

    def __init__(
        self,
        window: QWidget,
        archive: Archive,
        tasks: TaskRunner,
        *,
        open_archive: Callable[[Path], None],
        show_message: Callable[[str], None],
    ) -> None:
        super().__init__(window)
        self.window = window
        self.archive = archive
        self.tasks = tasks
        self.open_archive = open_archive
        self.show_message = show_message
        self.dialog: QDialog | None = None
        self.back_up = QAction(self.tr("&Back up…"), window)
        self.back_up.setObjectName("backUp")
        self.back_up.setShortcut("Ctrl+Alt+B")
        self.back_up.setStatusTip(
            self.tr("Write the archive, with every original, to one backup file")
        )
        self.back_up.triggered.connect(self.ask_and_back_up)
        self.restore = QAction(self.tr("&Restore a backup…"), window)
        self.restore.setObjectName("restoreBackup")
        self.restore.setShortcut("Ctrl+Alt+R")
        self.restore.setStatusTip(self.tr("Restore a backup file into a new archive"))
        self.restore.triggered.connect(self.ask_and_restore)
        self.schedule = QAction(self.tr("&Automatic backups…"), window)
        self.schedule.setObjectName("autoBackups")
        self.schedule.setShortcut("Ctrl+Alt+A")
        self.schedule.triggered.connect(self.edit_schedule)
        self.scheduled_task: Task | None = None
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.back_up_if_due)
        self.timer.start(CHECK_EVERY_MS)
        QTimer.singleShot(FIRST_CHECK_MS, self.back_up_if_due)

    def actions(self) -> list[QAction]:
        return [self.back_up, self.restore, self.schedule]

    def ask_and_back_up(self) -> TaskDialog | None:
        stamp = datetime.now(UTC).strftime("%Y-%m-%d")
        target = ask_backup_file(
            self.window,
            f"{self.archive.path.name}-{stamp}.tar",
        )
        if target is None:
            return None
        archive = self.archive
        return self._run(
            TaskDialog(
                self.tr("Back up"),
                self.tr("Backing up the archive to {target}…").format(target=target),
                self.window,
            ),
            lambda context: back_up_archive(
                archive, target, progress=context.progress, cancel=context.cancel_flag
            ),
            self.show_message,
        )

    def ask_and_restore(self) -> TaskDialog | None:
        backup = ask_backup_to_restore(self.window)
        if backup is None:
            return None
        folder = ask_restore_folder(self.window)
        if folder is None:
            return None
        return self._run(
            TaskDialog(
                self.tr("Restore"),
                self.tr("Checking and restoring {name}…").format(name=backup.name),
                self.window,
            ),
            lambda context: restore(
                backup, folder, progress=context.progress, cancel=context.cancel_flag
            ),
            lambda summary: self._restored(summary, folder),
        )

    def _run(
        self,
        dialog: TaskDialog,
        work: Callable[[TaskContext], Any],
        done: Callable[[str], None],
    ) -> TaskDialog:
        """Run ``work`` in ``dialog``; ``done`` hears the summary of what it returned."""
        dialog.accepted.connect(lambda: done(translated(dialog.outcome.summary())))
        dialog.run(self.tasks, work)
        self.dialog = dialog
        return dialog

    def _restored(self, summary: str, folder: Path) -> None:
        self.show_message(summary)
        if ask_open_restored(self.window, summary):
            self.open_archive(folder)

    def edit_schedule(self) -> ScheduleDialog:
        dialog = ScheduleDialog(self.archive, self.window)
        dialog.accepted.connect(self.back_up_if_due)
        dialog.open()
        self.dialog = dialog
        return dialog

    def back_up_if_due(self) -> None:
        running = self.scheduled_task is not None and not self.scheduled_task.done
        if running or not self.archive.is_open or not backup_due(self.archive):
            return
        self.scheduled_task = self.tasks.run(
            lambda context: run_scheduled_backup(
                self.archive, progress=context.progress, cancel=context.cancel_flag
            ),
            on_success=lambda report: self.show_message(
                self.tr("Automatic backup: {summary}").format(summary=translated(report.summary()))
            ),
            label=self.tr("Automatic backup"),
        )
