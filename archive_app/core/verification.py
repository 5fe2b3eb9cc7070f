"""What a researcher has established about a source: its verification status, its Admiralty
(NATO) grade, whether it shows graphic content or identifiable people, and its place.

All of it lives in one row per source (``source_evidence``, absent until something is set) and
every change goes through the journal with its reason, so it is undoable and in the audit trail.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Collection, Iterable, Mapping
from dataclasses import asdict, dataclass
from typing import Any

from archive_app.core.changes import Change
from archive_app.core.db import Database
from archive_app.core.errors import InvalidInputError
from archive_app.core.journal import Journal, Notify, journaled
from archive_app.core.messages import QT_TRANSLATE_NOOP, Message
from archive_app.core.sources import require_source

STATUSES = ("unverified", "in progress", "verified", "disputed", "false")
RELIABILITY = {
    "A": "completely reliable",
    "B": "usually reliable",
    "C": "fairly reliable",
    "D": "not usually reliable",
    "E": "unreliable",
    "F": "reliability cannot be judged",
}
CREDIBILITY = {
    "1": "confirmed by other sources",
    "2": "probably true",
    "3": "possibly true",
    "4": "doubtful",
    "5": "improbable",
    "6": "truth cannot be judged",
}
SENSITIVE_KINDS = ("graphic", "identifiable")
BLUR_ALL_SETTING = "blur_all_images"


@dataclass(frozen=True)
class Evidence:
    """A source's grade, sensitivity and place; the defaults stand for "nothing set"."""

    source_id: int
    status: str = "unverified"
    reliability: str = ""
    credibility: str = ""
    graphic: bool = False
    identifiable: bool = False
    place_name: str = ""
    latitude: float | None = None
    longitude: float | None = None
    place_precision: str = ""

    @property
    def grade(self) -> str:
        """The Admiralty grade as analysts write it: ``B2``, ``C`` or ``''``."""
        return f"{self.reliability}{self.credibility}"

    @property
    def sensitive(self) -> bool:
        return self.graphic or self.identifiable

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data.pop("source_id")
        return data


def evidence_of(database: Database, source_ids: Collection[int]) -> dict[int, Evidence]:
    """The evidence row of each of these sources (sources with none get the defaults)."""
    rows = database.query(
        "SELECT * FROM source_evidence WHERE id IN (SELECT value FROM json_each(?))",
        (json.dumps(list(source_ids)),),
    )
    found = {int(row["id"]): _evidence(row) for row in rows}
    return {source_id: found.get(source_id, Evidence(source_id)) for source_id in source_ids}


def sensitive_source_ids(database: Database) -> set[int]:
    rows = database.query("SELECT id FROM source_evidence WHERE graphic OR identifiable")
    return {int(row[0]) for row in rows}


def write_evidence(
    database: Database,
    notify: Notify,
    source_ids: Iterable[int],
    values: Mapping[str, object],
    *,
    description: str,
    reason: str,
) -> Change:
    """Set columns of the sources' evidence rows (made when missing) in one undoable change."""
    ids = list(dict.fromkeys(source_ids))
    for source_id in ids:
        require_source(database, source_id)

    def edit(journal: Journal) -> None:
        for source_id in ids:
            if _has_row(journal.connection, source_id):
                journal.update("source_evidence", source_id, values)
            else:
                journal.insert("source_evidence", {"id": source_id, **values})

    return journaled(database, notify, description, edit, reason=reason)[1]


class Verification:
    """Verification status, Admiralty grades and sensitivity of sources."""

    def __init__(self, database: Database, notify: Notify) -> None:
        self.database = database
        self.notify = notify

    def get(self, source_id: int) -> Evidence:
        require_source(self.database, source_id)
        return evidence_of(self.database, [source_id])[source_id]

    def of_sources(self, source_ids: Collection[int]) -> dict[int, Evidence]:
        return evidence_of(self.database, source_ids)

    def verify(
        self,
        source_id: int,
        *,
        status: str | None = None,
        reliability: str | None = None,
        credibility: str | None = None,
        reason: str = "",
    ) -> Change:
        """Set the status and grades given (None leaves one as it is, '' clears a grade)."""
        values: dict[str, object] = {}
        if status is not None:
            values["status"] = _choice(
                status.strip().lower(), STATUSES, Message(QT_TRANSLATE_NOOP("core", "status"))
            )
        if reliability is not None:
            values["reliability"] = _choice(
                reliability.strip().upper(),
                ("", *RELIABILITY),
                Message(QT_TRANSLATE_NOOP("core", "source reliability")),
            )
        if credibility is not None:
            values["credibility"] = _choice(
                credibility.strip(),
                ("", *CREDIBILITY),
                Message(QT_TRANSLATE_NOOP("core", "information credibility")),
            )
        if not values:
            raise InvalidInputError(
                Message(
                    QT_TRANSLATE_NOOP(
                        "core", "Give a status, a reliability (A–F) or a credibility (1–6)."
                    )
                )
            )
        shown = ", ".join(f"{name} {value or 'cleared'}" for name, value in values.items())
        return write_evidence(
            self.database,
            self.notify,
            [source_id],
            values,
            description=f"Verification of source {source_id}: {shown}",
            reason=reason,
        )

    def mark_sensitive(
        self,
        source_ids: Iterable[int],
        *,
        graphic: bool | None = None,
        identifiable: bool | None = None,
        reason: str = "",
    ) -> Change:
        """Mark sources (photos) as graphic or as showing identifiable people, or unmark them."""
        values = {
            name: int(flag)
            for name, flag in (("graphic", graphic), ("identifiable", identifiable))
            if flag is not None
        }
        if not values:
            raise InvalidInputError(
                Message(
                    QT_TRANSLATE_NOOP(
                        "core", "Say whether the image is graphic or shows identifiable people."
                    )
                )
            )
        shown = ", ".join(f"{'' if flag else 'not '}{name}" for name, flag in values.items())
        return write_evidence(
            self.database,
            self.notify,
            source_ids,
            values,
            description=f"Marked {shown}",
            reason=reason,
        )

    def is_sensitive(self, source_id: int) -> bool:
        """For exports and reports that leave sensitive items out."""
        return evidence_of(self.database, [source_id])[source_id].sensitive

    def sensitive_ids(self) -> set[int]:
        return sensitive_source_ids(self.database)

    def blurs_all(self) -> bool:
        """Whether the window blurs every image until clicked, not only sensitive ones (an
        archive of war footage, say); kept with the archive."""
        return self.database.setting(BLUR_ALL_SETTING) == "1"

    def set_blur_all(self, blur: bool) -> None:
        self.database.set_setting(BLUR_ALL_SETTING, "1" if blur else "0")


def _has_row(connection: sqlite3.Connection, source_id: int) -> bool:
    found = connection.execute("SELECT 1 FROM source_evidence WHERE id = ?", (source_id,))
    return found.fetchone() is not None


def _choice(value: str, allowed: Iterable[str], what: Message) -> str:
    options = tuple(allowed)
    if value not in options:
        shown = ", ".join(option for option in options if option)
        raise InvalidInputError(
            Message(
                QT_TRANSLATE_NOOP("core", "'{value}' is not a {what}. Use one of: {shown}."),
                value=value,
                what=what,
                shown=shown,
            )
        )
    return value


def _evidence(row: sqlite3.Row) -> Evidence:
    return Evidence(
        source_id=int(row["id"]),
        status=row["status"],
        reliability=row["reliability"],
        credibility=row["credibility"],
        graphic=bool(row["graphic"]),
        identifiable=bool(row["identifiable"]),
        place_name=row["place_name"],
        latitude=row["latitude"],
        longitude=row["longitude"],
        place_precision=row["place_precision"],
    )
