"""Annotating, from the reader to the archive and back: what the reader says to annotate gets a
note and labels in the editor and becomes an annotation (one step on the undo stack); the list
shows the open source's annotations, and choosing one shows it in the reader; editing and
deleting go through the core too. After every change (and its undo or redo) the reader's
highlights and the list are read again.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QWidget

from archive_app.core.archive import Archive
from archive_app.core.changes import Change
from archive_app.core.errors import ArchiveError, NotFoundError
from archive_app.core.model import Annotation, NamedRef
from archive_app.core.research import Kind, Ref
from archive_app.gui.annotations import editor
from archive_app.gui.annotations.editor import AnnotationDraft
from archive_app.gui.annotations.look import target_text
from archive_app.gui.annotations.panel import AnnotationPanel
from archive_app.gui.label_rows import Label
from archive_app.gui.labeling import Labeling, assignable
from archive_app.gui.reader import ReaderPane
from archive_app.gui.reader.annotating import AnnotationTarget, PassageTarget


class Annotator(QObject):
    """Connects the reader, the annotation list and the archive."""

    annotated = Signal(int)
    """An annotation was made (its id): the window shows the list."""

    def __init__(
        self, labeling: Labeling, reader: ReaderPane, panel: AnnotationPanel, parent: QWidget
    ) -> None:
        super().__init__(parent)
        self.labeling = labeling
        self.reader = reader
        self.panel = panel
        self.parent_widget = parent
        self._source_id: int | None = None
        reader.annotateRequested.connect(self.annotate)
        reader.annotateRefused.connect(lambda why: labeling.edits.failed.emit(ArchiveError(why)))
        panel.annotationChosen.connect(self.show_annotation)
        panel.editRequested.connect(self.edit)
        panel.deleteRequested.connect(self.delete)
        labeling.edits.changed.connect(self.refresh)

    @property
    def archive(self) -> Archive:
        return self.labeling.archive

    # The open source

    def show_source(self, source_id: int | None) -> None:
        self._source_id = source_id
        self._list()

    def refresh(self) -> None:
        """Show the open source's annotations as they are now, in the list and the reader."""
        focused = self.panel.list.current_id()
        self._list()
        self.reader.refresh_annotations(focused if focused in self._ids() else None)

    def show_annotation(self, annotation_id: int) -> None:
        self.reader.refresh_annotations(annotation_id)
        self.reader.show_annotation(annotation_id)

    def _list(self) -> None:
        annotations: list[Annotation] = []
        if self._source_id is not None:
            try:
                annotations = self.archive.annotations.of_source(self._source_id)
            except NotFoundError:
                self._source_id = None
        kind = self.reader.source_kind if self._source_id is not None else None
        self.panel.show_annotations(annotations, kind)

    def _ids(self) -> set[int]:
        return {a.id for a in self.panel.model.annotations}

    # Making, editing, deleting

    def annotate(self, target: AnnotationTarget) -> None:
        """Ask for a note and labels for ``target``, then make the annotation."""
        draft = editor.ask_annotation(
            self.parent_widget,
            self.labeling,
            self.tr("Annotate"),
            _describe(target),
            AnnotationDraft(),
        )
        if draft is None:
            self.reader.clear_draft()
            return
        made = self.labeling.edits.create(lambda: self._make(target, draft))
        self.reader.clear_draft()
        if made is not None:
            self.panel.select(made.id, announce=False)
            self.reader.refresh_annotations(made.id)
            self.annotated.emit(made.id)

    def _make(self, target: AnnotationTarget, draft: AnnotationDraft) -> tuple[Annotation, Change]:
        labels = assignable(draft.labels).as_arguments()
        annotations = self.archive.annotations
        if isinstance(target, PassageTarget):
            start, end = target.start, target.end
            return annotations.add_text(target.source_id, start, end, note=draft.note, **labels)
        return annotations.add_region(target.source_id, target.region, note=draft.note, **labels)

    def edit(self, annotation_id: int) -> None:
        """Edit an annotation's note and labels: one step on the undo stack."""
        try:
            annotation = self.archive.annotations.get(annotation_id)
        except NotFoundError:
            return
        before = AnnotationDraft(annotation.note, _labels_of(annotation))
        after = editor.ask_annotation(
            self.parent_widget,
            self.labeling,
            self.tr("Edit annotation"),
            target_text(annotation),
            before,
        )
        if after is None or (after.note == before.note and _keys(after) == _keys(before)):
            return
        self.labeling.edits.apply(lambda: self._edited(annotation, before, after))

    def _edited(
        self, annotation: Annotation, before: AnnotationDraft, after: AnnotationDraft
    ) -> Change:
        added = [label for label in after.labels if _key(label) not in _keys(before)]
        removed = [label for label in before.labels if _key(label) not in _keys(after)]
        return self.archive.annotations.edit(
            annotation.id,
            note=after.note if after.note != annotation.note else None,
            add=assignable(added),
            remove=assignable(removed),
        )

    def delete(self, annotation_id: int) -> None:
        self.labeling.edits.apply(lambda: self.archive.annotations.delete(annotation_id))


def _describe(target: AnnotationTarget) -> str:
    if isinstance(target, PassageTarget):
        return f"“{' '.join(target.quote.split())}”"
    page = target.region.page
    if target.whole:
        return (
            QCoreApplication.translate("annotator", "The whole picture")
            if page is None
            else QCoreApplication.translate("annotator", "The whole of page {page}").format(
                page=page
            )
        )
    return (
        QCoreApplication.translate("annotator", "A region of the picture")
        if page is None
        else QCoreApplication.translate("annotator", "A region on page {page}").format(page=page)
    )


def _labels_of(annotation: Annotation) -> list[Label]:
    refs: list[tuple[Kind, list[NamedRef]]] = [
        ("perspective", annotation.perspectives),
        ("event", annotation.events),
        ("tag", annotation.tags),
    ]
    return [Label(kind, ref.id, ref.name, ref.color) for kind, named in refs for ref in named]


def _key(label: Label) -> tuple[Kind, Ref]:
    """What a label is, however it is shown: new ones by their name."""
    return label.kind, label.ref


def _keys(draft: AnnotationDraft) -> set[tuple[Kind, Ref]]:
    return {_key(label) for label in draft.labels}
