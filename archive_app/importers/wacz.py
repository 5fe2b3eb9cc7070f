"""WACZ (``.wacz``): the zip that ArchiveWeb.page, Browsertrix and the auto-archiver write,
holding ``archive/*.warc.gz``, ``pages/pages.jsonl`` and ``datapackage.json``.

Entries are read straight out of the zip as streams and never extracted, so a hostile entry
name (an absolute path, ``..``) cannot write anywhere; a file holding such names is refused.
The datapackage's SHA-256 digests are checked (a mismatch is noted on every source), and a
signature is noted (it is not verified).
"""

from __future__ import annotations

import hashlib
import json
import zipfile
from collections.abc import Callable
from pathlib import Path, PurePosixPath
from typing import Any

from archive_app.core.errors import ExtractionError
from archive_app.core.messages import QT_TRANSLATE_NOOP, Message
from archive_app.importers.document import ExtractedDocument
from archive_app.importers.web_archive import CHUNK, WarcReading

IMPORTER_VERSION = "wacz/1"
_PAGES = ("pages/pages.jsonl", "pages/extraPages.jsonl")


def extract_pages(
    path: Path, *, name: str, spill: Path, heartbeat: Callable[[], None] | None = None
) -> list[ExtractedDocument]:
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError) as error:
        raise ExtractionError(
            Message(
                QT_TRANSLATE_NOOP("core", "The WACZ file is damaged: {error}."), error=str(error)
            )
        ) from error
    with archive:
        names = archive.namelist()
        unsafe = [entry for entry in names if not _safe(entry)]
        if unsafe:
            raise ExtractionError(
                Message(
                    QT_TRANSLATE_NOOP(
                        "core",
                        "The WACZ file holds entries with unsafe paths (such as '{entry}'), so it "
                        "was not read.",
                    ),
                    entry=unsafe[0],
                )
            )
        reading = WarcReading(spill, heartbeat=heartbeat)
        package = _package(archive, names)
        digest_problems = _digest_problems(archive, names, package)
        signed = _signature(archive, names)
        warcs = sorted(n for n in names if n.startswith("archive/") and ".warc" in n)
        if not warcs:
            raise ExtractionError(
                Message(
                    QT_TRANSLATE_NOOP("core", "The WACZ file holds no WARC in its archive/ folder.")
                )
            )
        for entry in warcs:
            with archive.open(entry) as stream:
                reading.read(stream, f"{entry} in the WACZ")
        reading.notes += [f"WACZ digest check: {problem}" for problem in digest_problems]
        if signed:
            reading.notes.append(f"The WACZ is signed ({signed}); the signature was not checked.")
        listed = _listed_pages(archive, names)
        return reading.documents(
            method="wacz",
            listed=listed or None,
            wacz_created=str(package.get("created", "")),
            wacz_software=str(package.get("software", "")),
            digests_verified=not digest_problems and bool(package.get("resources")),
            digest_problems=digest_problems,
            signed_by=signed,
        )


def _safe(entry: str) -> bool:
    posix = PurePosixPath(entry.replace("\\", "/"))
    return not posix.is_absolute() and ".." not in posix.parts and ":" not in entry


def _package(archive: zipfile.ZipFile, names: list[str]) -> dict[str, Any]:
    if "datapackage.json" not in names:
        return {}
    try:
        package = json.loads(archive.read("datapackage.json"))
    except ValueError:
        return {}
    return package if isinstance(package, dict) else {}


def _digest_problems(
    archive: zipfile.ZipFile, names: list[str], package: dict[str, Any]
) -> list[str]:
    if not package:
        return ["there is no readable datapackage.json, so nothing could be verified"]
    problems = []
    for resource in package.get("resources", []):
        entry = str(resource.get("path", ""))
        expected = str(resource.get("hash", ""))
        if entry not in names:
            problems.append(f"{entry} is listed but missing")
            continue
        algorithm, _, value = expected.partition(":")
        if algorithm.lower() != "sha256":
            continue
        sha = hashlib.sha256()
        with archive.open(entry) as stream:
            for chunk in iter(lambda: stream.read(CHUNK), b""):
                sha.update(chunk)
        if sha.hexdigest() != value.lower():
            problems.append(f"{entry} does not match its SHA-256 in datapackage.json")
    return problems


def _signature(archive: zipfile.ZipFile, names: list[str]) -> str:
    if "datapackage-digest.json" not in names:
        return ""
    try:
        digest = json.loads(archive.read("datapackage-digest.json"))
    except ValueError:
        return ""
    signed = digest.get("signedData") if isinstance(digest, dict) else None
    if not isinstance(signed, dict):
        return ""
    return str(signed.get("domain") or signed.get("publicKey", "")[:16] or "signed")


def _listed_pages(archive: zipfile.ZipFile, names: list[str]) -> list[tuple[str, str]]:
    """The pages list: (address, capture time) of each page."""
    urls: list[tuple[str, str]] = []
    for entry in _PAGES:
        if entry not in names:
            continue
        with archive.open(entry) as stream:
            for line in stream:
                try:
                    page = json.loads(line)
                except ValueError:
                    continue
                if isinstance(page, dict) and page.get("url") and "format" not in page:
                    urls.append((str(page["url"]), str(page.get("ts", ""))))
    return urls
