"""How an annotation looks wherever it is shown: its colour (its perspective's, or a neutral
one), the words that name what it is on, and what to say about a passage that moved."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor, QPalette, QTextCharFormat

from archive_app.core.model import Annotation
from archive_app.gui.reader.colors import is_dark, mix

NEUTRAL = "#78909c"
"""The colour of an annotation without a perspective: a blue grey that no perspective of the
default palette uses and that is not the yellow of search hits."""
QUOTE_CHARS = 140
WHOLE = (0.0, 0.0, 1.0, 1.0)
SIDE = 0.4
"""A region whose middle is nearer an edge than this is "at" that edge."""


def annotation_color(annotation: Annotation) -> QColor:
    """Its first perspective's colour, or :data:`NEUTRAL`."""
    for perspective in annotation.perspectives:
        if perspective.color and QColor.isValidColorName(perspective.color):
            return QColor(perspective.color)
    return QColor(NEUTRAL)


def highlight_format(color: QColor, palette: QPalette, *, focused: bool = False) -> QTextCharFormat:
    """A passage's highlight: a tint of its colour that keeps the text readable on a light or
    a dark background (stronger while the passage is the one chosen in the list), and a dotted
    underline in the colour itself, so annotated text shows without telling colours apart."""
    base = palette.color(QPalette.ColorRole.Base)
    dark = is_dark(palette)
    amount = (0.5 if dark else 0.4) if focused else (0.32 if dark else 0.2)
    chars = QTextCharFormat()
    chars.setBackground(mix(base, color, amount))
    chars.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
    chars.setUnderlineColor(mix(color, QColor("white"), 0.25) if dark else color)
    return chars


def region_fill(color: QColor, *, focused: bool = False) -> QColor:
    fill = QColor(color)
    fill.setAlphaF(0.34 if focused else 0.2)
    return fill


def is_whole(annotation: Annotation) -> bool:
    return (annotation.x, annotation.y, annotation.width, annotation.height) == WHOLE


def target_text(annotation: Annotation) -> str:
    """What the annotation is on: its quote, shortened, or where its region is."""
    if annotation.target == "text":
        quote = " ".join(annotation.quote_exact.split())
        if len(quote) > QUOTE_CHARS:
            quote = quote[: QUOTE_CHARS - 1].rstrip() + "…"
        return f"“{quote}”"
    if is_whole(annotation):
        return (
            QCoreApplication.translate("look", "The whole picture")
            if annotation.page is None
            else QCoreApplication.translate("look", "Page {page}").format(page=annotation.page)
        )
    where = _where(annotation)
    if annotation.page is not None:
        return QCoreApplication.translate("look", "Region on page {page}, {where}").format(
            page=annotation.page, where=where
        )
    return QCoreApplication.translate("look", "Region, {where} of the picture").format(where=where)


def _where(annotation: Annotation) -> str:
    """Where a region's middle is: "top left", "centre", "bottom" and so on."""
    x = (annotation.x or 0.0) + (annotation.width or 0.0) / 2
    y = (annotation.y or 0.0) + (annotation.height or 0.0) / 2
    vertical = "top" if y < SIDE else "bottom" if y > 1 - SIDE else ""
    horizontal = "left" if x < SIDE else "right" if x > 1 - SIDE else ""
    if vertical and horizontal:
        return f"{vertical} {horizontal}"
    return vertical or horizontal or "centre"


def anchor_note(annotation: Annotation) -> str:
    """A warning for a passage that could not be found exactly in the current text."""
    if annotation.anchor_status == "fuzzy":
        return QCoreApplication.translate(
            "look", "The text changed: found again approximately. Check the passage."
        )
    if annotation.anchor_status == "orphaned":
        return QCoreApplication.translate(
            "look", "The text changed: this passage is no longer found in it."
        )
    return ""


def tooltip(annotation: Annotation) -> str:
    """The note and labels, shown when hovering the passage or the region."""
    parts = [annotation.note.strip() or QCoreApplication.translate("look", "(no note)")]
    labels = [
        *(p.name for p in annotation.perspectives),
        *(e.name for e in annotation.events),
        *(f"#{t.name}" for t in annotation.tags),
    ]
    if labels:
        parts.append(" · ".join(labels))
    warning = anchor_note(annotation)
    if warning:
        parts.append(warning)
    return "\n".join(parts)
