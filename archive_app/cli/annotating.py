"""Commands about annotations and notes: annotate, annotations, annotation edit/remove, note.
(``export annotations`` is in :mod:`archive_app.cli.export`.)"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, Any

from archive_app.cli.common import (
    add_command,
    add_command_group,
    add_json_option,
    open_archive,
    print_list,
    read_archive,
)
from archive_app.cli.research import add_label_options
from archive_app.core.errors import InvalidInputError
from archive_app.core.model import Annotation
from archive_app.core.research import counted

if TYPE_CHECKING:
    from archive_app.core.annotations import Region


def register(commands: Any) -> None:
    parser = add_command(
        commands,
        "annotate",
        "annotate a passage or a region of a source",
        "Annotate a passage of a source's text (--quote) or a region of an image "
        "or of a PDF page (--region), with a note, tags, events and perspectives.",
        epilog="Examples:\n"
        "  archive-app annotate 3 --quote 'Residents of Shusha fled' --note 'cf. source 7'\n"
        "  archive-app annotate 3 --quote 'Shusha' --occurrence 2 --tag exodus\n"
        "  archive-app annotate 9 --region 0.1,0.2,0.3,0.25 --note 'the shelled building'\n"
        "  archive-app annotate 12 --region 0,0,0.5,0.5 --page 3 --note 'map'",
    )
    parser.add_argument("id", type=int, help="the source's id")
    target = parser.add_mutually_exclusive_group(required=True)
    target.add_argument("--quote", metavar="TEXT", help="the passage, as it appears in the text")
    target.add_argument(
        "--region",
        type=parse_region,
        metavar="X,Y,W,H",
        help="a rectangle relative to the image or page: numbers from 0 to 1",
    )
    parser.add_argument(
        "--occurrence",
        type=int,
        metavar="N",
        help="which occurrence of the quote (from 1), when it appears more than once",
    )
    parser.add_argument("--page", type=int, metavar="N", help="the PDF page of the region")
    parser.add_argument("--note", default="", metavar="TEXT", help="the note (Markdown)")
    add_label_options(parser, "add")
    parser.set_defaults(run=run_annotate)

    parser = add_command(
        commands,
        "annotations",
        "list annotations",
        "List the annotations of one source, or of all sources, with their notes, "
        "tags, events and perspectives. Passages that could not be found again after the text "
        "was re-extracted are marked.",
    )
    add_json_option(parser)
    parser.add_argument("id", type=int, nargs="?", help="only this source's annotations")
    parser.set_defaults(run=run_annotations)

    _register_annotation_group(commands)

    parser = add_command(
        commands,
        "note",
        "set a source's notes",
        "Set a source's notes (plain text or Markdown), replacing what was there. "
        "Give - as TEXT to read the notes from standard input; give '' to clear them.",
    )
    parser.add_argument("id", type=int, help="the source's id")
    parser.add_argument("text", metavar="TEXT", help="the notes, or - for standard input")
    parser.set_defaults(run=run_note)


def _register_annotation_group(commands: Any) -> None:
    group = add_command_group(
        commands,
        "annotation",
        "edit or remove an annotation",
        "Edit the note of an annotation, or remove annotations. Annotation ids "
        "are listed by `archive-app annotations`.",
    )
    edit = add_command(
        group, "edit", "replace an annotation's note", "Replace an annotation's note."
    )
    edit.add_argument("annotation", type=int, metavar="ANNOTATION", help="the annotation's id")
    edit.add_argument("--note", required=True, metavar="TEXT", help="the new note")
    edit.set_defaults(run=run_annotation_edit)
    remove = add_command(group, "remove", "delete annotations", "Delete annotations by id.")
    remove.add_argument(
        "annotations", type=int, nargs="+", metavar="ANNOTATION", help="annotation ids"
    )
    remove.set_defaults(run=run_annotation_remove)


def parse_region(text: str) -> Region:
    """``x,y,w,h`` as four numbers (the core checks that they lie inside the image)."""
    from archive_app.core.annotations import Region

    parts = text.replace(" ", "").split(",")
    try:
        x, y, width, height = (float(part) for part in parts)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"'{text}' is not a region: give four numbers x,y,w,h from 0 to 1, e.g. 0.1,0.2,0.3,0.4"
        ) from None
    return Region(x, y, width, height)


def run_annotate(args: argparse.Namespace) -> int:
    from archive_app.core.annotations import Region

    if args.region is not None and args.occurrence is not None:
        raise InvalidInputError("--occurrence goes with --quote, not with --region.")
    if args.quote is not None and args.page is not None:
        raise InvalidInputError("--page goes with --region, not with --quote.")
    labels = {"events": args.event, "perspectives": args.perspective, "tags": args.tag}
    with open_archive(args) as archive:
        if args.quote is not None:
            annotation, _ = archive.annotations.add_quote(
                args.id, args.quote, occurrence=args.occurrence, note=args.note, **labels
            )
        else:
            region = Region(
                args.region.x, args.region.y, args.region.width, args.region.height, args.page
            )
            annotation, _ = archive.annotations.add_region(
                args.id, region, note=args.note, **labels
            )
    print(f"Added annotation {annotation.id} to source {args.id}: {_where(annotation)}")
    return 0


def run_annotations(args: argparse.Namespace) -> int:
    with read_archive(args) as archive:
        if args.id is None:
            annotations = archive.annotations.all()
        else:
            annotations = archive.annotations.of_source(args.id)
    print_list(
        args,
        annotations,
        to_json=Annotation.to_dict,
        to_text=render_annotation,
        empty="No annotations.",
    )
    return 0


def render_annotation(annotation: Annotation) -> str:
    lines = [f"#{annotation.id}  source {annotation.source_id}  {_where(annotation)}"]
    if annotation.note:
        lines += [f"    {line}" for line in annotation.note.splitlines()]
    labels = [
        (name, [ref.name for ref in refs])
        for name, refs in (
            ("events", annotation.events),
            ("perspectives", annotation.perspectives),
            ("tags", annotation.tags),
        )
    ]
    shown = [f"{name}: {', '.join(values)}" for name, values in labels if values]
    if shown:
        lines.append("    " + " · ".join(shown))
    return "\n".join(lines)


def _where(annotation: Annotation) -> str:
    if annotation.target == "text":
        status = {"fuzzy": "  (found again with changes)", "orphaned": "  (NOT FOUND in the text)"}
        return (
            f"characters {annotation.start}–{annotation.end} “{annotation.quote_exact}”"
            f"{status.get(annotation.anchor_status, '')}"
        )
    box = ",".join(
        f"{value:g}"
        for value in (annotation.x, annotation.y, annotation.width, annotation.height)
        if value is not None
    )
    page = f" on page {annotation.page}" if annotation.page is not None else ""
    return f"region {box}{page}"


def run_annotation_edit(args: argparse.Namespace) -> int:
    with open_archive(args) as archive:
        archive.annotations.edit_note(args.annotation, args.note)
    print(f"Saved the note of annotation {args.annotation}.")
    return 0


def run_annotation_remove(args: argparse.Namespace) -> int:
    with open_archive(args) as archive:
        archive.annotations.delete(*args.annotations)
    print(f"Deleted {counted(len(set(args.annotations)), 'annotation')}.")
    return 0


def run_note(args: argparse.Namespace) -> int:
    text = sys.stdin.read() if args.text == "-" else args.text
    with open_archive(args) as archive:
        archive.update_source(args.id, notes=text)
    print(
        f"Saved the notes of source {args.id}."
        if text.strip()
        else f"Cleared the notes of source {args.id}."
    )
    return 0
