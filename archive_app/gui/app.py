"""Starting the window: check the display, make the application, open the archive."""

from __future__ import annotations

import sys
from pathlib import Path

from archive_app import APP_NAME, __version__
from archive_app.core.paths import default_archive_path
from archive_app.gui.preflight import display_problem

EXIT_NO_DISPLAY = 3


def run(archive_path: Path | None = None) -> int:
    problem = display_problem()
    if problem:
        print(f"archive-app: {problem}", file=sys.stderr)
        return EXIT_NO_DISPLAY
    from PySide6.QtWidgets import QApplication, QMessageBox

    from archive_app.core.archive import Archive
    from archive_app.core.errors import ArchiveError
    from archive_app.gui.main_window import MainWindow

    app = QApplication(sys.argv[:1])
    app.setApplicationName("archive-app")
    app.setApplicationDisplayName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setOrganizationName("archive-app")
    path = archive_path or default_archive_path()
    try:
        archive = Archive.open(path)
    except ArchiveError as error:
        QMessageBox.critical(None, APP_NAME, error.message)
        return 1
    window = MainWindow(archive)
    window.show()
    try:
        return app.exec()
    finally:
        archive.close()
