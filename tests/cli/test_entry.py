"""``archive-app``'s entry point starts an import's workers before it loads the command line,
and lets them go however the command ends."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from archive_app.core.archive import Archive
from archive_app.entry import IMPORT_YOUNG_OBJECTS, command_of, main
from tests.helpers import descendants, run_python, write_file

needs_proc = pytest.mark.skipif(
    not Path("/proc/self/stat").exists(), reason="finds worker processes in /proc"
)


@pytest.mark.parametrize(
    ("arguments", "command"),
    [
        (["import", "notes.txt"], "import"),
        (["--archive", "import", "search", "import"], "search"),
        (["-v", "--archive=/tmp/a", "import", "x"], "import"),
        (["--version"], ""),
        ([], ""),
    ],
)
def test_the_command_is_the_first_word_that_is_no_option(
    arguments: list[str], command: str
) -> None:
    assert command_of(arguments) == command


@needs_proc
def test_an_import_through_the_entry_point_imports_and_leaves_no_process_behind(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    note = write_file(tmp_path, "note.txt", "Lachin corridor\n\nA note on the road.")
    before = set(descendants(os.getpid()))

    code = main(["--archive", str(tmp_path / "archive"), "import", str(note)])

    assert code == 0
    assert "imported" in capsys.readouterr().out
    assert set(descendants(os.getpid())) <= before
    with Archive.open(tmp_path / "archive") as archive:
        assert [archive.get(i).title for i in archive.source_ids()] == ["Lachin corridor"]


@needs_proc
def test_the_workers_started_early_are_let_go_when_the_archive_cannot_open(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    note = write_file(tmp_path, "note.txt", "Lachin corridor\n\nA note on the road.")
    with Archive.open(tmp_path / "archive"):
        before = set(descendants(os.getpid()))

        code = main(["import", "--archive", str(tmp_path / "archive"), str(note)])

        assert code == 1
        assert "already open in another program" in capsys.readouterr().err
        assert set(descendants(os.getpid())) <= before


LOADED_AFTER_THE_FORK_SERVER_STARTS = (
    "archive_app.core.extraction",
    "archive_app.core.archive",
    "archive_app.cli",
)


def test_the_entry_point_loads_nothing_before_it_starts_the_fork_server() -> None:
    """``archive-app import`` starts its fork server with only the entry point and
    :mod:`archive_app.core.fork_server` loaded: the server begins loading the importers as soon
    as the program starts."""
    script = "import sys, archive_app.entry\nprint(*(n for n in {!r} if n in sys.modules))"

    result = run_python(script.format(LOADED_AFTER_THE_FORK_SERVER_STARTS))

    assert result.returncode == 0, result.stderr[-500:]
    assert result.stdout.split() == []


NOT_LOADED_BY_AN_IMPORT = (
    # search, loaded by the first search
    "numpy",
    "archive_app.core.search.service",
    # pictures and their XMP, loaded by the first picture
    "PIL",
    "lxml",
    # the archive's other parts, made when first used
    "archive_app.core.annotations",
    "archive_app.core.listing",
    "archive_app.core.saved_searches",
    "archive_app.core.reuse.service",
    # other commands' work, loaded when they run
    "archive_app.export.report",
    "archive_app.export.wacz",
    "archive_app.export.backup",
    "citeproc",
    "warcio",
)
IMPORT_THEN_LIST_MODULES = """
import sys
from archive_app.entry import main
code = main(["--archive", {archive!r}, "import", {file!r}])
print(code, *(name for name in {loaded!r} if name in sys.modules))
"""


def test_an_import_from_the_command_line_loads_only_what_importing_needs(tmp_path: Path) -> None:
    """What ``archive-app import`` loads before its workers can start delays the first file;
    search, pictures, the archive's other parts and the other commands' work are loaded by what
    uses them instead."""
    note = write_file(tmp_path, "note.txt", "Lachin corridor\n\nA note on the road.")
    archive_folder = str(tmp_path / "archive")
    script = IMPORT_THEN_LIST_MODULES.format(
        archive=archive_folder, file=str(note), loaded=NOT_LOADED_BY_AN_IMPORT
    )

    result = run_python(script)

    assert result.returncode == 0, result.stderr[-500:]
    assert result.stdout.splitlines()[-1].split() == ["0"]
    with Archive.open(archive_folder) as archive:
        assert archive.search("corridor").total == 1


IMPORT_AS_THE_PROGRAM = """
import atexit, gc, sys
sys.argv = ["archive-app", "--archive", {archive!r}, "import", {file!r}]
atexit.register(lambda: print(gc.get_threshold()[0], gc.get_freeze_count() > 0))
from archive_app.entry import main
main()
"""


def test_the_import_program_collects_young_objects_less_often(tmp_path: Path) -> None:
    """Run as the program, an import sets what it has loaded aside from the garbage collector
    and collects young objects less often; it still ends with its exit handlers run."""
    note = write_file(tmp_path, "note.txt", "Lachin corridor\n\nA note on the road.")

    result = run_python(IMPORT_AS_THE_PROGRAM.format(archive=str(tmp_path / "a"), file=str(note)))

    assert result.returncode == 0, result.stderr[-500:]
    assert result.stdout.splitlines()[-1].split() == [str(IMPORT_YOUNG_OBJECTS), "True"]


NOT_LOADED_BY_THE_FORK_SERVER = (
    "sqlite3",
    "archive_app.core.db",
    "PIL",
    "whoosh.index",
    "whoosh.searching",
)
LOAD_AS_THE_FORK_SERVER = """
import sys
from archive_app.core import worker
worker.preload()
worker.rehearse()
print(*(name for name in {loaded!r} if name in sys.modules))
"""


def test_the_fork_server_loads_neither_the_database_nor_pictures_nor_the_index() -> None:
    """The fork server loads the importers before an import's first file can be read; it signs
    bodies without the rest of reuse (the database layer), and analyses them for the index
    without the index itself; it reads no picture."""
    result = run_python(LOAD_AS_THE_FORK_SERVER.format(loaded=NOT_LOADED_BY_THE_FORK_SERVER))

    assert result.returncode == 0, result.stderr[-500:]
    assert result.stdout.split() == []


def run_program(*args: str) -> subprocess.CompletedProcess[str]:
    """``archive-app`` as a person runs it, its output a pipe (block-buffered)."""
    return subprocess.run(
        [sys.executable, "-m", "archive_app", *args],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )


def test_an_import_run_as_the_program_ends_with_all_its_output_and_its_exit_code(
    tmp_path: Path,
) -> None:
    """The import ends its process without the interpreter's teardown: what it printed (more
    than a pipe's buffer holds before a flush) still arrives whole, and a failed file still
    makes the exit code say so."""
    folder = tmp_path / "notes"
    for number in range(40):
        write_file(folder, f"note{number:02}.txt", f"Dispatch {number} from the ceasefire line.")
    (folder / "empty.txt").write_bytes(b"")
    archive_path = tmp_path / "archive"

    result = run_program("import", "--json", "--archive", str(archive_path), str(folder))

    assert result.returncode == 1, result.stderr[-500:]
    outcomes = json.loads(result.stdout)
    assert sorted(outcome["status"] for outcome in outcomes) == ["failed"] + ["imported"] * 40
    with Archive.open(archive_path, workers=1) as archive:
        assert archive.count_sources() == 40
        assert archive.search("ceasefire").total == 40
