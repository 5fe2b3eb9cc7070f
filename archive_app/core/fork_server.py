"""Extraction workers forked from one process that has loaded the importers once.

Starting a worker as a fresh interpreter costs about a second of CPU (the web page importer and
the language detector's model are loaded before it is ready), paid by every worker of every
import and by every replacement of a worker that crashed or was stopped. On Linux the pool
starts one *fork server* instead (``python -m archive_app.core.worker --fork-server``): a fresh
interpreter that loads all that once and then forks a worker whenever the pool asks, in a few
milliseconds. The server never imports Qt and runs no threads when it forks, so forking it is
safe; each forked worker still runs alone, under its own memory limit, and a worker that
crashes or is killed fails alone as before.

The pool talks to the server over a Unix socket: it sends a worker's two pipe ends (``fork``),
asks whether a worker still runs (``poll``) and waits for one's exit code (``wait``). The
server is the workers' parent, so it reaps them and tells their exit codes.
"""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import struct
import subprocess
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from typing import IO

FORK_SERVER_FLAG = "--fork-server"
FROZEN_WORKER_FLAG = "--extraction-worker"
"""What the bundled program (PyInstaller) is started with to be a worker instead: a frozen
program has no ``python -m``. Its launcher (``packaging/launcher.py``) looks for it."""
STARTUP_TIMEOUT = 60.0
"""How long a worker (or its server) may take to load the importers before it counts as hung."""
WORKER_MEMORY_LIMIT = 3 << 30
_REQUEST = struct.Struct("!cq")
_REPLY = struct.Struct("!q")
_FORK, _POLL, _WAIT = b"f", b"p", b"w"
_RUNNING = -(1 << 62)
"""The ``poll`` reply for a worker that is still running."""
_GONE = -1
"""The exit code of a worker whose server is gone, so that its real one is unknown."""


def worker_command() -> list[str]:
    """The command that starts a fresh extraction worker."""
    if getattr(sys, "frozen", False):
        return [sys.executable, FROZEN_WORKER_FLAG]
    return [sys.executable, "-m", "archive_app.core.worker"]


def forking_supported() -> bool:
    """Whether workers may be forked: on Linux. (macOS forbids forking a process that has
    loaded some system libraries, and Windows cannot fork.)"""
    return sys.platform.startswith("linux")


class ForkServer:
    """The pool's side: starts the server and asks it for workers. Requests and replies are
    matched in order; a fork's reply (the worker's pid) is read only when it is needed, so
    asking for workers never waits for the server to finish loading. A server that does not
    answer within ``answer_timeout`` seconds (one that hangs while it loads) is killed: its
    workers then read as ended, and the pool starts another server."""

    def __init__(self, command: list[str], memory_limit: int, answer_timeout: float) -> None:
        ours, theirs = socket.socketpair()
        try:
            self.process = subprocess.Popen(
                [*command, FORK_SERVER_FLAG, str(theirs.fileno()), str(memory_limit)],
                pass_fds=(theirs.fileno(),),
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
            )
        finally:
            theirs.close()
        ours.settimeout(answer_timeout)
        self._socket = ours
        self.gone = False
        """Whether the server failed to answer (it was killed then, if it still ran): the
        pool starts another, even before this one's exit can be seen."""
        self._lock = threading.Lock()
        self._unanswered: list[ForkedWorker] = []

    @classmethod
    def start(cls, memory_limit: int = WORKER_MEMORY_LIMIT) -> ForkServer:
        """A server of workers limited to ``memory_limit`` bytes each. It needs only this
        module, so :mod:`archive_app.entry` starts it before it loads anything else."""
        return cls(worker_command(), memory_limit, STARTUP_TIMEOUT)

    def fork(self, task_read: int, result_write: int) -> ForkedWorker:
        """A new worker reading tasks from ``task_read`` and writing results to
        ``result_write`` (the caller closes its copies of both)."""
        worker = ForkedWorker(self)
        with self._lock:
            try:
                socket.send_fds(self._socket, [_REQUEST.pack(_FORK, 0)], [task_read, result_write])
            except OSError:
                self._give_up()
                worker.returncode = _GONE
            else:
                self._unanswered.append(worker)
        return worker

    def ask(self, request: bytes, worker: ForkedWorker) -> int:
        """The server's answer about a worker (``_POLL`` or ``_WAIT``)."""
        with self._lock:
            self._read_pids()
            if worker.pid is None:
                return _GONE
            try:
                self._socket.sendall(_REQUEST.pack(request, worker.pid))
                return self._read_number()
            except OSError:
                self._give_up()
                return _GONE

    def _read_pids(self) -> None:
        """Read the pids of the workers forked since the last question, in order."""
        while self._unanswered:
            worker = self._unanswered.pop(0)
            try:
                worker.pid = self._read_number()
            except OSError:
                self._give_up()
                worker.returncode = _GONE

    def _read_number(self) -> int:
        reply = self._socket.recv(_REPLY.size, socket.MSG_WAITALL)
        if len(reply) < _REPLY.size:
            raise ConnectionResetError("the fork server has gone")
        (number,) = _REPLY.unpack(reply)
        return int(number)

    def _give_up(self) -> None:
        """The server did not answer (it hangs, or it has gone): kill it, so that no answer of
        its comes late, out of turn."""
        self.gone = True
        if self.process.poll() is None:
            self.process.kill()

    def close(self) -> None:
        """Stop the server (its workers stop when the pool closes their pipes)."""
        self._socket.close()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


class ForkedWorker:
    """A forked worker process, answering as much of :class:`subprocess.Popen` as the pool
    uses."""

    def __init__(self, server: ForkServer) -> None:
        self._server = server
        self.pid: int | None = None
        self.returncode: int | None = None

    def poll(self) -> int | None:
        """None while the worker runs. That is read from ``/proc`` while it can be: the pool
        asks before every file it hands out, and asking the server each time cost more than
        reading a small file (a worker that has exited stays there, a zombie, until the server
        reaps it when asked for its exit code)."""
        if self.returncode is None and not _running(self.pid):
            answer = self._server.ask(_POLL, self)
            if answer != _RUNNING:
                self.returncode = answer
        return self.returncode

    def kill(self) -> None:
        if self.poll() is None and self.pid is not None:
            with contextlib.suppress(ProcessLookupError):
                os.kill(self.pid, signal.SIGKILL)

    def wait(self, timeout: float | None = None) -> int:
        """The exit code, once the worker has exited (the pool kills it first, so waiting is
        short; ``timeout`` is for :class:`subprocess.Popen`'s signature)."""
        if self.returncode is None:
            self.returncode = self._server.ask(_WAIT, self)
        return self.returncode


def _running(pid: int | None) -> bool:
    """Whether the process ``pid`` runs (is neither a zombie nor gone), as ``/proc`` says."""
    if pid is None:
        return False
    try:
        state = Path(f"/proc/{pid}/stat").read_bytes().rsplit(b")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return state not in (b"Z", b"X")


def serve_forks(
    control: socket.socket, run_worker: Callable[[int, int], None], stderr: IO[str]
) -> None:
    """The server's side: fork a worker for each ``fork`` request, until the pool closes the
    socket. A forked worker runs ``run_worker(task_fd, result_fd)`` and exits."""
    while True:
        try:
            message, fds, _, _ = socket.recv_fds(control, _REQUEST.size, 2, socket.MSG_WAITALL)
        except OSError:
            return
        if len(message) < _REQUEST.size:
            return
        request, pid = _REQUEST.unpack(message)
        if request == _FORK:
            reply = _fork(control, fds, run_worker, stderr)
        elif request == _POLL:
            reply = _exit_code(pid, os.WNOHANG)
        else:
            reply = _exit_code(pid, 0)
        try:
            control.sendall(_REPLY.pack(reply))
        except OSError:
            return


def _fork(
    control: socket.socket,
    fds: list[int],
    run_worker: Callable[[int, int], None],
    stderr: IO[str],
) -> int:
    task_read, result_write = fds
    pid = os.fork()
    if pid == 0:
        code = 0
        try:
            control.close()
            run_worker(task_read, result_write)
        except BaseException as error:  # the worker's last word, then it exits as a worker
            print(f"extraction worker failed: {error!r}", file=stderr)
            code = 1
        finally:
            os._exit(code)
    os.close(task_read)
    os.close(result_write)
    return pid


def _exit_code(pid: int, options: int) -> int:
    """A worker's exit code as :class:`subprocess.Popen` gives it (minus the signal that
    killed it); :data:`_RUNNING` while it runs."""
    try:
        reaped, status = os.waitpid(pid, options)
    except ChildProcessError:
        return _GONE
    if reaped == 0:
        return _RUNNING
    return os.waitstatus_to_exitcode(status)
