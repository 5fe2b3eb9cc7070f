"""Commands about evidence: the audit trail (history), the trash (delete, trash), verification
grades, sensitive images, places, and provenance reports."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from archive_app.cli.common import (
    add_command,
    add_command_group,
    add_json_option,
    open_archive,
    print_json,
    print_list,
    progress_printer,
)
from archive_app.core.archive import Archive
from archive_app.core.audit import AuditEntry
from archive_app.core.errors import InvalidInputError
from archive_app.core.places import PRECISIONS
from archive_app.core.research import counted
from archive_app.core.trash import TrashedSource
from archive_app.core.verification import CREDIBILITY, RELIABILITY, STATUSES, Evidence

REASON_HELP = "why, for the audit trail"


def register(commands: Any) -> None:
    _register_history(commands)
    _register_trash(commands)
    _register_grading(commands)
    _register_provenance(commands)


def _add_reason(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--reason", default="", metavar="TEXT", help=REASON_HELP)


# The audit trail


def _register_history(commands: Any) -> None:
    parser = add_command(
        commands,
        "history",
        "the audit trail, of the archive or of one source",
        "Every change, oldest first: when, who, what (before → after) and why. Undo and redo "
        "are entries of their own. `check` verifies that nobody changed the trail.",
    )
    parser.add_argument("id", nargs="?", type=int, metavar="ID", help="only this source's history")
    add_json_option(parser)
    parser.set_defaults(run=run_history)

    parser = add_command(
        commands,
        "investigator",
        "the name the audit trail records as who made changes",
        "Show, or set, the investigator name recorded with every change to this archive. "
        "An empty name goes back to the system user's name.",
    )
    parser.add_argument("name", nargs="?", help="the name to record from now on")
    parser.set_defaults(run=run_investigator)


def run_history(args: argparse.Namespace) -> int:
    with open_archive(args) as archive:
        if args.id is not None:
            archive.get(args.id)
        entries = archive.audit.entries(args.id)
    print_list(
        args,
        entries,
        to_json=AuditEntry.to_json,
        to_text=_entry_text,
        empty="Nothing has happened yet.",
    )
    return 0


def _entry_text(entry: AuditEntry) -> str:
    lines = [f"{entry.id:>5}  {entry.at}  {entry.who}  {entry.description}"]
    if entry.reason:
        lines.append(f"       reason: {entry.reason}")
    lines += [f"       {line}" for line in entry.change_lines()]
    return "\n".join(lines)


def run_investigator(args: argparse.Namespace) -> int:
    with open_archive(args) as archive:
        if args.name is not None:
            archive.audit.set_investigator(args.name)
        print(archive.audit.investigator())
    return 0


# The trash


def _register_trash(commands: Any) -> None:
    parser = add_command(
        commands,
        "delete",
        "move sources to the trash",
        "Move sources, with their annotations, labels and grades, to the trash. Nothing is "
        "destroyed until the trash is emptied; `trash restore` puts them back, ids included.",
    )
    parser.add_argument("ids", nargs="+", type=int, metavar="ID", help="source ids")
    _add_reason(parser)
    parser.set_defaults(run=run_delete)

    group = add_command_group(
        commands, "trash", "list, restore or empty the trash", "Sources deleted but not destroyed."
    )
    parser = add_command(group, "list", "what the trash holds")
    add_json_option(parser)
    parser.set_defaults(run=run_trash_list)
    parser = add_command(group, "restore", "put sources back as they were, ids included")
    parser.add_argument("ids", nargs="+", type=int, metavar="ID", help="source ids")
    _add_reason(parser)
    parser.set_defaults(run=run_trash_restore)
    parser = add_command(
        group,
        "empty",
        "destroy what the trash holds, originals included",
        "Destroy trashed sources for good (all, or those given), with their original files. "
        "Asks first; --yes does not. Recorded in the audit trail; cannot be undone.",
    )
    parser.add_argument("ids", nargs="*", type=int, metavar="ID", help="only these sources")
    parser.add_argument("--yes", action="store_true", help="do not ask")
    _add_reason(parser)
    parser.set_defaults(run=run_trash_empty)


def run_delete(args: argparse.Namespace) -> int:
    with open_archive(args) as archive:
        archive.delete_sources(args.ids, reason=args.reason)
    print(f"Moved {counted(len(set(args.ids)), 'source')} to the trash.")
    return 0


def run_trash_list(args: argparse.Namespace) -> int:
    with open_archive(args) as archive:
        items = archive.trash.items()
    print_list(
        args,
        items,
        to_json=TrashedSource.to_json,
        to_text=lambda item: (
            f"{item.source_id:>5}  {item.trashed_at}  {item.kind:<7}  {item.title}"
            + (f"  ({counted(item.annotations, 'annotation')})" if item.annotations else "")
        ),
        empty="The trash is empty.",
    )
    return 0


def run_trash_restore(args: argparse.Namespace) -> int:
    with open_archive(args) as archive:
        archive.trash.restore(args.ids, reason=args.reason)
    print(f"Restored {counted(len(set(args.ids)), 'source')}.")
    return 0


def run_trash_empty(args: argparse.Namespace) -> int:
    with open_archive(args) as archive:
        chosen = [
            item for item in archive.trash.items() if not args.ids or item.source_id in args.ids
        ]
        if not chosen:
            print("The trash is empty." if not args.ids else "None of those is in the trash.")
            return 0
        if not args.yes and not _confirm(
            f"Destroy {counted(len(chosen), 'source')} and their original files for good?"
        ):
            print("Nothing was destroyed.", file=sys.stderr)
            return 1
        emptied = archive.trash.empty([item.source_id for item in chosen], reason=args.reason)
    print(f"Destroyed {counted(len(emptied), 'source')} for good.")
    return 0


def _confirm(question: str) -> bool:
    if not sys.stdin.isatty():
        raise InvalidInputError(f"{question} Run again with --yes to confirm.")
    answer = input(f"{question} [y/N] ")
    return answer.strip().lower() in {"y", "yes"}


# Verification, sensitivity, places


def _register_grading(commands: Any) -> None:
    parser = add_command(
        commands,
        "verify",
        "set a source's verification status and Admiralty grade",
        "Set what is given; with nothing given, show the source's status and grade. "
        f"Status: {', '.join(STATUSES)}. Reliability of the source: "
        + ", ".join(f"{k} {v}" for k, v in RELIABILITY.items())
        + ". Credibility of the information: "
        + ", ".join(f"{k} {v}" for k, v in CREDIBILITY.items())
        + ". Searchable as status:verified, reliability:B, credibility:2.",
    )
    parser.add_argument("id", type=int, metavar="ID", help="the source")
    parser.add_argument("--status", metavar="S", help="unverified, 'in progress', verified, …")
    parser.add_argument("--reliability", metavar="R", help="A to F ('' clears)")
    parser.add_argument("--credibility", metavar="C", help="1 to 6 ('' clears)")
    _add_reason(parser)
    add_json_option(parser)
    parser.set_defaults(run=run_verify)

    parser = add_command(
        commands,
        "sensitive",
        "mark images as graphic or as showing identifiable people",
        "Sensitive images are blurred in the window until clicked, and reports can leave them "
        "out. Searchable as sensitive:graphic, sensitive:identifiable.",
    )
    parser.add_argument("ids", nargs="+", type=int, metavar="ID", help="source ids")
    parser.add_argument("--graphic", action=argparse.BooleanOptionalAction, default=None)
    parser.add_argument("--identifiable", action=argparse.BooleanOptionalAction, default=None)
    _add_reason(parser)
    parser.set_defaults(run=run_sensitive)

    parser = add_command(
        commands,
        "place",
        "set where a source or photo was made",
        "A place by name (with --lat/--lon if known), from the gazetteer (--town), or from the "
        "photo's own GPS position (--gps). Searchable as place:NAME.",
    )
    parser.add_argument("id", type=int, metavar="ID", help="the source")
    parser.add_argument("name", nargs="?", default="", help="the place's name")
    parser.add_argument("--lat", type=float, help="latitude")
    parser.add_argument("--lon", type=float, help="longitude")
    parser.add_argument("--precision", choices=PRECISIONS, default="town")
    parser.add_argument("--town", metavar="NAME", help="a town from the gazetteer")
    parser.add_argument("--gps", action="store_true", help="from the photo's GPS position")
    parser.add_argument("--clear", action="store_true", help="forget the place")
    _add_reason(parser)
    parser.set_defaults(run=run_place)


def run_verify(args: argparse.Namespace) -> int:
    with open_archive(args) as archive:
        if any(v is not None for v in (args.status, args.reliability, args.credibility)):
            archive.verification.verify(
                args.id,
                status=args.status,
                reliability=args.reliability,
                credibility=args.credibility,
                reason=args.reason,
            )
        evidence = archive.verification.get(args.id)
    if args.json:
        print_json(evidence.to_json())
    else:
        print(_grade_text(evidence))
    return 0


def _grade_text(evidence: Evidence) -> str:
    parts = [f"Source {evidence.source_id}: {evidence.status}"]
    if evidence.reliability:
        parts.append(f"reliability {evidence.reliability} ({RELIABILITY[evidence.reliability]})")
    if evidence.credibility:
        parts.append(f"credibility {evidence.credibility} ({CREDIBILITY[evidence.credibility]})")
    return ", ".join(parts) + "."


def run_sensitive(args: argparse.Namespace) -> int:
    with open_archive(args) as archive:
        archive.verification.mark_sensitive(
            args.ids, graphic=args.graphic, identifiable=args.identifiable, reason=args.reason
        )
    print(f"Marked {counted(len(set(args.ids)), 'source')}.")
    return 0


def run_place(args: argparse.Namespace) -> int:
    with open_archive(args) as archive:
        _set_place(archive, args)
        evidence = archive.verification.get(args.id)
    if evidence.place_name or evidence.latitude is not None:
        where = f" ({evidence.latitude}, {evidence.longitude})" if evidence.latitude else ""
        print(f"Source {args.id}: {evidence.place_name}{where}, {evidence.place_precision}.")
    else:
        print(f"Source {args.id} has no place.")
    return 0


def _set_place(archive: Archive, args: argparse.Namespace) -> None:
    if args.clear:
        archive.places.clear(args.id, reason=args.reason)
    elif args.gps:
        archive.places.from_gps(args.id, reason=args.reason)
    elif args.town:
        archive.places.from_gazetteer(args.id, args.town, reason=args.reason)
    else:
        archive.places.set_place(
            args.id,
            args.name,
            latitude=args.lat,
            longitude=args.lon,
            precision=args.precision,
            reason=args.reason,
        )


# Provenance reports


def _register_provenance(commands: Any) -> None:
    parser = add_command(
        commands,
        "provenance",
        "write a provenance report (HTML or PDF)",
        "For each source: the original file, its size and SHA-256, the importer, the capture, "
        "the verification with its reasons, the whole audit trail, and the original hashed "
        "again now. Sources: the ids given, or the hits of --search, or every source.",
    )
    parser.add_argument("items", nargs="+", metavar="[ID ...] FILE", help="source ids, then FILE")
    parser.add_argument("--search", metavar="QUERY", help="the sources this search finds")
    parser.add_argument(
        "--leave-out-sensitive", action="store_true", help="leave out graphic or identifying images"
    )
    parser.set_defaults(run=run_provenance)


def run_provenance(args: argparse.Namespace) -> int:
    from archive_app.export.provenance import write_provenance

    *id_texts, file_name = args.items
    try:
        ids = [int(text) for text in id_texts]
    except ValueError as error:
        raise InvalidInputError(f"Source ids are numbers: {error}.") from error
    with open_archive(args) as archive:
        if not ids:
            ids = _search_ids(archive, args.search) if args.search else archive.source_ids()
        bar = progress_printer(args, "Re-hashing")
        report = write_provenance(
            archive,
            ids,
            Path(file_name),
            leave_out_sensitive=args.leave_out_sensitive,
            progress=bar,
        )
        if bar is not None:
            bar.clear()
    changed = [record.source.id for record in report.sources if not record.intact]
    print(f"Wrote the provenance of {counted(len(report.sources), 'source')} to {file_name}.")
    if changed:
        print(f"Originals that no longer match: {', '.join(map(str, changed))}.", file=sys.stderr)
        return 1
    return 0


def _search_ids(archive: Archive, query: str) -> list[int]:
    results = archive.search(query, limit=10_000, facets=False)
    return [hit.id for hit in results.hits]
