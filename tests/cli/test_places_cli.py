"""Place names on the command line, tried as a new user would: a fresh archive with the seed
op-ed, a Russian and an Armenian report; then a name of several places, and the gazetteer off."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers import PROJECT_ROOT, Cli, write_file

OPED = PROJECT_ROOT / "resources" / "sample" / "articles" / "oped-2023-10-10.html"


@pytest.fixture
def cli(whole_gazetteer: None, run_cli: Cli, tmp_path: Path) -> Cli:
    russian = write_file(tmp_path, "ru.txt", "В Степанакерте люди ждали автобусы у здания.")
    armenian = write_file(tmp_path, "hy.txt", "Ստեփանակերտում մարդիկ սպասում էին ավտոբուսներին։")
    assert run_cli("import", str(OPED), str(russian), str(armenian))[0] == 0
    return run_cli


@pytest.mark.parametrize("query", ["Stepanakert", "Ханкенди", "Xankəndi"])
def test_each_name_finds_all_three_and_says_which_name_matched(cli: Cli, query: str) -> None:
    code, out, _ = cli("search", query)
    assert code == 0
    assert out.startswith(f"3 hits for '{query}'")
    assert out.count("matched: ") == 3


def test_a_name_of_several_places_is_offered_then_chosen(cli: Cli, tmp_path: Path) -> None:
    out = cli("search", "Susa")[1]
    assert "'Susa' is a name of several places, so it was searched as typed" in out
    assert "Shusha (AZ, 19,400 people)" in out
    assert cli("places", "choose", "Susa", "147105") == (
        0,
        "'Susa' means Shusha (AZ, 19,400 people).\n",
        "",
    )
    assert "several places" not in cli("search", "Susa")[1]
    code, _, err = cli("places", "choose", "Susa", "12")
    assert code == 1 and "is not one of the places called 'Susa'" in err
    shown = cli.json("places", "show", "--json", "Shusha")
    assert shown[0]["name"] == "Shusha"  # type: ignore[index]
    assert "Шуша" in shown[0]["names"] and "Susa" not in shown[0]["names"]  # type: ignore[index]


def test_the_gazetteer_switched_off(cli: Cli) -> None:
    assert cli("places", "off")[1] == "The gazetteer is off.\n"
    assert cli("search", "Ханкенди")[1].startswith("1 hit for 'Ханкенди'")
    assert cli("places", "on")[1] == "The gazetteer is on.\n"
    assert cli("search", "Ханкенди")[1].startswith("3 hits")
