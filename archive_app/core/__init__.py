"""The archive itself: storage, database, index and search. Imports no Qt.

``Archive`` is loaded on first use so that importers can use :mod:`archive_app.core.errors`
without pulling in the whole core (and so that importing the package does no work).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from archive_app.core.errors import ArchiveError

if TYPE_CHECKING:
    from archive_app.core.archive import Archive

__all__ = ["Archive", "ArchiveError"]


def __getattr__(name: str) -> Any:
    if name == "Archive":
        from archive_app.core.archive import Archive

        return Archive
    raise AttributeError(name)
