"""The inspector: a source's metadata to edit, its events, perspectives and tags, its
verification grade, sensitivity and place, what a photo says about itself, and where the source
came from.

Every edit goes through :meth:`Archive.update_source`, which applies it and returns an undoable
:class:`Change`; the change goes on the window's undo stack, so Ctrl+Z takes it back. A value
the archive refuses (a published date that is not a date, an empty title) is explained under
its field and nothing changes.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QLabel,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from archive_app.core.archive import Archive
from archive_app.core.errors import ArchiveError, NotFoundError
from archive_app.core.language_names import language_code
from archive_app.core.model import Source
from archive_app.core.research import Kind
from archive_app.gui.core_text import translated
from archive_app.gui.inspector.capture import CaptureFacts
from archive_app.gui.inspector.commands import ChangeCommand
from archive_app.gui.inspector.evidence import EvidenceForm
from archive_app.gui.inspector.facts import (
    FactList,
    ProvenanceSection,
    form_label,
    photo_essentials,
)
from archive_app.gui.inspector.fields import MetadataForm
from archive_app.gui.label_rows import Label, LabelRow
from archive_app.gui.labeling import Labeling

if TYPE_CHECKING:
    from archive_app.gui.editing import Edits

MARGIN = 16
LABELS_READ_UP_TO = 5_000
"""Up to this many selected sources, the inspector lists the labels any of them carries; past
it (a whole large archive selected), the open source's, so selecting never waits for a count."""
SECTION_GAP = 18


class Section(QWidget):
    """A heading over its content."""

    def __init__(self, title: str, content: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"{title.lower()}Section")
        heading = QLabel(title.upper(), self)
        font = QFont(heading.font())
        font.setPointSizeF(font.pointSizeF() * 0.82)
        font.setWeight(QFont.Weight.DemiBold)
        font.setLetterSpacing(QFont.SpacingType.PercentageSpacing, 108)
        heading.setFont(font)
        heading.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        layout.addWidget(heading)
        layout.addWidget(content)


class ResearchChips(QWidget):
    """A source's events, perspectives (with their colour) and tags: × takes one off, "+ add"
    puts one on (a new tag is made on the way; a new event or perspective is described
    first). Each is one step on the undo stack."""

    def __init__(self, labeling: Labeling, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.labeling = labeling
        self._source_ids: list[int] = []
        self.events = self._row("event")
        self.perspectives = self._row("perspective")
        self.tags = self._row("tag")
        form = QFormLayout(self)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.setContentsMargins(0, 0, 0, 0)
        form.setHorizontalSpacing(12)
        form.setVerticalSpacing(8)
        for text, row in (
            (self.tr("Events"), self.events),
            (self.tr("Perspectives"), self.perspectives),
            (self.tr("Tags"), self.tags),
        ):
            row.setAccessibleName(text)
            form.addRow(form_label(text, self), row)

    def _row(self, kind: Kind) -> LabelRow:
        row = LabelRow(kind, self, choices=lambda: self.labeling.names(kind))
        row.addRequested.connect(lambda name: self._add(kind, name))
        row.removeRequested.connect(self._remove)
        return row

    def show_source(self, source: Source, selection: Sequence[int] = ()) -> None:
        """Show the labels of ``source``; when it is one of several ``selection`` (the rows
        selected in the list), the labels any of them carries, and edits apply to them all."""
        many = len(selection) > 1 and source.id in selection
        self._source_ids = list(selection) if many else [source.id]
        if many and len(selection) <= LABELS_READ_UP_TO:
            carried = self.labeling.labels_of_sources(self._source_ids)
            for kind, row in (
                ("event", self.events),
                ("perspective", self.perspectives),
                ("tag", self.tags),
            ):
                row.show_labels([label for label in carried if label.kind == kind])
            return
        self.events.show_labels([Label("event", e.id, e.name) for e in source.events])
        self.perspectives.show_labels(
            [Label("perspective", p.id, p.name, p.color or "#888888") for p in source.perspectives]
        )
        self.tags.show_labels([Label("tag", t.id, t.name) for t in source.tags])

    def _add(self, kind: Kind, name: str) -> None:
        label = self.labeling.resolve(kind, name)
        if label is not None and self._source_ids:
            self.labeling.add_to_sources(self._source_ids, [label])

    def _remove(self, label: Label) -> None:
        if self._source_ids:
            self.labeling.remove_from_sources(self._source_ids, [label])


class InspectorPane(QWidget):
    sourceChanged = Signal(int)
    """A source's metadata changed here: after an edit, and after its undo or redo."""

    def __init__(self, archive: Archive, edits: Edits, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("inspector")
        self.setAccessibleName(self.tr("Inspector"))
        self.archive = archive
        self.edits = edits
        self.undo_stack = edits.undo_stack
        self._source: Source | None = None
        self._selection: list[int] = []
        self.selection_note = QLabel(self)
        self.selection_note.setObjectName("inspectorSelectionNote")
        self.selection_note.setWordWrap(True)
        self.selection_note.setTextFormat(Qt.TextFormat.RichText)
        self.selection_note.setAutoFillBackground(True)
        self.selection_note.setBackgroundRole(QPalette.ColorRole.AlternateBase)
        self.selection_note.setMargin(8)
        self.selection_note.hide()
        self.form = MetadataForm(self)
        self.form.edited.connect(self._apply)
        self.photo = FactList(self)
        self.research = ResearchChips(Labeling(archive, edits, self), self)
        self.provenance = ProvenanceSection(self)
        self.evidence = EvidenceForm(archive, edits, self)
        self.photo_section = Section(self.tr("Photo"), self.photo, self)
        self.capture = CaptureFacts(self)
        self.capture_section = Section(self.tr("Capture"), self.capture, self)
        content = QWidget(self)
        content.setObjectName("inspectorContent")
        layout = QVBoxLayout(content)
        layout.setContentsMargins(MARGIN, MARGIN - 4, MARGIN, MARGIN)
        layout.setSpacing(SECTION_GAP)
        layout.addWidget(self.selection_note)
        layout.addWidget(Section(self.tr("Details"), self.form, content))
        layout.addWidget(self.photo_section)
        layout.addWidget(Section(self.tr("Research"), self.research, content))
        layout.addWidget(self.capture_section)
        layout.addWidget(Section(self.tr("Verification"), self.evidence, content))
        layout.addWidget(Section(self.tr("Original"), self.provenance, content))
        layout.addStretch(1)
        scroller = QScrollArea(self)
        scroller.setObjectName("inspectorScroller")
        scroller.setWidget(content)
        scroller.setWidgetResizable(True)
        scroller.setFrameShape(QFrame.Shape.NoFrame)
        self.empty = QLabel(self.tr("No source selected."), self)
        self.empty.setObjectName("inspectorEmpty")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.empty)
        self.stack.addWidget(scroller)
        self.scroller = scroller
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.stack)
        edits.changed.connect(self.reload)
        self.show_source(None)

    @property
    def source_id(self) -> int | None:
        return self._source.id if self._source is not None else None

    def show_source(self, source_id: int | None, read: Source | None = None) -> None:
        """Show a source's metadata (None: none). What was typed into a field of the source
        shown until now and not yet committed is applied first. ``read``: the source as just
        read from the archive, if it was."""
        if self._source is not None and source_id != self._source.id:
            self.form.commit_pending()
        try:
            if read is not None and read.id == source_id:
                self._source = read
            else:
                self._source = self.archive.get(source_id) if source_id is not None else None
        except NotFoundError:
            self._source = None
        if self._source is None:
            self.stack.setCurrentWidget(self.empty)
            return
        self._fill(self._source)
        self.stack.setCurrentWidget(self.scroller)

    def show_selection(self, source_ids: Sequence[int]) -> None:
        """The rows selected in the list: with several, the inspector says so and its label
        edits apply to all of them."""
        self._selection = list(source_ids)
        if self._source is not None:
            self._show_labels(self._source)

    def reload(self) -> None:
        """Show the source again as the archive has it now (after an edit, undo or redo)."""
        if self._source is None:
            return
        try:
            self._source = self.archive.get(self._source.id)
        except NotFoundError:
            self.show_source(None)
            return
        self._fill(self._source)

    def _fill(self, source: Source) -> None:
        self.form.show_source(source)
        self.photo.show_facts(photo_essentials(source) if source.kind == "image" else [])
        self.photo_section.setVisible(source.kind == "image")
        self._show_labels(source)
        self.evidence.show_source(source)
        self.provenance.show_source(source, self.archive.original_path(source))
        self.capture.show_capture(source.capture)
        self.capture_section.setVisible(source.capture is not None)

    def _show_labels(self, source: Source) -> None:
        self.research.show_source(source, self._selection)
        count = len(self._selection)
        many = count > 1 and source.id in self._selection
        self.selection_note.setText(
            self.tr(
                "<b>{count:,} sources selected.</b> Events, perspectives and tags added or "
                "removed here apply to all {count:,}; the details are those of “{escape}”."
            ).format(count=count, escape=html.escape(source.title))
            if many
            else ""
        )
        self.selection_note.setVisible(many)

    def _apply(self, name: str, value: Any) -> None:
        if self._source is None:
            return
        source_id = self._source.id
        try:
            if name == "language":  # a name in the window's language, as well as a code
                value = language_code(str(value), QLocale.languageToCode(QLocale().language()))
            change = self.archive.update_source(source_id, **{name: value})
        except ArchiveError as error:
            self.form.refuse(name, translated(error.message))
            return
        self.form.accept(name)
        self.undo_stack.push(ChangeCommand(change, lambda: self._changed(source_id)))
        self._changed(source_id)

    def _changed(self, source_id: int) -> None:
        if self.source_id == source_id:
            self._source = self.archive.get(source_id)
            self._fill(self._source)
        self.sourceChanged.emit(source_id)
