"""Commands about sources: import, show, check, reindex."""

from __future__ import annotations

import argparse
import sys
import textwrap
from typing import Any

from archive_app.cli.common import (
    add_command,
    add_json_option,
    open_archive,
    print_json,
    progress_printer,
    read_archive,
)
from archive_app.cli.duplicates import same_as
from archive_app.core.dates import readable_date
from archive_app.core.import_report import FileOutcome
from archive_app.core.model import Source, image_essentials
from archive_app.core.progress import Progress


def register(commands: Any) -> None:
    parser = add_command(
        commands,
        "import",
        "import files and folders",
        "Import files and folders (recursively): web pages, PDFs, photos, text. "
        "Prints one line per file: imported, duplicate, or failed with the reason. "
        "Exit status: 0 when nothing failed, 1 when some files failed (the rest are imported).",
    )
    add_json_option(parser)
    parser.add_argument("paths", nargs="+", metavar="PATH", help="files or folders to import")
    parser.set_defaults(run=run_import)

    parser = add_command(
        commands,
        "show",
        "everything the archive knows about a source",
        "Show a source: its metadata, provenance, captions, tags, events, "
        "perspectives, annotations and text.",
    )
    add_json_option(parser)
    parser.add_argument("id", type=int, help="the source's id")
    parser.set_defaults(run=run_show)

    parser = add_command(
        commands,
        "check",
        "verify originals, database and index",
        "Verify every original against its SHA-256, the database's integrity, and "
        "that the index holds exactly the database's sources. Exit 0 when healthy.",
    )
    parser.add_argument("--repair", action="store_true", help="rebuild what is derived (the index)")
    parser.set_defaults(run=run_check)

    parser = add_command(
        commands,
        "reindex",
        "rebuild the search index",
        "Rebuild the search index from the database, with progress.",
    )
    parser.set_defaults(run=run_reindex)


def run_import(args: argparse.Namespace) -> int:
    bar = progress_printer(args, "Importing")

    def on_progress(progress: Progress) -> None:
        if progress.outcome is not None and not args.json:
            if bar is not None:
                bar.clear()
            print(outcome_line(progress.outcome), flush=True)
        if bar is not None:
            bar(progress)

    with open_archive(args, create=True) as archive:
        report = archive.import_paths(args.paths, progress=on_progress, let_workers_go=True)
    if bar is not None:
        bar.clear()
    if args.json:
        print_json([outcome.to_json() for outcome in report.outcomes])
    else:
        print(report.summary() + ".", file=sys.stderr)
    if report.stopped_by:
        print(f"archive-app: import stopped: {report.stopped_by}", file=sys.stderr)
    return 1 if report.failed or report.stopped_by else 0


def outcome_line(outcome: FileOutcome) -> str:
    if outcome.status == "imported":
        extra = f" (+{len(outcome.images)} images)" if outcome.images else ""
        return (
            f"imported   {outcome.path}  → source {outcome.source_id}, "
            f"{outcome.kind}: {outcome.title}{extra}"
        )
    if outcome.status == "duplicate" and outcome.kind == "reference":
        return (
            f"duplicate  {outcome.path}  (already in the archive as source {outcome.duplicate_of})"
        )
    if outcome.status == "duplicate":
        return f"duplicate  {outcome.path}  (same SHA-256 as source {outcome.duplicate_of})"
    return f"failed     {outcome.path}: {outcome.error}"


def run_show(args: argparse.Namespace) -> int:
    with read_archive(args) as archive:
        source = archive.get(args.id)
        copies = same_as(archive, source, args) if args.json else {}
    if args.json:
        print_json(source.to_dict() | copies)
    else:
        print(render_source(source))
    return 0


def render_source(source: Source) -> str:
    lines = [source.title, "=" * min(len(source.title), 78)]
    fields: list[tuple[str, Any]] = [
        ("Id", source.id),
        ("Kind", source.kind),
        ("Authors", ", ".join(source.authors)),
        ("Site", source.site_name),
        ("Published", readable_date(source.published)),
        ("Language", source.language),
        ("URL", source.source_url),
        ("Events", ", ".join(e.name for e in source.events)),
        ("Perspectives", ", ".join(p.name for p in source.perspectives)),
        ("Tags", ", ".join(t.name for t in source.tags)),
        ("Original", source.provenance.original_name),
        ("SHA-256", source.provenance.sha256),
        (
            "Imported",
            f"{readable_date(source.provenance.imported_at)} by "
            f"{source.provenance.importer_version}",
        ),
    ]
    if source.kind == "image":
        fields += [
            (key.replace("_", " ").capitalize(), value)
            for key, value in image_essentials(source.metadata).items()
        ]
    lines += [f"{name + ':':<14}{value}" for name, value in fields if value not in ("", None, {})]
    for note in source.extraction_notes:
        lines.append(f"Note:         {note}")
    if source.captions:
        lines += ["", "Captions:"]
        for caption in source.captions:
            credit = f" ({caption.credit})" if caption.credit else ""
            lines.append(f"  - {caption.text}{credit}")
    if source.annotations:
        lines += ["", "Annotations:"]
        for annotation in source.annotations:
            where = f'"{annotation.quote_exact}"' if annotation.target == "text" else "region"
            lines.append(f"  #{annotation.id} {where}: {annotation.note}")
    if source.notes:
        lines += ["", "Notes:", textwrap.indent(source.notes, "  ")]
    if source.body:
        lines += ["", source.body]
    return "\n".join(lines)


def run_check(args: argparse.Namespace) -> int:
    from archive_app.core.check import check_archive

    bar = progress_printer(args, "Checking")
    with (open_archive if args.repair else read_archive)(args) as archive:
        report = check_archive(archive, repair=args.repair, progress=bar)
    if bar is not None:
        bar.clear()
    for line in report.repaired:
        print(f"repaired: {line}")
    for line in report.notices:
        print(f"notice: {line}")
    for line in report.problems:
        print(f"problem: {line}")
    verdict = "healthy" if report.healthy else f"{len(report.problems)} problems"
    print(f"{report.sources} sources checked: {verdict}.")
    return 0 if report.healthy else 1


def run_reindex(args: argparse.Namespace) -> int:
    bar = progress_printer(args, "Indexing")
    with open_archive(args) as archive:
        archive.reindex(progress=bar)
        count = archive.count_sources()
    if bar is not None:
        bar.clear()
    print(f"Rebuilt the index of {count} sources.")
    return 0
