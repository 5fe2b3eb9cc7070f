"""Reading WARC records as a stream (a WARC file, or the WARCs inside a WACZ) into pages.

Records are read one at a time with warcio and never held whole in memory: the payloads worth
keeping (pages, PDFs, text and pictures) are written to the import's spill folder as they go,
with their SHA-256; scripts, style sheets and the rest are skipped. Then each captured page
becomes a document, its pictures taken from the same archive.
"""

from __future__ import annotations

import hashlib
import json
import zlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any
from urllib.parse import urljoin, urlparse

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed
from warcio.recordloader import ArcWarcRecord

from archive_app.core.errors import ExtractionError, ImportFailure
from archive_app.core.messages import QT_TRANSLATE_NOOP, Message
from archive_app.importers.document import ExtractedDocument
from archive_app.importers.web_page import (
    capture_record,
    media_type,
    page_document,
    parse_iso_date,
    spill_name,
    worth_keeping,
)

MAX_PAYLOAD_BYTES = 64 << 20
MAX_REDIRECTS = 10
CHUNK = 1 << 16
# The metadata record a live capture by this program writes beside its page's response.
CAPTURE_METADATA_TYPE = "application/vnd.archive-app.capture+json"
_PAGE_TYPES = ("text/html", "application/xhtml+xml")


@dataclass
class CapturedResponse:
    """One HTTP response in the archive; ``payload`` is its spilled body (None when skipped)."""

    url: str
    captured_at: str
    status: int
    content_type: str
    headers: list[tuple[str, str]]
    record_id: str
    warc_payload_digest: str
    payload: Path | None = None
    payload_sha256: str = ""

    @property
    def location(self) -> str:
        for name, value in self.headers:
            if name.lower() == "location":
                return urljoin(self.url, value.strip())
        return ""


@dataclass
class WarcReading:
    """What the WARC streams of one file hold, read by :meth:`read`."""

    spill: Path
    heartbeat: Callable[[], None] | None = None
    responses: list[CapturedResponse] = field(default_factory=list)
    live_captures: list[dict[str, Any]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    records: int = 0

    def read(self, stream: IO[bytes], label: str) -> None:
        """Read every record of one WARC stream. A stream that ends in the middle of a record
        (a truncated download) keeps what came before it, with a note."""
        try:
            for record in ArchiveIterator(stream, arc2warc=True):
                self.records += 1
                self._alive()
                if record.rec_type == "response" and record.http_headers is not None:
                    self._response(record)
                elif record.rec_type == "resource":
                    self._resource(record)
                elif record.rec_type == "metadata":
                    self._metadata(record)
                if not _read_to_end(record):
                    self._damaged(label, "it ends in the middle of a record")
                    return
        except (ArchiveLoadFailed, EOFError, zlib.error, ValueError) as error:
            self._damaged(label, str(error))

    def _alive(self) -> None:
        if self.heartbeat is not None:
            self.heartbeat()

    def _damaged(self, label: str, why: str) -> None:
        self.notes.append(
            f"{label} is damaged after {self.records - 1} complete records ({why}; "
            "truncated?): what came before was read."
        )
        if self.responses and self.responses[-1].payload is not None:
            self.responses.pop()  # its payload may be cut short

    def _response(self, record: ArcWarcRecord) -> None:
        headers = record.http_headers
        content_type = headers.get_header("Content-Type") or ""
        try:
            status = int(headers.get_statuscode() or 0)
        except ValueError:
            status = 0
        response = CapturedResponse(
            url=str(record.rec_headers.get_header("WARC-Target-URI") or ""),
            captured_at=parse_iso_date(str(record.rec_headers.get_header("WARC-Date") or "")),
            status=status,
            content_type=content_type,
            headers=[(str(name), str(value)) for name, value in headers.headers],
            record_id=str(record.rec_headers.get_header("WARC-Record-ID") or ""),
            warc_payload_digest=str(record.rec_headers.get_header("WARC-Payload-Digest") or ""),
        )
        if status == 200 and worth_keeping(content_type):
            self._spill(record, response)
        self.responses.append(response)

    def _resource(self, record: ArcWarcRecord) -> None:
        """A file archived without an HTTP exchange (a saved page, a screenshot)."""
        content_type = str(record.rec_headers.get_header("Content-Type") or "")
        response = CapturedResponse(
            url=str(record.rec_headers.get_header("WARC-Target-URI") or ""),
            captured_at=parse_iso_date(str(record.rec_headers.get_header("WARC-Date") or "")),
            status=200,
            content_type=content_type,
            headers=[],
            record_id=str(record.rec_headers.get_header("WARC-Record-ID") or ""),
            warc_payload_digest=str(record.rec_headers.get_header("WARC-Payload-Digest") or ""),
        )
        if worth_keeping(content_type):
            self._spill(record, response)
        self.responses.append(response)

    def _spill(self, record: ArcWarcRecord, response: CapturedResponse) -> None:
        target = spill_name(self.spill, len(self.responses), response.content_type, response.url)
        sha = hashlib.sha256()
        size = 0
        stream = record.content_stream()
        with target.open("wb") as out:
            for chunk in iter(lambda: stream.read(CHUNK), b""):
                size += len(chunk)
                if size > MAX_PAYLOAD_BYTES:
                    break
                sha.update(chunk)
                out.write(chunk)
        if size > MAX_PAYLOAD_BYTES:
            target.unlink()
            self.notes.append(
                f"The answer from {response.url} is larger than "
                f"{MAX_PAYLOAD_BYTES >> 20} MB and was not read."
            )
            return
        response.payload = target
        response.payload_sha256 = sha.hexdigest()

    def _metadata(self, record: ArcWarcRecord) -> None:
        if record.rec_headers.get_header("Content-Type") != CAPTURE_METADATA_TYPE:
            return
        try:
            self.live_captures.append(json.loads(record.content_stream().read(1 << 20)))
        except ValueError:
            self.notes.append(
                QT_TRANSLATE_NOOP(
                    "core", "The capture details written with the page could not be read."
                )
            )

    def documents(
        self,
        *,
        method: str,
        listed: Iterable[tuple[str, str]] | None = None,
        **details: Any,
    ) -> list[ExtractedDocument]:
        """A document for every page: the ``listed`` ones (a WACZ's pages: address and capture
        time), else the page of a live capture by this program, else every HTML answer with
        status 200."""
        by_url = self._by_url()
        wanted: list[tuple[str, str, dict[str, Any]]]
        if listed is not None:
            wanted = [(url, parse_iso_date(when), {}) for url, when in listed]
        elif self.live_captures:
            wanted = [(str(c.get("requested_url", "")), "", c) for c in self.live_captures]
            method = "http"
        else:
            wanted = [
                (r.url, r.captured_at, {})
                for r in self.responses
                if r.status == 200 and media_type(r.content_type) in _PAGE_TYPES and r.payload
            ]
        pictures = {
            r.url: str(r.payload)
            for r in self.responses
            if r.payload is not None and media_type(r.content_type).startswith("image/")
        }
        for response in self.responses:
            if 300 <= response.status < 400:
                try:
                    target = self._final(response.url, by_url)
                except ImportFailure:
                    continue
                if target.url in pictures:
                    pictures[response.url] = pictures[target.url]
        documents: list[ExtractedDocument] = []
        reasons: list[str] = []
        seen: set[tuple[str, str]] = set()
        for url, when, live in wanted:
            if (url, when) in seen:
                continue
            seen.add((url, when))
            self._alive()
            try:
                response = self._final(url, by_url, when)
                documents.append(
                    self._document(
                        response,
                        url=url,
                        method=method,
                        live=live,
                        pictures=pictures,
                        details=details,
                    )
                )
            except ImportFailure as failure:
                reasons.append(failure.message)
        if not documents:
            raise ExtractionError(
                " ".join(reasons + self.notes)
                or Message(
                    QT_TRANSLATE_NOOP(
                        "core", "The web archive holds no page (no HTML answer with status 200)."
                    )
                )
            )
        self.notes.extend(reasons)
        for document in documents:
            document.notes.extend(self.notes)
        return documents

    def _by_url(self) -> dict[str, list[CapturedResponse]]:
        """The answers for each address, in the order they were captured."""
        by_url: dict[str, list[CapturedResponse]] = {}
        for response in self.responses:
            by_url.setdefault(_without_fragment(response.url), []).append(response)
        return by_url

    def _final(
        self, url: str, by_url: dict[str, list[CapturedResponse]], when: str = ""
    ) -> CapturedResponse:
        """The answer for ``url`` captured at ``when`` (else its latest), after redirects."""
        address = _without_fragment(url)
        for _ in range(MAX_REDIRECTS + 1):
            answers = by_url.get(address, [])
            timed = [r for r in answers if when and r.captured_at == when]
            if not answers:
                raise ImportFailure(
                    Message(
                        QT_TRANSLATE_NOOP("core", "The page {address} is not in the web archive."),
                        address=address,
                    )
                )
            response = (timed or answers)[-1]
            if not 300 <= response.status < 400 or not response.location:
                break
            address = _without_fragment(response.location)
        else:
            raise ImportFailure(
                Message(
                    QT_TRANSLATE_NOOP("core", "The page {url} redirects more than {limit} times."),
                    url=url,
                    limit=MAX_REDIRECTS,
                )
            )
        if response.status != 200 or response.payload is None:
            raise ImportFailure(
                Message(
                    QT_TRANSLATE_NOOP(
                        "core",
                        "The page {address} was captured with status {status}, "
                        "or its content was not kept.",
                    ),
                    address=address,
                    status=str(response.status),
                )
            )
        return response

    def _document(
        self,
        response: CapturedResponse,
        *,
        url: str,
        method: str,
        live: dict[str, Any],
        pictures: dict[str, str],
        details: dict[str, Any],
    ) -> ExtractedDocument:
        assert response.payload is not None
        document = page_document(
            response.payload.read_bytes(),
            name=Path(urlparse(response.url).path).name or urlparse(response.url).netloc,
            page_url=response.url,
            content_type=response.content_type,
            resources=pictures,
        )
        document.payload_path = str(response.payload)
        document.capture = capture_record(
            method,
            url=url,
            final_url=response.url,
            status=response.status,
            captured_at=response.captured_at,
            payload_sha256=response.payload_sha256,
            tls=live.get("tls"),
            http_headers=response.headers,
            warc_record_id=response.record_id,
            warc_payload_digest=response.warc_payload_digest,
            **details,
        )
        return document


def _read_to_end(record: ArcWarcRecord) -> bool:
    """Skip what is left of a record; False if the file ends before the record does."""
    stream = record.raw_stream
    while stream.read(CHUNK):
        pass
    return getattr(stream, "limit", 0) <= 0


def _without_fragment(url: str) -> str:
    return url.partition("#")[0]
