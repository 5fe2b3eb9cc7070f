"""Before Qt opens a window on Linux: is there a display, and are the system libraries that
Qt's display plugin needs installed? Qt's own message for a missing library ("could not load
the Qt platform plugin xcb") does not say what to install; this does.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

# Shared libraries Qt's xcb and wayland plugins load, and the Debian/Ubuntu package of each.
DEBIAN_PACKAGES = {
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1",
    "libOpenGL.so.0": "libopengl0",
    "libGLX.so.0": "libglx0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-xinerama.so.0": "libxcb-xinerama0",
    "libxcb-xinput.so.0": "libxcb-xinput0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb.so.1": "libxcb1",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libX11.so.6": "libx11-6",
    "libSM.so.6": "libsm6",
    "libICE.so.6": "libice6",
    "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6",
    "libdbus-1.so.3": "libdbus-1-3",
    "libglib-2.0.so.0": "libglib2.0-0",
    "libwayland-client.so.0": "libwayland-client0",
    "libwayland-cursor.so.0": "libwayland-cursor0",
    "libwayland-egl.so.1": "libwayland-egl1",
}


def display_problem(environ: dict[str, str] | None = None) -> str | None:
    """A message saying what stops a window from opening, or None when nothing does."""
    env = dict(os.environ) if environ is None else environ
    if not sys.platform.startswith("linux"):
        return None
    platform = env.get("QT_QPA_PLATFORM", "")
    if platform and not platform.startswith(("xcb", "wayland")):
        return None  # offscreen, vnc, eglfs …: the person chose; Qt reports its own problems
    wayland = platform.startswith("wayland") or (not platform and env.get("WAYLAND_DISPLAY"))
    if not wayland and not env.get("DISPLAY"):
        return (
            "No display found: the window needs a desktop session (neither DISPLAY nor "
            "WAYLAND_DISPLAY is set). Start archive-app from your desktop, or use the command "
            "line instead (archive-app --help)."
        )
    missing = missing_libraries("libqwayland.so" if wayland else "libqxcb.so")
    return install_advice(missing) if missing else None


def install_advice(missing: list[str]) -> str:
    """What to tell a person whose system lacks these shared libraries."""
    packages = sorted({DEBIAN_PACKAGES.get(name, name) for name in missing})
    return (
        "The window cannot open: the system lacks libraries Qt needs to draw on your display "
        f"({', '.join(missing)}).\nOn Debian or Ubuntu, install them with:\n\n"
        f"    sudo apt-get install {' '.join(packages)}\n"
    )


def missing_libraries(plugin_name: str) -> list[str]:
    """Shared libraries that Qt's display plugin needs and the system lacks (by ``ldd``)."""
    ldd = shutil.which("ldd")
    plugin = _qt_plugin(plugin_name)
    if ldd is None or plugin is None:
        return []
    targets = [plugin, *sorted(plugin.parent.parent.parent.glob("lib/libQt6XcbQpa.so*"))[:1]]
    missing: set[str] = set()
    for target in targets:
        try:
            output = subprocess.run(
                [ldd, str(target)], capture_output=True, text=True, timeout=20, check=False
            ).stdout
        except (OSError, subprocess.SubprocessError):
            return []
        missing |= not_found(output)
    if plugin_name == "libqxcb.so":
        missing |= _dlopened_libraries_missing()
    return sorted(missing)


def not_found(ldd_output: str) -> set[str]:
    """The libraries ``ldd`` reports as not found: ``libfoo.so.1 => not found``."""
    return {
        line.split("=>", 1)[0].strip() for line in ldd_output.splitlines() if "not found" in line
    }


def _dlopened_libraries_missing() -> set[str]:
    """Qt 6.5+ loads libxcb-cursor at run time (not linked), so ldd cannot see it."""
    import ctypes.util

    return set() if ctypes.util.find_library("xcb-cursor") else {"libxcb-cursor.so.0"}


def _qt_plugin(name: str) -> Path | None:
    try:
        import PySide6
    except ImportError:
        return None
    plugin = Path(PySide6.__file__).parent / "Qt" / "plugins" / "platforms" / name
    return plugin if plugin.exists() else None
