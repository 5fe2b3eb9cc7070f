"""Reading an article or a text (or a PDF's extracted text): the laid-out document with the
matches of the current search marked, moving from one match to the next, and the annotated
passages highlighted in their perspective's colour (under the search's marks, in a layer of
their own) with a bar in the margin and the note on hover.

A long source (see :data:`~archive_app.gui.reader.text_matches.BACKGROUND_TEXT_CHARS`) is shown
at once and its matches are found on the window's TaskRunner; they are marked when they arrive
(``hitsFound``), unless another source or other words were asked for in the meantime."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSize, Signal
from PySide6.QtGui import QFont, QImage, QPalette
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from archive_app.core.errors import ArchiveError
from archive_app.core.model import Annotation, Source
from archive_app.core.search.highlighting import QueryTerms
from archive_app.gui.annotations.look import annotation_color, highlight_format, tooltip
from archive_app.gui.icons import KIND_NAMES, kind_icon
from archive_app.gui.reader.colors import ReaderColors
from archive_app.gui.reader.document import FigurePictures, ReadingStyle, build_document
from archive_app.gui.reader.image_canvas import read_picture
from archive_app.gui.reader.text_matches import (
    BACKGROUND_TEXT_CHARS,
    TextMatches,
    find_text_matches,
    text_size,
)
from archive_app.gui.reader.text_view import Mark, ReadingView
from archive_app.gui.tasks import TaskContext, TaskRunner

SEARCH_LAYER = "search"
CURRENT_LAYER = "current-hit"
ANNOTATION_LAYER = "annotations"
LAYER_ORDER = [ANNOTATION_LAYER, SEARCH_LAYER, CURRENT_LAYER]
TEXT_SCALE = 1.1
ICON_SIZE = 16
FIGURE_MAX_SIDE = 1600
"""Figures' originals are read no larger than this: sharp in a column on a high-DPI screen."""


def _picture_or_none(path: Path, _context: TaskContext) -> QImage | None:
    """A figure's original picture; None when it cannot be decoded (the thumbnail stays)."""
    try:
        return read_picture(path, FIGURE_MAX_SIDE)
    except ArchiveError:
        return None


@dataclass(frozen=True)
class TextHit:
    """A match placed in the document (``start``, ``end``) and in the body (``body_start``,
    ``body_end``: None for a match in a caption)."""

    start: int
    end: int
    body_start: int | None = None
    body_end: int | None = None


class KindLabel(QWidget):
    """What kind of source is open, where other views have their controls."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.icon = QLabel(self)
        self.text = QLabel(self)
        self.text.setObjectName("kindLabel")
        self.text.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(self.icon)
        layout.addWidget(self.text)
        layout.addStretch(1)

    def show_kind(self, kind: str) -> None:
        size = QSize(ICON_SIZE, ICON_SIZE)
        self.icon.setPixmap(kind_icon(kind).pixmap(size, self.devicePixelRatioF()))
        self.text.setText(QCoreApplication.translate("icons", KIND_NAMES.get(kind, kind.title())))


class TextReader(QWidget):
    """A source's text in a :class:`ReadingView`, with its matches."""

    figureSharpened = Signal(int)
    """A figure's thumbnail was replaced by its original picture (the image source's id)."""
    hitsFound = Signal(int)
    """The matches looked for in the background are marked: how many (see :meth:`set_terms`)."""

    def __init__(
        self, pictures: FigurePictures, tasks: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.view = ReadingView(self)
        self.view.layer_order = LAYER_ORDER
        self.controls = KindLabel(self)
        self._pictures = pictures
        self._tasks = tasks
        self._generation = 0
        self._hit_request = 0
        self._source: Source | None = None
        self._terms = QueryTerms()
        self._annotations: list[Annotation] = []
        self._focused: int | None = None
        self.hits: list[TextHit] = []
        self._aliases: dict[str, list[str]] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)

    def show_source(self, source: Source, terms: QueryTerms) -> int | None:
        """Show ``source`` with the matches of ``terms`` marked; how many there are (None: they
        are being found, see :meth:`set_terms`)."""
        self._source = source
        self._generation += 1
        self.controls.show_kind(source.kind)
        self.view.set_reading(build_document(source, self._style(), self._pictures.thumbnail))
        self._sharpen_figures()
        self.show_annotations(source.annotations, None)
        return self.set_terms(terms)

    def clear(self) -> None:
        self._source = None
        self._generation += 1
        self._hit_request += 1
        self.hits = []
        self._aliases = {}
        self._annotations = []
        self.view.set_reading(None)

    def notices(self) -> list[str]:
        return []

    def matched_aliases(self) -> dict[str, list[str]]:
        """For each query word that matched through an alias, the names found."""
        return self._aliases

    def set_terms(self, terms: QueryTerms) -> int | None:
        """Mark the matches of ``terms``; how many there are. In a long source they are found
        in the background: then the old marks go at once, None is returned, and
        ``hitsFound`` says how many there are once they are marked."""
        self._terms = terms
        self._hit_request += 1
        source = self._source
        if source is None or self.view.reading is None or not terms:
            matches = TextMatches()
        elif text_size(source) <= BACKGROUND_TEXT_CHARS:
            matches = find_text_matches(source, terms)
        else:
            self._mark(TextMatches())
            # Started once the text is shown: the task's Python competes with the GUI
            # thread's for the interpreter's lock.
            self.view.call_after_painting(partial(self._find_in_background, self._hit_request))
            return None
        return self._mark(matches)

    def _find_in_background(self, request: int) -> None:
        source, terms = self._source, self._terms
        if request != self._hit_request or source is None:
            return  # another source, or other words, were asked for since
        self._tasks.run(
            lambda _context: find_text_matches(source, terms),
            on_success=partial(self._found, request),
            label=self.tr("Finding the matches in a source"),
        )

    def _found(self, request: int, matches: TextMatches) -> None:
        if request != self._hit_request:
            return  # another source, or other words, were asked for since
        self.hitsFound.emit(self._mark(matches))

    def _mark(self, matches: TextMatches) -> int:
        """Mark ``matches``; how many there are."""
        self.hits = self._placed(matches)
        self._aliases = matches.aliases
        colors = ReaderColors.of(self.palette())
        self.view.set_marks(SEARCH_LAYER, [(hit.start, hit.end) for hit in self.hits], colors.hit)
        self.view.set_marks(CURRENT_LAYER, [], colors.current_hit)
        return len(self.hits)

    def show_hit(self, index: int) -> None:
        hit = self.hits[index]
        colors = ReaderColors.of(self.palette())
        self.view.set_marks(CURRENT_LAYER, [(hit.start, hit.end)], colors.current_hit)
        self.view.scroll_to(hit.start)

    def rebuild(self) -> None:
        """Lay the source out again (after the palette or the font changed)."""
        if self._source is not None:
            annotations, focused = self._annotations, self._focused
            self.show_source(self._source, self._terms)
            self.show_annotations(annotations, focused)

    # Annotations

    def show_annotations(self, annotations: Sequence[Annotation], focused: int | None) -> None:
        """Highlight the annotated passages; ``focused`` (an annotation id) more strongly."""
        self._annotations = [a for a in annotations if a.target == "text"]
        self._focused = focused
        palette = self.view.palette()
        marks = []
        for annotation in self._annotations:
            placed = self.annotation_range(annotation)
            if placed is None:
                continue
            color = annotation_color(annotation)
            chars = highlight_format(color, palette, focused=annotation.id == focused)
            marks.append(Mark(*placed, chars, tooltip(annotation), color))
        self.view.set_styled_marks(ANNOTATION_LAYER, marks)

    def annotation_range(self, annotation: Annotation) -> tuple[int, int] | None:
        """Where an annotated passage is in the document (None: not placed, e.g. orphaned)."""
        reading = self.view.reading
        if (
            reading is None
            or annotation.start is None
            or annotation.end is None
            or annotation.anchor_status == "orphaned"
        ):
            return None
        return reading.body_position(annotation.start), reading.body_position(annotation.end)

    def show_annotation(self, annotation: Annotation) -> None:
        """Highlight a passage strongly, select it and scroll to it."""
        self.show_annotations(self._annotations, annotation.id)
        placed = self.annotation_range(annotation)
        if placed is not None:
            self.view.select(*placed)

    def _sharpen_figures(self) -> None:
        """Replace the figures' thumbnails with their originals, read in the background."""
        reading = self.view.reading
        if reading is None:
            return
        generation = self._generation
        for figure in reading.figures:
            path = self._pictures.original(figure.image_source_id)
            if path is None:
                continue
            self._tasks.run(
                partial(_picture_or_none, path),
                on_success=partial(self._sharpened, generation, figure.image_source_id),
                label=self.tr("Opening a figure's picture"),
            )

    def _sharpened(self, generation: int, image_id: int, image: QImage | None) -> None:
        reading = self.view.reading
        if generation != self._generation or reading is None or image is None:
            return
        shown = next(f.size for f in reading.figures if f.image_source_id == image_id)
        if image.width() > shown.width():
            reading.replace_picture(image_id, image)
            self.view.refit_figures()
            self.figureSharpened.emit(image_id)

    def _placed(self, matches: TextMatches) -> list[TextHit]:
        """The matches placed in the document, in its order."""
        reading = self.view.reading
        if reading is None:
            return []
        hits = [
            TextHit(
                reading.body_position(match.start),
                reading.body_position(match.end),
                match.start,
                match.end,
            )
            for match in matches.body
        ]
        for caption_id, caption_matches in matches.captions:
            for match in caption_matches:
                start = reading.caption_position(caption_id, match.start)
                end = reading.caption_position(caption_id, match.end)
                if start is not None and end is not None:
                    hits.append(TextHit(start, end))
        return sorted(hits, key=lambda hit: hit.start)

    def _style(self) -> ReadingStyle:
        font = QFont(self.view.font())
        font.setPointSizeF(font.pointSizeF() * TEXT_SCALE)
        return ReadingStyle(font, ReaderColors.of(self.view.palette()))
