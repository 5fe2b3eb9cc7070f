"""``export``, ``backup`` and ``restore`` as a person types them."""

from __future__ import annotations

import csv
import hashlib
import json
import zipfile
from pathlib import Path

import pytest
import rispy
from pypdf import PdfReader

from archive_app.core.archive import Archive
from tests.helpers import Cli, write_file

TEXT = (
    "Azerbaijani forces entered Shusha on 8 November 2020. Armenian officials first denied "
    "that Shusha had fallen. Residents of Stepanakert heard the news on the radio."
)

FORMAT_FILES = [
    ("csl-json", "out.json"),
    ("bibtex", "out.bib"),
    ("ris", "out.ris"),
    ("csv", "out.csv"),
    ("qdpx", "out.qdpx"),
    ("report", "out.html"),
    ("annotations", "out.jsonld"),
]


@pytest.fixture
def cli(run_cli: Cli, tmp_path: Path) -> Cli:
    folder = tmp_path / "incoming"
    write_file(folder, "shusha.txt", TEXT)
    write_file(folder, "other.txt", "Nothing about the war here.\n\nA second paragraph.")
    assert run_cli("import", str(folder))[0] == 0
    assert run_cli("event", "add", "Second Karabakh War", "--start", "2020-09-27")[0] == 0
    run_cli("event", "add", "Battle of Shusha", "--parent", "Second Karabakh War")
    run_cli("perspective", "add", "Armenian government")
    shusha = next(hit["id"] for hit in run_cli.json("search", "--json", "Shusha")["hits"])  # type: ignore[index]
    run_cli(
        "tag", str(shusha), "--event", "Battle of Shusha", "--perspective", "Armenian government"
    )
    run_cli("annotate", str(shusha), "--quote", "Residents of Stepanakert", "--note", "Who?")
    return run_cli


def test_every_format_with_a_selection(cli: Cli, tmp_path: Path) -> None:
    written = {}
    for name, file_name in [*FORMAT_FILES, ("report", "out.pdf")]:
        path = tmp_path / file_name
        code, out, err = cli("export", name, "--event", "Second Karabakh War", str(path))
        assert code == 0, err
        written[file_name] = path
        assert out.startswith("Wrote 1 ") and str(path) in out
    [item] = json.loads(written["out.json"].read_text(encoding="utf-8"))
    assert item["title"].startswith("Azerbaijani forces entered Shusha")
    assert "@unpublished{" in written["out.bib"].read_text(encoding="utf-8")
    [record] = rispy.loads(written["out.ris"].read_text(encoding="utf-8"))
    assert record["type_of_reference"] == "MANSCPT"
    with written["out.csv"].open(encoding="utf-8-sig", newline="") as handle:
        assert [row["events"] for row in csv.DictReader(handle)] == ["Battle of Shusha"]
    with zipfile.ZipFile(written["out.qdpx"]) as package:
        assert "project.qde" in package.namelist()
    assert "Who?" in written["out.html"].read_text(encoding="utf-8")
    pdf_text = " ".join(page.extract_text() for page in PdfReader(written["out.pdf"]).pages)
    assert "Residents of Stepanakert" in pdf_text
    exported = json.loads(written["out.jsonld"].read_text(encoding="utf-8"))
    assert exported["total"] == 1

    code, out, _ = cli("export", "csl-json", "--query", "Nothing", str(tmp_path / "q.json"))
    assert (code, out) == (0, f"Wrote 1 source to {tmp_path / 'q.json'}.\n")
    cli("export", "csl-json", str(tmp_path / "all.json"))
    assert len(json.loads((tmp_path / "all.json").read_text(encoding="utf-8"))) == 2


def test_every_format_can_leave_sensitive_items_out(cli: Cli, tmp_path: Path) -> None:
    other = next(hit["id"] for hit in cli.json("search", "--json", "Nothing")["hits"])  # type: ignore[index]
    assert cli("sensitive", str(other), "--identifiable")[0] == 0
    cli("annotate", str(other), "--quote", "A second paragraph", "--note", "Whose face?")
    for name, file_name in FORMAT_FILES:
        path = tmp_path / file_name
        kept = tmp_path / f"all-{file_name}"
        assert cli("export", name, str(kept))[0] == 0
        code, out, err = cli("export", name, "--leave-out-sensitive", str(path))
        assert code == 0, err
        assert out.startswith("Wrote 1 "), out
        written = path.read_bytes() if name != "qdpx" else _qde(path)
        assert b"Nothing about the war" not in written and b"Whose face" not in written
        everything = kept.read_bytes() if name != "qdpx" else _qde(kept)
        assert b"Nothing about the war" in everything or b"Whose face" in everything
    assert "sensitive images left out" in (tmp_path / "out.html").read_text(encoding="utf-8")
    code, out, _ = cli(
        "export", "ris", "--leave-out-sensitive", "--id", str(other), str(tmp_path / "x.ris")
    )
    assert out.startswith("Wrote 0 ")


def _qde(path: Path) -> bytes:
    with zipfile.ZipFile(path) as package:
        return package.read("project.qde")


def test_export_errors_are_plain(cli: Cli, tmp_path: Path) -> None:
    code, _, err = cli("export", "ris", "--event", "Battle of Nowhere", str(tmp_path / "x.ris"))
    assert code == 1 and "Battle of Nowhere" in err and "Traceback" not in err
    code, _, err = cli("export", "report", str(tmp_path / "x.docx"))
    assert code == 1 and "HTML or PDF" in err
    code, _, err = cli("export", "bibtex", str(tmp_path / "missing" / "x.bib"))
    assert code == 1 and "does not exist" in err
    with pytest.raises(SystemExit) as exit_info:
        cli("export", "docx", str(tmp_path / "x.docx"))
    assert exit_info.value.code == 2
    assert not list(tmp_path.glob("x.*"))


def test_backup_and_restore(cli: Cli, tmp_path: Path) -> None:
    backup = tmp_path / "archive.tar"
    with Archive.open(cli.archive_path, workers=1):  # the window has the archive open
        assert cli("tag", "1", "--tag", "x")[0] == 1  # changes are refused meanwhile…
        code, out, _ = cli("backup", str(backup))  # …but a backup is safe
    assert code == 0 and out.startswith(f"Backed up the database and 2 originals to {backup}")
    restored = tmp_path / "restored"
    code, out, _ = cli("restore", str(backup), str(restored))
    assert code == 0 and "Restored 2 sources and 2 originals" in out
    other = Cli(restored, cli.capsys)
    assert other("check")[0] == 0
    for query in ("Shusha", 'event:"Second Karabakh War"', "note:Who"):
        assert _found(other, query) == _found(cli, query)
        assert _found(cli, query)
    code, _, err = cli("restore", str(backup), str(restored))
    assert code == 1 and "not empty" in err


def test_exports_backups_and_restores_are_in_the_history(cli: Cli, tmp_path: Path) -> None:
    exported = tmp_path / "out.ris"
    assert cli("export", "ris", "--event", "Second Karabakh War", str(exported))[0] == 0
    backup = tmp_path / "archive.tar"
    assert cli("backup", str(backup))[0] == 0
    restored = tmp_path / "restored"
    assert cli("restore", str(backup), str(restored))[0] == 0

    history = cli.json("history", "--json")
    assert isinstance(history, list)
    export, backed_up = [entry for entry in history if entry["action"] in ("export", "backup")]
    assert export["action"] == "export" and "out.ris" in export["description"]
    [shusha] = export["sources"]
    assert export["changes"][0]["format"] == "ris"
    assert export["changes"][1] == _file_facts(exported)
    assert cli.json("history", "--json", str(shusha))[-1]["id"] == export["id"]  # type: ignore[index]
    assert backed_up["changes"][1] == _file_facts(backup)
    assert backed_up["description"].startswith("Backed up the database and 2 originals")
    _, text, _ = cli("history")
    assert f"sha256 “{_file_facts(backup)['sha256']}”" in text

    [restore] = [
        e for e in Cli(restored, cli.capsys).json("history", "--json") if e["action"] == "restore"
    ]  # type: ignore[union-attr]
    assert restore["changes"][1] == _file_facts(backup)
    assert restore["changes"][0] == {"sources": 2, "originals": 2}


def test_an_export_beside_the_window_says_it_is_not_in_the_history(
    cli: Cli, tmp_path: Path
) -> None:
    with Archive.open(cli.archive_path, workers=1) as window:
        code, out, err = cli("export", "ris", str(tmp_path / "out.ris"))
        assert code == 0, err
        assert out.startswith("Wrote 2 sources") and "Not in the audit trail" in out
        code, out, _ = cli("backup", str(tmp_path / "archive.tar"))
        assert code == 0 and "Not in the audit trail" in out
        assert not [e for e in window.audit.entries() if e.action in ("export", "backup")]
    code, out, _ = cli("export", "ris", str(tmp_path / "again.ris"))
    assert "audit trail" not in out


def _file_facts(path: Path) -> dict[str, object]:
    data = path.read_bytes()
    return {"file": str(path), "sha256": hashlib.sha256(data).hexdigest(), "size": len(data)}


def _found(cli: Cli, query: str) -> list[tuple[object, ...]]:
    """What a search shows, but the scores (a rebuilt index weighs words a little anew)."""
    results = cli.json("search", "--json", query)
    assert isinstance(results, dict)
    return [(hit["id"], hit["title"], hit["snippet"]) for hit in results["hits"]]


def test_commands_have_help(cli: Cli) -> None:
    for command in (["export"], ["backup"], ["restore"]):
        with pytest.raises(SystemExit) as exit_info:
            cli(*command, "--help")
        assert exit_info.value.code == 0
        help_text = cli.capsys.readouterr().out
        assert "--archive" in help_text
    with pytest.raises(SystemExit):
        cli("export", "--help")
    help_text = cli.capsys.readouterr().out
    assert all(name in help_text for name in ("csl-json", "qdpx", "report", "--saved"))
