"""What events, perspectives and tags share: names, references, reading them (with their usage
counts, or those a source or annotation carries), editing, deleting, and assigning them to
sources and annotations.

An event, perspective or tag is referred to by its id (the window) or by its name (the command
line); names compare without regard to case, in every script (``Şuşa`` equals ``şuşa``).
Assigning several labels to several sources is one undoable :class:`Change`.
"""

from __future__ import annotations

import json
import sqlite3
from collections import defaultdict
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from typing import Literal, Protocol, TypedDict

from archive_app.core.changes import Change
from archive_app.core.db import Database
from archive_app.core.errors import InvalidInputError, NotFoundError
from archive_app.core.journal import Journal, Notify, journaled
from archive_app.core.messages import QT_TRANSLATE_NOOP, Message
from archive_app.core.model import NamedRef

Ref = int | str
Owner = Literal["source", "annotation"]
Kind = Literal["event", "perspective", "tag"]

MAX_NAME_CHARS = 200
TABLES: dict[Kind, str] = {"event": "events", "perspective": "perspectives", "tag": "tags"}
OWNERS: tuple[Owner, ...] = ("source", "annotation")


class InUseError(InvalidInputError):
    """An event or perspective cannot be deleted without ``force``: sources or annotations
    carry it. The window reads the counts to ask what to do."""

    def __init__(self, message: str, *, sources: int, annotations: int) -> None:
        super().__init__(message)
        self.sources = sources
        self.annotations = annotations


class CountedLabel(Protocol):
    """An event, perspective or tag with how many sources and annotations carry it."""

    @property
    def id(self) -> int: ...

    @property
    def name(self) -> str: ...

    @property
    def source_count(self) -> int: ...

    @property
    def annotation_count(self) -> int: ...


class NewLabel(Protocol):
    """An event or perspective described but not made yet (:class:`~.events.NewEvent`,
    :class:`~.perspectives.NewPerspective`). Given where labels are assigned, it is made by the
    same change that assigns it: one transaction, one undo step."""

    @property
    def name(self) -> str: ...

    def insert(self, journal: Journal) -> int:
        """Make it inside ``journal``; its new id."""
        ...


LabelRef = Ref | NewLabel
"""A label to assign: an id or a name, or one to make on the way."""


@dataclass(frozen=True)
class Labels:
    """Events, perspectives and tags to assign or remove, by id or name (to assign, also new
    events and perspectives to make)."""

    events: Sequence[LabelRef] = ()
    perspectives: Sequence[LabelRef] = ()
    tags: Sequence[Ref] = ()

    def __bool__(self) -> bool:
        return bool(self.events or self.perspectives or self.tags)

    def by_kind(self) -> dict[Kind, Sequence[LabelRef]]:
        return {"event": self.events, "perspective": self.perspectives, "tag": self.tags}

    def as_arguments(self) -> LabelArguments:
        """The labels as the keyword arguments of the calls that assign them."""
        return {"events": self.events, "perspectives": self.perspectives, "tags": self.tags}


class LabelArguments(TypedDict):
    events: Sequence[LabelRef]
    perspectives: Sequence[LabelRef]
    tags: Sequence[Ref]


NO_LABELS = Labels()


def counted(count: int, noun: str) -> str:
    """``1 source``, ``3 sources``."""
    return f"{count} {noun}{'' if count == 1 else 's'}"


NOUNS = {
    "event": QT_TRANSLATE_NOOP("core", "event"),
    "perspective": QT_TRANSLATE_NOOP("core", "perspective"),
    "tag": QT_TRANSLATE_NOOP("core", "tag"),
    "source": QT_TRANSLATE_NOOP("core", "source"),
    "annotation": QT_TRANSLATE_NOOP("core", "annotation"),
}
"""The names of what research labels and what carries them, as messages put them."""


def noun(word: str) -> Message:
    """``word`` (a kind of label, or what carries one) as a message says it."""
    return Message(NOUNS.get(word, word))


def counted_sources(count: int) -> Message:
    if count == 1:
        return Message(QT_TRANSLATE_NOOP("core", "1 source"))
    return Message(QT_TRANSLATE_NOOP("core", "{count} sources"), count=count)


def counted_annotations(count: int) -> Message:
    if count == 1:
        return Message(QT_TRANSLATE_NOOP("core", "1 annotation"))
    return Message(QT_TRANSLATE_NOOP("core", "{count} annotations"), count=count)


def link_table(owner: Owner, kind: Kind) -> tuple[str, str, str]:
    """The link table between owners and labels of a kind, with its two columns."""
    return f"{owner}_{TABLES[kind]}", f"{owner}_id", f"{kind}_id"


def labelled_sources(kind: Kind) -> str:
    """SQL for ``(label, source_id)``: each source under each label of ``kind``, carrying it
    itself or through one of its annotations."""
    source_links, _, label_column = link_table("source", kind)
    annotation_links, _, _ = link_table("annotation", kind)
    return (
        f"SELECT {label_column} AS label, source_id FROM {source_links} UNION "
        f"SELECT k.{label_column}, a.source_id FROM {annotation_links} k "
        "JOIN annotations a ON a.id = k.annotation_id"
    )


def color_column(kind: Kind) -> str:
    """SQL for the colour of a label in a table named ``l``: perspectives have one, events and
    tags give ''."""
    return "l.color" if kind == "perspective" else "''"


def _usage_query(kind: Kind) -> str:
    """SQL for the events, perspectives or tags (as ``l``), each with ``sources`` and
    ``annotations``: how many of each carry it. Callers add a ``WHERE`` or an ``ORDER BY``."""
    source_links, _, label_column = link_table("source", kind)
    annotation_links, _, _ = link_table("annotation", kind)
    return (
        "SELECT l.*, "
        f"(SELECT count(*) FROM {source_links} k WHERE k.{label_column} = l.id) AS sources, "
        f"(SELECT count(*) FROM {annotation_links} k WHERE k.{label_column} = l.id) AS annotations "
        f"FROM {TABLES[kind]} l"
    )


def label_row(database: Database, kind: Kind, ref: Ref) -> sqlite3.Row:
    """An event's, perspective's or tag's row with its usage counts, by id or by name."""
    label_id = resolve(database.connection, kind, ref)
    row = database.query_one(f"{_usage_query(kind)} WHERE l.id = ?", (label_id,))
    assert row is not None
    return row


def label_rows(database: Database, kind: Kind) -> list[sqlite3.Row]:
    """Every event, perspective or tag with its usage counts, by name."""
    return database.query(f"{_usage_query(kind)} ORDER BY l.name COLLATE NOCASE")


def labels_by_owner(
    database: Database, owner: Owner, kind: Kind, owner_ids: Collection[int]
) -> dict[int, list[NamedRef]]:
    """The events, perspectives or tags each of these sources or annotations carries, by name;
    owners that carry none are left out."""
    links, owner_column, label_column = link_table(owner, kind)
    rows = database.query(
        f"SELECT k.{owner_column}, l.id, l.name, {color_column(kind)} FROM {TABLES[kind]} l "
        f"JOIN {links} k ON k.{label_column} = l.id "
        f"WHERE k.{owner_column} IN (SELECT value FROM json_each(?)) "
        "ORDER BY l.name COLLATE NOCASE",
        (json.dumps(list(owner_ids)),),
    )
    found: dict[int, list[NamedRef]] = defaultdict(list)
    for owner_id, label_id, name, color in rows:
        found[int(owner_id)].append(NamedRef(int(label_id), str(name), str(color)))
    return dict(found)


def labels_of(database: Database, owner: Owner, kind: Kind, owner_id: int) -> list[NamedRef]:
    """The events, perspectives or tags one source or annotation carries, by name."""
    return labels_by_owner(database, owner, kind, [owner_id]).get(owner_id, [])


def clean_name(name: str, what: str) -> str:
    """A name with its whitespace tidied; an error for an empty or overlong one."""
    text = " ".join(str(name).split())
    if not text:
        raise InvalidInputError(
            Message(QT_TRANSLATE_NOOP("core", "A {what} needs a name."), what=noun(what))
        )
    if len(text) > MAX_NAME_CHARS:
        raise InvalidInputError(
            Message(
                QT_TRANSLATE_NOOP(
                    "core",
                    "The {what} name is {text} characters long; keep it under {limit}.",
                ),
                what=noun(what),
                text=str(len(text)),
                limit=str(MAX_NAME_CHARS),
            )
        )
    return text


def find_named(connection: sqlite3.Connection, table: str, name: str) -> int | None:
    """The id of the row named ``name`` regardless of case, if there is one."""
    row = connection.execute(
        f"SELECT id FROM {table} WHERE name = ? COLLATE NOCASE", (name,)
    ).fetchone()
    if row is not None:
        return int(row[0])
    key = name.casefold()
    for row_id, existing in connection.execute(f"SELECT id, name FROM {table}"):
        if str(existing).casefold() == key:
            return int(row_id)
    return None


def resolve(connection: sqlite3.Connection, kind: Kind, ref: Ref) -> int:
    """The id of an existing event, perspective or tag given by id or by name. A name made of
    digits that no row has is taken as an id (the command line passes ids as text)."""
    table = TABLES[kind]
    if isinstance(ref, int):
        if _existing_id(connection, table, ref) is None:
            raise NotFoundError(
                Message(
                    QT_TRANSLATE_NOOP("core", "There is no {kind} with id {ref}."),
                    kind=noun(kind),
                    ref=str(ref),
                )
            )
        return ref
    found = find_named(connection, table, " ".join(ref.split()))
    if found is None and ref.strip().isdigit():
        found = _existing_id(connection, table, int(ref))
    if found is None:
        raise NotFoundError(
            Message(
                QT_TRANSLATE_NOOP("core", "There is no {kind} named '{ref}'."),
                kind=noun(kind),
                ref=str(ref),
            )
        )
    return found


def _existing_id(connection: sqlite3.Connection, table: str, row_id: int) -> int | None:
    row = connection.execute(f"SELECT id FROM {table} WHERE id = ?", (row_id,)).fetchone()
    return None if row is None else int(row[0])


def check_unique_name(
    connection: sqlite3.Connection, kind: Kind, name: str, keep: int | None = None
) -> None:
    """Refuse a name another event, perspective or tag of the kind already has."""
    existing = find_named(connection, TABLES[kind], name)
    if existing is not None and existing != keep:
        article = "an" if kind == "event" else "a"
        raise InvalidInputError(
            Message(
                QT_TRANSLATE_NOOP("core", "There is already {article} {kind} named '{name}'."),
                article=str(article),
                kind=noun(kind),
                name=str(name_of(connection, kind, existing)),
            )
        )


def save_label_edit(
    database: Database,
    notify: Notify,
    kind: Kind,
    label: CountedLabel,
    values: dict[str, object],
) -> Change:
    """Save the changed fields of an event or perspective as one undoable change; a new name
    must be free."""

    def edit(journal: Journal) -> None:
        if "name" in values:
            check_unique_name(journal.connection, kind, str(values["name"]), label.id)
        if values:
            journal.update(TABLES[kind], label.id, values)

    return journaled(database, notify, f"Edit {kind} “{label.name}”", edit)[1]


def refuse_if_in_use(kind: Kind, name: str, sources: int, annotations: int) -> None:
    """Refuse, with :class:`InUseError`, to delete an event or perspective that ``sources``
    sources and ``annotations`` annotations carry themselves."""
    if sources or annotations:
        raise InUseError(
            Message(
                QT_TRANSLATE_NOOP(
                    "core",
                    "The {kind} '{name}' is assigned to {sources} and {annotations}. Delete "
                    "it anyway to remove it from them too.",
                ),
                kind=noun(kind),
                name=str(name),
                sources=counted_sources(sources),
                annotations=counted_annotations(annotations),
            ),
            sources=sources,
            annotations=annotations,
        )


def unlink_everywhere(journal: Journal, kind: Kind, label_id: int) -> None:
    """Take an event, perspective or tag off every source and annotation that carries it."""
    for owner in OWNERS:
        links, _, label_column = link_table(owner, kind)
        journal.delete(links, f"{label_column} = ?", [label_id])


def resolve_or_create_tag(journal: Journal, ref: Ref) -> int:
    """A tag's id; a tag named for the first time is created (tags are free keywords)."""
    if isinstance(ref, int):
        return resolve(journal.connection, "tag", ref)
    name = clean_name(ref, "tag")
    found = find_named(journal.connection, "tags", name)
    return found if found is not None else journal.insert("tags", {"name": name})


def name_of(connection: sqlite3.Connection, kind: Kind, row_id: int) -> str:
    row = connection.execute(f"SELECT name FROM {TABLES[kind]} WHERE id = ?", (row_id,)).fetchone()
    return str(row[0])


def link_labels(journal: Journal, owner: Owner, owner_ids: Sequence[int], labels: Labels) -> int:
    """Assign labels to owners inside ``journal``; how many links were new."""
    added = 0
    for kind, refs in labels.by_kind().items():
        label_ids = _label_ids(journal, kind, refs, create=True)
        table, owner_column, label_column = link_table(owner, kind)
        added += journal.insert_links(
            table,
            [
                {owner_column: owner_id, label_column: label_id}
                for owner_id in owner_ids
                for label_id in label_ids
            ],
        )
    return added


def unlink_labels(journal: Journal, owner: Owner, owner_ids: Sequence[int], labels: Labels) -> int:
    """Remove labels from owners inside ``journal``; how many links went."""
    removed = 0
    owner_marks = ",".join("?" * len(owner_ids))
    for kind, refs in labels.by_kind().items():
        label_ids = _label_ids(journal, kind, refs, create=False)
        if not label_ids:
            continue
        table, owner_column, label_column = link_table(owner, kind)
        label_marks = ",".join("?" * len(label_ids))
        removed += len(
            journal.delete(
                table,
                f"{owner_column} IN ({owner_marks}) AND {label_column} IN ({label_marks})",
                [*owner_ids, *label_ids],
            )
        )
    return removed


def _label_ids(
    journal: Journal, kind: Kind, refs: Iterable[LabelRef], *, create: bool
) -> list[int]:
    ids: list[int] = []
    for ref in refs:
        if not isinstance(ref, int | str):
            if not create:
                raise InvalidInputError(
                    Message(
                        QT_TRANSLATE_NOOP(
                            "core", "The {kind} '{name}' is not in this archive yet."
                        ),
                        kind=noun(kind),
                        name=str(ref.name),
                    )
                )
            label_id = ref.insert(journal)
        elif kind == "tag" and create:
            label_id = resolve_or_create_tag(journal, ref)
        else:
            label_id = resolve(journal.connection, kind, ref)
        if label_id not in ids:
            ids.append(label_id)
    return ids


class Assignments:
    """Assigning events, perspectives and tags to sources and to annotations.

    Each call is one undoable change, however many sources, annotations and labels it covers,
    and search sees it when the call returns (behind an import's backlog, once the index has
    caught up).
    """

    def __init__(self, database: Database, notify: Notify) -> None:
        self.database = database
        self.notify = notify

    def add_to_sources(
        self,
        source_ids: Iterable[int],
        *,
        events: Sequence[LabelRef] = (),
        perspectives: Sequence[LabelRef] = (),
        tags: Sequence[Ref] = (),
    ) -> Change:
        """Give sources events, perspectives and tags (tags named for the first time are
        created, and new events and perspectives described with :class:`NewLabel` are made,
        in the same step). Links already there are left alone."""
        return self._change("source", source_ids, Labels(events, perspectives, tags), add=True)

    def remove_from_sources(
        self,
        source_ids: Iterable[int],
        *,
        events: Sequence[Ref] = (),
        perspectives: Sequence[Ref] = (),
        tags: Sequence[Ref] = (),
    ) -> Change:
        """Take events, perspectives and tags off sources (the labels themselves stay)."""
        return self._change("source", source_ids, Labels(events, perspectives, tags), add=False)

    def add_to_annotations(
        self,
        annotation_ids: Iterable[int],
        *,
        events: Sequence[LabelRef] = (),
        perspectives: Sequence[LabelRef] = (),
        tags: Sequence[Ref] = (),
    ) -> Change:
        labels = Labels(events, perspectives, tags)
        return self._change("annotation", annotation_ids, labels, add=True)

    def remove_from_annotations(
        self,
        annotation_ids: Iterable[int],
        *,
        events: Sequence[Ref] = (),
        perspectives: Sequence[Ref] = (),
        tags: Sequence[Ref] = (),
    ) -> Change:
        labels = Labels(events, perspectives, tags)
        return self._change("annotation", annotation_ids, labels, add=False)

    def of_sources(self, source_ids: Iterable[int]) -> dict[Kind, list[NamedRef]]:
        """The events, perspectives and tags any of these sources carries, each once, by
        name (what a "Remove" menu for a multi-selection offers)."""
        chosen = json.dumps(list(dict.fromkeys(source_ids)))
        found: dict[Kind, list[NamedRef]] = {}
        for kind, table in TABLES.items():
            links, owner_column, label_column = link_table("source", kind)
            rows = self.database.query(
                f"SELECT DISTINCT l.id, l.name, {color_column(kind)} FROM {table} l JOIN {links} k "
                f"ON k.{label_column} = l.id WHERE k.{owner_column} IN "
                "(SELECT value FROM json_each(?)) ORDER BY l.name COLLATE NOCASE",
                (chosen,),
            )
            found[kind] = [NamedRef(int(row[0]), str(row[1]), str(row[2])) for row in rows]
        return found

    def _change(self, owner: Owner, ids: Iterable[int], labels: Labels, *, add: bool) -> Change:
        owner_ids = list(dict.fromkeys(ids))
        if not owner_ids:
            raise InvalidInputError(
                Message(
                    QT_TRANSLATE_NOOP("core", "Choose at least one {owner}."), owner=noun(owner)
                )
            )
        if not labels:
            raise InvalidInputError(
                Message(QT_TRANSLATE_NOOP("core", "Choose at least one event, perspective or tag."))
            )
        count = counted(len(owner_ids), owner)
        description = f"Label {count}" if add else f"Remove labels from {count}"

        def edit(journal: Journal) -> None:
            require_owners(journal.connection, owner, owner_ids)
            if add:
                link_labels(journal, owner, owner_ids, labels)
            else:
                unlink_labels(journal, owner, owner_ids, labels)

        return journaled(self.database, self.notify, description, edit)[1]


def require_owners(connection: sqlite3.Connection, owner: Owner, ids: Sequence[int]) -> None:
    """Refuse ids of sources or annotations that do not exist."""
    marks = ",".join("?" * len(ids))
    rows = connection.execute(f"SELECT id FROM {owner}s WHERE id IN ({marks})", tuple(ids))
    found = {int(row[0]) for row in rows}
    missing = [str(owner_id) for owner_id in ids if owner_id not in found]
    if missing:
        plural = "s" if len(missing) > 1 else ""
        raise NotFoundError(
            Message(
                QT_TRANSLATE_NOOP("core", "There is no {owner}{plural} {missing} in this archive."),
                owner=noun(owner),
                plural=str(plural),
                missing=str(", ".join(missing)),
            )
        )
