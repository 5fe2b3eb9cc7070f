"""What OCR reads from one page, as it travels from a worker process to the archive: light
enough to import anywhere (no Pillow, no Tesseract)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

PAGE_TIME_LIMIT = 90.0
"""Seconds one page may take; a page that takes longer is skipped and the others are kept."""


@dataclass(frozen=True)
class OcrRequest:
    """What a worker is asked to read: page ``page`` (from 1) in ``languages`` (Tesseract's
    codes, such as ``eng``, ``hye``, ``aze_cyrl``)."""

    page: int
    languages: tuple[str, ...]
    time_limit: float = PAGE_TIME_LIMIT


@dataclass(frozen=True)
class OcrWord:
    """A word: where it is in the page's text (``start``, ``end``) and on the page image (a box
    relative to the page, 0 to 1), and how sure Tesseract is of it (0 to 100)."""

    start: int
    end: int
    left: float
    top: float
    width: float
    height: float
    confidence: float

    def to_row(self) -> list[float]:
        return [self.start, self.end, self.left, self.top, self.width, self.height, self.confidence]

    @classmethod
    def from_row(cls, row: list[float]) -> OcrWord:
        start, end, left, top, width, height, confidence = row
        return cls(int(start), int(end), left, top, width, height, confidence)


@dataclass
class OcrPage:
    """One page as Tesseract read it. ``confidence`` is the words' mean (0 to 100; 0 when there
    are none); ``width`` and ``height`` are the pixels of the picture that was read."""

    number: int
    text: str = ""
    words: list[OcrWord] = field(default_factory=list)
    confidence: float = 0.0
    width: int = 0
    height: int = 0
    notes: list[str] = field(default_factory=list)


OcrWords = Callable[[int, int], list[OcrWord]]
"""Where the window finds the words OCR read: ``words(source_id, page)``."""
