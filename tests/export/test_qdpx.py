"""The REFI-QDA project: valid against the schema, selections on the quoted characters, regions
in pixels and PDF points, the code system, notes, and GUIDs that stay the same."""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Any

import pytest
from lxml import etree
from pypdf import PdfReader

from archive_app.core.annotations import Region
from archive_app.core.archive import Archive
from archive_app.export.formats import ExportJob, export
from archive_app.export.selection import Selection
from tests.export.conftest import Filled
from tests.fixtures import make_pdfs
from tests.helpers import PROJECT_ROOT

SCHEMA = PROJECT_ROOT.parent / "shared" / "specs" / "refi-qda" / "Project-mrt2019.xsd"
NS = {"q": "urn:QDA-XML:project:1.0"}


EVERYTHING = Selection()


def exported(archive: Archive, path: Path, selection: Selection = EVERYTHING) -> Any:
    export("qdpx", ExportJob(archive, selection, path))
    with zipfile.ZipFile(path) as package:
        return etree.fromstring(package.read("project.qde")), package.namelist()


def text_of(path: Path, internal: str) -> str:
    with zipfile.ZipFile(path) as package:
        return package.read("sources/" + internal.removeprefix("internal://")).decode("utf-8")


def test_project_is_valid_and_selections_land_on_the_quote(
    archive: Archive, filled: Filled, tmp_path: Path
) -> None:
    if not SCHEMA.is_file():
        pytest.skip(f"the REFI-QDA schema is not at {SCHEMA}")
    path = tmp_path / "karabakh.qdpx"
    project, names = exported(archive, path)
    schema = etree.XMLSchema(etree.parse(str(SCHEMA)))
    assert schema.validate(project), schema.error_log

    [text_source] = project.xpath("//q:TextSource[q:PlainTextSelection]", namespaces=NS)
    body = text_of(path, text_source.get("plainTextPath"))
    [selection] = text_source.xpath("q:PlainTextSelection", namespaces=NS)
    start, end = int(selection.get("startPosition")), int(selection.get("endPosition"))
    assert body[start:end] == filled.quote

    note_guid = selection.xpath("q:NoteRef/@targetGUID", namespaces=NS)[0]
    [note] = project.xpath(f"//q:Notes/q:Note[@guid='{note_guid}']", namespaces=NS)
    assert note.findtext("q:PlainTextContent", namespaces=NS) == "Who counted them?"
    code_guid = selection.xpath("q:Coding/q:CodeRef/@targetGUID", namespaces=NS)[0]
    [code] = project.xpath(f"//q:Code[@guid='{code_guid}']", namespaces=NS)
    assert code.get("name") == "exodus"

    [picture] = project.xpath("//q:PictureSource", namespaces=NS)
    assert picture.get("path").removeprefix("internal://") in [n.split("/")[-1] for n in names]
    [region] = picture.xpath("q:PictureSelection", namespaces=NS)
    assert region.get("name") == "The damaged dome"
    corners = [region.get(name) for name in ("firstX", "firstY", "secondX", "secondY")]
    assert corners == ["80", "100", "160", "150"]  # of the 320 × 200 photo
    [pdf_region] = project.xpath("//q:PDFSource/q:PDFSelection", namespaces=NS)
    assert pdf_region.get("page") == "2"
    # the fixture's "PDF" is text, so its page is taken as A4 (595 × 842 points, from below)
    corners = [pdf_region.get(name) for name in ("firstX", "firstY", "secondX", "secondY")]
    assert corners == ["0", "842", "298", "421"]

    battle = project.xpath("//q:Code[@name='Battle of Shusha']", namespaces=NS)[0]
    assert battle.getparent().get("name") == "Second Karabakh War"
    assert battle.getparent().getparent().get("name") == "Events"
    site = project.xpath("//q:TextSource/q:VariableValue/q:TextValue/text()", namespaces=NS)
    assert "Eurasianet" in site


def test_guids_are_stable_between_exports(archive: Archive, filled: Filled, tmp_path: Path) -> None:
    first, _ = exported(archive, tmp_path / "a.qdpx")
    second, _ = exported(archive, tmp_path / "b.qdpx")
    assert first.xpath("//@guid") == second.xpath("//@guid")
    assert len(set(first.xpath("//@guid"))) == len(first.xpath("//@guid"))


def test_a_selection_exports_only_its_sources(
    archive: Archive, filled: Filled, tmp_path: Path
) -> None:
    project, _ = exported(archive, tmp_path / "op-ed.qdpx", Selection(tags=("op-ed",)))
    sources = project.xpath("//q:Sources/*", namespaces=NS)
    assert [source.get("name") for source in sources] == ["Shusha & Stepanakert: 100% of the story"]


def test_pdf_regions_are_in_the_page_s_own_points(archive: Archive, tmp_path: Path) -> None:
    pdf = tmp_path / "report.pdf"
    pdf.write_bytes(make_pdfs.article_pdf())
    [outcome] = archive.import_paths([pdf]).imported
    source_id = outcome.source_id or 0
    width, height = (float(v) for v in PdfReader(pdf).pages[0].mediabox[2:])
    archive.annotations.add_region(source_id, Region(0.5, 0.25, 0.5, 0.5, 1), note="map")
    project, _ = exported(archive, tmp_path / "pdf.qdpx")
    [selection] = project.xpath("//q:PDFSelection", namespaces=NS)
    corners = [int(selection.get(n)) for n in ("firstX", "firstY", "secondX", "secondY")]
    assert corners == [round(width / 2), round(height * 0.75), round(width), round(height / 4)]
