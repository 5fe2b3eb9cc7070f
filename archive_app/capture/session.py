"""A live capture: fetch a page and the pictures its article shows, write the whole exchange
as a WARC, and import that WARC through the archive's normal import, where it is the original.

Only the page and its figures are fetched (chosen by the same reading of the page the importer
does), never scripts, style sheets, frames, beacons or tracking pixels.
"""

from __future__ import annotations

import contextlib
import dataclasses
import tempfile
from collections.abc import Iterable
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlsplit

from archive_app.capture.fetch import Exchange, Fetcher
from archive_app.capture.lead_image import lead_image
from archive_app.capture.policy import CapturePolicy
from archive_app.capture.warc import write_warc
from archive_app.core.archive import Archive
from archive_app.core.errors import CancelledError, CaptureError, ImportFailure
from archive_app.core.importing import FileOutcome, ImportReport
from archive_app.core.messages import QT_TRANSLATE_NOOP, Message
from archive_app.core.progress import CancelToken, ProgressCallback, is_cancelled, report_progress
from archive_app.core.research import counted
from archive_app.core.store import FileDigest, digest_file
from archive_app.importers import html
from archive_app.importers.web_page import media_type

_PAGE_TYPES = ("text/html", "application/xhtml+xml", "")


def capture_pages(
    archive: Archive,
    urls: Iterable[str],
    *,
    policy: CapturePolicy | None = None,
    progress: ProgressCallback | None = None,
    cancel: CancelToken | None = None,
) -> ImportReport:
    """Capture each address into the archive. Failures are reported per address, never raised;
    each outcome's ``path`` is the stored WARC (or the address, when nothing was stored)."""
    policy = policy or CapturePolicy()
    wanted = [url.strip() for url in urls if url.strip()]
    report = ImportReport()
    for done, url in enumerate(wanted):
        if is_cancelled(cancel):
            report.cancelled = True
            report.not_attempted = len(wanted) - done
            break
        report_progress(
            progress,
            done,
            len(wanted),
            Message(QT_TRANSLATE_NOOP("core", "Capturing {url}"), url=url),
        )
        for outcome in _capture_one(archive, url, policy, cancel):
            report.outcomes.append(outcome)
            report_progress(progress, done + 1, len(wanted), url, outcome)
    report.cancelled = is_cancelled(cancel)
    return report


def _capture_one(
    archive: Archive, url: str, policy: CapturePolicy, cancel: CancelToken | None
) -> list[FileOutcome]:
    with tempfile.TemporaryDirectory(prefix="archive-app-capture-") as folder:
        try:
            fetched = _fetch_into_warc(url, Path(folder), policy, cancel)
        except (CaptureError, CancelledError) as error:
            return [FileOutcome(url, "failed", error=error.message, url=url)]
        digest = digest_file(fetched.warc)
        stored = archive.store.path_for(digest.sha256, ".warc.gz")
        report = archive.import_paths([fetched.warc], cancel=cancel)
        if report.imported:
            _record_capture(archive, url, fetched, digest, report.new_source_ids)
    return [
        dataclasses.replace(
            outcome, path=str(stored) if outcome.status != "failed" else url, url=url
        )
        for outcome in report.outcomes
    ]


@dataclasses.dataclass(frozen=True)
class _Fetched:
    warc: Path
    page: Exchange
    exchanges: list[Exchange]


def _record_capture(
    archive: Archive, url: str, fetched: _Fetched, warc: FileDigest, source_ids: list[int]
) -> None:
    """The capture in the audit trail: every answer fetched, with its status and checksum, and
    the WARC that keeps them (the original of the sources made from it)."""
    answers = [
        {
            "fetched": exchange.url,
            "status": exchange.status,
            "sha256": digest_file(exchange.body).sha256,
            "size": exchange.size,
        }
        for exchange in fetched.exchanges
    ]
    facts = {"url": url, "final url": fetched.page.url, "warc sha256": warc.sha256}
    archive.audit.record(
        "capture",
        f"Captured {url}: {counted(len(answers), 'answer')} fetched, kept as a WARC",
        source_ids=source_ids,
        changes=[facts, *answers],
    )


def capture_to_warc(
    url: str, folder: Path, policy: CapturePolicy, cancel: CancelToken | None = None
) -> Path:
    """Fetch ``url`` and its article's pictures into a WARC file in ``folder``; its path."""
    return _fetch_into_warc(url, folder, policy, cancel).warc


def _fetch_into_warc(
    url: str, folder: Path, policy: CapturePolicy, cancel: CancelToken | None
) -> _Fetched:
    with contextlib.closing(Fetcher(policy, folder, cancel)) as fetcher:
        chain = fetcher.follow(url)
        page = chain[-1]
        if not 200 <= page.status < 300:
            raise CaptureError(
                Message(
                    QT_TRANSLATE_NOOP(
                        "core",
                        "The server answered {status} {reason} for {url}; nothing was captured.",
                    ),
                    status=str(page.status),
                    reason=str(page.reason),
                    url=str(page.url),
                )
            )
        exchanges = list(chain)
        if media_type(page.header("Content-Type")) in _PAGE_TYPES:
            for picture in _figure_addresses(page, policy)[: policy.max_images]:
                try:
                    exchanges.extend(fetcher.follow(picture))
                except CaptureError:
                    continue  # the article is kept without that picture
        target = folder / _warc_name(page.url)
        write_warc(target, exchanges, page, url)
    return _Fetched(target, page, exchanges)


def _figure_addresses(page: Exchange, policy: CapturePolicy) -> list[str]:
    """The pictures the article shows, read from the page as the importer will read it, and
    its lead image when no figure shows that one."""
    body = page.decoded_body(policy.max_resource_bytes)
    try:
        document = html.extract(body, name="page.html", page_url=page.url)
    except ImportFailure:
        return []
    figures = [
        image.src for image in document.images if image.src.startswith(("http://", "https://"))
    ]
    lead = lead_image(body, page.url)
    return [*figures, lead] if lead and lead not in figures else figures


def _warc_name(url: str) -> str:
    host = (urlsplit(url).hostname or "page").replace(":", "_")
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    return f"{host}-{stamp}.warc.gz"
