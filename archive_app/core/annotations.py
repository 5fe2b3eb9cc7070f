"""Annotations: notes on a passage of a source's text, on a region of an image, or on a region
of a PDF page, each with tags, events and perspectives of its own.

A text annotation is made from the offsets of a selection (the window) or from a quote (the
command line; a quote that appears more than once needs the number of the occurrence meant).
Offsets count Unicode code points of the source's body; a Qt text cursor counts UTF-16 units,
which differ beyond the Basic Multilingual Plane (emoji), so the window converts.

Regions are relative to the image or page: ``x, y, width, height`` in 0..1, inside it.
After a source's body is extracted anew, :meth:`Annotations.reanchor` finds every passage
again (see :mod:`.anchoring`) and marks those it could not find instead of dropping them.
"""

from __future__ import annotations

import json
import math
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from archive_app.core.anchoring import TextQuote, locate, occurrences, quote_at
from archive_app.core.audit import record
from archive_app.core.changes import Change
from archive_app.core.db import Database, now_iso
from archive_app.core.errors import InvalidInputError, NotFoundError
from archive_app.core.index import queue_for_index
from archive_app.core.journal import Journal, Notify, journaled
from archive_app.core.messages import QT_TRANSLATE_NOOP, Message
from archive_app.core.model import Annotation
from archive_app.core.research import (
    NO_LABELS,
    LabelRef,
    Labels,
    Ref,
    link_labels,
    unlink_labels,
)
from archive_app.core.sources import (
    a_kind,
    annotation_from_row,
    load_annotations,
    no_such_source,
    require_source,
)

EPSILON = 1e-9


@dataclass(frozen=True)
class Region:
    """A rectangle relative to an image or a PDF page; ``page`` counts from 1 (PDFs only)."""

    x: float
    y: float
    width: float
    height: float
    page: int | None = None


@dataclass(frozen=True)
class AnchorResult:
    """What re-anchoring did to one text annotation."""

    annotation_id: int
    status: str
    start: int
    end: int


class Annotations:
    """The archive's annotations. Every change returns an undoable :class:`Change`, and the
    source's index document (which holds notes and quotes) is updated before it returns."""

    def __init__(self, database: Database, notify: Notify) -> None:
        self.database = database
        self.notify = notify

    # Reading

    def get(self, annotation_id: int) -> Annotation:
        row = self.database.query_one("SELECT * FROM annotations WHERE id = ?", (annotation_id,))
        if row is None:
            raise NotFoundError(
                Message(
                    QT_TRANSLATE_NOOP(
                        "core", "There is no annotation {annotation_id} in this archive."
                    ),
                    annotation_id=str(annotation_id),
                )
            )
        return annotation_from_row(self.database, row)

    def of_source(self, source_id: int) -> list[Annotation]:
        """A source's annotations in reading order."""
        require_source(self.database, source_id)
        return load_annotations(self.database, source_id)

    def all(self) -> list[Annotation]:
        """Every annotation, by source and then reading order."""
        rows = self.database.query(
            "SELECT * FROM annotations ORDER BY source_id, coalesce(start_offset, 0), id"
        )
        return [annotation_from_row(self.database, row) for row in rows]

    # Making

    def add_text(
        self,
        source_id: int,
        start: int,
        end: int,
        *,
        note: str = "",
        events: Sequence[LabelRef] = (),
        perspectives: Sequence[LabelRef] = (),
        tags: Sequence[Ref] = (),
    ) -> tuple[Annotation, Change]:
        """Annotate ``body[start:end]`` (a selection's offsets)."""
        body = self._body(source_id)
        if not 0 <= start < end <= len(body):
            raise InvalidInputError(
                Message(
                    QT_TRANSLATE_NOOP(
                        "core",
                        "Characters {start} to {end} are not a passage of source {source_id}, "
                        "whose text is {body} characters long.",
                    ),
                    start=str(start),
                    end=str(end),
                    source_id=str(source_id),
                    body=str(len(body)),
                )
            )
        if not body[start:end].strip():
            raise InvalidInputError(
                Message(QT_TRANSLATE_NOOP("core", "Select some text to annotate, not only spaces."))
            )
        labels = Labels(events, perspectives, tags)
        return self._add(source_id, _text_values(body, start, end), note, labels)

    def add_quote(
        self,
        source_id: int,
        quote: str,
        *,
        occurrence: int | None = None,
        note: str = "",
        events: Sequence[LabelRef] = (),
        perspectives: Sequence[LabelRef] = (),
        tags: Sequence[Ref] = (),
    ) -> tuple[Annotation, Change]:
        """Annotate the passage ``quote`` of the source's text. When it appears more than
        once, ``occurrence`` (from 1) says which is meant."""
        body = self._body(source_id)
        start, end = _find_quote(body, quote, occurrence, source_id)
        labels = Labels(events, perspectives, tags)
        return self._add(source_id, _text_values(body, start, end), note, labels)

    def add_region(
        self,
        source_id: int,
        region: Region,
        *,
        note: str = "",
        events: Sequence[LabelRef] = (),
        perspectives: Sequence[LabelRef] = (),
        tags: Sequence[Ref] = (),
    ) -> tuple[Annotation, Change]:
        """Annotate a region of an image, or of a page of a PDF."""
        self._check_page(source_id, region.page)
        _check_region(region)
        values: dict[str, object] = {
            "target": "region",
            "page": region.page,
            "x": region.x,
            "y": region.y,
            "width": region.width,
            "height": region.height,
        }
        return self._add(source_id, values, note, Labels(events, perspectives, tags))

    def _add(
        self, source_id: int, values: dict[str, object], note: str, labels: Labels
    ) -> tuple[Annotation, Change]:
        now = now_iso()

        def edit(journal: Journal) -> int:
            row = {"source_id": source_id, **values, "note": note, "created_at": now}
            annotation_id = journal.insert("annotations", {**row, "modified_at": now})
            if labels:
                link_labels(journal, "annotation", [annotation_id], labels)
            return annotation_id

        description = "Annotate a passage" if values["target"] == "text" else "Annotate a region"
        annotation_id, change = journaled(self.database, self.notify, description, edit)
        return self.get(annotation_id), change

    # Changing

    def edit_note(self, annotation_id: int, note: str) -> Change:
        """Replace an annotation's note (plain text or Markdown)."""
        self.get(annotation_id)

        def edit(journal: Journal) -> None:
            _update_note(journal, annotation_id, note)

        return journaled(self.database, self.notify, "Edit annotation note", edit)[1]

    def edit(
        self,
        annotation_id: int,
        *,
        note: str | None = None,
        add: Labels = NO_LABELS,
        remove: Labels = NO_LABELS,
    ) -> Change:
        """Change an annotation's note (unless None) and labels in one step: ``add`` may
        describe new events and perspectives, made on the way."""
        self.get(annotation_id)

        def edit(journal: Journal) -> None:
            _update_note(journal, annotation_id, note)
            if add:
                link_labels(journal, "annotation", [annotation_id], add)
            if remove:
                unlink_labels(journal, "annotation", [annotation_id], remove)

        return journaled(self.database, self.notify, "Edit annotation", edit)[1]

    def delete(self, *annotation_ids: int) -> Change:
        """Delete annotations with their tags, events and perspectives (undo restores them
        under the same ids)."""
        ids = list(dict.fromkeys(annotation_ids))
        if not ids:
            raise InvalidInputError(
                Message(QT_TRANSLATE_NOOP("core", "Choose at least one annotation to delete."))
            )
        for annotation_id in ids:
            self.get(annotation_id)
        marks = ",".join("?" * len(ids))

        def edit(journal: Journal) -> None:
            for table in ("annotation_tags", "annotation_events", "annotation_perspectives"):
                journal.delete(table, f"annotation_id IN ({marks})", ids)
            journal.delete("annotations", f"id IN ({marks})", ids)

        plural = "s" if len(ids) > 1 else ""
        return journaled(self.database, self.notify, f"Delete annotation{plural}", edit)[1]

    # Keeping passages anchored

    def reanchor(self, source_id: int) -> list[AnchorResult]:
        """Find every text annotation of a source again in its current body, after the body
        was extracted anew. Found ones get their new offsets and context (and, when found
        with small changes, the new wording with status ``"fuzzy"``); the rest keep what they
        had and get status ``"orphaned"``. A repair after re-extraction, not an undoable edit."""
        body = self._body(source_id)
        rows = self.database.query(
            "SELECT * FROM annotations WHERE source_id = ? AND target = 'text' ORDER BY id",
            (source_id,),
        )
        results: list[AnchorResult] = []
        updates: list[tuple[dict[str, object], int]] = []
        for row in rows:
            quote = TextQuote(row["quote_exact"], row["quote_prefix"], row["quote_suffix"])
            anchor = locate(body, quote, row["start_offset"], row["end_offset"])
            if anchor is None:
                values: dict[str, object] = {"anchor_status": "orphaned"}
                start, end = int(row["start_offset"]), int(row["end_offset"])
            else:
                values = _text_values(body, anchor.start, anchor.end)
                values.pop("target")
                values["anchor_status"] = anchor.status
                start, end = anchor.start, anchor.end
            updates.append((values, int(row["id"])))
            results.append(AnchorResult(int(row["id"]), str(values["anchor_status"]), start, end))
        with self.database.transaction() as connection:
            for values, annotation_id in updates:
                assignments = ", ".join(f"{column} = ?" for column in values)
                connection.execute(
                    f"UPDATE annotations SET {assignments} WHERE id = ?",
                    (*values.values(), annotation_id),
                )
            queue_for_index(connection, [source_id])
            if updates:
                record(
                    connection,
                    action="edit",
                    description="Annotations found again in the re-extracted text",
                    source_ids=[source_id],
                    changes=[
                        {"table": "annotations", "action": "update", "row_id": annotation_id,
                         "before": {}, "after": values}
                        for values, annotation_id in updates
                    ],
                )  # fmt: skip
        self.notify()
        return results

    # Checks

    def _body(self, source_id: int) -> str:
        body = self.database.scalar("SELECT body FROM sources WHERE id = ?", (source_id,))
        if body is None:
            raise NotFoundError(no_such_source(source_id))
        return str(body)

    def _check_page(self, source_id: int, page: int | None) -> None:
        row = self.database.query_one("SELECT kind, blocks FROM sources WHERE id = ?", (source_id,))
        if row is None:
            raise NotFoundError(no_such_source(source_id))
        kind = row["kind"]
        if kind == "image":
            if page is not None:
                raise InvalidInputError(
                    Message(
                        QT_TRANSLATE_NOOP(
                            "core", "Source {source_id} is an image; it has no pages."
                        ),
                        source_id=str(source_id),
                    )
                )
            return
        if kind != "pdf":
            raise InvalidInputError(
                Message(
                    QT_TRANSLATE_NOOP(
                        "core",
                        "Source {source_id} is {kind}; regions can be marked on images "
                        "and PDF pages. Annotate a passage of its text instead.",
                    ),
                    source_id=str(source_id),
                    kind=a_kind(kind),
                )
            )
        pages = [int(block[1]) for block in json.loads(row["blocks"]) if block[0] == "page"]
        if page is None:
            raise InvalidInputError(
                Message(
                    QT_TRANSLATE_NOOP(
                        "core", "Source {source_id} is a PDF: say which page the region is on."
                    ),
                    source_id=str(source_id),
                )
            )
        if page < 1:
            raise InvalidInputError(
                Message(
                    QT_TRANSLATE_NOOP("core", "Pages count from 1; there is no page {page}."),
                    page=str(page),
                )
            )
        if pages and page not in pages:
            raise InvalidInputError(
                Message(
                    QT_TRANSLATE_NOOP(
                        "core",
                        "Source {source_id} has pages {min} to {max}; there is no page {page}.",
                    ),
                    source_id=str(source_id),
                    min=str(min(pages)),
                    max=str(max(pages)),
                    page=str(page),
                )
            )


def _text_values(body: str, start: int, end: int) -> dict[str, object]:
    quote = quote_at(body, start, end)
    return {
        "target": "text",
        "quote_exact": quote.exact,
        "quote_prefix": quote.prefix,
        "quote_suffix": quote.suffix,
        "start_offset": start,
        "end_offset": end,
    }


def _find_quote(body: str, quote: str, occurrence: int | None, source_id: int) -> tuple[int, int]:
    wanted = unicodedata.normalize("NFKC", quote)
    if not wanted.strip():
        raise InvalidInputError(
            Message(QT_TRANSLATE_NOOP("core", "Give the passage to annotate; the quote is empty."))
        )
    found = occurrences(body, wanted)
    if not found:
        raise InvalidInputError(
            Message(
                QT_TRANSLATE_NOOP(
                    "core", "The text of source {source_id} does not contain “{quote}”."
                ),
                source_id=str(source_id),
                quote=str(quote),
            )
        )
    if occurrence is None:
        if len(found) > 1:
            raise InvalidInputError(
                Message(
                    QT_TRANSLATE_NOOP(
                        "core",
                        "“{quote}” appears {found} times in source {source_id}. Say which "
                        "occurrence you mean (1 to {found}).",
                    ),
                    quote=str(quote),
                    found=str(len(found)),
                    source_id=str(source_id),
                )
            )
        return found[0]
    if not 1 <= occurrence <= len(found):
        if len(found) == 1:
            template = QT_TRANSLATE_NOOP(
                "core",
                "“{quote}” appears once in source {source_id}; there is no occurrence "
                "{occurrence}.",
            )
        else:
            template = QT_TRANSLATE_NOOP(
                "core",
                "“{quote}” appears {found} times in source {source_id}; there is no occurrence "
                "{occurrence}.",
            )
        raise InvalidInputError(
            Message(
                template,
                quote=str(quote),
                found=str(len(found)),
                source_id=str(source_id),
                occurrence=str(occurrence),
            )
        )
    return found[occurrence - 1]


def _check_region(region: Region) -> None:
    numbers = (region.x, region.y, region.width, region.height)
    if not all(math.isfinite(value) for value in numbers):
        raise InvalidInputError(
            Message(
                QT_TRANSLATE_NOOP("core", "A region needs four numbers: x, y, width and height.")
            )
        )
    if region.width <= 0 or region.height <= 0:
        raise InvalidInputError(
            Message(QT_TRANSLATE_NOOP("core", "A region needs a width and a height above 0."))
        )
    inside = (
        region.x >= -EPSILON
        and region.y >= -EPSILON
        and region.x + region.width <= 1 + EPSILON
        and region.y + region.height <= 1 + EPSILON
    )
    if not inside:
        raise InvalidInputError(
            Message(
                QT_TRANSLATE_NOOP(
                    "core",
                    "The region x={x}, y={y}, width={width}, height={height} lies outside "
                    "the image. Give it relative to the image: x and y from 0 to 1, with x "
                    "+ width and y + height at most 1.",
                ),
                x=f"{region.x:g}",
                y=f"{region.y:g}",
                width=f"{region.width:g}",
                height=f"{region.height:g}",
            )
        )


def _update_note(journal: Journal, annotation_id: int, note: str | None) -> None:
    current = journal.connection.execute(
        "SELECT note FROM annotations WHERE id = ?", (annotation_id,)
    ).fetchone()[0]
    if note is not None and note != current:
        journal.update("annotations", annotation_id, {"note": note, "modified_at": now_iso()})
