"""Events: dated happenings that form a tree (a conflict > its wars > their battles).

Dates may be a year, a month or a day (:mod:`.dates`). Sources and annotations refer to an
event by id, so renaming or moving it keeps everything tagged with it.

Deleting an event that sources or annotations carry needs ``force=True`` (else
:class:`InUseError`); with it, those links go. Its sub-events never block a delete: they move
up to its parent (or become top-level events), so no part of the tree is lost. Undo puts all
of it back.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from archive_app.core.changes import Change
from archive_app.core.dates import date_range, parse_partial_date
from archive_app.core.db import Database
from archive_app.core.errors import InvalidInputError
from archive_app.core.journal import Journal, Notify, journaled
from archive_app.core.messages import QT_TRANSLATE_NOOP, Message
from archive_app.core.research import (
    Ref,
    check_unique_name,
    clean_name,
    label_row,
    label_rows,
    labelled_sources,
    refuse_if_in_use,
    resolve,
    save_label_edit,
    unlink_everywhere,
)


@dataclass(frozen=True)
class Event:
    """An event with how many sources and annotations carry it.

    ``source_count`` is the one count of an event shown everywhere (the command line, the
    sidebar, what an ``event:`` search finds): the sources about it or about any of its
    sub-events, each once. ``own_source_count`` is those it is assigned to itself, which is
    what deleting it takes it off."""

    id: int
    name: str
    parent_id: int | None = None
    start: str = ""
    end: str = ""
    place: str = ""
    description: str = ""
    source_count: int = 0
    annotation_count: int = 0
    own_source_count: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "parent_id": self.parent_id,
            "start": self.start,
            "end": self.end,
            "place": self.place,
            "description": self.description,
            "sources": self.source_count,
            "own_sources": self.own_source_count,
            "annotations": self.annotation_count,
        }


@dataclass(frozen=True)
class EventNode:
    """An event and its sub-events, in date order."""

    event: Event
    children: list[EventNode] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {**self.event.to_dict(), "children": [child.to_dict() for child in self.children]}


@dataclass(frozen=True)
class NewEvent:
    """An event to make: by :meth:`Events.add`, or where it is assigned (with the assignment,
    in one step)."""

    name: str
    parent: Ref | None = None
    start: str = ""
    end: str = ""
    place: str = ""
    description: str = ""

    def insert(self, journal: Journal) -> int:
        """Make it inside ``journal`` (refused when its name is taken or its dates are not
        dates); its new id."""
        clean = clean_name(self.name, "event")
        start_date, end_date = checked_dates(self.start, self.end)
        check_unique_name(journal.connection, "event", clean)
        parent = self.parent
        parent_id = None if parent is None else resolve(journal.connection, "event", parent)
        values = {
            "name": clean,
            "parent_id": parent_id,
            "start_date": start_date,
            "end_date": end_date,
            "place": self.place.strip(),
            "description": self.description.strip(),
        }
        return journal.insert("events", values)


class Events:
    """The archive's events. Every change returns an undoable :class:`Change`."""

    def __init__(self, database: Database, notify: Notify) -> None:
        self.database = database
        self.notify = notify

    # Reading

    def all(self) -> list[Event]:
        """Every event, in date order (undated ones last), then by name."""
        rows = label_rows(self.database, "event")
        counts = sources_with_sub_events(self.database)
        return sorted((_event(row, counts) for row in rows), key=_date_order)

    def get(self, ref: Ref) -> Event:
        """An event by id or by name (case does not matter)."""
        row = label_row(self.database, "event", ref)
        return _event(row, sources_with_sub_events(self.database, int(row["id"])))

    def tree(self) -> list[EventNode]:
        """The top-level events, each with its sub-events, in date order."""
        events = self.all()
        nodes = {event.id: EventNode(event) for event in events}
        roots: list[EventNode] = []
        for event in events:
            parent = nodes.get(event.parent_id) if event.parent_id is not None else None
            (parent.children if parent is not None else roots).append(nodes[event.id])
        return roots

    def with_descendants(self, refs: Iterable[Ref]) -> set[int]:
        """The ids of the given events and all their sub-events."""
        connection = self.database.connection
        wanted = {resolve(connection, "event", ref) for ref in refs}
        children: dict[int, list[int]] = {}
        for row in self.database.query("SELECT id, parent_id FROM events"):
            if row[1] is not None:
                children.setdefault(int(row[1]), []).append(int(row[0]))
        found: set[int] = set()
        pending = list(wanted)
        while pending:
            event_id = pending.pop()
            if event_id not in found:
                found.add(event_id)
                pending.extend(children.get(event_id, []))
        return found

    # Changing

    def create(
        self,
        name: str,
        *,
        parent: Ref | None = None,
        start: str = "",
        end: str = "",
        place: str = "",
        description: str = "",
    ) -> tuple[Event, Change]:
        """A new event. Names are unique regardless of case; ``start`` and ``end`` are a
        year, a month or a day, and the end may not come before the start."""
        return self.add(NewEvent(name, parent, start, end, place, description))

    def add(self, new: NewEvent) -> tuple[Event, Change]:
        """Make an event described by :class:`NewEvent`."""
        clean = clean_name(new.name, "event")
        event_id, change = journaled(self.database, self.notify, f"New event “{clean}”", new.insert)
        return self.get(event_id), change

    def edit(
        self,
        ref: Ref,
        *,
        name: str | None = None,
        start: str | None = None,
        end: str | None = None,
        place: str | None = None,
        description: str | None = None,
    ) -> Change:
        """Change an event's fields; those left None stay as they are, '' clears one."""
        current = self.get(ref)
        values: dict[str, object] = {}
        if name is not None:
            values["name"] = clean_name(name, "event")
        start_date, end_date = checked_dates(
            current.start if start is None else start, current.end if end is None else end
        )
        values |= {"start_date": start_date, "end_date": end_date}
        if place is not None:
            values["place"] = place.strip()
        if description is not None:
            values["description"] = description.strip()
        return save_label_edit(self.database, self.notify, "event", current, values)

    def move(self, ref: Ref, parent: Ref | None) -> Change:
        """Put an event under another one, or at the top level (``parent=None``). An event
        cannot be moved under itself or under one of its own sub-events."""
        event = self.get(ref)

        def change(journal: Journal) -> None:
            parent_id = None if parent is None else resolve(journal.connection, "event", parent)
            if parent_id is not None:
                _refuse_cycle(journal.connection, event, parent_id)
            journal.update("events", event.id, {"parent_id": parent_id})

        return journaled(self.database, self.notify, f"Move event “{event.name}”", change)[1]

    def delete(self, ref: Ref, *, force: bool = False) -> Change:
        """Delete an event. If sources or annotations carry it, refuse with
        :class:`InUseError` unless ``force``; then those links go too. Its sub-events move up
        to its parent."""
        event = self.get(ref)
        if not force:
            refuse_if_in_use("event", event.name, event.own_source_count, event.annotation_count)

        def change(journal: Journal) -> None:
            unlink_everywhere(journal, "event", event.id)
            for (child_id,) in journal.connection.execute(
                "SELECT id FROM events WHERE parent_id = ?", (event.id,)
            ).fetchall():
                journal.update("events", int(child_id), {"parent_id": event.parent_id})
            journal.delete("events", "id = ?", [event.id])

        return journaled(self.database, self.notify, f"Delete event “{event.name}”", change)[1]


def checked_dates(start: str, end: str) -> tuple[str, str]:
    """An event's start and end in canonical form (either may be ''); an error for a date
    that is not one, or an end before the start. The window checks its event form with it."""
    start_date = parse_partial_date(start) if start.strip() else ""
    end_date = parse_partial_date(end) if end.strip() else ""
    if start_date and end_date and date_range(end_date)[1] < date_range(start_date)[0]:
        raise InvalidInputError(
            Message(
                QT_TRANSLATE_NOOP(
                    "core",
                    "An event cannot end ({end}) before it starts ({start}).",
                ),
                end=end_date,
                start=start_date,
            )
        )
    return start_date, end_date


def _refuse_cycle(connection: sqlite3.Connection, event: Event, parent_id: int) -> None:
    """Refuse a parent that is the event itself or lies beneath it."""
    ancestor: int | None = parent_id
    while ancestor is not None:
        if ancestor == event.id:
            parent_name = connection.execute(
                "SELECT name FROM events WHERE id = ?", (parent_id,)
            ).fetchone()[0]
            if parent_id == event.id:
                raise InvalidInputError(
                    Message(
                        QT_TRANSLATE_NOOP("core", "The event '{event}' cannot be its own parent."),
                        event=event.name,
                    )
                )
            raise InvalidInputError(
                Message(
                    QT_TRANSLATE_NOOP(
                        "core",
                        "The event '{event}' cannot go under '{parent}': '{parent}' is one of its "
                        "own sub-events, so '{event}' would become its own ancestor.",
                    ),
                    event=event.name,
                    parent=parent_name,
                )
            )
        row = connection.execute(
            "SELECT parent_id FROM events WHERE id = ?", (ancestor,)
        ).fetchone()
        ancestor = None if row is None or row[0] is None else int(row[0])


def sources_with_sub_events(database: Database, event_id: int | None = None) -> dict[int, int]:
    """Event id → the number of distinct sources about it or any event below it, carrying the
    event themselves or through an annotated passage (events no source is about are left out);
    of one event, or of all. The sidebar, the command line and ``event:`` searches count so."""
    only = "" if event_id is None else "WHERE id = :event"
    rows = database.query(
        f"WITH RECURSIVE below(ancestor, id) AS (SELECT id, id FROM events {only} "
        "UNION SELECT b.ancestor, e.id FROM events e JOIN below b ON e.parent_id = b.id) "
        "SELECT b.ancestor, count(DISTINCT u.source_id) FROM below b "
        f"JOIN ({labelled_sources('event')}) u ON u.label = b.id GROUP BY b.ancestor",
        {"event": event_id},
    )
    return {int(row[0]): int(row[1]) for row in rows}


def _event(row: sqlite3.Row, with_sub_events: dict[int, int]) -> Event:
    event_id = int(row["id"])
    return Event(
        id=event_id,
        name=row["name"],
        parent_id=None if row["parent_id"] is None else int(row["parent_id"]),
        start=row["start_date"],
        end=row["end_date"],
        place=row["place"],
        description=row["description"],
        source_count=with_sub_events.get(event_id, 0),
        annotation_count=int(row["annotations"]),
        own_source_count=int(row["sources"]),
    )


def _date_order(event: Event) -> tuple[int, str, str]:
    return (0 if event.start else 1), event.start, event.name.casefold()
