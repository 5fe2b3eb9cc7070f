"""The PDF importer: page text and numbering, metadata, encryption, scans and broken files."""

from __future__ import annotations

import importlib.util
import json
import logging
import pickle
from pathlib import Path

import pytest

from archive_app.core.errors import ExtractionError, ImportFailure, UnsupportedFormatError
from archive_app.importers import pdf
from archive_app.importers.document import ExtractedDocument
from archive_app.importers.pdf_metadata import document_title, pdf_date, split_authors
from archive_app.importers.pdf_text import clean_pages, first_meaningful_line
from tests.fixtures import make_pdfs

CORPUS_PDFS = Path(__file__).resolve().parents[2].parent / "shared" / "corpus" / "pdfs-dev"
CORPUS_NAMES = sorted(path.name for path in CORPUS_PDFS.glob("*.pdf"))


def page_of(document: ExtractedDocument, offset: int) -> int:
    """The page number an offset in the body falls on, as a reader of the archive finds it."""
    for block, start, end in document.block_spans():
        if start <= offset <= end:
            return block.level
    raise AssertionError(f"offset {offset} is in no block")


def test_reads_every_page_as_a_numbered_block_even_an_empty_one() -> None:
    document = pdf.extract(make_pdfs.article_pdf(), name="article.pdf")

    assert document.kind == "pdf"
    assert document.mime_type == "application/pdf"
    assert [(block.kind, block.level) for block in document.blocks] == [
        ("page", 1),
        ("page", 2),
        ("page", 3),
    ]
    assert document.blocks[0].text.startswith("Shelling reported near Stepanakert\n")
    assert document.blocks[1].text == ""
    assert document.blocks[2].text.endswith("Page three ends here.")
    assert document.notes == []


def test_offsets_in_the_body_map_back_to_their_pages() -> None:
    document = pdf.extract(make_pdfs.article_pdf())
    body = document.body

    for block, start, end in document.block_spans():
        assert body[start:end] == block.text
    assert page_of(document, body.index("Khankendi")) == 1
    assert page_of(document, body.index("Page three")) == 3
    assert page_of(document, len(body)) == 3


def test_page_text_has_single_spaces_and_no_runs_of_blank_lines() -> None:
    document = pdf.extract(make_pdfs.article_pdf())

    for block in document.blocks:
        assert "\t" not in block.text
        assert "  " not in block.text
        assert "\n\n\n" not in block.text


def test_words_broken_at_line_ends_are_joined_and_compounds_keep_their_hyphen() -> None:
    document = pdf.extract(make_pdfs.article_pdf())

    assert "spent the night in basements\nas the offensive" in document.blocks[0].text
    assert "the talks were well-known\nto have failed" in document.blocks[2].text


def test_reads_the_info_dictionary() -> None:
    document = pdf.extract(make_pdfs.article_pdf(), name="article.pdf")

    assert document.title == "Night of shelling in Stepanakert"
    assert document.authors == ["Anna Petrosyan", "Elvin Aliyev", "Mary Smith"]
    assert document.published == "2020-10-08T11:30:00+04:00"
    metadata = document.metadata
    assert metadata["page_count"] == 3
    assert metadata["pages_without_text"] == [2]
    assert metadata["producer"] == "Hand-written test PDF"
    assert metadata["creator_tool"] == "Writer"
    assert metadata["created"] == "2020-10-08T11:30:00+04:00"
    assert metadata["modified"] == "2020-10-09"
    assert metadata["subject"] == "Second Karabakh War"
    assert metadata["keywords"] == "Karabakh; shelling"
    assert metadata["encrypted"] is False
    assert metadata["pdf_version"] == "1.7"
    assert metadata["info"]["title"] == "Night of shelling in Stepanakert"


def test_ligature_glyphs_become_plain_letters_so_searches_find_the_words() -> None:
    document = pdf.extract(make_pdfs.ligature_pdf())

    assert "fire was opened" in document.body
    assert "The flight from Yerevan" in document.body
    assert "ﬁ" not in document.body
    assert "ﬂ" not in document.body


def test_xmp_supplies_what_the_info_dictionary_lacks() -> None:
    document = pdf.extract(make_pdfs.xmp_only_pdf(), name="xmp.pdf")

    assert document.title == "Report on Shusha"
    assert document.authors == ["Leyla Mammadova", "Aram Hakobyan"]
    assert document.published == "2020-11-09T22:15:00+03:00"
    assert document.language == "en"
    assert document.metadata["xmp"]["dc:creator"] == ["Leyla Mammadova", "Aram Hakobyan"]


def test_damaged_xmp_is_left_out_with_a_note_and_the_rest_imported() -> None:
    data = make_pdfs.text_pdf([["Text"]], info={"Title": "Kept"}, xmp=b"<x:xmpmeta <broken")
    document = pdf.extract(data)

    assert document.title == "Kept"
    assert document.notes == ["The PDF's XMP metadata is damaged and was left out."]


def test_a_placeholder_title_gives_way_to_the_first_meaningful_line() -> None:
    document = pdf.extract(make_pdfs.untitled_pdf(), name="x.pdf")

    assert document.title == "Casualty figures disputed"


def test_without_title_or_text_the_file_name_is_the_title() -> None:
    document = pdf.extract(make_pdfs.scanned_pdf(), name="scan_of-leaflet.pdf")

    assert document.title == "scan of leaflet"


def test_opens_a_pdf_encrypted_with_an_empty_user_password() -> None:
    document = pdf.extract(make_pdfs.encrypted_pdf(""))

    assert document.metadata["encrypted"] is True
    assert document.title == "Night of shelling in Stepanakert"
    assert "Khankendi" in document.body


def test_a_pdf_that_needs_a_password_fails_with_what_to_do() -> None:
    with pytest.raises(ExtractionError) as failure:
        pdf.extract(make_pdfs.encrypted_pdf("secret"))

    assert str(failure.value) == (
        "The PDF is protected by a password; open it in a PDF reader, "
        "save an unprotected copy and import that."
    )


def test_an_aes_encrypted_pdf_opens_with_cryptography_or_fails_clearly_without() -> None:
    data = make_pdfs.STORED_AES.read_bytes()
    if importlib.util.find_spec("cryptography") is None:
        with pytest.raises(
            ExtractionError, match="encrypted in a way this installation cannot read"
        ):
            pdf.extract(data)
        return
    assert "Khankendi" in pdf.extract(data).body


@pytest.mark.usefixtures("no_tesseract")
def test_a_scan_without_text_and_without_ocr_says_how_to_install_it() -> None:
    document = pdf.extract(make_pdfs.scanned_pdf(), name="scan.pdf")

    assert [(block.level, block.text) for block in document.blocks] == [(1, ""), (2, "")]
    [note] = document.notes
    assert note.startswith("This PDF has no text layer (it may be a scan); its pages are kept")
    assert "sudo apt-get install tesseract-ocr tesseract-ocr-eng tesseract-ocr-rus" in note
    assert pdf.is_no_text_note(note)


def test_a_cut_off_pdf_keeps_the_pages_that_are_there_with_a_note() -> None:
    document = pdf.extract(make_pdfs.truncated_pdf())

    assert "Khankendi" in document.blocks[0].text
    assert "The PDF file is incomplete (its end is missing)" in document.notes[0]
    assert document.metadata["warnings"]


def test_pypdf_complaints_are_collected_not_logged(caplog: pytest.LogCaptureFixture) -> None:
    logger = logging.getLogger("pypdf")
    handlers = list(logger.handlers)
    with caplog.at_level(logging.DEBUG):
        pdf.extract(make_pdfs.truncated_pdf())

    assert [record for record in caplog.records if record.name.startswith("pypdf")] == []
    assert logger.handlers == handlers
    assert logger.propagate is True
    assert logger.level == logging.NOTSET


@pytest.mark.parametrize(
    "data",
    [make_pdfs.corrupt_pdf(), b"%PDF-1.4\n", b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog"],
    ids=["noise", "header-only", "cut-in-first-object"],
)
def test_a_damaged_pdf_fails_with_one_plain_reason(data: bytes) -> None:
    with pytest.raises(ExtractionError) as failure:
        pdf.extract(data)

    assert str(failure.value) == "The PDF is damaged and cannot be read."
    assert failure.value.detail


@pytest.mark.parametrize("data", [make_pdfs.not_a_pdf(), b"", bytes(range(256)) * 4])
def test_a_file_that_is_not_a_pdf_is_unsupported(data: bytes) -> None:
    with pytest.raises(UnsupportedFormatError, match=r"^This file is not a PDF although its name"):
        pdf.extract(data, name="report.pdf")


def test_the_result_pickles_and_its_metadata_is_json() -> None:
    document = pdf.extract(make_pdfs.xmp_only_pdf())

    assert pickle.loads(pickle.dumps(document)) == document
    json.dumps(document.metadata)


@pytest.mark.parametrize(
    ("raw", "iso"),
    [
        ("D:20220403180542+02'00'", "2022-04-03T18:05:42+02:00"),
        ("D:20220403180542-05'30", "2022-04-03T18:05:42-05:30"),
        ("D:20220403180542Z", "2022-04-03T18:05:42+00:00"),
        ("D:20230410074654Z07'46'", "2023-04-10T07:46:54+00:00"),
        ("D:20220415120134", "2022-04-15T12:01:34"),
        ("20201008", "2020-10-08"),
        ("D:2020", "2020"),
        ("D:202009", "2020-09"),
        ("D:20201340", ""),
        ("D:00000000000000", ""),
        ("yesterday", ""),
        ("", ""),
    ],
)
def test_pdf_dates_become_iso_8601(raw: str, iso: str) -> None:
    assert pdf_date(raw) == iso


@pytest.mark.parametrize(
    ("raw", "authors"),
    [
        ("Anna Petrosyan", ["Anna Petrosyan"]),
        ("A. One; B. Two", ["A. One", "B. Two"]),
        ("A. One and B. Two", ["A. One", "B. Two"]),
        ("A. One & B. Two", ["A. One", "B. Two"]),
        ("anonymous", []),
        ("  ", []),
    ],
)
def test_authors_are_split_and_placeholders_dropped(raw: str, authors: list[str]) -> None:
    assert split_authors(raw) == authors


@pytest.mark.parametrize(
    ("raw", "title"),
    [
        ("Night of shelling", "Night of shelling"),
        ("Microsoft Word - Casualty report", "Casualty report"),
        ("Microsoft Word - report_v3.docx", ""),
        ("untitled", ""),
        ("imagemagick-images\x00", "imagemagick-images"),
    ],
)
def test_placeholder_titles_are_dropped(raw: str, title: str) -> None:
    assert document_title(raw) == title


def test_clean_pages_turns_tabs_into_spaces_and_undoes_hyphenation_across_pages() -> None:
    pages = clean_pages(["Foo:\tbar\n\n\n\nthe cease-\nfire held", "a cease-fire is not peace"])

    assert pages == ["Foo: bar\n\nthe cease-fire\nheld", "a cease-fire is not peace"]


def test_the_first_meaningful_line_skips_page_numbers() -> None:
    assert first_meaningful_line("3\nPage 2 of 9\n\nThe siege of Shusha\nmore") == (
        "The siege of Shusha"
    )


# The shared corpus of real-world PDFs (skipped where it is absent).


@pytest.mark.parametrize("name", CORPUS_NAMES)
def test_every_corpus_pdf_imports_or_fails_with_a_plain_reason(corpus: Path, name: str) -> None:
    data = (corpus / "pdfs-dev" / name).read_bytes()
    facts = json.loads((corpus / "pdfs-dev" / "files.json").read_text(encoding="utf-8"))[name]
    try:
        document = pdf.extract(data, name=name)
    except ImportFailure as failure:
        assert facts["encrypted"], f"{name} failed: {failure} ({failure.detail})"
        assert "password" in str(failure)
        return
    assert len(document.blocks) == facts["pages"]
    assert [block.level for block in document.blocks] == list(range(1, facts["pages"] + 1))
    assert document.title
    if facts["creation_date"]:
        assert document.published[:10] == facts["creation_date"][:10]
    json.dumps(document.metadata)
    pickle.dumps(document)


def test_corpus_pdf_with_xmp_metadata(corpus: Path) -> None:
    path = corpus / "pdfs-dev" / "020-xmp__output_with_metadata_pymupdf.pdf"
    document = pdf.extract(path.read_bytes(), name=path.name)

    assert document.title == "Sample PDF with XMP Metadata"
    assert document.authors == ["John Doe"]
    assert document.body == "Hello, World!"


def test_corpus_pdf_with_a_password(corpus: Path) -> None:
    path = corpus / "pdfs-dev" / "005-libreoffice-writer-password__libreoffice-writer-password.pdf"

    with pytest.raises(ExtractionError, match="protected by a password"):
        pdf.extract(path.read_bytes(), name=path.name)


def test_corpus_pdf_with_rotated_arabic_text(corpus: Path) -> None:
    path = corpus / "pdfs-dev" / "015-arabic__habibi-rotated.pdf"
    document = pdf.extract(path.read_bytes(), name=path.name)

    assert len(document.blocks) == 4
    assert all("habibi" in block.text and "حَبيبي" in block.text for block in document.blocks)


def test_corpus_latex_pdfs_lose_ligatures_and_hyphenation(corpus: Path) -> None:
    columns = pdf.extract(
        (corpus / "pdfs-dev" / "026-latex-multicolumn__multicolumn.pdf").read_bytes()
    )
    minimal = pdf.extract((corpus / "pdfs-dev" / "001-trivial__minimal-document.pdf").read_bytes())

    assert "two columns filled" in columns.body
    assert "Official Language" in columns.body
    assert "ﬁ" not in columns.body
    assert "takimata" in minimal.body
    assert "taki-" not in minimal.body


def test_corpus_pdf_of_images_only_says_it_has_no_text(corpus: Path) -> None:
    path = corpus / "pdfs-dev" / "007-imagemagick-images__imagemagick-ASCII85Decode.pdf"
    document = pdf.extract(path.read_bytes(), name=path.name)

    assert document.title == "imagemagick-ASCII85Decode"
    assert "no text layer" in document.notes[0]
