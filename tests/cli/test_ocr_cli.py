"""``archive-app ocr``: read chosen sources again; ``show --json`` tells what OCR read."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.fixtures.make_scans import png_bytes, script_scan
from tests.helpers import Cli, write_file


@pytest.mark.usefixtures("tesseract")
def test_ocr_reads_a_photo_in_the_languages_asked_for_and_show_tells_how(
    run_cli: Cli, tmp_path: Path
) -> None:
    photo = write_file(tmp_path, "notice.png", png_bytes(script_scan("georgian")))
    [imported] = run_cli.json("import", "--json", str(photo))

    code, out, err = run_cli("ocr", "--lang", "kat", "eng", "--", str(imported["id"]))

    assert code == 0, err
    assert out.startswith(f"source {imported['id']}: 1 page read, confidence ")
    assert "Languages: kat+eng." in err
    shown = run_cli.json("show", "--json", str(imported["id"]))
    assert isinstance(shown, dict)
    assert shown["ocr"]["languages"] == ["kat", "eng"]
    assert shown["ocr"]["engine"] == "tesseract"
    assert "სარდაფებში" in shown["body"]
    hits = run_cli.json("search", "--json", "სარდაფებში")
    assert isinstance(hits, dict)
    assert [hit["id"] for hit in hits["hits"]] == [imported["id"]]


@pytest.mark.usefixtures("tesseract")
def test_ocr_remembers_the_languages_when_asked(run_cli: Cli, tmp_path: Path) -> None:
    photo = write_file(tmp_path, "notice.png", png_bytes(script_scan("latin")))
    [imported] = run_cli.json("import", "--json", str(photo))

    run_cli.json("ocr", "--json", "--lang", "eng", "--save-languages", "--", str(imported["id"]))
    [outcome] = run_cli.json("ocr", "--json", str(imported["id"]))

    assert outcome == {
        "id": imported["id"],
        "pages": [1],
        "unread": [],
        "confidence": outcome["confidence"],
        "notes": [outcome["notes"][0]],
    }
    assert "(Tesseract " in outcome["notes"][0] and ", eng)" in outcome["notes"][0]


def test_ocr_of_a_text_source_is_refused_in_plain_words(run_cli: Cli, tmp_path: Path) -> None:
    text = write_file(tmp_path, "note.txt", "A note\n\nNothing pictured here.")
    [imported] = run_cli.json("import", "--json", str(text))

    code, _, err = run_cli("ocr", str(imported["id"]))

    assert code == 1
    assert "only PDFs and pictures have text to read by OCR" in err


@pytest.mark.usefixtures("no_tesseract")
def test_ocr_without_tesseract_says_what_to_install(run_cli: Cli, tmp_path: Path) -> None:
    photo = write_file(tmp_path, "notice.png", png_bytes(script_scan("latin")))
    [imported] = run_cli.json("import", "--json", str(photo))

    code, _, err = run_cli("ocr", str(imported["id"]))

    assert code == 1
    assert "Tesseract OCR is not installed. Install it with: sudo apt-get install" in err
