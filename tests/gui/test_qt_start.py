"""Every entry point starts Qt through one function, which applies the reference-count guard
where it is needed (and checks it) and shortens the interpreter's switch interval."""

from __future__ import annotations

import ast
import sys
from pathlib import Path

from archive_app.gui.qt_start import (
    HEADROOM,
    SWITCH_INTERVAL,
    make_application,
    needs_refcount_guard,
)
from tests.helpers import PROJECT_ROOT


def test_the_guard_is_applied_exactly_where_pyside_6_12_0_meets_an_older_python() -> None:
    import PySide6

    affected = sys.version_info < (3, 12) and PySide6.__version__ == "6.12.0"
    assert needs_refcount_guard() == affected
    make_application([])
    if affected:
        assert sys.getrefcount(None) >= HEADROOM
    assert sys.getswitchinterval() <= SWITCH_INTERVAL


def test_no_entry_point_makes_its_own_qapplication() -> None:
    makers = []
    for folder in ("archive_app", "scripts", "benchmarks", "tests"):
        for path in sorted((PROJECT_ROOT / folder).rglob("*.py")):
            if path.name == "qt_start.py":
                continue
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                called = node.func if isinstance(node, ast.Call) else None
                if isinstance(called, ast.Name) and called.id == "QApplication":
                    makers.append(str(Path(path).relative_to(PROJECT_ROOT)))
    assert makers == []
