"""A language typed by code or by name is stored as its ISO 639-1 code; anything else is
refused with a message and changes nothing."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from archive_app.core.archive import Archive
from archive_app.core.errors import InvalidInputError
from archive_app.core.language_names import language_code


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("ru", "ru"),
        ("RU", "ru"),
        ("rus", "ru"),
        ("ru-RU", "ru"),
        ("Russian", "ru"),
        ("  russian ", "ru"),
        ("hye", "hy"),
        ("arm", "hy"),
        ("Armenian", "hy"),
        ("az-Latn-AZ", "az"),
        ("Azerbaijani", "az"),
        ("geo", "ka"),
        ("Hebrew", "he"),
        ("", ""),
    ],
)
def test_a_code_or_an_english_name_gives_the_iso_639_1_code(typed: str, code: str) -> None:
    assert language_code(typed) == code


def test_names_in_the_window_s_language_are_understood_too() -> None:
    assert language_code("русский", names_in="ru") == "ru"
    assert language_code("Армянский", names_in="ru") == "hy"
    assert language_code("Russian", names_in="ru") == "ru"
    with pytest.raises(InvalidInputError):
        language_code("русский")


@pytest.mark.parametrize("typed", ["xx", "Elvish", "r", "русский язык"])
def test_an_unknown_language_is_refused_with_a_plain_message(typed: str) -> None:
    with pytest.raises(InvalidInputError) as refused:
        language_code(typed)
    assert f"'{typed}' is not a language the archive knows" in refused.value.message
    assert "ISO 639-1" in refused.value.message


def test_an_edit_stores_the_code_and_a_refused_one_changes_nothing(
    archive: Archive, import_texts: Callable[[dict[str, str]], list[int]]
) -> None:
    (source_id,) = import_texts({"report.txt": "Refugees reach Goris\n\nThey came by bus."})
    archive.update_source(source_id, language="Russian")
    assert archive.get(source_id).language == "ru"
    with pytest.raises(InvalidInputError):
        archive.update_source(source_id, language="Elvish")
    assert archive.get(source_id).language == "ru"
