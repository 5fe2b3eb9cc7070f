"""Output to a pipe whose reader has gone (``archive-app import DIR | head -3``)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from archive_app.core.archive import Archive
from tests.helpers import write_file


def run_into_closed_pipe(*args: str) -> subprocess.CompletedProcess[bytes]:
    """Run the program with its standard output a pipe nobody reads (closed at once)."""
    process = subprocess.Popen(
        [sys.executable, "-m", "archive_app", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert process.stdout is not None and process.stderr is not None
    process.stdout.close()
    err = process.stderr.read()
    process.stderr.close()
    return subprocess.CompletedProcess(process.args, process.wait(timeout=120), b"", err)


def test_an_import_into_a_closed_pipe_finishes_and_keeps_every_file(tmp_path: Path) -> None:
    folder = tmp_path / "notes"
    for number in range(12):
        write_file(folder, f"note{number}.txt", f"Dispatch {number} from the ceasefire line.")
    archive_path = tmp_path / "archive"

    result = run_into_closed_pipe("import", "--archive", str(archive_path), str(folder))

    assert result.returncode == 0, result.stderr.decode()
    assert b"Error" not in result.stderr and b"internal error" not in result.stderr
    with Archive.open(archive_path, workers=1) as archive:
        assert archive.count_sources() == 12


def test_show_into_a_closed_pipe_ends_quietly(tmp_path: Path) -> None:
    note = write_file(tmp_path, "note.txt", "Dispatch from the ceasefire line.")
    archive_path = tmp_path / "archive"
    subprocess.run(
        [sys.executable, "-m", "archive_app", "import", "--archive", str(archive_path), str(note)],
        check=True,
        capture_output=True,
    )

    result = run_into_closed_pipe("show", "--archive", str(archive_path), "1")

    assert result.returncode == 0
    assert result.stderr == b""
