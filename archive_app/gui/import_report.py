"""The report at the end of an import: what was imported, what was already in the archive, and
what failed with the reason. A non-modal window, so the person can keep working beside it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from archive_app.core.import_report import FileOutcome, ImportReport
from archive_app.core.messages import QT_TRANSLATE_NOOP
from archive_app.gui.core_text import translated
from archive_app.gui.icons import icon

STATUS_LABELS = {
    "imported": QT_TRANSLATE_NOOP("import_report", "Imported"),
    "duplicate": QT_TRANSLATE_NOOP("import_report", "Already in archive"),
    "failed": QT_TRANSLATE_NOOP("import_report", "Failed"),
}
STATUS_ICONS = {"imported": "imported", "duplicate": "duplicate", "failed": "failed"}
STATUS_ORDER = {"failed": 0, "duplicate": 1, "imported": 2}
HEADERS = (
    QT_TRANSLATE_NOOP("import_report", "Result"),
    QT_TRANSLATE_NOOP("import_report", "File"),
    QT_TRANSLATE_NOOP("import_report", "Details"),
)

Index = QModelIndex | QPersistentModelIndex


class ImportReportModel(QAbstractTableModel):
    """One row per file, failures first (they are what needs attention)."""

    def __init__(self, report: ImportReport, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._outcomes = sorted(report.outcomes, key=lambda o: STATUS_ORDER.get(o.status, 3))

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._outcomes)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        horizontal = orientation == Qt.Orientation.Horizontal
        if horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(HEADERS):
            return QCoreApplication.translate("import_report", HEADERS[section])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._outcomes):
            return None
        outcome = self._outcomes[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            name = outcome.url or Path(outcome.path).name
            return (_status(outcome), name, _details(outcome))[column]
        if role == Qt.ItemDataRole.ToolTipRole:
            return (_status(outcome), outcome.url or outcome.path, _details(outcome))[column]
        if role == Qt.ItemDataRole.DecorationRole and column == 0:
            return icon(STATUS_ICONS.get(outcome.status, "info"))
        return None


def _status(outcome: FileOutcome) -> str:
    return QCoreApplication.translate(
        "import_report", STATUS_LABELS.get(outcome.status, outcome.status)
    )


def _details(outcome: FileOutcome) -> str:
    if outcome.status == "failed":
        return translated(outcome.error)
    if outcome.status == "duplicate":
        return QCoreApplication.translate("import_report", "Same file as “{value}”").format(
            value=outcome.title or "untitled"
        )
    images = len(outcome.images)
    with_images = (
        ""
        if not images
        else QCoreApplication.translate("import_report", " (with 1 picture)")
        if images == 1
        else QCoreApplication.translate("import_report", " (with %n pictures)", "", images)
    )
    return (outcome.title or "(untitled)") + with_images


def summary_text(report: ImportReport) -> str:
    parts = [translated(report.imported_summary())]
    if report.duplicates:
        parts.append(
            QCoreApplication.translate("import_report", "{count:,} already in the archive").format(
                count=len(report.duplicates)
            )
        )
    if report.failed:
        parts.append(
            QCoreApplication.translate("import_report", "{count} failed").format(
                count=f"{len(report.failed):,}"
            )
        )
    text = " · ".join(parts)
    text = text[:1].upper() + text[1:]  # a heading begins with a capital in any language
    if report.cancelled:
        text += QCoreApplication.translate(
            "import_report", "<br>Cancelled: {not_attempted:,} files were not imported."
        ).format(not_attempted=report.not_attempted)
    if report.stopped_by:
        text += QCoreApplication.translate("import_report", "<br>Stopped: {reason}").format(
            reason=translated(report.stopped_by)
        )
    return text


class ImportReportDialog(QDialog):
    """The report (objectName ``importReport``); ``showSources`` selects the new sources."""

    showSources = Signal(list)

    def __init__(self, report: ImportReport, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("importReport")
        self.setWindowTitle(self.tr("Import report"))
        self.setModal(False)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.report = report
        heading = QLabel(f"<b>{summary_text(report)}</b>", self)
        heading.setObjectName("importSummary")
        heading.setWordWrap(True)
        self.table = QTableView(self)
        self.table.setObjectName("importOutcomes")
        self.table.setModel(ImportReportModel(report, self.table))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setShowGrid(False)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.resizeSection(0, 170)
        header.resizeSection(1, 240)
        header.setStretchLastSection(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.close)
        if report.new_source_ids:
            show = QPushButton(self.tr("Show imported sources"), self)
            buttons.addButton(show, QDialogButtonBox.ButtonRole.ActionRole)
            show.clicked.connect(lambda: self.showSources.emit(report.new_source_ids))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 16, 16, 12)
        layout.setSpacing(10)
        layout.addWidget(heading)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.resize(760, 420)
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setDefault(True)
        close.setFocus()
