"""Provenance reports in HTML and PDF: the original's facts, the grades with their reasons, the
audit trail, and the original re-hashed now; sensitive sources can be left out."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from pypdf import PdfReader

from archive_app.core.archive import Archive
from archive_app.core.errors import InvalidInputError
from archive_app.export.provenance import write_provenance

TEXTS = {
    "oped-xankendi.txt": "Xankəndi after the offensive: an op-ed on the September events.",
    "street.txt": "A street in Stepanakert after shelling.",
}


@pytest.fixture
def graded(archive: Archive, import_texts: Callable[..., list[int]]) -> list[int]:
    oped, street = import_texts(TEXTS)
    archive.audit.set_investigator("Leyla Mammadova")
    archive.verification.verify(
        oped, status="disputed", reliability="C", credibility="3", reason="one-sided byline"
    )
    archive.update_source(oped, title="Xankəndi after the offensive")
    archive.verification.mark_sensitive([street], graphic=True)
    return [oped, street]


def pdf_text(path: Path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


def test_the_pdf_report_reads_back(archive: Archive, graded: list[int], tmp_path: Path) -> None:
    oped, _ = graded
    path = tmp_path / "provenance.pdf"
    write_provenance(archive, [oped], path)
    text = pdf_text(path)
    source = archive.get(oped)
    for expected in (
        "Provenance of source",
        "oped-xankendi.txt",
        source.provenance.sha256[:32],
        "Xankəndi after the offensive",
        "disputed",
        "C — fairly reliable",
        "3 — possibly true",
        "one-sided byline",
        "Leyla Mammadova",
        "Imported oped-xankendi.txt",
        "Edit title",
        "matches",
        "unbroken",
    ):
        assert expected in text, expected
    assert archive.audit.entries(oped)[-1].description == "Provenance report written to " + (
        "provenance.pdf"
    )


def test_the_html_report_says_when_the_original_changed(
    archive: Archive, graded: list[int], tmp_path: Path
) -> None:
    oped, street = graded
    original = archive.original_path(archive.get(street))
    original.chmod(0o644)
    original.write_text("altered", encoding="utf-8")
    path = tmp_path / "provenance.html"
    report = write_provenance(archive, [oped, street], path)
    assert [record.intact for record in report.sources] == [True, False]
    text = path.read_text(encoding="utf-8")
    assert "Provenance of 2 sources" in text
    assert "DIFFERS: the file now hashes to" in text
    assert "Xankəndi after the offensive" in text


def test_sensitive_sources_can_be_left_out(
    archive: Archive, graded: list[int], tmp_path: Path
) -> None:
    path = tmp_path / "provenance.pdf"
    report = write_provenance(archive, graded, path, leave_out_sensitive=True)
    assert [record.source.id for record in report.sources] == [graded[0]]
    text = pdf_text(path)
    assert "1 sensitive source" in text
    assert "Stepanakert after shelling" not in text


def test_a_report_needs_html_or_pdf(archive: Archive, graded: list[int], tmp_path: Path) -> None:
    with pytest.raises(InvalidInputError, match=r"neither \.html nor \.pdf"):
        write_provenance(archive, graded, tmp_path / "report.docx")
