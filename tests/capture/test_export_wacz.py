"""``export wacz``: captured sources written as a WACZ that web-archive tools (and this program)
read back: its WARCs, pages list, CDXJ index and verified datapackage digests."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

from archive_app.core.archive import Archive
from tests.capture.servers import Site
from tests.fixtures import make_captures as captures
from tests.helpers import Cli


def test_captured_sources_round_trip_through_a_wacz(
    run_cli: Cli, news: Site, tmp_path: Path
) -> None:
    crawl = captures.write_warc(
        tmp_path / "crawl.warc.gz", pages=2, captured_at="2023-09-20T12:00:00Z"
    )
    saved = captures.write_singlefile(tmp_path / "saved.html")
    chrome = captures.write_mhtml(tmp_path / "chrome.mhtml", page_url=f"{captures.PAGE_URL}-mht")
    assert run_cli("import", str(crawl), str(saved), str(chrome))[0] == 0
    assert run_cli("capture", news.base + "/opinion/lachin-corridor")[0] == 0
    wacz = tmp_path / "out" / "colleague.wacz"
    wacz.parent.mkdir()
    code, out, err = run_cli("export", "wacz", str(wacz))
    assert code == 0, err
    assert "Wrote 5 pages" in out
    with zipfile.ZipFile(wacz) as opened:
        names = set(opened.namelist())
        assert {"datapackage.json", "datapackage-digest.json", "pages/pages.jsonl"} <= names
        assert "indexes/index.cdx" in names
        assert len([n for n in names if n.startswith("archive/")]) == 3
        index = opened.read("indexes/index.cdx").decode()
        assert "example,caucasus-review)/opinion/2023/09/lachin-corridor " in index
        pages = [json.loads(line) for line in opened.read("pages/pages.jsonl").splitlines()]
    assert len(pages) == 6  # the header line and five pages
    with Archive.open(tmp_path / "colleague", workers=1) as colleague:
        report = colleague.import_paths([wacz])
        titles = sorted(o.title for o in report.imported if o.kind == "article")
        assert len(titles) == 4
        assert titles[0] == captures.HEADLINE
        # the MHTML's page holds the very bytes of the crawl's first page: one source for both
        [duplicate] = report.duplicates
        assert duplicate.url in (captures.PAGE_URL, f"{captures.PAGE_URL}-mht")
        source = colleague.get(int(report.imported[0].source_id or 0))
        assert source.capture is not None
        assert source.capture["details"]["digests_verified"] is True


def test_export_of_sources_never_captured_says_so(run_cli: Cli, tmp_path: Path) -> None:
    note = tmp_path / "note.txt"
    note.write_text("Hakari bridge\n\nA note.", encoding="utf-8")
    assert run_cli("import", str(note))[0] == 0
    code, _, err = run_cli("export", "wacz", "--id", "1", str(tmp_path / "x.wacz"))
    assert code == 1
    assert "captured from the web" in err
    assert not (tmp_path / "x.wacz").exists()
