"""Writing a capture as a WARC 1.1 file with warcio: a ``warcinfo`` record, a ``request`` and a
``response`` record for every exchange (with their dates and payload digests), and a
``metadata`` record that says which page was asked for and what its TLS certificate was. Replay
tools (ReplayWeb.page, pywb) read it as any other WARC; the archive's importer reads it back."""

from __future__ import annotations

import json
from io import BytesIO
from pathlib import Path
from typing import Any

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from archive_app.capture.fetch import Exchange
from archive_app.capture.policy import USER_AGENT
from archive_app.importers.web_archive import CAPTURE_METADATA_TYPE

WARC_VERSION = "1.1"


def write_warc(target: Path, exchanges: list[Exchange], page: Exchange, requested: str) -> None:
    """Write ``exchanges`` to ``target`` (gzipped record by record); ``page`` is the answer
    for the ``requested`` address, after its redirects."""
    with target.open("wb") as out:
        writer = WARCWriter(out, gzip=True, warc_version=WARC_VERSION)
        writer.write_record(
            writer.create_warcinfo_record(
                target.name,
                {
                    "software": USER_AGENT,
                    "format": "WARC File Format 1.1",
                    "conformsTo": "https://iipc.github.io/warc-specifications/specifications/"
                    "warc-format/warc-1.1/",
                    "http-header-user-agent": USER_AGENT,
                },
            )
        )
        page_record_id = ""
        for exchange in exchanges:
            record_id = _write_exchange(writer, exchange)
            if exchange is page:
                page_record_id = record_id
        details: dict[str, Any] = {
            "requested_url": requested,
            "final_url": page.url,
            "status": page.status,
            "tls": page.tls,
            "redirects": [e.url for e in exchanges[: exchanges.index(page)]],
            "software": USER_AGENT,
        }
        content = json.dumps(details, indent=2).encode("utf-8")
        writer.write_record(
            writer.create_warc_record(
                page.url,
                "metadata",
                payload=BytesIO(content),
                length=len(content),
                warc_content_type=CAPTURE_METADATA_TYPE,
                warc_headers_dict={
                    "WARC-Concurrent-To": page_record_id,
                    "WARC-Date": _warc_date(page),
                    "Content-Type": CAPTURE_METADATA_TYPE,
                },
            )
        )


def _write_exchange(writer: WARCWriter, exchange: Exchange) -> str:
    date = _warc_date(exchange)
    response_headers = {"WARC-Date": date}
    if exchange.ip:
        response_headers["WARC-IP-Address"] = exchange.ip
    with exchange.body.open("rb") as payload:
        response = writer.create_warc_record(
            exchange.url,
            "response",
            payload=payload,
            length=exchange.size,
            http_headers=StatusAndHeaders(
                f"{exchange.status} {exchange.reason}".strip(),
                exchange.headers,
                protocol=exchange.http_version,
            ),
            warc_headers_dict=response_headers,
        )
        request = writer.create_warc_record(
            exchange.url,
            "request",
            http_headers=StatusAndHeaders(
                f"GET {exchange.request_target} {exchange.http_version}",
                exchange.request_headers,
                is_http_request=True,
            ),
            warc_headers_dict={"WARC-Date": date},
        )
        writer.write_request_response_pair(request, response)
    return str(response.rec_headers.get_header("WARC-Record-ID"))


def _warc_date(exchange: Exchange) -> str:
    return exchange.started.strftime("%Y-%m-%dT%H:%M:%S.%fZ")
