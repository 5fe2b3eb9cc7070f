"""Reading a photo: the picture fitted to the pane above, what is known about it below.

The full picture is decoded in the background (a large photo takes a while); its thumbnail is
shown meanwhile. A picture Qt cannot decode (HEIC without a plugin) stays as its thumbnail,
with a note. A sensitive picture (see :mod:`archive_app.gui.blur`) is shown blurred, with a
button that shows it as it is.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QImage
from PySide6.QtWidgets import (
    QFrame,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from archive_app.core.model import Annotation, Source
from archive_app.core.search.highlighting import QueryTerms
from archive_app.gui.blur import Veil, blurred_image
from archive_app.gui.errors import describe_error
from archive_app.gui.reader.image_canvas import ImageCanvas, read_picture
from archive_app.gui.reader.image_details import ImageDetails
from archive_app.gui.reader.regions import ShownRegion, word_boxes
from archive_app.gui.reader.zoom import ZOOM_STEP, ZoomActions
from archive_app.gui.tasks import TaskRunner
from archive_app.importers.ocr_page import OcrWords

DETAILS_SHARE = 0.45
MIN_DETAILS_HEIGHT = 96
DETAILS_SLACK = 12


class ImageReader(QWidget):
    openSourceRequested = Signal(int)
    pictureShown = Signal()
    """The full picture (or, failing it, the thumbnail) is on screen."""

    def __init__(
        self,
        tasks: TaskRunner,
        veil: Veil,
        parent: QWidget | None = None,
        *,
        ocr_words: OcrWords | None = None,
    ) -> None:
        """``ocr_words(source_id, page)``: the words OCR read on the picture, to mark hits."""
        super().__init__(parent)
        self.setObjectName("imageReader")
        self._tasks = tasks
        self.ocr_words = ocr_words
        self.veil = veil
        self._picture: QImage | None = None
        self.reveal_button = QPushButton(self)
        self.reveal_button.setObjectName("revealPicture")
        self.reveal_button.clicked.connect(self.reveal)
        self.reveal_button.hide()
        self._generation = 0
        self._problem = ""
        self._source: Source | None = None
        self.canvas = ImageCanvas(self)
        self.details = ImageDetails(self)
        self.details.openSourceRequested.connect(self.openSourceRequested)
        scroller = QScrollArea(self)
        scroller.setObjectName("imageDetailsScroller")
        scroller.setWidget(self.details)
        scroller.setWidgetResizable(True)
        scroller.setFrameShape(QFrame.Shape.NoFrame)
        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.addWidget(self.canvas)
        self.splitter.addWidget(scroller)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.reveal_button)
        layout.addWidget(self.splitter)
        self.zoom = ZoomActions(self, self.tr("Fit to pane"))
        self.zoom.zoom_in.triggered.connect(lambda: self.canvas.zoom_by(ZOOM_STEP))
        self.zoom.zoom_out.triggered.connect(lambda: self.canvas.zoom_by(1 / ZOOM_STEP))
        self.zoom.fit.triggered.connect(self.canvas.fit)
        self.controls, self.zoom_label = self.zoom.buttons(self)
        self.canvas.zoomChanged.connect(self._show_zoom)

    # What the reader asks of a view

    def show_source(
        self, source: Source, path: Path, thumbnail: Path | None, terms: QueryTerms
    ) -> int:
        """Show the thumbnail at once and the picture at ``path`` once it is decoded; the
        number of matches of ``terms`` (in the caption)."""
        self._source = source
        self._problem = ""
        self._generation += 1
        generation = self._generation
        preview = QImage(str(thumbnail)) if thumbnail is not None else QImage()
        self.veil.reload()
        self._set_picture(None if preview.isNull() else preview)
        self.show_annotations(source.annotations, None)
        count = self.details.show_source(source, terms) + self._mark_read_words(terms)
        self._share_height()
        # The details' new rows are shown by the event loop: measure them again after that.
        QTimer.singleShot(0, self._share_height)
        self._tasks.run(
            lambda _context: read_picture(path),
            on_success=lambda image: self._picture_read(generation, image),
            on_failure=lambda error: self._picture_failed(generation, error),
            label=self.tr("Opening the picture"),
        )
        return count

    def clear(self) -> None:
        self._generation += 1
        self._source = None
        self.canvas.set_regions([])
        self.canvas.set_marks([])
        self._set_picture(None)
        self.details.clear()

    def notices(self) -> list[str]:
        return [self._problem] if self._problem else []

    def set_terms(self, terms: QueryTerms) -> int:
        return self.details.set_terms(terms) + self._mark_read_words(terms)

    def _mark_read_words(self, terms: QueryTerms) -> int:
        """Mark on the picture the words of ``terms`` that OCR read in it (a photographed
        notice; the caption below marks its own); how many matches there are."""
        source = self._source
        if source is None or self.ocr_words is None or "ocr" not in source.metadata:
            self.canvas.set_marks([])
            return 0
        matches = terms.find(source.body, "body") if terms else []
        words = self.ocr_words(source.id, 1) if matches else []
        spans = [(match.start, match.end) for match in matches]
        self.canvas.set_marks(word_boxes(words, spans))
        return len(matches)

    def matched_aliases(self) -> dict[str, list[str]]:
        return self.details.aliases

    def show_hit(self, index: int) -> None:
        """The matches are in the caption and on the picture, both always in view."""

    def show_annotations(self, annotations: Sequence[Annotation], focused: int | None) -> None:
        regions = [ShownRegion.of(annotation) for annotation in annotations]
        self.canvas.set_regions([r for r in regions if r is not None], focused)

    def show_annotation(self, annotation: Annotation) -> None:
        self.canvas.frame_region(annotation.id)

    # Loading

    def _share_height(self) -> None:
        """Give the details the room they need, up to :data:`DETAILS_SHARE`; the picture the
        rest."""
        height = self.splitter.height()
        wanted = self.details.heightForWidth(self.splitter.width())
        if wanted < 0:
            wanted = self.details.sizeHint().height()
        wanted += DETAILS_SLACK
        details = max(min(wanted, round(height * DETAILS_SHARE)), MIN_DETAILS_HEIGHT)
        self.splitter.setSizes([height - details, details])

    def _picture_read(self, generation: int, image: QImage) -> None:
        if generation != self._generation:
            return
        fitted = self.canvas.fitted
        self._set_picture(image)
        if not fitted:
            self.canvas.fit()
        self.pictureShown.emit()

    def _picture_failed(self, generation: int, error: BaseException) -> None:
        if generation != self._generation:
            return
        message = describe_error(error).message
        if self.canvas.picture_size.isEmpty():
            self._problem = message
        else:
            self._problem = self.tr("{message} This is its thumbnail.").format(message=message)
        self.pictureShown.emit()

    def refresh_veil(self) -> None:
        """Blur or show the picture again as the archive's marks and setting say now."""
        self.veil.reload()
        hidden = self._source is not None and self.veil.hides(self._source.id)
        if hidden != self.reveal_button.isVisibleTo(self):
            self._set_picture(self._picture)

    def reveal(self) -> None:
        """Show the blurred picture as it is."""
        if self._source is not None and self.veil.reveal(self._source.id):
            self._set_picture(self._picture)

    def _set_picture(self, image: QImage | None) -> None:
        """Show a picture, blurred if the source is sensitive and not yet revealed."""
        self._picture = image
        hidden = self._source is not None and self.veil.hides(self._source.id)
        self.reveal_button.setVisible(hidden)
        if hidden and self._source is not None:
            self.reveal_button.setText(self.veil.text(self._source.id))
        self.canvas.set_picture(blurred_image(image) if hidden and image is not None else image)

    def _show_zoom(self) -> None:
        if self.canvas.picture_size.isEmpty():
            self.zoom_label.setText("")
        elif self.canvas.fitted:
            self.zoom_label.setText(self.tr("Fit"))
        else:
            self.zoom_label.setText(f"{round(self.canvas.zoom_factor() * 100)} %")
