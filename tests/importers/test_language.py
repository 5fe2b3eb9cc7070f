"""The language of each source: declared, detected, or declared but contradicted; corrected by
hand, undoably, with the index following. Texts of our own."""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest

from archive_app.core.archive import Archive
from archive_app.importers.document import Block, ExtractedDocument
from archive_app.importers.language import (
    CONTRADICTION_LETTERS,
    detect_language,
    language_code,
    settle_language,
)
from tests.helpers import StoreDocument

TEXTS = {
    "ru": "Беженцы из Степанакерта прибыли в Горис. Колонна машин медленно двигалась к границе.",
    "uk": "Біженці з міста перетнули кордон уночі. Мешканці залишилися без світла і води.",
    "hy": "Փախստականները Ստեփանակերտից հասան Գորիս։ Քաղաքի բնակիչները մնացին առանց լույսի։",
    "az": "Xankəndidə yeni məktəb açıldı. Nazir bildirdi ki, danışıqlar gələn həftə davam edəcək.",
    "tr": "Karabağ'da ateşkes ilan edildi. Bakan, görüşmelerin gelecek hafta süreceğini söyledi.",
    "ka": (
        "ლტოლვილები სტეფანაკერტიდან გორისში ჩავიდნენ. "
        "მინისტრმა განაცხადა, რომ მოლაპარაკებები გაგრძელდება."
    ),
    "ar": "وصل اللاجئون إلى المدينة في الليل. قال الوزير إن المفاوضات ستستمر الأسبوع المقبل.",
    "he": "הפליטים הגיעו לעיר בלילה. השר אמר שהמשא ומתן יימשך בשבוע הבא.",
    "zh": "昨天发生了巨大地震，救援队已经出发。许多居民在广场上过夜。",
    "ja": "昨夜、巨大地震が発生し、各地で震度5弱を観測しました。",
    "en": "Refugees from Stepanakert arrived in Goris. The minister said talks would continue.",
}


@pytest.mark.parametrize("language", sorted(TEXTS))
def test_a_text_without_a_declared_language_gets_the_detected_one(
    archive: Archive, import_texts: Callable[[dict[str, str]], list[int]], language: str
) -> None:
    (source_id,) = import_texts({f"{language}.txt": TEXTS[language]})
    assert archive.get(source_id).language == language


def test_show_json_gives_the_language_code(
    archive: Archive,
    import_texts: Callable[[dict[str, str]], list[int]],
    capsys: pytest.CaptureFixture[str],
) -> None:
    from archive_app.cli import main

    (source_id,) = import_texts({"hy.txt": TEXTS["hy"]})
    archive.close()
    assert main(["--archive", str(archive.path), "show", "--json", str(source_id)]) == 0
    assert json.loads(capsys.readouterr().out)["language"] == "hy"


def document(text: str, declared: str) -> ExtractedDocument:
    return ExtractedDocument(kind="text", blocks=[Block("paragraph", text)], language=declared)


def test_a_declaration_stands_unless_enough_text_contradicts_it() -> None:
    long_russian = " ".join([TEXTS["ru"]] * 4)
    assert settle_language(document(long_russian, "en-US")) == "ru"
    assert settle_language(document("Степанакерт", "en-US")) == "en"
    assert settle_language(document(TEXTS["az"] * 3, "az-Latn-AZ")) == "az"


def test_a_declaration_is_overruled_from_the_least_text_that_may_overrule_it() -> None:
    russian = " ".join([TEXTS["ru"]] * 4)
    letter_ends = [index + 1 for index, character in enumerate(russian) if character.isalpha()]
    just_enough = russian[: letter_ends[CONTRADICTION_LETTERS - 1]]
    one_letter_short = russian[: letter_ends[CONTRADICTION_LETTERS - 2]]
    assert detect_language(one_letter_short)[0] == "ru"
    assert settle_language(document(one_letter_short, "en-US")) == "en"
    assert settle_language(document(just_enough, "en-US")) == "ru"


def test_too_little_text_says_nothing() -> None:
    assert detect_language("Goris") == ("", 0.0)
    assert settle_language(document("Goris", "")) == ""


@pytest.mark.parametrize(
    ("tag", "code"),
    [("en-GB", "en"), ("az_Latn", "az"), ("rus", "ru"), ("iw", "he"), ("HY", "hy"), ("x", "")],
)
def test_language_tags_become_iso_639_1(tag: str, code: str) -> None:
    assert language_code(tag) == code


def test_a_corrected_language_is_undoable_and_the_index_follows(
    archive: Archive, store_document: StoreDocument
) -> None:
    source_id = store_document(document("Беженцев вывезли автобусами.", "en"))
    assert archive.search("беженцы").total == 0
    change = archive.update_source(source_id, language="ru")
    archive.index.wait_until_indexed()
    assert [hit.id for hit in archive.search("беженцы").hits] == [source_id]
    change.undo()
    archive.index.wait_until_indexed()
    assert archive.get(source_id).language == "en"
    assert archive.search("беженцы").total == 0
