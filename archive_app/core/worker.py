"""The program a worker process runs: ``python -m archive_app.core.worker TASK_FD RESULT_FD``.

Workers are started as fresh interpreters rather than with ``multiprocessing``, which would
re-run the main script of whatever program uses the archive (a researcher's own script
included). Tasks and results travel as pickles over two pipes.
"""

from __future__ import annotations

import contextlib
import sys
import traceback
from multiprocessing.connection import Connection

from archive_app.core.errors import ImportFailure
from archive_app.core.extraction import WORKER_READY, ExtractionResult, ExtractionTask

MEMORY_LIMIT = 3 << 30


def serve(tasks: Connection, results: Connection) -> None:
    """Read files until the task pipe closes (the archive closed, or its program died)."""
    from archive_app.importers import extract_file, importer_version
    from archive_app.importers.language import load_detector

    load_detector()  # before "ready": loading the model is no file's time
    results.send(WORKER_READY)
    while True:
        try:
            task: ExtractionTask = tasks.recv()
        except (EOFError, OSError):
            return
        try:
            result = ExtractionResult(
                task.key,
                document=extract_file(task.path, task.file_type),
                importer_version=importer_version(task.file_type),
            )
        except ImportFailure as failure:
            result = ExtractionResult(task.key, error=failure.message)
        except MemoryError:
            result = ExtractionResult(
                task.key, error="Reading the file needs more memory than the archive allows."
            )
        except OSError as error:
            result = ExtractionResult(task.key, error=f"The file cannot be read: {error.strerror}.")
        except Exception:
            result = ExtractionResult(task.key, bug=traceback.format_exc())
        try:
            results.send(result)
        except (OSError, ValueError):
            return


def limit_memory(limit: int) -> None:
    """Cap the worker's address space, so a file built to exhaust memory fails alone."""
    with contextlib.suppress(ImportError, ValueError, OSError):
        import resource

        _, hard = resource.getrlimit(resource.RLIMIT_AS)
        if hard == resource.RLIM_INFINITY or hard > limit:
            resource.setrlimit(resource.RLIMIT_AS, (limit, hard))


def main(argv: list[str]) -> None:
    task_fd, result_fd = int(argv[1]), int(argv[2])
    limit_memory(int(argv[3]) if len(argv) > 3 else MEMORY_LIMIT)
    serve(Connection(task_fd, writable=False), Connection(result_fd, readable=False))


if __name__ == "__main__":
    main(sys.argv)
