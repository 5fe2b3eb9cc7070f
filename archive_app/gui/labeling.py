"""Putting events, perspectives and tags on sources, from wherever the window offers it (the
inspector's chips, the source list's menu, a drop on the sidebar).

A name typed for a tag the archive does not have makes the tag on the way (tags are free
keywords). A new event or perspective is worth a moment: the person is asked for its dates or
its colour first, and making it and assigning it are then one undo step.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from archive_app.core.archive import Archive
from archive_app.core.changes import Change
from archive_app.core.events import NewEvent
from archive_app.core.perspectives import NewPerspective
from archive_app.core.research import Kind, LabelRef, Labels, Ref
from archive_app.gui import research_dialogs
from archive_app.gui.counts import sources_count
from archive_app.gui.label_rows import Label
from archive_app.gui.research_dialogs import EventFields, PerspectiveFields

if TYPE_CHECKING:
    from archive_app.gui.editing import Edits


class Labeling:
    """Finds, makes and assigns labels through the core, one undo step per action."""

    def __init__(self, archive: Archive, edits: Edits, parent: QWidget) -> None:
        self.archive = archive
        self.edits = edits
        self.parent = parent

    # What exists

    def existing(self, kind: Kind) -> list[Label]:
        """Every label of a kind, as the archive lists them."""
        if kind == "event":
            return [
                Label("event", e.id, e.name, tooltip=_event_tip(e.name, e.start, e.end, e.place))
                for e in self.archive.events.all()
            ]
        if kind == "perspective":
            return [
                Label("perspective", p.id, p.name, p.color, p.description)
                for p in self.archive.perspectives.all()
            ]
        return [Label("tag", t.id, t.name) for t in self.archive.tags.all()]

    def names(self, kind: Kind) -> list[str]:
        return [label.name for label in self.existing(kind)]

    def find(self, kind: Kind, name: str) -> Label | None:
        key = " ".join(name.split()).casefold()
        return next((x for x in self.existing(kind) if x.name.casefold() == key), None)

    def resolve(self, kind: Kind, name: str) -> Label | None:
        """The label called ``name``; for a new event or perspective, the person is asked to
        describe it (None when they cancel). Nothing is made yet."""
        found = self.find(kind, name)
        if found is not None:
            return found
        if kind == "tag":
            return Label("tag", name, name)
        if kind == "event":
            return self.ask_new_event(name)
        return self.ask_new_perspective(name)

    def ask_new_event(self, name: str = "", parent_id: int | None = None) -> Label | None:
        title = QCoreApplication.translate("Labeling", "New event")
        if parent_id is not None:
            title = QCoreApplication.translate("Labeling", "New sub-event of “{name}”").format(
                name=self.archive.events.get(parent_id).name
            )
        fields = research_dialogs.ask_event(self.parent, title, EventFields(name))
        if fields is None:
            return None
        new = NewEvent(
            fields.name, parent_id, fields.start, fields.end, fields.place, fields.description
        )
        return Label("event", fields.name, fields.name, pending=new)

    def ask_new_perspective(self, name: str = "") -> Label | None:
        fields = research_dialogs.ask_perspective(
            self.parent,
            QCoreApplication.translate("Labeling", "New perspective"),
            PerspectiveFields(name, color=self.archive.perspectives.next_color()),
        )
        if fields is None:
            return None
        new = NewPerspective(fields.name, fields.description, fields.color or None)
        return Label("perspective", fields.name, fields.name, fields.color, pending=new)

    def make(self, label: Label) -> Change:
        """Make the new event or perspective a label describes (without assigning it)."""
        if isinstance(label.pending, NewEvent):
            return self.archive.events.add(label.pending)[1]
        if isinstance(label.pending, NewPerspective):
            return self.archive.perspectives.add(label.pending)[1]
        raise ValueError(f"{label.name!r} is not a new event or perspective")

    # Assigning

    def add_to_sources(self, source_ids: Sequence[int], labels: Sequence[Label]) -> bool:
        """Give sources these labels, making the new ones on the way: one step in the core,
        one on the undo stack."""
        if not source_ids or not labels:
            return False
        names = ", ".join(f"“{label.name}”" for label in labels)

        def make() -> Change:
            change = self.archive.assignments.add_to_sources(
                source_ids, **assignable(labels).as_arguments()
            )
            return replace(
                change,
                description=QCoreApplication.translate(
                    "labeling", "Add {names} to {sources}"
                ).format(names=names, sources=sources_count(len(source_ids))),
            )

        return self.edits.apply(make) is not None

    def remove_from_sources(self, source_ids: Sequence[int], labels: Sequence[Label]) -> bool:
        if not source_ids or not labels:
            return False
        by_kind: dict[Kind, list[Ref]] = {"event": [], "perspective": [], "tag": []}
        for label in labels:
            by_kind[label.kind].append(label.ref)
        names = ", ".join(f"“{label.name}”" for label in labels)

        def make() -> Change:
            change = self.archive.assignments.remove_from_sources(
                source_ids,
                events=by_kind["event"],
                perspectives=by_kind["perspective"],
                tags=by_kind["tag"],
            )
            return replace(
                change,
                description=QCoreApplication.translate(
                    "labeling", "Remove {names} from {sources}"
                ).format(names=names, sources=sources_count(len(source_ids))),
            )

        return self.edits.apply(make) is not None

    def labels_of_sources(self, source_ids: Sequence[int]) -> list[Label]:
        """The labels any of these sources carries: events, then perspectives, then tags."""
        found = self.archive.assignments.of_sources(source_ids)
        return [
            Label(kind, ref.id, ref.name, ref.color)
            for kind in ("event", "perspective", "tag")
            for ref in found[kind]
        ]


def assignable(labels: Sequence[Label]) -> Labels:
    """What to give the core to assign ``labels``: ids and names, and the new events and
    perspectives to make on the way."""
    by_kind: dict[Kind, list[LabelRef]] = {"event": [], "perspective": [], "tag": []}
    for label in labels:
        ref = label.pending if isinstance(label.pending, NewEvent | NewPerspective) else label.ref
        if ref not in by_kind[label.kind]:
            by_kind[label.kind].append(ref)
    tags = [ref for ref in by_kind["tag"] if isinstance(ref, int | str)]
    return Labels(by_kind["event"], by_kind["perspective"], tags)


def _event_tip(name: str, start: str, end: str, place: str) -> str:
    dates = start if not end or end == start else f"{start} to {end}"
    return " · ".join(part for part in (name, dates, place) if part)
