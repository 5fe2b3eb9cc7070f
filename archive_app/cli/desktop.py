"""``archive-app desktop install|remove``: put the program in the person's application menu.

A wheel (``pipx install``) or the bundle cannot place files under ``~/.local/share`` by
itself; this command copies the desktop entry, the AppStream metadata and the application icon
shipped in :mod:`archive_app.resources` to the XDG data folder, with ``Exec`` pointing at the
program that ran it, so the menu entry starts the same installation.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
from pathlib import Path

from archive_app.cli.common import add_command, add_command_group
from archive_app.resources import APP_ICON_SIZES, APP_ID, app_icon_png, desktop_file


def register(commands: object) -> None:
    group = add_command_group(
        commands,
        "desktop",
        "add the program to your application menu, or take it out",
        "Install or remove the desktop entry, the application icon and the AppStream "
        "metadata under your data folder ($XDG_DATA_HOME, else ~/.local/share).",
    )
    install = add_command(group, "install", "add the program to the application menu")
    install.set_defaults(run=run_install)
    remove = add_command(group, "remove", "take the program out of the application menu")
    remove.set_defaults(run=run_remove)


def data_home() -> Path:
    return Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")


def installed_files(base: Path) -> dict[str, Path]:
    """Where each desktop file goes under the data folder ``base``."""
    places = {
        ".desktop": base / "applications" / f"{APP_ID}.desktop",
        ".metainfo.xml": base / "metainfo" / f"{APP_ID}.metainfo.xml",
        ".svg": base / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg",
    }
    for size in APP_ICON_SIZES:
        places[f"{size}.png"] = (
            base / "icons" / "hicolor" / f"{size}x{size}" / "apps" / (f"{APP_ID}.png")
        )
    return places


def program_command() -> str:
    """The command that starts this installation: the ``archive-app`` beside the running
    interpreter (a virtual environment, pipx), the bundle's own executable, else the name."""
    if getattr(sys, "frozen", False):
        return str(Path(sys.executable).resolve())
    beside = Path(sys.executable).with_name("archive-app")
    return str(beside) if beside.is_file() else "archive-app"


def run_install(args: argparse.Namespace) -> int:
    base = data_home()
    for key, target in installed_files(base).items():
        target.parent.mkdir(parents=True, exist_ok=True)
        if key == ".desktop":
            entry = desktop_file(".desktop").read_text(encoding="utf-8")
            entry = entry.replace("Exec=archive-app ", f"Exec={_quoted(program_command())} ")
            target.write_text(entry, encoding="utf-8")
        elif key.endswith(".png"):
            target.write_bytes(app_icon_png(int(key.removesuffix(".png"))).read_bytes())
        else:
            target.write_bytes(desktop_file(key).read_bytes())
    _refresh_menus(base)
    print(f"Added Research Archive to the application menu ({base / 'applications'}).")
    return 0


def run_remove(args: argparse.Namespace) -> int:
    base = data_home()
    removed = 0
    for target in installed_files(base).values():
        if target.exists():
            target.unlink()
            removed += 1
    _refresh_menus(base)
    print(f"Removed {removed} files: Research Archive is no longer in the application menu.")
    return 0


def _quoted(command: str) -> str:
    """A path as the desktop entry specification quotes an Exec argument."""
    if not any(c in command for c in " \"'\\$`"):
        return command
    escaped = command
    for special in ("\\", '"', "$", "`"):
        escaped = escaped.replace(special, "\\" + special)
    return f'"{escaped}"'


def _refresh_menus(base: Path) -> None:
    """Tell the desktop about the change where its tools are installed (they are optional)."""
    for tool, argument in (
        ("update-desktop-database", base / "applications"),
        ("gtk-update-icon-cache", base / "icons" / "hicolor"),
    ):
        if shutil.which(tool) and argument.is_dir():
            subprocess.run([tool, "-q", str(argument)], check=False, capture_output=True)
