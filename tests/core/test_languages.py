"""Search across the languages and scripts of a region: word forms by language, apostrophe
suffixes, vowel marks, Chinese and Japanese runs, and queries in one script finding another.

Every text here is our own, written for these tests."""

from __future__ import annotations

import pytest

from archive_app.core.archive import Archive
from archive_app.core.search.analysis import analysis_language, analyze
from archive_app.core.search.languages import index_forms
from archive_app.importers.document import Block, ExtractedDocument
from tests.helpers import StoreDocument

TEXTS = {
    "ru": ("Репортаж из Степанакерте", "Беженцев из Степанакерте вывезли автобусами в Горис."),
    "uk": ("Біженці з Карабаху", "Тисячі біженців перетнули кордон з Вірменією."),
    "hy": ("Լուրեր Ստեփանակերտից", "Փախստականները Ստեփանակերտում սպասում էին ավտոբուսներին։"),
    "az": ("Xankəndidə yeni məktəb", "Xankəndidə yeni məktəb açıldı, Şuşada isə muzey."),
    "tr": ("Karabağ'da ateşkes", "Karabağ'da ateşkes ilan edildi, Bakü'den açıklama geldi."),
    "ka": ("ამბები სტეფანაკერტიდან", "ლტოლვილები სტეფანაკერტიდან გორისში ჩავიდნენ."),
    "ar": ("أخبار المدينة", "قال حَبيبي إن الطريق مغلق، والناس ينتظرون."),
    "he": ("חדשות מהעיר", "הפליטים הגיעו לעיר בלילה, אבל השלום עוד רחוק."),
    "zh": ("新闻报道", "昨天发生了巨大地震，救援队已经出发。"),
    "ja": ("地震のニュース", "昨夜、巨大地震が発生し、各地で震度5弱を観測しました。"),
    "en": ("Refugees reach Goris", "Refugees from Khankendi reached Goris by bus on Tuesday."),
}


@pytest.fixture
def sources(archive: Archive, store_document: StoreDocument) -> dict[str, int]:
    """One source per language; the gazetteer off, so that only analysis makes names meet."""
    archive.gazetteer.set_enabled(False)
    return {
        language: store_document(
            ExtractedDocument(
                kind="article", title=title, blocks=[Block("paragraph", body)], language=language
            )
        )
        for language, (title, body) in TEXTS.items()
    }


def found(archive: Archive, query: str) -> set[int]:
    return {hit.id for hit in archive.search(query, limit=50).hits}


@pytest.mark.parametrize(
    ("query", "language"),
    [
        ("Степанакерт", "ru"),  # Степанакерте
        ("беженцы", "ru"),  # Беженцев
        ("біженці", "uk"),  # біженців (no stemmer: the light rule)
        ("Ստեփանակերտ", "hy"),  # Ստեփանակերտում
        ("Xankəndi", "az"),  # Xankəndidə
        ("Karabağ", "tr"),  # Karabağ'da
        ("Bakü", "tr"),  # Bakü'den
        ("სტეფანაკერტი", "ka"),  # სტეფანაკერტიდან
    ],
)
def test_a_word_finds_its_forms_in_the_source_language(
    archive: Archive, sources: dict[str, int], query: str, language: str
) -> None:
    assert sources[language] in found(archive, query)


def test_arabic_vowel_marks_and_tatweel_do_not_count(
    archive: Archive, sources: dict[str, int]
) -> None:
    assert sources["ar"] in found(archive, "حبيبي")
    assert sources["ar"] in found(archive, "حبيـــبي")
    assert analyze("حَبيبي") == analyze("حبيبي")


def test_hebrew_points_do_not_count(archive: Archive, sources: dict[str, int]) -> None:
    assert sources["he"] in found(archive, "הַשָּׁלוֹם")


@pytest.mark.parametrize(
    ("query", "languages"),
    [("地震", {"zh", "ja"}), ("巨大地震", {"zh", "ja"}), ("救援", {"zh"}), ("震度", {"ja"})],
)
def test_words_inside_chinese_and_japanese_runs_are_found(
    archive: Archive, sources: dict[str, int], query: str, languages: set[str]
) -> None:
    assert found(archive, query) == {sources[language] for language in languages}


def test_a_chinese_phrase_keeps_its_characters_in_order(
    archive: Archive, sources: dict[str, int]
) -> None:
    assert found(archive, '"巨大地震"') == {sources["zh"], sources["ja"]}
    assert found(archive, '"地震巨大"') == set()


@pytest.mark.parametrize(
    ("query", "languages"),
    [
        ("Stepanakert", {"ru", "hy", "ka"}),
        ("Ханкенди", {"en", "az"}),
        ("Khankendi", {"en", "az"}),
        ("Xankəndi", {"en", "az"}),
    ],
)
def test_a_query_in_one_script_finds_other_scripts(
    archive: Archive, sources: dict[str, int], query: str, languages: set[str]
) -> None:
    assert found(archive, query) == {sources[language] for language in languages}


def test_a_hit_says_which_form_matched(archive: Archive, sources: dict[str, int]) -> None:
    hits = {hit.id: hit for hit in archive.search("Stepanakert").hits}
    assert "Степанакерте" in hits[sources["ru"]].matched_aliases
    assert "Ստեփանակերտում" in hits[sources["hy"]].matched_aliases


def test_shusha_in_azerbaijani_letters_meets_shusha_but_not_susa(
    archive: Archive, sources: dict[str, int], store_document: StoreDocument
) -> None:
    susa = store_document(
        ExtractedDocument(
            kind="article", title="Susa", blocks=[Block("paragraph", "Susa is in Piedmont.")]
        )
    )
    assert sources["az"] in found(archive, "Shusha")
    assert sources["az"] not in found(archive, "Susa")
    assert susa not in found(archive, "Şuşa")


def test_a_phrase_across_scripts(archive: Archive, sources: dict[str, int]) -> None:
    assert found(archive, '"из Stepanakert"') == {sources["ru"]}


def test_language_filter(archive: Archive, sources: dict[str, int]) -> None:
    assert found(archive, "lang:hy") == {sources["hy"]}


def test_apostrophe_suffixes_and_elisions() -> None:
    with analysis_language("tr"):
        assert analyze("Karabağ'da") == analyze("Karabağ")
    assert analyze("Shusha's") == analyze("Shusha")
    assert analyze("l'armée") == analyze("armée")
    assert analyze("Karabağʼda") == analyze("Karabağ")


def test_cjk_runs_become_overlapping_pairs() -> None:
    assert analyze("巨大地震") == ["巨大", "大地", "地震"]
    assert analyze("震") == ["震"]


@pytest.mark.parametrize(
    ("word", "language", "forms"),
    [
        ("running", "en", ("run", "")),
        ("councils", "", ("council", "")),
        ("2024", "en", ("2024", "")),
        ("reuters", "ru", ("reuter", "")),  # a name in a Cyrillic source is stemmed as English
        ("u.n", "hy", ("u.n", "un")),
        ("gouvernements", "fr", ("gouvern", "")),  # Latin letters: the source's own stemmer
        ("xeberler", "az", ("xeber", "kheber")),  # Azerbaijani x is kh across scripts
        ("karabagh", "tr", ("karabagh", "")),
    ],
)
def test_the_terms_of_a_word_in_latin_letters_in_each_kind_of_source(
    word: str, language: str, forms: tuple[str, str]
) -> None:
    assert index_forms(word, language) == forms
