"""Reuse: the same photo under other captions, the same story under other mastheads.

Perceptual fingerprints of photos (:mod:`.images`), MinHash signatures of bodies (:mod:`.texts`),
kept in the database (:mod:`.fingerprints`) and looked up by :class:`Reuse` (:mod:`.service`).
"""

from archive_app.core.reuse.captions import CaptionDifference, caption_differences
from archive_app.core.reuse.service import PhotoGroup, Reuse, SameText, TextGroup
from archive_app.core.reuse.showings import Showing
from archive_app.core.reuse.texts import ParagraphChange, paragraph_changes

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
