"""Reuse: the same photo under other captions, the same story under other mastheads.

Perceptual fingerprints of photos (:mod:`.images`), MinHash signatures of bodies (:mod:`.texts`),
kept in the database (:mod:`.fingerprints`) and looked up by :class:`Reuse` (:mod:`.service`).

Each module's names are imported when one of them is first asked for: the import workers sign
bodies with :mod:`.texts` alone, and their fork server loaded the rest (Pillow, the database
layer) for nothing on the way to its first file.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from archive_app.core.reuse.captions import CaptionDifference, caption_differences
    from archive_app.core.reuse.service import PhotoGroup, Reuse, SameText, TextGroup
    from archive_app.core.reuse.showings import Showing
    from archive_app.core.reuse.texts import ParagraphChange, paragraph_changes

_MODULE_OF = {
    "CaptionDifference": "captions",
    "caption_differences": "captions",
    "PhotoGroup": "service",
    "Reuse": "service",
    "SameText": "service",
    "TextGroup": "service",
    "Showing": "showings",
    "ParagraphChange": "texts",
    "paragraph_changes": "texts",
}

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
    module = _MODULE_OF.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__name__}.{module}"), name)
