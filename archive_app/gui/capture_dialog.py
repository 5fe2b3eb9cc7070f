"""*File › Capture web page…*: the addresses to capture; the web addresses in a drop; and the
HTTP headers a captured page came with."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QMimeData
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

WEB_SCHEMES = ("http://", "https://")


class CaptureDialog(QDialog):
    """Addresses, one a line (objectName ``captureAddresses``); *Capture* accepts."""

    def __init__(self, parent: QWidget | None = None, addresses: str = "") -> None:
        super().__init__(parent)
        self.setObjectName("captureDialog")
        self.setWindowTitle(self.tr("Capture web pages"))
        intro = QLabel(
            self.tr(
                "Addresses of the pages to capture, one a line. Each page is fetched with the "
                "photos "
                "its article shows (no scripts or trackers), and the whole exchange is kept as a "
                "WARC file, the capture's original."
            ),
            self,
        )
        intro.setWordWrap(True)
        self.addresses = QPlainTextEdit(addresses, self)
        self.addresses.setObjectName("captureAddresses")
        self.addresses.setPlaceholderText("https://…")
        self.addresses.setAccessibleName(self.tr("Addresses to capture"))
        self.addresses.setTabChangesFocus(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.capture_button = QPushButton(self.tr("Capture"), self)
        self.capture_button.setObjectName("captureButton")
        self.capture_button.setDefault(True)
        buttons.addButton(self.capture_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.addresses.textChanged.connect(self._update)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 16, 16, 12)
        layout.setSpacing(10)
        layout.addWidget(intro)
        layout.addWidget(self.addresses, 1)
        layout.addWidget(buttons)
        self.resize(560, 260)
        self._update()

    def urls(self) -> list[str]:
        return [line.strip() for line in self.addresses.toPlainText().splitlines() if line.strip()]

    def _update(self) -> None:
        self.capture_button.setEnabled(bool(self.urls()))


def dropped_web_addresses(mime: QMimeData) -> list[str]:
    """The web addresses in a drop from a browser (a link, or the address bar's text)."""
    if mime.hasUrls():
        found = [url.toString() for url in mime.urls() if not url.isLocalFile()]
    elif mime.hasText():
        found = mime.text().split()
    else:
        return []
    return [address for address in found if address.lower().startswith(WEB_SCHEMES)]


class HeadersDialog(QDialog):
    """The response headers of a capture, as the server sent them (objectName
    ``httpHeaders``)."""

    def __init__(self, capture: dict[str, Any], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("httpHeadersDialog")
        self.setWindowTitle(self.tr("HTTP headers"))
        headers = [tuple(pair) for pair in capture.get("http_headers", [])]
        heading = QLabel(
            f"<b>{capture.get('status') or ''}</b> {capture.get('final_url', '')}", self
        )
        heading.setWordWrap(True)
        self.table = QTableWidget(len(headers), 2, self)
        self.table.setObjectName("httpHeaders")
        self.table.setHorizontalHeaderLabels([self.tr("Header"), self.tr("Value")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setShowGrid(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        for row, (name, value) in enumerate(headers):
            self.table.setItem(row, 0, QTableWidgetItem(str(name)))
            self.table.setItem(row, 1, QTableWidgetItem(str(value)))
        self.table.resizeColumnToContents(0)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 16, 16, 12)
        layout.addWidget(heading)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.resize(640, 380)
