"""What the command line says reads as a person would write it: one hit is "1 hit", dates are in
the locale (ISO 8601 stays in ``--json``); where no locale is chosen, as in these tests,
day, month name and year."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.helpers import Cli, write_file

PAGE = """<html><head><title>Ceasefire holds</title>
<meta property="article:published_time" content="2019-11-19T02:34:30+00:00">
</head><body><article><h1>Ceasefire holds</h1>
<p>The ceasefire along the line of contact held through the night, officials said.</p>
<p>Monitors reported no shooting near the village for the first time in weeks.</p>
</article></body></html>"""


@pytest.fixture
def cli(run_cli: Cli, tmp_path: Path) -> Cli:
    page = write_file(tmp_path / "in", "ceasefire.html", PAGE)
    assert run_cli("import", str(page))[0] == 0
    return run_cli


def test_one_hit_is_one_hit(cli: Cli) -> None:
    code, out, _ = cli("search", "monitors")
    assert code == 0
    assert out.startswith("1 hit for 'monitors'\n")


def test_dates_are_shown_in_the_locale_and_kept_iso_in_json(cli: Cli) -> None:
    shown = cli("show", "1")[1]
    assert "Published:    19 Nov 2019 02:34\n" in shown
    assert "T02:34:30" not in shown
    assert "(article, 19 Nov 2019 02:34" in cli("search", "monitors")[1]

    assert json.loads(cli("show", "--json", "1")[1])["published"] == "2019-11-19T02:34:30+00:00"
    hit = json.loads(cli("search", "--json", "monitors")[1])["hits"][0]
    assert hit["published"] == "2019-11-19T02:34:30+00:00"


def test_the_command_line_says_how_a_query_was_searched(cli: Cli) -> None:
    code, out, _ = cli("search", '"ceasefire along')
    assert code == 0
    assert out.splitlines()[:3] == [
        "1 hit for '\"ceasefire along'",
        'Searched for: "ceasefire along"',
        "  (A quote was not closed: the phrase runs to the end of the query.)",
    ]
