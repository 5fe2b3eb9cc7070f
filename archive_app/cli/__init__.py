"""The command line: a thin shell over the core. ``archive-app --help`` lists the commands.

Errors a person can act on (:class:`ArchiveError`) are printed to stderr with exit status 1;
bad usage exits 2; anything else is a bug, printed with its traceback.
"""

from __future__ import annotations

import argparse
import contextlib
import locale
import logging
import sys
import traceback
from collections.abc import Sequence
from pathlib import Path

from archive_app import __version__
from archive_app.cli import (
    annotating,
    backup,
    capture,
    desktop,
    duplicates,
    evidence,
    export,
    ocr,
    places,
    research,
    search,
    sources,
)
from archive_app.cli.common import add_archive_option, add_command
from archive_app.cli.pipe import quiet_on_closed_pipe
from archive_app.core.errors import ArchiveError
from archive_app.core.extraction import ExtractionPool

EXIT_FAILED = 1
EXIT_USAGE = 2
EXIT_BUG = 70


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="archive-app",
        description="A research archive for sources about contested events: import articles, "
        "PDFs and photos, search them, tag them by event and perspective, annotate and compare. "
        "With no command, the window opens.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("-v", "--verbose", action="store_true", help="log what happens to stderr")
    add_archive_option(parser)
    parser.set_defaults(run=run_gui)  # options without a command (--archive DIR) open the window
    commands = parser.add_subparsers(title="commands", metavar="COMMAND")
    gui = add_command(
        commands,
        "gui",
        "open the window (the default)",
        "Open the window. Files given are imported into the archive; if the window is already "
        "open, it comes to the front and imports them.",
    )
    gui.add_argument("files", nargs="*", type=Path, metavar="FILE", help="files to import")
    gui.set_defaults(run=run_gui)
    sources.register(commands)
    search.register(commands)
    places.register(commands)
    research.register(commands)
    annotating.register(commands)
    desktop.register(commands)
    ocr.register(commands)
    export.register(commands)
    backup.register(commands)
    duplicates.register(commands)
    capture.register(commands)
    evidence.register(commands)
    return parser


def run_gui(args: argparse.Namespace) -> int:
    from archive_app.gui.app import run

    return run(getattr(args, "archive", None), getattr(args, "files", []))


def main(argv: Sequence[str] | None = None, *, import_pool: ExtractionPool | None = None) -> int:
    """Run a command. ``import_pool``: the extraction workers for the archive it opens, when
    the caller has started them already (:mod:`archive_app.entry`)."""
    arguments = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser()
    args = parser.parse_args(arguments or ["gui"])
    args.import_pool = import_pool
    with contextlib.suppress(locale.Error):  # dates in the person's locale, where it exists
        locale.setlocale(locale.LC_TIME, "")
    logging.basicConfig(
        level=logging.INFO if args.verbose else logging.WARNING,
        format="%(levelname)s %(name)s: %(message)s",
    )
    if not hasattr(args, "run"):
        parser.print_usage(sys.stderr)
        return EXIT_USAGE
    try:
        with quiet_on_closed_pipe():
            return int(args.run(args))
    except ArchiveError as error:
        print(f"archive-app: error: {error.message}", file=sys.stderr)
        return EXIT_FAILED
    except KeyboardInterrupt:
        print("archive-app: interrupted.", file=sys.stderr)
        return 130
    except Exception:
        print(
            "archive-app: internal error. This is a bug in archive-app; please report it with "
            "the text below.\n\n" + traceback.format_exc(),
            file=sys.stderr,
        )
        return EXIT_BUG
