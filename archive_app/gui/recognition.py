"""*Recognise text*: read the text of the selected scans and photos with OCR, in the background.

Scanned PDFs are read when they are imported; a photo is read only when asked, since most
photos are not documents. Without Tesseract, the window says once (not at every file) how to
install it.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

from archive_app.core.archive import Archive
from archive_app.core.errors import OcrUnavailableError
from archive_app.core.import_report import ImportReport
from archive_app.core.messages import QT_TRANSLATE_NOOP
from archive_app.core.ocr import OcrReport
from archive_app.gui.core_text import translated
from archive_app.gui.ocr_languages import OcrLanguagesDialog
from archive_app.gui.tasks import Task, TaskContext, TaskRunner
from archive_app.importers.ocr_languages import REGION_LANGUAGES, install_command

PICTURED_KINDS = ("pdf", "image")
RECOGNISE_TIP = QT_TRANSLATE_NOOP(
    "recognition", "Read the text of the selected scans and photos (OCR)"
)


class TextRecognition(QObject):
    """The *Recognise text* action (Ctrl+Shift+O) over the sources ``selected()`` returns,
    and *OCR languages…*, the languages it reads in."""

    textRead = Signal(list)
    """The ids of the sources whose text was read (the list and the reader show it again)."""
    failed = Signal(object)
    """An error to show: OCR not installed, a language pack missing."""
    finished = Signal(str)
    """What was read, in a sentence for the status bar."""
    progressed = Signal(str)
    """How far the reading is ("Reading text: page 3 of 12"), for the status bar."""

    def __init__(
        self,
        archive: Archive,
        tasks: TaskRunner,
        selected: Callable[[], list[int]],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.archive = archive
        self.tasks = tasks
        self.selected = selected
        self._told_missing = False
        self._task: Task | None = None
        self.action = QAction(self.tr("Recognise &text"), self)
        self.action.setObjectName("recogniseText")
        self.action.setShortcut(QKeySequence("Ctrl+Shift+O"))
        self.action.setStatusTip(QCoreApplication.translate("recognition", RECOGNISE_TIP))
        self.action.triggered.connect(self.recognise_selected)
        self.languages_action = QAction("OCR &languages…", self)
        self.languages_action.setObjectName("ocrLanguages")
        self.languages_action.setStatusTip("The languages scans and photos are read in")
        self.languages_action.triggered.connect(self.edit_languages)
        self.languages_dialog: OcrLanguagesDialog | None = None

    def edit_languages(self) -> OcrLanguagesDialog:
        """Open the dialog of the archive's OCR languages (saved when it is accepted)."""
        window = self.parent()
        dialog = OcrLanguagesDialog(self.archive, window if isinstance(window, QWidget) else None)
        dialog.accepted.connect(
            lambda: self.finished.emit(
                f"Scans will be read in {'+'.join(self.archive.ocr.languages())}."
            )
        )
        dialog.open()
        self.languages_dialog = dialog
        return dialog

    def recognise_selected(self) -> None:
        """Read the selected scans and photos; while a reading runs, stop it instead."""
        if self._task is not None:
            self._task.cancel()
            return
        ids = [
            source_id
            for source_id in self.selected()
            if self.archive.get(source_id).kind in PICTURED_KINDS
        ]
        if not ids:
            self.finished.emit("Only PDFs and pictures have text to read by OCR.")
            return
        if not self.archive.ocr.engine_version():
            self._tell_missing(force=True)
            return
        archive = self.archive

        def work(context: TaskContext) -> OcrReport:
            return archive.ocr.recognise(ids, progress=context.progress, cancel=context.cancel_flag)

        self._task = self.tasks.run(
            work,
            on_success=self._read,
            on_failure=self.failed.emit,
            on_progress=lambda progress: self.progressed.emit(translated(progress.message)),
            on_finished=self._ended,
            label=self.tr("Recognising text"),
        )
        self.action.setText(self.tr("Stop recognising &text"))
        self.action.setStatusTip(self.tr("Stop reading; the pages read so far are kept"))

    def _ended(self) -> None:
        self._task = None
        self.action.setText(self.tr("Recognise &text"))
        self.action.setStatusTip(QCoreApplication.translate("recognition", RECOGNISE_TIP))

    def import_finished(self, report: ImportReport) -> None:
        """After an import: say once that scans were kept unread because OCR is missing."""
        if self._told_missing or self.archive.ocr.engine_version():
            return
        if self.archive.ocr.scans_among(report.new_source_ids):
            self._tell_missing(force=False)

    def _tell_missing(self, *, force: bool) -> None:
        if self._told_missing and not force:
            return
        self._told_missing = True
        self.failed.emit(
            OcrUnavailableError(
                self.tr(
                    "Scans and photos of documents cannot be read, because Tesseract OCR is not "
                    "installed; they are kept, and can be read once it is. Install it with: "
                    "{install_command}"
                ).format(install_command=install_command(REGION_LANGUAGES))
            )
        )

    def _read(self, report: OcrReport) -> None:
        pages = sum(len(outcome.pages_read) for outcome in report.outcomes)
        unread = sum(len(outcome.unread) for outcome in report.outcomes)
        sources = len(report.outcomes)
        read = (
            self.tr("Text read from 1 page")
            if pages == 1
            else self.tr("Text read from %n pages", "", pages)
        )
        of = self.tr(" of 1 source") if sources == 1 else self.tr(" of %n sources", "", sources)
        message = f"{read}{of} ({'+'.join(report.languages)})"
        if report.cancelled:
            message += self.tr("; stopped before the rest")
        elif unread:
            message += (
                self.tr("; 1 page could not be read")
                if unread == 1
                else self.tr("; %n pages could not be read", "", unread)
            )
        self.finished.emit(message + ".")
        self.textRead.emit([outcome.source_id for outcome in report.outcomes])
