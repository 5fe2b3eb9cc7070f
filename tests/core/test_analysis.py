"""Text analysis for the index: folding (including letters with no decomposition) and stems."""

from __future__ import annotations

import pytest

from archive_app.core.search.analysis import analyze, fold, stem


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
