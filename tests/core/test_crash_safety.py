"""A crash at any moment leaves an archive that opens, with no half source and an index that
catches up: ``archive-app import`` is killed (SIGKILL) at random moments and then checked."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from archive_app.core.archive import Archive
from archive_app.core.check import check_archive
from archive_app.core.store import digest_file

FILES = 300
KILLS = 4


def _write_corpus(folder: Path) -> None:
    folder.mkdir()
    for number in range(FILES):
        body = " ".join(f"paragraph{number}x{line} about the corridor" for line in range(40))
        (folder / f"dispatch-{number:03d}.txt").write_text(
            f"Dispatch {number}\n\nmarker{number:03d} {body}\n", encoding="utf-8"
        )


def _assert_consistent(archive_path: Path) -> int:
    with Archive.open(archive_path) as archive:
        report = check_archive(archive)
        assert report.healthy, report.problems
        for source_id in archive.source_ids():
            source = archive.get(source_id)
            original = archive.original_path(source)
            assert digest_file(original).sha256 == source.provenance.sha256
            marker = source.body.split()[2]
            assert archive.search(marker).hits[0].id == source_id
        return archive.count_sources()


@pytest.mark.slow
def test_import_killed_at_random_moments_leaves_a_sound_archive(tmp_path: Path) -> None:
    folder = tmp_path / "incoming"
    _write_corpus(folder)
    archive_path = tmp_path / "archive"
    seed = int(os.environ.get("CRASH_SEED", time.time()))
    rng = random.Random(seed)
    counts = []
    for _ in range(KILLS):
        imported = _import_and_kill(archive_path, folder, rng)
        counts.append((imported, _assert_consistent(archive_path)))
    finished = subprocess.run(
        _import_command(archive_path, folder), capture_output=True, check=False
    )
    assert finished.returncode == 0, (seed, finished.stderr)
    assert _assert_consistent(archive_path) == FILES, f"seed {seed}, (printed, kept) {counts}"


def _import_command(archive_path: Path, folder: Path) -> list[str]:
    return [
        sys.executable,
        "-m",
        "archive_app",
        "import",
        "--archive",
        str(archive_path),
        str(folder),
    ]


def _import_and_kill(archive_path: Path, folder: Path, rng: random.Random) -> int:
    """Start an import and SIGKILL it a random moment after a random number of files have been
    reported imported (so that every kill lands in the middle of the work)."""
    process = subprocess.Popen(
        _import_command(archive_path, folder),
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    assert process.stdout is not None
    target = rng.randint(1, FILES // KILLS)
    imported = 0
    for line in process.stdout:
        if line.startswith("imported"):
            imported += 1
            if imported >= target:
                break
    time.sleep(rng.uniform(0.0, 0.05))
    process.send_signal(signal.SIGKILL)
    process.wait()
    process.stdout.close()
    return imported
