"""Before the window opens: no display, or missing system libraries, get a sentence that says
what to do instead of Qt's own message."""

from __future__ import annotations

import sys

import pytest

from archive_app.gui.preflight import display_problem, install_advice, not_found

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux displays")

LDD_OUTPUT = """\
\tlinux-vdso.so.1 (0x00007ffd)
\tlibQt6XcbQpa.so.6 => /venv/PySide6/Qt/lib/libQt6XcbQpa.so.6 (0x00007f1)
\tlibxcb-icccm.so.4 => not found
\tlibxcb-keysyms.so.1 => not found
\tlibc.so.6 => /lib/x86_64-linux-gnu/libc.so.6 (0x00007f2)
"""


def test_no_display_at_all_is_explained() -> None:
    problem = display_problem({"HOME": "/home/r"})
    assert problem is not None
    assert problem.startswith("No display found")
    assert "archive-app --help" in problem


def test_a_chosen_platform_such_as_offscreen_is_left_to_qt() -> None:
    assert display_problem({"QT_QPA_PLATFORM": "offscreen"}) is None


def test_libraries_ldd_cannot_find_are_read_from_its_output() -> None:
    assert not_found(LDD_OUTPUT) == {"libxcb-icccm.so.4", "libxcb-keysyms.so.1"}


def test_missing_libraries_are_named_with_the_packages_that_provide_them() -> None:
    advice = install_advice(["libxcb-cursor.so.0", "libxcb-icccm.so.4", "libEGL.so.1"])
    assert "sudo apt-get install libegl1 libxcb-cursor0 libxcb-icccm4" in advice
    assert advice.startswith("The window cannot open")


def test_a_library_without_a_known_package_is_named_as_it_is() -> None:
    assert "sudo apt-get install libunheard.so.3" in install_advice(["libunheard.so.3"])
