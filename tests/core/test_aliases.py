"""Alias groups: keeping them, and searches that find every name of a group."""

from __future__ import annotations

import pytest

from archive_app.core.archive import Archive
from archive_app.core.errors import InvalidInputError, NotFoundError
from archive_app.importers.document import Block, ExtractedDocument
from tests.helpers import StoreDocument


def text(title: str, body: str) -> ExtractedDocument:
    return ExtractedDocument(kind="text", title=title, blocks=[Block("paragraph", body)])


@pytest.fixture
def places(archive: Archive, store_document: StoreDocument) -> dict[str, int]:
    archive.aliases.add(["Stepanakert", "Khankendi", "Xankəndi"], note="Armenian, Azerbaijani")
    archive.aliases.add(["Nagorno-Karabakh", "Artsakh"])
    archive.aliases.add(["Lachin Corridor", "Berdzor corridor"])
    return {
        "khankendi": store_document(text("Night shelling", "Sirens sounded in Khankendi at dawn.")),
        "stepanakert": store_document(
            text("Stepanakert market", "Bread queues in Stepanakert grew longer.")
        ),
        "azeri": store_document(text("Xankəndi", "Officials toured Xankəndi and Ağdam.")),
        "artsakh": store_document(text("Artsakh parliament", "The Artsakh parliament met.")),
        "nk": store_document(
            text("The conflict", "Nagorno-Karabakh was blockaded; the Lachin corridor closed.")
        ),
        "berdzor": store_document(text("Road", "Trucks waited at the Berdzor corridor for weeks.")),
        "plain": store_document(text("Agdam ruins", "Agdam lies empty. A corridor of ruins.")),
    }


def found(archive: Archive, query: str) -> set[int]:
    return {hit.id for hit in archive.search(query, limit=100).hits}


def ids(places: dict[str, int], *names: str) -> set[int]:
    return {places[name] for name in names}


def test_every_name_of_a_group_finds_the_others(archive: Archive, places: dict[str, int]) -> None:
    cities = ids(places, "khankendi", "stepanakert", "azeri")
    assert found(archive, "Stepanakert") == cities
    assert found(archive, "Khankendi") == cities
    assert found(archive, "Xankəndi") == cities
    assert found(archive, "xankendi") == cities


def test_multi_word_names_both_ways(archive: Archive, places: dict[str, int]) -> None:
    assert found(archive, "Artsakh") == ids(places, "artsakh", "nk")
    assert found(archive, "Nagorno-Karabakh") == ids(places, "artsakh", "nk")
    assert found(archive, "Nagorno Karabakh") == ids(places, "artsakh", "nk")
    assert found(archive, "Lachin Corridor") == ids(places, "nk", "berdzor")
    assert found(archive, "berdzor corridor trucks") == ids(places, "berdzor")
    assert found(archive, "corridor") == ids(places, "nk", "berdzor", "plain")


def test_aliases_inside_phrases(archive: Archive, places: dict[str, int]) -> None:
    assert found(archive, '"queues in Khankendi"') == ids(places, "stepanakert")
    assert found(archive, '"at the Lachin corridor"') == ids(places, "nk", "berdzor")
    assert found(archive, '"toured Stepanakert and Agdam"') == ids(places, "azeri")
    assert found(archive, '"sirens sounded in Artsakh"') == set()


def test_aliases_inside_field_queries(archive: Archive, places: dict[str, int]) -> None:
    assert found(archive, "title:Stepanakert") == ids(places, "stepanakert", "azeri")
    assert found(archive, "title:Khankendi") == ids(places, "stepanakert", "azeri")
    assert found(archive, "body:Xankendi") == ids(places, "khankendi", "stepanakert", "azeri")
    assert found(archive, 'title:"Nagorno-Karabakh parliament"') == ids(places, "artsakh")
    assert found(archive, "Stepanakert -title:Xankəndi") == ids(places, "khankendi")


def test_accents_fold_with_and_without_aliases(archive: Archive, places: dict[str, int]) -> None:
    assert found(archive, "Ağdam") == ids(places, "azeri", "plain")
    assert found(archive, "agdam") == ids(places, "azeri", "plain")
    assert found(archive, "AGDAM ruins") == ids(places, "plain")


def test_each_hit_says_which_names_it_matched(archive: Archive, places: dict[str, int]) -> None:
    matched = {hit.id: hit.matched_aliases for hit in archive.search("Stepanakert").hits}
    assert matched == {
        places["khankendi"]: ["Khankendi"],
        places["stepanakert"]: ["Stepanakert"],
        places["azeri"]: ["Xankəndi"],
    }
    matched = {hit.id: hit.matched_aliases for hit in archive.search("Lachin Corridor").hits}
    assert matched == {places["nk"]: ["Lachin Corridor"], places["berdzor"]: ["Berdzor corridor"]}
    hit = archive.search("Artsakh").hits[0]
    assert hit.matched_aliases in (["Nagorno-Karabakh"], ["Artsakh"])
    assert archive.search("Agdam").hits[0].matched_aliases == []


def test_hits_highlight_the_alias_they_matched(archive: Archive, places: dict[str, int]) -> None:
    [hit] = [h for h in archive.search("Stepanakert").hits if h.id == places["khankendi"]]
    assert [hit.snippet[start:end] for start, end in hit.highlights] == ["Khankendi"]


def test_editing_aliases_needs_no_reindex(archive: Archive, places: dict[str, int]) -> None:
    assert found(archive, "Agdam") == ids(places, "azeri", "plain")
    archive.aliases.add(["Agdam", "Akna"])
    akna = found(archive, "Akna")
    assert akna == ids(places, "azeri", "plain")
    archive.aliases.remove_name("Berdzor corridor")
    assert found(archive, "Lachin Corridor") == ids(places, "nk")
    group = archive.aliases.group_of("Khankendi")
    assert group is not None
    archive.aliases.remove_group(group.id)
    assert found(archive, "Stepanakert") == ids(places, "stepanakert")


def test_groups_are_listed_and_grown(archive: Archive) -> None:
    first = archive.aliases.add(["Shusha", "Shushi"], note="Azerbaijani, Armenian")
    grown = archive.aliases.add(["Şuşa", "shushi", "Shoushi"])
    assert grown.id == first.id
    assert grown.names == ("Shusha", "Shushi", "Şuşa", "Shoushi")
    assert grown.note == "Azerbaijani, Armenian"
    second = archive.aliases.add(["Aghdara", "Martakert"], note="")
    assert [group.id for group in archive.aliases.all()] == [first.id, second.id]
    # Şuşa is Shusha spelt with Azerbaijani letters (ş folds to "sh"): the same name.
    assert archive.aliases.other_names("SHUSHA") == ["Shushi", "Shoushi"]
    assert archive.alias_names("shushi") == ["Shusha", "Şuşa", "Shoushi"]
    assert archive.alias_names("Goris") == []


def test_a_name_belongs_to_one_group_only(archive: Archive) -> None:
    archive.aliases.add(["Stepanakert", "Khankendi"])
    archive.aliases.add(["Shusha", "Shushi"])
    before = archive.aliases.all()
    with pytest.raises(InvalidInputError, match="'Shushi' is already in another alias group"):
        archive.aliases.add(["Khankendi", "Shushi"])
    with pytest.raises(InvalidInputError, match="already in another alias group"):
        archive.aliases.add(["Stepanakert", "Xankendi", "SHUSHA"])
    assert archive.aliases.all() == before


@pytest.mark.parametrize(
    ("names", "message"),
    [
        (["Goris"], "at least two different names"),
        (["Goris", "goris"], "at least two different names"),
        (["Goris", "  "], "cannot be empty"),
        (["Goris", "the"], "no words search can look for"),
        (["Goris", "x" * 201], "limited to 200 characters"),
    ],
)
def test_bad_groups_are_refused(archive: Archive, names: list[str], message: str) -> None:
    with pytest.raises(InvalidInputError, match=message):
        archive.aliases.add(names)
    assert archive.aliases.all() == []


def test_removing_names_and_groups(archive: Archive) -> None:
    group = archive.aliases.add(["Stepanakert", "Khankendi", "Xankəndi"])
    left = archive.aliases.remove_name("xankendi")
    assert left is not None
    assert left.names == ("Stepanakert", "Khankendi")
    assert archive.aliases.remove_name("Khankendi") is None
    assert archive.aliases.all() == []
    with pytest.raises(NotFoundError, match="not in any alias group"):
        archive.aliases.remove_name("Khankendi")
    with pytest.raises(NotFoundError, match=f"no alias group {group.id}"):
        archive.aliases.remove_group(group.id)
