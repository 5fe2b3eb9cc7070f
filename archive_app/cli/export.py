"""``archive-app export FORMAT [selection] FILE``: citations, spreadsheets, QDA projects,
reports and annotations, for the whole archive or a selection of it."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from archive_app.cli.common import add_command, progress_printer, read_archive
from archive_app.export.citeproc_text import DEFAULT_STYLE, STYLES
from archive_app.export.formats import FORMATS, ExportJob, export
from archive_app.export.selection import Selection

EXAMPLES = """Examples:
  archive-app export csl-json --event "Second Karabakh War" karabakh.json
  archive-app export bibtex --id 3 --id 7 sources.bib
  archive-app export ris --perspective "Armenian government" armenian.ris
  archive-app export csv --query "Shusha OR Shushi" shusha.csv   (and shusha-annotations.csv)
  archive-app export qdpx --tag ceasefire ceasefire.qdpx
  archive-app export report --event "Battle of Shusha" shusha.pdf   (or shusha.html)
  archive-app export annotations --event "Second Karabakh War" karabakh.jsonld
  archive-app export wacz --tag ceasefire captured.wacz   (captured pages, for ReplayWeb.page)
  archive-app export report --leave-out-sensitive --event "Battle of Shusha" shusha.pdf
"""


def register(commands: Any) -> None:
    parser = add_command(
        commands,
        "export",
        "write sources, citations, reports or annotations to a file",
        "Export the whole archive, or the sources a selection names, to a file. Selection "
        "options narrow one another (--event E --tag T: sources with both); an option given "
        "twice means either. An event includes its sub-events; a source counts as carrying an "
        "event, perspective or tag when it or one of its annotations does. The file is written "
        "atomically.\n\nFormats:\n"
        + "\n".join(f"  {fmt.name:<12} {fmt.label}" for fmt in FORMATS.values()),
        epilog=EXAMPLES,
    )
    parser.add_argument("format", choices=list(FORMATS), metavar="FORMAT", help="what to write")
    add_selection_options(parser)
    parser.add_argument(
        "--style",
        choices=list(STYLES),
        default=DEFAULT_STYLE,
        help="the citation style of a report (default: %(default)s)",
    )
    parser.add_argument("file", type=Path, metavar="FILE", help="the file to write")
    parser.set_defaults(run=run_export)


def add_selection_options(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("selection (none: the whole archive)")
    group.add_argument(
        "--id", type=int, action="append", default=[], metavar="N", help="a source (repeatable)"
    )
    group.add_argument(
        "--event", action="append", default=[], metavar="E", help="an event and its sub-events"
    )
    group.add_argument("--perspective", action="append", default=[], metavar="P")
    group.add_argument("--tag", action="append", default=[], metavar="T")
    group.add_argument("--query", default="", metavar="Q", help="the sources a search finds")
    group.add_argument("--saved", default="", metavar="NAME", help="a saved search's sources")
    group.add_argument(
        "--leave-out-sensitive",
        action="store_true",
        help="leave out images marked graphic or as showing identifiable people (and their "
        "pictures where an article shows them)",
    )


def selection_from(args: argparse.Namespace) -> Selection:
    return Selection(
        ids=tuple(args.id),
        events=tuple(args.event),
        perspectives=tuple(args.perspective),
        tags=tuple(args.tag),
        query=args.query,
        saved=args.saved,
        leave_out_sensitive=args.leave_out_sensitive,
    )


def run_export(args: argparse.Namespace) -> int:
    bar = progress_printer(args, "Exporting")
    with read_archive(args) as archive:
        job = ExportJob(archive, selection_from(args), args.file, progress=bar, style=args.style)
        result = export(args.format, job)
    if bar is not None:
        bar.clear()
    print(result.summary())
    return 0
