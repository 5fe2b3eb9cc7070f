"""``archive-app duplicates``: the same photo under other captions, the same story elsewhere."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from archive_app.cli.common import (
    add_command,
    add_json_option,
    open_archive,
    print_json,
    progress_printer,
)

if TYPE_CHECKING:
    from archive_app.core.archive import Archive
    from archive_app.core.model import Source
    from archive_app.core.reuse import PhotoGroup, TextGroup

EPILOG = """\
Photos count as the same when their perceptual fingerprints are close: resized, recompressed,
turned grey, cropped a little or stamped with a logo bar, a copy is still found; two different
photos of a similar scene are not. Stories count as the same when they share at least half of
their five-word runs (a republished wire story with a new headline or a paragraph cut).

Examples:
  archive-app duplicates                 every group of copies, photos then stories
  archive-app duplicates --images        only photos shown more than once
  archive-app duplicates --texts --json  republished stories, as JSON
"""


def register(commands: Any) -> None:
    parser = add_command(
        commands,
        "duplicates",
        "the same photo or story in several sources",
        "List every photo shown more than once (copies, or one picture in several articles),\n"
        "each with the caption, credit and date each source gives it, earliest first; and\n"
        "every story published more than once, with how much of it the copies share.\n"
        "Sources imported before this was possible are fingerprinted first.",
        epilog=EPILOG,
    )
    kinds = parser.add_mutually_exclusive_group()
    kinds.add_argument("--images", action="store_true", help="only photos")
    kinds.add_argument("--texts", action="store_true", help="only stories")
    add_json_option(parser)
    parser.set_defaults(run=run_duplicates)


def run_duplicates(args: argparse.Namespace) -> int:
    with open_archive(args) as archive:
        catch_up(archive, args)
        photos = [] if args.texts else archive.reuse.photo_groups()
        texts = [] if args.images else archive.reuse.text_groups()
    if args.json:
        groups = [g.to_json() for g in photos] + [g.to_json() for g in texts]
        print_json({"groups": groups})
        return 0
    blocks = [_photo_text(group) for group in photos] + [_story_text(group) for group in texts]
    print("\n\n".join(blocks) if blocks else "No photo or story appears more than once.")
    return 0


def catch_up(archive: Archive, args: argparse.Namespace) -> None:
    """Fingerprint what an older archive lacks, with a progress bar on a terminal."""
    if archive.reuse.pending():
        bar = progress_printer(args, "Fingerprinting")
        archive.reuse.backfill(progress=bar)
        if bar is not None:
            bar.clear()


def same_as(archive: Archive, source: Source, args: argparse.Namespace) -> dict[str, Any]:
    """What ``show --json`` adds: the copies of a photo, or the other sources of a story."""
    catch_up(archive, args)
    if source.kind == "image":
        return {"same_photo": archive.reuse.photo_copies(source.id)}
    return {"same_text": [same.to_json() for same in archive.reuse.same_text(source.id)]}


def _photo_text(group: PhotoGroup) -> str:
    first = f", first seen {group.first_seen}" if group.first_seen else ""
    lines = [f"Same photo, shown {len(group.showings)} times{first}:"]
    for showing in group.showings:
        where = " · ".join(part for part in (showing.published, showing.site) if part)
        credit = f" ({showing.credit})" if showing.credit else ""
        mark = "  first seen" if showing.first_seen else ""
        lines.append(f"  #{showing.source_id} {showing.title} [{where}]{mark}")
        if showing.caption:
            lines.append(f"      “{showing.caption}”{credit}")
    return "\n".join(lines)


def _story_text(group: TextGroup) -> str:
    lines = [f"Same story, in {len(group.members)} sources:"]
    for member in group.members:
        where = " · ".join(part for part in (member.published, member.site) if part)
        lines.append(
            f"  #{member.id} {member.title} [{where}] {round(member.similarity * 100)}% shared"
        )
    return "\n".join(lines)
