"""The one place in the window that shows errors: a bar under the toolbar, never a modal box.

It shows the plain message of an error a person can act on; for a bug it says so and keeps the
traceback folded under "Details". Messages that come while one is shown replace it, and the
bar counts how many came.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from archive_app.gui.errors import ErrorReport
from archive_app.gui.icons import icon


class MessageBar(QFrame):
    """The error bar (objectName ``messageBar``)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("messageBar")
        self.setAccessibleName(self.tr("Messages"))
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self.setBackgroundRole(QPalette.ColorRole.ToolTipBase)
        self.setForegroundRole(QPalette.ColorRole.ToolTipText)
        self._count = 0
        symbol = QLabel(self)
        symbol.setPixmap(icon("error").pixmap(QSize(20, 20)))
        symbol.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.text = QLabel(self)
        self.text.setObjectName("messageText")
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.text.setForegroundRole(QPalette.ColorRole.ToolTipText)
        self.details_button = QToolButton(self)
        self.details_button.setObjectName("messageDetailsButton")
        self.details_button.setText(self.tr("Details"))
        self.details_button.setCheckable(True)
        self.details_button.toggled.connect(self._toggle_details)
        close = QToolButton(self)
        close.setObjectName("messageClose")
        close.setIcon(icon("close"))
        close.setAutoRaise(True)
        close.setToolTip(self.tr("Dismiss"))
        close.setAccessibleName(self.tr("Dismiss message"))
        close.clicked.connect(self.dismiss)
        self.details = QPlainTextEdit(self)
        self.details.setObjectName("messageDetails")
        self.details.setReadOnly(True)
        self.details.setMaximumHeight(180)
        self.details.hide()
        top = QHBoxLayout()
        top.setSpacing(10)
        top.addWidget(symbol)
        top.addWidget(self.text, 1)
        top.addWidget(self.details_button, 0, Qt.AlignmentFlag.AlignTop)
        top.addWidget(close, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 6, 6, 6)
        layout.addLayout(top)
        layout.addWidget(self.details)
        self.hide()

    def show_report(self, report: ErrorReport) -> None:
        self._count += 1
        more = self.tr("  ({count} messages)").format(count=self._count) if self._count > 1 else ""
        self.text.setText(report.message + more)
        self.details.setPlainText(report.details)
        self.details_button.setVisible(bool(report.details))
        self.details_button.setChecked(False)
        self.show()

    def dismiss(self) -> None:
        self._count = 0
        self.details_button.setChecked(False)
        self.hide()

    def _toggle_details(self, shown: bool) -> None:
        self.details.setVisible(shown)
