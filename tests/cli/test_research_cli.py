"""The research commands, run as a person would type them."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from tests.helpers import Cli, write_file

TEXT = (
    "Azerbaijani forces entered Shusha on 8 November 2020. Armenian officials first denied "
    "that Shusha had fallen. Residents of Stepanakert heard the news on the radio."
)


@pytest.fixture
def cli(run_cli: Cli, tmp_path: Path) -> Cli:
    path = write_file(tmp_path / "incoming", "shusha.txt", TEXT)
    assert run_cli("import", str(path))[0] == 0
    return run_cli


def test_event_tree_commands(cli: Cli) -> None:
    assert cli("event", "add", "Nagorno-Karabakh conflict", "--start", "1988")[0] == 0
    code, out, _ = cli(
        "event",
        "add",
        "2nd Karabakh War",
        "--parent",
        "nagorno-karabakh conflict",
        "--start",
        "2020-09-27",
        "--end",
        "2020-11-10",
        "--place",
        "Karabakh",
    )
    assert (code, out) == (0, "Added event '2nd Karabakh War' (id 2).\n")
    cli("event", "add", "Battle of Shusha", "--start", "2020-11", "--description", "Şuşa")
    assert cli("event", "move", "Battle of Shusha", "--parent", "2nd Karabakh War")[0] == 0
    assert cli("tag", "1", "--event", "Battle of Shusha", "--event", "2nd Karabakh War")[0] == 0
    code, out, _ = cli("event", "list")
    assert out.splitlines() == [
        "Nagorno-Karabakh conflict  (from 1988)  · 1 source  [id 1]",
        "  2nd Karabakh War  (27 Sep 2020 – 10 Nov 2020, Karabakh)  · 1 source  [id 2]",
        "    Battle of Shusha  (from November 2020)  · 1 source  [id 3]",
    ]
    tree = json.loads(cli("event", "list", "--json")[1])
    assert tree[0]["children"][0]["children"][0]["description"] == "Şuşa"
    assert cli("event", "edit", "Battle of Shusha", "--name", "Capture of Shusha")[0] == 0
    assert cli("event", "move", "Capture of Shusha", "--root")[0] == 0
    names = [node["name"] for node in json.loads(cli("event", "list", "--json")[1])]
    assert names == ["Nagorno-Karabakh conflict", "Capture of Shusha"]


def test_event_errors_are_plain_and_change_nothing(cli: Cli) -> None:
    cli("event", "add", "2nd Karabakh War", "--start", "2020-09-27")
    cli("event", "add", "Battle of Shusha", "--parent", "2nd Karabakh War")
    cli("tag", "1", "--event", "2nd Karabakh War")
    before = cli.dump()
    code, _, err = cli("event", "add", "Bad", "--start", "2023-13-40")
    assert (code, err) == (
        1,
        "archive-app: error: '2023-13-40' is not a date: there is no month 13.\n",
    )
    code, _, err = cli("event", "move", "2nd Karabakh War", "--parent", "Battle of Shusha")
    assert code == 1 and "would become its own ancestor" in err
    code, _, err = cli("event", "remove", "2nd Karabakh War")
    assert code == 1 and "assigned to 1 source and 0 annotations" in err and "--force" in err
    code, _, err = cli("event", "add", "2ND KARABAKH WAR")
    assert code == 1 and "already an event named '2nd Karabakh War'" in err
    assert cli.dump() == before
    assert cli("event", "remove", "2nd Karabakh War", "--force")[0] == 0
    assert json.loads(cli("event", "list", "--json")[1])[0]["name"] == "Battle of Shusha"


def test_perspective_commands(cli: Cli) -> None:
    code, out, _ = cli("perspective", "add", "Azerbaijani government")
    assert out == "Added perspective 'Azerbaijani government' (#1f77b4, id 1).\n"
    cli("perspective", "add", "Armenian government", "--color", "#AA0000", "--description", "MFA")
    cli("perspective", "edit", "armenian government", "--name", "Armenian MFA")
    cli("tag", "1", "--perspective", "Armenian MFA")
    listed = json.loads(cli("perspective", "list", "--json")[1])
    assert [(p["name"], p["color"], p["sources"]) for p in listed] == [
        ("Armenian MFA", "#aa0000", 1),
        ("Azerbaijani government", "#1f77b4", 0),
    ]
    code, _, err = cli("perspective", "add", "Op-ed", "--color", "orange")
    assert code == 1 and "'orange' is not a colour" in err
    assert cli("perspective", "remove", "Armenian MFA")[0] == 1
    assert cli("perspective", "remove", "Armenian MFA", "--force")[0] == 0
    assert "Azerbaijani government" in cli("perspective", "list")[1]


def test_tag_untag_and_tags(cli: Cli) -> None:
    assert cli("tag", "1", "--tag", "capture", "--tag", "Shusha")[0] == 0
    shown = json.loads(cli("show", "--json", "1")[1])
    assert shown["tags"] == ["capture", "Shusha"]
    cli("untag", "1", "--tag", "SHUSHA")
    assert json.loads(cli("show", "--json", "1")[1])["tags"] == ["capture"]
    cli("tags", "rename", "capture", "fall of Shusha")
    cli("tag", "1", "--tag", "Şuşa")
    code, out, _ = cli("tags", "merge", "Şuşa", "--into", "fall of Shusha")
    assert code == 0
    assert out == (
        "Merged 'Şuşa' into 'fall of Shusha', which is now on 1 source and 0 annotations.\n"
    )
    listed = json.loads(cli("tags", "list", "--json")[1])
    assert [(t["name"], t["sources"]) for t in listed] == [("fall of Shusha", 1), ("Shusha", 0)]
    cli("tags", "remove", "Shusha")
    assert cli("tags", "list")[1] == "fall of Shusha  · 1 source, 0 annotations\n"
    code, _, err = cli("tag", "1")
    assert code == 1 and "at least one --event, --perspective or --tag" in err
    code, _, err = cli("tag", "1", "7", "--tag", "x")
    assert code == 1 and "no source 7" in err


def test_annotate_list_and_export(cli: Cli, tmp_path: Path) -> None:
    cli("event", "add", "2nd Karabakh War")
    cli("event", "add", "Battle of Shusha", "--parent", "2nd Karabakh War")
    before = cli.dump()
    code, _, err = cli("annotate", "1", "--quote", "Shusha", "--note", "which?")
    assert code == 1 and "appears 2 times" in err and "(1 to 2)" in err
    code, _, err = cli("annotate", "1", "--quote", "Khankendi", "--note", "x")
    assert code == 1 and "does not contain “Khankendi”" in err
    code, _, err = cli("annotate", "1", "--region", "0.5,0.5,0.6,0.1", "--note", "x")
    assert code == 1 and "regions can be marked on images and PDF pages" in err
    assert cli.dump() == before

    code, out, _ = cli(
        "annotate",
        "1",
        "--quote",
        "Shusha",
        "--occurrence",
        "2",
        "--note",
        "Denial first",
        "--tag",
        "denial",
        "--event",
        "Battle of Shusha",
    )
    assert code == 0 and out.startswith("Added annotation 1 to source 1: characters")
    listed = cli("annotations", "1")[1]
    assert "“Shusha”" in listed and "Denial first" in listed
    assert "events: Battle of Shusha · tags: denial" in listed
    [annotation] = json.loads(cli("annotations", "--json")[1])
    assert (annotation["note"], annotation["tags"][0]["name"]) == ("Denial first", "denial")

    out_file = tmp_path / "karabakh.jsonld"
    code, out, _ = cli("export", "annotations", "--event", "2nd Karabakh War", str(out_file))
    assert (code, out) == (0, f"Wrote 1 annotation to {out_file}.\n")
    exported = json.loads(out_file.read_text(encoding="utf-8"))
    assert exported["first"]["items"][0]["target"]["selector"][0]["exact"] == "Shusha"

    assert cli("annotation", "edit", "1", "--note", "Denied, then confirmed")[0] == 0
    assert "Denied, then confirmed" in cli("annotations")[1]
    assert cli("annotation", "remove", "1")[0] == 0
    assert cli("annotations")[1] == "No annotations.\n"


def test_note_sets_source_notes_and_search_finds_them(
    cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert cli("note", "1", "Compare with the TASS wire of 9 November.")[0] == 0
    hits = json.loads(cli("search", "--json", "TASS")[1])["hits"]
    assert [hit["id"] for hit in hits] == [1]
    monkeypatch.setattr("sys.stdin", io.StringIO("# Sources\n\nInterfax, *9 November*\n"))
    assert cli("note", "1", "-")[0] == 0
    assert json.loads(cli("show", "--json", "1")[1])["notes"].startswith("# Sources")


def test_every_command_has_help(cli: Cli) -> None:
    commands = [
        ["event", "add"],
        ["event", "list"],
        ["event", "edit"],
        ["event", "move"],
        ["event", "remove"],
        ["perspective", "add"],
        ["perspective", "edit"],
        ["perspective", "remove"],
        ["tags", "merge"],
        ["tag"],
        ["untag"],
        ["annotate"],
        ["annotations"],
        ["annotation", "edit"],
        ["note"],
        ["export", "annotations"],
    ]
    for command in commands:
        with pytest.raises(SystemExit) as exit_info:
            cli(*command, "--help")
        assert exit_info.value.code == 0
        assert "--archive" in cli.capsys.readouterr().out
