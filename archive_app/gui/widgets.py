"""Small widget helpers shared by the panes."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QWidget


def selectable_label(parent: QWidget, name: str) -> QLabel:
    """A label for a value: wrapped, selectable with the mouse (to copy it), and as narrow as
    its column allows."""
    label = QLabel(parent)
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
    return label


def left_row(spacing: int, *widgets: QWidget) -> QHBoxLayout:
    """``widgets`` side by side on the left, the room left over on their right."""
    row = QHBoxLayout()
    row.setSpacing(spacing)
    for widget in widgets:
        row.addWidget(widget)
    row.addStretch(1)
    return row
