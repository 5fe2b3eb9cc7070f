"""Reading a PDF: its pages as QtPdf renders them, or the text extracted at import.

The matches of the search are found in the extracted text (so they agree with the index); going
to a match opens the page it is on and marks the matched word on the rendered page. A PDF that
QtPdf cannot open (a password, a damaged file) is shown as its extracted text, with a note.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import QAction
from PySide6.QtPdf import QPdfDocument, QPdfSearchModel
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QSpinBox,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from archive_app.core.messages import QT_TRANSLATE_NOOP
from archive_app.core.model import Annotation, Source
from archive_app.core.search.highlighting import QueryTerms
from archive_app.gui.icons import icon
from archive_app.gui.reader.document import FigurePictures
from archive_app.gui.reader.pdf_regions import RegionPageView
from archive_app.gui.reader.regions import ShownRegion, word_boxes
from archive_app.gui.reader.text_reader import TextReader
from archive_app.gui.reader.zoom import ZOOM_STEP, ZoomActions, clamp_zoom
from archive_app.gui.tasks import TaskRunner
from archive_app.importers.ocr_page import OcrWords

POINTS_PER_INCH = 72
_OPEN_PROBLEMS = {
    QPdfDocument.Error.IncorrectPassword: QT_TRANSLATE_NOOP(
        "pdf_reader", "This PDF is protected by a password"
    ),
    QPdfDocument.Error.UnsupportedSecurityScheme: QT_TRANSLATE_NOOP(
        "pdf_reader", "This PDF is encrypted in a way that cannot be opened here"
    ),
    QPdfDocument.Error.FileNotFound: QT_TRANSLATE_NOOP(
        "pdf_reader", "The original file of this PDF is missing from the archive"
    ),
    QPdfDocument.Error.InvalidFileFormat: QT_TRANSLATE_NOOP("pdf_reader", "This PDF is damaged"),
}


class PdfReader(QWidget):
    def __init__(
        self,
        pictures: FigurePictures,
        tasks: TaskRunner,
        parent: QWidget | None = None,
        *,
        ocr_words: OcrWords | None = None,
    ) -> None:
        """``ocr_words(source_id, page)``: the words OCR read on a page, to mark hits on it."""
        super().__init__(parent)
        self.setObjectName("pdfReader")
        self.ocr_words = ocr_words
        self.document = QPdfDocument(self)
        self.search_model = QPdfSearchModel(self)
        self.search_model.setDocument(self.document)
        self.page_view = RegionPageView(self)
        self.page_view.setObjectName("pdfPages")
        self.page_view.setAccessibleName(self.tr("PDF pages"))
        self.page_view.setDocument(self.document)
        self.page_view.setPageMode(QPdfView.PageMode.MultiPage)
        self.page_view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.page_view.setSearchModel(self.search_model)
        self.text_reader = TextReader(pictures, tasks, self)
        self.text_reader.view.setAccessibleName(self.tr("Extracted text"))
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.page_view)
        self.stack.addWidget(self.text_reader)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)
        self._source: Source | None = None
        self._problem = ""
        self.zoom = ZoomActions(self, self.tr("Fit width"))
        self.page_view.zoomRequested.connect(self._zoom_by)
        self.zoom.zoom_in.triggered.connect(lambda: self._zoom_by(ZOOM_STEP))
        self.zoom.zoom_out.triggered.connect(lambda: self._zoom_by(1 / ZOOM_STEP))
        self.zoom.fit.triggered.connect(self._fit_width)
        self.text_action = QAction(icon("page-text"), self.tr("Extracted text"), self)
        self.text_action.setCheckable(True)
        self.text_action.setToolTip(self.tr("Show the text extracted from the PDF"))
        self.text_action.toggled.connect(self._show_text)
        self.controls = self._make_controls()
        self.page_view.pageNavigator().currentPageChanged.connect(self._page_changed)
        self.page_view.zoomFactorChanged.connect(lambda _factor: self._show_zoom())
        self.page_view.zoomModeChanged.connect(lambda _mode: self._show_zoom())

    # What the reader asks of a view

    def show_source(self, source: Source, path: Path, terms: QueryTerms) -> int | None:
        """Show the PDF at ``path`` (or its text) with the matches of ``terms``; their number
        (None: they are being found in the background, see :meth:`TextReader.set_terms`)."""
        self._source = source
        self.page_view.set_marks(0, [])
        self.document.close()
        error = self.document.load(str(path))
        self._problem = (
            QCoreApplication.translate("pdf_reader", _OPEN_PROBLEMS.get(error, ""))
            if error != QPdfDocument.Error.None_
            else ""
        )
        if error != QPdfDocument.Error.None_ and not self._problem:
            self._problem = self.tr("This PDF cannot be shown")
        count = self.text_reader.show_source(source, terms)
        self.show_annotations(source.annotations, None)
        opened = not self._problem
        self.text_action.setEnabled(opened)
        self.page_box.setEnabled(opened)
        self.zoom_box.setEnabled(opened)
        self.text_action.setChecked(not opened)
        self._show_text(not opened)
        self._fit_width()
        pages = self.document.pageCount() if opened else len(source.pages)
        self.page_spin.setRange(1, max(pages, 1))
        self.page_count.setText(self.tr("of {pages}").format(pages=pages))
        self._page_changed(0)
        return count

    def clear(self) -> None:
        self._source = None
        self.page_view.set_marks(0, [])
        self.page_view.set_regions([])
        self.page_view.clear_draft()
        self.search_model.setSearchString("")
        self.document.close()
        self.text_reader.clear()

    def notices(self) -> list[str]:
        if not self._problem:
            return []
        if self._source is not None and self._source.body.strip():
            return [
                self.tr(
                    "{problem}, so its pages cannot be shown: this is the text extracted when it "
                    "was imported."
                ).format(problem=self._problem)
            ]
        return [
            self.tr(
                "{problem}, so its pages cannot be shown, and no text could be extracted from it."
            ).format(problem=self._problem)
        ]

    def set_terms(self, terms: QueryTerms) -> int | None:
        count = self.text_reader.set_terms(terms)
        self.search_model.setSearchString("")
        self.page_view.set_marks(0, [])
        return count

    def matched_aliases(self) -> dict[str, list[str]]:
        return self.text_reader.matched_aliases()

    def show_hit(self, index: int) -> None:
        self.text_reader.show_hit(index)
        hit = self.text_reader.hits[index]
        start, end = hit.body_start, hit.body_end
        if self._source is None or start is None or end is None:
            return
        self.search_model.setSearchString(self._source.body[start:end])
        page = self._source.page_at(start)
        if page is None:
            return
        boxes = self._read_word_boxes(page, start, end)
        self.go_to_page(page)
        self.page_view.set_marks(page, boxes)

    def _read_word_boxes(self, number: int, start: int, end: int) -> list[QRectF]:
        """The boxes of the words OCR read between body offsets ``start`` and ``end`` on page
        ``number`` (none for a page with a text layer, which QtPdf's search marks)."""
        source = self._source
        if source is None or self.ocr_words is None:
            return []
        if number not in source.metadata.get("ocr", {}).get("pages", []):
            return []
        offset = next((page.start for page in source.pages if page.number == number), 0)
        return word_boxes(self.ocr_words(source.id, number), [(start - offset, end - offset)])

    def rebuild(self) -> None:
        self.text_reader.rebuild()

    # Annotations

    def show_annotations(self, annotations: Sequence[Annotation], focused: int | None) -> None:
        """Passages in the extracted text, regions over the pages."""
        self.text_reader.show_annotations(annotations, focused)
        regions = [ShownRegion.of(annotation) for annotation in annotations]
        self.page_view.set_regions([r for r in regions if r is not None], focused)

    def show_annotation(self, annotation: Annotation) -> None:
        """Go to an annotation: a region on its page, a passage in the text."""
        if annotation.target == "region":
            if self.showing_text:
                self.text_action.setChecked(False)
            self.page_view.show_region(annotation.id)
            if annotation.page is not None:
                self.page_spin.blockSignals(True)
                self.page_spin.setValue(annotation.page)
                self.page_spin.blockSignals(False)
            return
        self.text_reader.show_annotation(annotation)
        if annotation.start is not None and self._source is not None and not self.showing_text:
            page = self._source.page_at(annotation.start)
            if page is not None:
                self.go_to_page(page)

    @property
    def showing_text(self) -> bool:
        """Whether the extracted text is shown instead of the pages."""
        return self.stack.currentWidget() is self.text_reader

    # Pages and zoom

    def current_page(self) -> int:
        """The page in view, counted from 1."""
        if self.text_action.isChecked():
            return self.page_spin.value()
        return self.page_view.pageNavigator().currentPage() + 1

    def go_to_page(self, number: int) -> None:
        """Show page ``number`` (from 1)."""
        self.page_spin.setValue(number)
        if self.document.status() == QPdfDocument.Status.Ready:
            navigator = self.page_view.pageNavigator()
            navigator.jump(number - 1, QPointF(), navigator.currentZoom())

    def zoom_factor(self) -> float:
        """The zoom in use, 1.0 being the page at its printed size."""
        if self.page_view.zoomMode() == QPdfView.ZoomMode.Custom:
            return float(self.page_view.zoomFactor())
        return self._fitted_zoom()

    def _fitted_zoom(self) -> float:
        page = self.page_view.pageNavigator().currentPage()
        points = self.document.pagePointSize(max(page, 0))
        if points.width() <= 0:
            return 1.0
        margins = self.page_view.documentMargins()
        room = self.page_view.viewport().width() - margins.left() - margins.right()
        return room / (points.width() * self.logicalDpiX() / POINTS_PER_INCH)

    def _zoom_by(self, step: float) -> None:
        factor = clamp_zoom(self.zoom_factor() * step)
        self.page_view.setZoomMode(QPdfView.ZoomMode.Custom)
        self.page_view.setZoomFactor(factor)

    def _fit_width(self) -> None:
        self.page_view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self._show_zoom()

    def _show_zoom(self) -> None:
        if self.page_view.zoomMode() == QPdfView.ZoomMode.FitToWidth:
            self.zoom_label.setText(self.tr("Fit"))
        else:
            self.zoom_label.setText(f"{round(self.zoom_factor() * 100)} %")

    def _show_text(self, text: bool) -> None:
        self.stack.setCurrentWidget(self.text_reader if text else self.page_view)
        self.zoom_box.setEnabled(not text and not self._problem)

    def _page_changed(self, index: int) -> None:
        self.page_spin.blockSignals(True)
        self.page_spin.setValue(index + 1)
        self.page_spin.blockSignals(False)

    def _make_controls(self) -> QWidget:
        controls = QWidget(self)
        layout = QHBoxLayout(controls)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(12)
        self.page_box = QWidget(controls)
        pages = QHBoxLayout(self.page_box)
        pages.setContentsMargins(0, 0, 0, 0)
        pages.setSpacing(6)
        label = QLabel(self.tr("Page"), self.page_box)
        self.page_spin = QSpinBox(self.page_box)
        self.page_spin.setObjectName("pageSpin")
        self.page_spin.setAccessibleName(self.tr("Page"))
        self.page_spin.setKeyboardTracking(False)
        self.page_spin.setButtonSymbols(QSpinBox.ButtonSymbols.NoButtons)
        self.page_spin.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.page_spin.setMinimumWidth(self.fontMetrics().horizontalAdvance("8888") + 12)
        self.page_spin.valueChanged.connect(self.go_to_page)
        label.setBuddy(self.page_spin)
        self.page_count = QLabel(self.page_box)
        self.page_count.setObjectName("pageCount")
        pages.addWidget(label)
        pages.addWidget(self.page_spin)
        pages.addWidget(self.page_count)
        self.zoom_box, self.zoom_label = self.zoom.buttons(controls)
        text_button = QToolButton(controls)
        text_button.setObjectName("pdfTextButton")
        text_button.setDefaultAction(self.text_action)
        text_button.setAutoRaise(True)
        text_button.setAccessibleName(self.text_action.text())
        layout.addWidget(self.page_box)
        layout.addWidget(self.zoom_box)
        layout.addWidget(text_button)
        return controls
