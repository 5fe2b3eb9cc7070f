"""Citations copied as rich text stay on the clipboard as text after the program quits, and the
program's exit does not crash on them."""

from __future__ import annotations

import textwrap

from tests.helpers import run_python

SCRIPT = textwrap.dedent(
    """
    from PySide6.QtGui import QGuiApplication

    from archive_app.gui.clipboard import copy_rich_text, let_go_of_clipboard
    from archive_app.gui.qt_start import make_application

    app = make_application(["archive-app"])
    copy_rich_text("Petrosyan, A. (2023).", "Petrosyan, A. (2023). <i>Night of shelling</i>.")
    print(sorted(QGuiApplication.clipboard().mimeData().formats()))
    let_go_of_clipboard()
    print(QGuiApplication.clipboard().text())
    """
)


def test_copied_rich_text_outlives_the_program_as_text() -> None:
    ran = run_python(SCRIPT)  # without let_go_of_clipboard() it ends in a segmentation fault

    assert ran.returncode == 0, ran.stderr
    assert ran.stdout.splitlines() == ["['text/html', 'text/plain']", "Petrosyan, A. (2023)."]
