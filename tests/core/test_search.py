"""The query language: each element of it, and queries that do not parse."""

from __future__ import annotations

import pytest

from archive_app.core.archive import Archive
from archive_app.core.sources import insert_source
from archive_app.core.store import FileDigest
from archive_app.importers.document import Block, Caption, ExtractedDocument
from tests.helpers import StoreDocument


def article(title: str, *paragraphs: str, **fields: object) -> ExtractedDocument:
    blocks = [Block("paragraph", text) for text in paragraphs]
    return ExtractedDocument(kind="article", title=title, blocks=blocks, **fields)  # type: ignore[arg-type]


@pytest.fixture
def sources(store_document: StoreDocument) -> dict[str, int]:
    """A few sources whose words overlap in known ways."""
    return {
        "bridge": store_document(
            article(
                "Refugees cross the Hakari bridge",
                "Families evacuated from Lachin crossed the Hakari bridge into Armenia.",
                authors=["Anna Petrosyan"],
                site_name="Eurasianet",
                published="2020-10-04",
                language="en",
            )
        ),
        "ceasefire": store_document(
            article(
                "Ceasefire signed in Moscow",
                "Russia brokered the ceasefire; peacekeepers moved to the bridge at Hakari.",
                authors=["Elvin Aliyev"],
                site_name="Trend",
                published="2020-11-10",
                language="en-GB",
            )
        ),
        "offensive": store_document(
            article(
                "The September offensive",
                "The offensive lasted one day. Shusha was quiet; the refugees left by bus.",
                site_name="OC Media",
                published="2023-09-19",
                language="ru",
            )
        ),
        "photo": store_document(
            ExtractedDocument(
                kind="image",
                title="IMG_2041",
                captions=[Caption("Ghazanchetsots Cathedral after the shelling", "Photo: AFP")],
            )
        ),
    }


def found(archive: Archive, query: str, **options: object) -> set[int]:
    results = archive.search(query, limit=100, **options)  # type: ignore[arg-type]
    assert results.total == len(results.hits)
    return {hit.id for hit in results.hits}


def test_all_words_must_match_in_any_field(archive: Archive, sources: dict[str, int]) -> None:
    assert found(archive, "hakari bridge") == {sources["bridge"], sources["ceasefire"]}
    assert found(archive, "hakari refugees") == {sources["bridge"]}
    assert found(archive, "hakari shusha") == set()
    assert found(archive, "Petrosyan refugees") == {sources["bridge"]}
    assert found(archive, "cathedral AFP") == {sources["photo"]}


def test_words_are_stemmed_and_titles_rank_above_bodies(
    archive: Archive, sources: dict[str, int]
) -> None:
    assert found(archive, "refugee") == {sources["bridge"], sources["offensive"]}
    assert found(archive, "evacuate") == {sources["bridge"]}
    hits = archive.search("offensive").hits
    assert hits[0].id == sources["offensive"]
    ranked = [hit.id for hit in archive.search("ceasefire").hits]
    assert ranked == [sources["ceasefire"]]
    assert archive.search("refugees").hits[0].id == sources["bridge"]


def test_exact_phrases(archive: Archive, sources: dict[str, int]) -> None:
    assert found(archive, '"Hakari bridge"') == {sources["bridge"]}
    assert found(archive, '"bridge at Hakari"') == {sources["ceasefire"]}
    assert found(archive, '"Hakari peacekeepers"') == set()
    assert found(archive, '"bridge Hakari"') == {sources["ceasefire"]}, "stop words are skipped"


def test_or_not_and_minus(archive: Archive, sources: dict[str, int]) -> None:
    assert found(archive, "Moscow OR Shusha") == {sources["ceasefire"], sources["offensive"]}
    assert found(archive, "Moscow OR Shusha refugees") == {sources["offensive"]}
    assert found(archive, "bridge -Russia") == {sources["bridge"]}
    assert found(archive, "bridge NOT Russia") == {sources["bridge"]}
    assert found(archive, "bridge AND Russia") == {sources["ceasefire"]}
    assert found(archive, '-"Hakari bridge" refugees') == {sources["offensive"]}
    assert found(archive, "(Moscow OR Shusha) -(bus OR Russia)") == set()


def test_wildcards_match_unstemmed_words(archive: Archive, sources: dict[str, int]) -> None:
    assert found(archive, "evacuat*") == {sources["bridge"]}
    assert found(archive, "peacekeep*") == {sources["ceasefire"]}
    assert found(archive, "Sh?sha") == {sources["offensive"]}
    assert found(archive, "zzz*") == set()


def test_fuzzy_words_find_spellings_one_or_two_letters_off(
    archive: Archive, sources: dict[str, int]
) -> None:
    assert found(archive, "Shushi~") == {sources["offensive"]}
    assert found(archive, "Shushi") == set()
    assert found(archive, "Cathedrale~") == {sources["photo"]}
    assert found(archive, "Hakary~") == {sources["bridge"], sources["ceasefire"]}
    assert found(archive, "Hokary~") == set()
    assert found(archive, "Hokary~2") == {sources["bridge"], sources["ceasefire"]}


def test_two_letters_swapped_are_one_edit_off_before_and_after_a_rebuild(
    archive: Archive, sources: dict[str, int]
) -> None:
    """A rebuilt index is one segment, where Whoosh's own lookup counted a swap as two edits:
    ``Hakrai~`` found Hakari only while the index had several segments."""
    expected = {sources["bridge"], sources["ceasefire"]}
    assert found(archive, "Hakrai~") == expected
    archive.reindex()
    with archive.index.searcher() as searcher:
        assert len(searcher.leaf_searchers()) == 1
    assert found(archive, "Hakrai~") == expected


def test_text_fields(archive: Archive, sources: dict[str, int]) -> None:
    assert found(archive, "title:bridge") == {sources["bridge"]}
    assert found(archive, "body:bridge") == {sources["bridge"], sources["ceasefire"]}
    assert found(archive, "caption:cathedral") == {sources["photo"]}
    assert found(archive, "title:cathedral") == set()
    assert found(archive, "author:aliyev") == {sources["ceasefire"]}
    assert found(archive, 'author:"Anna Petrosyan"') == {sources["bridge"]}
    assert found(archive, 'site:"OC Media"') == {sources["offensive"]}
    assert found(archive, "title:(bridge OR Moscow)") == {sources["bridge"], sources["ceasefire"]}
    assert found(archive, "Title:BRIDGE") == {sources["bridge"]}


def test_notes_are_searchable_by_field(archive: Archive, sources: dict[str, int]) -> None:
    archive.update_source(sources["offensive"], notes="Compare with the Interfax wire.")
    assert found(archive, "note:interfax") == {sources["offensive"]}
    assert found(archive, "interfax") == {sources["offensive"]}
    assert found(archive, "body:interfax") == set()


def test_kind_and_language(archive: Archive, sources: dict[str, int]) -> None:
    assert found(archive, "kind:image") == {sources["photo"]}
    assert found(archive, "kind:images") == {sources["photo"]}
    assert found(archive, "kind:article bridge") == {sources["bridge"], sources["ceasefire"]}
    assert found(archive, "kind:video") == set()
    assert found(archive, "lang:en") == {sources["bridge"], sources["ceasefire"]}
    assert found(archive, "lang:EN-gb") == {sources["ceasefire"]}
    assert found(archive, "refugees -lang:ru") == {sources["bridge"]}


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("published:2020", {"bridge", "ceasefire"}),
        ("published:2020-10", {"bridge"}),
        ("published:2020-10-04", {"bridge"}),
        ("published:2020-09..2020-11", {"bridge", "ceasefire"}),
        ("published:2020-10-05..2023", {"ceasefire", "offensive"}),
        ("published:2021..", {"offensive"}),
        ("published:..2020-10", {"bridge"}),
        ("published:>2020-10-04", {"ceasefire", "offensive"}),
        ("published:>=2020-10-04", {"bridge", "ceasefire", "offensive"}),
        ("published:<2020-11-10", {"bridge"}),
        ("published:<=2020-11-10", {"bridge", "ceasefire"}),
        ("year:2023", {"offensive"}),
        ("published:2019", set()),
    ],
)
def test_dates(archive: Archive, sources: dict[str, int], query: str, expected: set[str]) -> None:
    assert found(archive, query) == {sources[name] for name in expected}


def test_labels_by_name_with_sub_events_and_annotation_labels(
    archive: Archive, sources: dict[str, int]
) -> None:
    war, _ = archive.events.create("Second Karabakh War", start="2020-09-27", end="2020-11-10")
    battle, _ = archive.events.create("Battle of Shusha", parent=war.id)
    side, _ = archive.perspectives.create("Op-ed")
    archive.assignments.add_to_sources(
        [sources["ceasefire"]], events=[war.id], tags=["ceasefire terms"]
    )
    archive.assignments.add_to_sources(
        [sources["offensive"]], events=[battle.id], perspectives=[side.id]
    )
    archive.annotations.add_quote(
        sources["bridge"], "Hakari bridge", tags=["ceasefire terms"], perspectives=[side.id]
    )

    assert found(archive, 'event:"Second Karabakh War"') == {
        sources["ceasefire"],
        sources["offensive"],
    }
    assert found(archive, 'event:"battle of shusha"') == {sources["offensive"]}
    assert found(archive, "event:Shusha") == {sources["offensive"]}
    assert found(archive, 'tag:"ceasefire terms"') == {sources["ceasefire"], sources["bridge"]}
    assert found(archive, "tag:cease*") == {sources["ceasefire"], sources["bridge"]}
    assert found(archive, "perspective:op-ed") == {sources["offensive"], sources["bridge"]}
    assert found(archive, "perspective:op-ed -event:war") == {sources["bridge"]}
    assert found(archive, "event:nonexistent") == set()
    assert found(archive, "refugees event:nonexistent") == set()


def test_renaming_a_label_needs_no_reindex(archive: Archive, sources: dict[str, int]) -> None:
    war, _ = archive.events.create("2nd Karabakh War")
    archive.assignments.add_to_sources([sources["bridge"]], events=[war.id])
    with archive.database.transaction() as connection:
        connection.execute("UPDATE events SET name = '44-day war' WHERE id = ?", (war.id,))
    assert found(archive, 'event:"44-day war"') == {sources["bridge"]}
    assert found(archive, 'event:"2nd Karabakh War"') == set()


@pytest.mark.parametrize(
    "query",
    [
        "title:",
        '"unclosed',
        "AND OR",
        "((",
        "))",
        "published:2023-13",
        "published:..",
        "published:>",
        "event:nonexistent",
        "x" * 10_000,
        "bridge " * 2_000,
        "(" * 5_000 + "bridge" + ")" * 5_000,
        "-" * 3_000 + "bridge",
        "NOT",
        "title:title:bridge",
        "*",
        "~",
        "~~~",
        '"" "" ""',
        "foo:bar:baz",
        "tag:",
        "kind:(",
        "published:(2020 OR 2023)",
        "\x00\x01\u202e bridge",
        "OR bridge OR",
        "[2020 TO 2021]",
        "bridge^3",
        " OR ".join(f"{letter}*" for letter in "abcdefghijklmnopqrstuvwxyz"),
        " ".join(f"{letter}~2" for letter in "abcdefghijklmnopqrstuvwxyz"),
    ],
)
def test_malformed_queries_find_something_or_nothing_never_raise(
    archive: Archive, sources: dict[str, int], query: str
) -> None:
    results = archive.search(query)
    assert results.total >= 0
    assert len(results.hits) == min(results.total, 20)


def test_what_does_not_parse_is_searched_as_plain_words(
    archive: Archive, sources: dict[str, int]
) -> None:
    assert found(archive, '"hakari bridge') == {sources["bridge"]}
    assert found(archive, "title: bridge") == set()
    assert found(archive, "(refugees bus") == {sources["offensive"]}
    assert found(archive, "refugees bus))") == {sources["offensive"]}
    assert found(archive, "AND refugees OR") == {sources["bridge"], sources["offensive"]}
    assert found(archive, "published:2020-13 hakari") == set()
    assert found(archive, "offensive:lasted") == {sources["offensive"]}
    assert found(archive, "published:(2020 OR 2023) refugees") == {
        sources["bridge"],
        sources["offensive"],
    }


def test_stop_words_alone_find_nothing(archive: Archive, sources: dict[str, int]) -> None:
    assert archive.search("the of and").total == 0
    assert archive.search("").total == 0
    assert found(archive, "the refugees") == {sources["bridge"], sources["offensive"]}


def test_an_excluded_word_is_excluded_whatever_the_document_order(archive: Archive) -> None:
    """Both sources land in one index segment, the one without the wanted word first: Whoosh's
    own AndNot let the second through."""
    texts = [
        ("Road", "Cars queued on the road to Goris."),
        ("Water shortages", "The water trucks stopped at Goris."),
        ("Drought", "Water trucks failed the valley."),
    ]
    with archive.database.transaction() as connection:
        for number, (title, body) in enumerate(texts):
            insert_source(
                connection,
                ExtractedDocument(kind="text", title=title, blocks=[Block("paragraph", body)]),
                digest=FileDigest(f"{number:064x}", len(body)),
                original_name=f"{number}.txt",
                original_ext=".txt",
                importer_version="test",
                has_thumbnail=False,
            )
    archive.index.notify(wait=True)
    assert [hit.title for hit in archive.search("water -Goris").hits] == ["Drought"]
    assert [hit.title for hit in archive.search("-Goris water").hits] == ["Drought"]
    assert [hit.title for hit in archive.search("trucks NOT Goris").hits] == ["Drought"]
