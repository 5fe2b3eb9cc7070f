"""Commands about finding things: search."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from archive_app.cli.common import add_archive_option, add_json_option, open_archive, print_json
from archive_app.core.search import Hit, SearchResults

QUERY_HELP = """\
query language:
  words             all must match (ranked; title and captions weigh more than body)
  "exact phrase"    the words in this order
  a OR b            either
  NOT word, -word   leave out sources with the word
  word*  word~      wildcard, fuzzy (spelling variants)
  field:word        title: author: caption: body: note: tag: event: perspective:
                    kind: site: lang:
  published:2023    also 2020-09..2020-11 and >2023-09-19
"""


def register(commands: Any) -> None:
    parser = commands.add_parser(
        "search",
        help="search the archive",
        description="Search the archive; prints ranked hits with a snippet of the passage that "
        "matched. A query that cannot be parsed is searched as plain words.",
        epilog=QUERY_HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    add_archive_option(parser)
    add_json_option(parser)
    parser.add_argument("--limit", type=int, default=20, metavar="N", help="hits to show (20)")
    parser.add_argument("query", nargs="+", help="what to look for")
    parser.set_defaults(run=run_search)


def run_search(args: argparse.Namespace) -> int:
    query = " ".join(args.query)
    with open_archive(args) as archive:
        results = archive.search(query, limit=args.limit)
    if args.json:
        print_json(results.to_json())
    else:
        print(render_results(results, color=sys.stdout.isatty()))
    return 0


def render_results(results: SearchResults, *, color: bool) -> str:
    lines = [f"{results.total} hits for {results.query!r}"]
    if results.suggestion:
        lines.append(f"Did you mean: {results.suggestion}")
    for hit in results.hits:
        page = f", page {hit.page}" if hit.page else ""
        lines.append(f"\n[{hit.id}] {hit.title}  ({hit.kind}{page}, score {hit.score:.2f})")
        if hit.snippet:
            lines.append("    " + mark_snippet(hit, color=color))
    return "\n".join(lines)


def mark_snippet(hit: Hit, *, color: bool) -> str:
    start_mark, end_mark = ("\x1b[1;33m", "\x1b[0m") if color else ("[", "]")
    pieces = []
    position = 0
    for start, end in hit.highlights:
        pieces += [hit.snippet[position:start], start_mark, hit.snippet[start:end], end_mark]
        position = end
    pieces.append(hit.snippet[position:])
    return "".join(pieces)
