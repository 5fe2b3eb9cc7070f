"""The language detector's model, unpacked once into the cache folder, names every language as
the model shipped compressed does, with the same confidence."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from archive_app.importers.language_model import load_identifier

SAMPLES = [
    "The ceasefire agreement was signed in Moscow after six weeks of fighting.",
    "Соглашение о прекращении огня было подписано в Москве после шести недель боёв.",
    "Припинення вогню підписали в Москві після шести тижнів боїв.",
    "Atəşkəs sazişi altı həftəlik döyüşlərdən sonra Moskvada imzalandı.",
    "Ateşkes anlaşması altı haftalık çatışmanın ardından Moskova'da imzalandı.",
    "Հրադադարի համաձայնագիրը ստորագրվեց Մոսկվայում՝ վեց շաբաթ տևած մարտերից հետո։",
    "ცეცხლის შეწყვეტის შეთანხმება მოსკოვში ექვსკვირიანი ბრძოლის შემდეგ გაფორმდა.",
    "تم توقيع اتفاق وقف إطلاق النار في موسكو بعد ستة أسابيع من القتال.",
    "הסכם הפסקת האש נחתם במוסקבה לאחר שישה שבועות של לחימה.",
    "停火协议在六周的战斗后于莫斯科签署。",
    "Shusha",
]


def _answers(identifier: object) -> list[tuple[str, float]]:
    return [identifier.classify(text) for text in SAMPLES]  # type: ignore[attr-defined]


def test_the_unpacked_model_answers_as_the_shipped_one(tmp_path: Path) -> None:
    shipped = _answers(load_identifier(None))

    first = load_identifier(tmp_path)  # unpacks the model into the cache
    [folder] = tmp_path.iterdir()
    again = load_identifier(tmp_path)  # reads it from there

    assert folder.name.startswith("language-model-")
    assert _answers(first) == shipped
    assert _answers(again) == [(code, pytest.approx(score, abs=1e-6)) for code, score in shipped]
    assert [code for code, _ in shipped[:9]] == [
        "en",
        "ru",
        "uk",
        "az",
        "tr",
        "hy",
        "ka",
        "ar",
        "he",
    ]


def test_a_damaged_cache_is_made_again(tmp_path: Path) -> None:
    load_identifier(tmp_path)
    [folder] = tmp_path.iterdir()
    (folder / "tables.json").write_text("{", encoding="utf-8")

    assert _answers(load_identifier(tmp_path)) == _answers(load_identifier(None))
    assert json.loads((folder / "tables.json").read_text("utf-8"))["nb_classes"]


def test_a_cache_folder_that_cannot_be_written_is_passed_by(tmp_path: Path) -> None:
    blocked = tmp_path / "file-not-folder"
    blocked.write_text("", encoding="utf-8")

    assert _answers(load_identifier(blocked)) == _answers(load_identifier(None))
