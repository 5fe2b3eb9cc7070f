"""Commands of the research model: events, perspectives, tags, and assigning them to sources.
Annotations, notes and the annotation export are in :mod:`.annotating`."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from archive_app.cli.common import (
    add_command,
    add_command_group,
    add_json_option,
    open_archive,
    print_list,
    read_archive,
)
from archive_app.core.dates import readable_date
from archive_app.core.errors import InvalidInputError
from archive_app.core.research import InUseError, Kind, counted

if TYPE_CHECKING:
    from archive_app.core.events import EventNode
    from archive_app.core.perspectives import Perspective
    from archive_app.core.tags import Tag

DATE_HELP = "a year (2020), a month (2020-09) or a day (2020-09-27)"


def register(commands: Any) -> None:
    _register_events(commands)
    _register_perspectives(commands)
    _register_tags(commands)
    _register_assigning(commands)


def add_label_options(parser: argparse.ArgumentParser, verb: str) -> None:
    """``--event``, ``--perspective`` and ``--tag``, each allowed several times."""
    parser.add_argument(
        "--event", action="append", default=[], metavar="E", help=f"an event to {verb} (repeatable)"
    )
    parser.add_argument(
        "--perspective",
        action="append",
        default=[],
        metavar="P",
        help=f"a perspective to {verb} (repeatable)",
    )
    parser.add_argument(
        "--tag", action="append", default=[], metavar="T", help=f"a tag to {verb} (repeatable)"
    )


# Events


def _register_events(commands: Any) -> None:
    group = add_command_group(
        commands,
        "event",
        "add, list, edit, move and remove events",
        "Events are dated happenings that form a tree: a conflict, its wars, their battles. "
        "Sources and annotations are tagged with them (see `tag` and `annotate`).",
    )
    parser = add_command(group, "add", "add an event", "Add an event. Names are unique (any case).")
    parser.add_argument("name", help="the event's name")
    parser.add_argument("--parent", metavar="EVENT", help="the event it is part of")
    _add_event_fields(parser)
    parser.set_defaults(run=run_event_add)

    parser = add_command(
        group,
        "list",
        "the event tree",
        "List events as an indented tree with their dates, place and how many sources carry each.",
    )
    add_json_option(parser)
    parser.set_defaults(run=run_event_list)

    parser = add_command(
        group,
        "edit",
        "rename an event or change its dates, place or description",
        "Change an event; what is not given stays. An empty value clears a field "
        "(--end ''). Everything tagged with the event keeps it.",
    )
    parser.add_argument("event", help="the event's name or id")
    parser.add_argument("--name", help="its new name")
    _add_event_fields(parser)
    parser.set_defaults(run=run_event_edit)

    parser = add_command(
        group,
        "move",
        "put an event under another one",
        "Move an event (with its sub-events) under another event, or to the top level.",
    )
    parser.add_argument("event", help="the event's name or id")
    where = parser.add_mutually_exclusive_group(required=True)
    where.add_argument("--parent", metavar="EVENT", help="the event to put it under")
    where.add_argument("--root", action="store_true", help="make it a top-level event")
    parser.set_defaults(run=run_event_move)

    parser = add_command(
        group,
        "remove",
        "delete an event",
        "Delete an event. Its sub-events move up to its parent. An event that sources or "
        "annotations carry is only deleted with --force, which takes it off them.",
    )
    parser.add_argument("event", help="the event's name or id")
    parser.add_argument("--force", action="store_true", help="delete it even if it is in use")
    parser.set_defaults(run=run_event_remove)


def _add_event_fields(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--start", metavar="DATE", help=f"when it began: {DATE_HELP}")
    parser.add_argument("--end", metavar="DATE", help=f"when it ended: {DATE_HELP}")
    parser.add_argument("--place", help="where it happened")
    parser.add_argument("--description", metavar="TEXT", help="what it was")


def run_event_add(args: argparse.Namespace) -> int:
    with open_archive(args) as archive:
        event, _ = archive.events.create(
            args.name,
            parent=args.parent,
            start=args.start or "",
            end=args.end or "",
            place=args.place or "",
            description=args.description or "",
        )
    print(f"Added event '{event.name}' (id {event.id}).")
    return 0


def run_event_list(args: argparse.Namespace) -> int:
    from archive_app.core.events import EventNode

    with read_archive(args) as archive:
        tree = archive.events.tree()
    print_list(
        args,
        tree,
        to_json=EventNode.to_dict,
        to_text=render_event,
        empty="No events yet. Add one with `archive-app event add NAME`.",
    )
    return 0


def render_event(node: EventNode, depth: int = 0) -> str:
    """An event's line and, indented below it, its sub-events'."""
    event = node.event
    details = [part for part in (_span(event.start, event.end), event.place) if part]
    count = counted(event.source_count, "source")
    where = f"  ({', '.join(details)})" if details else ""
    line = f"{'  ' * depth}{event.name}{where}  · {count}  [id {event.id}]"
    return "\n".join([line, *(render_event(child, depth + 1) for child in node.children)])


def _span(start: str, end: str) -> str:
    start, end = readable_date(start), readable_date(end)
    if start and end:
        return start if start == end else f"{start} – {end}"
    if start:
        return f"from {start}"
    return f"until {end}" if end else ""


def run_event_edit(args: argparse.Namespace) -> int:
    with open_archive(args) as archive:
        archive.events.edit(
            args.event,
            name=args.name,
            start=args.start,
            end=args.end,
            place=args.place,
            description=args.description,
        )
        event = archive.events.get(args.name or args.event)
    print(f"Saved event '{event.name}'.")
    return 0


def run_event_move(args: argparse.Namespace) -> int:
    with open_archive(args) as archive:
        archive.events.move(args.event, None if args.root else args.parent)
    where = "to the top level" if args.root else f"under '{args.parent}'"
    print(f"Moved '{args.event}' {where}.")
    return 0


def run_event_remove(args: argparse.Namespace) -> int:
    with open_archive(args) as archive:
        event = archive.events.get(args.event)
        _delete_or_say_how(
            "event", event.name, lambda: archive.events.delete(event.id, force=args.force)
        )
    print(f"Deleted event '{event.name}'.")
    return 0


def _delete_or_say_how(kind: Kind, name: str, delete: Callable[[], object]) -> None:
    """Delete an event or perspective; if sources or annotations carry it (and there was no
    --force), say that nothing was deleted and how to delete it anyway."""
    try:
        delete()
    except InUseError as error:
        raise InUseError(
            f"The {kind} '{name}' is assigned to {counted(error.sources, 'source')} and "
            f"{counted(error.annotations, 'annotation')}; nothing was deleted. Run again with "
            "--force to delete it and take it off them.",
            sources=error.sources,
            annotations=error.annotations,
        ) from error


# Perspectives


def _register_perspectives(commands: Any) -> None:
    group = add_command_group(
        commands,
        "perspective",
        "add, list, edit and remove perspectives",
        "Perspectives are the viewpoints sources take (a government, a wire service, an "
        "op-ed), each with a colour.",
    )
    parser = add_command(
        group,
        "add",
        "add a perspective",
        "Add a perspective. Without --color it gets a distinct colour of its own.",
    )
    parser.add_argument("name", help="the perspective's name")
    parser.add_argument("--description", metavar="TEXT", help="who or what it stands for")
    parser.add_argument("--color", metavar="#RRGGBB", help="its colour, e.g. #1f77b4")
    parser.set_defaults(run=run_perspective_add)

    parser = add_command(
        group, "list", "list perspectives", "List perspectives with their colours and counts."
    )
    add_json_option(parser)
    parser.set_defaults(run=run_perspective_list)

    parser = add_command(
        group, "edit", "change a perspective", "Change a perspective; what is not given stays."
    )
    parser.add_argument("perspective", help="the perspective's name or id")
    parser.add_argument("--name", help="its new name")
    parser.add_argument("--description", metavar="TEXT", help="its new description")
    parser.add_argument("--color", metavar="#RRGGBB", help="its new colour")
    parser.set_defaults(run=run_perspective_edit)

    parser = add_command(
        group,
        "remove",
        "delete a perspective",
        "Delete a perspective. One that sources or annotations carry is only deleted with "
        "--force, which takes it off them.",
    )
    parser.add_argument("perspective", help="the perspective's name or id")
    parser.add_argument("--force", action="store_true", help="delete it even if it is in use")
    parser.set_defaults(run=run_perspective_remove)


def run_perspective_add(args: argparse.Namespace) -> int:
    with open_archive(args) as archive:
        perspective, _ = archive.perspectives.create(
            args.name, description=args.description or "", color=args.color
        )
    print(f"Added perspective '{perspective.name}' ({perspective.color}, id {perspective.id}).")
    return 0


def run_perspective_list(args: argparse.Namespace) -> int:
    from archive_app.core.perspectives import Perspective

    with read_archive(args) as archive:
        perspectives = archive.perspectives.all()
    print_list(
        args,
        perspectives,
        to_json=Perspective.to_dict,
        to_text=_perspective_line,
        empty="No perspectives yet. Add one with `archive-app perspective add NAME`.",
    )
    return 0


def _perspective_line(perspective: Perspective) -> str:
    about = f"  — {perspective.description}" if perspective.description else ""
    return (
        f"{perspective.color}  {perspective.name}  · "
        f"{counted(perspective.source_count, 'source')}, "
        f"{counted(perspective.annotation_count, 'annotation')}  [id {perspective.id}]{about}"
    )


def run_perspective_edit(args: argparse.Namespace) -> int:
    with open_archive(args) as archive:
        archive.perspectives.edit(
            args.perspective,
            name=args.name,
            description=args.description,
            color=args.color,
        )
    print(f"Saved perspective '{args.name or args.perspective}'.")
    return 0


def run_perspective_remove(args: argparse.Namespace) -> int:
    with open_archive(args) as archive:
        perspective = archive.perspectives.get(args.perspective)
        _delete_or_say_how(
            "perspective",
            perspective.name,
            lambda: archive.perspectives.delete(perspective.id, force=args.force),
        )
    print(f"Deleted perspective '{perspective.name}'.")
    return 0


# Tags


def _register_tags(commands: Any) -> None:
    group = add_command_group(
        commands,
        "tags",
        "list, rename, merge and remove tags",
        "Tags are free keywords on sources and annotations, created the first time they are "
        "used (see `tag`).",
    )
    parser = add_command(
        group, "list", "list tags", "List tags with how many sources and annotations."
    )
    add_json_option(parser)
    parser.set_defaults(run=run_tags_list)

    parser = add_command(group, "rename", "rename a tag", "Rename a tag everywhere it is used.")
    parser.add_argument("tag", help="the tag")
    parser.add_argument("new_name", metavar="NEW", help="its new name")
    parser.set_defaults(run=run_tags_rename)

    parser = add_command(
        group,
        "merge",
        "merge tags into one",
        "Merge tags: whatever carried any of them carries the --into tag instead (created "
        "if new), and they are deleted.",
    )
    parser.add_argument("tags", nargs="+", metavar="TAG", help="the tags to merge")
    parser.add_argument("--into", required=True, metavar="TAG", help="the tag to keep")
    parser.set_defaults(run=run_tags_merge)

    parser = add_command(
        group, "remove", "delete a tag", "Delete a tag and take it off every source and annotation."
    )
    parser.add_argument("tag", help="the tag")
    parser.set_defaults(run=run_tags_remove)


def run_tags_list(args: argparse.Namespace) -> int:
    from archive_app.core.tags import Tag

    with read_archive(args) as archive:
        tags = archive.tags.all()
    print_list(
        args,
        tags,
        to_json=Tag.to_dict,
        to_text=_tag_line,
        empty="No tags yet. Tag a source with `archive-app tag ID --tag WORD`.",
    )
    return 0


def _tag_line(tag: Tag) -> str:
    return (
        f"{tag.name}  · {counted(tag.source_count, 'source')}, "
        f"{counted(tag.annotation_count, 'annotation')}"
    )


def run_tags_rename(args: argparse.Namespace) -> int:
    with open_archive(args) as archive:
        archive.tags.rename(args.tag, args.new_name)
    print(f"Renamed tag '{args.tag}' to '{args.new_name}'.")
    return 0


def run_tags_merge(args: argparse.Namespace) -> int:
    with open_archive(args) as archive:
        archive.tags.merge(args.tags, args.into)
        merged = archive.tags.get(args.into)
    into = merged.name.casefold()
    folded = ", ".join(f"'{name}'" for name in args.tags if name.casefold() != into)
    print(
        f"Merged {folded or 'nothing'} into '{merged.name}', which is now on "
        f"{counted(merged.source_count, 'source')} and "
        f"{counted(merged.annotation_count, 'annotation')}."
    )
    return 0


def run_tags_remove(args: argparse.Namespace) -> int:
    with open_archive(args) as archive:
        archive.tags.delete(args.tag)
    print(f"Deleted tag '{args.tag}'.")
    return 0


# Assigning


def _register_assigning(commands: Any) -> None:
    parser = add_command(
        commands,
        "tag",
        "give sources events, perspectives and tags",
        "Give sources events, perspectives and tags; each option may be repeated. "
        "Events and perspectives must exist; tags are created on first use. "
        "Example: archive-app tag 3 4 --event '2nd Karabakh War' --tag shelling",
    )
    parser.add_argument("ids", nargs="+", type=int, metavar="ID", help="source ids")
    add_label_options(parser, "add")
    parser.set_defaults(run=run_tag)

    parser = add_command(
        commands,
        "untag",
        "take events, perspectives and tags off sources",
        "Take events, perspectives and tags off sources (they stay in the archive; "
        "delete them with `event remove`, `perspective remove` or `tags remove`).",
    )
    parser.add_argument("ids", nargs="+", type=int, metavar="ID", help="source ids")
    add_label_options(parser, "remove")
    parser.set_defaults(run=run_untag)


def run_tag(args: argparse.Namespace) -> int:
    _require_labels(args)
    with open_archive(args) as archive:
        archive.assignments.add_to_sources(
            args.ids, events=args.event, perspectives=args.perspective, tags=args.tag
        )
    print(f"Labelled {_sources(args.ids)}.")
    return 0


def run_untag(args: argparse.Namespace) -> int:
    _require_labels(args)
    with open_archive(args) as archive:
        archive.assignments.remove_from_sources(
            args.ids, events=args.event, perspectives=args.perspective, tags=args.tag
        )
    print(f"Removed labels from {_sources(args.ids)}.")
    return 0


def _require_labels(args: argparse.Namespace) -> None:
    if not (args.event or args.perspective or args.tag):
        raise InvalidInputError("Give at least one --event, --perspective or --tag.")


def _sources(ids: list[int]) -> str:
    return counted(len(set(ids)), "source")
