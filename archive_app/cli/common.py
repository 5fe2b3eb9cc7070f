"""What every command shares: declaring commands, opening the archive, printing results, a
progress bar."""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import ExitStack, contextmanager
from pathlib import Path
from typing import Any, TextIO, TypeVar

from archive_app.core.archive import Archive
from archive_app.core.errors import ArchiveLockedError
from archive_app.core.paths import default_archive_path
from archive_app.core.progress import Progress, ProgressCallback

Item = TypeVar("Item")


def add_command(
    commands: Any,
    name: str,
    help_text: str,
    description: str | None = None,
    *,
    epilog: str | None = None,
) -> argparse.ArgumentParser:
    """A command, or a command of a group, taking ``--archive``. A command with an epilog
    (examples, the query language) prints its description and epilog as written, line for
    line."""
    parser: argparse.ArgumentParser = commands.add_parser(
        name,
        help=help_text,
        description=description,
        epilog=epilog,
        formatter_class=argparse.RawDescriptionHelpFormatter if epilog else argparse.HelpFormatter,
    )
    add_archive_option(parser)
    return parser


def add_command_group(
    commands: Any,
    name: str,
    help_text: str,
    description: str,
    *,
    title: str = "commands",
    metavar: str = "COMMAND",
) -> Any:
    """A command made of commands (``event add``, ``event list``); what to add them to with
    :func:`add_command`. Given none of them, it prints its help and exits with status 2."""
    parser = add_command(commands, name, help_text, description)
    parser.set_defaults(run=lambda args: _print_help(parser))
    return parser.add_subparsers(title=title, metavar=metavar)


def _print_help(parser: argparse.ArgumentParser) -> int:
    parser.print_help()
    return 2


def add_archive_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--archive",
        metavar="DIR",
        type=Path,
        default=argparse.SUPPRESS,
        help="the archive folder (default: $ARCHIVE_APP_HOME, else your data folder)",
    )


def add_json_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="print JSON instead of text")


def archive_path(args: argparse.Namespace) -> Path:
    path: Path | None = getattr(args, "archive", None)
    return path if path is not None else default_archive_path()


@contextmanager
def open_archive(args: argparse.Namespace, *, create: bool = False) -> Iterator[Archive]:
    """The archive, to change it. Only commands that bring sources in ``create`` one."""
    bar = progress_printer(args, "Opening")
    pool = getattr(args, "import_pool", None)  # started before the command line was loaded
    with Archive.open(archive_path(args), create=create, progress=bar, pool=pool) as archive:
        if bar is not None:
            bar.clear()
        yield archive


@contextmanager
def read_archive(args: argparse.Namespace) -> Iterator[Archive]:
    """The archive, to read it: as :func:`open_archive` when no other program has it open,
    else read beside that program (the window) as it stands."""
    with ExitStack() as stack:
        try:
            archive = stack.enter_context(open_archive(args))
        except ArchiveLockedError:
            archive = stack.enter_context(Archive.open(archive_path(args), read_only=True))
        yield archive


def print_json(data: Any, out: TextIO | None = None) -> None:
    stream = out or sys.stdout
    json.dump(data, stream, ensure_ascii=False, indent=2)
    stream.write("\n")


def print_list(
    args: argparse.Namespace,
    items: Sequence[Item],
    *,
    to_json: Callable[[Item], Any],
    to_text: Callable[[Item], str],
    empty: str,
) -> None:
    """What a list command prints: the items as JSON with ``--json``, else each as text, or
    ``empty`` (which says how to add one) when there are none."""
    if args.json:
        print_json([to_json(item) for item in items])
    elif not items:
        print(empty)
    else:
        print("\n".join(to_text(item) for item in items))


def shows_progress(args: argparse.Namespace) -> bool:
    return not getattr(args, "json", False) and sys.stderr.isatty() and sys.stdout.isatty()


class ProgressBar:
    """A one-line bar with counts on stderr, redrawn at most ten times a second."""

    def __init__(self, label: str) -> None:
        self.label = label
        self._last_draw = 0.0
        self._lock = threading.Lock()
        self._drawn = False

    def __call__(self, progress: Progress) -> None:
        now = time.monotonic()
        finished = progress.total and progress.done >= progress.total
        with self._lock:
            if now - self._last_draw < 0.1 and not finished:
                return
            self._last_draw = now
            self._draw(progress)

    def _draw(self, progress: Progress) -> None:
        width = shutil.get_terminal_size((80, 20)).columns
        counts = f" {progress.done}/{progress.total}" if progress.total else ""
        bar_width = max(10, min(30, width - 50))
        filled = int(bar_width * progress.done / progress.total) if progress.total else 0
        bar = "█" * filled + "░" * (bar_width - filled)
        label = progress.message or self.label
        line = f"{self.label} {bar}{counts} {label}"[: width - 1]
        sys.stderr.write("\r\x1b[2K" + line)
        sys.stderr.flush()
        self._drawn = True

    def clear(self) -> None:
        if self._drawn:
            sys.stderr.write("\r\x1b[2K")
            sys.stderr.flush()


def progress_printer(args: argparse.Namespace, label: str) -> ProgressBar | None:
    return ProgressBar(label) if shows_progress(args) else None


def chain_progress(*callbacks: ProgressCallback | None) -> ProgressCallback:
    def report(progress: Progress) -> None:
        for callback in callbacks:
            if callback is not None:
                callback(progress)

    return report
