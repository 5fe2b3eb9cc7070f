"""Rich text on the clipboard that the program's exit can let go of.

Qt keeps the clipboard's data in a static object of its own and destroys it after Python has
ended. Data made by Python (a ``QMimeData`` created here) cannot be destroyed then: PySide6
6.12 crashes the exit with a segmentation fault. So as the program quits, data of ours still on
the clipboard is replaced by the same text made by Qt itself, which outlives the program as
plain text.
"""

from __future__ import annotations

from PySide6.QtCore import QMimeData
from PySide6.QtGui import QGuiApplication

_placed: list[QMimeData] = []


def copy_rich_text(plain: str, html: str) -> None:
    """Put ``html`` on the clipboard, with ``plain`` for programs that take plain text."""
    data = QMimeData()
    data.setText(plain)
    data.setHtml(html)
    QGuiApplication.clipboard().setMimeData(data)
    _placed[:] = [data]


def let_go_of_clipboard() -> None:
    """Hand the clipboard's data of ours to Qt as plain text (call it as the program quits)."""
    clipboard = QGuiApplication.clipboard()
    if _placed and clipboard.mimeData() is _placed[0]:
        clipboard.setText(_placed[0].text())
    _placed.clear()
