"""The built-in gazetteer on the command line: which places a name may mean, choosing one,
switching names or the whole gazetteer off."""

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
)
from archive_app.core.archive import Archive
from archive_app.core.errors import InvalidInputError

if TYPE_CHECKING:
    from archive_app.core.search.gazetteer import Place, PlaceChoice

PLACES_SHOWN = 8


def register(commands: Any) -> None:
    group = add_command_group(
        commands,
        "places",
        "the built-in gazetteer of place names",
        "A search for a place's name also finds its other names, in every script, from "
        "GeoNames (Stepanakert, Khankendi, Xankəndi, Степанакерт, Ստեփանակերտ). A name that "
        "several places have is searched as typed until you choose which place it means. "
        "Your own alias groups take precedence.",
    )
    parser = add_command(
        group,
        "show",
        "the places a name may mean",
        "List the places with a name, and the names each brings into a search.",
    )
    add_json_option(parser)
    parser.add_argument("name", help="a place name")
    parser.set_defaults(run=run_show)

    parser = add_command(
        group,
        "choose",
        "say which place a name means",
        "Remember which place a name "
        "means (its id from `places show`), or `none` to search the name as typed.",
    )
    parser.add_argument("name", help="the name")
    parser.add_argument("place", metavar="ID|none", help="the place's id, or none")
    parser.set_defaults(run=run_choose)

    for verb, hidden in (("hide", True), ("unhide", False)):
        parser = add_command(
            group,
            verb,
            f"switch names of a place {'off' if hidden else 'on again'}",
            f"Switch names of a place {'off' if hidden else 'on again'} (with their spellings "
            "in other scripts).",
        )
        parser.add_argument("place", type=int, metavar="ID", help="the place's id")
        parser.add_argument("names", nargs="+", metavar="NAME")
        parser.set_defaults(run=run_hide, hidden=hidden)

    for verb, enabled in (("on", True), ("off", False)):
        parser = add_command(
            group, verb, f"switch the gazetteer {verb}", f"Switch the whole gazetteer {verb}."
        )
        parser.set_defaults(run=run_switch, enabled=enabled)


def prepare_gazetteer(archive: Archive) -> None:
    """Build the gazetteer's table before the first search that needs it (once)."""
    if archive.gazetteer.enabled and not archive.gazetteer.path.exists():
        if sys.stderr.isatty():
            print(
                "Building the gazetteer of place names (once, about 15 seconds)…", file=sys.stderr
            )
        archive.gazetteer.prepare()


def place_choice_lines(choice: PlaceChoice) -> list[str]:
    lines = [
        f"'{choice.name}' is a name of several places, so it was searched as typed. Choose one "
        f'with `archive-app places choose "{choice.name}" ID`:'
    ]
    lines += [f"    {place.id:>9}  {place.label}" for place in choice.places[:PLACES_SHOWN]]
    if len(choice.places) > PLACES_SHOWN:
        lines.append(f"    and {len(choice.places) - PLACES_SHOWN} more (`places show`)")
    return lines


def run_show(args: argparse.Namespace) -> int:
    from archive_app.core.search.gazetteer import place_key

    with open_archive(args) as archive:
        prepare_gazetteer(archive)
        places = archive.gazetteer.places(args.name)
        names = {place.id: archive.gazetteer.names(place.id) for place in places}
        chosen = archive.gazetteer.choices().get(place_key(args.name))
        enabled = archive.gazetteer.enabled
    if args.json:
        print_json([{**place.to_json(), "names": names[place.id]} for place in places])
        return 0
    if not enabled:
        print("The gazetteer is off (`archive-app places on`).")
    if not places:
        print(f"No place is called '{args.name}'.")
    for place in places:
        print(_place_line(place, chosen) + "\n    " + ", ".join(names[place.id]))
    return 0


def _place_line(place: Place, chosen: int | None) -> str:
    return f"{place.id}  {place.label}{'  (chosen)' if chosen == place.id else ''}"


def run_choose(args: argparse.Namespace) -> int:
    from archive_app.core.search.gazetteer import NO_PLACE

    with open_archive(args) as archive:
        prepare_gazetteer(archive)
        places = {place.id: place for place in archive.gazetteer.places(args.name)}
        if args.place.lower() == "none":
            archive.gazetteer.choose(args.name, NO_PLACE)
            print(f"'{args.name}' is searched as typed.")
            return 0
        if not args.place.isdigit() or int(args.place) not in places:
            raise InvalidInputError(
                f"'{args.place}' is not one of the places called '{args.name}' "
                f'(see `archive-app places show "{args.name}"`).'
            )
        archive.gazetteer.choose(args.name, int(args.place))
    print(f"'{args.name}' means {places[int(args.place)].label}.")
    return 0


def run_hide(args: argparse.Namespace) -> int:
    with open_archive(args) as archive:
        archive.gazetteer.hide(args.place, args.names, hidden=args.hidden)
    state = "off" if args.hidden else "on again"
    print(f"Switched {', '.join(args.names)} {state}.")
    return 0


def run_switch(args: argparse.Namespace) -> int:
    with open_archive(args) as archive:
        archive.gazetteer.set_enabled(args.enabled)
    print(f"The gazetteer is {'on' if args.enabled else 'off'}.")
    return 0
