"""The command line, run in-process as a person would type it."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from archive_app.cli import main
from archive_app.core.archive import Archive
from tests.helpers import write_file


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    folder = tmp_path / "incoming"
    write_file(
        folder, "wire.txt", "Thousands leave Stepanakert\n\nCars queued on the road to Goris."
    )
    write_file(
        folder, "statement.md", "# Statement on the measures\n\nResidents of Xankəndi may stay."
    )
    write_file(folder, "empty.txt", "")
    return folder


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_import_prints_a_line_per_file_and_exits_1_when_some_failed(
    capsys: pytest.CaptureFixture[str], folder: Path, archive_path: Path
) -> None:
    code, out, err = run(capsys, "import", "--archive", str(archive_path), str(folder))
    assert code == 1
    lines = out.splitlines()
    assert len(lines) == 3
    assert any(
        line.startswith("failed") and "empty.txt: The file is empty." in line for line in lines
    )
    assert sum(line.startswith("imported") for line in lines) == 2
    assert "2 imported, 1 failed" in err


def test_import_again_reports_duplicates_and_exits_0(
    capsys: pytest.CaptureFixture[str], folder: Path, archive_path: Path
) -> None:
    wire = folder / "wire.txt"
    run(capsys, "import", "--archive", str(archive_path), str(wire))
    code, out, _ = run(capsys, "import", "--archive", str(archive_path), str(wire))
    assert code == 0
    assert out.strip() == f"duplicate  {wire}  (same SHA-256 as source 1)"


def test_import_json_output(
    capsys: pytest.CaptureFixture[str], folder: Path, archive_path: Path
) -> None:
    code, out, _ = run(capsys, "import", "--json", "--archive", str(archive_path), str(folder))
    assert code == 1
    rows = json.loads(out)
    assert {row["status"] for row in rows} == {"imported", "failed"}
    for row in rows:
        assert set(row) >= {"path", "status", "id", "kind", "title", "error"}
    imported = [row for row in rows if row["status"] == "imported"]
    assert {row["kind"] for row in imported} == {"text"}
    assert all(isinstance(row["id"], int) and row["error"] is None for row in imported)


def test_search_and_show(
    capsys: pytest.CaptureFixture[str], folder: Path, archive_path: Path
) -> None:
    run(capsys, "import", "--archive", str(archive_path), str(folder))
    code, out, _ = run(capsys, "search", "--json", "--archive", str(archive_path), "xankendi")
    assert code == 0
    results = json.loads(out)
    assert results["query"] == "xankendi"
    assert results["total"] == 1
    hit = results["hits"][0]
    assert set(hit) >= {"id", "kind", "title", "score", "snippet"}
    assert "Xankəndi" in hit["snippet"]

    code, out, _ = run(capsys, "show", "--json", "--archive", str(archive_path), str(hit["id"]))
    shown = json.loads(out)
    for key in (
        "id",
        "kind",
        "title",
        "authors",
        "published",
        "language",
        "body",
        "captions",
        "tags",
        "events",
        "perspectives",
        "provenance",
    ):
        assert key in shown
    assert set(shown["provenance"]) >= {"sha256", "original_name", "source_url", "imported_at"}
    assert shown["provenance"]["original_name"] == "statement.md"

    code, out, _ = run(capsys, "show", "--archive", str(archive_path), str(hit["id"]))
    assert out.startswith("Statement on the measures\n")
    assert "SHA-256:" in out


def test_a_missing_source_is_an_error_on_stderr(
    capsys: pytest.CaptureFixture[str], archive_path: Path
) -> None:
    Archive.open(archive_path, workers=1).close()
    code, out, err = run(capsys, "show", "--archive", str(archive_path), "99")
    assert code == 1
    assert out == ""
    assert err == "archive-app: error: There is no source 99 in this archive.\n"


def test_bad_usage_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["import"])
    assert exit_info.value.code == 2
    with pytest.raises(SystemExit) as exit_info:
        main(["show", "not-a-number"])
    assert exit_info.value.code == 2


def test_check_and_reindex(
    capsys: pytest.CaptureFixture[str], folder: Path, archive_path: Path
) -> None:
    run(capsys, "import", "--archive", str(archive_path), str(folder))
    code, out, _ = run(capsys, "check", "--archive", str(archive_path))
    assert (code, out.strip()) == (0, "2 sources checked: healthy.")
    code, out, _ = run(capsys, "reindex", "--archive", str(archive_path))
    assert (code, out.strip()) == (0, "Rebuilt the index of 2 sources.")


def test_check_finds_a_changed_original_and_repair_rebuilds_the_index(
    capsys: pytest.CaptureFixture[str], folder: Path, archive_path: Path
) -> None:
    run(capsys, "import", "--archive", str(archive_path), str(folder))
    original = next((archive_path / "originals").glob("*/*.txt"))
    original.chmod(0o644)
    original.write_text("tampered")
    for index_file in (archive_path / "index").iterdir():
        if index_file.suffix == ".seg":
            index_file.unlink()
    code, out, _ = run(capsys, "check", "--repair", "--archive", str(archive_path))
    assert code == 1
    assert "no longer matches its SHA-256" in out
    code, out, _ = run(capsys, "search", "--archive", str(archive_path), "Goris")
    assert out.startswith("1 hit for")


def test_an_archive_open_elsewhere_is_a_clear_error(
    capsys: pytest.CaptureFixture[str], archive_path: Path
) -> None:

    with Archive.open(archive_path):
        code, _, err = run(capsys, "reindex", "--archive", str(archive_path))
    assert code == 1
    assert "already open in another program" in err


def test_the_default_archive_comes_from_archive_app_home(
    capsys: pytest.CaptureFixture[str],
    folder: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("ARCHIVE_APP_HOME", str(tmp_path / "home-archive"))
    run(capsys, "import", str(folder / "wire.txt"))
    assert (tmp_path / "home-archive" / "archive.db").exists()


def test_python_m_archive_app_is_the_same_program() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "archive_app", "--help"], capture_output=True, text=True, check=True
    )
    for command in ("import", "search", "show", "check", "reindex", "gui"):
        assert command in result.stdout


def test_the_window_command_explains_a_missing_display(
    capsys: pytest.CaptureFixture[str], archive_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("QT_QPA_PLATFORM", raising=False)
    monkeypatch.delenv("DISPLAY", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    code, _, err = run(capsys, "gui", "--archive", str(archive_path))
    assert code == 3
    assert "No display found" in err
