"""The common commands answer to the desktop's own keys (Qt's standard key sequences), so they
follow the platform instead of keys we chose."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtGui import QKeySequence

from archive_app.core.archive import Archive
from archive_app.gui.main_window import MainWindow

Key = QKeySequence.StandardKey


@pytest.mark.parametrize(
    ("action", "standard"),
    [
        ("open_archive", Key.Open),
        ("quit", Key.Quit),
        ("find", Key.Find),
        ("delete", Key.Delete),
        ("query_help", Key.HelpContents),
        ("undo", Key.Undo),
    ],
)
def test_common_commands_use_the_standard_keys(
    archive: Archive,
    make_window: Callable[[Archive], MainWindow],
    action: str,
    standard: QKeySequence.StandardKey,
) -> None:
    window = make_window(archive)
    bound = getattr(window.commands, action).shortcut()
    assert not bound.isEmpty()
    assert bound in (QKeySequence.keyBindings(standard) or [QKeySequence("Ctrl+Q")])
