"""Commands that only read work while another program (the window) has the archive open; a
command that would change it is refused in plain words; none of them makes an archive."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from archive_app.cli import main
from archive_app.core.archive import Archive
from archive_app.core.keeping import KeptFile, keep_source
from archive_app.core.store import digest_file
from archive_app.importers.document import Block, ExtractedDocument
from tests.helpers import write_file


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture
def held_archive(archive_path: Path, tmp_path: Path) -> Archive:
    """An archive with two dispatches, one tagged and annotated, held open as the window
    holds it."""
    with Archive.open(archive_path, workers=1) as archive:
        report = archive.import_paths(
            [
                write_file(tmp_path / "in", "a.txt", "Convoy\n\nThe convoy reached Lachin."),
                write_file(tmp_path / "in", "b.txt", "Roads\n\nThe convoy left Lachin at dawn."),
            ]
        )
        first = report.outcomes[0].source_id
        assert first is not None
        archive.assignments.add_to_sources([first], tags=["convoy"])
        archive.annotations.add_quote(first, "reached Lachin", note="the arrival")
    return Archive.open(archive_path, workers=1)


def test_reading_commands_work_while_the_window_holds_the_archive(
    capsys: pytest.CaptureFixture[str], archive_path: Path, held_archive: Archive
) -> None:
    where = ["--archive", str(archive_path)]
    with held_archive:
        code, out, err = run(capsys, "search", "--json", *where, "convoy")
        assert code == 0, err
        assert json.loads(out)["total"] == 2
        code, out, err = run(capsys, "show", *where, "1")
        assert code == 0, err
        assert out.startswith("Convoy\n")
        code, out, err = run(capsys, "similar", *where, "1")
        assert code == 0, err
        code, out, err = run(capsys, "annotations", *where)
        assert code == 0, err
        assert "the arrival" in out
        code, out, err = run(capsys, "check", *where)
        assert code == 0, err
        assert "2 sources checked: healthy" in out
        code, out, err = run(capsys, "tags", "list", *where)
        assert code == 0, err
        assert "convoy" in out


def test_a_change_while_the_window_holds_the_archive_is_refused_in_plain_words(
    capsys: pytest.CaptureFixture[str], archive_path: Path, held_archive: Archive
) -> None:
    where = ["--archive", str(archive_path)]
    with held_archive:
        for command in (["tag", "1", "--tag", "roads"], ["check", "--repair"]):
            code, _, err = run(capsys, *command[:1], *where, *command[1:])
            assert code == 1
            assert "already open in another program" in err
            assert "internal error" not in err


def test_a_read_only_archive_refuses_writes(archive_path: Path, held_archive: Archive) -> None:
    from archive_app.core.errors import ReadOnlyError

    with held_archive, Archive.open(archive_path, read_only=True) as reader:
        assert reader.search("Lachin").total == 2
        with pytest.raises(ReadOnlyError, match="only for reading"):
            reader.tags.create("roads")


@pytest.mark.parametrize(
    "command", [["search", "x"], ["show", "1"], ["similar", "1"], ["annotations"], ["check"]]
)
def test_a_reading_command_never_makes_an_archive(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, command: list[str]
) -> None:
    folder = tmp_path / "nothing here"

    code, out, err = run(capsys, command[0], "--archive", str(folder), *command[1:])

    assert code == 1
    assert out == ""
    assert "There is no archive at" in err
    assert not folder.exists()


def test_check_beside_the_window_counts_what_it_is_still_indexing_as_no_problem(
    capsys: pytest.CaptureFixture[str], archive_path: Path, held_archive: Archive, tmp_path: Path
) -> None:
    late = write_file(tmp_path / "in", "late.txt", "Late\n\nThe last dispatch.")
    document = ExtractedDocument(kind="text", title="Late", blocks=[Block("paragraph", "Late.")])
    kept = KeptFile(late, digest_file(late), document, "test")
    with held_archive:
        archive = held_archive
        keep_source(archive.database, archive.store, archive.derived, kept)  # not indexed yet
        code, out, err = run(capsys, "check", "--archive", str(archive_path))
    assert code == 0, out + err
    assert "3 sources checked: healthy" in out
