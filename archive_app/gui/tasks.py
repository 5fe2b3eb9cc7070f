"""One way to do long work in the window: run it on a pool thread, get progress, results and
errors back on the GUI thread, cancel it.

    tasks.run(
        lambda task: archive.import_paths(paths, progress=task.progress, cancel=task.cancel_flag),
        on_success=show_report,
        on_progress=progress_bar.update,
    )

The work receives a :class:`TaskContext`: ``progress`` is a core progress callback (throttled,
delivered on the GUI thread) and ``cancel_flag`` a ``threading.Event`` the core polls. The core
knows nothing of threads; this is the only place the window starts any.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

from archive_app.core.progress import Progress

log = logging.getLogger(__name__)

PROGRESS_INTERVAL = 0.05


class TaskContext:
    """What a piece of background work can use: progress reporting and the cancel flag."""

    def __init__(self, emit_progress: Callable[[Progress], None]) -> None:
        self.cancel_flag = threading.Event()
        self._emit_progress = emit_progress
        self._last_emit = 0.0
        self._lock = threading.Lock()

    def progress(self, progress: Progress) -> None:
        """A core progress callback. Throttled, except for finished files and the last step."""
        now = time.monotonic()
        with self._lock:
            urgent = progress.outcome is not None or (
                progress.total > 0 and progress.done >= progress.total
            )
            if not urgent and now - self._last_emit < PROGRESS_INTERVAL:
                return
            self._last_emit = now
        self._emit_progress(progress)

    @property
    def cancelled(self) -> bool:
        return self.cancel_flag.is_set()


class Task(QObject):
    """A handle on running work. Its public signals are emitted on the GUI thread: the worker
    emits the private ones, which reach this object's slots through queued connections
    (the object lives on the GUI thread)."""

    progressed = Signal(object)
    succeeded = Signal(object)
    failed = Signal(object)
    finished = Signal()

    _worker_progressed = Signal(object)
    _worker_succeeded = Signal(object)
    _worker_failed = Signal(object)
    _worker_finished = Signal()

    def __init__(self, label: str = "") -> None:
        super().__init__()
        self.label = label
        self.context = TaskContext(self._worker_progressed.emit)
        self.done = False
        self._worker_progressed.connect(self._relay_progress)
        self._worker_succeeded.connect(self._relay_success)
        self._worker_failed.connect(self._relay_failure)
        self._worker_finished.connect(self._relay_finished)

    def cancel(self) -> None:
        self.context.cancel_flag.set()

    @property
    def cancelled(self) -> bool:
        return self.context.cancelled

    @Slot(object)
    def _relay_progress(self, progress: Progress) -> None:
        self.progressed.emit(progress)

    @Slot(object)
    def _relay_success(self, result: object) -> None:
        self.succeeded.emit(result)

    @Slot(object)
    def _relay_failure(self, error: BaseException) -> None:
        self.failed.emit(error)

    @Slot()
    def _relay_finished(self) -> None:
        self.done = True
        self.finished.emit()


class _Runnable(QRunnable):
    def __init__(self, task: Task, work: Callable[[TaskContext], Any]) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._task = task
        self._work = work

    def run(self) -> None:
        try:
            result = self._work(self._task.context)
        except BaseException as error:  # delivered to the GUI thread; shown or handled there
            self._task._worker_failed.emit(error)
        else:
            self._task._worker_succeeded.emit(result)
        finally:
            self._task._worker_finished.emit()


class TaskRunner(QObject):
    """Starts background work and keeps each running task alive until it finishes."""

    taskStarted = Signal(object)
    taskFinished = Signal(object)

    def __init__(
        self,
        on_unhandled_error: Callable[[BaseException], None],
        parent: QObject | None = None,
        max_threads: int = 4,
    ) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(max_threads)
        self._running: set[Task] = set()
        self._on_unhandled_error = on_unhandled_error

    def run(
        self,
        work: Callable[[TaskContext], Any],
        *,
        on_success: Callable[[Any], None] | None = None,
        on_failure: Callable[[BaseException], None] | None = None,
        on_progress: Callable[[Progress], None] | None = None,
        on_finished: Callable[[], None] | None = None,
        label: str = "",
    ) -> Task:
        """Run ``work(context)`` on a pool thread. Without ``on_failure``, an error goes to the
        window's error display."""
        task = Task(label)
        task.setParent(self)
        if on_progress is not None:
            task.progressed.connect(on_progress)
        if on_success is not None:
            task.succeeded.connect(on_success)
        task.failed.connect(on_failure or self._on_unhandled_error)
        if on_finished is not None:
            task.finished.connect(on_finished)
        task.finished.connect(lambda: self._forget(task))
        self._running.add(task)
        self.taskStarted.emit(task)
        self._pool.start(_Runnable(task, work))
        return task

    def _forget(self, task: Task) -> None:
        self._running.discard(task)
        self.taskFinished.emit(task)
        task.deleteLater()

    @property
    def running(self) -> list[Task]:
        return list(self._running)

    def cancel_all(self) -> None:
        for task in self._running:
            task.cancel()

    def wait_for_all(self, timeout_ms: int = -1) -> bool:
        """Block until every task's work has returned (used when the window closes)."""
        return bool(self._pool.waitForDone(timeout_ms))
