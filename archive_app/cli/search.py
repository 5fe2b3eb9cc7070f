"""Commands about finding things: search, similar, saved searches and aliases."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, Any

from archive_app.cli.common import (
    add_command,
    add_command_group,
    add_json_option,
    open_archive,
    print_json,
    print_list,
    read_archive,
)
from archive_app.cli.places import place_choice_lines, prepare_gazetteer
from archive_app.core.dates import readable_date
from archive_app.core.research import counted
from archive_app.core.search.help import query_help_text

if TYPE_CHECKING:
    from archive_app.core.aliases import AliasGroup
    from archive_app.core.saved_searches import SavedSearch
    from archive_app.core.search.service import Hit, SearchResults

FACET_TITLES = {
    "kind": "Kinds",
    "year": "Years",
    "event": "Events",
    "perspective": "Perspectives",
    "site": "Sites",
}
FACETS_SHOWN = 6


def register(commands: Any) -> None:
    _register_search(commands)
    _register_similar(commands)
    _register_saved(commands)
    _register_alias(commands)


# search and similar


def _register_search(commands: Any) -> None:
    parser = add_command(
        commands,
        "search",
        "search the archive",
        "Search the archive; prints ranked hits with the passages that matched, "
        "the page of PDF hits, and counts by kind, year, event, perspective and site. "
        "A query that cannot be parsed is searched as plain words. Put -- before a query "
        "that starts with a minus: search -- -Russia ceasefire.",
        epilog=query_help_text(),
    )
    _add_page_options(parser)
    parser.add_argument(
        "--sort",
        choices=("relevance", "date"),
        default="relevance",
        help="best first (the default) or newest first, undated last",
    )
    parser.add_argument("query", nargs="+", help="what to look for")
    parser.set_defaults(run=run_search)


def _register_similar(commands: Any) -> None:
    parser = add_command(
        commands,
        "similar",
        "sources like a given one",
        "List the sources closest in content to a source (more like this): "
        "those that share most of its most telling words.",
    )
    add_json_option(parser)
    parser.add_argument("--limit", type=_count, default=10, metavar="N", help="how many (10)")
    parser.add_argument("source", type=int, metavar="ID", help="the source's id")
    parser.set_defaults(run=run_similar)


def _add_page_options(parser: argparse.ArgumentParser) -> None:
    add_json_option(parser)
    parser.add_argument("--limit", type=_count, default=20, metavar="N", help="hits to show (20)")
    parser.add_argument(
        "--offset", type=_count, default=0, metavar="N", help="hits to skip first (0)"
    )


def _count(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = -1
    if value < 0:
        raise argparse.ArgumentTypeError(f"'{text}' is not a number of 0 or more")
    return value


def run_search(args: argparse.Namespace) -> int:
    query = " ".join(args.query)
    with read_archive(args) as archive:
        prepare_gazetteer(archive)
        results = archive.search(query, limit=args.limit, offset=args.offset, sort=args.sort)
    _print_results(results, json_output=args.json)
    return 0


def run_similar(args: argparse.Namespace) -> int:
    with read_archive(args) as archive:
        hits = archive.similar(args.source, limit=args.limit)
    if args.json:
        print_json({"source": args.source, "hits": [hit.to_json() for hit in hits]})
    elif not hits:
        print(f"No sources like {args.source}.")
    else:
        print(f"Sources like {args.source}:")
        print("\n".join(render_hit(hit, color=sys.stdout.isatty()) for hit in hits))
    return 0


def _print_results(results: SearchResults, *, json_output: bool) -> None:
    if json_output:
        print_json(results.to_json())
    else:
        print(render_results(results, color=sys.stdout.isatty()))


def render_results(results: SearchResults, *, color: bool) -> str:
    lines = [f"{counted(results.total, 'hit')} for {results.query!r}"]
    if results.hits and (results.offset or len(results.hits) < results.total):
        last = results.offset + len(results.hits)
        lines[0] += f" (showing {results.offset + 1}-{last})"
    if results.notes:
        lines.append(f"Searched for: {results.understood}")
        lines += [f"  ({note})" for note in results.notes]
    if results.suggestion:
        lines.append(f"Did you mean: {results.suggestion}")
    for choice in results.place_choices:
        lines += place_choice_lines(choice)
    lines += [render_hit(hit, color=color) for hit in results.hits]
    facets = render_facets(results.facets)
    if facets:
        lines += ["", *facets]
    return "\n".join(lines)


def render_hit(hit: Hit, *, color: bool) -> str:
    page = f"page {hit.page}" if hit.page else ""
    details = [hit.kind, readable_date(hit.published), hit.site, page]
    about = ", ".join(part for part in details if part)
    lines = [f"\n[{hit.id}] {hit.title or '(untitled)'}  ({about})"]
    if hit.snippet:
        lines.append("    " + mark_snippet(hit, color=color))
    if hit.matched_aliases:
        lines.append("    matched: " + ", ".join(hit.matched_aliases))
    return "\n".join(lines)


def render_facets(facets: dict[str, dict[str, int]]) -> list[str]:
    lines = []
    for facet, title in FACET_TITLES.items():
        counts = list(facets.get(facet, {}).items())
        if counts:
            shown = ", ".join(f"{value} {count}" for value, count in counts[:FACETS_SHOWN])
            more = f" and {len(counts) - FACETS_SHOWN} more" if len(counts) > FACETS_SHOWN else ""
            lines.append(f"{title}: {shown}{more}")
    return lines


def mark_snippet(hit: Hit, *, color: bool) -> str:
    start_mark, end_mark = ("\x1b[1;33m", "\x1b[0m") if color else ("[", "]")
    pieces = []
    position = 0
    for start, end in hit.highlights:
        pieces += [hit.snippet[position:start], start_mark, hit.snippet[start:end], end_mark]
        position = end
    pieces.append(hit.snippet[position:])
    return "".join(pieces)


# Saved searches


def _register_saved(commands: Any) -> None:
    group = add_command_group(
        commands,
        "saved",
        "save, list, run and remove named searches",
        "Saved searches keep a query under a name; running one searches afresh. The window "
        "shows them in its sidebar.",
    )
    parser = add_command(group, "add", "save a search", "Save a query under a name.")
    parser.add_argument("name", help="the name to save it as")
    parser.add_argument("query", nargs="+", help="the query (see `search --help`)")
    parser.add_argument("--sort", choices=("relevance", "date"), default="relevance")
    parser.add_argument("--replace", action="store_true", help="replace a search of that name")
    parser.set_defaults(run=run_saved_add)

    parser = add_command(group, "list", "list saved searches", "List saved searches by name.")
    add_json_option(parser)
    parser.set_defaults(run=run_saved_list)

    parser = add_command(
        group, "run", "run a saved search", "Run a saved search and print its hits."
    )
    parser.add_argument("name", help="the saved search's name")
    _add_page_options(parser)
    parser.set_defaults(run=run_saved_run)

    parser = add_command(group, "remove", "delete a saved search", "Delete a saved search.")
    parser.add_argument("name", help="the saved search's name")
    parser.set_defaults(run=run_saved_remove)


def run_saved_add(args: argparse.Namespace) -> int:
    with open_archive(args) as archive:
        saved = archive.saved_searches.add(
            args.name, " ".join(args.query), sort=args.sort, replace=args.replace
        )
    print(f"Saved search '{saved.name}': {saved.query}")
    return 0


def run_saved_list(args: argparse.Namespace) -> int:
    from archive_app.core.saved_searches import SavedSearch

    with read_archive(args) as archive:
        searches = archive.saved_searches.all()
    print_list(
        args,
        searches,
        to_json=SavedSearch.to_json,
        to_text=_saved_line,
        empty="No saved searches yet. Save one with `archive-app saved add NAME QUERY`.",
    )
    return 0


def _saved_line(saved: SavedSearch) -> str:
    order = "  (newest first)" if saved.sort == "date" else ""
    return f"{saved.name}: {saved.query}{order}"


def run_saved_run(args: argparse.Namespace) -> int:
    with read_archive(args) as archive:
        results = archive.saved_searches.run(args.name, limit=args.limit, offset=args.offset)
    _print_results(results, json_output=args.json)
    return 0


def run_saved_remove(args: argparse.Namespace) -> int:
    with open_archive(args) as archive:
        saved = archive.saved_searches.remove(args.name)
    print(f"Removed saved search '{saved.name}'.")
    return 0


# Aliases


def _register_alias(commands: Any) -> None:
    group = add_command_group(
        commands,
        "alias",
        "names that mean the same place or thing",
        "Alias groups hold names of one place or thing (Stepanakert, Khankendi, Xankəndi): a "
        "search for any of them finds all. They apply at once, with no reindex.",
    )
    parser = add_command(
        group,
        "add",
        "group names together",
        "Make the names one alias group. If one of them is already in a group, the others "
        "join that group. A name can belong to one group only.",
    )
    parser.add_argument("names", nargs="+", metavar="NAME", help="the names (two or more)")
    parser.add_argument("--note", default="", metavar="TEXT", help="who uses which name")
    parser.set_defaults(run=run_alias_add)

    parser = add_command(group, "list", "list alias groups", "List alias groups with their ids.")
    add_json_option(parser)
    parser.set_defaults(run=run_alias_list)

    parser = add_command(
        group,
        "remove",
        "remove a group or a name",
        "Remove a whole alias group (give its id) or one name from its group (give the "
        "name); a group left with one name is removed.",
    )
    parser.add_argument("alias", metavar="ID|NAME", help="a group id or a name")
    parser.set_defaults(run=run_alias_remove)


def run_alias_add(args: argparse.Namespace) -> int:
    with open_archive(args) as archive:
        group = archive.aliases.add(args.names, note=args.note)
    print(f"Alias group {_group_line(group)}")
    return 0


def run_alias_list(args: argparse.Namespace) -> int:
    from archive_app.core.aliases import AliasGroup

    with read_archive(args) as archive:
        groups = archive.aliases.all()
    print_list(
        args,
        groups,
        to_json=AliasGroup.to_json,
        to_text=_group_line,
        empty="No aliases yet. Add a group with `archive-app alias add NAME NAME...`.",
    )
    return 0


def _group_line(group: AliasGroup) -> str:
    note = f"  ({group.note})" if group.note else ""
    return f"{group.id}: {', '.join(group.names)}{note}"


def run_alias_remove(args: argparse.Namespace) -> int:
    ref = str(args.alias).strip()
    with open_archive(args) as archive:
        if ref.isdigit():
            removed = archive.aliases.remove_group(int(ref))
            print(f"Removed alias group {_group_line(removed)}")
            return 0
        left = archive.aliases.remove_name(ref)
    if left is None:
        print(f"Removed '{ref}' and its group, which had no other names left.")
    else:
        print(f"Removed '{ref}'; alias group {_group_line(left)}")
    return 0
