"""The window starts without the heavy libraries that only some work needs: each is imported by
the first lookup, export or capture that uses it (together some 130 MB of a start's memory)."""

from __future__ import annotations

import os
import subprocess
import sys

LOADED_LATER = (
    "numpy",
    "scipy",
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
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT],
        capture_output=True,
        text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        check=True,
    )
    assert result.stdout.split() == []
