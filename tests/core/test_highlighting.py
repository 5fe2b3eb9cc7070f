"""Which parts of a text a query highlights: the same folding and stemming as the index."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from archive_app.core.archive import Archive
from archive_app.core.search.analysis import analyze
from archive_app.core.search.highlighting import (
    AliasLookup,
    aliases_matched,
    compile_query,
    find_matches,
)

TEXT = (
    "Refugees left Xankəndi on Sunday. The refugee column reached Goris; "
    "officials in Stepanakert said the road to Goris stayed open."
)

KARABAKH = ("Stepanakert", "Khankendi", "Xankəndi")


def karabakh_aliases(name: str) -> list[str]:
    if analyze(name) in [analyze(n) for n in KARABAKH]:
        return [n for n in KARABAKH if analyze(n) != analyze(name)]
    return []


def matched(
    text: str, query: str, field: str = "body", aliases: AliasLookup | None = None
) -> list[str]:
    return [text[m.start : m.end] for m in find_matches(text, query, field, aliases)]


def test_a_folded_query_highlights_the_accented_spelling() -> None:
    assert matched(TEXT, "xankendi") == ["Xankəndi"]
    assert matched(TEXT, "XANKƏNDI") == ["Xankəndi"]


def test_words_are_stemmed_like_the_index() -> None:
    assert matched(TEXT, "refugees") == ["Refugees", "refugee"]
    assert matched("running and runs", "run") == ["running", "runs"]


def test_every_word_of_the_query_is_highlighted_in_text_order() -> None:
    found = find_matches(TEXT, "goris refugees")
    assert [TEXT[m.start : m.end] for m in found] == ["Refugees", "refugee", "Goris", "Goris"]
    assert [m.start for m in found] == sorted(m.start for m in found)


def test_or_highlights_both_sides() -> None:
    assert matched(TEXT, "Sunday OR column") == ["Sunday", "column"]


@pytest.mark.parametrize(
    "query",
    [
        "Goris NOT Sunday",
        "Goris -Sunday",
        "Goris AND NOT (Sunday OR column)",
        "Goris ANDNOT Sunday",
    ],
)
def test_negated_words_are_not_highlighted(query: str) -> None:
    assert "Sunday" not in matched(TEXT, query)
    assert "column" not in matched(TEXT, query)
    assert "Goris" in matched(TEXT, query)


def test_a_phrase_is_highlighted_where_its_words_stand_together() -> None:
    text = "The road opens. The road was closed; it opens again."
    found = matched(text, '"road opens"')
    assert found == ["road opens"]


def test_a_phrase_skips_stop_words_as_the_index_does() -> None:
    assert matched("The Battle of Shusha began.", '"battle shusha"') == ["Battle of Shusha"]


def test_wildcards_match_folded_words_by_prefix_and_pattern() -> None:
    assert matched(TEXT, "xank*") == ["Xankəndi"]
    assert matched(TEXT, "Stepan*") == ["Stepanakert"]
    assert matched(TEXT, "G?ris") == ["Goris", "Goris"]


def test_a_bare_wildcard_highlights_nothing() -> None:
    assert matched(TEXT, "*") == []


def test_fuzzy_words_match_within_their_distance() -> None:
    assert matched(TEXT, "Gorus~") == ["Goris", "Goris"]
    assert matched(TEXT, "Gosus~") == []
    assert matched(TEXT, "Gosus~2") == ["Goris", "Goris"]


def test_text_fields_apply_only_to_their_own_text() -> None:
    assert matched(TEXT, "title:Goris", "body") == []
    assert matched(TEXT, "title:Goris", "title") == ["Goris", "Goris"]
    assert matched(TEXT, 'caption:"road to Goris"', "caption") == ["road to Goris"]
    assert matched(TEXT, "body:(Sunday column)", "body") == ["Sunday", "column"]


def test_metadata_fields_and_date_ranges_highlight_nothing() -> None:
    query = "author:Sunday tag:refugees published:[2020 TO 2023] published:2023-09 kind:pdf Goris"
    assert matched(TEXT, query) == ["Goris", "Goris"]


def test_boosts_and_plus_signs_are_ignored() -> None:
    assert matched(TEXT, "+Goris^2") == ["Goris", "Goris"]


def test_a_query_that_does_not_parse_is_read_as_words() -> None:
    assert matched(TEXT, '(Goris "Sunday') == ["Sunday", "Goris", "Goris"]
    assert matched(TEXT, "))) NOT") == []


def test_stop_words_alone_highlight_nothing() -> None:
    assert not compile_query("the of")
    assert matched(TEXT, "the") == []


def test_aliases_highlight_every_name_and_say_which_word_they_stand_for() -> None:
    found = find_matches(TEXT, "Stepanakert", aliases=karabakh_aliases)
    assert [TEXT[m.start : m.end] for m in found] == ["Xankəndi", "Stepanakert"]
    assert aliases_matched(found, TEXT) == {"Stepanakert": ["Xankəndi"]}


def test_a_folded_alias_query_finds_its_own_spelling_and_the_others() -> None:
    found = matched(TEXT, "xankendi", aliases=karabakh_aliases)
    assert found == ["Xankəndi", "Stepanakert"]


def test_a_name_of_several_words_is_an_alias_too() -> None:
    corridor = ("Lachin corridor", "Berdzor road")

    def aliases(name: str) -> list[str]:
        if analyze(name) in [analyze(n) for n in corridor]:
            return [n for n in corridor if analyze(n) != analyze(name)]
        return []

    text = "The Berdzor road reopened; the Lachin corridor had been closed."
    found = find_matches(text, "lachin corridor", aliases=aliases)
    assert [text[m.start : m.end] for m in found] == ["Berdzor road", "Lachin", "corridor"]
    assert aliases_matched(found, text) == {"lachin corridor": ["Berdzor road"]}
    assert matched(text, "lachin OR corridor", aliases=aliases) == ["Lachin", "corridor"]


def test_negated_aliases_are_not_expanded() -> None:
    assert matched(TEXT, "Goris NOT Stepanakert", aliases=karabakh_aliases) == ["Goris", "Goris"]


def test_matches_do_not_overlap() -> None:
    found = find_matches("road opens now", '"road opens" road opens')
    assert [(m.start, m.end) for m in found] == [(0, 10)]


def test_highlights_agree_with_search(
    archive: Archive, import_texts: Callable[[dict[str, str]], list[int]]
) -> None:
    (source_id,) = import_texts({"report.txt": "Report\n\n" + TEXT})
    for query in ("xankendi", "refugees", "stepan*", '"road to goris"'):
        assert [hit.id for hit in archive.search(query).hits] == [source_id]
        assert find_matches(archive.get(source_id).body, query), query


RUSSIAN = "Тысячи беженцев ушли из Степанакерте по Лачинскому коридору."


def test_a_source_is_highlighted_in_its_own_language() -> None:
    assert matched_in(RUSSIAN, "беженцы", "ru") == ["беженцев"]
    assert matched_in(RUSSIAN, "беженцы", "en") == []
    assert matched_in(RUSSIAN, '"Лачинский коридор"', "ru") == ["Лачинскому коридору"]
    assert matched_in(RUSSIAN, '"Лачинский коридор"', "en") == []


def test_a_query_in_another_script_highlights_the_transliterated_word() -> None:
    assert matched_in(RUSSIAN, "Stepanakert", "ru") == ["Степанакерте"]
    assert matched_in(RUSSIAN, "Степанакерт", "ru") == ["Степанакерте"]
    assert matched_in(RUSSIAN, "bezhentsy", "ru") == ["беженцев"]


def matched_in(text: str, query: str, language: str) -> list[str]:
    return [text[m.start : m.end] for m in find_matches(text, query, language=language)]
