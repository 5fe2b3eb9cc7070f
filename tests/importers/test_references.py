"""References in: RIS, BibTeX and CSL-JSON files as Zotero, JabRef and Mendeley write them,
each record a ``reference`` source, duplicates recognised by DOI, address or title and year,
filling only empty fields."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from archive_app.core.archive import Archive
from archive_app.core.check import check_archive
from archive_app.importers.document import Block, ExtractedDocument
from tests.fixtures import make_pdfs
from tests.helpers import Cli, StoreDocument, write_file

RIS = """TY  - NEWS
AU  - de Waal, Thomas
TI  - Karabakh: the day after
T2  - Carnegie Europe
PY  - 2023
DA  - 2023/09/22/
UR  - https://carnegieendowment.org/europe/strategic-europe/2023/09/karabakh
LA  - en
KW  - exodus
KW  - ceasefire
N1  - Read for chapter 3.
AB  - An analysis of the ceasefire of 20 September and what follows for Stepanakert.
L1  - files/12/report.pdf
ER  -

TY  - JOUR
AU  - Broers, Laurence
AU  - Ohanyan, Anna
TI  - Armenia's velvet revolution
T2  - Nationalities Papers
PY  - 2020
DO  - 10.1017/nps.2020.1
ER  -
""".replace("ER  -\n", "ER  - \n")  # as Zotero writes it, with a space after the dash

BIBTEX = r"""% Exported by JabRef
@online{hrw2023,
  author = {{Human Rights Watch}},
  title = {Azerbaijan: Ethnic Armenians Flee Nagorno-Karabakh \& Face Uncertainty},
  date = {2023-09-29},
  url = {https://www.hrw.org/news/2023/09/29/azerbaijan},
  urldate = {2024-01-05},
  langid = {english},
  keywords = {exodus},
}

@article{broers2020,
  author = {Broers, Laurence and Ohanyan, Anna},
  title = {Armenia's Velvet Revolution},
  journal = {Nationalities Papers},
  year = {2020},
  month = mar,
  doi = {10.1017/NPS.2020.1},
}
"""

CSL = [
    {
        "id": "http://zotero.org/users/1/items/ABC",
        "type": "article-newspaper",
        "title": "Şuşa'da bayram",
        "author": [{"family": "Məmmədov", "given": "Elçin"}, {"literal": "APA"}],
        "container-title": "Azərbaycan",
        "issued": {"date-parts": [[2020, 11, 10]]},
        "language": "az",
    }
]


def outcomes(archive: Archive, path: Path) -> list[tuple[str, int | None, str]]:
    report = archive.import_paths([path])
    assert not report.failed, report.failed
    return [(o.status, o.source_id or o.duplicate_of, o.title) for o in report.outcomes]


def test_ris_records_become_reference_sources(archive: Archive, tmp_path: Path) -> None:
    folder = tmp_path / "zotero"
    write_file(folder, "files/12/report.pdf", make_pdfs.article_pdf())
    report = archive.import_paths([write_file(folder, "library.ris", RIS)])
    assert [(o.status, o.kind) for o in report.outcomes] == [
        ("imported", "reference"),
        ("imported", "reference"),
        ("imported", "pdf"),
    ]
    first = archive.get(report.outcomes[0].source_id or 0)
    assert first.kind == "reference"
    assert (first.title, first.authors) == ("Karabakh: the day after", ["Thomas de Waal"])
    assert (first.site_name, first.published, first.language) == (
        "Carnegie Europe",
        "2023-09-22",
        "en",
    )
    assert first.source_url.startswith("https://carnegieendowment.org/")
    assert first.notes == "Read for chapter 3."
    assert first.metadata["reference"]["type"] == "article-newspaper"
    assert first.metadata["reference"]["keyword"] == "exodus, ceasefire"
    assert "ceasefire of 20 September" in first.body
    second = archive.get(report.outcomes[1].source_id or 0)
    assert second.metadata["reference"]["DOI"] == "10.1017/nps.2020.1"
    assert first.id in [hit.id for hit in archive.search('"ceasefire of 20 September"').hits]
    assert [hit.id for hit in archive.search("kind:reference Broers").hits] == [second.id]
    assert check_archive(archive).healthy
    # the same file again: every record is a duplicate, nothing is added
    again = archive.import_paths([folder / "library.ris"])
    assert [o.status for o in again.outcomes] == ["duplicate"] * 3
    assert archive.count_sources() == 3


def test_bibtex_with_duplicates_by_doi_and_address(
    archive: Archive, store_document: StoreDocument, tmp_path: Path
) -> None:
    article = store_document(
        ExtractedDocument(
            kind="article",
            title="Azerbaijan: Ethnic Armenians Flee",
            source_url="https://hrw.org/news/2023/09/29/azerbaijan/",
            blocks=[Block("paragraph", "More than 100,000 people left.")],
        )
    )
    assert outcomes(archive, write_file(tmp_path, "a.ris", RIS))[1][0] == "imported"
    journal = archive.source_ids()[-1]
    result = outcomes(archive, write_file(tmp_path, "jabref.bib", BIBTEX))
    assert [(status, source) for status, source, _ in result] == [
        ("duplicate", article),
        ("duplicate", journal),
    ]
    filled = archive.get(article)
    assert filled.title == "Azerbaijan: Ethnic Armenians Flee"  # not overwritten
    assert filled.authors == ["Human Rights Watch"]  # was empty: filled
    assert (filled.published, filled.language) == ("2023-09-29", "en")  # "english", as a code


def test_bibtex_fields_and_escapes(archive: Archive, tmp_path: Path) -> None:
    result = outcomes(archive, write_file(tmp_path, "jabref.bib", BIBTEX))
    assert [status for status, _, _ in result] == ["imported", "imported"]
    online = archive.get(result[0][1] or 0)
    assert online.title == "Azerbaijan: Ethnic Armenians Flee Nagorno-Karabakh & Face Uncertainty"
    assert online.authors == ["Human Rights Watch"]
    assert online.metadata["reference"]["type"] == "webpage"
    assert archive.get(result[1][1] or 0).published == "2020-03"


def test_csl_json_and_title_year_duplicates(
    archive: Archive, store_document: StoreDocument, tmp_path: Path
) -> None:
    path = write_file(tmp_path, "zotero.json", json.dumps(CSL, ensure_ascii=False))
    [(status, source_id, _)] = outcomes(archive, path)
    reference = archive.get(source_id or 0)
    assert status == "imported" and reference.authors == ["Elçin Məmmədov", "APA"]
    assert (reference.site_name, reference.published) == ("Azərbaycan", "2020-11-10")
    assert [hit.id for hit in archive.search("Shusha").hits] == [source_id]  # Şuşa is Shusha

    same_title = [{**CSL[0], "title": "ŞUŞA’DA BAYRAM!", "id": "other"}]
    path = write_file(tmp_path, "other.json", json.dumps(same_title, ensure_ascii=False))
    assert outcomes(archive, path)[0][:2] == ("duplicate", source_id)
    other_year = [{**CSL[0], "issued": {"date-parts": [[2021]]}}]
    path = write_file(tmp_path, "later.json", json.dumps(other_year, ensure_ascii=False))
    assert outcomes(archive, path)[0][0] == "imported"


def test_unreadable_reference_files_fail_alone(archive: Archive, tmp_path: Path) -> None:
    write_file(tmp_path, "broken.json", '[{"type": "book", "title": ')
    write_file(tmp_path, "empty.bib", "% nothing here\n")
    write_file(tmp_path, "good.ris", RIS.split("\n\n")[1])
    report = archive.import_paths([tmp_path])
    failed = {Path(o.path).name: o.error for o in report.failed}
    assert set(failed) == {"broken.json", "empty.bib"}
    assert "No references" in failed["empty.bib"]
    assert [o.title for o in report.imported] == ["Armenia's velvet revolution"]


def test_the_command_line_names_the_matching_source(
    archive_path: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    run_cli = Cli(archive_path, capsys)
    path = write_file(tmp_path, "library.ris", RIS)
    code, out, _ = run_cli("import", str(path))
    assert code == 0 and f"imported   {path} [1]  → source 1, reference:" in out
    code, out, _ = run_cli("import", str(path))
    assert f"duplicate  {path} [2]  (already in the archive as source 2)" in out
