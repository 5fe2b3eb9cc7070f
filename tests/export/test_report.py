"""The event report: one section per perspective with citations, quotes, notes and pictures,
a coverage summary; the PDF's text (read back with pypdf) holds the quotes in every script."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

import pytest
from pypdf import PdfReader

from archive_app.core.archive import Archive
from archive_app.core.errors import ArchiveError, InvalidInputError
from archive_app.export.formats import ExportJob, export
from archive_app.export.report_pdf import find_fonts
from archive_app.export.selection import Selection
from archive_app.importers.document import Block, ExtractedDocument, ExtractedImage
from tests.export.conftest import Filled
from tests.helpers import StoreDocument

ARMENIAN = "Շուշիի բնակիչները լքեցին քաղաքը"
RUSSIAN = "Жители Шуши покинули город"


@pytest.fixture
def scripts(archive: Archive, filled: Filled, store_document: StoreDocument) -> int:
    source = store_document(
        ExtractedDocument(
            kind="article",
            title="Շուշի / Шуша",
            authors=["Անի Մկրտչյան"],
            site_name="Azatutyun",
            published="2020-11-10",
            language="hy",
            blocks=[Block("paragraph", f"{ARMENIAN}. {RUSSIAN}. Xankəndi, Ağdam.")],
        )
    )
    archive.assignments.add_to_sources([source], events=["Battle of Shusha"])
    archive.assignments.add_to_sources([source], perspectives=["Armenian government"])
    archive.annotations.add_quote(source, ARMENIAN, note=RUSSIAN)
    archive.annotations.add_quote(source, "Xankəndi, Ağdam", note="Azerbaijani names")
    return source


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.chunks: list[str] = []
        self.headings: list[str] = []
        self._in_heading = False

    def handle_starttag(self, tag: str, attrs: object) -> None:
        self._in_heading = tag == "h2"

    def handle_data(self, data: str) -> None:
        self.chunks.append(data)
        if self._in_heading:
            self.headings.append(data)
            self._in_heading = False


def test_html_report_of_an_event(
    archive: Archive, filled: Filled, scripts: int, tmp_path: Path
) -> None:
    path = tmp_path / "shusha.html"
    export("report", ExportJob(archive, Selection(events=("Second Karabakh War",)), path))
    html = path.read_text(encoding="utf-8")
    parser = _Text()
    parser.feed(html)
    text = "".join(parser.chunks)
    assert parser.headings == [
        "Coverage",
        "Armenian government",
        "International wire",
        "No perspective",
    ]
    assert "Second Karabakh War" in text and "2020-09-27 – 2020-11-10" in text
    assert f"“{filled.quote}”" in text and "Who counted them?" in text
    assert f"“{ARMENIAN}”" in text and RUSSIAN in text
    assert "de Waal, T., & Reuters. (2020, November 9)." in text
    assert "The cathedral after the shelling" in text and "K. Mirzoyan" in text
    assert "Ombudsman report" not in text  # not about the event
    assert "http://" not in html.replace("http://www.w3.org", "") and "https://" not in (
        html.replace("https://eurasianet.org", "").replace("https://example.org", "")
    )


def test_a_report_leaving_out_sensitive_images_shows_no_picture_of_them(
    archive: Archive, filled: Filled, store_document: StoreDocument, tmp_path: Path
) -> None:
    """An article whose figure is a photo marked graphic keeps its caption, not the picture;
    the photo's own entry is left out; without the option both pictures are there."""
    article = store_document(
        ExtractedDocument(
            kind="article",
            title="After the shelling",
            blocks=[Block("paragraph", "The cathedral was hit twice.")],
            images=[ExtractedImage(src="dome.jpg", caption="The dome, hit twice", after_block=0)],
        ),
        figure_images={0: filled.photo},
    )
    archive.verification.mark_sensitive([filled.photo], graphic=True)
    chosen = (article, filled.photo)
    pictures = {}
    for leave_out in (False, True):
        path = tmp_path / f"report-{leave_out}.html"
        selection = Selection(ids=chosen, leave_out_sensitive=leave_out)
        result = export("report", ExportJob(archive, selection, path))
        html = path.read_text(encoding="utf-8")
        pictures[leave_out] = (result.count, html.count("<img "), "The dome, hit twice" in html)
    assert pictures == {False: (2, 2, True), True: (1, 0, True)}


def test_pdf_report_holds_the_quotes_in_every_script(
    archive: Archive, filled: Filled, scripts: int, tmp_path: Path
) -> None:
    try:
        find_fonts()
    except ArchiveError:
        pytest.skip("the DejaVu fonts are not installed")
    path = tmp_path / "shusha.pdf"
    result = export("report", ExportJob(archive, Selection(events=("Battle of Shusha",)), path))
    assert result.count == 3
    text = " ".join(page.extract_text() for page in PdfReader(path).pages)
    flat = " ".join(text.split())
    for expected in (filled.quote, ARMENIAN, RUSSIAN, "Xankəndi, Ağdam", "Who counted them?"):
        assert expected in flat
    assert "Armenian government" in flat and "No perspective" in flat


def test_a_report_needs_html_or_pdf(archive: Archive, filled: Filled, tmp_path: Path) -> None:
    with pytest.raises(InvalidInputError, match="HTML or PDF"):
        export("report", ExportJob(archive, Selection(), tmp_path / "report.docx"))


def test_a_report_of_a_perspective_names_it(
    archive: Archive, filled: Filled, tmp_path: Path
) -> None:
    armenian = archive.perspectives.get("Armenian government").id
    path = tmp_path / "armenian.html"
    export("report", ExportJob(archive, Selection(perspectives=(armenian,)), path))
    parser = _Text()
    parser.feed(path.read_text(encoding="utf-8"))
    assert "Sources: perspective Armenian government" in "".join(parser.chunks)
    assert parser.headings == ["Coverage", "Armenian government"]
    empty = Selection(perspectives=(armenian,), tags=("exodus",))
    export("report", ExportJob(archive, empty, path))
    assert "No sources match this selection." in path.read_text(encoding="utf-8")
