"""MHTML, SingleFile, WARC and WACZ files imported as a researcher has them: each gives the
article (headline, byline, date, body without boilerplate), its photos with captions and
credits, its address and its capture time; bad files fail with a reason each."""

from __future__ import annotations

import tracemalloc
import zipfile
from pathlib import Path

import pytest

from archive_app.core.archive import Archive
from archive_app.core.check import check_archive
from archive_app.core.importing import ImportReport
from archive_app.importers import extract_pages
from archive_app.importers.sniff import sniff
from tests.fixtures import make_captures as captures


def _only_article(archive: Archive, report: ImportReport, method: str) -> int:
    assert not report.failed, report.failed
    articles = [o for o in report.imported if o.kind == "article"]
    assert len(articles) == 1
    assert articles[0].url == captures.PAGE_URL
    source = archive.get(int(articles[0].source_id or 0))
    assert source.title == captures.HEADLINE
    assert source.authors == [captures.AUTHOR]
    assert source.published.startswith(captures.PUBLISHED)
    assert source.source_url == captures.PAGE_URL
    for paragraph in captures.PARAGRAPHS:
        assert paragraph in source.body
    assert captures.BOILERPLATE not in source.body
    assert "tracking" not in source.body
    figures = source.images
    assert [f.text for f in figures] == list(captures.CAPTIONS)
    assert [f.credit for f in figures] == [c.removeprefix("Photo: ") for c in captures.CREDITS]
    assert all(f.image_source_id for f in figures), "each photo becomes an image source"
    assert source.capture is not None
    assert source.capture["method"] == method
    assert source.capture["url"] == captures.PAGE_URL
    assert source.capture["captured_at"] == captures.CAPTURED_AT
    shown = source.to_dict()
    assert shown["captured_at"] == captures.CAPTURED_AT
    assert shown["provenance"]["capture"]["method"] == method
    return source.id


def test_mhtml_is_decoded_as_mime_with_its_photos(archive: Archive, tmp_path: Path) -> None:
    page = captures.write_mhtml(tmp_path / "Lachin corridor.mhtml")
    source_id = _only_article(archive, archive.import_paths([page]), "mhtml")
    source = archive.get(source_id)
    assert "= " not in source.body and "=\n" not in source.body  # no quoted-printable debris
    assert archive.original_path(source).read_bytes() == page.read_bytes()


def test_mhtml_with_a_broken_boundary_fails_with_a_reason(archive: Archive, tmp_path: Path) -> None:
    page = captures.write_mhtml(tmp_path / "broken.mhtml")
    page.write_bytes(page.read_bytes().replace(b'boundary="', b'boundary="X', 1))
    good = captures.write_singlefile(tmp_path / "good.html")
    report = archive.import_paths([page, good])
    assert [o.path for o in report.failed] == [str(page)]
    assert "boundary" in report.failed[0].error
    assert len([o for o in report.imported if o.kind == "article"]) == 1


def test_singlefile_page_gives_address_date_and_inlined_photos(
    archive: Archive, tmp_path: Path
) -> None:
    page = captures.write_singlefile(tmp_path / "Lachin corridor (12_09_2023).html")
    _only_article(archive, archive.import_paths([page]), "singlefile")


def test_singlefile_with_a_50_mb_inlined_picture_keeps_the_rest(
    archive: Archive, tmp_path: Path
) -> None:
    page = captures.write_singlefile(tmp_path / "huge.html", huge_inline_bytes=50 << 20)
    report = archive.import_paths([page])
    source_id = _only_article(archive, report, "singlefile")
    notes = archive.get(source_id).extraction_notes
    assert any("too large" in note for note in notes)


def test_warc_pages_become_articles_and_the_file_is_stored_once(
    archive: Archive, tmp_path: Path
) -> None:
    warc = captures.write_warc(tmp_path / "crawl.warc.gz", pages=2)
    report = archive.import_paths([warc])
    assert not report.failed
    articles = [o for o in report.imported if o.kind == "article"]
    assert sorted(o.url for o in articles) == [
        captures.PAGE_URL,
        f"{captures.PAGE_URL}-part-2",
    ]
    assert {o.path for o in articles} == {str(warc)}
    stored = list((archive.path / "originals").glob("*/*.warc.gz"))
    assert [p.read_bytes() for p in stored] == [warc.read_bytes()]
    for outcome in articles:
        source = archive.get(int(outcome.source_id or 0))
        assert source.capture is not None and source.capture["method"] == "warc"
        assert source.capture["status"] == 200
        assert source.capture["container"]["name"] == "crawl.warc.gz"
        assert source.capture["payload_sha256"] == source.provenance.sha256
        assert len([f for f in source.images if f.image_source_id]) == 2
    assert archive.search("Khankendi kind:article").total == 2
    assert check_archive(archive).healthy
    again = archive.import_paths([warc])
    assert [o.status for o in again.outcomes] == ["duplicate"]


def test_emptying_every_page_of_a_warc_from_the_trash_removes_the_stored_file(
    archive: Archive, tmp_path: Path
) -> None:
    warc = captures.write_warc(tmp_path / "crawl.warc", gzipped=False, pages=2)
    report = archive.import_paths([warc])
    ids = [int(o.source_id or 0) for o in report.imported]
    archive.delete_sources(ids)
    archive.trash.empty(ids[:1])
    assert list((archive.path / "originals").glob("*/*.warc"))  # the other page still needs it
    assert check_archive(archive).healthy
    archive.trash.empty()
    assert not list((archive.path / "originals").glob("*/*.warc"))


def test_truncated_warc_fails_with_a_reason(archive: Archive, tmp_path: Path) -> None:
    warc = captures.write_warc(tmp_path / "cut.warc.gz")
    captures.truncated(warc, keep_bytes=900)
    report = archive.import_paths([warc])
    assert len(report.failed) == 1
    assert "damaged" in report.failed[0].error


def test_warc_truncated_after_its_page_keeps_the_page_with_a_note(
    archive: Archive, tmp_path: Path
) -> None:
    warc = captures.write_warc(tmp_path / "cut.warc.gz")
    captures.truncated(warc, keep_bytes=int(warc.stat().st_size * 0.8))
    report = archive.import_paths([warc])
    source = archive.get(int(report.imported[0].source_id or 0))
    assert source.title == captures.HEADLINE
    assert any("damaged after" in note for note in source.extraction_notes)


def test_wacz_reads_its_pages_list_and_verifies_digests(archive: Archive, tmp_path: Path) -> None:
    wacz = captures.write_wacz(tmp_path / "collection.wacz", signed=True)
    source_id = _only_article(archive, archive.import_paths([wacz]), "wacz")
    source = archive.get(source_id)
    assert source.capture is not None
    assert source.capture["details"]["digests_verified"] is True
    assert source.capture["details"]["signed_by"] == "archiveweb.page"
    assert any("signed" in note for note in source.extraction_notes)


def test_wacz_digest_mismatch_is_reported_on_the_source(archive: Archive, tmp_path: Path) -> None:
    wacz = captures.write_wacz(tmp_path / "changed.wacz", corrupt_digest=True)
    report = archive.import_paths([wacz])
    source = archive.get(int(report.imported[0].source_id or 0))
    assert source.capture is not None
    assert source.capture["details"]["digests_verified"] is False
    assert any("does not match its SHA-256" in note for note in source.extraction_notes)


@pytest.mark.parametrize("entry", ["/etc/archive/data.warc.gz", "archive/../../evil.warc.gz"])
def test_wacz_with_unsafe_entry_paths_is_refused(
    archive: Archive, tmp_path: Path, entry: str
) -> None:
    wacz = captures.write_wacz(tmp_path / "hostile.wacz", entry_names=(entry,))
    report = archive.import_paths([wacz])
    assert len(report.failed) == 1
    assert "unsafe paths" in report.failed[0].error
    assert not (tmp_path.parent / "evil.warc.gz").exists()
    with zipfile.ZipFile(wacz) as opened:
        assert entry in opened.namelist()


def test_a_large_warc_is_streamed_not_read_whole(tmp_path: Path) -> None:
    """Memory stays small whatever the file's size (a 2 GB WARC behaves as this 60 MB one)."""
    warc = captures.write_warc(tmp_path / "large.warc.gz", pages=1)
    captures.append_filler(warc, 60 << 20)
    extract_pages(captures.write_warc(tmp_path / "small.warc.gz"), "warc", tmp_path / "warm-up")
    tracemalloc.start()
    documents = extract_pages(warc, "warc", tmp_path / "spill")
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert [d.title for d in documents] == [captures.HEADLINE]
    assert peak < 8 << 20, f"peak memory {peak >> 20} MB"


def test_web_archives_are_recognised_by_their_content(tmp_path: Path) -> None:
    files = {
        "mhtml": captures.write_mhtml(tmp_path / "a.bin"),
        "singlefile": captures.write_singlefile(tmp_path / "b.html"),
        "warc": captures.write_warc(tmp_path / "c.data"),
        "wacz": captures.write_wacz(tmp_path / "d.wacz"),
    }
    for expected, path in files.items():
        assert sniff(path.read_bytes()[:8192], path.suffix) == expected


def test_a_warc_of_many_pages_has_a_time_limit_per_page_not_per_file(
    archive_path: Path, tmp_path: Path
) -> None:
    """Reading 150 pages takes longer than the limit; each page is well within it."""
    warc = captures.write_warc(tmp_path / "crawl.warc.gz", pages=150)
    with Archive.open(archive_path, workers=1, extraction_timeout=1.5) as archive:
        report = archive.import_paths([warc])
    assert not report.failed, report.failed[0].error
    assert len([o for o in report.imported if o.kind == "article"]) == 150


def test_a_warc_whose_pages_are_all_known_is_not_stored(archive: Archive, tmp_path: Path) -> None:
    first = captures.write_warc(tmp_path / "first.warc.gz")
    later = captures.write_warc(tmp_path / "later.warc.gz", captured_at="2023-10-01T00:00:00Z")
    archive.import_paths([first])
    report = archive.import_paths([later])
    assert [o.status for o in report.outcomes] == ["duplicate"]
    assert len(list((archive.path / "originals").glob("*/*.warc.gz"))) == 1
    assert check_archive(archive).healthy
