"""The house rules of DESIGN.md that code can check: the core does not know the window."""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "archive_app"
QT_FREE = ("core", "importers", "export")
QT_MODULES = ("PySide6", "shiboken6", "pytestqt", "PyQt5", "PyQt6")


def _modules(layer: str) -> list[Path]:
    return sorted((PACKAGE / layer).rglob("*.py"))


def _imported_names(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


@pytest.mark.parametrize("layer", QT_FREE)
def test_layer_source_never_imports_qt_or_the_window(layer: str) -> None:
    offenders = {
        str(path.relative_to(PACKAGE)): sorted(
            name
            for name in _imported_names(path)
            if name.startswith(QT_MODULES) or name.startswith("archive_app.gui")
        )
        for path in _modules(layer)
    }
    assert {path: names for path, names in offenders.items() if names} == {}


def test_importing_every_core_module_loads_no_qt() -> None:
    modules = [
        ".".join(path.relative_to(PACKAGE.parent).with_suffix("").parts).removesuffix(".__init__")
        for layer in QT_FREE
        for path in _modules(layer)
    ]
    script = (
        "import importlib, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        f"print(sorted(m for m in sys.modules if m.startswith({QT_MODULES!r})))\n"
    )
    output = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    ).stdout
    assert output.strip() == "[]"


def test_only_index_and_search_import_whoosh() -> None:
    users = {
        str(path.relative_to(PACKAGE))
        for layer in ("core", "importers", "export", "cli", "gui")
        for path in _modules(layer)
        if any(name.startswith("whoosh") for name in _imported_names(path))
    }
    allowed = {"core/index.py"}
    assert {user for user in users if not user.startswith("core/search")} <= allowed


def test_importing_the_core_loads_no_engine_until_used() -> None:
    script = (
        "import sys, archive_app, archive_app.core, archive_app.core.errors\n"
        "print(sorted(m for m in sys.modules if m.startswith(('whoosh', 'PySide6', 'lxml'))))\n"
    )
    output = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    ).stdout
    assert output.strip() == "[]"


def test_importing_the_command_line_creates_nothing(tmp_path: Path) -> None:
    script = "import archive_app.cli\narchive_app.cli.build_parser()\n"
    environment = {**os.environ, "HOME": str(tmp_path), "XDG_DATA_HOME": str(tmp_path / "data")}
    environment.pop("ARCHIVE_APP_HOME", None)
    subprocess.run([sys.executable, "-c", script], env=environment, check=True)
    assert list(tmp_path.iterdir()) == []


def _module_name(path: Path) -> str:
    return ".".join(path.relative_to(PACKAGE.parent).with_suffix("").parts).removesuffix(
        ".__init__"
    )


def test_the_core_modules_import_one_another_without_cycles() -> None:
    """Cycles make every module in them load with the others, and hide which depends on which
    (type-only imports count too: they are read as dependencies all the same)."""
    paths = {_module_name(path): path for path in _modules("core")}
    imports = {
        name: {other for other in _imported_names(path) if other in paths and other != name}
        for name, path in paths.items()
    }
    cycles = set()
    for start in imports:
        stack = [(start, (start,))]
        while stack:
            name, trail = stack.pop()
            for other in imports[name]:
                if other == start:
                    cycles.add(tuple(sorted(trail)))
                elif other not in trail and other > start:
                    stack.append((other, (*trail, other)))
    assert sorted(cycles) == []
