"""The window starts without the heavy libraries that only some work needs: each is imported by
the first lookup, export or capture that uses it (together some 130 MB of a start's memory).
NumPy is not among them: every search counts and ranks with it, and the window searches as soon
as a word is typed."""

from __future__ import annotations

from tests.helpers import run_python

LOADED_LATER = (
    "scipy",
    "bibtexparser",
    "datasketch",
    "imagehash",
    "fpdf",
    "pypdf",
    "cryptography",
    "httpx",
    "trafilatura",
)
SCRIPT = f"""
import sys
import archive_app.gui.main_window
print(" ".join(name for name in {LOADED_LATER!r} if name in sys.modules))
"""


def test_opening_the_window_imports_none_of_the_libraries_loaded_later() -> None:
    result = run_python(SCRIPT)
    assert result.returncode == 0, result.stderr[-500:]
    assert result.stdout.split() == []
