"""Fetching over HTTP(S) with httpx, within a :class:`CapturePolicy`: every exchange is kept
as sent and received (the body raw, as the server encoded it) in a temporary file, to be written
into the capture's WARC."""

from __future__ import annotations

import time
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from http.cookiejar import CookieJar, DefaultCookiePolicy
from pathlib import Path
from typing import Any

import httpx
from cryptography import x509
from cryptography.hazmat.primitives import hashes

from archive_app.capture.policy import USER_AGENT, CapturePolicy, check_url
from archive_app.core.errors import CancelledError, CaptureError
from archive_app.core.messages import QT_TRANSLATE_NOOP, Message
from archive_app.core.progress import CancelToken, is_cancelled

_REDIRECTS = (301, 302, 303, 307, 308)


@dataclass
class Exchange:
    """One request and its answer. ``body`` holds the payload as the server sent it (after
    de-chunking, before content decoding); ``headers`` leave out ``Transfer-Encoding``."""

    url: str
    started: datetime
    request_target: str
    request_headers: list[tuple[str, str]]
    http_version: str
    status: int
    reason: str
    headers: list[tuple[str, str]]
    body: Path
    size: int
    ip: str
    tls: dict[str, Any] | None

    def header(self, name: str) -> str:
        return next((v for k, v in self.headers if k.lower() == name.lower()), "")

    def decoded_body(self, limit: int) -> bytes:
        """The payload with its content encoding (gzip, deflate) undone, at most ``limit``
        bytes (a decompression bomb stops there)."""
        raw = self.body.read_bytes()
        encoding = self.header("Content-Encoding").strip().lower()
        if encoding not in ("gzip", "x-gzip", "deflate"):
            return raw[:limit]
        try:
            return zlib.decompressobj(zlib.MAX_WBITS | 32).decompress(raw, limit)
        except zlib.error as error:
            raise CaptureError(
                Message(
                    QT_TRANSLATE_NOOP("core", "The page from {url} is damaged ({error})."),
                    url=str(self.url),
                    error=str(error),
                )
            ) from error


class Fetcher:
    """An httpx client that never keeps cookies, never sends credentials, verifies TLS and
    stops at the policy's limits. Close it when done (``contextlib.closing``)."""

    def __init__(self, policy: CapturePolicy, folder: Path, cancel: CancelToken | None) -> None:
        self.policy = policy
        self.folder = folder
        self.cancel = cancel
        self.deadline = time.monotonic() + policy.total_timeout
        self.fetched_bytes = 0
        self._count = 0
        self.client = httpx.Client(
            timeout=httpx.Timeout(
                policy.read_timeout, connect=policy.connect_timeout, pool=policy.connect_timeout
            ),
            verify=policy.verify,
            follow_redirects=False,
            trust_env=False,
            cookies=CookieJar(DefaultCookiePolicy(allowed_domains=[])),
            headers={"User-Agent": USER_AGENT, "Accept-Encoding": "gzip, deflate"},
        )

    def close(self) -> None:
        self.client.close()

    def follow(self, url: str) -> list[Exchange]:
        """Fetch ``url`` and the redirects it leads to; the last exchange is the answer."""
        chain = [self.get(check_url(url))]
        while chain[-1].status in _REDIRECTS and chain[-1].header("Location"):
            if len(chain) > self.policy.max_redirects:
                raise CaptureError(
                    Message(
                        QT_TRANSLATE_NOOP(
                            "core",
                            "{url} redirects more than {limit} times (a redirect loop?); "
                            "nothing was captured.",
                        ),
                        url=str(url),
                        limit=str(self.policy.max_redirects),
                    )
                )
            target = str(httpx.URL(chain[-1].url).join(chain[-1].header("Location")))
            chain.append(self.get(check_url(target)))
        return chain

    def get(self, url: str) -> Exchange:
        started = datetime.now(UTC)
        try:
            with self.client.stream("GET", url) as response:
                tls, ip = _connection_details(response)
                body, size = self._receive(url, response.iter_raw())
                return Exchange(
                    url=url,
                    started=started,
                    request_target=response.request.url.raw_path.decode("ascii"),
                    request_headers=_text_pairs(response.request.headers.raw),
                    http_version=response.http_version,
                    status=response.status_code,
                    reason=response.reason_phrase,
                    headers=[
                        (name, value)
                        for name, value in _text_pairs(response.headers.raw)
                        if name.lower() != "transfer-encoding"
                    ],
                    body=body,
                    size=size,
                    ip=ip,
                    tls=tls,
                )
        except httpx.HTTPError as error:
            raise CaptureError(_reason(url, error, self.policy)) from error

    def _receive(self, url: str, chunks: Iterator[bytes]) -> tuple[Path, int]:
        self._count += 1
        body = self.folder / f"body-{self._count:04d}"
        size = 0
        with body.open("wb") as out:
            for chunk in chunks:
                size += len(chunk)
                self.fetched_bytes += len(chunk)
                self._check_limits(url, size)
                out.write(chunk)
        return body, size

    def _check_limits(self, url: str, size: int) -> None:
        policy = self.policy
        if is_cancelled(self.cancel):
            raise CancelledError(Message(QT_TRANSLATE_NOOP("core", "The capture was cancelled.")))
        if size > policy.max_resource_bytes:
            raise CaptureError(
                Message(
                    QT_TRANSLATE_NOOP(
                        "core",
                        "The answer from {url} is larger than {size}, the limit for one "
                        "resource; it was not captured.",
                    ),
                    url=str(url),
                    size=str(_megabytes(policy.max_resource_bytes)),
                )
            )
        if self.fetched_bytes > policy.max_capture_bytes:
            raise CaptureError(
                Message(
                    QT_TRANSLATE_NOOP(
                        "core",
                        "The capture of {url} grew past {size}, the limit for one "
                        "capture; it was stopped.",
                    ),
                    url=str(url),
                    size=str(_megabytes(policy.max_capture_bytes)),
                )
            )
        if time.monotonic() > self.deadline:
            raise CaptureError(
                Message(
                    QT_TRANSLATE_NOOP(
                        "core",
                        "The capture took longer than {seconds} seconds (the server at "
                        "{url} sends too slowly), so it was stopped.",
                    ),
                    seconds=f"{policy.total_timeout:g}",
                    url=str(url),
                )
            )


def _connection_details(response: httpx.Response) -> tuple[dict[str, Any] | None, str]:
    """The server's certificate (for https) and address, read while the connection is open."""
    stream = response.extensions.get("network_stream")
    if stream is None:
        return None, ""
    address = stream.get_extra_info("server_addr")
    ip = str(address[0]) if isinstance(address, tuple) and address else ""
    ssl_object = stream.get_extra_info("ssl_object")
    if ssl_object is None:
        return None, ip
    der = ssl_object.getpeercert(True)
    if not der:
        return None, ip
    certificate = x509.load_der_x509_certificate(der)
    return {
        "sha256_fingerprint": certificate.fingerprint(hashes.SHA256()).hex(),
        "subject": certificate.subject.rfc4514_string(),
        "issuer": certificate.issuer.rfc4514_string(),
        "not_before": certificate.not_valid_before_utc.isoformat().replace("+00:00", "Z"),
        "not_after": certificate.not_valid_after_utc.isoformat().replace("+00:00", "Z"),
        "serial_number": format(certificate.serial_number, "x"),
        "protocol": ssl_object.version() or "",
        "cipher": (ssl_object.cipher() or ("",))[0],
    }, ip


def _reason(url: str, error: httpx.HTTPError, policy: CapturePolicy) -> str:
    host = httpx.URL(url).host
    text = str(error)
    if isinstance(error, httpx.ConnectTimeout):
        return f"{host} did not answer within {policy.connect_timeout:g} seconds."
    if isinstance(error, httpx.TimeoutException):
        return f"{host} stopped sending for more than {policy.read_timeout:g} seconds."
    if "CERTIFICATE_VERIFY_FAILED" in text or "certificate verify failed" in text.lower():
        return (
            f"The TLS certificate of {host} does not verify ({text.rsplit(':', 1)[-1].strip()}); "
            "the page was not captured. A certificate that cannot be verified cannot prove "
            "where the page came from."
        )
    if isinstance(error, httpx.ConnectError) and any(
        marker in text
        for marker in (
            "Name or service not known",
            "nodename nor servname",
            "getaddrinfo",
            "No address associated",
            "Temporary failure in name resolution",
        )
    ):
        return f"The host {host} could not be found (DNS): check the address."
    if isinstance(error, httpx.ConnectError):
        return f"Could not connect to {host}: {text or 'connection refused'}."
    return f"The answer from {host} was broken: {text or type(error).__name__}."


def _text_pairs(raw: list[tuple[bytes, bytes]]) -> list[tuple[str, str]]:
    return [(name.decode("latin-1"), value.decode("latin-1")) for name, value in raw]


def _megabytes(size: int) -> str:
    return f"{size / (1 << 20):g} MB"
