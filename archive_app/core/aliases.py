"""Alias groups: names that mean one place or thing (Stepanakert, Khankendi, Xankəndi).

A search for any name of a group finds sources that use any other name of it. Aliases apply when
a query is read, never when a source is indexed, so editing them needs no reindex. Names compare
as search compares words: :func:`name_key` is a name's index terms (lower-cased, accent-folded,
stemmed), so ``Xankəndi`` and ``xankendi`` are one name, and a name belongs to one group only.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from archive_app.core.audit import record
from archive_app.core.db import Database
from archive_app.core.errors import InvalidInputError, NotFoundError
from archive_app.core.messages import QT_TRANSLATE_NOOP, Message
from archive_app.core.search.analysis import analyze, fold

MAX_NAME_CHARS = 200
Key = tuple[str, ...]


@lru_cache(maxsize=4096)
def name_key(name: str) -> Key:
    """The index terms of a name: what search compares (``Nagorno-Karabakh`` →
    ``("nagorno", "karabakh")``)."""
    return tuple(analyze(name))


@dataclass(frozen=True)
class AliasGroup:
    """Names of one place or thing, in the order they were added, with a note on who uses
    which (free text)."""

    id: int
    names: tuple[str, ...]
    note: str = ""

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "names": list(self.names), "note": self.note}


@dataclass(frozen=True)
class AliasMatch:
    """A run of query words that is a name of ``group``: ``length`` words from the start."""

    group: AliasGroup
    length: int


class AliasTable:
    """The alias groups as search reads them: names looked up by their index terms."""

    def __init__(self, groups: Iterable[AliasGroup]) -> None:
        self.groups = list(groups)
        self._by_key: dict[Key, AliasGroup] = {}
        self._keys_by_first: dict[str, list[Key]] = {}
        for group in self.groups:
            for name in group.names:
                key = name_key(name)
                if key:
                    self._by_key.setdefault(key, group)
                    self._keys_by_first.setdefault(key[0], []).append(key)
        for keys in self._keys_by_first.values():
            keys.sort(key=len, reverse=True)

    def __bool__(self) -> bool:
        return bool(self._by_key)

    def group_of(self, key: Key) -> AliasGroup | None:
        return self._by_key.get(key)

    def match_words(self, words: Sequence[Key], start: int) -> AliasMatch | None:
        """The longest name made of whole words from ``words[start]`` on (each word given as
        its terms; a word without terms, a stop word, is passed over)."""
        if not words[start]:
            return None
        for key in self._keys_by_first.get(words[start][0], []):
            terms: list[str] = []
            for end in range(start, len(words)):
                terms.extend(words[end])
                if len(terms) >= len(key):
                    if tuple(terms) == key:
                        return AliasMatch(self._by_key[key], end - start + 1)
                    break
        return None

    def match_terms(self, terms: Sequence[str], start: int) -> tuple[AliasGroup, Key] | None:
        """The longest name whose terms appear in ``terms`` from ``start`` on (in a phrase)."""
        if start >= len(terms):
            return None
        for key in self._keys_by_first.get(terms[start], []):
            if tuple(terms[start : start + len(key)]) == key:
                return self._by_key[key], key
        return None


class Aliases:
    """The archive's alias groups (tables ``alias_groups`` and ``aliases``)."""

    def __init__(self, database: Database) -> None:
        self.database = database

    # Reading

    def all(self) -> list[AliasGroup]:
        """Every group, in the order they were made."""
        notes = {
            int(row[0]): str(row[1])
            for row in self.database.query("SELECT id, note FROM alias_groups ORDER BY id")
        }
        names: dict[int, list[str]] = {group_id: [] for group_id in notes}
        for row in self.database.query("SELECT group_id, name FROM aliases ORDER BY id"):
            names.setdefault(int(row[0]), []).append(str(row[1]))
        return [
            AliasGroup(group_id, tuple(names[group_id]), notes.get(group_id, ""))
            for group_id in sorted(names)
            if names[group_id]
        ]

    def table(self) -> AliasTable:
        """The groups as search looks names up (read afresh: aliases apply at query time)."""
        return AliasTable(self.all())

    def get(self, group_id: int) -> AliasGroup:
        for group in self.all():
            if group.id == group_id:
                return group
        raise NotFoundError(
            Message(
                QT_TRANSLATE_NOOP("core", "There is no alias group {group_id}."),
                group_id=str(group_id),
            )
        )

    def group_of(self, name: str) -> AliasGroup | None:
        """The group holding ``name`` (compared as search compares words), if any."""
        key = name_key(name)
        if not key:
            return None
        for group in self.all():
            if any(name_key(other) == key for other in group.names):
                return group
        return None

    def other_names(self, name: str) -> list[str]:
        """The other names of ``name``'s group (Stepanakert → Khankendi, Xankəndi)."""
        group = self.group_of(name)
        if group is None:
            return []
        key = name_key(name)
        return [other for other in group.names if name_key(other) != key]

    # Changing

    def add(self, names: Sequence[str], *, note: str = "") -> AliasGroup:
        """Make ``names`` one group. If some of them are already in a group, the others join
        it (and ``note``, if given, replaces its note); names from two different groups are
        refused, as a name can mean one thing only."""
        wanted = _distinct(_clean_name(name) for name in names)
        groups = self.all()
        target = _target_group(wanted, groups)
        if target is None and len(wanted) < 2:
            raise InvalidInputError(
                Message(
                    QT_TRANSLATE_NOOP("core", "An alias group needs at least two different names.")
                )
            )
        with self.database.transaction() as connection:
            if target is None:
                cursor = connection.execute(
                    "INSERT INTO alias_groups (note) VALUES (?)", (note.strip(),)
                )
                group_id = int(cursor.lastrowid or 0)
                known: tuple[str, ...] = ()
            else:
                group_id, known = target.id, target.names
                if note.strip():
                    connection.execute(
                        "UPDATE alias_groups SET note = ? WHERE id = ?", (note.strip(), group_id)
                    )
            known_keys = {name.casefold() for name in known}
            connection.executemany(
                "INSERT INTO aliases (group_id, name) VALUES (?, ?)",
                [(group_id, name) for name in wanted if name.casefold() not in known_keys],
            )
            _record(connection, f"Alias group: {', '.join(wanted)}", target, group_id)
        return self.get(group_id)

    def remove_group(self, group_id: int) -> AliasGroup:
        """Delete a whole group; the group as it was."""
        group = self.get(group_id)
        with self.database.transaction() as connection:
            connection.execute("DELETE FROM alias_groups WHERE id = ?", (group_id,))
            _record(connection, f"Alias group removed: {', '.join(group.names)}", group, group_id)
        return group

    def remove_name(self, name: str) -> AliasGroup | None:
        """Take one name out of its group; the group left, or None when fewer than two names
        were left and the group went with it."""
        group = self.group_of(name)
        if group is None:
            raise NotFoundError(
                Message(
                    QT_TRANSLATE_NOOP("core", "'{name}' is not in any alias group."), name=str(name)
                )
            )
        removed = _same_name(name, group.names)
        remaining = [other for other in group.names if other != removed]
        with self.database.transaction() as connection:
            if len(remaining) < 2:
                connection.execute("DELETE FROM alias_groups WHERE id = ?", (group.id,))
            else:
                connection.execute(
                    "DELETE FROM aliases WHERE group_id = ? AND name = ?", (group.id, removed)
                )
            _record(connection, f"Alias removed: {removed}", group, group.id)
        return None if len(remaining) < 2 else self.get(group.id)

    # Editing one group (the alias editor): names in another group are refused, never joined

    def new_group(self, names: Sequence[str], *, note: str = "") -> AliasGroup:
        """A new group of at least two names, none of them in a group already."""
        wanted = _distinct(_clean_name(name) for name in names)
        for name in wanted:
            self._refuse_taken(name)
        if len(wanted) < 2 or len({name_key(name) for name in wanted}) < len(wanted):
            raise InvalidInputError(
                Message(
                    QT_TRANSLATE_NOOP("core", "An alias group needs at least two different names.")
                )
            )
        return self.add(wanted, note=note)

    def add_name(self, group_id: int, name: str) -> AliasGroup:
        """Add a name to a group."""
        group = self.get(group_id)
        clean = _clean_name(name)
        self._refuse_taken(clean, group)
        with self.database.transaction() as connection:
            connection.execute(
                "INSERT INTO aliases (group_id, name) VALUES (?, ?)", (group.id, clean)
            )
            _record(connection, f"Alias added: {clean}", group, group.id)
        return self.get(group.id)

    def rename(self, group_id: int, name: str, new_name: str) -> AliasGroup:
        """Spell one name of a group anew (``Xankendi`` → ``Xankəndi``)."""
        group = self.get(group_id)
        if name not in group.names:
            raise NotFoundError(
                Message(
                    QT_TRANSLATE_NOOP("core", "'{name}' is not a name of this alias group."),
                    name=str(name),
                )
            )
        clean = _clean_name(new_name)
        others = [other for other in group.names if other != name]
        self._refuse_taken(clean, AliasGroup(group.id, tuple(others), group.note))
        with self.database.transaction() as connection:
            connection.execute(
                "UPDATE aliases SET name = ? WHERE group_id = ? AND name = ?",
                (clean, group.id, name),
            )
            _record(connection, f"Alias renamed: {name} → {clean}", group, group.id)
        return self.get(group.id)

    def set_note(self, group_id: int, note: str) -> AliasGroup:
        """Replace a group's note ('' clears it)."""
        group = self.get(group_id)
        with self.database.transaction() as connection:
            connection.execute(
                "UPDATE alias_groups SET note = ? WHERE id = ?", (note.strip(), group.id)
            )
            _record(connection, f"Alias note: {', '.join(group.names)}", group, group.id)
        return self.get(group.id)

    def _refuse_taken(self, name: str, group: AliasGroup | None = None) -> None:
        """Refuse a name already in another group, or twice in ``group``."""
        key = name_key(name)
        if group is not None and any(name_key(other) == key for other in group.names):
            raise InvalidInputError(
                Message(
                    QT_TRANSLATE_NOOP("core", "'{name}' is already a name of this group."),
                    name=str(name),
                )
            )
        owner = self.group_of(name)
        if owner is not None and (group is None or owner.id != group.id):
            raise InvalidInputError(
                Message(
                    QT_TRANSLATE_NOOP(
                        "core",
                        "'{name}' is already in another alias group ({names}); a name can "
                        "belong to one group only.",
                    ),
                    name=str(name),
                    names=str(", ".join(owner.names)),
                )
            )


def _record(
    connection: sqlite3.Connection, description: str, before: AliasGroup | None, group_id: int
) -> None:
    """The change to one group in the audit trail: its names and note before and after."""
    names = [
        str(row[0])
        for row in connection.execute(
            "SELECT name FROM aliases WHERE group_id = ? ORDER BY id", (group_id,)
        )
    ]
    note = connection.execute("SELECT note FROM alias_groups WHERE id = ?", (group_id,)).fetchone()
    record(
        connection,
        action="edit",
        description=description,
        changes=[
            {
                "table": "alias_groups",
                "action": "update",
                "row_id": group_id,
                "before": {"names": list(before.names), "note": before.note} if before else {},
                "after": {"names": names, "note": str(note[0])} if note else {},
            }
        ],
    )


def _clean_name(name: str) -> str:
    text = " ".join(str(name).split())
    if not text:
        raise InvalidInputError(Message(QT_TRANSLATE_NOOP("core", "An alias cannot be empty.")))
    if len(text) > MAX_NAME_CHARS:
        raise InvalidInputError(
            Message(
                QT_TRANSLATE_NOOP("core", "An alias is limited to {limit} characters."),
                limit=str(MAX_NAME_CHARS),
            )
        )
    if not name_key(text):
        raise InvalidInputError(
            Message(
                QT_TRANSLATE_NOOP(
                    "core", "'{text}' has no words search can look for (only very common words)."
                ),
                text=str(text),
            )
        )
    return text


def _distinct(names: Iterable[str]) -> list[str]:
    """The names without repeats that differ only in case."""
    seen: set[str] = set()
    distinct = []
    for name in names:
        if name.casefold() not in seen:
            seen.add(name.casefold())
            distinct.append(name)
    return distinct


def _target_group(names: Sequence[str], groups: Sequence[AliasGroup]) -> AliasGroup | None:
    """The one existing group some of ``names`` already belong to (None: none do)."""
    target: AliasGroup | None = None
    for name in names:
        key = name_key(name)
        owner = next((g for g in groups if any(name_key(n) == key for n in g.names)), None)
        if owner is None or owner == target:
            continue
        if target is not None:
            raise InvalidInputError(
                Message(
                    QT_TRANSLATE_NOOP(
                        "core",
                        "'{name}' is already in another alias group ({id}: {names}); a name "
                        "can belong to one group only.",
                    ),
                    name=str(name),
                    id=str(owner.id),
                    names=str(", ".join(owner.names)),
                )
            )
        target = owner
    return target


def _same_name(name: str, names: Sequence[str]) -> str:
    """The name of ``names`` that ``name`` stands for: the same letters, else the same key."""
    wanted = fold(name.casefold())
    for other in names:
        if fold(other.casefold()) == wanted:
            return other
    key = name_key(name)
    return next(other for other in names if name_key(other) == key)
