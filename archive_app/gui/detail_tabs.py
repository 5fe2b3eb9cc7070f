"""Beside (or under) the reader: the inspector and the annotation list, as two tabs."""

from __future__ import annotations

from PySide6.QtWidgets import QTabWidget, QWidget

from archive_app.gui.annotations.panel import AnnotationPanel


class DetailTabs(QTabWidget):
    """The "Details" tab (the inspector) and "Annotations" (with how many there are)."""

    def __init__(
        self, inspector: QWidget, annotations: AnnotationPanel, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("detailTabs")
        self.setDocumentMode(True)
        self.inspector = inspector
        self.annotations = annotations
        self.addTab(inspector, "Details")
        self.addTab(annotations, "Annotations")
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
        self.setTabText(index, f"Annotations ({count})" if count else "Annotations")
