"""Starting the window: check the display, make the application, open the archive.

The archive opened is the one given with ``--archive``, else the last one used, else the default
location. One that cannot be opened (in use by another program, damaged, not an archive) gets a
dialog that says why and offers another archive, never a traceback. File > Open and New archive
replace the window with one for the other archive.

One program runs per person (:mod:`.single_instance`): a second launch hands its files to the
first, which raises its window and imports them, and ends.
"""

from __future__ import annotations

import gc
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from types import TracebackType

from archive_app import APP_NAME, __version__
from archive_app.core.paths import default_archive_path
from archive_app.gui.preflight import display_problem
from archive_app.gui.qt_start import make_application
from archive_app.resources import APP_ID

EXIT_NO_DISPLAY = 3


def run(archive_path: Path | None = None, files: Sequence[Path] = ()) -> int:
    """Open the window on ``archive_path`` (else the last or default archive) and import
    ``files`` into it; with a program already running, hand them to it instead."""
    problem = display_problem()
    if problem:
        print(f"archive-app: {problem}", file=sys.stderr)
        return EXIT_NO_DISPLAY
    from PySide6.QtCore import QEvent
    from PySide6.QtWidgets import QApplication

    from archive_app.gui.clipboard import let_go_of_clipboard
    from archive_app.gui.icons import app_icon
    from archive_app.gui.session import WindowSession
    from archive_app.gui.settings import AppSettings
    from archive_app.gui.single_instance import InstanceServer, hand_over
    from archive_app.gui.translation import install_translation

    app = make_application(sys.argv[:1])
    app.setApplicationName("archive-app")
    app.setApplicationDisplayName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setOrganizationName("archive-app")
    app.setDesktopFileName(APP_ID)
    app.setWindowIcon(app_icon())
    settings = AppSettings()
    install_translation(app, settings)
    if hand_over(files, archive_path):
        print("archive-app: the window is already open; it was handed what you asked for.")
        return 0
    server = InstanceServer()
    server.listen()
    session = WindowSession(settings)
    if not session.start(archive_path, default_archive_path()):
        return 1
    server.launched.connect(session.launched_again)
    _freeze_start_up_heap()
    session.import_files(files)
    previous_hook = sys.excepthook
    sys.excepthook = _show_in_window(session.show_error)
    try:
        return app.exec()
    finally:
        sys.excepthook = previous_hook
        let_go_of_clipboard()
        server.close()
        session.close()
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)


def _freeze_start_up_heap() -> None:
    """Keep what start-up made (modules, widgets, models: about 160,000 objects) out of the
    garbage collector's full passes: they live as long as the window, and each full pass over
    them stopped the GUI thread for about 200 ms, measured here, in the middle of imports.
    No collection first: that would be one such pause before the window's first paint, to
    free the little garbage start-up leaves."""
    gc.freeze()


def _show_in_window(
    show: Callable[[BaseException], None],
) -> Callable[[type[BaseException], BaseException, TracebackType | None], None]:
    """An exception raised in a slot on the GUI thread is a bug: show it in the message bar."""

    def hook(
        _kind: type[BaseException], error: BaseException, _traceback: TracebackType | None
    ) -> None:
        show(error)

    return hook
