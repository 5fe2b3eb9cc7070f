"""The built-in gazetteer: a place's names find each other with no alias typed; a name of
several places is never expanded without a choice; the user's aliases win; it can be switched
off, and names of it one by one. Texts of our own, and the seed op-ed of the sample archive."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from archive_app.core.archive import Archive
from archive_app.core.search.gazetteer import NO_PLACE, build_table, gazetteer_path, place_key
from archive_app.importers.document import Block, ExtractedDocument
from tests.helpers import PROJECT_ROOT, StoreDocument

OPED = PROJECT_ROOT / "resources" / "sample" / "articles" / "oped-2023-10-10.html"
RUSSIAN = (
    "Беженцы покидают Степанакерт\n\nВ Степанакерте люди ждали автобусы у здания правительства."
)
ARMENIAN = "Լուրեր Ստեփանակերտից\n\nՍտեփանակերտում մարդիկ սպասում էին ավտոբուսներին։"


@pytest.fixture(autouse=True)
def table(whole_gazetteer: None) -> Path:
    """The whole gazetteer for the archives of these tests."""
    return gazetteer_path()


@pytest.fixture
def reports(
    table: Path, archive: Archive, import_texts: Callable[[dict[str, str]], list[int]]
) -> dict[str, int]:
    """A fresh archive with the seed op-ed (English), a Russian and an Armenian report."""
    assert archive.gazetteer.path == table
    report = archive.import_paths([OPED])
    russian, armenian = import_texts({"ru.txt": RUSSIAN, "hy.txt": ARMENIAN})
    return {"en": int(report.imported[0].source_id or 0), "ru": russian, "hy": armenian}


def store(store_document: StoreDocument, text: str, language: str = "") -> int:
    return store_document(
        ExtractedDocument(
            kind="article",
            title=text.split(".", maxsplit=1)[0],
            blocks=[Block("paragraph", text)],
            language=language,
        )
    )


def matched(archive: Archive, query: str) -> dict[int, list[str]]:
    return {hit.id: hit.matched_aliases for hit in archive.search(query).hits}


@pytest.mark.parametrize("query", ["Stepanakert", "Ханкенди", "Xankəndi"])
def test_each_name_finds_the_op_ed_the_russian_and_the_armenian_report(
    archive: Archive, reports: dict[str, int], query: str
) -> None:
    found = matched(archive, query)
    assert set(found) == set(reports.values())
    assert found[reports["ru"]] and found[reports["hy"]] and found[reports["en"]]


def test_the_hit_says_which_name_matched(archive: Archive, reports: dict[str, int]) -> None:
    found = matched(archive, "Ханкенди")
    assert "Stepanakert" in found[reports["en"]]
    assert "Khankendi" in found[reports["en"]]
    assert any(name.startswith("Степанакерт") for name in found[reports["ru"]])
    assert languages(archive, reports) == {"en", "ru", "hy"}


def languages(archive: Archive, reports: dict[str, int]) -> set[str]:
    return {archive.get(source_id).language for source_id in reports.values()}


def test_a_name_of_several_places_offers_them_and_is_not_expanded(
    table: Path, archive: Archive, store_document: StoreDocument
) -> None:
    shusha = store(store_document, "Şuşa şəhərində yeni muzey açıldı.", "az")
    italy = store(store_document, "Susa is a town in Piedmont.", "en")
    results = archive.search("Susa")
    assert {hit.id for hit in results.hits} == {italy}
    (choice,) = results.place_choices
    countries = {(place.name, place.country) for place in choice.places}
    assert {("Shusha", "AZ"), ("Susa", "IT")} <= countries
    shusha_place = next(place.id for place in choice.places if place.name == "Shusha")
    archive.gazetteer.choose("Susa", shusha_place)
    chosen = archive.search("Susa")
    assert {hit.id for hit in chosen.hits} == {italy, shusha}
    assert chosen.place_choices == []
    archive.gazetteer.choose("susa", NO_PLACE)
    assert {hit.id for hit in archive.search("Susa").hits} == {italy}


def test_shusha_does_not_bring_in_susa(
    table: Path, archive: Archive, store_document: StoreDocument
) -> None:
    russian = store(store_document, "В Шуше открылся новый музей.", "ru")
    armenian = store(store_document, "Շուշիում նոր թանգարան բացվեց։", "hy")
    italy = store(store_document, "Susa is a town in Piedmont.", "en")
    found = matched(archive, "Shusha")
    assert italy not in found
    assert {russian, armenian} <= set(found)


def test_the_users_aliases_win_over_the_gazetteer(
    archive: Archive, reports: dict[str, int]
) -> None:
    archive.aliases.add(["Ханкенди", "Khankendy city"])
    assert set(matched(archive, "Ханкенди")) == {reports["en"]}


def test_the_gazetteer_switched_off(archive: Archive, reports: dict[str, int]) -> None:
    archive.gazetteer.set_enabled(False)
    assert set(matched(archive, "Ханкенди")) == {reports["en"]}
    archive.gazetteer.set_enabled(True)
    assert set(matched(archive, "Ханкенди")) == set(reports.values())


def test_a_name_switched_off_is_no_longer_brought_in(
    table: Path, archive: Archive, store_document: StoreDocument
) -> None:
    old_name = store(store_document, "Vararakn was the village before the town.", "en")
    place = archive.gazetteer.places("Khankendi")[0].id
    assert old_name in matched(archive, "Khankendi")
    archive.gazetteer.hide(place, ["Vararakn"])
    assert old_name not in matched(archive, "Khankendi")
    assert "Vararakn" in archive.gazetteer.names(place, hidden=True)
    archive.gazetteer.hide(place, ["Vararakn"], hidden=False)
    assert old_name in matched(archive, "Khankendi")


def test_lower_case_words_are_not_looked_up(
    table: Path, archive: Archive, store_document: StoreDocument
) -> None:
    store(store_document, "Police closed the road.", "en")
    assert archive.search("police").place_choices == []


def test_names_compare_without_case_or_accents() -> None:
    assert place_key("Xankəndi") == place_key("XANKENDI") == "xankendi"
    assert place_key("Nagorno-Karabakh") == "nagorno karabakh"


@pytest.mark.parametrize(
    ("position", "town"),
    [
        ((39.7585, 46.7489), "Shusha"),  # the cathedral
        ((40.1792, 44.4991), "Yerevan"),
        ((-13.9, -171.0), "Apia"),  # at sea: the search widens until a town is in reach
    ],
)
def test_the_nearest_town_of_a_position(
    archive: Archive, position: tuple[float, float], town: str
) -> None:
    nearest = archive.gazetteer.nearest(*position, population=15_000)
    assert nearest is not None
    assert nearest.name == town
    assert nearest.population >= 15_000


def test_building_the_table_removes_the_table_of_an_earlier_version(tmp_path: Path) -> None:
    earlier = tmp_path / "gazetteer-1.sqlite"
    earlier.write_bytes(b"an earlier version's table")
    no_places = tmp_path / "none.json"
    no_places.write_text("{}", encoding="utf-8")

    build_table(tmp_path / "gazetteer-2.sqlite", no_places)

    assert sorted(path.name for path in tmp_path.iterdir()) == ["gazetteer-2.sqlite", "none.json"]
