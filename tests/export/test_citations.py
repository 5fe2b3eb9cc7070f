"""Citations out: CSL-JSON formatted back by citeproc-py, BibTeX read by bibtexparser, RIS read
by rispy; the selection resolver; CSV read by the csv module."""

from __future__ import annotations

import csv
import json
import warnings
from pathlib import Path

import bibtexparser
import pytest
import rispy
from bibtexparser.bparser import BibTexParser
from bibtexparser.customization import convert_to_unicode

from archive_app.core.archive import Archive
from archive_app.core.errors import InvalidInputError, NotFoundError
from archive_app.export.citeproc_text import bibliography
from archive_app.export.csl import csl_name
from archive_app.export.formats import ExportJob, export
from archive_app.export.selection import Selection, resolve_selection
from tests.export.conftest import Filled

EVERYTHING = Selection()


def run(archive: Archive, name: str, path: Path, selection: Selection = EVERYTHING) -> None:
    export(name, ExportJob(archive, selection, path))


def test_csl_json_has_the_fields_and_formats_in_apa(
    archive: Archive, filled: Filled, tmp_path: Path
) -> None:
    path = tmp_path / "out.json"
    run(archive, "csl-json", path)
    items = {item["title"]: item for item in json.loads(path.read_text(encoding="utf-8"))}
    oped = items["Shusha & Stepanakert: 100% of the story"]
    assert oped["type"] == "article-newspaper"
    assert oped["author"] == [{"family": "de Waal", "given": "Thomas"}, {"literal": "Reuters"}]
    assert oped["container-title"] == "Eurasianet"
    assert oped["issued"] == {"date-parts": [[2020, 11, 9]]}
    assert oped["URL"] == "https://eurasianet.org/shusha_stepanakert"
    assert oped["language"] == "en"
    assert len(oped["accessed"]["date-parts"][0]) == 3
    assert items["Ceasefire signed"]["type"] == "webpage"
    assert items["Ceasefire signed"]["issued"] == {"date-parts": [[2020, 11]]}
    assert items["Ceasefire signed"]["author"] == [{"literal": "Associated Press"}]
    assert items["Ghazanchetsots Cathedral"]["type"] == "graphic"
    assert items["Ombudsman report"]["type"] == "report"
    assert "issued" not in items["Ombudsman report"]

    [entry] = bibliography([oped], "apa")
    assert entry.startswith("de Waal, T., & Reuters. (2020, November 9). Shusha & Stepanakert")
    assert "Eurasianet" in entry and "https://eurasianet.org/shusha_stepanakert" in entry
    assert "Eurasianet" in bibliography([oped], "modern-language-association")[0]
    assert "2020" in bibliography([oped], "chicago-author-date")[0]
    with pytest.raises(InvalidInputError, match="not a citation style"):
        bibliography([oped], "harvard-imaginary")


@pytest.mark.parametrize(
    ("byline", "name"),
    [
        ("Thomas de Waal", {"family": "de Waal", "given": "Thomas"}),
        ("Ludwig van der Berg", {"family": "van der Berg", "given": "Ludwig"}),
        ("Aliyev, Ilham", {"family": "Aliyev", "given": "Ilham"}),
        ("Ministry of Defence", {"literal": "Ministry of Defence"}),
        ("APA", {"literal": "APA"}),
    ],
)
def test_names_split_into_family_and_given_or_literal(byline: str, name: dict[str, str]) -> None:
    assert csl_name(byline) == name


def test_bibtex_reads_back_with_escapes(archive: Archive, filled: Filled, tmp_path: Path) -> None:
    path = tmp_path / "out.bib"
    run(archive, "bibtex", path)
    raw = path.read_text(encoding="utf-8")
    assert r"Shusha \& Stepanakert: 100\% of the story" in raw
    with warnings.catch_warnings():  # bibtexparser 1.4 calls pyparsing's deprecated names
        warnings.simplefilter("ignore", DeprecationWarning)
        parser = BibTexParser(common_strings=True, ignore_nonstandard_types=False)
        parser.customization = convert_to_unicode
        database = bibtexparser.loads(raw, parser)
    entries = {entry["title"]: entry for entry in database.entries}
    oped = entries["Shusha & Stepanakert: 100% of the story"]
    assert oped["ID"] == f"DeWaal2020-{filled.oped}"
    assert oped["ENTRYTYPE"] == "article"
    assert oped["entrysubtype"] == "newspaper"
    assert oped["journaltitle"] == "Eurasianet"
    assert oped["author"] == "de Waal, Thomas and Reuters"
    assert "author = {de Waal, Thomas and {Reuters}}" in raw  # an organisation stays whole
    assert oped["date"] == "2020-11-09"
    assert oped["url"] == "https://eurasianet.org/shusha_stepanakert"
    assert oped["keywords"] == "exodus, op-ed"
    assert oped["annotation"] == "Compare with the TASS wire."
    assert entries["Ghazanchetsots Cathedral"]["ENTRYTYPE"] == "artwork"
    assert entries["Ombudsman report"]["ENTRYTYPE"] == "report"
    assert entries["Ombudsman report"]["author"] == "Human Rights Defender of Armenia"


def test_ris_reads_back_with_rispy(archive: Archive, filled: Filled, tmp_path: Path) -> None:
    path = tmp_path / "out.ris"
    run(archive, "ris", path, Selection(ids=(filled.oped,)))
    [record] = rispy.loads(path.read_text(encoding="utf-8"))
    assert record["type_of_reference"] == "NEWS"
    assert record["authors"] == ["de Waal, Thomas", "Reuters"]
    assert record["title"] == "Shusha & Stepanakert: 100% of the story"
    assert record["secondary_title"] == "Eurasianet"
    assert (record["year"], record["date"]) == ("2020", "2020/11/09/")
    assert record["urls"] == ["https://eurasianet.org/shusha_stepanakert"]
    assert record["access_date"].count("/") == 3
    assert record["language"] == "en"
    assert record["keywords"] == ["exodus", "op-ed"]
    assert record["notes"] == ["Compare with the TASS wire."]


def test_csv_of_sources_and_annotations(archive: Archive, filled: Filled, tmp_path: Path) -> None:
    path = tmp_path / "sources.csv"
    run(archive, "csv", path)
    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows = {row["title"]: row for row in csv.DictReader(handle)}
    oped = rows["Shusha & Stepanakert: 100% of the story"]
    assert oped["authors"] == "Thomas de Waal; Reuters"
    assert (oped["site"], oped["published"], oped["language"]) == ("Eurasianet", "2020-11-09", "en")
    assert (oped["events"], oped["tags"]) == ("Battle of Shusha", "exodus; op-ed")
    assert len(oped["sha256"]) == 64 and oped["imported_at"]
    assert rows["Ombudsman report"]["perspectives"] == "Armenian government"
    with (tmp_path / "sources-annotations.csv").open(encoding="utf-8-sig", newline="") as handle:
        annotations = list(csv.DictReader(handle))
    assert (annotations[0]["target"], annotations[0]["quote"], annotations[0]["note"]) == (
        "text",
        filled.quote,
        "Who counted them?",
    )
    assert {a["page"] for a in annotations} == {"", "2"}


def test_selection_narrows_and_includes_sub_events(archive: Archive, filled: Filled) -> None:
    def chosen(**options: object) -> list[int]:
        return resolve_selection(archive, Selection(**options))  # type: ignore[arg-type]

    everything = [filled.oped, filled.wire, filled.photo, filled.report]
    assert chosen() == everything
    # the photo's region annotation carries the sub-event; the op-ed carries it itself
    assert chosen(events=("Second Karabakh War",)) == [filled.oped, filled.wire, filled.photo]
    assert chosen(events=("Battle of Shusha",), tags=("op-ed",)) == [filled.oped]
    assert chosen(perspectives=("Armenian government", "International wire")) == [
        filled.wire,
        filled.photo,
        filled.report,
    ]
    assert chosen(ids=(filled.wire, filled.report), perspectives=("Armenian government",)) == [
        filled.report
    ]
    assert chosen(query="ceasefire") == [filled.wire]
    archive.saved_searches.add("Shusha", "Shushi OR Shusha")
    assert chosen(saved="shusha") == [filled.oped]
    assert chosen(events=("Lachin blockade",)) == []
    with pytest.raises(NotFoundError):
        chosen(events=("Battle of Nowhere",))
    with pytest.raises(NotFoundError):
        chosen(ids=(999,))


def test_unknown_format_is_refused(archive: Archive, tmp_path: Path) -> None:
    with pytest.raises(InvalidInputError, match="not an export format"):
        run(archive, "docx", tmp_path / "out.docx")
