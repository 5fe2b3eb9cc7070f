"""``archive-app duplicates`` and what ``show --json`` says of copies."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.fixtures.make_copies import COPIES, photo_file, republished, scene, wire_story
from tests.helpers import Cli, write_file

NIGHT = "Shelling near Stepanakert at night, 4 October 2020."
DAWN = "Fires in Khankendi at dawn, 5 October 2020."


@pytest.fixture
def imported(run_cli: Cli, tmp_path: Path) -> dict[str, int]:
    """Two copies of one photo with their own captions, an unrelated photo, a wire story and
    its republication; file name → id."""
    folder = tmp_path / "incoming"
    original = scene(11)
    write_file(
        folder,
        "a-night.jpg",
        photo_file(original, caption=NIGHT, credit="Agency A", taken="2020:10:04 22:00:00"),
    )
    grey_copy = COPIES["grey"](COPIES["resized"](original))
    write_file(
        folder,
        "b-dawn.jpg",
        photo_file(grey_copy, caption=DAWN, credit="Agency B", taken="2020:10:05 06:00:00"),
    )
    write_file(folder, "c-other.jpg", photo_file(scene(12), caption="Something else."))
    write_file(folder, "d-wire.txt", wire_story())
    write_file(folder, "e-copy.txt", republished())
    report: Any = run_cli.json("import", "--json", str(folder))
    return {Path(item["path"]).name: item["id"] for item in report}


def test_duplicates_json_lists_photo_and_story_groups(
    run_cli: Cli, imported: dict[str, int]
) -> None:
    result: Any = run_cli.json("duplicates", "--json")

    photos, stories = result["groups"]
    assert photos["kind"] == "image"
    assert [(m["id"], m["caption"], m["credit"]) for m in photos["members"]] == [
        (imported["a-night.jpg"], NIGHT, "Agency A"),
        (imported["b-dawn.jpg"], DAWN, "Agency B"),
    ]
    assert photos["members"][0]["published"].startswith("2020-10-04")
    assert photos["members"][0]["distance"] == 0
    assert photos["members"][1]["distance"] <= 28
    assert set(photos["members"][0]) == {
        "id",
        "title",
        "caption",
        "credit",
        "published",
        "distance",
    }
    assert stories["kind"] == "text"
    assert {m["id"] for m in stories["members"]} == {imported["d-wire.txt"], imported["e-copy.txt"]}
    assert all(0.75 < m["similarity"] <= 1 for m in stories["members"])


def test_duplicates_can_list_only_photos_or_only_texts(
    run_cli: Cli, imported: dict[str, int]
) -> None:
    only_images: Any = run_cli.json("duplicates", "--images", "--json")
    only_texts: Any = run_cli.json("duplicates", "--texts", "--json")

    assert [g["kind"] for g in only_images["groups"]] == ["image"]
    assert [g["kind"] for g in only_texts["groups"]] == ["text"]


def test_duplicates_prints_each_caption_under_its_photo(
    run_cli: Cli, imported: dict[str, int]
) -> None:
    code, out, _ = run_cli("duplicates", "--images")

    assert code == 0
    assert out.startswith("Same photo, shown 2 times")
    assert f"“{NIGHT}” (Agency A)" in out and f"“{DAWN}” (Agency B)" in out


def test_show_json_gains_same_photo_and_same_text(run_cli: Cli, imported: dict[str, int]) -> None:
    photo: Any = run_cli.json("show", "--json", str(imported["b-dawn.jpg"]))
    story: Any = run_cli.json("show", "--json", str(imported["d-wire.txt"]))
    other: Any = run_cli.json("show", "--json", str(imported["c-other.jpg"]))

    [copy] = photo["same_photo"]
    assert copy["id"] == imported["a-night.jpg"]
    assert copy["caption"] == NIGHT and copy["credit"] == "Agency A"
    assert set(copy) == {"id", "caption", "credit", "published", "distance"}
    [same] = story["same_text"]
    assert same["id"] == imported["e-copy.txt"] and same["similarity"] > 0.75
    assert set(same) == {"id", "title", "similarity"}
    assert other["same_photo"] == []


def test_an_archive_without_copies_says_so(run_cli: Cli, tmp_path: Path) -> None:
    write_file(tmp_path / "in", "only.txt", wire_story())
    run_cli("import", str(tmp_path / "in"))

    code, out, _ = run_cli("duplicates")

    assert code == 0
    assert out.strip() == "No photo or story appears more than once."
