"""Read-only facts in the inspector: where a source came from (its original file, checksum,
import), and what a photo says about itself. Values can be selected and copied."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDateTime, QLocale, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication, QPalette
from PySide6.QtWidgets import (
    QFormLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from archive_app.core.messages import QT_TRANSLATE_NOOP
from archive_app.core.model import Source
from archive_app.gui.chips import FlowLayout
from archive_app.gui.icons import icon
from archive_app.gui.reader.image_details import format_position, format_taken
from archive_app.gui.widgets import left_row, selectable_label

HASH_HEAD = 12
HASH_TAIL = 4


def short_hash(sha256: str) -> str:
    """``9f2c1a7be03d…41ab``: enough to recognise, the whole is in the tooltip."""
    if len(sha256) <= HASH_HEAD + HASH_TAIL + 1:
        return sha256
    return f"{sha256[:HASH_HEAD]}…{sha256[-HASH_TAIL:]}"


def format_moment(value: str) -> str:
    """A stored UTC moment in local time: ``25 November 2026, 14:02``."""
    moment = QDateTime.fromString(value, Qt.DateFormat.ISODate)
    if not moment.isValid():
        return value
    return QLocale().toString(moment.toLocalTime(), "d MMMM yyyy, HH:mm")


LONGEST_LABEL = QT_TRANSLATE_NOOP("facts", "Perspectives")
"""Every label column in the inspector is this wide, so the sections line up."""


def form_label(text: str, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
    label.setMinimumWidth(
        label.fontMetrics().horizontalAdvance(QCoreApplication.translate("facts", LONGEST_LABEL))
        + 2
    )
    return label


class FactList(QWidget):
    """Label–value rows, rebuilt for each source; unknown values are left out."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.form = QFormLayout(self)
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.form.setContentsMargins(0, 0, 0, 0)
        self.form.setHorizontalSpacing(12)
        self.form.setVerticalSpacing(5)

    def show_facts(self, facts: list[tuple[str, str]]) -> None:
        while self.form.rowCount():
            self.form.removeRow(0)
        for label, value in facts:
            name = form_label(label, self)
            field = selectable_label(self, f"fact{label.replace(' ', '')}")
            field.setText(value)
            field.setAccessibleName(label)
            self.form.addRow(name, field)
        self.setVisible(bool(facts))


def photo_essentials(source: Source) -> list[tuple[str, str]]:
    """What a photo says about itself, as (label, value), leaving out what it does not say."""
    metadata = source.metadata
    own = [c for c in source.captions if c.image_source_id in (None, source.id)]
    facts = [
        (
            QCoreApplication.translate("facts", "Caption"),
            own[0].text if own else str(metadata.get("caption") or ""),
        ),
        (
            QCoreApplication.translate("facts", "Credit"),
            str(metadata.get("credit") or (own[0].credit if own else "")),
        ),
        (QCoreApplication.translate("facts", "Creator"), str(metadata.get("creator") or "")),
        (QCoreApplication.translate("facts", "Copyright"), str(metadata.get("copyright") or "")),
        (
            QCoreApplication.translate("facts", "Taken"),
            format_taken(str(metadata.get("taken_at") or "")),
        ),
        (QCoreApplication.translate("facts", "Camera"), str(metadata.get("camera") or "")),
        (QCoreApplication.translate("facts", "Position"), format_position(metadata.get("gps"))),
    ]
    return [(label, value) for label, value in facts if value]


class ProvenanceSection(QWidget):
    """The original file and its import, with buttons to open it or its folder."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._original: Path | None = None
        self._sha256 = ""
        self.facts = QFormLayout()
        self.facts.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.facts.setContentsMargins(0, 0, 0, 0)
        self.facts.setHorizontalSpacing(12)
        self.facts.setVerticalSpacing(5)
        self.file_name = selectable_label(self, "originalName")
        self.checksum = selectable_label(self, "checksum")
        self.checksum.setWordWrap(False)
        self.checksum.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        self.checksum.setAccessibleName("SHA-256")
        self.copy_checksum = QToolButton(self)
        self.copy_checksum.setObjectName("copyChecksumButton")
        self.copy_checksum.setIcon(icon("copy"))
        self.copy_checksum.setAutoRaise(True)
        self.copy_checksum.setToolTip(self.tr("Copy the whole SHA-256"))
        self.copy_checksum.setAccessibleName(self.tr("Copy the SHA-256"))
        self.copy_checksum.clicked.connect(self._copy_checksum)
        checksum_row = left_row(2, self.checksum, self.copy_checksum)
        self.file_size = selectable_label(self, "originalSize")
        self.imported = selectable_label(self, "importedAt")
        self.importer = selectable_label(self, "importerVersion")
        for text, widget in (
            (self.tr("File"), self.file_name),
            ("SHA-256", checksum_row),
            (self.tr("Size"), self.file_size),
            (self.tr("Imported"), self.imported),
            (self.tr("Importer"), self.importer),
        ):
            self.facts.addRow(form_label(text, self), widget)
        self.open_original = QPushButton(icon("open-original"), self.tr("Open original"), self)
        self.open_original.setObjectName("openOriginalButton")
        self.open_original.clicked.connect(self._open_original)
        self.show_folder = QPushButton(icon("show-folder"), self.tr("Show in folder"), self)
        self.show_folder.setObjectName("showInFolderButton")
        self.show_folder.clicked.connect(self._show_folder)
        buttons = QWidget(self)
        flow = FlowLayout(buttons)  # side by side, one under the other when the pane is narrow
        flow.addWidget(self.open_original)
        flow.addWidget(self.show_folder)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        layout.addLayout(self.facts)
        layout.addWidget(buttons)

    def show_source(self, source: Source, original: Path) -> None:
        provenance = source.provenance
        self._original = original
        self._sha256 = provenance.sha256
        self.file_name.setText(provenance.original_name)
        self.checksum.setText(short_hash(provenance.sha256))
        self.checksum.setToolTip(provenance.sha256)
        self.file_size.setText(QLocale().formattedDataSize(provenance.size))
        self.imported.setText(format_moment(provenance.imported_at))
        self.importer.setText(provenance.importer_version)
        present = original.is_file()
        missing = self.tr("The original file is missing from the archive folder.")
        for button in (self.open_original, self.show_folder):
            button.setEnabled(present)
            button.setToolTip("" if present else missing)
        self.open_original.setToolTip(str(original) if present else missing)

    def _copy_checksum(self) -> None:
        QGuiApplication.clipboard().setText(self._sha256)

    def _open_original(self) -> None:
        if self._original is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self._original)))

    def _show_folder(self) -> None:
        if self._original is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self._original.parent)))
