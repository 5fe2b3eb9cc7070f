"""The annotation that puts a source under the event, perspective or tag chosen in the sidebar,
for the reader to open on (as clicking a code in QualCoder leads to its coded segments)."""

from __future__ import annotations

from collections.abc import Sequence

from archive_app.core.events import Event
from archive_app.core.listing import View
from archive_app.core.model import Annotation, NamedRef


def labelled_annotation(
    annotations: Sequence[Annotation], view: View, events: Sequence[Event]
) -> Annotation | None:
    """The first of ``annotations`` that carries the label ``view`` lists (an event's
    sub-events count as the event); None for other views or when none does."""
    if view.scope not in ("event", "perspective", "tag"):
        return None
    wanted = _with_sub_events(int(str(view.key)), events) if view.scope == "event" else {view.key}
    for annotation in sorted(annotations, key=_reading_order):
        if any(ref.id in wanted for ref in _labels(annotation, view.scope)):
            return annotation
    return None


def _labels(annotation: Annotation, scope: str) -> list[NamedRef]:
    if scope == "event":
        return annotation.events
    return annotation.perspectives if scope == "perspective" else annotation.tags


def _with_sub_events(event_id: int, events: Sequence[Event]) -> set[object]:
    found: set[object] = {event_id}
    grew = True
    while grew:
        below = {e.id for e in events if e.parent_id in found and e.id not in found}
        found |= below
        grew = bool(below)
    return found


def _reading_order(annotation: Annotation) -> tuple[int, float, int]:
    """Passages by where they start, regions by page and height on it."""
    return (annotation.page or 0, annotation.start or annotation.y or 0, annotation.id)
