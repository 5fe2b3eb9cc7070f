"""The reader's colours, derived from the palette so they suit a light and a dark desktop.

Search hits use a marker yellow (amber on dark backgrounds) rather than the palette's selection
colour, so a hit never looks like selected text; the hit the reader is on is orange.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QColor, QPalette


def is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Base).lightness() < 128


def mix(first: QColor, second: QColor, amount: float) -> QColor:
    """``first`` moved ``amount`` (0..1) of the way towards ``second``."""
    return QColor.fromRgbF(
        first.redF() + (second.redF() - first.redF()) * amount,
        first.greenF() + (second.greenF() - first.greenF()) * amount,
        first.blueF() + (second.blueF() - first.blueF()) * amount,
    )


@dataclass(frozen=True)
class Marker:
    background: QColor
    foreground: QColor


@dataclass(frozen=True)
class ReaderColors:
    text: QColor
    muted: QColor
    base: QColor
    panel: QColor
    accent: QColor
    hit: Marker
    current_hit: Marker

    @classmethod
    def of(cls, palette: QPalette) -> ReaderColors:
        text = palette.color(QPalette.ColorRole.Text)
        base = palette.color(QPalette.ColorRole.Base)
        dark = is_dark(palette)
        if dark:
            hit = Marker(QColor("#7a6414"), QColor("#fff8e0"))
            current = Marker(QColor("#c0631b"), QColor("#ffffff"))
        else:
            hit = Marker(QColor("#ffe680"), QColor("#1c1800"))
            current = Marker(QColor("#ff9e3d"), QColor("#1c0f00"))
        return cls(
            text=text,
            muted=mix(text, base, 0.42),
            base=base,
            panel=mix(base, text, 0.045),
            accent=palette.color(QPalette.ColorRole.Highlight),
            hit=hit,
            current_hit=current,
        )
