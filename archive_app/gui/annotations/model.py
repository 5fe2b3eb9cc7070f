"""The annotation list's item model: one row per annotation of the open source, in reading
order (regions after passages, by page)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from archive_app.core.model import Annotation
from archive_app.gui.annotations.look import anchor_note, target_text, tooltip

ANNOTATION_ROLE = Qt.ItemDataRole.UserRole + 1
ID_ROLE = Qt.ItemDataRole.UserRole + 2

Index = QModelIndex | QPersistentModelIndex


class AnnotationListModel(QAbstractListModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._annotations: list[Annotation] = []

    def set_annotations(self, annotations: Sequence[Annotation]) -> None:
        self.beginResetModel()
        self._annotations = sorted(annotations, key=_reading_order)
        self.endResetModel()

    @property
    def annotations(self) -> list[Annotation]:
        return list(self._annotations)

    def row_of(self, annotation_id: int) -> int | None:
        return next((row for row, a in enumerate(self._annotations) if a.id == annotation_id), None)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._annotations)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._annotations):
            return None
        annotation = self._annotations[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return target_text(annotation)
        if role == Qt.ItemDataRole.ToolTipRole:
            return tooltip(annotation)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return _spoken(annotation)
        if role == ANNOTATION_ROLE:
            return annotation
        if role == ID_ROLE:
            return annotation.id
        return None


def _reading_order(annotation: Annotation) -> tuple[int, int, float, float, int]:
    if annotation.target == "text":
        return (0, annotation.start or 0, 0.0, 0.0, annotation.id)
    return (1, annotation.page or 0, annotation.y or 0.0, annotation.x or 0.0, annotation.id)


def _spoken(annotation: Annotation) -> str:
    """The row as a screen reader says it."""
    parts = [
        target_text(annotation),
        QCoreApplication.translate("model", "Note: {value}").format(
            value=annotation.note.strip() or QCoreApplication.translate("model", "none")
        ),
    ]
    labels = [
        *(p.name for p in annotation.perspectives),
        *(e.name for e in annotation.events),
        *(t.name for t in annotation.tags),
    ]
    if labels:
        parts.append(QCoreApplication.translate("model", "Labels: ") + ", ".join(labels))
    warning = anchor_note(annotation)
    if warning:
        parts.append(warning)
    return ". ".join(parts)
