"""Live capture against servers on 127.0.0.1: the page and its article's photos are fetched
(and nothing else), written as a WARC that is the original, and imported; every bad case fails
with its reason."""

from __future__ import annotations

import base64
import hashlib
import threading
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import hashes
from warcio.archiveiterator import ArchiveIterator

from archive_app.capture.policy import CapturePolicy
from archive_app.capture.session import capture_pages, capture_to_warc
from archive_app.core.archive import Archive
from archive_app.core.check import check_archive
from tests.capture.conftest import news_routes
from tests.capture.servers import Authority, Site, serve, trickle
from tests.fixtures import make_captures as captures
from tests.fixtures.make_pdfs import article_pdf

ARTICLE = "/opinion/lachin-corridor"


def test_capture_keeps_the_page_and_its_photos_and_nothing_else(
    archive: Archive, news: Site, agency: Site
) -> None:
    url = news.base + ARTICLE
    report = capture_pages(archive, [url], policy=CapturePolicy())
    assert not report.failed, report.failed
    [page] = report.imported
    assert page.url == url and page.kind == "article"
    assert page.path.endswith(".warc.gz") and Path(page.path).is_file()
    source = archive.get(int(page.source_id or 0))
    assert source.title == captures.HEADLINE
    assert source.authors == [captures.AUTHOR]
    assert captures.BOILERPLATE not in source.body
    assert [f.text for f in source.images] == list(captures.CAPTIONS)
    photos = [archive.get(int(f.image_source_id or 0)) for f in source.images]
    assert [p.source_url for p in photos] == [
        f"{agency.base}/2023/ambulance.jpg",
        f"{agency.base}/2023/market.jpg",
    ]
    assert news.counts == {ARTICLE: 1}, "no script, style sheet or tracking pixel is fetched"
    assert agency.counts == {"/2023/ambulance.jpg": 1, "/2023/market.jpg": 1}
    for headers in news.headers + agency.headers:
        assert headers["user-agent"].startswith("archive-app/")
        assert "cookie" not in headers and "authorization" not in headers
    capture = source.capture
    assert capture is not None
    assert capture["method"] == "http" and capture["status"] == 200
    assert capture["url"] == capture["final_url"] == url
    assert capture["payload_sha256"] == source.provenance.sha256
    assert capture["tls"] is None
    assert ("Set-Cookie", "session=abc; Path=/") in capture["http_headers"]
    assert capture["captured_at"].endswith("Z")
    assert archive.search("Khankendi kind:article").total == 1
    assert check_archive(archive).healthy


def test_a_capture_is_in_the_audit_trail_with_what_was_fetched(
    archive: Archive, news: Site, agency: Site
) -> None:
    url = news.base + "/old-address"
    [page] = capture_pages(archive, [url]).imported
    source = archive.get(int(page.source_id or 0))
    [entry] = [e for e in archive.audit.entries(source.id) if e.action == "capture"]
    assert url in entry.description
    facts, *answers = entry.changes
    assert facts == {
        "url": url,
        "final url": news.base + ARTICLE,
        "warc sha256": hashlib.sha256(Path(page.path).read_bytes()).hexdigest(),
    }
    assert [(a["fetched"], a["status"]) for a in answers] == [
        (url, 301),
        (news.base + ARTICLE, 200),
        (f"{agency.base}/2023/ambulance.jpg", 200),
        (f"{agency.base}/2023/market.jpg", 200),
    ]
    served = agency.routes["/2023/ambulance.jpg"][2]
    assert isinstance(served, bytes)
    assert answers[2]["sha256"] == hashlib.sha256(served).hexdigest()
    assert set(entry.source_ids) == {source.id, *(f.image_source_id for f in source.images)}


@pytest.mark.parametrize(
    "head",
    [
        '<meta property="og:image" content="{lead}">',
        '<script type="application/ld+json">{{"@type": "NewsArticle", "headline": "x", '
        '"image": {{"@type": "ImageObject", "url": "{lead}"}}}}</script>',
        '<meta property="og:image" content="{figure}">',
    ],
)
def test_capture_also_fetches_the_lead_image_no_figure_shows(
    archive: Archive, agency: Site, head: str
) -> None:
    """The lead image (og:image or the article's JSON-LD image) is fetched once, beside the
    figures; one that is also a figure is not fetched twice; the pixel and scripts never."""
    first, _ = captures.photos()
    lead_path, figure = "/2023/lead.jpg", f"{agency.base}/2023/ambulance.jpg"
    agency.routes[lead_path] = (200, [("Content-Type", "image/jpeg")], first)
    routes = news_routes(agency)
    page = captures.article_html(
        [figure, f"{agency.base}/2023/market.jpg"],
        extra_head=head.format(lead=agency.base + lead_path, figure=figure),
    )
    routes[ARTICLE] = (200, [("Content-Type", "text/html; charset=utf-8")], page.encode())
    for news in serve(Site(routes=routes)):  # type: ignore[arg-type]
        report = capture_pages(archive, [news.base + ARTICLE], policy=CapturePolicy())
        assert not report.failed, report.failed
        assert news.counts == {ARTICLE: 1}
    expected = {"/2023/ambulance.jpg": 1, "/2023/market.jpg": 1}
    if "{lead}" in head:
        expected[lead_path] = 1
    assert agency.counts == expected


def test_capture_over_https_records_the_certificate(
    archive: Archive, secure_news: Site, authority: Authority
) -> None:
    url = secure_news.base + ARTICLE
    report = capture_pages(archive, [url], policy=CapturePolicy(verify=authority.trusted_context()))
    assert not report.failed, report.failed
    source = archive.get(int(report.imported[0].source_id or 0))
    assert source.capture is not None
    tls = source.capture["tls"]
    certificate = authority.server_certificate
    assert tls["sha256_fingerprint"] == certificate.fingerprint(hashes.SHA256()).hex()
    assert "Caucasus Review" in tls["subject"]
    assert tls["issuer"] == "CN=Archive Test CA"
    assert tls["not_after"].startswith(certificate.not_valid_after_utc.date().isoformat())
    assert source.to_dict()["provenance"]["capture"]["tls"] == tls


def test_a_certificate_that_does_not_verify_is_refused(archive: Archive, secure_news: Site) -> None:
    report = capture_pages(archive, [secure_news.base + ARTICLE], policy=CapturePolicy())
    [failed] = report.failed
    assert "does not verify" in failed.error
    assert archive.count_sources() == 0


def test_the_warc_holds_every_exchange_with_checked_digests(
    news: Site, agency: Site, tmp_path: Path
) -> None:
    warc = capture_to_warc(news.base + "/old-address", tmp_path, CapturePolicy())
    kinds: list[tuple[str, str]] = []
    with warc.open("rb") as stream:
        for record in ArchiveIterator(stream, check_digests="raise"):
            kinds.append((record.rec_type, record.rec_headers.get_header("WARC-Target-URI")))
            assert record.rec_headers.protocol == "WARC/1.1"
            if record.rec_type == "response":
                payload = record.content_stream().read()
                digest = record.rec_headers.get_header("WARC-Payload-Digest")
                algorithm, _, value = digest.partition(":")
                assert algorithm == "sha1"
                assert base64.b32encode(hashlib.sha1(payload).digest()).decode() == value
    old, article = news.base + "/old-address", news.base + ARTICLE
    assert kinds[0] == ("warcinfo", None)
    assert kinds[1:5] == [
        ("response", old),
        ("request", old),
        ("response", article),
        ("request", article),
    ]
    assert [k for k, _ in kinds].count("response") == 4  # two hops and two photos
    assert kinds[-1] == ("metadata", article)


def test_redirects_are_followed_and_recorded(archive: Archive, news: Site) -> None:
    url = news.base + "/old-address"
    report = capture_pages(archive, [url])
    source = archive.get(int(report.imported[0].source_id or 0))
    assert source.capture is not None
    assert source.capture["url"] == url
    assert source.capture["final_url"] == news.base + ARTICLE


def test_a_pdf_address_gives_a_pdf_source(archive: Archive) -> None:
    site = Site(routes={"/report.pdf": (200, [("Content-Type", "application/pdf")], article_pdf())})
    for running in serve(site):
        report = capture_pages(archive, [running.base + "/report.pdf"])
        assert [o.kind for o in report.imported] == ["pdf"]


@pytest.mark.parametrize(
    ("routes", "path", "reason"),
    [
        ({}, "/missing", "answered 404"),
        ({"/broken": (500, [], b"oops")}, "/broken", "answered 500"),
        ({"/loop": (302, [("Location", "/loop")], b"")}, "/loop", "redirects more than 10"),
        ({"/ftp": (302, [("Location", "ftp://127.0.0.1/x")], b"")}, "/ftp", "'ftp:'"),
    ],
)
def test_server_failures_have_a_reason_each(
    archive: Archive, routes: dict[str, object], path: str, reason: str
) -> None:
    for site in serve(Site(routes=routes)):  # type: ignore[arg-type]
        report = capture_pages(archive, [site.base + path])
    [failed] = report.failed
    assert reason in failed.error
    assert failed.url == site.base + path
    assert archive.count_sources() == 0


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("file:///etc/passwd", "'file:'"),
        ("ftp://example.org/a.html", "'ftp:'"),
        ("javascript:alert(1)", "'javascript:'"),
        ("https://reporter:secret@127.0.0.1/page", "password"),
        ("http://no-such-host.invalid/page", "could not be found"),
    ],
)
def test_refused_addresses_are_never_fetched(archive: Archive, url: str, reason: str) -> None:
    report = capture_pages(archive, [url])
    [failed] = report.failed
    assert reason in failed.error


def test_a_server_that_trickles_forever_is_cut_off(archive: Archive) -> None:
    endless = trickle(b"<p>" + b"x" * 65536, pause=0, chunks=160_000)  # 10 GB
    slow = trickle(b"<p>x</p>", pause=0.2, chunks=50)
    for site in serve(Site(routes={"/endless": endless, "/slow": slow})):
        policy = CapturePolicy(max_resource_bytes=1 << 20, total_timeout=1.5)
        report = capture_pages(
            archive, [site.base + "/endless", site.base + "/slow"], policy=policy
        )
    assert "larger than 1 MB" in report.failed[0].error
    assert "took longer than 1.5 seconds" in report.failed[1].error


def test_cancelled_capture_stops_before_the_next_page(archive: Archive, news: Site) -> None:
    cancel = threading.Event()
    cancel.set()
    report = capture_pages(archive, [news.base + ARTICLE], cancel=cancel)
    assert report.cancelled and report.not_attempted == 1
    assert news.counts == {}
