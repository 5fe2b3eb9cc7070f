"""``archive-app capture`` and what ``show --json`` says about a captured page."""

from __future__ import annotations

from pathlib import Path

from tests.capture.servers import Site
from tests.fixtures import make_captures as captures
from tests.helpers import Cli


def test_capture_json_gives_a_row_per_source_with_path_and_url(run_cli: Cli, news: Site) -> None:
    url = news.base + "/opinion/lachin-corridor"
    rows = run_cli.json("capture", "--json", url)
    assert isinstance(rows, list)
    [row] = rows
    assert row["status"] == "imported" and row["url"] == url
    assert row["path"].endswith(".warc.gz")
    assert len(row["images"]) == 2
    shown = run_cli.json("show", "--json", str(row["id"]))
    assert isinstance(shown, dict)
    assert shown["title"] == captures.HEADLINE
    assert shown["captured_at"] == shown["provenance"]["capture"]["captured_at"]
    capture = shown["provenance"]["capture"]
    assert capture["method"] == "http" and capture["status"] == 200
    assert set(capture) == {
        "method",
        "url",
        "final_url",
        "status",
        "captured_at",
        "payload_sha256",
        "tls",
    }


def test_capture_failures_exit_1_with_the_reason(run_cli: Cli) -> None:
    code, out, err = run_cli("capture", "ftp://example.org/page.html")
    assert code == 1
    assert "failed" in out and "'ftp:'" in out
    assert "1 failed" in err


def test_import_json_gives_a_row_per_page_of_a_warc(run_cli: Cli, tmp_path: Path) -> None:
    warc = captures.write_warc(tmp_path / "crawl.warc.gz", pages=2)
    rows = run_cli.json("import", "--json", str(warc))
    assert isinstance(rows, list)
    assert [row["path"] for row in rows] == [str(warc), str(warc)]
    assert sorted(row["url"] for row in rows) == [
        captures.PAGE_URL,
        f"{captures.PAGE_URL}-part-2",
    ]
    assert all(row["status"] == "imported" and row["kind"] == "article" for row in rows)
