"""Provenance reports: where each source came from and everything that happened to it, as HTML or
PDF, for a court filing, a submission or a published investigation.

Per source: the original file's name, size and SHA-256, the importer and its version, the
capture (web address, time, HTTP status, TLS certificate) where the source was captured, the
verification status and grades with the reasons given, the source's whole audit trail, and the
result of hashing the original again now. The report opens with who made it and when, and the
audit trail's head hash and chain check, so a reader can later tell that the trail was not
rewritten. Sensitive sources can be left out. Writing a report is itself recorded in the trail.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from archive_app import __version__
from archive_app.core.audit import AuditEntry
from archive_app.core.db import now_iso
from archive_app.core.errors import InvalidInputError
from archive_app.core.model import Source
from archive_app.core.progress import CancelToken, ProgressCallback, is_cancelled, report_progress
from archive_app.core.research import counted
from archive_app.core.store import digest_file
from archive_app.core.verification import CREDIBILITY, RELIABILITY, SENSITIVE_KINDS, Evidence
from archive_app.export import write_atomically

if TYPE_CHECKING:
    from archive_app.core.archive import Archive

FORMATS = (".html", ".htm", ".pdf")
CAPTURE_KEYS = ("capture", "warc", "http", "tls")
"""Metadata keys under which a capture keeps its details (web address, time, status, TLS)."""


@dataclass(frozen=True)
class SourceProvenance:
    source: Source
    evidence: Evidence
    entries: list[AuditEntry]
    rehash: str
    """What hashing the original again found, in words."""
    intact: bool

    def capture(self) -> list[tuple[str, str]]:
        facts: list[tuple[str, str]] = []
        for key in CAPTURE_KEYS:
            value = self.source.metadata.get(key)
            if isinstance(value, dict):
                facts += [(f"{key} {name}", _plain(item)) for name, item in value.items()]
            elif value:
                facts.append((key, _plain(value)))
        return facts

    def facts(self) -> list[tuple[str, str]]:
        provenance = self.source.provenance
        return [
            ("Source", f"{self.source.id} ({self.source.kind})"),
            ("Original file", provenance.original_name),
            ("Size", f"{provenance.size:,} bytes"),
            ("SHA-256", provenance.sha256),
            ("Importer", provenance.importer_version),
            ("Imported at", provenance.imported_at),
            ("Web address", provenance.source_url),
            ("Published", self.source.published),
            ("Authors", ", ".join(self.source.authors)),
            ("Site", self.source.site_name),
            ("Re-hashed now", self.rehash),
        ]

    def verification(self) -> list[tuple[str, str]]:
        evidence = self.evidence
        reliability = RELIABILITY.get(evidence.reliability, "")
        credibility = CREDIBILITY.get(evidence.credibility, "")
        rows = [
            ("Status", evidence.status),
            ("Reliability", f"{evidence.reliability} — {reliability}" if reliability else ""),
            ("Credibility", f"{evidence.credibility} — {credibility}" if credibility else ""),
        ]
        if evidence.place_name or evidence.latitude is not None:
            where = evidence.place_name
            if evidence.latitude is not None:
                where += f" ({evidence.latitude:.5f}, {evidence.longitude:.5f})"
            rows.append(("Place", f"{where.strip()}, precision {evidence.place_precision}"))
        if evidence.sensitive:
            kinds = [kind for kind in SENSITIVE_KINDS if getattr(evidence, kind)]
            rows.append(("Sensitive", ", ".join(kinds)))
        rows += [
            (entry.at, f"{entry.description} — {entry.reason} ({entry.who})")
            for entry in self.entries
            if entry.reason and entry.description.startswith("Verification")
        ]
        return rows


@dataclass(frozen=True)
class ProvenanceReport:
    sources: list[SourceProvenance]
    made_at: str
    made_by: str
    archive: str
    head: str
    chain_problems: list[str]
    left_out: int

    @property
    def title(self) -> str:
        if len(self.sources) == 1:
            return f"Provenance of source {self.sources[0].source.id}"
        return f"Provenance of {counted(len(self.sources), 'source')}"

    def preamble(self) -> list[tuple[str, str]]:
        chain = "unbroken" if not self.chain_problems else "; ".join(self.chain_problems)
        rows = [
            ("Made at", self.made_at),
            ("Made by", self.made_by),
            ("Archive", self.archive),
            ("Program", f"archive-app {__version__}"),
            ("Audit trail", chain),
            ("Trail head", self.head),
        ]
        if self.left_out:
            rows.append(("Left out", f"{counted(self.left_out, 'sensitive source')}"))
        return rows


def gather(
    archive: Archive,
    source_ids: Sequence[int],
    *,
    leave_out_sensitive: bool = False,
    progress: ProgressCallback | None = None,
    cancel: CancelToken | None = None,
) -> ProvenanceReport:
    """Read what the report says, re-hashing each original now."""
    ids = list(dict.fromkeys(source_ids))
    if not ids:
        raise InvalidInputError("Choose the sources to report on.")
    sensitive = archive.verification.sensitive_ids() if leave_out_sensitive else set()
    chosen = [source_id for source_id in ids if source_id not in sensitive]
    evidence = archive.verification.of_sources(chosen)
    records = []
    for done, source_id in enumerate(chosen, start=1):
        if is_cancelled(cancel):
            break
        source = archive.get(source_id)
        rehash, intact = _rehash(archive.original_path(source), source.provenance.sha256)
        records.append(
            SourceProvenance(
                source, evidence[source_id], archive.audit.entries(source_id), rehash, intact
            )
        )
        report_progress(progress, done, len(chosen), "Re-hashing originals")
    return ProvenanceReport(
        sources=records,
        made_at=now_iso(),
        made_by=archive.audit.investigator(),
        archive=str(archive.path),
        head=archive.audit.head(),
        chain_problems=archive.audit.verify(),
        left_out=len(ids) - len(chosen),
    )


def write_provenance(
    archive: Archive,
    source_ids: Sequence[int],
    path: Path,
    *,
    leave_out_sensitive: bool = False,
    progress: ProgressCallback | None = None,
    cancel: CancelToken | None = None,
) -> ProvenanceReport:
    """Write the report as HTML or PDF (by ``path``'s suffix), atomically, and record it."""
    suffix = path.suffix.lower()
    if suffix not in FORMATS:
        raise InvalidInputError(
            f"'{path.name}' is neither .html nor .pdf; name the report file with one of them."
        )
    report = gather(
        archive,
        source_ids,
        leave_out_sensitive=leave_out_sensitive,
        progress=progress,
        cancel=cancel,
    )
    data = to_pdf(report) if suffix == ".pdf" else to_html(report).encode("utf-8")
    write_atomically(path, data)
    archive.audit.record(
        "export",
        f"Provenance report written to {path.name}",
        source_ids=[record.source.id for record in report.sources],
        changes=[{"file": str(path), "sources": len(report.sources), "left out": report.left_out}],
    )
    return report


def to_html(report: ProvenanceReport) -> str:
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        f"<title>{_e(report.title)}</title>",
        f"<style>{STYLE}</style></head><body>",
        f"<h1>{_e(report.title)}</h1>",
        _html_facts(report.preamble()),
    ]
    for record in report.sources:
        state = "intact" if record.intact else "changed"
        parts += [
            f'<section class="source {state}">',
            f"<h2>{record.source.id}. {_e(record.source.title)}</h2>",
            _html_facts(record.facts()),
        ]
        if record.capture():
            parts += ["<h3>Capture</h3>", _html_facts(record.capture())]
        parts += ["<h3>Verification</h3>", _html_facts(record.verification())]
        parts += [f"<h3>Audit trail ({len(record.entries)} entries)</h3>", "<ol>"]
        for entry in record.entries:
            parts.append(
                f"<li><b>{_e(entry.at)}</b> {_e(entry.who)}: {_e(entry.description)}"
                + (f" <i>Reason: {_e(entry.reason)}</i>" if entry.reason else "")
                + "".join(f"<br><small>{_e(line)}</small>" for line in entry.change_lines())
                + f"<br><code>{entry.hash}</code></li>"
            )
        parts += ["</ol>", "</section>"]
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"


def to_pdf(report: ProvenanceReport) -> bytes:
    from archive_app.export.pdf import PdfReport  # fpdf: imported when first used

    pdf = PdfReport(report.title)
    pdf.heading(report.title)
    pdf.facts(report.preamble())
    for record in report.sources:
        pdf.rule()
        pdf.heading(f"{record.source.id}. {record.source.title}", level=2)
        pdf.facts(record.facts())
        if record.capture():
            pdf.heading("Capture", level=3)
            pdf.facts(record.capture())
        pdf.heading("Verification", level=3)
        pdf.facts(record.verification())
        pdf.heading(f"Audit trail ({len(record.entries)} entries)", level=3)
        for entry in record.entries:
            reason = f" Reason: {entry.reason}" if entry.reason else ""
            pdf.paragraph(f"{entry.at}  {entry.who}: {entry.description}.{reason}", size=9)
            for line in entry.change_lines():
                pdf.paragraph(f"    {line}", size=8)
            pdf.fixed(entry.hash)
    return pdf.to_bytes()


def _rehash(path: Path, expected: str) -> tuple[str, bool]:
    try:
        now = digest_file(path).sha256
    except FileNotFoundError:
        return "the original file is missing", False
    except OSError as error:
        return f"the original file cannot be read ({error.strerror or error})", False
    if now == expected:
        return f"matches ({now_iso()})", True
    return f"DIFFERS: the file now hashes to {now}", False


def _html_facts(rows: Sequence[tuple[str, str]]) -> str:
    cells = "".join(f"<tr><th>{_e(label)}</th><td>{_e(value)}</td></tr>" for label, value in rows)
    return f"<table>{cells}</table>"


def _e(text: str) -> str:
    return html.escape(text, quote=True)


def _plain(value: Any) -> str:
    return value if isinstance(value, str) else str(value)


STYLE = (
    "body{font-family:'DejaVu Sans',sans-serif;max-width:60em;margin:2em auto;color:#222}"
    "th{text-align:left;vertical-align:top;padding-right:1em;white-space:nowrap}"
    "td{word-break:break-all}code{font-size:.8em;color:#555}"
    "section{border-top:1px solid #999;margin-top:1.5em}.changed h2{color:#b00}"
    "li{margin-bottom:.5em}"
)
