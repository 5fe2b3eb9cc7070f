"""What the window remembers between runs, declared once with its type and default.

Settings that belong to the person (window geometry, splitter sizes, the last and recent
archives) live in QSettings; settings that belong to an archive live in its database. Tests and
scripts pass :meth:`AppSettings.in_file` so they never touch the person's own settings.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

MAX_RECENT_ARCHIVES = 8


class AppSettings:
    def __init__(self, store: QSettings | None = None) -> None:
        self._store = store if store is not None else QSettings()

    @classmethod
    def in_file(cls, path: Path) -> AppSettings:
        """Settings kept in an INI file of their own."""
        return cls(QSettings(str(path), QSettings.Format.IniFormat))

    def sync(self) -> None:
        self._store.sync()

    # Archives

    @property
    def last_archive(self) -> Path | None:
        value = self._store.value("archives/last", "")
        return Path(str(value)) if value else None

    @property
    def recent_archives(self) -> list[Path]:
        return [Path(p) for p in _strings(self._store.value("archives/recent", []))]

    def remember_archive(self, path: Path) -> None:
        """``path`` becomes the last archive and the first of the recent ones."""
        recent = [p for p in self.recent_archives if p != path]
        recent.insert(0, path)
        self._store.setValue("archives/recent", [str(p) for p in recent[:MAX_RECENT_ARCHIVES]])
        self._store.setValue("archives/last", str(path))

    def forget_archive(self, path: Path) -> None:
        self._store.setValue("archives/recent", [str(p) for p in self.recent_archives if p != path])
        if self.last_archive == path:
            self._store.remove("archives/last")

    # The window

    @property
    def language(self) -> str:
        """The window's language as an ISO 639-1 code; "" follows the system's locale."""
        return str(self._store.value("window/language", "") or "")

    @language.setter
    def language(self, code: str) -> None:
        self._store.setValue("window/language", code)

    def window_geometry(self) -> QByteArray | None:
        return self._bytes("window/geometry")

    def save_window_geometry(self, geometry: QByteArray) -> None:
        self._store.setValue("window/geometry", geometry)

    def splitter_sizes(self, name: str) -> list[int] | None:
        sizes = _strings(self._store.value(f"splitters/{name}", []))
        try:
            return [int(size) for size in sizes] or None
        except ValueError:
            return None

    def save_splitter_sizes(self, name: str, sizes: list[int]) -> None:
        self._store.setValue(f"splitters/{name}", [str(size) for size in sizes])

    def header_state(self, name: str) -> QByteArray | None:
        return self._bytes(f"headers/{name}")

    def save_header_state(self, name: str, state: QByteArray) -> None:
        self._store.setValue(f"headers/{name}", state)

    def flag(self, name: str, default: bool) -> bool:
        value = self._store.value(f"flags/{name}", default)
        return value in (True, "true", "1", 1)

    def set_flag(self, name: str, value: bool) -> None:
        self._store.setValue(f"flags/{name}", value)

    def _bytes(self, key: str) -> QByteArray | None:
        value = self._store.value(key)
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None


def _strings(value: object) -> list[str]:
    """QSettings gives back one string for a one-item list in INI files, a list otherwise."""
    if isinstance(value, str):
        return [value] if value else []
    if isinstance(value, list | tuple):
        return [str(item) for item in value]
    return []
