"""Decoding text exactly: byte-order marks and strict UTF-8 first, then the code pages that
statistical detection got wrong (texts of our own)."""

from __future__ import annotations

import codecs

import pytest

from archive_app.importers.encoding import decode_bytes

POLISH = (
    "Uchodźcy z Górnego Karabachu przekroczyli granicę w Kornidzorze. Władze Armenii przyjęły "
    "ponad sto tysięcy osób; żołnierze pilnowali mostu, a służby zdrowia pracowały całą dobę."
)
FRENCH = (
    "Le prix du pain a doublé : trois € la baguette à Stepanakert. L'œuvre humanitaire coûte "
    "cher, et les réfugiés attendent à la frontière depuis l'été."
)
SPANISH = (
    "Los refugiados llegaron a Goris el miércoles; la evacuación duró una semana. ¿Quién pagará "
    "la reconstrucción? Nadie lo sabe todavía, dijo el alcalde."
)
OPED = (
    "Two days that ended a thirty-year republic\n\nBy Miriam Okafor\n\n"
    "It took one day of fighting and one week on the road. By the time the last buses crossed "
    "the Hakari bridge, almost the entire Armenian population of Nagorno-Karabakh – more than "
    "100,000 people – had left for Armenia. “Each side has its own word for what happened,” a "
    "diplomat said. In Baku it’s the restoration of sovereignty over Khankendi; in Yerevan it’s "
    "the loss of Stepanakert… The words are not interchangeable."
)


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        (POLISH, "iso8859_2"),
        (POLISH, "cp1250"),
        (FRENCH, "iso8859_15"),
        (FRENCH, "cp1252"),
        (SPANISH, "mac_roman"),
        (SPANISH, "cp1252"),
        (OPED, "cp1252"),
    ],
)
def test_latin_code_pages_are_decoded_exactly(text: str, encoding: str) -> None:
    decoded = decode_bytes(text.encode(encoding))
    assert decoded.text == text
    assert codecs.lookup(decoded.encoding).name == codecs.lookup(encoding).name


def test_the_euro_sign_is_not_a_currency_sign() -> None:
    assert "€" in decode_bytes(FRENCH.encode("iso8859_15")).text


@pytest.mark.parametrize("bom", [codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE])
def test_a_byte_order_mark_decides(bom: bytes) -> None:
    encoding = {codecs.BOM_UTF8: "utf-8", codecs.BOM_UTF16_LE: "utf-16-le"}.get(bom, "utf-16-be")
    assert decode_bytes(bom + POLISH.encode(encoding)).text == POLISH


def test_strict_utf8_comes_before_any_guess() -> None:
    for text in (POLISH, FRENCH, SPANISH, OPED, "Степанакерт Ստեփանակերտ Xankəndi"):
        decoded = decode_bytes(text.encode("utf-8"))
        assert (decoded.text, decoded.encoding) == (text, "utf-8")


def test_russian_in_windows_1251_is_still_read() -> None:
    text = "Беженцы из Степанакерта прибыли в Горис. Колонна машин медленно двигалась к границе."
    assert decode_bytes(text.encode("cp1251")).text == text
