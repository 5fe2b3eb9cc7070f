"""The reader: the right-hand pane that shows one source as a person reads it.

An article or a text is set as a readable column, a PDF as its pages, an image fitted to the
pane with its caption and metadata. The words of the current search are marked in every kind,
the reader opens on the first match, and F3 / Shift+F3 (or the arrows by the "3 of 12" counter)
move between matches. Ctrl+F finds other words in the open source.

Annotations are shown where they are: passages highlighted in the text, regions drawn over the
picture or the PDF page. The reader's Annotate and Draw region commands say what to annotate
(``annotateRequested``); the annotation itself is made elsewhere
(:class:`~archive_app.gui.annotations.annotator.Annotator`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from itertools import pairwise
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QEvent, QRectF, Qt, Signal
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence, QPalette
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from archive_app.core.annotations import Region
from archive_app.core.archive import Archive
from archive_app.core.errors import NotFoundError
from archive_app.core.model import Annotation, Source
from archive_app.core.search.highlighting import QueryTerms, compile_query
from archive_app.gui.blur import BLURRED_FOLDER, Veil, blurred_copy
from archive_app.gui.core_text import stored_text
from archive_app.gui.icons import icon
from archive_app.gui.reader.annotating import (
    AnnotateActions,
    AnnotationTarget,
    RegionTarget,
    passage_target,
    whole_target,
)
from archive_app.gui.reader.document import FigurePictures
from archive_app.gui.reader.header import NoticeBar, SourceHeader
from archive_app.gui.reader.hits import FindBar, HitNavigator
from archive_app.gui.reader.image_reader import ImageReader
from archive_app.gui.reader.pdf_reader import PdfReader
from archive_app.gui.reader.reuse_panel import ReuseFinder
from archive_app.gui.reader.text_reader import TextReader
from archive_app.gui.tasks import TaskRunner

MARGIN = 16


class SourceView(Protocol):
    """What the reader asks of the view for one kind of source."""

    @property
    def controls(self) -> QWidget: ...

    def clear(self) -> None: ...

    def notices(self) -> list[str]: ...

    def set_terms(self, terms: QueryTerms) -> int | None: ...

    def matched_aliases(self) -> dict[str, list[str]]: ...

    def show_hit(self, index: int) -> None: ...

    def show_annotations(self, annotations: Sequence[Annotation], focused: int | None) -> None: ...

    def show_annotation(self, annotation: Annotation) -> None: ...


class ReaderPane(QWidget):
    """Shows the source chosen in the window, with the current search's matches marked."""

    openSourceRequested = Signal(int)
    """A person asked to open another source (an article an image appears in)."""
    annotateRequested = Signal(object)
    """Something is to be annotated (an :data:`AnnotationTarget`)."""
    annotateRefused = Signal(str)
    """Annotate was asked for with nothing to annotate: why, to show the person."""

    def __init__(self, archive: Archive, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reader")
        self.setAccessibleName(self.tr("Reader"))
        self.archive = archive
        self._source: Source | None = None
        self._query = ""
        self._shown_terms = QueryTerms()
        self.header = SourceHeader(self)
        self.notice = NoticeBar(self)
        self.hit_navigator = HitNavigator(self)
        self.find_bar = FindBar(self)
        pictures = FigurePictures(self._preview_of, self._original_of)
        self.text_reader = TextReader(pictures, tasks, self)
        self.pdf_reader = PdfReader(pictures, tasks, self, ocr_words=archive.ocr.words)
        self.image_reader = ImageReader(tasks, Veil(archive), self, ocr_words=archive.ocr.words)
        self.figure_veil = Veil(archive)
        self.image_reader.openSourceRequested.connect(self.openSourceRequested)
        self.image_reader.pictureShown.connect(self._show_notices)
        self.reuse = ReuseFinder(archive, tasks, self)
        self.reuse.openSourceRequested.connect(self.openSourceRequested)
        self.image_reader.details.add_section(self.reuse.photo_panel)
        for text_reader in (self.text_reader, self.pdf_reader.text_reader):
            text_reader.hitsFound.connect(self._hits_found)
        self.empty = QLabel(self.tr("Choose a source to read it here."), self)
        self.empty.setObjectName("readerEmpty")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.empty.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.find_action = QAction(icon("find-in-source"), self.tr("Find in this source"), self)
        self.find_action.setToolTip(self.tr("Find in this source (Ctrl+F)"))
        self.find_action.triggered.connect(self.find_bar.open_bar)
        self.annotating = AnnotateActions(self)
        self.annotating.annotate.triggered.connect(self._annotate)
        self.annotating.draw.toggled.connect(self._set_drawing)
        self.image_reader.canvas.regionDrawn.connect(self._region_drawn)
        self.pdf_reader.page_view.regionDrawn.connect(self._page_region_drawn)
        for view in (self.text_reader.view, self.pdf_reader.text_reader.view):
            view.menu_actions = [self.annotating.annotate]
        for canvas in (self.image_reader.canvas, self.pdf_reader.page_view):
            canvas.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
            canvas.addActions([self.annotating.annotate, self.annotating.draw])
        self.addAction(self.hit_navigator.next_action)
        self.addAction(self.hit_navigator.previous_action)
        self.views = QStackedWidget(self)
        for widget in (self.empty, self.text_reader, self.pdf_reader, self.image_reader):
            self.views.addWidget(widget)
        self._layout()
        self.hit_navigator.currentChanged.connect(self._show_hit)
        self.find_bar.textChanged.connect(lambda _text: self._apply_terms())
        self.find_bar.nextRequested.connect(self.hit_navigator.next)
        self.find_bar.previousRequested.connect(self.hit_navigator.previous)
        self.find_bar.closed.connect(self._find_closed)
        self.show_source(None)

    # The interface the window uses

    @property
    def source_id(self) -> int | None:
        return self._source.id if self._source is not None else None

    def show_source(
        self, source_id: int | None, query: str = "", read: Source | None = None
    ) -> None:
        """Show a source (None: none) with the matches of ``query`` marked, opened on the
        first match. ``read``: the source as just read from the archive, if it was (a long
        one takes a while to read)."""
        self._query = query
        self.figure_veil.reload()
        source = read if read is not None and read.id == source_id else self._load(source_id)
        if source is not None and self._source is not None and _same_text(source, self._source):
            self._source = source
            self._apply_terms()
            view = self._view_for(source)
            if view is not None:
                view.show_annotations(source.annotations, None)
            return
        self._source = source
        for other in self._views():
            if other is not self._view_for(source):
                other.clear()
        self.reuse.show_source(source)
        if source is None:
            self._show_nothing()
            return
        self.chrome.setVisible(True)
        self.toolbar.setVisible(True)
        view = self._view_for(source)
        assert view is not None
        terms = self._terms()
        self.views.setCurrentWidget(view)
        self.controls.setCurrentWidget(view.controls)
        layout = self.views.layout()
        if layout is not None:
            layout.activate()
        count: int | None
        if isinstance(view, ImageReader):
            original = self.archive.original_path(source)
            count = view.show_source(source, original, self.archive.thumbnail_path(source), terms)
        elif isinstance(view, PdfReader):
            count = view.show_source(source, self.archive.original_path(source), terms)
        else:
            count = view.show_source(source, terms)
        self._show_notices()
        self._show_matches(view, count, terms)
        self._fit_annotating(source)

    def set_query(self, query: str) -> None:
        """Mark the matches of another search in the open source (it stayed among the hits of
        a new query, or the search was cleared)."""
        if query != self._query:
            self._query = query
            self._apply_terms()

    def current_view(self) -> QWidget | None:
        return self.views.currentWidget()

    # Annotations

    @property
    def source_kind(self) -> str | None:
        return self._source.kind if self._source is not None else None

    @property
    def annotations(self) -> list[Annotation]:
        """The open source's annotations, as shown."""
        return list(self._source.annotations) if self._source is not None else []

    def refresh_evidence(self) -> None:
        """Show the source's verification badge, and blur its picture or not, as the archive
        has them now (after an edit)."""
        if self._source is not None and self.isVisible():
            source_id = self._source.id
            self.header.show_grade(self.archive.verification.of_sources([source_id])[source_id])
            if self.current_view() is self.image_reader:
                self.image_reader.refresh_veil()

    def refresh_annotations(self, focused: int | None = None) -> None:
        """Read the open source's annotations again and show them (after an edit, an undo)."""
        view = self._view_for(self._source)
        if self._source is None or view is None:
            return
        try:
            annotations = self.archive.annotations.of_source(self._source.id)
        except NotFoundError:
            return
        self._source = replace(self._source, annotations=annotations)
        view.show_annotations(annotations, focused)

    def show_annotation(self, annotation_id: int) -> None:
        """Go to an annotation: select its passage, or frame its region."""
        view = self._view_for(self._source)
        annotation = next((a for a in self.annotations if a.id == annotation_id), None)
        if view is not None and annotation is not None:
            view.show_annotation(annotation)

    def clear_draft(self) -> None:
        """Take away a region drawn but not annotated (the note was cancelled)."""
        self.image_reader.canvas.clear_draft()
        self.pdf_reader.page_view.clear_draft()

    def _annotate(self) -> None:
        source = self._source
        if source is None:
            return
        view = self.views.currentWidget()
        target: AnnotationTarget | None = None
        if view is self.text_reader:
            target = passage_target(source, self.text_reader.view)
        elif view is self.pdf_reader:
            if self.pdf_reader.showing_text:
                target = passage_target(source, self.pdf_reader.text_reader.view)
            else:
                target = whole_target(source, self.pdf_reader.current_page())
        elif view is self.image_reader:
            drawn = self.image_reader.canvas.draft_rect
            target = (
                RegionTarget(source.id, _region(drawn)) if drawn else whole_target(source, None)
            )
        if target is None:
            self.annotateRefused.emit(
                "Select the passage to annotate first: drag over it, or hold Shift and use the "
                "arrow keys."
            )
            return
        self.annotateRequested.emit(target)

    def _region_drawn(self, rect: QRectF) -> None:
        if self._source is not None:
            self.annotateRequested.emit(RegionTarget(self._source.id, _region(rect)))

    def _page_region_drawn(self, page: int, rect: QRectF) -> None:
        if self._source is not None:
            self.annotateRequested.emit(RegionTarget(self._source.id, _region(rect, page)))

    def _set_drawing(self, drawing: bool) -> None:
        self.image_reader.canvas.set_drawing_mode(drawing)
        self.pdf_reader.page_view.set_drawing_mode(drawing)
        if drawing and self.pdf_reader.showing_text and self._source is not None:
            self.pdf_reader.text_action.setChecked(False)

    def _fit_annotating(self, source: Source) -> None:
        """Regions are drawn on pictures and PDF pages; passages are annotated anywhere."""
        can_draw = source.kind in ("image", "pdf")
        self.annotating.draw.setEnabled(can_draw)
        if not can_draw and self.annotating.draw.isChecked():
            self.annotating.draw.setChecked(False)

    def _show_notices(self) -> None:
        view = self._view_for(self._source)
        if self._source is None or view is None:
            return
        notes = [stored_text(note) for note in self._source.extraction_notes]
        self.notice.show_notes([*notes, *view.notices()])
        self._align_header()

    # Matches

    def _terms(self) -> QueryTerms:
        found = self.find_bar.text.strip()
        if found and '"' not in found and len(found.split()) > 1:
            found = f'"{found}"'  # words found in a source are found together, as typed
        language = self._source.language if self._source is not None else ""
        return compile_query(found or self._query, self._aliases_of, language)

    def _apply_terms(self) -> None:
        view = self._view_for(self._source)
        if view is None or self._source is None:
            return
        terms = self._terms()
        self._show_matches(view, view.set_terms(terms), terms)

    def _show_matches(self, view: SourceView, count: int | None, terms: QueryTerms) -> None:
        """Show how many matches there are (None: they are still being found) and go to the
        first."""
        assert self._source is not None
        self._shown_terms = terms
        title_matches = terms.find(self._source.title, "title")
        self.header.show_source(self._source, title_matches, view.matched_aliases())
        self.refresh_evidence()
        if count is None:
            self.hit_navigator.set_finding()
            return
        self.hit_navigator.set_count(count, searching=bool(terms), in_title=bool(title_matches))
        if count:
            self.hit_navigator.go_to(0)

    def _hits_found(self, count: int) -> None:
        """The matches of a long source arrived from the background (only the open source's
        do: the text reader drops those asked for before)."""
        view = self._view_for(self._source)
        if view is not None:
            self._show_matches(view, count, self._shown_terms)

    def _show_hit(self, index: int) -> None:
        view = self._view_for(self._source)
        if view is not None:
            view.show_hit(index)

    def _find_closed(self) -> None:
        self._apply_terms()
        current = self.views.currentWidget()
        if current is not None:
            current.setFocus(Qt.FocusReason.OtherFocusReason)

    # Sources and views

    def _load(self, source_id: int | None) -> Source | None:
        if source_id is None:
            self.empty.setText(self.tr("Choose a source to read it here."))
            return None
        try:
            return self.archive.get(source_id)
        except NotFoundError:
            self.empty.setText(self.tr("This source is no longer in the archive."))
            return None

    def _show_nothing(self) -> None:
        self.annotating.draw.setChecked(False)
        self.chrome.setVisible(False)
        self.toolbar.setVisible(False)
        self.find_bar.close_bar()
        self.notice.show_notes([])
        self.hit_navigator.set_count(0)
        self.views.setCurrentWidget(self.empty)

    def _views(self) -> Sequence[SourceView]:
        return (self.text_reader, self.pdf_reader, self.image_reader)

    def _view_for(self, source: Source | None) -> TextReader | PdfReader | ImageReader | None:
        if source is None:
            return None
        if source.kind == "pdf":
            return self.pdf_reader
        if source.kind == "image":
            return self.image_reader
        return self.text_reader

    def _aliases_of(self, name: str) -> list[str]:
        return self.archive.alias_names(name)

    def _preview_of(self, image_id: int) -> Path | None:
        """The picture to show at once: the thumbnail, or the original if there is none."""
        image = self._image_source(image_id)
        if image is None:
            return None
        preview = self.archive.thumbnail_path(image) or self.archive.original_path(image)
        if self.figure_veil.hides(image_id):
            return blurred_copy(preview, self.archive.derived / BLURRED_FOLDER)
        return preview

    def _original_of(self, image_id: int) -> Path | None:
        """The figure's own picture, for a sharper figure; none for a sensitive one (open the
        photo itself to see it)."""
        image = self._image_source(image_id)
        if image is None or self.figure_veil.hides(image_id):
            return None
        return self.archive.original_path(image)

    def _image_source(self, image_id: int) -> Source | None:
        try:
            return self.archive.get(image_id)
        except NotFoundError:
            return None

    def event(self, event: QEvent) -> bool:
        """Ctrl+F inside the reader finds in the source. The window uses the same keys to
        search the archive, so the reader claims them before the window's shortcut sees
        them (only while the focus is in the reader)."""
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and event.matches(QKeySequence.StandardKey.Find)
        ):
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.matches(QKeySequence.StandardKey.Find) and self._source is not None:
            self.find_bar.open_bar()
            event.accept()
            return
        super().keyPressEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.FontChange):
            self.text_reader.rebuild()
            self.pdf_reader.rebuild()

    # Layout

    def _layout(self) -> None:
        self.controls = QStackedWidget(self)
        for view in self._views():
            self.controls.addWidget(view.controls)
        find_button = QToolButton(self)
        find_button.setObjectName("findButton")
        find_button.setDefaultAction(self.find_action)
        find_button.setAutoRaise(True)
        find_button.setAccessibleName(self.find_action.text())
        self.toolbar = QWidget(self)
        self.toolbar.setObjectName("readerToolbar")
        toolbar = QHBoxLayout(self.toolbar)
        toolbar.setContentsMargins(MARGIN // 2, 4, MARGIN // 2, 4)
        toolbar.setSpacing(6)
        toolbar.addWidget(self.controls)
        toolbar.addStretch(1)
        annotate_buttons = self.annotating.buttons(self.toolbar)
        for button in annotate_buttons:
            toolbar.addWidget(button)
        toolbar.addSpacing(8)
        toolbar.addWidget(self.hit_navigator)
        toolbar.addWidget(find_button)
        find_row = QVBoxLayout()
        find_row.setContentsMargins(MARGIN // 2, 0, MARGIN // 2, 6)
        find_row.addWidget(self.find_bar)
        self.chrome = QWidget(self)
        self.chrome.setObjectName("readerHeaderBox")
        self.chrome.setAutoFillBackground(True)
        self.chrome.setBackgroundRole(QPalette.ColorRole.Base)
        self.chrome_layout = QVBoxLayout(self.chrome)
        self.chrome_layout.setContentsMargins(MARGIN, MARGIN, MARGIN, 6)
        self.chrome_layout.setSpacing(10)
        self.chrome_layout.addWidget(self.header)
        self.chrome_layout.addWidget(self.notice)
        self.chrome_layout.addWidget(self.reuse.story_bar)
        self.chrome_layout.addWidget(self.reuse.figure_bar)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.toolbar)
        layout.addLayout(find_row)
        layout.addWidget(self.chrome)
        layout.addWidget(self.views, 1)
        order = [
            self.controls,
            *annotate_buttons,
            *self.hit_navigator.findChildren(QToolButton),
            find_button,
            self.find_bar,
            self.views,
        ]
        for first, second in pairwise(order):
            QWidget.setTabOrder(first, second)
        self.text_reader.view.columnChanged.connect(self._align_header)
        self.pdf_reader.text_reader.view.columnChanged.connect(self._align_header)
        self.pdf_reader.text_action.toggled.connect(lambda _checked: self._align_header())

    def _align_header(self) -> None:
        """Line the title up with the text column when there is one."""
        text_view = None
        if self.views.currentWidget() is self.text_reader:
            text_view = self.text_reader.view
        elif self.views.currentWidget() is self.pdf_reader and self.pdf_reader.showing_text:
            text_view = self.pdf_reader.text_reader.view
        left, right = MARGIN, MARGIN
        if text_view is not None:
            column_left, column_width = text_view.column()
            left = max(column_left, MARGIN)
            right = max(self.width() - column_left - column_width, MARGIN)
        self.chrome_layout.setContentsMargins(left, MARGIN, right, 6)


def _same_text(first: Source, second: Source) -> bool:
    """Whether two loads of a source read the same (its labels and annotations aside): then
    the laid-out text stays, with its scroll position, and only the marks are shown again."""
    return _as_read(first) == _as_read(second)


def _as_read(source: Source) -> Source:
    return replace(source, annotations=[], tags=[], events=[], perspectives=[], modified_at="")


def _region(rect: QRectF, page: int | None = None) -> Region:
    return Region(rect.x(), rect.y(), rect.width(), rect.height(), page)
