"""A source laid out for reading: its blocks, figures and captions in a QTextDocument, and the map
between offsets in the source's text and positions in the document.

The document is built here block by block, never from the page's own HTML, so nothing in it can
run a script or fetch anything: a figure shows the archive's copy of its image or a placeholder
naming where the image was. Search hits, and later annotations, are text ranges in the body or
in a caption; :class:`ReadingDocument` turns them into document positions and back.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path
from typing import NamedTuple

from PySide6.QtCore import QCoreApplication, QSize, Qt, QUrl
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontDatabase,
    QImage,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFrameFormat,
    QTextImageFormat,
    QTextLength,
    QTextList,
    QTextListFormat,
    QTextTableCellFormat,
    QTextTableFormat,
)

from archive_app.core.model import BlockSpan, CaptionRecord, Source
from archive_app.gui.reader.colors import ReaderColors, mix

IMAGE_SCHEME = "archive-image"
"""Figures' images are document resources named ``archive-image:<source id>``."""

ImageFinder = Callable[[int], Path | None]
"""Given an image source's id, a local file of its picture (None: there is none)."""


@dataclass(frozen=True)
class FigurePictures:
    """Where the pictures of an article's figures are: each image source's thumbnail, shown
    at once, and its original, read in the background to replace the thumbnail."""

    thumbnail: ImageFinder
    original: ImageFinder


_LIST_STYLES = (
    QTextListFormat.Style.ListDisc,
    QTextListFormat.Style.ListCircle,
    QTextListFormat.Style.ListSquare,
)
_HEADING_SCALE = {1: 1.6, 2: 1.35, 3: 1.18}
_MAX_SOURCE_CHARS = 80
_OWN_LOOK = frozenset({"heading", "quote", "list_item", "preformatted", "page"})
"""Kinds of block with a look of their own; any other is a plain paragraph."""
_BLOCK_BREAKING = ("\r", "\ufdd0", "\ufdd1")
"""Characters that Qt's text insertion turns into a block break or drops (a CR before a LF)."""
_ASTRAL = re.compile("[\U00010000-\U0010ffff]")
"""A character beyond the Basic Multilingual Plane: two UTF-16 units in a Qt document."""


class Segment(NamedTuple):
    """A run of text placed in the document: ``length`` characters from ``offset`` in their
    text (the body or a caption), starting at document ``position``.

    Offsets count code points (Python string indices, as the archive stores them); document
    positions count UTF-16 units, as Qt does. ``astral`` lists the characters of the run
    beyond the Basic Multilingual Plane (an emoji), which take two units each. (A named tuple:
    a long source has thousands, made while the window waits.)
    """

    offset: int
    position: int
    length: int
    astral: tuple[int, ...] = ()

    @classmethod
    def of(cls, text: str, offset: int, position: int) -> Segment:
        astral = () if text.isascii() else tuple(m.start() for m in _ASTRAL.finditer(text))
        return cls(offset, position, len(text), astral)

    @property
    def units(self) -> int:
        """How many document positions the run takes."""
        return self.length + len(self.astral)

    def position_of(self, relative: int) -> int:
        """The document position of code point ``relative`` of the run."""
        return self.position + relative + bisect_left(self.astral, relative)

    def offset_of(self, relative_units: int) -> int:
        """The code point of the run at ``relative_units`` positions into it (inside a
        surrogate pair: the character's start)."""
        code_points = relative_units
        for index, astral in enumerate(self.astral):
            if astral + index < relative_units:
                code_points -= 1
            else:
                break
        return code_points


@dataclass(frozen=True)
class FigureImage:
    """A figure's picture placed in the document, with the size it has at 100 %."""

    position: int
    size: QSize
    image_source_id: int

    @property
    def name(self) -> str:
        return f"{IMAGE_SCHEME}:{self.image_source_id}"


@dataclass
class ReadingDocument:
    """A built document and where the source's texts went in it."""

    document: QTextDocument
    body: list[Segment] = field(default_factory=list)
    captions: dict[int, Segment] = field(default_factory=dict)
    figures: list[FigureImage] = field(default_factory=list)
    _starts: list[int] = field(default_factory=list, repr=False)

    def body_position(self, offset: int) -> int:
        """The document position of body ``offset``; an offset between blocks goes to the start
        of the next block."""
        if not self.body:
            return 0
        if len(self._starts) != len(self.body):
            self._starts = [segment.offset for segment in self.body]
        index = max(bisect_right(self._starts, offset) - 1, 0)
        segment = self.body[index]
        if offset <= segment.offset + segment.length:
            return segment.position_of(max(offset - segment.offset, 0))
        if index + 1 < len(self.body):
            return self.body[index + 1].position
        return segment.position + segment.units

    def body_offset(self, position: int) -> int | None:
        """The body offset at document ``position`` (None outside the body, e.g. a caption)."""
        for segment in self.body:
            if segment.position <= position <= segment.position + segment.units:
                return segment.offset + segment.offset_of(position - segment.position)
        return None

    def replace_picture(self, image_source_id: int, image: QImage) -> None:
        """Show ``image`` (the original, read later) instead of the figure's thumbnail."""
        for index, figure in enumerate(self.figures):
            if figure.image_source_id == image_source_id:
                self.document.addResource(
                    QTextDocument.ResourceType.ImageResource, QUrl(figure.name), image
                )
                self.figures[index] = replace(figure, size=image.size())

    def caption_position(self, caption_id: int, offset: int) -> int | None:
        segment = self.captions.get(caption_id)
        if segment is None:
            return None
        return segment.position_of(min(offset, segment.length))


@dataclass(frozen=True)
class ReadingStyle:
    """The fonts and colours a document is built with."""

    font: QFont
    colors: ReaderColors

    @cached_property
    def em(self) -> float:
        return self.font.pointSizeF() * 96 / 72 if self.font.pointSizeF() > 0 else 16.0


def reading_blocks(source: Source) -> list[BlockSpan]:
    """The source's blocks; a body stored without any is read as paragraphs."""
    if source.blocks or not source.body:
        return source.blocks
    spans = []
    start = 0
    for part in source.body.split("\n\n"):
        spans.append(BlockSpan("paragraph", 0, start, start + len(part)))
        start += len(part) + 2
    return spans


def build_document(source: Source, style: ReadingStyle, images: ImageFinder) -> ReadingDocument:
    """Lay out ``source``'s body and figures for reading."""
    builder = _Builder(style, images)
    blocks = reading_blocks(source)
    figures = _figures_by_block(source.images, len(blocks))
    builder.add_figures(figures.get(-1, []))
    for index, block in enumerate(_without_repeated_title(source, blocks)):
        if block is not None:
            builder.add_block(block, source.body[block.start : block.end])
        builder.add_figures(figures.get(index, []))
    builder.add_figures(figures.get(len(blocks), []))
    builder.flush()
    return builder.result


def _without_repeated_title(source: Source, blocks: list[BlockSpan]) -> list[BlockSpan | None]:
    """The blocks to lay out: a text file's title is its first line, which the header already
    shows, so that line is left out here (None: a block left out whole). The stored body keeps
    it, since annotations and search hits count their offsets from it."""
    if source.kind != "text" or not blocks:
        return list(blocks)
    first = blocks[0]
    text = source.body[first.start : first.end]
    line, newline, _rest = text.partition("\n")
    if " ".join(line.split()) != " ".join(source.title.split()) or not line.strip():
        return list(blocks)
    start = first.start + len(line) + len(newline)
    while start < first.end and source.body[start].isspace():
        start += 1
    rest = replace(first, start=start) if start < first.end else None
    return [rest, *blocks[1:]]


def _figures_by_block(
    figures: list[CaptionRecord], block_count: int
) -> dict[int, list[CaptionRecord]]:
    """Figures grouped by the block they follow (-1: before the first; unknown: at the end)."""
    placed: dict[int, list[CaptionRecord]] = {}
    for figure in figures:
        after = figure.after_block
        key = block_count if after is None or after >= block_count else max(after, -1)
        placed.setdefault(key, []).append(figure)
    return placed


class _Builder:
    def __init__(self, style: ReadingStyle, images: ImageFinder) -> None:
        self.style = style
        self.colors = style.colors
        self.images = images
        document = QTextDocument()
        document.setUndoRedoEnabled(False)
        document.setDefaultFont(style.font)
        document.setDocumentMargin(0)
        self.result = ReadingDocument(document)
        self.cursor = QTextCursor(document)
        self.fresh = True
        self.lists: dict[int, QTextList] = {}
        self.box: str | None = None
        self.paragraph = self._paragraph_format()
        self.body_chars = self._body_chars()
        """The formats of a plain paragraph, made once: a long source has thousands."""
        self.pending: list[tuple[int, str]] = []
        """Plain paragraphs in a row (body offset, text), inserted together by :meth:`flush`."""

    # Blocks of the body

    def add_block(self, block: BlockSpan, text: str) -> None:
        plain = block.kind not in _OWN_LOOK
        if plain and self.pending:
            self.pending.append((block.start, text))
            return
        self.flush()
        box = block.kind if block.kind in ("quote", "preformatted") else None
        if self.box is not None and self.box != box:
            self._leave_box()
        if block.kind != "list_item":
            self.lists.clear()
        if box is not None and self.box is None:
            if box == "quote":
                self._enter_box(self._quote_cell(), margin_left=self.style.em * 0.6)
            else:
                self._enter_box(self._panel_cell(padding=self.style.em * 0.7))
            self.box = box
        if block.kind == "heading":
            self._start(self._heading_format(block.level), self._heading_chars(block.level))
        elif block.kind == "quote":
            self._start(self._paragraph_format(), self._quote_chars())
        elif block.kind == "list_item":
            self._list_item(block.level)
        elif block.kind == "preformatted":
            self._start(self._code_format(), self._code_chars())
        else:
            if block.kind == "page":
                self._page_label(block.level)
            self._start(self.paragraph, self.body_chars)
        if plain:
            self.pending.append((block.start, text))
        else:
            self._insert_body_text(block.start, text)

    def flush(self) -> None:
        """Insert the pending plain paragraphs: in one go, each after a paragraph separator
        (which starts a block in the current formats, as :meth:`_start` would), unless a text
        holds a character Qt would turn into a block of its own, which breaks the arithmetic."""
        paragraphs, self.pending = self.pending, []
        joined = "\u2029".join(text for _offset, text in paragraphs)
        if any(char in joined for char in _BLOCK_BREAKING):
            for number, (offset, text) in enumerate(paragraphs):
                if number:
                    self._start(self.paragraph, self.body_chars)
                self._insert_body_text(offset, text)
            return
        position = self.cursor.position()
        self.cursor.insertText(joined)
        for offset, text in paragraphs:
            segment = Segment.of(text, offset, position)
            self.result.body.append(segment)
            position += segment.units + 1

    def _insert_body_text(self, offset: int, text: str) -> None:
        position = self.cursor.position()
        self.cursor.insertText(text)
        self.result.body.append(Segment.of(text, offset, position))

    def _start(self, block_format: QTextBlockFormat, chars: QTextCharFormat) -> None:
        if self.fresh:
            # Not setBlockCharFormat: in a box's first block that would overwrite the cell's
            # own format, which Qt keeps on the character before the block.
            self.cursor.setBlockFormat(block_format)
            self.cursor.setCharFormat(chars)
            self.fresh = False
        else:
            self.cursor.insertBlock(block_format, chars)

    def _list_item(self, level: int) -> None:
        depth = max(level - 1, 0) if level else 0
        for deeper in [d for d in self.lists if d > depth]:
            del self.lists[deeper]
        block_format = self._paragraph_format()
        block_format.setBottomMargin(self.style.em * 0.3)
        self._start(block_format, self._body_chars())
        existing = self.lists.get(depth)
        if existing is not None:
            existing.add(self.cursor.block())
            return
        list_format = QTextListFormat()
        list_format.setStyle(_LIST_STYLES[depth % len(_LIST_STYLES)])
        list_format.setIndent(depth + 1)
        self.lists[depth] = self.cursor.createList(list_format)

    def _page_label(self, number: int) -> None:
        block_format = QTextBlockFormat()
        block_format.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        block_format.setTopMargin(self.style.em * (0.2 if self.fresh else 1.6))
        block_format.setBottomMargin(self.style.em * 0.8)
        chars = self._small_chars(0.82, self.colors.muted)
        chars.setFontLetterSpacing(108)
        self._start(block_format, chars)
        self.cursor.insertText(
            QCoreApplication.translate("document", "PAGE {number}").format(number=number)
        )

    # Figures

    def add_figures(self, figures: list[CaptionRecord]) -> None:
        if figures:
            self.flush()
        if figures and self.box is not None:
            self._leave_box()
        for figure in figures:
            self._figure(figure)

    def _figure(self, figure: CaptionRecord) -> None:
        self.lists.clear()
        self._enter_box(self._panel_cell(padding=self.style.em * 0.75), margin_top=0.3)
        self.box = "figure"
        path = self.images(figure.image_source_id) if figure.image_source_id else None
        image = QImage(str(path)) if path is not None else QImage()
        if image.isNull():
            self._image_placeholder(figure)
        else:
            self._image(figure, image)
        self._caption(figure)
        self._leave_box()

    def _image(self, figure: CaptionRecord, image: QImage) -> None:
        assert figure.image_source_id is not None
        self._start(self._centered(), QTextCharFormat())
        placed = FigureImage(self.cursor.position(), image.size(), figure.image_source_id)
        self.result.document.addResource(
            QTextDocument.ResourceType.ImageResource, QUrl(placed.name), image
        )
        picture = QTextImageFormat()
        picture.setName(placed.name)
        picture.setWidth(image.width())
        picture.setHeight(image.height())
        if figure.alt:
            picture.setToolTip(figure.alt)
        self.result.figures.append(placed)
        self.cursor.insertImage(picture)

    def _image_placeholder(self, figure: CaptionRecord) -> None:
        block_format = self._centered()
        block_format.setTopMargin(self.style.em * 1.2)
        self._start(block_format, self._small_chars(0.9, self.colors.muted))
        self.cursor.insertText(
            QCoreApplication.translate("_Builder", "Image not saved with the page")
        )
        if figure.src:
            details = self._centered()
            details.setBottomMargin(self.style.em * 1.2)
            chars = self._small_chars(0.78, self.colors.muted)
            chars.setToolTip(figure.src)
            self.cursor.insertBlock(details, chars)
            self.cursor.insertText(_shortened(figure.src))

    def _caption(self, figure: CaptionRecord) -> None:
        text = figure.text or figure.alt
        if not text and not figure.credit:
            return
        block_format = QTextBlockFormat()
        block_format.setTopMargin(self.style.em * 0.55)
        block_format.setLineHeight(135, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
        chars = self._small_chars(0.92, self.colors.text)
        self._start(block_format, chars)
        if figure.text:
            self.result.captions[figure.id] = Segment.of(text, 0, self.cursor.position())
            self.cursor.insertText(text, chars)
        elif text:
            alt = self._small_chars(0.92, self.colors.muted)
            alt.setFontItalic(True)
            self.cursor.insertText(text, alt)
        if figure.credit:
            separator = "   " if text else ""
            self.cursor.insertText(
                separator + figure.credit, self._small_chars(0.82, self.colors.muted)
            )

    # Boxes: one-cell tables for quotes, figures and preformatted text

    def _quote_cell(self) -> QTextTableCellFormat:
        """A quote: indented, with a rule down its left side."""
        cell = QTextTableCellFormat()
        none = QTextFrameFormat.BorderStyle.BorderStyle_None
        cell.setTopBorderStyle(none)
        cell.setRightBorderStyle(none)
        cell.setBottomBorderStyle(none)
        cell.setLeftBorder(3)
        cell.setLeftBorderStyle(QTextFrameFormat.BorderStyle.BorderStyle_Solid)
        cell.setLeftBorderBrush(QBrush(mix(self.colors.accent, self.colors.base, 0.35)))
        cell.setLeftPadding(self.style.em * 1.0)
        cell.setTopPadding(2)
        cell.setBottomPadding(2)
        return cell

    def _panel_cell(self, padding: float) -> QTextTableCellFormat:
        cell = QTextTableCellFormat()
        cell.setBackground(self.colors.panel)
        cell.setPadding(padding)
        return cell

    def _enter_box(
        self, cell: QTextTableCellFormat, margin_left: float = 0.0, margin_top: float = 0.1
    ) -> None:
        if self.fresh:
            self._collapse_current_block()
        table_format = QTextTableFormat()
        table_format.setBorder(0)
        table_format.setBorderCollapse(True)
        table_format.setCellSpacing(0)
        table_format.setCellPadding(0)
        table_format.setWidth(QTextLength(QTextLength.Type.PercentageLength, 100))
        table_format.setLeftMargin(margin_left)
        table_format.setTopMargin(self.style.em * margin_top)
        table_format.setBottomMargin(self.style.em * 0.9)
        self.table = self.cursor.insertTable(1, 1, table_format)
        self.table.cellAt(0, 0).setFormat(cell)
        self.fresh = True

    def _leave_box(self) -> None:
        self.cursor.setPosition(self.table.lastPosition() + 1)
        self.fresh = True
        self.box = None

    def _collapse_current_block(self) -> None:
        """An empty block before a box (at the very start, or between two boxes) takes no
        room."""
        block_format = QTextBlockFormat()
        block_format.setLineHeight(0, QTextBlockFormat.LineHeightTypes.FixedHeight.value)
        self.cursor.setBlockFormat(block_format)

    # Formats

    def _paragraph_format(self) -> QTextBlockFormat:
        block_format = QTextBlockFormat()
        block_format.setBottomMargin(self.style.em * 0.8)
        block_format.setLineHeight(150, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
        return block_format

    def _heading_format(self, level: int) -> QTextBlockFormat:
        block_format = QTextBlockFormat()
        block_format.setHeadingLevel(max(1, min(level, 6)))
        block_format.setTopMargin(self.style.em * (0.3 if self.fresh else 1.0))
        block_format.setBottomMargin(self.style.em * 0.45)
        block_format.setLineHeight(125, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
        return block_format

    def _heading_chars(self, level: int) -> QTextCharFormat:
        chars = self._body_chars()
        chars.setFontPointSize(self.style.font.pointSizeF() * _HEADING_SCALE.get(level, 1.06))
        chars.setFontWeight(QFont.Weight.DemiBold)
        return chars

    def _quote_chars(self) -> QTextCharFormat:
        chars = self._body_chars()
        chars.setForeground(mix(self.colors.text, self.colors.base, 0.18))
        chars.setFontItalic(True)
        return chars

    def _code_format(self) -> QTextBlockFormat:
        block_format = QTextBlockFormat()
        block_format.setNonBreakableLines(True)
        return block_format

    def _code_chars(self) -> QTextCharFormat:
        chars = QTextCharFormat()
        mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        mono.setPointSizeF(self.style.font.pointSizeF() * 0.88)
        chars.setFont(mono)
        chars.setForeground(self.colors.text)
        return chars

    def _body_chars(self) -> QTextCharFormat:
        chars = QTextCharFormat()
        chars.setForeground(self.colors.text)
        return chars

    def _small_chars(self, scale: float, color: QColor) -> QTextCharFormat:
        chars = QTextCharFormat()
        chars.setFontPointSize(self.style.font.pointSizeF() * scale)
        chars.setForeground(color)
        return chars

    def _centered(self) -> QTextBlockFormat:
        block_format = QTextBlockFormat()
        block_format.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        return block_format


def _shortened(src: str) -> str:
    """A long image address with its middle left out."""
    if len(src) <= _MAX_SOURCE_CHARS:
        return src
    half = (_MAX_SOURCE_CHARS - 1) // 2
    return f"{src[:half]}…{src[-half:]}"
