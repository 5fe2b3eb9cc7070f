"""How each perspective told an event: the data behind the compare view (and, through
:func:`place`, the timeline's coverage counts), free of Qt so a report export can use it too.

The rules, the same wherever sources are counted by perspective:

- **Scope.** An event, and with ``sub_events`` every event beneath it.
- **Passages.** An annotation with events of its own belongs to those events only; one without
  speaks for its source and belongs to its source's events. So a passage of an op-ed about two
  events, marked with one of them, is not shown for the other.
- **Sources.** A source is in scope when it carries an event of the scope or when one of its
  passages does.
- **Columns.** One per perspective of the archive, empty ones included (a side that said
  nothing is a finding), then "No perspective" when some source in scope has none.
- **Cards.** A source stands in the column of each of its perspectives with all its passages in
  scope. A passage that carries a perspective its source lacks (an Azerbaijani official quoted
  in a wire story) stands under that perspective too: there its source's card is *borrowed*
  and holds only such passages. The passage also stays in its source's own card, where the
  window marks the perspective it speaks for.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable, Collection, Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Literal, TypeVar

from archive_app.core.dates import date_range
from archive_app.core.db import Database
from archive_app.core.errors import InvalidInputError
from archive_app.core.events import Event
from archive_app.core.messages import QT_TRANSLATE_NOOP, Message
from archive_app.core.model import NamedRef
from archive_app.core.perspectives import Perspective
from archive_app.core.research import labels_by_owner

if TYPE_CHECKING:
    from archive_app.core.archive import Archive

CardOrder = Literal["oldest", "newest", "title"]
CARD_ORDERS: tuple[CardOrder, ...] = ("oldest", "newest", "title")
ColumnKey = int | None
"""A perspective's id, or None for the sources that have no perspective."""
NO_PERSPECTIVE = "No perspective"
K = TypeVar("K", bound=Hashable)
Placed = dict[ColumnKey, dict[int, list[int]]]
"""Column → source id → the ids of the passages its card shows there (in reading order)."""

_IN = "IN (SELECT value FROM json_each(?))"


@dataclass(frozen=True)
class ColumnHead:
    """What heads a column: a perspective, or "No perspective" (``key`` None)."""

    key: ColumnKey
    name: str
    color: str = ""
    description: str = ""

    @classmethod
    def of(cls, perspective: Perspective) -> ColumnHead:
        return cls(perspective.id, perspective.name, perspective.color, perspective.description)


UNLABELLED = ColumnHead(None, NO_PERSPECTIVE)


@dataclass(frozen=True)
class Passage:
    """An annotation as the compare view shows it: the quote (or the region) and the note,
    with the events and perspectives it carries itself (empty: it speaks for its source)."""

    id: int
    source_id: int
    target: str
    quote: str
    note: str
    page: int | None = None
    events: tuple[NamedRef, ...] = ()
    perspectives: tuple[NamedRef, ...] = ()


@dataclass(frozen=True)
class Card:
    """A source in one column, with the passages it shows there. ``borrowed``: the source
    does not carry the column's perspective; only some of its passages do."""

    source_id: int
    kind: str
    title: str
    site: str
    authors: tuple[str, ...]
    published: str
    events: tuple[NamedRef, ...]
    perspectives: tuple[NamedRef, ...]
    passages: tuple[Passage, ...] = ()
    borrowed: bool = False
    status: str = "unverified"
    grade: str = ""
    """The Admiralty grade, ``B2`` (see :mod:`.verification`)."""

    @property
    def day(self) -> date | None:
        return published_day(self.published)


@dataclass(frozen=True)
class Column:
    head: ColumnHead
    cards: tuple[Card, ...] = ()

    @property
    def source_count(self) -> int:
        return len(self.cards)

    @property
    def passage_count(self) -> int:
        return sum(len(card.passages) for card in self.cards)


@dataclass(frozen=True)
class Comparison:
    """An event's sources and passages, one column per perspective."""

    event: Event
    scope: tuple[NamedRef, ...]
    """The events compared: the event, then its sub-events when they are included."""
    sub_events: bool
    columns: tuple[Column, ...]
    source_count: int
    passage_count: int

    def column(self, name: str) -> Column:
        """The column headed ``name`` (case does not matter)."""
        for column in self.columns:
            if column.head.name.casefold() == name.casefold():
                return column
        raise KeyError(name)


@dataclass
class LabelLinks:
    """The events and perspectives of sources and passages that decide where they stand.
    ``passage_source`` is in reading order within each source."""

    source_events: dict[int, set[int]] = field(default_factory=dict)
    source_perspectives: dict[int, set[int]] = field(default_factory=dict)
    passage_source: dict[int, int] = field(default_factory=dict)
    passage_events: dict[int, set[int]] = field(default_factory=dict)
    passage_perspectives: dict[int, set[int]] = field(default_factory=dict)

    def home_columns(self, source_id: int) -> set[ColumnKey]:
        """The columns a source stands in with all its passages: its perspectives, or None."""
        perspectives = self.source_perspectives.get(source_id)
        return set(perspectives) if perspectives else {None}


def place(links: LabelLinks, scopes_of: Callable[[int], Collection[K]]) -> dict[K, Placed]:
    """Where sources and passages stand, for every scope at once. ``scopes_of(event_id)``
    names the scopes an event counts toward (the compare view: one event and its sub-events;
    the timeline: an event and each of its ancestors)."""
    placed: dict[K, Placed] = defaultdict(lambda: defaultdict(dict))

    def scopes_of_all(event_ids: Iterable[int]) -> set[K]:
        return {scope for event_id in event_ids for scope in scopes_of(event_id)}

    source_scopes = {
        source_id: scopes_of_all(event_ids) for source_id, event_ids in links.source_events.items()
    }
    for source_id, scopes in source_scopes.items():
        for scope in scopes:
            for column in links.home_columns(source_id):
                placed[scope][column].setdefault(source_id, [])
    for passage_id, source_id in links.passage_source.items():
        own_events = links.passage_events.get(passage_id)
        scopes = scopes_of_all(own_events) if own_events else source_scopes.get(source_id, set())
        home = links.home_columns(source_id)
        borrowed = links.passage_perspectives.get(passage_id, set()) - home
        for scope in scopes:
            for column in home | borrowed:
                placed[scope][column].setdefault(source_id, []).append(passage_id)
    return placed


def compare_event(
    archive: Archive, event_id: int, *, sub_events: bool = True, order: CardOrder = "oldest"
) -> Comparison:
    """The comparison of one event (see the module's rules), its cards in ``order``: oldest
    or newest published first (undated last either way), or by title."""
    if order not in CARD_ORDERS:
        raise InvalidInputError(
            Message(
                QT_TRANSLATE_NOOP(
                    "core", "Cards are sorted oldest or newest first, or by title; not '{order}'."
                ),
                order=str(order),
            )
        )
    event = archive.events.get(event_id)
    scope = archive.events.with_descendants([event.id]) if sub_events else {event.id}
    database = archive.database
    links = scoped_links(database, scope)
    placed = place(links, lambda other: (event.id,) if other in scope else ()).get(event.id, {})
    source_ids = {source_id for cards in placed.values() for source_id in cards}
    passage_ids = {p for cards in placed.values() for ids in cards.values() for p in ids}
    sources = _source_facts(database, source_ids, scope)
    passages = _passages(database, passage_ids)
    heads = [ColumnHead.of(perspective) for perspective in archive.perspectives.all()]
    if None in placed:
        heads.append(UNLABELLED)
    columns = tuple(
        Column(
            head,
            _cards(
                placed.get(head.key, {}),
                head.key,
                links=links,
                sources=sources,
                passages=passages,
                order=order,
            ),
        )
        for head in heads
    )
    return Comparison(
        event=event,
        scope=_scope_refs(database, event, scope),
        sub_events=sub_events,
        columns=columns,
        source_count=len(source_ids),
        passage_count=len(passage_ids),
    )


def published_day(published: str) -> date | None:
    """The first day a published date covers (None when there is none or it is unreadable)."""
    if not published:
        return None
    try:
        return date_range(published)[0]
    except (InvalidInputError, ValueError):
        return None


# Reading the links


def scoped_links(database: Database, scope: Collection[int]) -> LabelLinks:
    """The links of the sources and passages that may belong to the events ``scope``."""
    events = json.dumps(sorted(scope))
    links = LabelLinks()
    for source_id, event_id in database.query(
        f"SELECT source_id, event_id FROM source_events WHERE event_id {_IN}", (events,)
    ):
        links.source_events.setdefault(int(source_id), set()).add(int(event_id))
    passage_rows = database.query(
        f"SELECT a.id, a.source_id FROM annotations a WHERE a.source_id {_IN} "
        f"OR a.id IN (SELECT annotation_id FROM annotation_events WHERE event_id {_IN}) "
        f"ORDER BY {_READING_ORDER}",
        (json.dumps(sorted(links.source_events)), events),
    )
    _read_passages(database, links, passage_rows)
    sources = json.dumps(sorted(set(links.source_events) | set(links.passage_source.values())))
    _read_pairs(
        database,
        f"SELECT source_id, perspective_id FROM source_perspectives WHERE source_id {_IN}",
        (sources,),
        links.source_perspectives,
    )
    return links


def all_links(database: Database) -> LabelLinks:
    """The links of every source and passage of the archive."""
    links = LabelLinks()
    _read_pairs(database, "SELECT source_id, event_id FROM source_events", (), links.source_events)
    rows = database.query(f"SELECT a.id, a.source_id FROM annotations a ORDER BY {_READING_ORDER}")
    _read_passages(database, links, rows)
    _read_pairs(
        database,
        "SELECT source_id, perspective_id FROM source_perspectives",
        (),
        links.source_perspectives,
    )
    return links


_READING_ORDER = (
    "a.source_id, a.target = 'region', coalesce(a.page, 0), coalesce(a.start_offset, 0), a.id"
)


def _read_passages(database: Database, links: LabelLinks, rows: Iterable[Sequence[object]]) -> None:
    for passage_id, source_id in rows:
        links.passage_source[int(str(passage_id))] = int(str(source_id))
    passages = (json.dumps(sorted(links.passage_source)),)
    _read_pairs(
        database,
        f"SELECT annotation_id, event_id FROM annotation_events WHERE annotation_id {_IN}",
        passages,
        links.passage_events,
    )
    _read_pairs(
        database,
        f"SELECT annotation_id, perspective_id FROM annotation_perspectives "
        f"WHERE annotation_id {_IN}",
        passages,
        links.passage_perspectives,
    )


def _read_pairs(
    database: Database, sql: str, parameters: tuple[object, ...], into: dict[int, set[int]]
) -> None:
    for owner, label in database.query(sql, parameters):
        into.setdefault(int(owner), set()).add(int(label))


# Reading what the cards show


@dataclass(frozen=True)
class _SourceFacts:
    kind: str
    title: str
    site: str
    authors: tuple[str, ...]
    published: str
    events: tuple[NamedRef, ...]
    perspectives: tuple[NamedRef, ...]
    status: str
    grade: str


def _source_facts(
    database: Database, ids: Collection[int], scope: Collection[int]
) -> dict[int, _SourceFacts]:
    chosen = json.dumps(sorted(ids))
    events = _named_links(
        database,
        f"SELECT se.source_id, e.id, e.name, '' FROM source_events se "
        f"JOIN events e ON e.id = se.event_id WHERE se.source_id {_IN} AND se.event_id {_IN} "
        f"ORDER BY e.start_date, e.name COLLATE NOCASE",
        (chosen, json.dumps(sorted(scope))),
    )
    perspectives = labels_by_owner(database, "source", "perspective", ids)
    rows = database.query(
        f"SELECT s.id, kind, title, site_name, authors, published, "
        f"coalesce(v.status, 'unverified') AS status, "
        f"coalesce(v.reliability || v.credibility, '') AS grade "
        f"FROM sources s LEFT JOIN source_evidence v ON v.id = s.id WHERE s.id {_IN}",
        (chosen,),
    )
    return {
        int(row["id"]): _SourceFacts(
            kind=str(row["kind"]),
            title=str(row["title"]),
            site=str(row["site_name"]),
            authors=tuple(json.loads(row["authors"])),
            published=str(row["published"]),
            events=tuple(events.get(int(row["id"]), ())),
            perspectives=tuple(perspectives.get(int(row["id"]), ())),
            status=str(row["status"]),
            grade=str(row["grade"]),
        )
        for row in rows
    }


def _passages(database: Database, ids: Collection[int]) -> dict[int, Passage]:
    events = labels_by_owner(database, "annotation", "event", ids)
    perspectives = labels_by_owner(database, "annotation", "perspective", ids)
    rows = database.query(
        f"SELECT id, source_id, target, quote_exact, note, page FROM annotations WHERE id {_IN}",
        (json.dumps(sorted(ids)),),
    )
    return {
        int(row["id"]): Passage(
            id=int(row["id"]),
            source_id=int(row["source_id"]),
            target=str(row["target"]),
            quote=str(row["quote_exact"]),
            note=str(row["note"]),
            page=None if row["page"] is None else int(row["page"]),
            events=tuple(events.get(int(row["id"]), ())),
            perspectives=tuple(perspectives.get(int(row["id"]), ())),
        )
        for row in rows
    }


def _named_links(
    database: Database, sql: str, parameters: tuple[object, ...]
) -> dict[int, list[NamedRef]]:
    named: dict[int, list[NamedRef]] = defaultdict(list)
    for owner, label_id, name, color in database.query(sql, parameters):
        named[int(owner)].append(NamedRef(int(label_id), str(name), str(color)))
    return named


def _scope_refs(database: Database, event: Event, scope: Collection[int]) -> tuple[NamedRef, ...]:
    others = [
        NamedRef(int(row[0]), str(row[1]))
        for row in database.query(
            f"SELECT id, name FROM events WHERE id {_IN} AND id != ? "
            f"ORDER BY start_date = '', start_date, name COLLATE NOCASE",
            (json.dumps(sorted(scope)), event.id),
        )
    ]
    return (NamedRef(event.id, event.name), *others)


# Building the columns


def _cards(
    placed: Mapping[int, list[int]],
    column: ColumnKey,
    *,
    links: LabelLinks,
    sources: Mapping[int, _SourceFacts],
    passages: Mapping[int, Passage],
    order: CardOrder,
) -> tuple[Card, ...]:
    cards = []
    for source_id, passage_ids in placed.items():
        facts = sources[source_id]
        cards.append(
            Card(
                source_id=source_id,
                kind=facts.kind,
                title=facts.title,
                site=facts.site,
                authors=facts.authors,
                published=facts.published,
                events=facts.events,
                perspectives=facts.perspectives,
                passages=tuple(passages[p] for p in passage_ids),
                borrowed=column not in links.home_columns(source_id),
                status=facts.status,
                grade=facts.grade,
            )
        )
    return tuple(sorted(cards, key=_card_key(order)))


def _card_key(order: CardOrder) -> Callable[[Card], tuple[object, ...]]:
    def by_title(card: Card) -> tuple[object, ...]:
        return (card.title.casefold(), card.source_id)

    def by_date(card: Card) -> tuple[object, ...]:
        day = card.day
        ordinal = 0 if day is None else day.toordinal()
        when = -ordinal if order == "newest" else ordinal
        stamp = card.published if order == "oldest" else _negated(card.published)
        return (day is None, when, stamp, card.title.casefold(), card.source_id)

    return by_title if order == "title" else by_date


def _negated(text: str) -> tuple[int, ...]:
    """A key that sorts texts in reverse (the time of day within one day, newest first); the
    end mark puts ``2023-09-19`` after ``2023-09-19T17:45``, as reversing the text order would."""
    return (*(-ord(character) for character in text), 0)
