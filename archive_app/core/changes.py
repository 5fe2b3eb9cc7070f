"""Changes that can be undone. Every edit the window offers goes through a core operation that
applies the change at once and returns a :class:`Change`; the window pushes it on its undo stack.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Change:
    """An edit already applied. ``undo`` reverts it; ``redo`` applies it again after an undo."""

    description: str
    undo: Callable[[], None]
    redo: Callable[[], None]


def no_change(description: str) -> Change:
    """For an edit that turned out to change nothing (tagging with a tag already there)."""
    return Change(description, lambda: None, lambda: None)
