"""Why a value was refused, shown under the field that holds it."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QLabel, QWidget

from archive_app.gui.reader.colors import is_dark


class ErrorLabel(QLabel):
    """Why a value was refused, in a colour that reads on light and dark backgrounds."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"{name}Error")
        self.setWordWrap(True)
        self.setVisible(False)
        self._recolor()

    def show_error(self, message: str) -> None:
        self.setText(message)
        self.setVisible(bool(message))

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.ApplicationPaletteChange:
            self._recolor()

    def _recolor(self) -> None:
        palette = self.palette()
        color = "#ff8a80" if is_dark(palette) else "#b3261e"
        palette.setColor(QPalette.ColorRole.WindowText, color)
        self.setPalette(palette)
