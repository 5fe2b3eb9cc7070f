"""An event report: how each perspective covered an event and its sub-events.

:func:`build_report` gathers what a report shows; :mod:`.report_html` and :mod:`.report_pdf`
lay it out. One section per perspective (a source with two perspectives is in both; sources
without one come last), each source as a formatted citation with its annotated passages quoted
with their notes and its pictures with their captions and credits, and a coverage summary:
how many sources each side published, from when to when, and a timeline. Nothing is fetched:
pictures are the archive's own thumbnails.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from archive_app.core.db import now_iso
from archive_app.core.errors import CancelledError, ImportFailure
from archive_app.core.messages import QT_TRANSLATE_NOOP, Message
from archive_app.core.model import Source
from archive_app.core.progress import CancelToken, ProgressCallback, is_cancelled, report_progress
from archive_app.core.thumbnails import ensure_thumbnail
from archive_app.export.citeproc_text import (
    DEFAULT_STYLE,
    STYLES,
    CitationFormatter,
    plain_text,
)
from archive_app.export.csl import csl_item
from archive_app.export.selection import Selection, describe_selection

if TYPE_CHECKING:
    from archive_app.core.archive import Archive

NO_PERSPECTIVE = "No perspective"
EMPTY = "No sources match this selection."
CITATION_BATCH = 20


@dataclass(frozen=True)
class Quote:
    text: str
    note: str
    page: int | None = None


@dataclass(frozen=True)
class Picture:
    path: Path | None
    caption: str
    credit: str


@dataclass(frozen=True)
class Entry:
    source_id: int
    citation: str
    citation_html: str
    published: str
    quotes: list[Quote] = field(default_factory=list)
    pictures: list[Picture] = field(default_factory=list)


@dataclass(frozen=True)
class Section:
    perspective: str
    color: str
    description: str
    entries: list[Entry]

    @property
    def first(self) -> str:
        dates = sorted(entry.published for entry in self.entries if entry.published)
        return dates[0][:10] if dates else ""

    @property
    def last(self) -> str:
        dates = sorted(entry.published for entry in self.entries if entry.published)
        return dates[-1][:10] if dates else ""


@dataclass(frozen=True)
class TimelineRow:
    published: str
    perspectives: str
    title: str


@dataclass(frozen=True)
class Report:
    title: str
    subtitle: str
    description: str
    style: str
    generated_at: str
    sections: list[Section]
    timeline: list[TimelineRow]

    @property
    def source_count(self) -> int:
        return len({entry.source_id for section in self.sections for entry in section.entries})


def build_report(
    archive: Archive,
    selection: Selection,
    sources: list[Source],
    style: str = DEFAULT_STYLE,
    *,
    progress: ProgressCallback | None = None,
    cancel: CancelToken | None = None,
    hidden: Collection[int] = (),
) -> Report:
    """The report of ``sources``; the pictures of the image sources in ``hidden`` (sensitive
    ones left out) are not shown where an article has them as figures."""
    marked = _citations(sources, style, progress, cancel)
    entries = {
        source.id: Entry(
            source.id,
            plain_text(marked[index]),
            marked[index],
            source.published,
            _quotes(source),
            _pictures(archive, source, hidden),
        )
        for index, source in enumerate(sources)
    }
    title, subtitle, description = _heading(archive, selection)
    return Report(
        title=title,
        subtitle=subtitle,
        description=description,
        style=STYLES[style],
        generated_at=now_iso(),
        sections=_sections(archive, sources, entries),
        timeline=_timeline(sources),
    )


def _citations(
    sources: list[Source],
    style: str,
    progress: ProgressCallback | None,
    cancel: CancelToken | None,
) -> list[str]:
    """Each source's citation as HTML, formatted in batches (citeproc-py takes some 20 ms an
    entry, and longer per entry the more it formats at once) with progress and cancel."""
    formatter = CitationFormatter(style)
    items = [csl_item(source) for source in sources]
    marked: list[str] = []
    for start in range(0, len(items), CITATION_BATCH):
        if is_cancelled(cancel):
            raise CancelledError(
                Message(QT_TRANSLATE_NOOP("core", "The export was cancelled; no file was written."))
            )
        marked += formatter.format(items[start : start + CITATION_BATCH], html=True)
        report_progress(
            progress,
            len(marked),
            len(items),
            Message(QT_TRANSLATE_NOOP("core", "Formatting citations")),
        )
    return marked


def _heading(archive: Archive, selection: Selection) -> tuple[str, str, str]:
    if not selection.events:
        return "Coverage report", f"Sources: {describe_selection(archive, selection)}", ""
    events = [archive.events.get(ref) for ref in selection.events]
    title = " · ".join(event.name for event in events)
    details = []
    for event in events:
        dates = " – ".join(part for part in (event.start, event.end) if part)
        details.append(", ".join(part for part in (dates, event.place) if part))
    narrowing = Selection(
        ids=selection.ids,
        perspectives=selection.perspectives,
        tags=selection.tags,
        query=selection.query,
        saved=selection.saved,
        leave_out_sensitive=selection.leave_out_sensitive,
    )
    subtitle = "; ".join(detail for detail in details if detail)
    if not narrowing.is_everything:
        subtitle += f" (only {describe_selection(archive, narrowing)})"
    subtitle = (subtitle + " · sub-events included").strip(" ·")
    description = "\n\n".join(event.description for event in events if event.description)
    return title, subtitle, description


def _sections(archive: Archive, sources: list[Source], entries: dict[int, Entry]) -> list[Section]:
    sections = []
    for perspective in archive.perspectives.all():
        carried = [
            entries[s.id] for s in sources if perspective.id in {p.id for p in s.perspectives}
        ]
        if carried:
            sections.append(
                Section(
                    perspective.name, perspective.color, perspective.description, _by_date(carried)
                )
            )
    unassigned = [entries[s.id] for s in sources if not s.perspectives]
    if unassigned:
        sections.append(Section(NO_PERSPECTIVE, "#888888", "", _by_date(unassigned)))
    return sections


def _by_date(entries: list[Entry]) -> list[Entry]:
    return sorted(
        entries, key=lambda entry: (entry.published == "", entry.published, entry.citation)
    )


def _timeline(sources: list[Source]) -> list[TimelineRow]:
    dated = sorted((s for s in sources if s.published), key=lambda s: s.published)
    return [
        TimelineRow(
            source.published[:10],
            ", ".join(p.name for p in source.perspectives) or NO_PERSPECTIVE,
            source.title or f"Source {source.id}",
        )
        for source in dated
    ]


def _quotes(source: Source) -> list[Quote]:
    return [
        Quote(annotation.quote_exact, annotation.note, source.page_at(annotation.start or 0))
        for annotation in source.annotations
        if annotation.target == "text" and annotation.quote_exact
    ]


def _pictures(archive: Archive, source: Source, hidden: Collection[int]) -> list[Picture]:
    if source.kind == "image":
        caption = str(source.metadata.get("caption") or source.title)
        credit = str(source.metadata.get("credit") or source.metadata.get("creator") or "")
        return [
            Picture(
                _thumbnail(archive, source.provenance.sha256, source.provenance.original_ext),
                caption,
                credit,
            )
        ]
    pictures = []
    for figure in source.images:
        if not (figure.text or figure.credit):
            continue
        path = None
        if figure.image_source_id is not None and figure.image_source_id not in hidden:
            image = archive.get(figure.image_source_id)
            path = _thumbnail(archive, image.provenance.sha256, image.provenance.original_ext)
        pictures.append(Picture(path, figure.text, figure.credit))
    return pictures


def _thumbnail(archive: Archive, sha256: str, original_ext: str) -> Path | None:
    try:
        return ensure_thumbnail(archive.store, archive.derived, sha256, original_ext)
    except ImportFailure:  # not a picture Pillow reads: the caption is shown alone
        return None
