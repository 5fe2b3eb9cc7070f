"""Text analysis for the index: folding (including letters with no decomposition) and stems."""

from __future__ import annotations

import pytest
from whoosh.analysis import RegexTokenizer

from archive_app.core.search.analysis import (
    WordShapeFilter,
    analyze,
    fold,
    shaped_words,
    stem,
    word_pattern,
)


@pytest.mark.parametrize(
    ("word", "folded"),
    [
        ("xankəndi", "xankendi"),
        ("ağdam", "agdam"),
        ("şuşa", "shusha"),
        ("qarabağ", "qarabag"),
        ("ıslak", "islak"),
        ("łódź", "lodz"),
        ("straße", "strasse"),
        ("ёлка", "елка"),
        ("café", "cafe"),
        ("stepanakert", "stepanakert"),
    ],
)
def test_fold_removes_accents_and_special_letters(word: str, folded: str) -> None:
    assert fold(word) == folded


def test_analysis_lowercases_folds_and_stems_in_that_order() -> None:
    assert analyze("Xankəndi RESIDENTS were running") == ["xankendi", "resid", "were", "run"]


def test_accented_and_plain_spellings_give_the_same_terms() -> None:
    assert analyze("Ağdam and Xankəndi") == analyze("Agdam and Xankendi")


def test_snowball_stemmer_keeps_running_intact_unlike_old_porter() -> None:
    assert stem("running") == "run"
    assert stem("generously") == "generous"


def test_words_in_other_scripts_are_not_stemmed() -> None:
    assert analyze("Степанакерт") == ["степанакерт"]


def test_stop_words_are_dropped() -> None:
    assert analyze("the road to the city") == ["road", "citi"]


def test_markdown_emphasis_does_not_hide_words() -> None:
    assert analyze("Check the **date** in _Shusha_") == ["check", "date", "shusha"]


@pytest.mark.parametrize(
    "text",
    [
        "The convoy left Shusha at dawn; it was the 2nd day.",
        "Şuşa'da, Karabağ'da and l'armée: aujourd'hui it's Shusha's",
        "_Shusha_ and **Stepanakert** under snake_case_words, U.N. 3.5 km",
        "東京で巨大地震。被害は大きい 地震 と 津波 and 巨",
        "a I the of Степанакерт's ёлка ЗАЩИТА ՍՏԵՓԱՆԱԿԵՐՏ",
        "הַמִּלְחָמָה נמשכה; حَبيبي ـــ the a_b_c x'y",
        "",
    ],
)
def test_shaped_words_are_the_words_the_analyzers_filter_gives(text: str) -> None:
    """The words the index writer takes in one pass are the tokens of the content analyzer's
    tokenizer and shape filter, with their positions and characters."""
    shaper = RegexTokenizer(word_pattern()) | WordShapeFilter()
    expected = [
        (token.text, token.pos, token.startchar, token.endchar)
        for token in shaper(text, positions=True, chars=True, mode="index")
    ]
    assert list(shaped_words(text)) == expected
