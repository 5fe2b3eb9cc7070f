"""Files the program needs at run time, shipped inside the package (and so inside the wheel
and the bundle): the window's icons, and the desktop entry, AppStream metadata and application
icon that :mod:`archive_app.cli.desktop` installs for the person's desktop.

They are read through :mod:`importlib.resources`, never through a path relative to a source
checkout, so an installed program finds them wherever it was installed.
"""

from __future__ import annotations

from importlib.resources import files
from importlib.resources.abc import Traversable

APP_ID = "io.github.archive_app.research_archive"
"""The reverse-DNS name the desktop knows the program by: the desktop entry's file name, the
AppStream id and the icon's name."""

APP_ICON_SIZES = (16, 24, 32, 48, 64, 128, 256)
"""The sizes of the application icon's PNG renderings (beside its SVG)."""


def resource(*parts: str) -> Traversable:
    """The shipped file ``archive_app/resources/<parts...>``."""
    found = files(__name__)
    for part in parts:
        found = found / part
    return found


def icon_svg(name: str) -> bytes:
    """The window icon ``icons/<name>.svg``; FileNotFoundError names it if it is missing."""
    path = resource("icons", f"{name}.svg")
    if not path.is_file():
        raise FileNotFoundError(f"no icon {name!r} among the program's resources")
    return path.read_bytes()


def desktop_file(suffix: str) -> Traversable:
    """The desktop integration file ``desktop/<APP_ID><suffix>`` (``.desktop``,
    ``.metainfo.xml``, ``.svg``)."""
    return resource("desktop", APP_ID + suffix)


def app_icon_png(size: int) -> Traversable:
    return resource("desktop", "png", f"{size}.png")
