"""The program a worker process runs: ``python -m archive_app.core.worker TASK_FD RESULT_FD``,
or, to fork workers (:mod:`archive_app.core.fork_server`),
``python -m archive_app.core.worker --fork-server SOCKET_FD``.

Workers are started as fresh interpreters rather than with ``multiprocessing``, which would
re-run the main script of whatever program uses the archive (a researcher's own script
included). Tasks and results travel as pickles over two pipes.
"""

from __future__ import annotations

import contextlib
import gc
import importlib
import socket
import sys
import threading
import time
import traceback
from collections.abc import Callable
from multiprocessing.connection import Connection

from archive_app.core.errors import ImportFailure
from archive_app.core.extraction import (
    WORKER_ALIVE,
    WORKER_READY,
    ExtractionResult,
    ExtractionTask,
)
from archive_app.core.fork_server import FORK_SERVER_FLAG, WORKER_MEMORY_LIMIT, serve_forks
from archive_app.core.import_files import os_reason
from archive_app.core.messages import QT_TRANSLATE_NOOP, Message
from archive_app.core.reuse.texts import TEXT_KINDS, signature
from archive_app.core.search.ahead import analyse_body
from archive_app.importers.document import ExtractedDocument

HEARTBEAT_SECONDS = 0.25


def preload() -> None:
    """Load the web page importer, the slowest to load and the most used, and the language
    detector's model, so that loading them is no file's time. The model is read on a thread
    meanwhile: most of its time is decompressing, which leaves the interpreter free."""
    from archive_app.importers.language import load_detector

    detector = threading.Thread(target=load_detector, name="load-language-detector")
    detector.start()
    importlib.import_module("archive_app.importers.html")
    detector.join()
    load_detector()  # the thread's result, or its error raised here


_REHEARSAL_PARAGRAPH = (
    "<p>The harbour council met on Tuesday evening to discuss the repairs to the old pier, "
    "which storms damaged twice last winter, and agreed to ask the region for the money. "
    "The pier’s café stays open.</p>"
)
_REHEARSAL_PAGE = f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Council agrees pier repairs | The Harbour Gazette</title>
<meta name="description" content="The council asks the region to pay for the pier.">
<meta property="og:site_name" content="The Harbour Gazette">
<meta name="author" content="Ann Writer"></head><body><header><nav><ul><li><a href="/">Home</a>
</li><li><a href="/news">News</a></li></ul></nav></header><main><article>
<h1>Council agrees pier repairs</h1><p class="byline">By Ann Writer</p>
<time datetime="2024-03-05T10:00:00Z">5 March 2024</time>{_REHEARSAL_PARAGRAPH * 3}
<figure><img src="pier.jpg" alt="The pier"><figcaption>The old pier after the storm.
Photo: Ben Lens</figcaption></figure><h2>What comes next</h2>{_REHEARSAL_PARAGRAPH * 3}
</article><aside class="related"><a href="/a">Read more</a></aside></main>
<footer><p>Copyright 2024 The Harbour Gazette</p></footer></body></html>""".encode()


def rehearse() -> ExtractedDocument | None:
    """Read a small made-up article once, so that what the importer's libraries build on first
    use (compiled patterns and paths, lookup tables, the signature's permutations, the index
    analysis's word pattern and folding tables) is built here, once, rather than in every
    worker forked from here, on its first file. A rehearsal that fails (a library that
    changed) only leaves that work to the workers, and gives None: the error is theirs to
    report, on a real file."""
    from archive_app.importers import extract_bytes

    try:
        return _finished(extract_bytes(_REHEARSAL_PAGE, "html", name="rehearsal.html"))
    except Exception:
        return None


def serve(tasks: Connection, results: Connection) -> None:
    """Read files until the task pipe closes (the archive closed, or its program died)."""
    preload()
    results.send(WORKER_READY)
    while True:
        try:
            task: ExtractionTask = tasks.recv()
        except (EOFError, OSError):
            return
        try:
            result = _perform(task, _heartbeat(results))
        except ImportFailure as failure:
            result = ExtractionResult(task.key, error=failure.message)
        except MemoryError:
            result = ExtractionResult(
                task.key,
                error=Message(
                    QT_TRANSLATE_NOOP(
                        "core", "Reading the file needs more memory than the archive allows."
                    )
                ),
            )
        except OSError as error:
            result = ExtractionResult(task.key, error=os_reason(error))
        except Exception:
            result = ExtractionResult(task.key, bug=traceback.format_exc())
        try:
            results.send(result)
        except (OSError, ValueError):
            return


def _heartbeat(results: Connection) -> Callable[[], None]:
    """Tell the pool the worker is making progress, at most every HEARTBEAT_SECONDS."""
    last = time.monotonic()

    def beat() -> None:
        nonlocal last
        if time.monotonic() - last >= HEARTBEAT_SECONDS:
            last = time.monotonic()
            results.send(WORKER_ALIVE)

    return beat


def _perform(task: ExtractionTask, heartbeat: Callable[[], None]) -> ExtractionResult:
    if task.ocr is not None:
        from archive_app.importers import ocr

        page = ocr.recognise_file_page(task.path, task.ocr)
        return ExtractionResult(task.key, page=page, importer_version=ocr.IMPORTER_VERSION)
    from archive_app.importers import extract_file, extract_pages, importer_version

    version = importer_version(task.file_type)
    if task.spill is None:
        document = _finished(extract_file(task.path, task.file_type))
        return ExtractionResult(task.key, document=document, importer_version=version)
    pages = [
        _finished(page) for page in extract_pages(task.path, task.file_type, task.spill, heartbeat)
    ]
    if len(pages) == 1 and pages[0].payload_path is None:
        return ExtractionResult(task.key, document=pages[0], importer_version=version)
    return ExtractionResult(task.key, pages=tuple(pages), importer_version=version)


def _finished(document: ExtractedDocument) -> ExtractedDocument:
    """The document with what the writer would otherwise make of its body: its MinHash
    signature and its analysis for the search index, made here rather than in the writer,
    which shares the window's process (and one core) with the window and the import."""
    body = document.body
    if document.kind in TEXT_KINDS:
        document.text_signature = signature(body) or b""
    document.analysed_body = analyse_body(body, document.language)
    return document


def limit_memory(limit: int) -> None:
    """Cap the worker's address space, so a file built to exhaust memory fails alone."""
    with contextlib.suppress(ImportError, ValueError, OSError):
        import resource

        _, hard = resource.getrlimit(resource.RLIMIT_AS)
        if hard == resource.RLIM_INFINITY or hard > limit:
            resource.setrlimit(resource.RLIMIT_AS, (limit, hard))


def main(argv: list[str]) -> None:
    if argv[1] == FORK_SERVER_FLAG:
        memory_limit = int(argv[3])
        limit_memory(memory_limit)
        preload()
        rehearse()
        # What is loaded now lasts the server's life: set aside from the garbage collector, it
        # is never walked by a worker's full collection, which would copy every page of it
        # (27 ms and 3,000 page copies each time).
        gc.freeze()

        def run_worker(task_fd: int, result_fd: int) -> None:
            serve(Connection(task_fd, writable=False), Connection(result_fd, readable=False))

        with socket.socket(fileno=int(argv[2])) as control:
            serve_forks(control, run_worker, sys.stderr)
        return
    task_fd, result_fd = int(argv[1]), int(argv[2])
    limit_memory(int(argv[3]) if len(argv) > 3 else WORKER_MEMORY_LIMIT)
    serve(Connection(task_fd, writable=False), Connection(result_fd, readable=False))


if __name__ == "__main__":
    main(sys.argv)
