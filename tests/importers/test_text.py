"""The plain-text and Markdown importer: encodings, normalisation, titles, structure."""

from __future__ import annotations

import codecs

import pytest

from archive_app.core.errors import UnsupportedFormatError
from archive_app.importers import text
from archive_app.importers.encoding import decode_bytes

RUSSIAN = "Жители Степанакерта покинули город. Дорога через Лачинский коридор была открыта."
TURKISH = (
    "Azerbaycan ordusu Karabağ'da operasyon başlattı. Şuşa'da çatışmalar yaşandı; Ağdam'dan göç."
)
FRENCH = "Les réfugiés ont traversé le pont de Hakari ; l'évacuation s'est déroulée la nuit."
GERMAN = "Die Straße nach Stepanakert war geöffnet; Tausende überquerten die Brücke."


@pytest.mark.parametrize(
    ("sample", "encoding"),
    [
        (RUSSIAN, "utf-8"),
        (TURKISH, "utf-8"),
        (RUSSIAN, "cp1251"),
        (RUSSIAN, "koi8-r"),
        (TURKISH, "cp1254"),
        (TURKISH, "iso-8859-9"),
        (FRENCH, "cp1252"),
        (GERMAN, "iso-8859-1"),
    ],
)
def test_decodes_single_and_multi_byte_encodings(sample: str, encoding: str) -> None:
    assert decode_bytes(sample.encode(encoding)).text == sample


@pytest.mark.parametrize("bom_encoding", ["utf-8-sig", "utf-16", "utf-16-be", "utf-32"])
def test_decodes_text_with_a_byte_order_mark(bom_encoding: str) -> None:
    data = TURKISH.encode(bom_encoding)
    if bom_encoding == "utf-16-be":
        data = codecs.BOM_UTF16_BE + data
    assert decode_bytes(data).text == TURKISH


def test_decodes_utf16_without_a_byte_order_mark() -> None:
    assert decode_bytes(RUSSIAN.encode("utf-16-le")).text == RUSSIAN


def test_a_declared_encoding_is_used_when_utf8_fails() -> None:
    data = FRENCH.encode("cp1252")
    assert decode_bytes(data, declared="windows-1252").encoding == "cp1252"


@pytest.mark.parametrize("data", [b"\x00\x01\x02\x03binary", bytes(range(1, 32)) * 20])
def test_binary_data_is_not_text(data: bytes) -> None:
    with pytest.raises(UnsupportedFormatError, match="binary"):
        decode_bytes(data)


def test_title_is_the_first_non_empty_line_and_body_keeps_paragraphs() -> None:
    document = text.extract(
        b"\n\n  Refugees cross the Hakari bridge  \n\nFirst paragraph,\nwrapped.\n\n\n\nSecond.\n",
        name="notes.txt",
    )
    assert document.title == "Refugees cross the Hakari bridge"
    assert [block.text for block in document.blocks] == [
        "Refugees cross the Hakari bridge",
        "First paragraph,\nwrapped.",
        "Second.",
    ]
    assert document.kind == "text"
    assert document.metadata["encoding"] == "utf-8"


def test_text_is_normalised_with_nfkc_and_one_kind_of_space() -> None:
    document = text.extract(
        "Title\n\nThe \ufb02ight\tfrom\u00a0Shusha\r\nended.".encode(), name="a.txt"
    )
    assert document.blocks[1].text == "The flight from Shusha\nended."


def test_a_very_long_first_line_is_cut_at_a_word_for_the_title() -> None:
    line = "word " * 100
    document = text.extract(line.encode(), name="long.txt")
    assert len(document.title) <= 201
    assert document.title.endswith("…")


def test_markdown_headings_quotes_lists_and_front_matter() -> None:
    source = (
        "---\ntitle: Two days that ended a thirty-year conflict\nauthor: A. Writer and B. Editor\n"
        "date: 2023-10-10\nurl: https://example.org/op-ed\n---\n"
        "# Heading one\n\nA paragraph.\n\n> A quoted statement\n> over two lines.\n\n"
        "- first item\n- second item\n\n## Section\n"
    )
    document = text.extract(source.encode(), name="op-ed.md")
    assert document.title == "Two days that ended a thirty-year conflict"
    assert document.authors == ["A. Writer", "B. Editor"]
    assert document.published == "2023-10-10"
    assert document.source_url == "https://example.org/op-ed"
    kinds = [(block.kind, block.level) for block in document.blocks]
    assert kinds == [
        ("heading", 1),
        ("paragraph", 0),
        ("quote", 0),
        ("list_item", 0),
        ("heading", 2),
    ]
    assert document.blocks[2].text == "A quoted statement\nover two lines."


def test_front_matter_is_read_as_yaml_with_lists_of_authors_and_tags() -> None:
    source = (
        "---\n"
        'title: "Shusha: the road back"\n'
        "authors:\n  - Anna Petrosyan\n  - Elvin Aliyev\n"
        "tags: [ceasefire, displacement, Lachin corridor]\n"
        "date: 2023-10-10\n"
        "---\n"
        "The first paragraph.\n"
    )
    document = text.extract(source.encode(), name="notes.md")

    assert document.title == "Shusha: the road back"
    assert document.authors == ["Anna Petrosyan", "Elvin Aliyev"]
    assert document.tags == ["ceasefire", "displacement", "Lachin corridor"]
    assert document.published == "2023-10-10"
    assert document.body == "The first paragraph."


def test_front_matter_that_tries_to_build_python_objects_is_not_run() -> None:
    source = "---\ntitle: !!python/object/apply:os.system ['echo hacked']\n---\nText.\n"

    document = text.extract(source.encode(), name="hostile.md")

    assert document.notes == [
        "The file's front matter (between its --- lines) is not valid YAML; it was kept as text."
    ]
    assert "echo hacked" in document.body  # kept as text, never run


def test_title_falls_back_to_the_file_name_when_there_is_no_text() -> None:
    document = text.extract(b"   \n\n  ", name="field_notes-2023.txt")
    assert document.title == "field notes 2023"
    assert document.blocks == []
