"""Rebuilding the index: a rebuild that is cancelled, or killed, continues where it stopped and
ends with the index a rebuild that never stopped makes."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

from archive_app.core.archive import Archive
from archive_app.core.progress import Progress
from archive_app.core.search.rebuild import MIN_COMMIT_EVERY
from tests.helpers import add_sources

PLACES = ["Lachin", "Hakari", "Stepanakert", "Shusha", "Aghdam", "Goris", "Kornidzor"]
QUERIES = [
    "dispatch",
    "Lachin",
    "Hakari OR Goris",
    '"convoy crossed"',
    "source",
    "Shusha -road",
    "checkpoint",
]


def _titles(count: int) -> list[str]:
    """Titles whose words repeat unevenly, so that hits are ranked, not merely listed."""
    return [
        f"Dispatch {n} from {PLACES[n % 7]}"
        + (" as the convoy crossed" if n % 3 == 0 else "")
        + (f" near {PLACES[n % 5]} road" if n % 4 == 0 else "")
        for n in range(count)
    ]


def _hits(archive: Archive) -> dict[str, tuple[int, list[int]]]:
    """Every query's number of hits and its hits' ids, best first."""
    found = {}
    for query in QUERIES:
        results = archive.search(query, limit=10_000)
        found[query] = (results.total, [hit.id for hit in results.hits])
    return found


def _found(archive: Archive) -> dict[str, set[int]]:
    """Every query's hits, in no order: Whoosh's length statistics keep a trace of documents
    written again, so after edits the scores, and the order of hits, differ in the last
    digits from those of an index written once."""
    return {
        query: {hit.id for hit in archive.search(query, limit=10_000).hits} for query in QUERIES
    }


def _staging(archive_path: Path) -> Path:
    return archive_path / "index.new"


def _stop_at(cancel: threading.Event, done: int) -> object:
    def progress(step: Progress) -> None:
        if step.done >= done:
            cancel.set()

    return progress


def test_a_cancelled_reindex_continues_where_it_stopped_and_ends_as_an_uninterrupted_one(
    archive: Archive,
) -> None:
    count = 900
    add_sources(archive, _titles(count))
    archive.reindex()
    uninterrupted = _hits(archive)
    cancel = threading.Event()

    archive.reindex(progress=_stop_at(cancel, count // 3), cancel=cancel)  # type: ignore[arg-type]
    assert _staging(archive.path).is_dir()  # kept, to be continued
    assert _hits(archive) == uninterrupted  # the index in use is whole meanwhile
    steps: list[int] = []
    archive.reindex(progress=lambda step: steps.append(step.done))

    assert count // 3 <= steps[0] < count  # went on from where it stopped
    assert steps[-1] == count
    assert not _staging(archive.path).exists()
    assert _hits(archive) == uninterrupted


def test_edits_made_while_a_reindex_waits_are_in_the_index_it_ends_with(
    archive: Archive,
) -> None:
    count = 600
    ids = add_sources(archive, _titles(count))
    cancel = threading.Event()
    archive.reindex(progress=_stop_at(cancel, count // 2), cancel=cancel)  # type: ignore[arg-type]
    renamed, trashed, later = ids[3], ids[5], ids[-1]  # two the paused rebuild holds, one not

    archive.update_source(renamed, title="Refugees counted at the Kornidzor checkpoint")
    archive.update_source(later, title="Checkpoint reopened at Kornidzor")
    archive.delete_sources([trashed])
    archive.reindex()

    continued = _found(archive)
    assert continued["checkpoint"] == {renamed, later}
    assert trashed not in continued["dispatch"]
    assert len(continued["dispatch"]) == count - 1
    archive.reindex()  # from the start, uninterrupted
    assert _found(archive) == continued


def test_a_killed_reindex_continues_where_it_stopped(archive_path: Path) -> None:
    count = MIN_COMMIT_EVERY * 3
    with Archive.open(archive_path, workers=1) as archive:
        add_sources(archive, _titles(count))
        archive.reindex()
        uninterrupted = _hits(archive)
    command = [sys.executable, "-m", "archive_app", "reindex", "--archive", str(archive_path)]
    reindexing = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        _wait_for_a_commit(_staging(archive_path), reindexing)
    finally:
        os.kill(reindexing.pid, signal.SIGKILL)
        reindexing.wait()

    steps: list[int] = []
    with Archive.open(archive_path, workers=1) as archive:
        assert _hits(archive) == uninterrupted
        archive.reindex(progress=lambda step: steps.append(step.done))
        assert MIN_COMMIT_EVERY <= steps[0] < count
        assert _hits(archive) == uninterrupted


def _wait_for_a_commit(folder: Path, process: subprocess.Popen[bytes]) -> None:
    """Wait until the rebuild in ``folder`` has committed sources (Whoosh's table of contents
    of generation 1 or later); fail if the process ends first."""
    deadline = time.monotonic() + 120
    while not any(toc.name != "_MAIN_0.toc" for toc in folder.glob("_MAIN_*.toc")):
        assert process.poll() is None, "the reindex ended before it could be killed"
        assert time.monotonic() < deadline
        time.sleep(0.005)
