"""Attributes made when they are first read, once, whichever thread reads them first.

``archive-app import`` opens an archive and reads files into it; the research model, listing,
search, trash and the rest are made (and their modules imported) only by what uses them, so
their loading is not part of the time before the first file is read.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any, Generic, Self, TypeVar, overload

Owner = TypeVar("Owner")
Made = TypeVar("Made")


class made_on_first_use(Generic[Owner, Made]):
    """Like :func:`functools.cached_property`, made once even when two threads read the
    attribute at once (the window reads an archive's parts on background threads too), so that
    no one holds a second copy of a part that keeps state. ``cached_property`` guarantees that
    only up to Python 3.11: 3.12 dropped its lock."""

    def __init__(self, make: Callable[[Owner], Made]) -> None:
        self._make = make
        self._name = make.__name__
        self._making = threading.Lock()
        self.__doc__ = make.__doc__

    @overload
    def __get__(self, instance: None, owner: type[Any]) -> Self: ...

    @overload
    def __get__(self, instance: Owner, owner: type[Any]) -> Made: ...

    def __get__(self, instance: Owner | None, owner: type[Any]) -> Made | Self:
        if instance is None:
            return self
        # Once made, the value sits in the instance's __dict__, which Python reads before
        # asking this (non-data) descriptor: only the first reads come here.
        attributes: dict[str, Any] = vars(instance)
        with self._making:
            if self._name not in attributes:
                attributes[self._name] = self._make(instance)
            made: Made = attributes[self._name]
        return made
