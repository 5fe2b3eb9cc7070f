"""Every export format, by the name the command line and the window's *Export* menu use.

A format is an :class:`ExportFormat`: its name, a label for the menu, the file suffixes it
writes and a function that takes an :class:`ExportJob` (the archive, the sources chosen, the
file, progress and cancel) and returns an :class:`ExportResult`. A new format is one module
with such a function and one entry in :data:`FORMATS`.

Each format's module (and the libraries it writes with: citeproc, warcio, rispy, pypdf, fpdf)
is imported when that format is first written: listing the formats (the command line's help,
the window's *Export* menu) loads none of them, and neither does every other command.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from archive_app.core.audit import NOT_RECORDED
from archive_app.core.errors import CancelledError, InvalidInputError
from archive_app.core.messages import QT_TRANSLATE_NOOP, Message, sentences
from archive_app.core.model import Source
from archive_app.core.progress import (
    CancelToken,
    ProgressCallback,
    is_cancelled,
    report_progress,
)
from archive_app.core.research import counted
from archive_app.export.citeproc_text import DEFAULT_STYLE
from archive_app.export.selection import Selection, describe_selection, resolve_selection

if TYPE_CHECKING:
    from archive_app.core.archive import Archive


@dataclass(frozen=True)
class ExportJob:
    archive: Archive
    selection: Selection
    path: Path
    progress: ProgressCallback | None = None
    cancel: CancelToken | None = None
    style: str = DEFAULT_STYLE

    def source_ids(self) -> list[int]:
        return resolve_selection(self.archive, self.selection)

    def left_out(self) -> set[int]:
        """The sensitive sources this export leaves out, also where they are an article's
        figure (the figure keeps its caption, without the picture)."""
        if not self.selection.leave_out_sensitive:
            return set()
        return self.archive.verification.sensitive_ids()

    def sources(self) -> list[Source]:
        """The selected sources, read one by one with progress; cancelling stops here, before
        anything is written."""
        ids = self.source_ids()
        sources = []
        for done, source_id in enumerate(ids, start=1):
            if is_cancelled(self.cancel):
                raise CancelledError(
                    Message(
                        QT_TRANSLATE_NOOP("core", "The export was cancelled; no file was written.")
                    )
                )
            sources.append(self.archive.get(source_id))
            report_progress(
                self.progress, done, len(ids), Message(QT_TRANSLATE_NOOP("core", "Reading sources"))
            )
        return sources


WROTE = {
    "source": (
        QT_TRANSLATE_NOOP("core", "Wrote 1 source to {files}."),
        QT_TRANSLATE_NOOP("core", "Wrote {count} sources to {files}."),
    ),
    "annotation": (
        QT_TRANSLATE_NOOP("core", "Wrote 1 annotation to {files}."),
        QT_TRANSLATE_NOOP("core", "Wrote {count} annotations to {files}."),
    ),
    "page": (
        QT_TRANSLATE_NOOP("core", "Wrote 1 page to {files}."),
        QT_TRANSLATE_NOOP("core", "Wrote {count} pages to {files}."),
    ),
}
"""What an export says it wrote, by the noun of what it counts: one, or more."""


@dataclass(frozen=True)
class ExportResult:
    """What an export wrote; ``source_ids``: the sources it wrote, where it wrote sources."""

    count: int
    noun: str
    files: tuple[Path, ...] = field(default_factory=tuple)
    source_ids: tuple[int, ...] = ()
    recorded: bool = True

    def summary(self) -> Message:
        one, many = WROTE[self.noun]
        wrote = Message(
            one if self.count == 1 else many,
            count=self.count,
            files=", ".join(str(path) for path in self.files),
        )
        return wrote if self.recorded else sentences(wrote, NOT_RECORDED)


@dataclass(frozen=True)
class ExportFormat:
    name: str
    label: str
    suffixes: tuple[str, ...]
    run: Callable[[ExportJob], ExportResult]


def _sources_written(sources: list[Source], count: int, *files: Path) -> ExportResult:
    return ExportResult(count, "source", files, tuple(source.id for source in sources))


def _csl_json(job: ExportJob) -> ExportResult:
    from archive_app.export.csl import write_csl_json

    sources = job.sources()
    return _sources_written(sources, write_csl_json(sources, job.path), job.path)


def _bibtex(job: ExportJob) -> ExportResult:
    from archive_app.export.bibtex import write_bibtex
    from archive_app.export.csl import csl_item

    sources = job.sources()
    count = write_bibtex([csl_item(source) for source in sources], job.path)
    return _sources_written(sources, count, job.path)


def _ris(job: ExportJob) -> ExportResult:
    from archive_app.export.csl import csl_item
    from archive_app.export.ris import write_ris

    sources = job.sources()
    return _sources_written(sources, write_ris([csl_item(s) for s in sources], job.path), job.path)


def _csv(job: ExportJob) -> ExportResult:
    from archive_app.export.tables import annotations_path, write_csv

    sources = job.sources()
    count = write_csv(sources, job.path)
    return _sources_written(sources, count, job.path, annotations_path(job.path))


def _qdpx(job: ExportJob) -> ExportResult:
    from archive_app.export.qdpx import write_qdpx

    sources = job.sources()
    count = write_qdpx(job.archive, sources, job.path, job.progress, job.cancel)
    return _sources_written(sources, count, job.path)


def _report(job: ExportJob) -> ExportResult:
    from archive_app.export.report import build_report

    suffix = job.path.suffix.lower()
    if suffix not in {".html", ".htm", ".pdf"}:
        raise InvalidInputError(
            Message(
                QT_TRANSLATE_NOOP(
                    "core",
                    "A report is written as HTML or PDF: name the file .html or .pdf, not "
                    "'{suffix}'.",
                ),
                suffix=str(suffix),
            )
        )
    sources = job.sources()
    report = build_report(
        job.archive,
        job.selection,
        sources,
        job.style,
        progress=job.progress,
        cancel=job.cancel,
        hidden=job.left_out(),
    )
    if suffix == ".pdf":
        from archive_app.export.report_pdf import write_report_pdf

        write_report_pdf(report, job.path)
    else:
        from archive_app.export.report_html import write_report_html

        write_report_html(report, job.path)
    written = tuple(source.id for source in sources)
    return ExportResult(report.source_count, "source", (job.path,), written)


def _annotations(job: ExportJob) -> ExportResult:
    """As ``export annotations`` always did: events and perspectives filter the annotations
    themselves (or their sources); the other options narrow the sources they are on."""
    from archive_app.export.annotations import export_annotations

    selection = job.selection
    narrowed = Selection(
        ids=selection.ids,
        tags=selection.tags,
        query=selection.query,
        saved=selection.saved,
        leave_out_sensitive=selection.leave_out_sensitive,
    )
    source_ids = None if narrowed.is_everything else set(resolve_selection(job.archive, narrowed))
    count = export_annotations(
        job.archive,
        job.path,
        events=selection.events,
        perspectives=selection.perspectives,
        source_ids=source_ids,
    )
    return ExportResult(count, "annotation", (job.path,))


def _wacz(job: ExportJob) -> ExportResult:
    """Captured sources as a WACZ web archive; a selection of everything means every captured
    source, and sources not captured from the web are left out."""
    from archive_app.export.wacz import export_wacz

    ids = None if job.selection.is_everything else job.source_ids()
    count = export_wacz(job.archive, job.path, ids, progress=job.progress, cancel=job.cancel)
    return ExportResult(count, "page", (job.path,))


FORMATS: dict[str, ExportFormat] = {
    fmt.name: fmt
    for fmt in (
        ExportFormat("csl-json", "Citations (CSL-JSON)", (".json",), _csl_json),
        ExportFormat("bibtex", "Citations (BibTeX)", (".bib",), _bibtex),
        ExportFormat("ris", "Citations (RIS)", (".ris",), _ris),
        ExportFormat("csv", "Spreadsheet (CSV)", (".csv",), _csv),
        ExportFormat("qdpx", "QDA project (REFI-QDA .qdpx)", (".qdpx",), _qdpx),
        ExportFormat("report", "Event report (HTML or PDF)", (".html", ".pdf"), _report),
        ExportFormat("annotations", "Annotations (W3C JSON-LD)", (".jsonld",), _annotations),
        ExportFormat("wacz", "Captured pages (WACZ web archive)", (".wacz",), _wacz),
    )
}


def export(name: str, job: ExportJob) -> ExportResult:
    """Run the export ``name`` (a key of :data:`FORMATS`) and record it in the audit trail with
    the files it wrote and their checksums."""
    chosen = FORMATS.get(name)
    if chosen is None:
        raise InvalidInputError(
            Message(
                QT_TRANSLATE_NOOP(
                    "core", "'{name}' is not an export format. Choose one of: {formats}."
                ),
                name=str(name),
                formats=str(", ".join(FORMATS)),
            )
        )
    result = chosen.run(job)
    files = [path for path in result.files if path.is_file()]
    recorded = job.archive.audit.record_files(
        "export",
        f"Exported {counted(result.count, result.noun)} as {chosen.label} to "
        + ", ".join(path.name for path in files),
        files,
        source_ids=result.source_ids,
        facts={
            "format": chosen.name,
            "selection": describe_selection(job.archive, job.selection),
            "count": result.count,
        },
    )
    return replace(result, recorded=recorded)
