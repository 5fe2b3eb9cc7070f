"""The evidence commands, run as a person would type them: history, delete and the trash,
verify, sensitive, place, provenance."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pypdf import PdfReader

from tests.helpers import Cli, write_file

TEXT = "Azerbaijani forces entered Shusha on 8 November 2020, the op-ed says."


@pytest.fixture
def cli(whole_gazetteer: None, run_cli: Cli, tmp_path: Path) -> Cli:
    path = write_file(tmp_path / "incoming", "shusha.txt", TEXT)
    assert run_cli("import", str(path))[0] == 0
    return run_cli


def test_verify_then_history_shows_before_after_and_reason(cli: Cli) -> None:
    assert cli("investigator", "Leyla Mammadova") == (0, "Leyla Mammadova\n", "")
    code, out, _ = cli(
        "verify", "1", "--status", "verified", "--reliability", "B", "--reason", "AP wire copy"
    )
    assert (code, out) == (0, "Source 1: verified, reliability B (usually reliable).\n")
    code, out, _ = cli("history", "1")
    assert code == 0
    assert "Imported shusha.txt" in out
    assert "Leyla Mammadova  Verification of source 1" in out
    assert "reason: AP wire copy" in out
    entries = cli.json("history", "--json", "1")
    assert isinstance(entries, list)
    assert entries[-1]["changes"][0]["rows"][0]["reliability"] == "B"
    assert cli.json("search", "--json", "status:verified reliability:B")["total"] == 1  # type: ignore[index]


def test_bad_grades_exit_1_with_the_choices(cli: Cli) -> None:
    code, _, err = cli("verify", "1", "--reliability", "Z")
    assert code == 1
    assert "A, B, C, D, E, F" in err


def test_delete_list_restore_and_empty(cli: Cli) -> None:
    before = cli.dump()
    assert cli("delete", "1", "--reason", "duplicate")[0] == 0
    listed = cli.json("trash", "list", "--json")
    assert [item["id"] for item in listed] == [1]  # type: ignore[union-attr, index]
    assert cli("search", "Shusha")[1].startswith("0 hits")
    assert cli("trash", "restore", "1") == (0, "Restored 1 source.\n", "")
    assert cli.dump() == before
    assert cli("delete", "1")[0] == 0
    code, _, err = cli("trash", "empty")
    assert code == 1
    assert "--yes" in err
    assert cli("trash", "empty", "--yes") == (0, "Destroyed 1 source for good.\n", "")
    assert cli("trash", "list") == (0, "The trash is empty.\n", "")
    assert cli("check")[0] == 0
    actions = [entry["action"] for entry in cli.json("history", "--json")]  # type: ignore[union-attr, index]
    assert actions == ["import", "trash", "restore", "trash", "empty trash"]


def test_sensitive_and_place(cli: Cli) -> None:
    assert cli("sensitive", "1", "--graphic", "--reason", "bodies") == (0, "Marked 1 source.\n", "")
    assert cli.json("search", "--json", "sensitive:graphic")["total"] == 1  # type: ignore[index]
    code, out, _ = cli("place", "1", "--town", "Şuşa")
    assert (code, out) == (0, "Source 1: Shusha, AZ (39.76006, 46.74989), town.\n")
    assert cli.json("search", "--json", "place:Shusha")["total"] == 1  # type: ignore[index]
    assert cli("place", "1", "--gps")[0] == 1


def test_provenance_report(cli: Cli, tmp_path: Path) -> None:
    target = tmp_path / "report.pdf"
    code, out, _ = cli("provenance", "1", str(target))
    assert (code, out) == (0, f"Wrote the provenance of 1 source to {target}.\n")
    text = PdfReader(target).pages[0].extract_text()
    assert "shusha.txt" in text
    assert "matches" in text
    html = tmp_path / "all.html"
    assert cli("provenance", "--search", "Shusha", str(html))[0] == 0
    assert "shusha.txt" in html.read_text(encoding="utf-8")
    history = cli.json("history", "--json")
    assert json.dumps(history).count("Provenance report written") == 2
