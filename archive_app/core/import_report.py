"""What an import (or a capture) reports: an outcome for every file or web page. Apart from the
import itself, so that progress (which carries each outcome as it comes) needs nothing of it."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from archive_app.core.messages import QT_TRANSLATE_NOOP, Message

Status = Literal["imported", "duplicate", "failed"]


@dataclass(frozen=True)
class FileOutcome:
    """What happened to one file, or to one page of a web archive (``url``: the page's
    address). ``images`` are the image sources imported along with a saved page."""

    path: str
    status: Status
    source_id: int | None = None
    kind: str | None = None
    title: str = ""
    error: str = ""
    duplicate_of: int | None = None
    images: tuple[int, ...] = ()
    url: str = ""

    def to_json(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "status": self.status,
            "id": self.source_id if self.status == "imported" else self.duplicate_of,
            "kind": self.kind,
            "title": self.title,
            "error": self.error or None,
            "images": list(self.images),
            "url": self.url or None,
        }


@dataclass
class ImportReport:
    outcomes: list[FileOutcome] = field(default_factory=list)
    cancelled: bool = False
    not_attempted: int = 0
    stopped_by: str = ""

    def _with(self, status: Status) -> list[FileOutcome]:
        return [outcome for outcome in self.outcomes if outcome.status == status]

    @property
    def imported(self) -> list[FileOutcome]:
        return self._with("imported")

    @property
    def duplicates(self) -> list[FileOutcome]:
        return self._with("duplicate")

    @property
    def failed(self) -> list[FileOutcome]:
        return self._with("failed")

    @property
    def new_source_ids(self) -> list[int]:
        ids: list[int] = []
        for outcome in self.imported:
            assert outcome.source_id is not None
            ids.append(outcome.source_id)
            ids.extend(outcome.images)
        return ids

    def imported_summary(self) -> Message:
        """How many sources were added: "4 imported (3 photos saved with their pages)"."""
        photos = sum(len(outcome.images) for outcome in self.imported)
        count = len(self.imported) + photos
        if not photos:
            return Message(QT_TRANSLATE_NOOP("core", "{count} imported"), count=count)
        if photos == 1:
            return Message(
                QT_TRANSLATE_NOOP("core", "{count} imported (1 photo saved with its page)"),
                count=count,
            )
        return Message(
            QT_TRANSLATE_NOOP("core", "{count} imported ({photos} photos saved with their pages)"),
            count=count,
            photos=photos,
        )

    def summary(self) -> str:
        parts = [self.imported_summary()]
        if self.duplicates:
            parts.append(
                Message(
                    QT_TRANSLATE_NOOP("core", "{count} already in the archive"),
                    count=len(self.duplicates),
                )
            )
        if self.failed:
            parts.append(
                Message(QT_TRANSLATE_NOOP("core", "{count} failed"), count=len(self.failed))
            )
        if self.cancelled:
            parts.append(
                Message(
                    QT_TRANSLATE_NOOP("core", "cancelled with {count} not imported"),
                    count=self.not_attempted,
                )
            )
        elif self.not_attempted:
            parts.append(
                Message(
                    QT_TRANSLATE_NOOP("core", "{count} not attempted"), count=self.not_attempted
                )
            )
        return ", ".join(parts)
