"""A guard against a reference-counting bug in PySide6 6.12.0 on Python 3.11.

On Python 3.11, PySide6 6.12.0 releases one reference to ``None`` too many on every call to a Qt
method that returns nothing (and to ``True``/``False`` when signals carrying them are emitted).
After some thousands of such calls ``None``'s count reaches zero and the interpreter aborts with
"Fatal Python error: none_dealloc" — in the middle of building a long article, for instance.
Python 3.12 made these objects immortal (PEP 683), which is why the bug does not show there.

The guard does for Python 3.11 what 3.12 does: it gives the three singletons a reference count so
large that no number of stray releases can bring it to zero. They are never freed anyway, so
nothing else changes. It must run before Qt is used: ``make_application`` and the test suite's
configuration call it.
"""

from __future__ import annotations

import ctypes
import sys

HEADROOM = 1 << 40


def guard_singletons() -> None:
    """Make ``None``, ``True`` and ``False`` effectively immortal on CPython before 3.12."""
    if sys.implementation.name != "cpython" or sys.version_info >= (3, 12):
        return
    for singleton in (None, True, False):
        count = ctypes.c_ssize_t.from_address(id(singleton))  # ob_refcnt: a PyObject's first field
        if count.value < HEADROOM:
            count.value += HEADROOM
