"""Beside (or under) the reader: the inspector, the annotation list and the history, as tabs."""

from __future__ import annotations

from PySide6.QtWidgets import QTabWidget, QWidget

from archive_app.gui.annotations.panel import AnnotationPanel


class DetailTabs(QTabWidget):
    """The "Details" tab (the inspector), "Annotations" (with how many there are) and
    "History" (the source's audit trail)."""

    def __init__(
        self,
        inspector: QWidget,
        annotations: AnnotationPanel,
        history: QWidget,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("detailTabs")
        self.setDocumentMode(True)
        self.inspector = inspector
        self.annotations = annotations
        self.addTab(inspector, self.tr("Details"))
        self.addTab(annotations, self.tr("Annotations"))
        self.history = history
        self.addTab(history, self.tr("History"))
        annotations.countChanged.connect(self._counted)

    def show_annotations(self) -> QWidget:
        """Turn to the annotation list; it (to give it the focus)."""
        self.setCurrentWidget(self.annotations)
        return self.annotations.list

    def show_inspector(self) -> QWidget:
        self.setCurrentWidget(self.inspector)
        return self.inspector

    def _counted(self, count: int) -> None:
        index = self.indexOf(self.annotations)
        self.setTabText(
            index,
            self.tr("Annotations ({count})").format(count=count)
            if count
            else self.tr("Annotations"),
        )
