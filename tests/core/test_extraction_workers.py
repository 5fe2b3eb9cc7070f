"""Worker processes keep a hostile file from harming the rest: a worker that dies, eats memory
or hangs fails its own file with a reason, and the next file is read by a worker as good as
new (forked from the pool's fork server where workers can be forked)."""

from __future__ import annotations

import os
import signal
import sys
import threading
from collections import deque
from pathlib import Path

import pytest

from archive_app.core.extraction import ExtractionPool, ExtractionResult, ExtractionTask
from archive_app.core.fork_server import ForkServer, forking_supported
from tests.helpers import descendants, write_file

SLOW_TEXT = "Şuşa ﬂight Xankəndi road\n" * 1_000_000
"""Takes a worker seconds to read."""


def _results(pool: ExtractionPool, paths: list[Path]) -> dict[str, ExtractionResult]:
    tasks = deque(ExtractionTask(key, path, "text") for key, path in enumerate(paths))
    try:
        return {paths[result.key].name: result for result in pool.run(tasks)}
    finally:
        pool.close()


def _kill_the_first_worker() -> threading.Thread:
    """Kill the first worker process to appear below this one (a new process with no
    children: a fork server has its workers) once it is busy reading its file, as a crash in
    a C library would end it. (A worker killed before it started would not have read its
    file: the pool hands that file to another.)"""
    before = set(descendants(os.getpid()))

    def kill() -> None:
        for _ in range(2000):
            below = {
                pid: parent for pid, parent in descendants(os.getpid()).items() if pid not in before
            }
            workers = [pid for pid in below if pid not in below.values()]
            server_ready = not forking_supported() or any(p != os.getpid() for p in below.values())
            if workers and server_ready and _cpu_seconds(workers[0]) >= 0.2:
                os.kill(workers[0], signal.SIGKILL)
                return
            threading.Event().wait(0.01)

    thread = threading.Thread(target=kill)
    thread.start()
    return thread


def _cpu_seconds(pid: int) -> float:
    """The CPU time a process has had (0 once it is gone)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="finds workers in /proc")
def test_a_worker_that_dies_fails_its_file_alone(tmp_path: Path) -> None:
    slow = write_file(tmp_path, "slow.txt", SLOW_TEXT)
    quick = write_file(tmp_path, "quick.txt", "Quick\n\nshort")
    killer = _kill_the_first_worker()

    results = _results(ExtractionPool(workers=1), [slow, quick])

    killer.join()
    assert results["slow.txt"].error == (
        "The importer crashed on this file (exit code -9); it may be damaged."
    )
    document = results["quick.txt"].document
    assert document is not None and document.title == "Quick"


def test_a_file_that_needs_too_much_memory_fails_alone(tmp_path: Path) -> None:
    big = write_file(tmp_path, "big.txt", SLOW_TEXT * 3)
    quick = write_file(tmp_path, "quick.txt", "Quick\n\nshort")

    results = _results(ExtractionPool(workers=1, memory_limit=600 << 20), [big, quick])

    assert results["big.txt"].error == "Reading the file needs more memory than the archive allows."
    document = results["quick.txt"].document
    assert document is not None and document.title == "Quick"


def test_a_worker_stopped_for_its_time_is_replaced_by_a_fresh_one(tmp_path: Path) -> None:
    slow = write_file(tmp_path, "slow.txt", SLOW_TEXT)
    files = [write_file(tmp_path, f"{n}.txt", f"Note {n}\n\nshort") for n in range(3)]

    results = _results(ExtractionPool(workers=1, timeout=0.2), [slow, *files])

    assert "took longer than 0.2 seconds" in results["slow.txt"].error
    assert [results[path.name].document.title for path in files if results[path.name].document] == [
        "Note 0",
        "Note 1",
        "Note 2",
    ]


def test_workers_are_forked_from_one_server_where_they_can_be(tmp_path: Path) -> None:
    """The two workers of a pool are children of the one process that loaded the importers,
    and closing the pool ends them all."""
    if not forking_supported():
        pytest.skip("workers are fresh interpreters here")
    before = set(descendants(os.getpid()))
    pool = ExtractionPool(workers=2)
    paths = [write_file(tmp_path, f"{n}.txt", f"Note {n}\n\nshort") for n in range(2)]
    tasks = deque(ExtractionTask(key, path, "text") for key, path in enumerate(paths))
    try:
        assert len(list(pool.run(tasks))) == 2
        ours = {
            pid: parent for pid, parent in descendants(os.getpid()).items() if pid not in before
        }
    finally:
        pool.close()
    [server] = [pid for pid, parent in ours.items() if parent == os.getpid()]
    assert sorted(parent for parent in ours.values() if parent != os.getpid()) == [server] * 2
    assert not set(ours) & set(descendants(os.getpid()))


@pytest.mark.skipif(not forking_supported(), reason="workers are fresh interpreters here")
def test_a_fork_server_that_dies_is_replaced(tmp_path: Path) -> None:
    """The server and its workers killed after the first file: the file in hand fails (if
    any), and the files after it are read by workers of a new server."""
    before = set(descendants(os.getpid()))
    paths = [write_file(tmp_path, f"{n}.txt", f"Note {n}\n\nshort") for n in range(6)]
    tasks = deque(ExtractionTask(key, path, "text") for key, path in enumerate(paths))
    pool = ExtractionPool(workers=1)
    results = []
    try:
        for result in pool.run(tasks):
            results.append(result)
            if len(results) == 1:
                for pid in set(descendants(os.getpid())) - before:
                    os.kill(pid, signal.SIGKILL)
    finally:
        pool.close()
    failed = [result for result in results if result.document is None]
    assert len(results) == 6 and len(failed) <= 1
    assert all(result.error.startswith("The importer crashed on this file") for result in failed)
    titles = {result.document.title for result in results if result.document is not None}
    assert titles == {f"Note {n}" for n in range(6)} - {f"Note {r.key}" for r in failed}
    assert "Note 5" in titles  # read after the server died


@pytest.mark.skipif(not forking_supported(), reason="workers are fresh interpreters here")
def test_a_fork_server_that_hangs_is_killed_and_its_worker_reads_as_ended() -> None:
    hanging = [sys.executable, "-c", "import time; time.sleep(60)"]
    server = ForkServer(hanging, 1 << 30, answer_timeout=0.5)
    task_read, task_write = os.pipe()
    result_read, result_write = os.pipe()
    try:
        worker = server.fork(task_read, result_write)
        assert worker.poll() == -1
        assert server.process.wait(timeout=10) != 0
    finally:
        for fd in (task_read, task_write, result_read, result_write):
            os.close(fd)
        server.close()


def test_the_fork_servers_rehearsal_reads_its_article_through_every_step() -> None:
    """The made-up article the server reads before it forks goes through each step a page
    takes (body, figure and caption, metadata, language, signature): one that stopped doing so
    (a library that changed) would leave that first-use work to every worker again."""
    from archive_app.core.worker import preload, rehearse

    preload()
    document = rehearse()
    assert document is not None
    assert document.title == "Council agrees pier repairs"
    assert document.published.startswith("2024-03-05")
    assert document.body.startswith("The harbour council met on Tuesday evening")
    assert [(image.caption, image.credit) for image in document.images] == [
        ("The old pier after the storm.", "Ben Lens")
    ]
    assert document.language == "en"
    assert document.text_signature
