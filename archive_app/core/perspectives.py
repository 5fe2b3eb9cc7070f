"""Perspectives: the viewpoint a source takes ("Azerbaijani government", "international wire").

Each has a colour the window marks its sources and annotations with. A new perspective given
no colour gets the first colour of :data:`PALETTE` that no other perspective uses, so the
sidebar stays easy to tell apart.
"""

from __future__ import annotations

import re
import sqlite3
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
    label_row,
    label_rows,
    refuse_if_in_use,
    save_label_edit,
    unlink_everywhere,
)

# Distinct, readable on light and dark backgrounds, and told apart with common colour blindness
# when used in order.
PALETTE = (
    "#1f77b4",
    "#e66101",
    "#2ca25f",
    "#c51b7d",
    "#8c6bb1",
    "#b8860b",
    "#17becf",
    "#d62728",
    "#525252",
    "#7fbc41",
    "#f781bf",
    "#a6611a",
)
_COLOR = re.compile(r"^#?([0-9a-fA-F]{6})$")


@dataclass(frozen=True)
class Perspective:
    """A perspective with how many sources and annotations carry it."""

    id: int
    name: str
    description: str
    color: str
    source_count: int = 0
    annotation_count: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "description": self.description,
            "color": self.color,
            "sources": self.source_count,
            "annotations": self.annotation_count,
        }


def parse_color(text: str) -> str:
    """A colour as ``#rrggbb`` in lower case; an error for anything else."""
    match = _COLOR.match(text.strip())
    if match is None:
        raise InvalidInputError(
            Message(
                QT_TRANSLATE_NOOP(
                    "core", "'{text}' is not a colour. Use #rrggbb, for example #1f77b4."
                ),
                text=text,
            )
        )
    return "#" + match.group(1).lower()


@dataclass(frozen=True)
class NewPerspective:
    """A perspective to make: by :meth:`Perspectives.add`, or where it is assigned (with the
    assignment, in one step). Without a colour it gets an unused one from :data:`PALETTE`."""

    name: str
    description: str = ""
    color: str | None = None

    def insert(self, journal: Journal) -> int:
        """Make it inside ``journal`` (refused when its name is taken); its new id."""
        clean = clean_name(self.name, "perspective")
        color = self.color
        chosen = None if color is None or not color.strip() else parse_color(color)
        check_unique_name(journal.connection, "perspective", clean)
        values = {
            "name": clean,
            "description": self.description.strip(),
            "color": chosen or _unused_color(journal.connection),
        }
        return journal.insert("perspectives", values)


class Perspectives:
    """The archive's perspectives. Every change returns an undoable :class:`Change`."""

    def __init__(self, database: Database, notify: Notify) -> None:
        self.database = database
        self.notify = notify

    def all(self) -> list[Perspective]:
        return [_perspective(row) for row in label_rows(self.database, "perspective")]

    def next_color(self) -> str:
        """The colour a new perspective gets when none is chosen (to offer it beforehand)."""
        return _unused_color(self.database.connection)

    def get(self, ref: Ref) -> Perspective:
        """A perspective by id or by name (case does not matter)."""
        return _perspective(label_row(self.database, "perspective", ref))

    def create(
        self, name: str, *, description: str = "", color: str | None = None
    ) -> tuple[Perspective, Change]:
        """A new perspective; without a colour it gets an unused one from :data:`PALETTE`."""
        return self.add(NewPerspective(name, description, color))

    def add(self, new: NewPerspective) -> tuple[Perspective, Change]:
        """Make a perspective described by :class:`NewPerspective`."""
        description = f"New perspective “{clean_name(new.name, 'perspective')}”"
        perspective_id, change = journaled(self.database, self.notify, description, new.insert)
        return self.get(perspective_id), change

    def edit(
        self,
        ref: Ref,
        *,
        name: str | None = None,
        description: str | None = None,
        color: str | None = None,
    ) -> Change:
        """Change a perspective's fields; those left None stay as they are."""
        current = self.get(ref)
        values: dict[str, object] = {}
        if name is not None:
            values["name"] = clean_name(name, "perspective")
        if description is not None:
            values["description"] = description.strip()
        if color is not None:
            values["color"] = parse_color(color)
        return save_label_edit(self.database, self.notify, "perspective", current, values)

    def delete(self, ref: Ref, *, force: bool = False) -> Change:
        """Delete a perspective. If sources or annotations carry it, refuse with
        :class:`InUseError` unless ``force``; then those links go too."""
        current = self.get(ref)
        if not force:
            refuse_if_in_use(
                "perspective", current.name, current.source_count, current.annotation_count
            )

        def change(journal: Journal) -> None:
            unlink_everywhere(journal, "perspective", current.id)
            journal.delete("perspectives", "id = ?", [current.id])

        text = f"Delete perspective “{current.name}”"
        return journaled(self.database, self.notify, text, change)[1]


def _unused_color(connection: sqlite3.Connection) -> str:
    used = {str(row[0]).lower() for row in connection.execute("SELECT color FROM perspectives")}
    for color in PALETTE:
        if color not in used:
            return color
    count = int(connection.execute("SELECT count(*) FROM perspectives").fetchone()[0])
    return PALETTE[count % len(PALETTE)]


def _perspective(row: sqlite3.Row) -> Perspective:
    return Perspective(
        id=int(row["id"]),
        name=row["name"],
        description=row["description"],
        color=row["color"],
        source_count=int(row["sources"]),
        annotation_count=int(row["annotations"]),
    )
