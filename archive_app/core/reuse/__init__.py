"""Reuse: the same photo under other captions, the same story under other mastheads.

Perceptual fingerprints of photos (:mod:`.images`), MinHash signatures of bodies (:mod:`.texts`),
kept in the database (:mod:`.fingerprints`) and looked up by :class:`Reuse` (:mod:`.service`).

:mod:`.service` (which loads Pillow and the database layer) is imported when one of its names
is first asked for: the import workers sign bodies with :mod:`.texts` alone, and their fork
server loaded the rest for nothing on the way to its first file.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from archive_app.core.reuse.captions import CaptionDifference, caption_differences
from archive_app.core.reuse.showings import Showing
from archive_app.core.reuse.texts import ParagraphChange, paragraph_changes

if TYPE_CHECKING:
    from archive_app.core.reuse.service import PhotoGroup, Reuse, SameText, TextGroup

_SERVICE_NAMES = frozenset({"PhotoGroup", "Reuse", "SameText", "TextGroup"})

__all__ = [
    "CaptionDifference",
    "ParagraphChange",
    "PhotoGroup",
    "Reuse",
    "SameText",
    "Showing",
    "TextGroup",
    "caption_differences",
    "paragraph_changes",
]


def __getattr__(name: str) -> Any:
    if name in _SERVICE_NAMES:
        from archive_app.core.reuse import service

        return getattr(service, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
