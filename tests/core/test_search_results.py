"""What a search gives back: snippets and highlights, PDF pages, facets, sorting and paging,
structured filters, "did you mean" and "more like this"."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from archive_app.core.archive import Archive
from archive_app.core.errors import InvalidInputError, NotFoundError
from archive_app.importers.document import Block, ExtractedDocument
from tests.fixtures import make_pdfs
from tests.helpers import StoreDocument, write_file


def article(title: str, body: str, **fields: object) -> ExtractedDocument:
    return ExtractedDocument(
        kind="article",
        title=title,
        blocks=[Block("paragraph", part) for part in body.split("\n\n")],
        **fields,  # type: ignore[arg-type]
    )


def marked(text: str, spans: list[tuple[int, int]]) -> list[str]:
    return [text[start:end] for start, end in spans]


# Snippets and highlights


def test_snippets_mark_the_matched_words(archive: Archive, store_document: StoreDocument) -> None:
    source = store_document(
        article(
            "Hakari bridge reopened",
            "Traffic resumed on Monday.\n\nThe Hakari bridge carries the road to Goris. "
            "Engineers inspected the bridge for damage.",
            site_name="Eurasianet",
            authors=["Anna Petrosyan", "Joshua Kucera"],
            published="2023-09",
        )
    )
    [hit] = archive.search("bridge goris").hits
    assert hit.id == source
    assert hit.snippet_field == "body"
    assert marked(hit.snippet, hit.highlights) == ["bridge", "Goris", "bridge"]
    assert marked(hit.title, hit.title_highlights) == ["bridge"]
    assert "\n" not in hit.snippet
    assert (hit.published, hit.site, hit.authors) == (
        "2023-09",
        "Eurasianet",
        ["Anna Petrosyan", "Joshua Kucera"],
    )
    assert hit.page is None


def test_highlights_reach_deep_into_long_texts(
    archive: Archive, store_document: StoreDocument
) -> None:
    filler = "Nothing of note happened on this day in the valley. " * 4_000
    source = store_document(article("Diary", filler + "\n\nAt last the Tegh checkpoint opened."))
    [hit] = archive.search("checkpoint").hits
    assert hit.id == source
    assert marked(hit.snippet, hit.highlights) == ["checkpoint"]
    assert hit.snippet.startswith("…")
    assert len(hit.snippet) < 300


def test_a_hit_in_a_caption_or_note_is_shown_from_there(
    archive: Archive, store_document: StoreDocument
) -> None:
    source = store_document(article("Market day", "Stalls opened early."))
    archive.update_source(source, notes="Cross-check with the Interfax wire.")
    [hit] = archive.search("interfax").hits
    assert hit.snippet_field == "note"
    assert marked(hit.snippet, hit.highlights) == ["Interfax"]
    [hit] = archive.search("title:market").hits
    assert (hit.snippet, hit.highlights) == ("Stalls opened early.", [])


def test_a_pdf_hit_carries_its_page(
    archive: Archive, store_document: StoreDocument, tmp_path: Path
) -> None:
    pages = [
        Block("page", "Summary of the report.", 1),
        Block("page", "Shelling of the market. " * 2_000, 3),
        Block("page", "Annex: the water supply of Shusha.", 4),
    ]
    report = store_document(ExtractedDocument(kind="pdf", title="Report", blocks=pages))
    assert archive.search("shusha").hits[0].page == 4
    assert archive.search("summary").hits[0].page == 1
    assert archive.search('"shelling of the market"').hits[0].page == 3
    [hit] = archive.search("title:report").hits
    assert (hit.id, hit.page) == (report, None)

    path = write_file(tmp_path, "article.pdf", make_pdfs.article_pdf())
    [outcome] = archive.import_paths([path]).imported
    [hit] = archive.search("ceasefire monitor").hits
    assert (hit.id, hit.page) == (outcome.source_id, 3)
    [hit] = archive.search("basements").hits
    assert hit.page == 1


# Facets, sorting, paging


@pytest.fixture
def library(archive: Archive, store_document: StoreDocument) -> dict[str, int]:
    def add(name: str, kind: str, published: str, site: str) -> tuple[str, int]:
        document = ExtractedDocument(
            kind=kind,  # type: ignore[arg-type]
            title=f"{name} blockade",
            blocks=[Block("paragraph", f"The blockade, seen by {name}.")],
            published=published,
            site_name=site,
        )
        return name, store_document(document)

    sources = dict(
        [
            add("alpha", "article", "2023-09-19", "Trend"),
            add("bravo", "article", "2022-12", "Trend"),
            add("charlie", "pdf", "2023", "OC Media"),
            add("delta", "article", "", "Eurasianet"),
            add("echo", "text", "2020-10-04T10:30:00", ""),
            add("foxtrot", "article", "2023-09-19T08:00:00+02:00", "Trend"),
        ]
    )
    war, _ = archive.events.create("Karabakh conflict")
    blockade, _ = archive.events.create("Blockade of the corridor", parent=war.id)
    government, _ = archive.perspectives.create("Azerbaijani government")
    archive.assignments.add_to_sources([sources["alpha"], sources["bravo"]], events=[blockade.id])
    archive.assignments.add_to_sources([sources["charlie"]], events=[war.id, blockade.id])
    archive.assignments.add_to_sources(
        [sources["alpha"], sources["foxtrot"]], perspectives=[government.id], tags=["blockade"]
    )
    return sources


def test_facets_count_every_matching_source_and_add_up(
    archive: Archive, library: dict[str, int]
) -> None:
    results = archive.search("blockade", limit=2)
    assert results.total == 6
    assert len(results.hits) == 2
    facets = results.facets
    assert facets["kind"] == {"article": 4, "pdf": 1, "text": 1}
    assert sum(facets["kind"].values()) == results.total
    assert facets["year"] == {"2023": 3, "2020": 1, "2022": 1}
    assert sum(facets["year"].values()) == results.total - 1
    assert facets["site"] == {"Trend": 3, "Eurasianet": 1, "OC Media": 1}
    assert facets["event"] == {"Karabakh conflict": 3, "Blockade of the corridor": 3}
    assert facets["perspective"] == {"Azerbaijani government": 2}
    narrowed = archive.search('blockade event:"Karabakh conflict"')
    assert narrowed.total == facets["event"]["Karabakh conflict"]


def test_facet_values_read_ahead_of_a_search_count_as_those_read_by_it(
    archive: Archive, library: dict[str, int], store_document: StoreDocument
) -> None:
    """The window reads the index's facet values before the first search (``warm_up``); what
    a search counts from them, in the segments read ahead and in a segment written after, is
    what it counts reading them itself."""
    archive.searching.warm_up()
    facets = archive.search("blockade").facets
    assert facets["kind"] == {"article": 4, "pdf": 1, "text": 1}
    assert facets["site"] == {"Trend": 3, "Eurasianet": 1, "OC Media": 1}
    store_document(
        ExtractedDocument(
            kind="pdf",
            title="golf blockade",
            blocks=[Block("paragraph", "The blockade, seen by golf.")],
            published="2021-05-02",
            site_name="OC Media",
        )
    )
    archive.searching.warm_up()
    facets = archive.search("blockade").facets
    assert facets["kind"] == {"article": 4, "pdf": 2, "text": 1}
    assert facets["year"] == {"2023": 3, "2020": 1, "2021": 1, "2022": 1}
    assert facets["site"] == {"Trend": 3, "Eurasianet": 1, "OC Media": 2}


def test_facets_follow_label_renames_and_moves(archive: Archive, library: dict[str, int]) -> None:
    event = archive.events.get("Blockade of the corridor")
    archive.events.edit(event.id, name="Lachin blockade")
    archive.events.move(event.id, None)
    assert archive.search("blockade").facets["event"] == {
        "Lachin blockade": 3,
        "Karabakh conflict": 1,
    }


def test_sort_by_date_puts_the_newest_first_and_undated_last(
    archive: Archive, library: dict[str, int]
) -> None:
    order = [hit.id for hit in archive.search("blockade", sort="date").hits]
    names = {source_id: name for name, source_id in library.items()}
    assert [names[source_id] for source_id in order] == [
        "foxtrot",
        "alpha",
        "charlie",
        "bravo",
        "echo",
        "delta",
    ]


@pytest.mark.parametrize("sort", ["relevance", "date"])
def test_pages_follow_on_without_gaps_or_repeats(
    archive: Archive, library: dict[str, int], sort: str
) -> None:
    everything = [hit.id for hit in archive.search("blockade", sort=sort, limit=100).hits]
    pages = [
        archive.search("blockade", sort=sort, limit=4, offset=offset, facets=False)
        for offset in (0, 4, 8)
    ]
    assert [hit.id for page in pages for hit in page.hits] == everything
    assert [len(page.hits) for page in pages] == [4, 2, 0]
    assert {page.total for page in pages} == {6}
    assert pages[1].facets == {}


def test_bad_options_are_refused(archive: Archive) -> None:
    with pytest.raises(InvalidInputError, match="by relevance or by date"):
        archive.search("blockade", sort="title")
    with pytest.raises(InvalidInputError, match="cannot be negative"):
        archive.search("blockade", offset=-1)


def test_structured_filters_narrow_the_text_query(
    archive: Archive, library: dict[str, int]
) -> None:
    def names(query: str, **filters: object) -> set[str]:
        results = archive.search(query, limit=100, **filters)  # type: ignore[arg-type]
        found = {hit.id for hit in results.hits}
        return {name for name, source_id in library.items() if source_id in found}

    conflict = archive.events.get("Karabakh conflict").id
    government = archive.perspectives.get("Azerbaijani government").id
    tag = archive.tags.get("blockade").id
    assert names("blockade", kinds=["pdf", "text"]) == {"charlie", "echo"}
    assert names("blockade", events=[conflict]) == {"alpha", "bravo", "charlie"}
    assert names("blockade", perspectives=[government]) == {"alpha", "foxtrot"}
    assert names("blockade", tags=[tag]) == {"alpha", "foxtrot"}
    assert names("blockade", years=[2023]) == {"alpha", "charlie", "foxtrot"}
    assert names("blockade", years=[2022, 2020]) == {"bravo", "echo"}
    assert names("blockade", kinds=["article"], years=[2023]) == {"alpha", "foxtrot"}
    assert names("blockade bravo", events=[conflict]) == {"bravo"}
    assert names("", kinds=["article"]) == {"alpha", "bravo", "delta", "foxtrot"}
    assert names("", events=[conflict], sort="date") == {"alpha", "bravo", "charlie"}
    assert names("blockade", events=[9999]) == set()
    assert archive.search("").total == 0


def test_a_filter_only_listing_is_newest_first_with_facets(
    archive: Archive, library: dict[str, int]
) -> None:
    results = archive.search("", kinds=["article"])
    assert [hit.id for hit in results.hits] == [
        library["foxtrot"],
        library["alpha"],
        library["bravo"],
        library["delta"],
    ]
    assert results.facets["kind"] == {"article": 4}
    kind_only = archive.search("kind:article")
    assert [hit.id for hit in kind_only.hits] == [hit.id for hit in results.hits]


# Did you mean, more like this


@pytest.fixture
def karabakh(store_document: StoreDocument) -> list[int]:
    return [
        store_document(article(f"Karabakh report {n}", "Karabakh ceasefire talks in Moscow."))
        for n in range(10)
    ] + [store_document(article("Typo", "A misspelt Karbakh once."))]


def test_a_misspelt_word_gets_a_suggestion_from_the_archives_words(
    archive: Archive, karabakh: list[int]
) -> None:
    results = archive.search("Karbak ceasefire")
    assert results.total == 0
    assert results.suggestion == "Karabakh ceasefire"
    assert archive.search("karbakh ceasefire").suggestion == "karabakh ceasefire"
    assert archive.search("title:Karabak").suggestion == "title:Karabakh"
    assert archive.search("Karbakh").suggestion == "Karabakh"


def test_no_suggestion_for_queries_that_find_enough_or_cannot_be_helped(
    archive: Archive, karabakh: list[int]
) -> None:
    assert archive.search("Karabakh").suggestion is None
    assert archive.search("Karabakh Atlantis").suggestion is None
    assert archive.search("evacuat*").suggestion is None
    assert archive.search("").suggestion is None


def test_more_like_this_finds_the_closest_sources(
    archive: Archive, store_document: StoreDocument
) -> None:
    water = "The reservoir ran dry; water trucks, pipelines and wells failed across the valley."
    first = store_document(article("Water crisis", water))
    second = store_document(article("Drought", water.replace("valley", "region") + " Wells dried."))
    third = store_document(article("Election", "Voters chose a new parliament in Yerevan."))
    similar = archive.similar(first)
    assert similar[0].id == second
    assert first not in [hit.id for hit in similar]
    assert third not in [hit.id for hit in similar]
    assert similar[0].highlights
    assert archive.similar(first, limit=0) == []
    with pytest.raises(NotFoundError):
        archive.similar(9999)


def test_results_turn_into_json(archive: Archive, library: dict[str, int]) -> None:
    data = json.loads(json.dumps(archive.search("alpha", limit=1).to_json()))
    assert set(data) == {
        "query",
        "total",
        "offset",
        "sort",
        "hits",
        "facets",
        "suggestion",
        "understood",
        "notes",
        "place_choices",
    }
    [hit] = data["hits"]
    assert {"id", "kind", "title", "score", "snippet", "highlights", "page"} <= set(hit)
    assert hit["matched_aliases"] == []
    assert hit["id"] == library["alpha"]
