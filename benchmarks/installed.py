"""Benchmarks time the program as it runs installed."""

from __future__ import annotations

import compileall
from pathlib import Path


def compile_like_an_install(package: Path | None = None) -> None:
    """Compile the program's modules (or those of ``package``, another tree's) to bytecode, as
    pip and pipx do when they install it, so that no timed start compiles them (a work tree run
    with PYTHONDONTWRITEBYTECODE would, every time: 0.26 s of the window's start)."""
    if package is None:
        import archive_app

        package = Path(archive_app.__file__).parent
    compileall.compile_dir(package, quiet=1)
