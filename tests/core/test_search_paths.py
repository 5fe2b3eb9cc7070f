"""The fast path of search (matches and scores as arrays, see ``core/search/docsets.py``) finds
what the plain path finds: Whoosh's top-N collector walking every match. Same total, same hits
in the same order with the same scores (to the last bits of their sums), snippets, highlights
and matched names, same facet counts, for every query of ``bench_search``'s workload on a
small archive of its generated sources; and on an archive edited since it was indexed (many
segments, deleted sources), whose posting lists are long. Each the first time a query is
searched (a new search service, nothing kept: every array read from the index) and when its
arrays are kept from the time before."""

from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from whoosh import highlight
from whoosh.collectors import TermsCollector, TopCollector
from whoosh.sorting import FieldFacet

from archive_app.core.archive import Archive
from archive_app.core.search.compile import NOTHING, QueryCompiler
from archive_app.core.search.hits import (
    CONTEXT_CHARS,
    FRAGMENT_CHARS,
    FRAGMENTS,
    SNIPPET_FIELDS,
    HitMaker,
)
from archive_app.core.search.labels import Labels
from archive_app.core.search.pinpoint import PinpointHighlighter
from archive_app.core.search.reading import read_query
from archive_app.core.search.results import Hit
from archive_app.core.search.service import SearchResults, SearchService
from tests.helpers import PROJECT_ROOT, add_sources

SOURCES = 300
SEED = 11
PAGE = 20
PLAIN_FACETS = {"kind": "kind", "year": "year_facet", "site": "site_facet"}
Search = Callable[..., SearchResults]


@pytest.fixture(params=["first time", "kept"])
def search(request: pytest.FixtureRequest) -> Search:
    """``search(archive, query, **options)``: the query searched by a new search service
    (nothing kept), or searched again by the archive's own (its arrays kept)."""

    def first_time(archive: Archive, query: str, **options: Any) -> SearchResults:
        kept = archive.searching
        fresh = SearchService(kept.database, kept.index, kept.aliases, kept.gazetteer)
        return fresh.run(query, **options)

    def again(archive: Archive, query: str, **options: Any) -> SearchResults:
        archive.search(query, **options)
        return archive.search(query, **options)

    return first_time if request.param == "first time" else again


@pytest.fixture(scope="module")
def bench() -> ModuleType:
    """``benchmarks/bench_search.py``, whose generator and workload these tests use."""
    sys.path.insert(0, str(PROJECT_ROOT / "benchmarks"))
    try:
        import bench_search
    finally:
        sys.path.remove(str(PROJECT_ROOT / "benchmarks"))
    return bench_search


@pytest.fixture(scope="module")
def generated(bench: ModuleType, tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("generated") / "archive"
    bench.build(folder, SOURCES, SEED)
    return folder


@pytest.fixture
def archive_of_generated(
    generated: Path, places_cache: Path, monkeypatch: pytest.MonkeyPatch
) -> Any:
    """The generated archive, with the whole gazetteer (its place names expand)."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(places_cache))
    with Archive.open(generated, workers=1) as archive:
        yield archive


def plain_search(
    archive: Archive, text: str, limit: int = PAGE
) -> tuple[int, list[Hit], dict[str, Counter[str]]]:
    """The total, the first ``limit`` hits and the kind, year and site counts, as Whoosh's own
    collectors give them for the query the search compiles."""
    with archive.index.searcher() as searcher:
        compiler = QueryCompiler(
            searcher.reader(), archive.aliases.table(), Labels(archive.database), archive.gazetteer
        )
        compiled = compiler.compile(read_query(text).tree)
        if compiled.query is None or compiled.query is NOTHING:
            return 0, [], {}
        collector = TermsCollector(TopCollector(limit, usequality=False, replace=0))
        searcher.search_with_collector(compiled.query, collector)
        results = collector.results()
        maker = HitMaker(results, compiled.alias_groups, [word.text for word in compiled.words])
        hits = [maker.hit(found) for found in results]
        grouped = searcher.search(
            compiled.query,
            limit=None,
            groupedby={name: FieldFacet(column) for name, column in PLAIN_FACETS.items()},
        )
        facets = {name: _counts(grouped.groups(name)) for name in PLAIN_FACETS}
        return len(grouped), hits, facets


def highlighted(archive: Archive, text: str, highlighter: type[highlight.Highlighter]) -> list[str]:
    """The highlighted fragments of each snippet field of the first page of hits, marked by
    a highlighter of Whoosh's kind."""
    with archive.index.searcher() as searcher:
        compiler = QueryCompiler(
            searcher.reader(), archive.aliases.table(), Labels(archive.database), archive.gazetteer
        )
        compiled = compiler.compile(read_query(text).tree)
        if compiled.query is None or compiled.query is NOTHING:
            return []
        results = searcher.search(compiled.query, limit=PAGE, terms=True)
        results.highlighter = highlighter(
            fragmenter=highlight.PinpointFragmenter(
                maxchars=FRAGMENT_CHARS, surround=CONTEXT_CHARS, autotrim=True, charlimit=None
            ),
            formatter=highlight.UppercaseFormatter(),
        )
        return [
            str(hit.highlights(name, top=FRAGMENTS))
            for hit in results
            for name in SNIPPET_FIELDS
            if hit.get(name)
        ]


def _unscored(hits: list[Hit]) -> list[Hit]:
    """Hits with their scores left out: a score is the sum of its words' scores, which the two
    paths add in another order (so they may differ in the last bits)."""
    return [replace(hit, score=0.0) for hit in hits]


def _counts(groups: dict[Any, list[int]]) -> Counter[str]:
    named = (
        (key.decode() if isinstance(key, bytes) else str(key), len(docs))
        for key, docs in groups.items()
    )
    return Counter({key: count for key, count in named if key})


def workload(bench: ModuleType) -> list[str]:
    return list(
        bench.QUERIES
        + bench.generated_queries(bench.TOPIC, bench.PLACES, bench.GENERATED_QUERIES, SEED)
    )


def test_the_same_sources_in_the_same_order_and_the_same_facets(
    bench: ModuleType, archive_of_generated: Archive, search: Search
) -> None:
    differing = _differing(archive_of_generated, workload(bench), search)
    assert differing == []
    compared = sum(plain_search(archive_of_generated, query)[0] > 0 for query in workload(bench))
    assert compared >= 100


def _differing(archive: Archive, queries: list[str], search: Search) -> list[str]:
    """The queries whose total, ranked hits (scores to 1e-12) or facet counts differ from
    the plain path's."""
    differing = []
    for query in queries:
        total, hits, facets = plain_search(archive, query)
        found = search(archive, query, limit=PAGE)
        ours = {name: Counter(found.facets.get(name, {})) for name in facets}
        ranked = [(hit.id, pytest.approx(hit.score, rel=1e-12)) for hit in hits]
        if (found.total, [(hit.id, hit.score) for hit in found.hits], ours) != (
            total,
            ranked,
            facets,
        ):
            differing.append(query)
    return differing


def test_the_same_snippets_highlights_and_matched_names(
    bench: ModuleType, archive_of_generated: Archive, search: Search
) -> None:
    """Every query but phrases: after a phrase's last match in a field, Whoosh's walk leaves
    the matchers of its words where they stopped, and a later hit that has one of the words
    there has it highlighted alone (``sovereignty`` in the title, for a search for "cemetery
    sovereignty" that the hit has in its body); the fast path highlights what matched."""
    differing = []
    for query in workload(bench):
        if '"' not in query:
            _, hits, _ = plain_search(archive_of_generated, query)
            found = search(archive_of_generated, query, limit=PAGE)
            if _unscored(found.hits) != _unscored(hits):
                differing.append(query)
    assert differing == []


def test_words_read_from_blocks_are_highlighted_where_whooshs_highlighter_has_them(
    bench: ModuleType, archive_of_generated: Archive, edited: Archive
) -> None:
    compared = 0
    for archive, queries in [(archive_of_generated, workload(bench)), (edited, EDITED_QUERIES)]:
        for query in queries:
            ours = highlighted(archive, query, PinpointHighlighter)
            assert ours == highlighted(archive, query, highlight.Highlighter), query
            compared += any(ours)
    assert compared >= 100


def test_a_page_further_on_is_the_plain_paths_page_too(
    bench: ModuleType, archive_of_generated: Archive, search: Search
) -> None:
    """The second page of 20 is hits 21 to 40 of the plain path's ranking."""
    compared = 0
    for query in workload(bench):
        total, hits, _ = plain_search(archive_of_generated, query, limit=2 * PAGE)
        if total > 2 * PAGE:
            found = search(archive_of_generated, query, limit=PAGE, offset=PAGE)
            assert _unscored(found.hits) == _unscored(hits[PAGE:]), query
            compared += 1
    assert compared >= 5


def test_hits_without_snippets_are_the_same_sources(
    bench: ModuleType, archive_of_generated: Archive, search: Search
) -> None:
    """What the window asks for: the sources of a page, no snippets or highlights made."""
    for query in bench.QUERIES:
        full = archive_of_generated.search(query, limit=PAGE)
        bare = search(archive_of_generated, query, limit=PAGE, snippets=False)
        assert [hit.id for hit in bare.hits] == [hit.id for hit in full.hits]
        assert (bare.total, bare.facets) == (full.total, full.facets)
        assert all(not (hit.snippet or hit.highlights or hit.title_highlights) for hit in bare.hits)


EDITED_QUERIES = [
    "convoy",
    "ceasefire",
    "corridor convoy",
    '"humanitarian corridor"',
    '"corridor convoy"',
    "shelling corridor",
    "conv*",
    "ceasfire~",
    "convoy -ceasefire",
    "corridor OR ceasefire -shelling",
    "title:shelling",
]


@pytest.fixture
def edited(archive: Archive) -> Archive:
    """1,500 sources indexed at once, then a few deleted and a few more added: segments with
    deleted documents (whose postings Whoosh filters) beside a new one. Words in every source
    (posting lists of a dozen blocks), in every 300th (gaps between documents too big for a
    byte), said several times (weights above 1), in phrases and out of them."""
    titles = []
    for number in range(1500):
        words = ["convoy"] + ["shelling"] * (number % 4)
        words += ["humanitarian corridor"] if number % 7 == 0 else ["corridor"] * (number % 2)
        words += ["ceasefire"] if number % 300 == 0 else []
        titles.append(" ".join(words))
    ids = add_sources(archive, titles)
    archive.delete_sources(ids[::37])
    add_sources(archive, ["convoy ceasefire corridor", "humanitarian corridor convoy"] * 5)
    archive.index.notify(wait=True)
    return archive


def test_an_edited_archive_finds_what_the_plain_path_finds_with_the_same_snippets(
    edited: Archive, search: Search
) -> None:
    with edited.index.searcher() as searcher:
        assert any(leaf.reader().has_deletions() for leaf, _ in searcher.leaf_searchers())
    assert _differing(edited, EDITED_QUERIES, search) == []
    for query in [query for query in EDITED_QUERIES if '"' not in query]:
        plain_hits = plain_search(edited, query)[1]
        assert _unscored(search(edited, query, limit=PAGE).hits) == _unscored(plain_hits), query
    assert edited.search("convoy").total == 1500 - len(range(0, 1500, 37)) + 10
