"""Where, when and how a page was captured, in the inspector, with the HTTP headers the server
sent (for pages captured live or read from a WARC or WACZ)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from archive_app.core.messages import QT_TRANSLATE_NOOP
from archive_app.gui.capture_dialog import HeadersDialog
from archive_app.gui.inspector.facts import FactList, format_moment, short_hash
from archive_app.gui.widgets import left_row

METHODS = {
    "http": QT_TRANSLATE_NOOP("capture", "Live capture by this program"),
    "warc": QT_TRANSLATE_NOOP("capture", "WARC file"),
    "wacz": QT_TRANSLATE_NOOP("capture", "WACZ file"),
    "mhtml": QT_TRANSLATE_NOOP("capture", "MHTML file (saved by a browser)"),
    "singlefile": QT_TRANSLATE_NOOP("capture", "SingleFile page"),
}


class CaptureFacts(QWidget):
    """Capture provenance in the inspector (objectName ``captureFacts``), hidden for sources
    that were not captured from the web; *HTTP headers* shows what the server sent."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("captureFacts")
        self._capture: dict[str, Any] | None = None
        self.facts = FactList(self)
        self.headers_button = QPushButton(self.tr("HTTP headers…"), self)
        self.headers_button.setObjectName("httpHeadersButton")
        self.headers_button.setToolTip(self.tr("What the server answered, header by header"))
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
        (
            QCoreApplication.translate("capture", "Captured"),
            format_moment(str(capture.get("captured_at") or "")),
        ),
        (
            QCoreApplication.translate("capture", "By"),
            QCoreApplication.translate(
                "capture", METHODS.get(str(capture.get("method")), str(capture.get("method")))
            ),
        ),
        (QCoreApplication.translate("capture", "Address"), str(capture.get("url") or "")),
        (
            QCoreApplication.translate("capture", "Redirected"),
            final if final != capture.get("url") else "",
        ),
        (QCoreApplication.translate("capture", "Status"), str(status) if status else ""),
        (
            QCoreApplication.translate("capture", "Payload"),
            short_hash(str(capture.get("payload_sha256") or "")),
        ),
        (QCoreApplication.translate("capture", "Certificate"), str(tls.get("subject", ""))),
        (QCoreApplication.translate("capture", "Issuer"), str(tls.get("issuer", ""))),
        (
            QCoreApplication.translate("capture", "Expires"),
            format_moment(str(tls.get("not_after", ""))) if tls else "",
        ),
        (
            QCoreApplication.translate("capture", "Fingerprint"),
            short_hash(str(tls.get("sha256_fingerprint", ""))),
        ),
        (QCoreApplication.translate("capture", "In file"), str(container.get("name", ""))),
    ]
    return [(label, value) for label, value in facts if value]
