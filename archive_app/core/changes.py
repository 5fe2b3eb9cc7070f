"""Changes that can be undone. Every edit the window offers goes through a core operation that
applies the change at once and returns a :class:`Change`; the window pushes it on its undo stack.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Change:
    """An edit already applied. ``undo`` reverts it; ``redo`` applies it again after an undo."""

    description: str
    undo: Callable[[], None]
    redo: Callable[[], None]
    changed: bool = True
    """False for an edit that changed nothing: the window keeps it off its undo stack."""


def no_change(description: str) -> Change:
    """For an edit that turned out to change nothing (tagging with a tag already there)."""
    return Change(description, lambda: None, lambda: None, changed=False)


def combined(description: str, changes: Sequence[Change]) -> Change:
    """Several changes made one after the other, as one: a new event and its assignment to a
    source are undone with one step. Undone in reverse order, redone in order."""
    steps = tuple(changes)

    def undo() -> None:
        for change in reversed(steps):
            change.undo()

    def redo() -> None:
        for change in steps:
            change.redo()

    return Change(description, undo, redo, changed=any(change.changed for change in steps))
