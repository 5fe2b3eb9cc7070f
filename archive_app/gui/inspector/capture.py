"""Where, when and how a page was captured, in the inspector, with the HTTP headers the server
sent (for pages captured live or read from a WARC or WACZ)."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from archive_app.gui.capture_dialog import HeadersDialog
from archive_app.gui.inspector.facts import FactList, format_moment, short_hash
from archive_app.gui.widgets import left_row

METHODS = {
    "http": "Live capture by this program",
    "warc": "WARC file",
    "wacz": "WACZ file",
    "mhtml": "MHTML file (saved by a browser)",
    "singlefile": "SingleFile page",
}


class CaptureFacts(QWidget):
    """Capture provenance in the inspector (objectName ``captureFacts``), hidden for sources
    that were not captured from the web; *HTTP headers* shows what the server sent."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("captureFacts")
        self._capture: dict[str, Any] | None = None
        self.facts = FactList(self)
        self.headers_button = QPushButton("HTTP headers…", self)
        self.headers_button.setObjectName("httpHeadersButton")
        self.headers_button.setToolTip("What the server answered, header by header")
        self.headers_button.clicked.connect(self.show_headers)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(self.facts)
        layout.addLayout(left_row(8, self.headers_button))
        self.hide()

    def show_capture(self, capture: dict[str, Any] | None) -> None:
        self._capture = capture
        self.setVisible(capture is not None)
        if capture is None:
            return
        self.facts.show_facts(capture_facts(capture))
        self.headers_button.setVisible(bool(capture.get("http_headers")))

    def show_headers(self) -> None:
        if self._capture is not None:
            HeadersDialog(self._capture, self).open()


def capture_facts(capture: dict[str, Any]) -> list[tuple[str, str]]:
    tls = capture.get("tls") or {}
    status = capture.get("status")
    final = capture.get("final_url", "")
    container = capture.get("container") or {}
    facts = [
        ("Captured", format_moment(str(capture.get("captured_at") or ""))),
        ("By", METHODS.get(str(capture.get("method")), str(capture.get("method")))),
        ("Address", str(capture.get("url") or "")),
        ("Redirected", final if final != capture.get("url") else ""),
        ("Status", str(status) if status else ""),
        ("Payload", short_hash(str(capture.get("payload_sha256") or ""))),
        ("Certificate", str(tls.get("subject", ""))),
        ("Issuer", str(tls.get("issuer", ""))),
        ("Expires", format_moment(str(tls.get("not_after", ""))) if tls else ""),
        ("Fingerprint", short_hash(str(tls.get("sha256_fingerprint", "")))),
        ("In file", str(container.get("name", ""))),
    ]
    return [(label, value) for label, value in facts if value]
