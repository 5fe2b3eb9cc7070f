"""Zoom controls shared by the PDF and the image views: actions with the usual shortcuts
(Ctrl++, Ctrl+-, Ctrl+0) and the tool buttons that show them with the current zoom."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QHBoxLayout, QLabel, QToolButton, QWidget

from archive_app.gui.icons import icon

ZOOM_STEP = 1.25
MIN_ZOOM = 0.05
MAX_ZOOM = 16.0
WHEEL_STEP = 120
"""One notch of a mouse wheel, in the eighths of a degree Qt reports."""


def clamp_zoom(factor: float) -> float:
    return max(MIN_ZOOM, min(MAX_ZOOM, factor))


class ZoomActions(QObject):
    """Zoom in, zoom out and fit, as actions that work anywhere inside ``owner``."""

    def __init__(self, owner: QWidget, fit_label: str) -> None:
        super().__init__(owner)
        self.zoom_in = self._action(
            owner, "zoom-in", self.tr("Zoom in"), QKeySequence.StandardKey.ZoomIn
        )
        self.zoom_in.setShortcuts(
            [QKeySequence(QKeySequence.StandardKey.ZoomIn), QKeySequence("Ctrl+=")]
        )
        self.zoom_out = self._action(
            owner, "zoom-out", self.tr("Zoom out"), QKeySequence.StandardKey.ZoomOut
        )
        self.fit = self._action(owner, "zoom-fit", fit_label, QKeySequence("Ctrl+0"))

    def _action(
        self,
        owner: QWidget,
        icon_name: str,
        text: str,
        shortcut: QKeySequence | QKeySequence.StandardKey,
    ) -> QAction:
        action = QAction(icon(icon_name), text, owner)
        action.setShortcut(QKeySequence(shortcut))
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        keys = QKeySequence(shortcut).toString(QKeySequence.SequenceFormat.NativeText)
        action.setToolTip(f"{text} ({keys})")
        owner.addAction(action)
        return action

    def buttons(self, parent: QWidget) -> tuple[QWidget, QLabel]:
        """The three buttons with a label for the zoom between them, and that label."""
        box = QWidget(parent)
        layout = QHBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        label = QLabel(box)
        label.setObjectName("zoomLabel")
        label.setAccessibleName(self.tr("Zoom"))
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        label.setMinimumWidth(label.fontMetrics().horizontalAdvance("888 %"))
        layout.addWidget(self._button(box, self.zoom_out, "zoomOutButton"))
        layout.addWidget(label)
        layout.addWidget(self._button(box, self.zoom_in, "zoomInButton"))
        layout.addWidget(self._button(box, self.fit, "zoomFitButton"))
        layout.addStretch(1)
        return box, label

    def _button(self, parent: QWidget, action: QAction, name: str) -> QToolButton:
        button = QToolButton(parent)
        button.setObjectName(name)
        button.setDefaultAction(action)
        button.setAutoRaise(True)
        button.setAccessibleName(action.text())
        return button
