"""Reading pictures of pages with Tesseract: scripts of the region, word boxes, PDF pages, and
pictures that are too large, empty, or in a language that is not installed."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from PIL import Image

from archive_app.core.errors import ExtractionError, OcrUnavailableError
from archive_app.importers import ocr
from archive_app.importers.ocr_languages import (
    REGION_LANGUAGES,
    choose_languages,
    guess_language,
    install_command,
    package_name,
    parse_languages,
)
from archive_app.importers.ocr_page import OcrRequest
from tests.fixtures.make_scans import (
    STATEMENTS,
    blank_page,
    image_only_pdf,
    png_bytes,
    script_scan,
    statement_words,
    word_accuracy,
)

MIN_WORD_ACCURACY = 0.9


@pytest.mark.usefixtures("tesseract")
@pytest.mark.parametrize("script", sorted(STATEMENTS))
def test_a_turned_noisy_scan_is_read_in_each_script_of_the_region(script: str) -> None:
    page = ocr.recognise_image(script_scan(script), REGION_LANGUAGES)

    accuracy = word_accuracy(statement_words(script), page.text)
    print(f"{script}: word accuracy {accuracy:.3f}, confidence {page.confidence}")
    assert accuracy >= MIN_WORD_ACCURACY
    assert page.confidence > 60
    assert (
        guess_language(page.text, REGION_LANGUAGES)
        == {
            "latin": "en",
            "cyrillic": "ru",
            "armenian": "hy",
            "georgian": "ka",
        }[script]
    )


@pytest.mark.usefixtures("tesseract")
def test_every_word_keeps_its_place_in_the_text_and_its_box_on_the_page() -> None:
    page = ocr.recognise_image(script_scan("latin", angle=0), ["eng"])

    by_text = {page.text[word.start : word.end]: word for word in page.words}
    title, place = by_text["Statement"], by_text["Stepanakert"]
    # The lines are drawn from a tenth of the page down, 72 pixels apart on a 1754-pixel page.
    assert title.top == pytest.approx(0.1, abs=0.02)
    assert place.top == pytest.approx(0.1 + 72 / 1754, abs=0.02)
    assert place.left > title.left + 0.2  # "Residents of " comes before it
    assert 0 < place.width < 0.3 and 0 < place.height < 0.05
    assert page.text.startswith("Statement of the ministry\n")


@pytest.mark.usefixtures("tesseract")
def test_a_page_of_an_image_only_pdf_is_rendered_and_read(tmp_path: Path) -> None:
    path = tmp_path / "statement.pdf"
    path.write_bytes(image_only_pdf([script_scan("cyrillic"), script_scan("latin", angle=-0.8)]))

    page = ocr.recognise_file_page(path, OcrRequest(2, ("eng", "rus")))

    assert page.number == 2
    assert "Goris" in page.text and "Степанакерта" not in page.text
    assert (page.width, page.height) == (2480, 3508)  # A4 at 300 dpi


@pytest.mark.usefixtures("tesseract")
def test_a_picture_without_text_gives_an_empty_page_not_an_error(tmp_path: Path) -> None:
    path = tmp_path / "blank.png"
    path.write_bytes(png_bytes(blank_page()))

    page = ocr.recognise_file_page(path, OcrRequest(1, ("eng",)))

    assert (page.text, page.words, page.confidence) == ("", [], 0.0)


def test_a_picture_too_large_to_decode_is_refused_with_its_size() -> None:
    buffer = io.BytesIO()
    Image.new("1", (20_000, 20_000), 1).save(buffer, "PNG")

    with pytest.raises(ExtractionError, match=r"too large .*\(400 megapixels; at most 150"):
        ocr.load_picture(buffer.getvalue())


@pytest.mark.usefixtures("tesseract")
def test_a_huge_pdf_page_is_rendered_no_larger_than_ocr_reads(tmp_path: Path) -> None:
    path = tmp_path / "poster.pdf"
    # 200 pixels at 0.72 dpi: a page of 20,000 × 20,000 points (7 metres a side).
    path.write_bytes(image_only_pdf([Image.new("L", (200, 200), 255)], resolution=0.72))

    page = ocr.recognise_file_page(path, OcrRequest(1, ("eng",)))

    assert max(page.width, page.height) <= ocr.MAX_SIDE
    assert page.text == ""


def test_a_large_photo_is_scaled_down_before_it_is_read() -> None:
    buffer = io.BytesIO()
    Image.new("RGB", (9000, 6000), "white").save(buffer, "JPEG")

    picture = ocr.load_picture(buffer.getvalue())

    assert max(picture.size) <= ocr.MAX_SIDE
    assert picture.mode == "L"


def test_an_iphone_photo_is_read_for_ocr_upright(corpus: Path) -> None:
    data = (corpus / "photos-dev" / "heic__IMG_5195.HEIC").read_bytes()

    picture = ocr.load_picture(data)

    assert picture.mode == "L" and max(picture.size) <= ocr.MAX_SIDE


def test_a_damaged_picture_is_an_extraction_error() -> None:
    with pytest.raises(ExtractionError, match="damaged"):
        ocr.load_picture(b"\x89PNG\r\n\x1a\n" + b"\x00" * 40)


@pytest.mark.usefixtures("tesseract")
def test_a_page_over_its_time_limit_is_given_up_with_a_reason() -> None:
    with pytest.raises(ExtractionError, match=r"page 3 took longer than 0\.01 seconds"):
        ocr.recognise_image(script_scan("latin"), ["eng"], number=3, time_limit=0.01)


@pytest.mark.usefixtures("tesseract")
def test_a_missing_language_pack_is_named_with_its_package() -> None:
    with pytest.raises(OcrUnavailableError, match="sudo apt-get install tesseract-ocr-sqi"):
        ocr.require_languages(["eng", "sqi"])


@pytest.mark.usefixtures("no_tesseract")
def test_without_tesseract_the_message_says_what_to_install() -> None:
    with pytest.raises(OcrUnavailableError) as raised:
        ocr.require_languages(["eng", "hye"])

    assert "Tesseract OCR is not installed" in raised.value.message
    assert "sudo apt-get install tesseract-ocr tesseract-ocr-eng tesseract-ocr-hye" in str(
        raised.value
    )


def test_language_names_become_tesseract_codes_and_packages() -> None:
    assert parse_languages("en+hy, aze_cyrl KA") == ["eng", "hye", "aze_cyrl", "kat"]
    assert package_name("aze_cyrl") == "tesseract-ocr-aze-cyrl"
    assert install_command(["eng"]) == (
        "sudo apt-get install tesseract-ocr tesseract-ocr-eng poppler-utils"
    )


def test_languages_come_from_the_setting_then_the_archive_and_must_be_installed() -> None:
    installed = {"eng", "rus", "hye", "kat", "tur", "ara"}

    assert choose_languages("", ["tr"], installed) == ["eng", "rus", "hye", "kat", "tur"]
    assert choose_languages("hye+ara", ["en", "xx"], installed) == ["hye", "ara", "eng"]
    assert choose_languages("fra", [], installed) == ["eng"]


def test_the_language_read_follows_the_script_of_the_text() -> None:
    languages = ["eng", "rus", "ukr", "hye"]

    assert guess_language("Жители Степанакерта провели ночь", languages) == "ru"
    assert guess_language("Мешканці їхали до Києва", languages) == "uk"
    assert guess_language("Ստեփանակերտի բնակիչները", languages) == "hy"
    assert guess_language("სამინისტროს", languages) == ""
    assert guess_language("", languages) == ""
