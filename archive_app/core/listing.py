"""The queries behind the window's source list and sidebar, free of Qt so the command line and
tests can use them too.

The list is a view over ids (as Anki's browser is): :func:`ordered_ids` gives the ids a view
shows in the order asked for, cheaply even for 100,000 sources, and :func:`display_rows` fetches
what a table row shows for the few ids on screen. :func:`sidebar_summary` counts the sources in
every library view, event (with its sub-events), perspective and tag. The window and the
exports reach them through :class:`Listing` (``archive.listing``).

A source is under an event, perspective or tag when it carries the label or one of its
annotated passages or regions does (as a search for ``tag:`` finds it): a label used only on
passages lists the sources with those passages, as a code lists its coded segments.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from typing import Literal, get_args

from archive_app.core.db import Database
from archive_app.core.events import sources_with_sub_events
from archive_app.core.model import NamedRef
from archive_app.core.research import (
    TABLES,
    Kind,
    color_column,
    labelled_sources,
    labels_by_owner,
    link_table,
)
from archive_app.importers.document import SOURCE_KINDS

Scope = Literal["all", "kind", "event", "perspective", "tag", "ids"]
SortColumn = Literal[
    "kind",
    "title",
    "site",
    "authors",
    "published",
    "imported",
    "events",
    "perspectives",
    "language",
]
SORT_COLUMNS: tuple[SortColumn, ...] = get_args(SortColumn)

_TITLE = "s.title COLLATE NOCASE"
_FIRST_EVENT = (
    "(SELECT min(e.name COLLATE NOCASE) FROM source_events se "
    "JOIN events e ON e.id = se.event_id WHERE se.source_id = s.id)"
)
_FIRST_PERSPECTIVE = (
    "(SELECT min(p.name COLLATE NOCASE) FROM source_perspectives sp "
    "JOIN perspectives p ON p.id = sp.perspective_id WHERE sp.source_id = s.id)"
)
# Each column's sort keys: (expression, is it empty?) in order. Empty values go last whichever
# way the column is sorted, so a list sorted by date does not start with a wall of undated rows.
_SORT_KEYS: dict[SortColumn, tuple[tuple[str, str | None], ...]] = {
    "kind": (("s.kind", None), (_TITLE, None)),
    "title": ((_TITLE, "s.title = ''"),),
    "site": (("s.site_name COLLATE NOCASE", "s.site_name = ''"), (_TITLE, None)),
    "authors": (("s.authors COLLATE NOCASE", "s.authors = '[]'"), (_TITLE, None)),
    "published": (("s.published", "s.published = ''"), (_TITLE, None)),
    "imported": (("s.imported_at", None),),
    "events": ((_FIRST_EVENT, f"{_FIRST_EVENT} IS NULL"), (_TITLE, None)),
    "perspectives": ((_FIRST_PERSPECTIVE, f"{_FIRST_PERSPECTIVE} IS NULL"), (_TITLE, None)),
    "language": (("s.language", "s.language = ''"), (_TITLE, None)),
}
_EVENT_AND_SUB_EVENTS = (
    "WITH RECURSIVE chosen(id) AS (SELECT ? UNION SELECT e.id FROM events e "
    "JOIN chosen c ON e.parent_id = c.id) "
)


@dataclass(frozen=True)
class View:
    """Which sources the list shows: all, one kind, an event (with its sub-events), a
    perspective, a tag, or a given set of ids (search hits)."""

    scope: Scope = "all"
    key: str | int | None = None
    ids: tuple[int, ...] = ()

    @classmethod
    def of_ids(cls, ids: Sequence[int]) -> View:
        return cls("ids", ids=tuple(ids))


ALL_SOURCES = View()


@dataclass(frozen=True)
class ListRow:
    """What one row of the source list shows."""

    id: int
    kind: str
    title: str
    site: str
    authors: list[str]
    published: str
    imported: str
    sha256: str
    original_ext: str
    events: list[str] = field(default_factory=list)
    perspectives: list[NamedRef] = field(default_factory=list)
    status: str = "unverified"
    reliability: str = ""
    credibility: str = ""
    language: str = ""


@dataclass(frozen=True)
class EventCount:
    """An event of the tree with the number of sources about it or any of its sub-events."""

    id: int
    name: str
    parent_id: int | None
    start_date: str
    end_date: str
    count: int
    passages: int = 0


@dataclass(frozen=True)
class NamedCount:
    """A perspective or tag with the number of sources under it (carrying it, or with an
    annotation that does) and the number of annotations that carry it."""

    id: int
    name: str
    count: int
    color: str = ""
    passages: int = 0


@dataclass(frozen=True)
class SavedSearchEntry:
    id: int
    name: str
    query: str


@dataclass
class SidebarSummary:
    """Everything the sidebar lists, with counts."""

    total: int = 0
    kinds: dict[str, int] = field(default_factory=dict)
    events: list[EventCount] = field(default_factory=list)
    perspectives: list[NamedCount] = field(default_factory=list)
    tags: list[NamedCount] = field(default_factory=list)
    saved_searches: list[SavedSearchEntry] = field(default_factory=list)
    trashed: int = 0


def ordered_ids(
    database: Database,
    view: View = ALL_SOURCES,
    sort: SortColumn | None = "imported",
    descending: bool = False,
) -> list[int]:
    """The ids of the sources ``view`` shows, sorted by ``sort`` (ties by title and id).

    ``sort=None`` keeps the order of a view of ids (search hits in order of relevance) and
    sorts other views by id."""
    if view.scope == "ids" and sort is None:
        return list(view.ids)
    prefix, where, parameters = _view_filter(view)
    order = _order_by(sort, descending) if sort is not None else "s.id"
    sql = f"{prefix}SELECT s.id FROM sources s WHERE {where} ORDER BY {order}"
    return [int(row[0]) for row in database.query(sql, parameters)]


def display_rows(database: Database, ids: Sequence[int]) -> dict[int, ListRow]:
    """The list rows of ``ids`` (those that still exist), by id."""
    if not ids:
        return {}
    chosen = json.dumps(list(ids))
    in_chosen = "IN (SELECT value FROM json_each(?))"
    events: dict[int, list[str]] = defaultdict(list)
    for row in database.query(
        f"SELECT se.source_id, e.name FROM source_events se JOIN events e ON e.id = se.event_id "
        f"WHERE se.source_id {in_chosen} ORDER BY e.start_date, e.name COLLATE NOCASE",
        (chosen,),
    ):
        events[int(row[0])].append(str(row[1]))
    perspectives = labels_by_owner(database, "source", "perspective", ids)
    rows = database.query(
        f"SELECT s.id, kind, title, site_name, authors, published, imported_at, sha256, "
        f"original_ext, language, coalesce(v.status, 'unverified') AS status, "
        f"coalesce(v.reliability, '') AS reliability, coalesce(v.credibility, '') AS credibility "
        f"FROM sources s LEFT JOIN source_evidence v ON v.id = s.id WHERE s.id {in_chosen}",
        (chosen,),
    )
    return {
        int(row["id"]): ListRow(
            id=int(row["id"]),
            kind=str(row["kind"]),
            title=str(row["title"]),
            site=str(row["site_name"]),
            authors=list(json.loads(row["authors"])),
            published=str(row["published"]),
            imported=str(row["imported_at"]),
            sha256=str(row["sha256"]),
            original_ext=str(row["original_ext"]),
            events=events.get(int(row["id"]), []),
            perspectives=perspectives.get(int(row["id"]), []),
            status=str(row["status"]),
            reliability=str(row["reliability"]),
            credibility=str(row["credibility"]),
            language=str(row["language"]),
        )
        for row in rows
    }


def sidebar_summary(database: Database) -> SidebarSummary:
    """Counts for every entry of the sidebar, read in a handful of grouped queries."""
    kinds: dict[str, int] = dict.fromkeys(SOURCE_KINDS, 0)
    for row in database.query("SELECT kind, count(*) FROM sources GROUP BY kind"):
        kinds[str(row[0])] = int(row[1])
    return SidebarSummary(
        trashed=int(str(database.scalar("SELECT count(*) FROM trash"))),
        total=sum(kinds.values()),
        kinds=kinds,
        events=_event_counts(database),
        perspectives=_source_counts(database, "perspective"),
        tags=_source_counts(database, "tag"),
        saved_searches=[
            SavedSearchEntry(int(row[0]), str(row[1]), str(row[2]))
            for row in database.query(
                "SELECT id, name, query FROM saved_searches ORDER BY name COLLATE NOCASE"
            )
        ],
    )


def _source_counts(database: Database, kind: Literal["perspective", "tag"]) -> list[NamedCount]:
    """Each perspective or tag, by name, with how many sources are under it and how many
    annotations carry it."""
    sources = {
        int(row[0]): int(row[1])
        for row in database.query(
            f"SELECT label, count(DISTINCT source_id) FROM ({labelled_sources(kind)}) "
            "GROUP BY label"
        )
    }
    passages = _annotation_counts(database, kind)
    rows = database.query(
        f"SELECT l.id, l.name, {color_column(kind)} FROM {TABLES[kind]} l "
        "ORDER BY l.name COLLATE NOCASE"
    )
    return [
        NamedCount(
            int(row[0]),
            str(row[1]),
            sources.get(int(row[0]), 0),
            str(row[2]),
            passages.get(int(row[0]), 0),
        )
        for row in rows
    ]


def _event_counts(database: Database) -> list[EventCount]:
    """Each event with the distinct sources under it or any event below it, and the
    annotations that carry it or an event below it."""
    below = (
        "WITH RECURSIVE below(ancestor, id) AS (SELECT id, id FROM events "
        "UNION SELECT b.ancestor, e.id FROM events e JOIN below b ON e.parent_id = b.id) "
    )
    counts = sources_with_sub_events(database)
    passages = {
        int(row[0]): int(row[1])
        for row in database.query(
            f"{below}SELECT b.ancestor, count(DISTINCT ae.annotation_id) FROM below b "
            "JOIN annotation_events ae ON ae.event_id = b.id GROUP BY b.ancestor"
        )
    }
    return [
        EventCount(
            id=int(row["id"]),
            name=str(row["name"]),
            parent_id=None if row["parent_id"] is None else int(row["parent_id"]),
            start_date=str(row["start_date"]),
            end_date=str(row["end_date"]),
            count=counts.get(int(row["id"]), 0),
            passages=passages.get(int(row["id"]), 0),
        )
        for row in database.query(
            "SELECT id, name, parent_id, start_date, end_date FROM events "
            "ORDER BY start_date = '', start_date, name COLLATE NOCASE"
        )
    ]


def _annotation_counts(database: Database, kind: Kind) -> dict[int, int]:
    links, _, label_column = link_table("annotation", kind)
    return {
        int(row[0]): int(row[1])
        for row in database.query(
            f"SELECT {label_column}, count(*) FROM {links} GROUP BY {label_column}"
        )
    }


def _view_filter(view: View) -> tuple[str, str, tuple[object, ...]]:
    """A ``WITH`` prefix, a ``WHERE`` condition on ``sources s`` and its parameters."""
    if view.scope == "all":
        return "", "1", ()
    if view.scope == "kind":
        return "", "s.kind = ?", (str(view.key),)
    if view.scope == "event":
        under = f"SELECT source_id FROM ({labelled_sources('event')}) WHERE label IN chosen"
        return _EVENT_AND_SUB_EVENTS, f"s.id IN ({under})", (view.key,)
    if view.scope in ("perspective", "tag"):
        under = f"SELECT source_id FROM ({labelled_sources(view.scope)}) WHERE label = ?"
        return "", f"s.id IN ({under})", (view.key,)
    return "", "s.id IN (SELECT value FROM json_each(?))", (json.dumps(list(view.ids)),)


def _order_by(sort: SortColumn, descending: bool) -> str:
    direction = "DESC" if descending else "ASC"
    terms: list[str] = []
    for expression, empty in _SORT_KEYS[sort]:
        if empty is not None:
            terms.append(empty)
        terms.append(f"{expression} {direction}")
    terms.append(f"s.id {direction}")
    return ", ".join(terms)


class Listing:
    """The archive's listing service (``archive.listing``), beside ``archive.searching``: what
    the window and the exports list, read through the archive rather than from its
    database."""

    def __init__(self, database: Database) -> None:
        self._database = database

    def ordered_ids(
        self,
        view: View = ALL_SOURCES,
        sort: SortColumn | None = "imported",
        descending: bool = False,
    ) -> list[int]:
        """See :func:`ordered_ids`."""
        return ordered_ids(self._database, view, sort, descending)

    def rows(self, ids: Sequence[int]) -> dict[int, ListRow]:
        """See :func:`display_rows`."""
        return display_rows(self._database, ids)

    def summary(self) -> SidebarSummary:
        """See :func:`sidebar_summary`."""
        return sidebar_summary(self._database)

    def sources_carrying(self, kind: Kind, label_ids: Collection[int]) -> set[int]:
        """The sources that carry any of these events, perspectives or tags themselves."""
        links, owner_column, label_column = link_table("source", kind)
        rows = self._database.query(
            f"SELECT DISTINCT {owner_column} FROM {links} "
            f"WHERE {label_column} IN (SELECT value FROM json_each(?))",
            (json.dumps(list(label_ids)),),
        )
        return {int(row[0]) for row in rows}
