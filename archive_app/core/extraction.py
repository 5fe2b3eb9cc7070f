"""Run importers in worker processes (:mod:`archive_app.core.worker`) with a time limit, so one
hostile file cannot hang or crash the program.

Each worker takes one file at a time over its own pipe. A worker that takes longer than the
time limit is killed and replaced, and so is one that dies (a crash in a C library): the file
fails with a reason and the import goes on. Where it can, the pool forks its workers from one
process that has loaded the importers (:mod:`archive_app.core.fork_server`), so a worker,
first or replacement, is ready at once.
"""

from __future__ import annotations

import contextlib
import logging
import os
import subprocess
import time
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from pathlib import Path
from typing import TYPE_CHECKING

from archive_app.core.fork_server import (
    STARTUP_TIMEOUT,
    WORKER_MEMORY_LIMIT,
    ForkedWorker,
    ForkServer,
    forking_supported,
    worker_command,
)
from archive_app.core.messages import QT_TRANSLATE_NOOP, Message
from archive_app.core.progress import CancelToken, is_cancelled
from archive_app.importers.document import ExtractedDocument
from archive_app.importers.sniff import FileType

if TYPE_CHECKING:
    from archive_app.importers.ocr_page import OcrPage, OcrRequest

log = logging.getLogger(__name__)

DEFAULT_TIMEOUT = 120.0
POLL_SECONDS = 0.1
BATCH_SECONDS = 1.0
WORKER_READY = "ready"
WORKER_ALIVE = "alive"
"""Sent while a web archive is read, page by page: its time limit starts again."""


@dataclass(frozen=True)
class ExtractionTask:
    """A file to read; with ``ocr``, only the text of one of its pages pictured, read by OCR;
    ``spill`` is a folder for what a web capture holds (its pictures, and the pages of a WARC or
    WACZ), kept until the import ends."""

    key: int
    path: Path
    file_type: FileType
    ocr: OcrRequest | None = None
    spill: Path | None = None


@dataclass(frozen=True)
class ExtractionResult:
    """A document (or, for a web archive, its ``pages``; or an OCR task's page); or the plain
    reason it could not be read; or, for a bug in an importer, its traceback (logged, and shown to
    the person as an internal error)."""

    key: int
    document: ExtractedDocument | None = None
    pages: tuple[ExtractedDocument, ...] = ()
    page: OcrPage | None = None
    importer_version: str = ""
    error: str = ""
    bug: str = ""


class _Worker:
    """One worker process, forked by ``server`` or else a fresh interpreter, and the two pipes
    to it."""

    def __init__(self, memory_limit: int, server: ForkServer | None) -> None:
        task_read, task_write = os.pipe()
        result_read, result_write = os.pipe()
        self.process: subprocess.Popen[bytes] | ForkedWorker
        try:
            if server is not None:
                self.process = server.fork(task_read, result_write)
            else:
                self.process = subprocess.Popen(
                    [*worker_command(), str(task_read), str(result_write), str(memory_limit)],
                    pass_fds=(task_read, result_write),
                    stdin=subprocess.DEVNULL,
                    stdout=subprocess.DEVNULL,
                )
        finally:
            os.close(task_read)
            os.close(result_write)
        self.tasks = Connection(task_write, readable=False)
        self.results = Connection(result_read, writable=False)
        self.task: ExtractionTask | None = None
        self.ready = False
        self.started = 0.0

    def give(self, task: ExtractionTask) -> None:
        """Hand over a file. Its time limit runs from when the worker is ready to read it, so
        starting a worker does not count against the file. A worker that has died (or never
        started: its fork server died) takes the file all the same: its results then read as
        ended, and the file fails as on any crash."""
        self.task = task
        self.started = time.monotonic()
        with contextlib.suppress(BrokenPipeError):
            self.tasks.send(task)

    def time_limit(self, timeout: float) -> float:
        return timeout if self.ready else max(timeout, STARTUP_TIMEOUT)

    def stop(self) -> None:
        self.tasks.close()
        self.results.close()
        if self.process.poll() is None:
            self.process.kill()
        self.process.wait(timeout=10)


class ExtractionPool:
    """Worker processes, started on first use (or :meth:`warm_up`) and kept until
    :meth:`close`, after which the pool starts them again when next used."""

    def __init__(
        self,
        workers: int | None = None,
        timeout: float = DEFAULT_TIMEOUT,
        memory_limit: int = WORKER_MEMORY_LIMIT,
        *,
        server: ForkServer | None = None,
    ) -> None:
        """``server``: a fork server started already for ``memory_limit``
        (:mod:`archive_app.entry` starts one before it loads the rest of the program)."""
        self.size = max(1, workers if workers is not None else min(os.cpu_count() or 1, 4))
        self.timeout = timeout
        self.memory_limit = memory_limit
        self._workers: list[_Worker] = []
        self._server = server

    def run(
        self, tasks: deque[ExtractionTask], cancel: CancelToken | None = None
    ) -> Iterator[ExtractionResult]:
        """Extract every task, yielding results as they finish. The caller may add to
        ``tasks`` between results (an article's local images); they are taken up in turn."""
        for batch in self.run_in_batches(tasks, cancel, most=1):
            yield from batch

    def run_in_batches(
        self, tasks: deque[ExtractionTask], cancel: CancelToken | None = None, most: int = 32
    ) -> Iterator[list[ExtractionResult]]:
        """Extract every task, yielding the results in batches: at most ``most`` at once, and
        no result held back once no other is about to finish or it has waited for
        :data:`BATCH_SECONDS`. The caller may add to ``tasks`` between batches."""
        busy: list[_Worker] = []
        batch: list[ExtractionResult] = []
        first_finished = 0.0
        handed_again: set[int] = set()
        try:
            while (tasks or busy) and not is_cancelled(cancel):
                self._hand_out(tasks, busy)
                finished = list(self._collect(busy, tasks, handed_again))
                # Workers read the next files while the caller stores these.
                self._hand_out(tasks, busy)
                if finished and not batch:
                    first_finished = time.monotonic()
                batch += finished
                if batch and (
                    not finished
                    or len(batch) >= most
                    or time.monotonic() - first_finished >= BATCH_SECONDS
                    or not (tasks or busy)
                ):
                    yield batch
                    batch = []
            if batch:  # finished before a cancel: kept like any other
                yield batch
        finally:
            for worker in busy:  # cancelled, or the caller stopped: abandon what is in flight
                self._retire(worker)

    @property
    def warm(self) -> bool:
        """Whether workers, or the fork server that starts them at once, are running."""
        return bool(self._workers) or (
            self._server is not None and self._server.process.poll() is None
        )

    def warm_up(self) -> None:
        """Start the fork server, so that the next import's workers are ready at once (where
        workers cannot be forked, they start with the import). Call it between imports;
        :meth:`close` lets the processes go again."""
        if forking_supported():
            self._fork_server()

    def start(self, files: int) -> None:
        """Start the workers ``files`` files need now, so that they load their importers while
        the files are hashed."""
        while len(self._workers) < min(self.size, files):
            self._workers.append(self._new_worker())

    def _hand_out(self, tasks: deque[ExtractionTask], busy: list[_Worker]) -> None:
        while tasks and len(busy) < self.size:
            worker = self._idle_worker(busy)
            worker.give(tasks.popleft())
            busy.append(worker)

    def _collect(
        self, busy: list[_Worker], tasks: deque[ExtractionTask], handed_again: set[int]
    ) -> Iterator[ExtractionResult]:
        """The results of the busy workers that have finished. A worker that ended before it
        was ready never read its file (its fork server had gone): the file is handed to a new
        worker, once (``handed_again``), rather than failed."""
        ready = wait([worker.results for worker in busy], timeout=POLL_SECONDS)
        now = time.monotonic()
        for worker in list(busy):
            task = worker.task
            assert task is not None
            if worker.results in ready:
                try:
                    message: ExtractionResult | str = worker.results.recv()
                except (EOFError, OSError):
                    busy.remove(worker)
                    if not worker.ready and task.key not in handed_again:
                        handed_again.add(task.key)
                        self._retire(worker)
                        tasks.appendleft(task)
                        continue
                    yield self._crashed(worker, task)
                    continue
                if message in (WORKER_READY, WORKER_ALIVE):
                    worker.ready = True
                    worker.started = time.monotonic()
                    continue
                assert isinstance(message, ExtractionResult)
                busy.remove(worker)
                worker.task = None
                yield message
            elif now - worker.started > worker.time_limit(self.timeout):
                busy.remove(worker)
                self._retire(worker)
                yield ExtractionResult(
                    task.key,
                    error=Message(
                        QT_TRANSLATE_NOOP(
                            "core",
                            "Reading the file took longer than {seconds} seconds, so it was "
                            "stopped (the file may be damaged or built to hang readers).",
                        ),
                        seconds=f"{self.timeout:g}",
                    ),
                )

    def _crashed(self, worker: _Worker, task: ExtractionTask) -> ExtractionResult:
        self._retire(worker)
        code = worker.process.returncode
        log.error("importer process died on %s (exit code %s)", task.path, code)
        return ExtractionResult(
            task.key,
            error=Message(
                QT_TRANSLATE_NOOP(
                    "core",
                    "The importer crashed on this file (exit code {code}); it may be damaged.",
                ),
                code=str(code),
            ),
        )

    def _idle_worker(self, busy: list[_Worker]) -> _Worker:
        for worker in list(self._workers):
            if worker in busy:
                continue
            if worker.process.poll() is None:
                return worker
            self._retire(worker)
        worker = self._new_worker()
        self._workers.append(worker)
        return worker

    def _new_worker(self) -> _Worker:
        """A worker forked by the pool's fork server (started, or restarted, if need be), or
        a fresh interpreter where workers cannot be forked."""
        if not forking_supported():
            return _Worker(self.memory_limit, None)
        return _Worker(self.memory_limit, self._fork_server())

    def _fork_server(self) -> ForkServer:
        """The running fork server, started (or restarted) if need be."""
        if self._server is None or self._server.gone or self._server.process.poll() is not None:
            if self._server is not None:
                self._server.close()
            self._server = ForkServer.start(self.memory_limit)
        return self._server

    def _retire(self, worker: _Worker) -> None:
        worker.stop()
        if worker in self._workers:
            self._workers.remove(worker)

    def close(self) -> None:
        for worker in self._workers:
            worker.stop()
        self._workers.clear()
        if self._server is not None:
            self._server.close()
            self._server = None
