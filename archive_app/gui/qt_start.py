"""What a process does before it uses Qt, in one place for every entry point: the window
(:func:`archive_app.gui.app.run`), the test suite, the screenshots and the benchmarks.

Two process-wide settings:

- **A guard against a reference-counting bug of PySide6 6.12.0 on CPython before 3.12.** That
  PySide6 releases one reference to ``None`` too many on every call to a Qt method that returns
  nothing (and to ``True``/``False`` when signals carrying them are emitted). After some
  thousands of such calls ``None``'s count reaches zero and the interpreter aborts with "Fatal
  Python error: none_dealloc" (in the middle of building a long article, for instance). Python
  3.12 made these objects immortal (PEP 683), which is why the bug does not show there. The
  guard does for older Pythons what 3.12 does: it gives the three singletons a reference count
  so large that no number of stray releases can bring it to zero (they are never freed anyway).
  It is applied only where it is needed, and checked. **It can go** when the program no longer
  runs on that combination: once ``requires-python`` is ``>=3.12`` or the PySide6 floor is past
  6.12.0 (``needs_refcount_guard`` then always answers False).
- **A shorter interpreter switch interval**, so the GUI thread gets the interpreter's lock
  quickly while a background task runs Python (:data:`SWITCH_INTERVAL`).
"""

from __future__ import annotations

import ctypes
import logging
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

log = logging.getLogger(__name__)

AFFECTED_PYSIDE = "6.12.0"
HEADROOM = 1 << 40
SWITCH_INTERVAL = 0.001
"""How long, in seconds, a thread may run Python before it must offer the interpreter's lock
to another. Qt calls into Python many times a frame (every override, every slot), and each
time the GUI thread waits for the lock while a task runs Python: at Python's default of 5 ms
those waits added up to pauses of most of a second."""


def needs_refcount_guard() -> bool:
    """True on CPython before 3.12 with PySide6 6.12.0, where the guard is needed."""
    if sys.implementation.name != "cpython" or sys.version_info >= (3, 12):
        return False
    import PySide6  # the package alone: no Qt call is made by importing it

    return bool(PySide6.__version__ == AFFECTED_PYSIDE)


def prepare_qt() -> None:
    """Make the process ready for Qt; call it before anything of Qt is used (it may be called
    again: it does its work once)."""
    if needs_refcount_guard():
        _guard_singletons()
    sys.setswitchinterval(min(sys.getswitchinterval(), SWITCH_INTERVAL))


def make_application(arguments: Sequence[str]) -> QApplication:
    """The process's QApplication (made on first call), with the process made ready first."""
    prepare_qt()
    from PySide6.QtWidgets import QApplication

    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    return QApplication(list(arguments))


def _guard_singletons() -> None:
    """Make ``None``, ``True`` and ``False`` effectively immortal, and check that it took."""
    for singleton in (None, True, False):
        count = ctypes.c_ssize_t.from_address(id(singleton))  # ob_refcnt: a PyObject's first field
        if count.value < HEADROOM:
            count.value += HEADROOM
        if sys.getrefcount(singleton) < HEADROOM:
            raise RuntimeError(
                f"The guard against PySide6 {AFFECTED_PYSIDE}'s reference-count bug did not "
                f"take on {singleton!r}; the program would abort after many Qt calls."
            )
    log.debug("reference-count guard applied (PySide6 %s on Python 3.11)", AFFECTED_PYSIDE)
