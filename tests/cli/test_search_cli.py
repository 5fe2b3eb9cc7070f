"""The search commands, run in-process as a person would type them: search, similar, saved,
alias."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.helpers import Cli, write_file

TEXTS = {
    "wire.txt": "Thousands leave Stepanakert\n\nCars queued on the road to Goris for days.",
    "statement.txt": "Statement on the measures\n\nResidents of Xankəndi may stay in their homes.",
    "water.txt": "Water shortages\n\nThe reservoir ran dry and the water trucks stopped at Goris.",
    "drought.txt": "Drought\n\nWells ran dry; water trucks and the reservoir failed the valley.",
}


@pytest.fixture
def cli(run_cli: Cli, tmp_path: Path) -> Cli:
    paths = [write_file(tmp_path / "incoming", name, text) for name, text in TEXTS.items()]
    assert run_cli("import", *map(str, paths))[0] == 0
    return run_cli


def test_search_json_has_every_part(cli: Cli) -> None:
    assert cli("alias", "add", "Stepanakert", "Khankendi", "Xankəndi")[0] == 0
    results = cli.json("search", "--json", "Khankendi")
    assert isinstance(results, dict)
    assert set(results) >= {"query", "total", "hits", "facets", "suggestion"}
    assert results["query"] == "Khankendi"
    assert results["total"] == 2
    hits = {hit["title"]: hit for hit in results["hits"]}
    assert hits["Thousands leave Stepanakert"]["matched_aliases"] == ["Stepanakert"]
    statement = hits["Statement on the measures"]
    assert statement["matched_aliases"] == ["Xankəndi"]
    start, end = statement["highlights"][0]
    assert statement["snippet"][start:end] == "Xankəndi"
    assert {"id", "kind", "score", "page", "published", "site"} <= set(statement)
    assert results["facets"]["kind"] == {"text": 2}


def test_search_text_output_marks_words_and_shows_facets(cli: Cli) -> None:
    code, out, _ = cli("search", "Goris")
    assert code == 0
    assert out.startswith("2 hits for 'Goris'")
    assert "[Goris]" in out
    assert "Kinds: text 2" in out


def test_search_paging_and_sorting(cli: Cli) -> None:
    everything = cli.json("search", "--json", "--sort", "date", "water OR Goris OR Xankəndi")
    assert isinstance(everything, dict)
    ids = [hit["id"] for hit in everything["hits"]]
    assert len(ids) == 4
    second_page = cli.json(
        "search",
        "--json",
        "--sort",
        "date",
        "--limit",
        "2",
        "--offset",
        "2",
        "water OR Goris OR Xankəndi",
    )
    assert isinstance(second_page, dict)
    assert [hit["id"] for hit in second_page["hits"]] == ids[2:]
    code, out, _ = cli("search", "--limit", "1", "Goris")
    assert code == 0
    assert "(showing 1-1)" in out.splitlines()[0]


def test_a_misspelling_gets_a_suggestion(cli: Cli) -> None:
    code, out, _ = cli("search", "Gorris")
    assert code == 0
    assert out.splitlines()[:2] == ["0 hits for 'Gorris'", "Did you mean: Goris"]


@pytest.mark.parametrize("query", ['"unclosed', "title:", "AND OR", "((", "published:2023-13"])
def test_malformed_queries_exit_0(cli: Cli, query: str) -> None:
    code, out, err = cli("search", "--json", query)
    assert code == 0, err
    assert json.loads(out)["total"] >= 0


def test_a_query_starting_with_a_minus_follows_a_double_dash(cli: Cli) -> None:
    results = cli.json("search", "--json", "--", "-Goris", "water")
    assert isinstance(results, dict)
    assert [hit["title"] for hit in results["hits"]] == ["Drought"]


def test_bad_options_are_usage_errors(cli: Cli) -> None:
    with pytest.raises(SystemExit) as exit_info:
        cli("search", "--limit", "-3", "Goris")
    assert exit_info.value.code == 2
    with pytest.raises(SystemExit):
        cli("search", "--sort", "title", "Goris")


def test_search_help_documents_the_query_language(cli: Cli) -> None:
    with pytest.raises(SystemExit):
        cli("search", "--help")
    out = cli.capsys.readouterr().out
    for syntax in ('"Hakari bridge"', " OR ", "-Russia", "evacuat*", "Shusha~", "published:"):
        assert syntax in out
    for field in ("title:", "author:", "caption:", "tag:", "event:", "perspective:", "kind:"):
        assert field in out


def test_similar(cli: Cli) -> None:
    results = cli.json("search", "--json", "title:drought")
    assert isinstance(results, dict)
    drought = results["hits"][0]["id"]
    similar = cli.json("similar", "--json", str(drought))
    assert isinstance(similar, dict)
    assert similar["source"] == drought
    assert similar["hits"][0]["title"] == "Water shortages"
    code, out, _ = cli("similar", str(drought))
    assert code == 0
    assert out.startswith(f"Sources like {drought}:")
    code, _, err = cli("similar", "999")
    assert code == 1
    assert "There is no source with id 999." in err


def test_saved_searches(cli: Cli) -> None:
    code, out, _ = cli("saved", "add", "Water", "water", "OR", "reservoir", "--sort", "date")
    assert (code, out) == (0, "Saved search 'Water': water OR reservoir\n")
    assert cli("saved", "list")[1] == "Water: water OR reservoir  (newest first)\n"
    saved = cli.json("saved", "list", "--json")
    assert isinstance(saved, list)
    assert [entry["name"] for entry in saved] == ["Water"]
    results = cli.json("saved", "run", "water", "--json")
    assert isinstance(results, dict)
    assert (results["total"], results["sort"]) == (2, "date")
    code, _, err = cli("saved", "add", "water", "Goris")
    assert code == 1
    assert "already a saved search named 'water'" in err
    assert cli("saved", "remove", "WATER")[1] == "Removed saved search 'Water'.\n"
    code, _, err = cli("saved", "run", "Water")
    assert (code, err) == (1, "archive-app: error: There is no saved search named 'Water'.\n")


def test_alias_commands(cli: Cli) -> None:
    code, out, _ = cli("alias", "add", "Stepanakert", "Khankendi", "--note", "Armenian, Azeri")
    assert (code, out) == (0, "Alias group 1: Stepanakert, Khankendi  (Armenian, Azeri)\n")
    assert cli("alias", "add", "Khankendi", "Xankəndi")[1] == (
        "Alias group 1: Stepanakert, Khankendi, Xankəndi  (Armenian, Azeri)\n"
    )
    assert cli("alias", "add", "Shusha", "Shushi")[0] == 0
    code, _, err = cli("alias", "add", "Shusha", "Stepanakert")
    assert code == 1
    assert "'Stepanakert' is already in another alias group" in err
    groups = cli.json("alias", "list", "--json")
    assert groups == [
        {"id": 1, "names": ["Stepanakert", "Khankendi", "Xankəndi"], "note": "Armenian, Azeri"},
        {"id": 2, "names": ["Shusha", "Shushi"], "note": ""},
    ]
    assert cli.json("search", "--json", "Stepanakert")["total"] == 2  # type: ignore[index]
    assert cli("alias", "remove", "Khankendi")[1] == (
        "Removed 'Khankendi'; alias group 1: Stepanakert, Xankəndi  (Armenian, Azeri)\n"
    )
    assert cli("alias", "remove", "1")[1].startswith("Removed alias group 1: Stepanakert")
    assert cli.json("search", "--json", "Stepanakert")["total"] == 1  # type: ignore[index]
    assert cli("alias", "remove", "Shushi")[1] == (
        "Removed 'Shushi' and its group, which had no other names left.\n"
    )
    assert cli("alias", "list")[1].startswith("No aliases yet.")
    code, _, err = cli("alias", "remove", "7")
    assert (code, err) == (1, "archive-app: error: There is no alias group 7.\n")
