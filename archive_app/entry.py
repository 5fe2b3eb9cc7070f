"""What ``archive-app`` runs (and ``python -m archive_app``, and the bundled program).

``archive-app import`` spends about half a second importing the command line before it opens
the archive, and the import's fork server spends most of a second loading the importers for its
workers (:mod:`archive_app.core.fork_server`). So, for ``import``, the fork server is started
first, from here, before the command line is imported: the two load at once on two cores, and
the import's first files are read that much sooner. This module imports only what that needs.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

from archive_app.core.extraction import ExtractionPool

IMPORT_COMMAND = "import"
OPTIONS_WITH_VALUES = ("--archive",)
"""The options that may come before the command and take the next word as their value."""


def main(argv: Sequence[str] | None = None) -> int:
    arguments = list(sys.argv[1:] if argv is None else argv)
    pool = None
    if command_of(arguments) == IMPORT_COMMAND:
        pool = ExtractionPool()
        pool.warm_up()
    try:
        from archive_app.cli import main as command_line

        return command_line(arguments, import_pool=pool)
    finally:
        if pool is not None:  # the archive closed it, unless the archive did not open
            pool.close()


def command_of(arguments: Sequence[str]) -> str:
    """The command the arguments name: their first word that is neither an option nor an
    option's value ('' when there is none)."""
    words = iter(arguments)
    for word in words:
        if word in OPTIONS_WITH_VALUES:
            next(words, None)
        elif not word.startswith("-"):
            return word
    return ""
