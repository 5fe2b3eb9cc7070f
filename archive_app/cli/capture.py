"""``archive-app capture [--json] URL...``: capture live pages into the archive."""

from __future__ import annotations

import argparse
import ssl
import sys
from pathlib import Path
from typing import Any

from archive_app.cli.common import add_command, add_json_option, open_archive, print_json
from archive_app.cli.sources import outcome_line
from archive_app.core.errors import InvalidInputError
from archive_app.core.progress import Progress


def register(commands: Any) -> None:
    parser = add_command(
        commands,
        "capture",
        "capture web pages from their addresses",
        "Fetch each page and the photos its article shows (nothing else: no scripts, style "
        "sheets or trackers), keep the whole exchange as a WARC file (the original), and import "
        "it. http and https only; TLS certificates are always verified. Prints one line per "
        "page as import does; exit status 1 when some failed.",
    )
    add_json_option(parser)
    parser.add_argument(
        "--ca-file",
        type=Path,
        metavar="PEM",
        help="also trust the certificate authorities in this PEM file (a private network's)",
    )
    parser.add_argument("urls", nargs="+", metavar="URL", help="addresses to capture")
    parser.set_defaults(run=run_capture)


def run_capture(args: argparse.Namespace) -> int:
    from archive_app.capture.policy import CapturePolicy
    from archive_app.capture.session import capture_pages

    policy = CapturePolicy(verify=_trust(args.ca_file)) if args.ca_file else CapturePolicy()

    def on_progress(progress: Progress) -> None:
        if progress.outcome is not None and not args.json:
            print(outcome_line(progress.outcome), flush=True)

    with open_archive(args, create=True) as archive:
        report = capture_pages(archive, args.urls, policy=policy, progress=on_progress)
    if args.json:
        print_json([outcome.to_json() for outcome in report.outcomes])
    else:
        print(report.summary() + ".", file=sys.stderr)
    return 1 if report.failed else 0


def _trust(ca_file: Path) -> ssl.SSLContext:
    context = ssl.create_default_context()
    try:
        context.load_verify_locations(cafile=str(ca_file))
    except (OSError, ssl.SSLError) as error:
        raise InvalidInputError(f"{ca_file} holds no certificate authority to trust.") from error
    return context
