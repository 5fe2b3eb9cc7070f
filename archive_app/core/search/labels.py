"""Events, perspectives and tags as search sees them: names to ids, ids to names.

The index holds these labels by id, so renaming one needs no reindex. Each search reads the
names afresh from the database (small tables); an ``event:`` filter takes the events it names
with all their sub-events, and facet counts of an event include its sub-events' sources.

A name in a query matches a label whose name is the same regardless of case and accents; failing
that, every label whose name holds all the query's words (``event:Karabakh`` → "Second Karabakh
War" and "Karabakh offensive, 2023"); a wildcard (``tag:cease*``) matches names by pattern; a
number that no name matches is taken as an id.
"""

from __future__ import annotations

import fnmatch
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property

from archive_app.core.db import Database
from archive_app.core.research import TABLES, Kind
from archive_app.core.search.analysis import analyze, fold


def plain_name(name: str) -> str:
    """A name as names are compared: case and accents dropped, spaces tidied."""
    return " ".join(fold(name.casefold()).split())


@dataclass(frozen=True)
class _Names:
    by_id: dict[int, str]

    def ids_for(self, value: str) -> set[int]:
        wanted = plain_name(value)
        if not wanted:
            return set()
        if any(mark in wanted for mark in "*?"):
            pattern = re.compile(fnmatch.translate(wanted))
            return {i for i, name in self.by_id.items() if pattern.match(plain_name(name))}
        exact = {i for i, name in self.by_id.items() if plain_name(name) == wanted}
        if exact:
            return exact
        words = set(analyze(value))
        if words:
            containing = {i for i, name in self.by_id.items() if words <= set(analyze(name))}
            if containing:
                return containing
        if wanted.isdigit() and int(wanted) in self.by_id:
            return {int(wanted)}
        return set()


class Labels:
    """The archive's label names, read when first needed during one search."""

    def __init__(self, database: Database) -> None:
        self.database = database

    @cached_property
    def _event_rows(self) -> list[tuple[int, str, int | None]]:
        rows = self.database.query("SELECT id, name, parent_id FROM events")
        return [(int(r[0]), str(r[1]), None if r[2] is None else int(r[2])) for r in rows]

    @cached_property
    def _children(self) -> dict[int, list[int]]:
        children: dict[int, list[int]] = {}
        for event_id, _, parent in self._event_rows:
            if parent is not None:
                children.setdefault(parent, []).append(event_id)
        return children

    @cached_property
    def _parents(self) -> dict[int, int]:
        return {event_id: parent for event_id, _, parent in self._event_rows if parent is not None}

    @cached_property
    def _perspectives(self) -> _Names:
        return self._read("perspective")

    @cached_property
    def _tags(self) -> _Names:
        return self._read("tag")

    @cached_property
    def _events(self) -> _Names:
        return _Names({event_id: name for event_id, name, _ in self._event_rows})

    def _read(self, kind: Kind) -> _Names:
        rows = self.database.query(f"SELECT id, name FROM {TABLES[kind]}")
        return _Names({int(row[0]): str(row[1]) for row in rows})

    def _names(self, kind: Kind) -> _Names:
        if kind == "event":
            return self._events
        return self._perspectives if kind == "perspective" else self._tags

    def ids(self, kind: Kind, value: str) -> set[int]:
        """The ids ``value`` names (events with their sub-events); empty if none."""
        found = self._names(kind).ids_for(value)
        return self.with_sub_events(found) if kind == "event" else found

    def with_sub_events(self, event_ids: Iterable[int]) -> set[int]:
        found: set[int] = set()
        pending = list(event_ids)
        while pending:
            event_id = pending.pop()
            if event_id not in found:
                found.add(event_id)
                pending.extend(self._children.get(event_id, []))
        return found

    def with_parent_events(self, event_ids: Iterable[int]) -> set[int]:
        """The events and every event they are part of (for facet counts)."""
        found: set[int] = set()
        for event_id in event_ids:
            current: int | None = event_id
            while current is not None and current not in found:
                found.add(current)
                current = self._parents.get(current)
        return found

    def name(self, kind: Kind, label_id: int) -> str | None:
        return self._names(kind).by_id.get(label_id)
