"""The *History* tab: the audit trail of the source being read, newest first, and its
provenance report.

Each entry shows when, who and what; unfolding it shows the reason and every value before and
after. Nothing here edits the trail (nothing can). *Provenance report…* writes the source's
report as PDF or HTML in the background and opens it.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QUrl
from PySide6.QtGui import QDesktopServices, QShowEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from archive_app.core.archive import Archive
from archive_app.core.audit import AuditEntry
from archive_app.core.messages import QT_TRANSLATE_NOOP
from archive_app.export.provenance import write_provenance
from archive_app.gui.sources.model import local_time
from archive_app.gui.tasks import TaskRunner

ACTION_NAMES = {
    "import": QT_TRANSLATE_NOOP("history_tab", "Imported"),
    "edit": QT_TRANSLATE_NOOP("history_tab", "Edited"),
    "undo": QT_TRANSLATE_NOOP("history_tab", "Undone"),
    "redo": QT_TRANSLATE_NOOP("history_tab", "Redone"),
    "trash": QT_TRANSLATE_NOOP("history_tab", "Trashed"),
    "restore": QT_TRANSLATE_NOOP("history_tab", "Restored"),
    "export": QT_TRANSLATE_NOOP("history_tab", "Exported"),
    "empty trash": QT_TRANSLATE_NOOP("history_tab", "Destroyed"),
}


def ask_report_path(parent: QWidget | None, suggested: str) -> Path | None:
    """Where to write a provenance report; tests replace this."""
    name, _ = QFileDialog.getSaveFileName(
        parent,
        QCoreApplication.translate("history_tab", "Provenance report"),
        suggested,
        QCoreApplication.translate("history_tab", "PDF (*.pdf);;Web page (*.html)"),
    )
    return Path(name) if name else None


def open_report(path: Path) -> None:
    """Show a written report in the desktop's viewer; tests replace this."""
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


class HistoryTab(QWidget):
    def __init__(self, archive: Archive, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("historyTab")
        self.archive = archive
        self.tasks = tasks
        self.source_id: int | None = None
        self._stale = True
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("historyList")
        self.tree.setHeaderLabels([self.tr("When"), self.tr("Who"), self.tr("What")])
        self.tree.setColumnWidth(0, 140)
        self.tree.setColumnWidth(1, 120)
        self.tree.setAccessibleName(self.tr("History"))
        self.report_button = QPushButton(self.tr("Provenance report…"), self)
        self.report_button.setToolTip(
            self.tr(
                "Write where this source came from and everything that happened to it, with its "
                "original hashed again now, as PDF or HTML"
            )
        )
        self.report_button.clicked.connect(self.write_report)
        bottom = QHBoxLayout()
        bottom.addWidget(self.summary, 1)
        bottom.addWidget(self.report_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self.tree, 1)
        layout.addLayout(bottom)
        self.show_source(None)

    def show_source(self, source_id: int | None) -> None:
        self.source_id = source_id
        self.reload()

    def reload(self) -> None:
        """Read the source's trail again; when hidden, once it is next shown."""
        if not self.isVisible():
            self._stale = True
            return
        self._stale = False
        self.tree.clear()
        self.report_button.setEnabled(self.source_id is not None)
        if self.source_id is None:
            self.summary.setText(self.tr("No source selected."))
            return
        entries = self.archive.audit.entries(self.source_id)
        for entry in reversed(entries):
            self.tree.addTopLevelItem(_item(entry))
        count = self.tr("1 entry") if len(entries) == 1 else self.tr("%n entries", "", len(entries))
        self.summary.setText(
            self.tr("{count} in the audit trail, which nobody can change unseen.").format(
                count=count
            )
        )

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.reload()

    def write_report(self) -> None:
        if self.source_id is None:
            return
        path = ask_report_path(self, f"provenance-{self.source_id}.pdf")
        if path is None:
            return
        archive, source_id = self.archive, self.source_id
        self.tasks.run(
            lambda context: write_provenance(
                archive, [source_id], path, progress=context.progress, cancel=context.cancel_flag
            ),
            on_success=lambda _report: self._written(path),
            label=self.tr("Writing the provenance report"),
        )

    def _written(self, path: Path) -> None:
        self.reload()
        open_report(path)


def _item(entry: AuditEntry) -> QTreeWidgetItem:
    what = entry.description
    item = QTreeWidgetItem([local_time(entry.at), entry.who, what])
    action = QCoreApplication.translate("history_tab", ACTION_NAMES.get(entry.action, entry.action))
    item.setToolTip(2, f"{action}: {what}\n{entry.hash}")
    if entry.reason:
        QTreeWidgetItem(
            item,
            [
                "",
                "",
                QCoreApplication.translate("history_tab", "Reason: {reason}").format(
                    reason=entry.reason
                ),
            ],
        )
    for line in entry.change_lines():
        QTreeWidgetItem(item, ["", "", line])
    return item
