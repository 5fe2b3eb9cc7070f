"""Where the default archive lives. Resolved when asked, never at import time."""

from __future__ import annotations

import os
import sys
from pathlib import Path

HOME_VARIABLE = "ARCHIVE_APP_HOME"


def default_archive_path(environ: dict[str, str] | None = None) -> Path:
    """``$ARCHIVE_APP_HOME`` if set, else ``Archive`` in the user's data folder."""
    env = os.environ if environ is None else environ
    override = env.get(HOME_VARIABLE)
    if override:
        return Path(override).expanduser()
    return user_data_dir(env) / "Archive"


def user_data_dir(env: os._Environ[str] | dict[str, str]) -> Path:
    home = Path(env.get("HOME") or Path.home())
    if sys.platform == "darwin":
        return home / "Library" / "Application Support" / "archive-app"
    if sys.platform == "win32":
        return Path(env.get("APPDATA") or home / "AppData" / "Roaming") / "archive-app"
    return Path(env.get("XDG_DATA_HOME") or home / ".local" / "share") / "archive-app"


def user_cache_dir(env: os._Environ[str] | dict[str, str] | None = None) -> Path:
    """The program's folder in the user's cache folder (``$XDG_CACHE_HOME/archive-app``):
    what it keeps there can be deleted and is made again."""
    env = os.environ if env is None else env
    home = Path(env.get("HOME") or Path.home())
    if sys.platform == "darwin":
        cache = home / "Library" / "Caches"
    elif sys.platform == "win32":
        cache = Path(env.get("LOCALAPPDATA") or home / "AppData" / "Local")
    else:
        cache = Path(env.get("XDG_CACHE_HOME") or home / ".cache")
    return cache / "archive-app"
