"""How the window edits the research model: one core call, one entry on the undo stack.

Every pane that changes events, perspectives, tags, assignments or annotations hands the core
call to :meth:`Edits.apply`. The core applies the change at once and returns a :class:`Change`;
it goes on the window's QUndoStack (Ctrl+Z / Ctrl+Shift+Z), and a refusal the person can act on
(a name already taken, an event that cannot go under itself) is reported through ``failed``,
which the window shows in its message bar. ``changed`` is emitted after every edit, undo and
redo made through it, and the panes that show what changed read the archive again.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from archive_app.core.changes import Change
from archive_app.core.errors import ArchiveError
from archive_app.gui.inspector.commands import ChangeCommand

T = TypeVar("T")


class Edits(QObject):
    """Applies core changes and puts them on the undo stack."""

    failed = Signal(object)
    """A change was refused (an :class:`ArchiveError` with a plain message)."""
    changed = Signal()
    """The archive changed: an edit was made, undone or redone."""

    def __init__(self, undo_stack: QUndoStack, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.undo_stack = undo_stack

    def apply(self, make: Callable[[], Change]) -> Change | None:
        """Run ``make`` (a core call returning a Change) and push what it did; None when the
        core refused (the reason goes to ``failed``)."""
        try:
            change = make()
        except ArchiveError as error:
            self.failed.emit(error)
            return None
        self.push(change)
        return change

    def create(self, make: Callable[[], tuple[T, Change]]) -> T | None:
        """Like :meth:`apply` for core calls that make something (an event, an annotation)
        and return it with the Change; what was made, or None when refused."""
        try:
            made, change = make()
        except ArchiveError as error:
            self.failed.emit(error)
            return None
        self.push(change)
        return made

    def push(self, change: Change) -> None:
        """Put a change the core has already applied on the undo stack (one that changed
        nothing, such as a tag a source already had, would be an Undo that does nothing)."""
        if change.changed:
            self.undo_stack.push(ChangeCommand(change, self.changed.emit))
        self.changed.emit()
