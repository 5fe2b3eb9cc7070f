"""Which sources an export covers: the one resolver the command line and the window share.

A :class:`Selection` narrows the archive step by step: each option that is given must hold
(``--event`` and ``--tag`` together mean sources with that event *and* that tag); an option
given several times means any of them. An event includes its sub-events, and a source counts
as carrying an event, perspective or tag when it carries it itself or one of its annotations
does. No option at all means the whole archive. ``leave_out_sensitive`` then takes away the
sources marked as graphic or as showing identifiable people.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from archive_app.core.research import Ref, counted

if TYPE_CHECKING:
    from archive_app.core.archive import Archive


@dataclass(frozen=True)
class Selection:
    ids: tuple[int, ...] = ()
    events: tuple[Ref, ...] = ()
    perspectives: tuple[Ref, ...] = ()
    tags: tuple[Ref, ...] = ()
    query: str = ""
    saved: str = ""
    leave_out_sensitive: bool = False

    @property
    def is_everything(self) -> bool:
        return not (
            self.ids
            or self.events
            or self.perspectives
            or self.tags
            or self.query
            or self.saved
            or self.leave_out_sensitive
        )


def describe_selection(archive: Archive, selection: Selection) -> str:
    """The selection in words (names, not ids), for a report's heading."""
    whole = replace(selection, leave_out_sensitive=False).is_everything
    parts = ["the whole archive"] if whole else []
    if selection.ids:
        parts.append(counted(len(selection.ids), "chosen source"))
    parts += [f"event {archive.events.get(ref).name}" for ref in selection.events]
    parts += [f"perspective {archive.perspectives.get(ref).name}" for ref in selection.perspectives]
    parts += [f"tag {archive.tags.get(ref).name}" for ref in selection.tags]
    if selection.query:
        parts.append(f"search “{selection.query}”")
    if selection.saved:
        parts.append(f"saved search {selection.saved}")
    if selection.leave_out_sensitive:
        parts.append("sensitive images left out")
    return ", ".join(parts)


def resolve_selection(archive: Archive, selection: Selection) -> list[int]:
    """The ids of the selected sources, in id order. Unknown events, perspectives, tags,
    saved searches and sources raise :class:`NotFoundError` with their name."""
    chosen = set(archive.source_ids())
    if selection.ids:
        for source_id in selection.ids:
            archive.get(source_id)
        chosen &= set(selection.ids)
    if selection.events:
        chosen &= _carrying(archive, "event", archive.events.with_descendants(selection.events))
    if selection.perspectives:
        wanted = {archive.perspectives.get(ref).id for ref in selection.perspectives}
        chosen &= _carrying(archive, "perspective", wanted)
    if selection.tags:
        chosen &= _carrying(archive, "tag", {archive.tags.get(ref).id for ref in selection.tags})
    if selection.query:
        chosen &= _found(archive, selection.query)
    if selection.saved:
        chosen &= _found(archive, archive.saved_searches.get(selection.saved).query)
    if selection.leave_out_sensitive:
        chosen -= archive.verification.sensitive_ids()
    return sorted(chosen)


def _carrying(archive: Archive, kind: str, label_ids: set[int]) -> set[int]:
    if not label_ids:
        return set()
    marks = ",".join("?" * len(label_ids))
    rows = archive.database.query(
        f"SELECT source_id FROM source_{kind}s WHERE {kind}_id IN ({marks}) "
        f"UNION SELECT a.source_id FROM annotation_{kind}s AS l "
        f"JOIN annotations AS a ON a.id = l.annotation_id WHERE l.{kind}_id IN ({marks})",
        (*label_ids, *label_ids),
    )
    return {int(row[0]) for row in rows}


def _found(archive: Archive, query: str) -> set[int]:
    limit = max(1, archive.count_sources())
    return {hit.id for hit in archive.search(query, limit=limit, facets=False).hits}
