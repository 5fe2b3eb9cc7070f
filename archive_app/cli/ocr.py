"""``archive-app ocr``: read the text of scans and photographed documents again."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from archive_app.cli.common import (
    add_command,
    add_json_option,
    open_archive,
    print_json,
    progress_printer,
)
from archive_app.core.ocr import OcrOutcome


def register(commands: Any) -> None:
    parser = add_command(
        commands,
        "ocr",
        "read the text of scans and photos with OCR",
        "Read the text of the chosen sources with Tesseract OCR: a PDF's pages without a text "
        "layer, or a whole photo of a document. The text becomes searchable, with its page "
        "numbers. Languages: --lang, else the archive's OCR languages (eng, rus, hye, aze, kat "
        "unless set with --save-languages) and its sources' most common ones.",
    )
    add_json_option(parser)
    parser.add_argument(
        "--lang",
        nargs="+",
        default=[],
        metavar="L",
        help="languages to read, as Tesseract codes or ISO codes (eng hye, or en hy)",
    )
    parser.add_argument(
        "--save-languages",
        action="store_true",
        help="remember --lang as the archive's OCR languages from now on",
    )
    parser.add_argument("ids", nargs="+", type=int, metavar="ID", help="the sources to read")
    parser.set_defaults(run=run_ocr)


def run_ocr(args: argparse.Namespace) -> int:
    bar = progress_printer(args, "OCR")
    with open_archive(args) as archive:
        if args.save_languages:
            archive.ocr.set_languages(args.lang)
        for source_id in args.ids:
            archive.ocr.pages_to_read(source_id)  # refuses a source that is not pictured
        report = archive.ocr.recognise(args.ids, args.lang or None, progress=bar)
    if bar is not None:
        bar.clear()
    failed = report.cancelled or any(outcome.unread for outcome in report.outcomes)
    if args.json:
        print_json([_outcome_json(outcome) for outcome in report.outcomes])
    else:
        for outcome in report.outcomes:
            print(_outcome_line(outcome))
            for note in outcome.notes:
                print(f"  {note}")
        print(f"Languages: {'+'.join(report.languages)}.", file=sys.stderr)
    return 1 if failed else 0


def _outcome_line(outcome: OcrOutcome) -> str:
    pages = len(outcome.pages_read)
    return (
        f"source {outcome.source_id}: {pages} page{'s' if pages != 1 else ''} read, "
        f"confidence {outcome.confidence:g}"
    )


def _outcome_json(outcome: OcrOutcome) -> dict[str, Any]:
    return {
        "id": outcome.source_id,
        "pages": outcome.pages_read,
        "unread": outcome.unread,
        "confidence": outcome.confidence,
        "notes": outcome.notes,
    }
