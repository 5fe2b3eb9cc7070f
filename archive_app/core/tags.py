"""Tags: free keywords on sources and annotations, created on first use.

Listing shows how often each is used; a tag can be renamed, merged into another (its sources
and annotations then carry the other one), or deleted (it comes off everything that had it).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from archive_app.core.changes import Change
from archive_app.core.db import Database
from archive_app.core.errors import InvalidInputError
from archive_app.core.journal import Journal, Notify, journaled
from archive_app.core.messages import QT_TRANSLATE_NOOP, Message
from archive_app.core.research import (
    Ref,
    check_unique_name,
    clean_name,
    find_named,
    label_row,
    label_rows,
    name_of,
    resolve,
    resolve_or_create_tag,
    unlink_everywhere,
)


@dataclass(frozen=True)
class Tag:
    """A tag with how many sources and annotations carry it."""

    id: int
    name: str
    source_count: int = 0
    annotation_count: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "sources": self.source_count,
            "annotations": self.annotation_count,
        }


class Tags:
    """The archive's tags. Every change returns an undoable :class:`Change`."""

    def __init__(self, database: Database, notify: Notify) -> None:
        self.database = database
        self.notify = notify

    def all(self) -> list[Tag]:
        """Every tag with its usage counts, by name."""
        return [_tag(row) for row in label_rows(self.database, "tag")]

    def get(self, ref: Ref) -> Tag:
        return _tag(label_row(self.database, "tag", ref))

    def create(self, name: str) -> tuple[Tag, Change]:
        """A new, unused tag (assigning a new name creates one too)."""
        clean = clean_name(name, "tag")

        def edit(journal: Journal) -> int:
            check_unique_name(journal.connection, "tag", clean)
            return resolve_or_create_tag(journal, clean)

        tag_id, change = journaled(self.database, self.notify, f"New tag “{clean}”", edit)
        return self.get(tag_id), change

    def rename(self, ref: Ref, new_name: str) -> Change:
        """Rename a tag. A name another tag has is refused: merge the two instead."""
        current = self.get(ref)
        clean = clean_name(new_name, "tag")

        def edit(journal: Journal) -> None:
            other = find_named(journal.connection, "tags", clean)
            if other is not None and other != current.id:
                existing = name_of(journal.connection, "tag", other)
                raise InvalidInputError(
                    Message(
                        QT_TRANSLATE_NOOP(
                            "core",
                            "There is already a tag named '{existing}'. Merge '{tag}' into it "
                            "instead.",
                        ),
                        existing=existing,
                        tag=current.name,
                    )
                )
            journal.update("tags", current.id, {"name": clean})

        text = f"Rename tag “{current.name}” to “{clean}”"
        return journaled(self.database, self.notify, text, edit)[1]

    def merge(self, refs: Sequence[Ref], into: Ref) -> Change:
        """Fold tags into one (``into`` is created if it is a new name): whatever carried
        any of them carries ``into``, and they are deleted."""
        if not refs:
            raise InvalidInputError(Message(QT_TRANSLATE_NOOP("core", "Choose the tags to merge.")))

        def edit(journal: Journal) -> str:
            merged = [resolve(journal.connection, "tag", ref) for ref in refs]
            target = resolve_or_create_tag(journal, into)
            for tag_id in dict.fromkeys(merged):
                if tag_id != target:
                    _move_links(journal, tag_id, target)
                    journal.delete("tags", "id = ?", [tag_id])
            return name_of(journal.connection, "tag", target)

        target_name, change = journaled(self.database, self.notify, "Merge tags", edit)
        return Change(f"Merge tags into “{target_name}”", change.undo, change.redo)

    def delete(self, ref: Ref) -> Change:
        """Delete a tag and take it off every source and annotation."""
        current = self.get(ref)

        def edit(journal: Journal) -> None:
            unlink_everywhere(journal, "tag", current.id)
            journal.delete("tags", "id = ?", [current.id])

        return journaled(self.database, self.notify, f"Delete tag “{current.name}”", edit)[1]


def _move_links(journal: Journal, source_tag: int, target_tag: int) -> None:
    for table, owner in (("source_tags", "source_id"), ("annotation_tags", "annotation_id")):
        rows = journal.delete(table, "tag_id = ?", [source_tag])
        journal.insert_links(table, [{owner: row[owner], "tag_id": target_tag} for row in rows])


def _tag(row: sqlite3.Row) -> Tag:
    return Tag(
        id=int(row["id"]),
        name=row["name"],
        source_count=int(row["sources"]),
        annotation_count=int(row["annotations"]),
    )
