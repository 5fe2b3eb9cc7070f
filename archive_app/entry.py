"""What ``archive-app`` runs (and ``python -m archive_app``, and the bundled program).

``archive-app import`` spends about half a second importing the command line before it opens
the archive, and the import's fork server spends most of a second loading the importers for its
workers (:mod:`archive_app.core.fork_server`). So, for ``import``, the fork server is started
first, from here, before the command line is imported: the two load at once on two cores, and
the import's first files are read that much sooner. The server is started with nothing loaded
but :mod:`archive_app.core.fork_server`; the pool it serves is made once it runs.
"""

from __future__ import annotations

import atexit
import contextlib
import gc
import os
import sys
import threading
from collections.abc import Sequence

from archive_app.core.fork_server import ForkServer, forking_supported

IMPORT_COMMAND = "import"
IMPORT_YOUNG_OBJECTS = 7000
"""How many new objects start a young collection during an import (Python's default: 700)."""
OPTIONS_WITH_VALUES = ("--archive",)
"""The options that may come before the command and take the next word as their value."""


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line. Run as the program (``argv`` None: the words are the process's
    own), ``import`` ends the process itself when it is done (:func:`end_at_once`)."""
    arguments = list(sys.argv[1:] if argv is None else argv)
    importing = command_of(arguments) == IMPORT_COMMAND
    pool = None
    if importing:
        server = ForkServer.start() if forking_supported() else None
        from archive_app.core.extraction import ExtractionPool

        pool = ExtractionPool(server=server)
    try:
        from archive_app.cli import main as command_line

        if importing and argv is None:
            collect_for_an_import()
        code = command_line(arguments, import_pool=pool)
    finally:
        if pool is not None:  # the archive closed it, unless the archive did not open
            pool.close()
    if importing and argv is None:
        end_at_once(code)
    return code


def collect_for_an_import() -> None:
    """Tune the garbage collector for a process that imports and ends: what is loaded by now
    lasts its life, so it is set aside (a full collection no longer walks it), and young
    objects are collected a tenth as often (an import makes many short-lived objects, the
    index's postings, and few cycles). The collector took 40 ms of an import of 61 pages, now
    about 20."""
    gc.freeze()
    gc.set_threshold(IMPORT_YOUNG_OBJECTS, *gc.get_threshold()[1:])


def end_at_once(code: int) -> None:
    """End the process without the interpreter's teardown, once the command has closed what it
    opened and only this thread runs: the exit handlers run (logging is flushed, temporary
    files go), the output is flushed, but the memory of the modules and the index is left to
    the system to free rather than taken apart object by object (a tenth of a second after an
    import, as long as reading a dozen pages)."""
    if threading.active_count() > 1:
        return
    atexit._run_exitfuncs()
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(BrokenPipeError):  # a reader gone: dropped, as in cli.pipe
            stream.flush()
    os._exit(code)


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
