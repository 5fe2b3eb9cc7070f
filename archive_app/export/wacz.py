"""``export wacz``: captured sources written back as a WACZ 1.1.1 that ReplayWeb.page and other
web-archive tools open, so a colleague without this program can replay them.

The WARCs are the stored originals, copied byte for byte (a WACZ's own WARCs are copied out of
it as they are); a page saved as SingleFile becomes a ``resource`` record at its address, and
one saved as MHTML a record for each of its parts. Beside them: ``pages/pages.jsonl``, a CDXJ
index, ``datapackage.json`` with SHA-256 digests and ``datapackage-digest.json``. The file
lands atomically.
"""

from __future__ import annotations

import contextlib
import email
import email.policy
import hashlib
import io
import json
import os
import tempfile
import zipfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Any
from urllib.parse import urlsplit

from warcio.archiveiterator import ArchiveIterator
from warcio.warcwriter import WARCWriter

from archive_app import __version__
from archive_app.core.archive import Archive
from archive_app.core.errors import ArchiveError, CancelledError
from archive_app.core.messages import QT_TRANSLATE_NOOP, Message
from archive_app.core.model import Source
from archive_app.core.progress import CancelToken, ProgressCallback, is_cancelled, report_progress
from archive_app.core.store import CHUNK
from archive_app.export import not_written

WACZ_VERSION = "1.1.1"


@dataclass(frozen=True)
class _Page:
    url: str
    captured_at: str
    title: str


Opener = Callable[[], contextlib.AbstractContextManager[IO[bytes]]]


def export_wacz(
    archive: Archive,
    path: Path,
    source_ids: Iterable[int] | None = None,
    *,
    progress: ProgressCallback | None = None,
    cancel: CancelToken | None = None,
) -> int:
    """Write the captured sources among ``source_ids`` (default: all) to ``path``; how many
    pages the WACZ holds. Sources that were not captured from the web are left out."""
    wanted = None if source_ids is None else set(source_ids)
    rows = archive.database.query("SELECT source_id FROM captures ORDER BY source_id")
    captured = [archive.get(int(row[0])) for row in rows if wanted is None or int(row[0]) in wanted]
    if not captured:
        raise ArchiveError(
            Message(
                QT_TRANSLATE_NOOP(
                    "core", "None of the chosen sources was captured from the web; no WACZ made."
                )
            )
        )
    target = path.expanduser()
    if not target.parent.is_dir():
        raise ArchiveError(
            Message(
                QT_TRANSLATE_NOOP("core", "The folder {parent} does not exist."),
                parent=str(target.parent),
            )
        )
    parts, pages = _gather(archive, captured, progress, cancel)
    try:
        with _temporary_beside(target) as temporary:
            with zipfile.ZipFile(temporary, "w") as wacz:
                _write(wacz, parts, pages)
            temporary.replace(target)
    except OSError as error:
        raise not_written(target, error) from error
    return len(pages)


def _gather(
    archive: Archive,
    sources: list[Source],
    progress: ProgressCallback | None,
    cancel: CancelToken | None,
) -> tuple[dict[str, Opener], list[_Page]]:
    """The WARCs to put in the WACZ (entry name → how to read it) and the pages they hold."""
    parts: dict[str, Opener] = {}
    pages: list[_Page] = []
    copied: set[str] = set()
    saved_pages = io.BytesIO()
    writer = WARCWriter(saved_pages, gzip=True, warc_version="1.1")
    for done, source in enumerate(sources, start=1):
        if is_cancelled(cancel):
            raise CancelledError(
                Message(QT_TRANSLATE_NOOP("core", "The export was cancelled; no file was written."))
            )
        capture = source.capture
        assert capture is not None
        container = capture.get("container")
        if container and container["sha256"] not in copied:
            copied.add(container["sha256"])
            stored = archive.store.path_for(container["sha256"], container["ext"])
            parts.update(_warcs_of(stored, container["ext"], len(copied)))
        elif not container:
            _write_saved_page(writer, archive.original_path(source), capture)
        pages.append(
            _Page(capture["final_url"] or capture["url"], capture["captured_at"], source.title)
        )
        report_progress(progress, done, len(sources), source.title)
    if saved_pages.tell():
        data = saved_pages.getvalue()
        parts["archive/saved-pages.warc.gz"] = lambda: contextlib.nullcontext(io.BytesIO(data))
    return parts, pages


def _warcs_of(stored: Path, ext: str, number: int) -> dict[str, Opener]:
    if ext != ".wacz":
        return {f"archive/capture-{number:04d}{ext}": lambda: stored.open("rb")}
    with zipfile.ZipFile(stored) as inner:
        entries = [e for e in inner.namelist() if e.startswith("archive/") and ".warc" in e]
    return {
        f"archive/capture-{number:04d}-{Path(entry).name}": _inner_opener(stored, entry)
        for entry in entries
    }


def _inner_opener(wacz: Path, entry: str) -> Opener:
    @contextlib.contextmanager
    def open_entry() -> Iterator[IO[bytes]]:
        with zipfile.ZipFile(wacz) as inner, inner.open(entry) as stream:
            yield stream

    return open_entry


def _write_saved_page(writer: WARCWriter, original: Path, capture: dict[str, Any]) -> None:
    """A page saved by a browser as ``resource`` records: a SingleFile page as it is, an MHTML
    file as its parts (the page and its pictures, each at its own address) so it replays."""
    date = capture["captured_at"] or datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    if capture["method"] == "mhtml":
        parts = _mhtml_parts(original)
    else:
        parts = [(capture["url"], "text/html", original.read_bytes())]
    for url, content_type, data in parts:
        writer.write_record(
            writer.create_warc_record(
                url,
                "resource",
                payload=io.BytesIO(data),
                length=len(data),
                warc_content_type=content_type,
                warc_headers_dict={"WARC-Date": date},
            )
        )


def _mhtml_parts(original: Path) -> list[tuple[str, str, bytes]]:
    with original.open("rb") as handle:
        message = email.message_from_binary_file(handle, policy=email.policy.default)
    parts = []
    for part in message.walk():
        location = str(part.get("Content-Location") or "")
        data = part.get_payload(decode=True)
        if location and isinstance(data, bytes) and not part.is_multipart():
            parts.append((location, part.get_content_type(), data))
    return parts


def _write(wacz: zipfile.ZipFile, parts: dict[str, Opener], pages: list[_Page]) -> None:
    resources = []
    index: list[str] = []
    for name, opener in parts.items():
        sha = hashlib.sha256()
        size = 0
        with opener() as source, wacz.open(name, "w", force_zip64=True) as out:
            for chunk in iter(lambda: source.read(CHUNK), b""):
                sha.update(chunk)
                size += len(chunk)
                out.write(chunk)
        resources.append(_resource(name, sha.hexdigest(), size))
        with opener() as source:
            index += _index_lines(source, Path(name).name)
    small = {
        "pages/pages.jsonl": _pages_jsonl(pages),
        "indexes/index.cdx": ("\n".join(sorted(index)) + "\n").encode("utf-8"),
    }
    for name, data in small.items():
        wacz.writestr(name, data)
        resources.append(_resource(name, hashlib.sha256(data).hexdigest(), len(data)))
    package = json.dumps(
        {
            "profile": "data-package",
            "wacz_version": WACZ_VERSION,
            "created": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
            "software": f"archive-app {__version__}",
            "resources": resources,
        },
        indent=2,
    ).encode("utf-8")
    wacz.writestr("datapackage.json", package)
    digest = {"path": "datapackage.json", "hash": f"sha256:{hashlib.sha256(package).hexdigest()}"}
    wacz.writestr("datapackage-digest.json", json.dumps(digest))


def _resource(path: str, sha256: str, size: int) -> dict[str, Any]:
    return {"name": Path(path).name, "path": path, "hash": f"sha256:{sha256}", "bytes": size}


def _index_lines(stream: IO[bytes], filename: str) -> list[str]:
    """A CDXJ line for every response and resource, as replay tools look them up."""
    lines = []
    iterator = ArchiveIterator(stream)
    for record in iterator:
        if record.rec_type not in ("response", "resource"):
            continue
        url = str(record.rec_headers.get_header("WARC-Target-URI") or "")
        date = str(record.rec_headers.get_header("WARC-Date") or "")
        headers = record.http_headers
        fields = {
            "url": url,
            "mime": _mime(record),
            "status": str(headers.get_statuscode()) if headers else "200",
            "digest": str(record.rec_headers.get_header("WARC-Payload-Digest") or ""),
            "filename": filename,
        }
        iterator.read_to_end(record)
        fields["offset"] = iterator.get_record_offset()
        fields["length"] = iterator.get_record_length()
        stamp = "".join(ch for ch in date if ch.isdigit())[:14]
        lines.append(f"{surt(url)} {stamp} {json.dumps(fields)}")
    return lines


def surt(url: str) -> str:
    """The Sort-friendly URI Reordering Transform: ``https://www.bbc.com/news?a`` →
    ``com,bbc)/news?a``."""
    parts = urlsplit(url)
    host = (parts.hostname or "").lower().removeprefix("www.")
    port = f":{parts.port}" if parts.port and parts.port not in (80, 443) else ""
    path = parts.path or "/"
    query = f"?{parts.query}" if parts.query else ""
    return f"{','.join(reversed(host.split('.')))}{port}){path.lower()}{query}"


def _mime(record: Any) -> str:
    headers = record.http_headers
    value = headers.get_header("Content-Type") if headers else record.content_type
    return str(value or "").split(";")[0].strip()


def _pages_jsonl(pages: list[_Page]) -> bytes:
    lines = [json.dumps({"format": "json-pages-1.0", "id": "pages", "title": "All Pages"})]
    lines += [
        json.dumps({"id": f"page-{n}", "url": p.url, "ts": p.captured_at, "title": p.title})
        for n, p in enumerate(pages, start=1)
    ]
    return ("\n".join(lines) + "\n").encode("utf-8")


@contextlib.contextmanager
def _temporary_beside(target: Path) -> Iterator[Path]:
    handle, name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".part")
    os.close(handle)
    temporary = Path(name)
    try:
        yield temporary
    finally:
        with contextlib.suppress(FileNotFoundError):
            temporary.unlink()
