"""``archive-app export wacz [--source ID]... FILE``: captured pages as a WACZ that web-archive
tools replay. A format of the ``export`` command, registered into its group."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from archive_app.cli.common import add_command, open_archive, progress_printer


def register(export_group: Any) -> None:
    parser = add_command(
        export_group,
        "wacz",
        "captured pages as a WACZ web archive",
        "Write captured sources (live captures, WARC, WACZ, MHTML and SingleFile imports) as a "
        "WACZ file that ReplayWeb.page and other web-archive tools open. Their WARC originals "
        "are copied byte for byte. Without --source, every captured source.",
    )
    parser.add_argument(
        "--source",
        type=int,
        action="append",
        metavar="ID",
        help="only this source (repeatable)",
    )
    parser.add_argument("file", type=Path, metavar="FILE.wacz", help="the file to write")
    parser.set_defaults(run=run_export_wacz)


def run_export_wacz(args: argparse.Namespace) -> int:
    from archive_app.export.wacz import export_wacz

    bar = progress_printer(args, "Exporting")
    with open_archive(args) as archive:
        count = export_wacz(archive, args.file, args.source, progress=bar)
    if bar is not None:
        bar.clear()
    print(f"Wrote {count} pages to {args.file}.", file=sys.stderr)
    return 0
