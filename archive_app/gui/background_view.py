"""A view that reads what it shows off the GUI thread, and only while it is shown (the compare
view, the timeline): ``refresh()`` while hidden only marks it stale, and it reads again when it
is next shown; an answer overtaken by a newer request is dropped; a palette change recolours
it."""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

from PySide6.QtCore import QEvent
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QWidget

from archive_app.gui.tasks import TaskContext, TaskRunner

Read = TypeVar("Read")


class BackgroundView(QWidget, Generic[Read]):
    """Subclasses say what to read (:meth:`_reading`), show what was read (:meth:`_show`) and
    recolour themselves (:meth:`_recolor`)."""

    def __init__(self, tasks: TaskRunner, label: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._tasks = tasks
        self._label = label
        self._generation = 0
        self._stale = True

    def refresh(self) -> None:
        """Read again, in the background (when hidden: the next time it is shown)."""
        if not self.isVisible():
            self._stale = True
            return
        self._stale = False
        self._generation += 1
        generation = self._generation
        self._tasks.run(
            self._reading(),
            on_success=lambda read: self._arrived(generation, read),
            label=self._label,
        )

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self._recolor()

    def _arrived(self, generation: int, read: Read) -> None:
        if generation == self._generation:
            self._show(read)

    def _reading(self) -> Callable[[TaskContext], Read]:
        """The work that reads, run off the GUI thread: it takes what it needs from the view
        when it is made."""
        raise NotImplementedError

    def _show(self, read: Read) -> None:
        raise NotImplementedError

    def _recolor(self) -> None:
        """Colours derived from the palette, set again after it changed."""
