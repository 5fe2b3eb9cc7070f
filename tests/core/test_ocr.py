"""OCR in the archive: scans read at import, photos read on request, searched with their page
numbers and word boxes; progress, cancel, per-page limits, and an archive without Tesseract."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from archive_app.core.archive import Archive
from archive_app.core.errors import InvalidInputError, OcrUnavailableError
from archive_app.core.progress import Progress
from tests.fixtures.make_scans import (
    blank_page,
    image_only_pdf,
    png_bytes,
    script_scan,
    statement_words,
    word_accuracy,
)
from tests.helpers import write_file


def _import_one(archive: Archive, path: Path) -> int:
    report = archive.import_paths([path])
    [source_id] = report.new_source_ids
    return source_id


def _import_photo(archive: Archive, folder: Path, script: str) -> int:
    """A photographed notice in ``script``, imported (and not read: it is a picture)."""
    return _import_one(archive, write_file(folder, "notice.png", png_bytes(script_scan(script))))


@pytest.fixture
def statement(tmp_path: Path) -> Path:
    """A scanned two-page statement: Russian, then English; no text layer."""
    pages = [script_scan("cyrillic"), script_scan("latin", angle=-0.8)]
    return write_file(tmp_path, "statement.pdf", image_only_pdf(pages))


@pytest.mark.usefixtures("tesseract")
def test_a_scanned_pdf_is_read_at_import_and_found_on_its_page(
    archive: Archive, statement: Path
) -> None:
    source_id = _import_one(archive, statement)

    results = archive.search("Goris")
    assert [(hit.id, hit.page) for hit in results.hits] == [(source_id, 2)]
    [hit] = archive.search("Степанакерта").hits
    assert hit.page == 1
    source = archive.get(source_id)
    assert word_accuracy(statement_words("cyrillic"), source.pages[0].text) >= 0.9
    assert word_accuracy(statement_words("latin"), source.pages[1].text) >= 0.9
    [note] = source.extraction_notes
    assert note.startswith("OCR: the text of 2 pages was read from the picture (Tesseract")
    shown = source.to_dict()
    assert shown["ocr"]["engine"] == "tesseract"
    assert shown["ocr"]["version"] == archive.ocr.engine_version()
    assert shown["ocr"]["languages"][:2] == ["eng", "rus"]
    assert shown["ocr"]["confidence"] > 60
    assert [page["number"] for page in shown["pages"]] == [1, 2]


@pytest.mark.usefixtures("tesseract")
def test_a_scanners_file_name_gives_way_to_the_first_line_read_but_a_persons_stays(
    archive: Archive, statement: Path, tmp_path: Path
) -> None:
    named_by_scanner = statement.rename(tmp_path / "scan_0001.pdf")
    photo = write_file(tmp_path, "Checkpoint notice.png", png_bytes(script_scan("armenian")))
    scan_id, photo_id = archive.import_paths([named_by_scanner, photo]).new_source_ids

    archive.ocr.recognise([photo_id])

    assert archive.get(scan_id).title == "Заявление министерства"
    assert archive.get(photo_id).title == "Checkpoint notice"


@pytest.mark.usefixtures("tesseract")
def test_the_words_of_a_hit_have_their_box_on_the_page(archive: Archive, statement: Path) -> None:
    source_id = _import_one(archive, statement)
    page = archive.get(source_id).pages[1]

    words = archive.ocr.words(source_id, 2)
    [goris] = [word for word in words if page.text[word.start : word.end] == "Goris."]
    assert 0.1 < goris.top < 0.5 and 0 < goris.left < 1
    assert archive.ocr.words(source_id, 3) == []


@pytest.mark.usefixtures("tesseract")
def test_a_photographed_notice_is_read_on_request_in_its_language(
    archive: Archive, tmp_path: Path
) -> None:
    source_id = _import_photo(archive, tmp_path, "armenian")
    assert archive.search("Ստեփանակերտի").total == 0  # a picture is not read unasked

    report = archive.ocr.recognise([source_id])

    [outcome] = report.outcomes
    assert (outcome.pages_read, outcome.unread) == ([1], [])
    [hit] = archive.search("Ստեփանակերտի").hits
    assert (hit.id, hit.page) == (source_id, None)  # a photo has no pages
    source = archive.get(source_id)
    assert source.language == "hy"
    assert source.kind == "image"


@pytest.mark.usefixtures("tesseract")
def test_languages_are_the_setting_then_the_archives_own(archive: Archive) -> None:
    assert archive.ocr.languages() == ["eng", "rus", "hye", "aze", "kat"]

    archive.ocr.set_languages(["hy", "tur"])

    assert archive.ocr.languages() == ["hye", "tur"]


@pytest.mark.usefixtures("tesseract")
def test_a_long_scan_reports_each_page_and_keeps_what_was_read_when_cancelled(
    archive: Archive, tmp_path: Path
) -> None:
    pages = [script_scan("latin", seed=seed) for seed in range(6)]
    scan = write_file(tmp_path, "long.pdf", image_only_pdf(pages))
    archive.ocr.set_languages(["eng"])
    cancel = threading.Event()
    seen: list[Progress] = []

    def on_progress(progress: Progress) -> None:
        seen.append(progress)
        if progress.message.startswith("Reading text: page 2 "):
            cancel.set()

    report = archive.import_paths([scan], progress=on_progress, cancel=cancel)

    [source_id] = report.new_source_ids
    read = [page.number for page in archive.get(source_id).pages if page.text]
    assert 2 <= len(read) < 6
    assert [p.done for p in seen if p.message.startswith("Reading text: page")][:2] == [1, 2]
    assert all(p.total == 6 for p in seen if p.message.startswith("Reading text"))
    notes = archive.get(source_id).extraction_notes
    assert any("reading was stopped before" in note for note in notes)
    assert [hit.id for hit in archive.search("Goris").hits] == [source_id]


@pytest.mark.usefixtures("tesseract")
def test_a_page_over_its_time_limit_is_skipped_with_a_note(
    archive: Archive, tmp_path: Path
) -> None:
    source_id = _import_photo(archive, tmp_path, "latin")

    report = archive.ocr.recognise([source_id], ["eng"], page_time_limit=0.01)

    [outcome] = report.outcomes
    assert (outcome.pages_read, outcome.unread) == ([], [1])
    [note] = archive.get(source_id).extraction_notes
    assert note.startswith("OCR: page 1 could not be read: Reading the text of page 1 took longer")


@pytest.mark.usefixtures("tesseract")
def test_a_blank_scan_is_read_as_empty_without_an_error(archive: Archive, tmp_path: Path) -> None:
    scan = write_file(tmp_path, "blank.pdf", image_only_pdf([blank_page()]))

    source_id = _import_one(archive, scan)

    source = archive.get(source_id)
    assert source.body == ""
    assert source.extraction_notes[0].startswith("OCR: no text was found on page 1")


@pytest.mark.usefixtures("tesseract")
def test_a_missing_language_pack_stops_before_anything_is_read(
    archive: Archive, tmp_path: Path
) -> None:
    source_id = _import_photo(archive, tmp_path, "latin")

    with pytest.raises(OcrUnavailableError, match="tesseract-ocr-sqi"):
        archive.ocr.recognise([source_id], ["sqi"])
    assert "metadata" not in archive.get(source_id).to_dict()["metadata"].get("ocr", {})


def test_only_pdfs_and_pictures_are_read(archive: Archive, tmp_path: Path) -> None:
    text = write_file(tmp_path, "note.txt", "A note\n\nNothing pictured here.")
    source_id = _import_one(archive, text)

    with pytest.raises(InvalidInputError, match="only PDFs and pictures"):
        archive.ocr.pages_to_read(source_id)


@pytest.mark.usefixtures("no_tesseract")
def test_without_tesseract_a_scan_is_kept_with_a_note_and_ocr_says_what_to_install(
    archive: Archive, statement: Path
) -> None:
    source_id = _import_one(archive, statement)

    source = archive.get(source_id)
    assert [page.text for page in source.pages] == ["", ""]
    assert "sudo apt-get install tesseract-ocr" in source.extraction_notes[0]
    assert "ocr" not in source.to_dict()
    with pytest.raises(OcrUnavailableError, match="Tesseract OCR is not installed"):
        archive.ocr.recognise([source_id])


@pytest.mark.usefixtures("tesseract")
def test_only_the_pages_without_a_text_layer_are_read(archive: Archive, tmp_path: Path) -> None:
    from tests.fixtures.make_pdfs import article_pdf  # pages 1 and 3 have text, page 2 none

    source_id = _import_one(archive, write_file(tmp_path, "article.pdf", article_pdf()))
    before = archive.get(source_id).pages

    [outcome] = archive.ocr.recognise([source_id], ["eng"]).outcomes

    assert outcome.pages_read == [2]
    after = archive.get(source_id)
    assert [page.text for page in after.pages] == [page.text for page in before]
    assert after.extraction_notes[-1].startswith("OCR: no text was found on page 2")
