"""The main window."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QMainWindow

from archive_app import APP_NAME
from archive_app.core.archive import Archive


class MainWindow(QMainWindow):
    def __init__(self, archive: Archive) -> None:
        super().__init__()
        self.archive = archive
        self.setWindowTitle(f"{APP_NAME} — {archive.path.name}")
        self.setCentralWidget(QLabel(f"{archive.count_sources()} sources in {archive.path}"))
        self.resize(1200, 800)
