"""Edits on the window's undo stack: a QUndoCommand around a core :class:`Change`."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand

from archive_app.core.changes import Change


class ChangeCommand(QUndoCommand):
    """Puts an already applied :class:`Change` on a QUndoStack.

    The core applies a change when it makes it, so the first ``redo()`` (the one
    ``QUndoStack.push`` calls) does nothing. ``after`` runs after every undo and every later
    redo, to show the result.
    """

    def __init__(self, change: Change, after: Callable[[], None]) -> None:
        super().__init__(change.description)
        self._change = change
        self._after = after
        self._applied = True

    def redo(self) -> None:
        if self._applied:
            return
        self._change.redo()
        self._applied = True
        self._after()

    def undo(self) -> None:
        self._change.undo()
        self._applied = False
        self._after()
