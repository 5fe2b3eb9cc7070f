"""*OCR languages…*: the languages this archive's scans and photos of documents are read in,
the setting that ``archive-app ocr --save-languages`` changes, with what is installed and how to
install what is not."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from archive_app.core.archive import Archive
from archive_app.importers.ocr_languages import REGION_LANGUAGES, install_command, parse_languages


class OcrLanguagesDialog(QDialog):
    """Edit the archive's OCR languages; OK saves them."""

    def __init__(self, archive: Archive, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ocrLanguagesDialog")
        self.setWindowTitle(self.tr("OCR languages"))
        self.archive = archive
        self.installed = archive.ocr.installed_languages()
        layout = QVBoxLayout(self)
        explanation = QLabel(
            self.tr(
                "The languages scans and photos of documents are read in, as Tesseract's codes "
                "(eng rus hye) or two-letter codes (en ru hy). The archive's most common "
                "languages are added. Empty: {languages}."
            ).format(languages=" ".join(REGION_LANGUAGES)),
            self,
        )
        explanation.setWordWrap(True)
        layout.addWidget(explanation)
        self.field = QLineEdit(" ".join(archive.ocr.saved_languages()), self)
        self.field.setObjectName("ocrLanguagesField")
        self.field.setPlaceholderText(" ".join(REGION_LANGUAGES))
        self.field.setAccessibleName(self.tr("OCR languages"))
        self.field.textChanged.connect(self._update_notes)
        layout.addWidget(self.field)
        self.installed_note = QLabel(self)
        self.installed_note.setObjectName("ocrInstalledLanguages")
        self.installed_note.setWordWrap(True)
        self.installed_note.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        layout.addWidget(self.installed_note)
        self.missing_note = QLabel(self)
        self.missing_note.setObjectName("ocrMissingLanguages")
        self.missing_note.setWordWrap(True)
        self.missing_note.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.missing_note)
        layout.addStretch(1)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.setMinimumWidth(460)
        self._update_notes()

    def languages(self) -> list[str]:
        return parse_languages(self.field.text())

    def _update_notes(self) -> None:
        if self.installed:
            shown = " ".join(sorted(self.installed))
            self.installed_note.setText(
                self.tr("Installed here: {languages}.").format(languages=shown)
            )
        else:
            self.installed_note.setText(self.tr("Tesseract OCR is not installed here."))
        wanted = self.languages() or list(REGION_LANGUAGES)
        missing = [language for language in wanted if language not in self.installed]
        self.missing_note.setText(
            self.tr(
                "Not installed, so not read until installed: {languages}. Install with: {command}"
            ).format(languages=" ".join(missing), command=install_command(missing))
            if missing
            else ""
        )
        self.missing_note.setVisible(bool(missing))

    def accept(self) -> None:
        self.archive.ocr.set_languages(self.languages())
        super().accept()
