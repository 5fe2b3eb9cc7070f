"""An import, as data flows: find files → sniff → dedupe by SHA-256 → extract in the worker
pool → store the original → one transaction → index in batches → a per-file report.

The import runs on the caller's thread (the window's background task, or the command line),
which is the one writer; worker processes do the extracting meanwhile.
"""

from __future__ import annotations

import dataclasses
import logging
import os
import sqlite3
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from archive_app.core.audit import import_facts, record
from archive_app.core.db import Database
from archive_app.core.errors import ArchiveError, DiskFullError, ImportFailure
from archive_app.core.extraction import ExtractionPool, ExtractionResult, ExtractionTask
from archive_app.core.index import SearchIndex, queue_for_index
from archive_app.core.progress import CancelToken, ProgressCallback, is_cancelled, report_progress
from archive_app.core.sources import insert_captions, insert_source
from archive_app.core.store import FileDigest, OriginalStore, digest_file, normalized_suffix
from archive_app.core.thumbnails import thumbnail_path
from archive_app.importers import importer_version
from archive_app.importers.document import ExtractedDocument, SourceKind
from archive_app.importers.sniff import (
    HTML_SUFFIXES,
    IMAGE_SUFFIXES,
    MARKDOWN_SUFFIXES,
    SNIFF_BYTES,
    TEXT_SUFFIXES,
    FileType,
    sniff,
)

log = logging.getLogger(__name__)

Status = Literal["imported", "duplicate", "failed"]
KIND_OF_TYPE: dict[FileType, SourceKind] = {
    "html": "article",
    "pdf": "pdf",
    "image": "image",
    "text": "text",
}
DEFAULT_MAX_EXTRACT_BYTES = 512 << 20
_READABLE = "web pages (.html), PDFs, photos (JPEG, PNG, TIFF, WebP, GIF) and text (.txt, .md)"


@dataclass(frozen=True)
class FileOutcome:
    """What happened to one file. ``images`` are the image sources imported from a saved
    page's folder along with it."""

    path: str
    status: Status
    source_id: int | None = None
    kind: str | None = None
    title: str = ""
    error: str = ""
    duplicate_of: int | None = None
    images: tuple[int, ...] = ()

    def to_json(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "status": self.status,
            "id": self.source_id if self.status == "imported" else self.duplicate_of,
            "kind": self.kind,
            "title": self.title,
            "error": self.error or None,
            "images": list(self.images),
        }


@dataclass
class ImportReport:
    outcomes: list[FileOutcome] = field(default_factory=list)
    cancelled: bool = False
    not_attempted: int = 0
    stopped_by: str = ""

    def _with(self, status: Status) -> list[FileOutcome]:
        return [outcome for outcome in self.outcomes if outcome.status == status]

    @property
    def imported(self) -> list[FileOutcome]:
        return self._with("imported")

    @property
    def duplicates(self) -> list[FileOutcome]:
        return self._with("duplicate")

    @property
    def failed(self) -> list[FileOutcome]:
        return self._with("failed")

    @property
    def new_source_ids(self) -> list[int]:
        ids: list[int] = []
        for outcome in self.imported:
            assert outcome.source_id is not None
            ids.append(outcome.source_id)
            ids.extend(outcome.images)
        return ids

    def summary(self) -> str:
        parts = [f"{len(self.imported)} imported"]
        if self.duplicates:
            parts.append(f"{len(self.duplicates)} already in the archive")
        if self.failed:
            parts.append(f"{len(self.failed)} failed")
        if self.cancelled:
            parts.append(f"cancelled with {self.not_attempted} not imported")
        elif self.not_attempted:
            parts.append(f"{self.not_attempted} not attempted")
        return ", ".join(parts)


@dataclass
class _Candidate:
    path: Path
    file_type: FileType
    digest: FileDigest
    parent: tuple[int, int] | None = None  # (article source id, figure index) for page images


class ImportSession:
    """One run of :meth:`Archive.import_paths`."""

    def __init__(
        self,
        database: Database,
        store: OriginalStore,
        derived: Path,
        index: SearchIndex,
        pool: ExtractionPool,
        *,
        max_extract_bytes: int = DEFAULT_MAX_EXTRACT_BYTES,
        progress: ProgressCallback | None = None,
        cancel: CancelToken | None = None,
    ) -> None:
        self.database = database
        self.store = store
        self.derived = derived
        self.index = index
        self.pool = pool
        self.max_extract_bytes = max_extract_bytes
        self.progress = progress
        self.cancel = cancel
        self.report = ImportReport()
        self._total = 0
        self._candidates: dict[int, _Candidate] = {}
        self._first_of_digest: dict[str, int] = {}
        self._waiting_duplicates: dict[int, list[Path]] = {}
        self._article_images: dict[int, list[int]] = {}
        self._pending_articles: dict[int, FileOutcome] = {}

    def run(self, paths: Iterable[Path | str]) -> ImportReport:
        report_progress(self.progress, 0, 0, "Looking for files")
        archive_folder = self.store.root.parent
        files = list(_collect_files([Path(p) for p in paths], archive_folder, self._record))
        self._total = len(files) + len(self.report.outcomes)
        tasks: deque[ExtractionTask] = deque()
        for path in files:
            if is_cancelled(self.cancel):
                break
            self._prepare(path, tasks)
        try:
            for result in self.pool.run(tasks, self.cancel):
                self._finish(result, tasks)
        except DiskFullError as error:
            self.report.stopped_by = error.message
        finally:
            self.index.notify()
        self._flush_pending_articles()
        self.report.cancelled = is_cancelled(self.cancel)
        self.report.not_attempted = self._total - len(self.report.outcomes)
        try:
            self.index.wait_until_indexed()
        except ArchiveError as error:  # the sources are stored; only the index lags behind
            self.report.stopped_by = self.report.stopped_by or error.message
        return self.report

    # Before extraction

    def _prepare(self, path: Path, tasks: deque[ExtractionTask]) -> None:
        try:
            with path.open("rb") as handle:
                head = handle.read(SNIFF_BYTES)
                size = os.fstat(handle.fileno()).st_size
            if size == 0:
                raise ImportFailure("The file is empty.")
            file_type = sniff(head, path.suffix.lower())
            if file_type is None:
                raise ImportFailure(_unsupported_reason(path))
            digest = digest_file(path)
        except ImportFailure as failure:
            self._record(FileOutcome(str(path), "failed", error=failure.message))
            return
        except OSError as error:
            self._record(FileOutcome(str(path), "failed", error=_os_reason(error)))
            return
        existing = self._source_with(digest)
        if existing is not None:
            self._record(
                FileOutcome(
                    str(path),
                    "duplicate",
                    duplicate_of=existing[0],
                    kind=existing[1],
                    title=existing[2],
                )
            )
            return
        first = self._first_of_digest.get(digest.sha256)
        if first is not None:
            self._waiting_duplicates.setdefault(first, []).append(path)
            return
        key = len(self._candidates)
        self._candidates[key] = _Candidate(path, file_type, digest)
        self._first_of_digest[digest.sha256] = key
        if size > self.max_extract_bytes:
            unread = ExtractionResult(
                key,
                document=_too_large(file_type, path, size),
                importer_version=importer_version(file_type),
            )
            self._finish(unread, tasks)
            return
        tasks.append(ExtractionTask(key, path, file_type))

    # After extraction

    def _finish(self, result: ExtractionResult, tasks: deque[ExtractionTask]) -> None:
        candidate = self._candidates[result.key]
        if result.bug:
            log.error("importer bug on %s:\n%s", candidate.path, result.bug)
            outcome = FileOutcome(
                str(candidate.path),
                "failed",
                error="The importer failed with an internal error (a bug; the details are in "
                "the log).",
            )
        elif result.document is None:
            outcome = FileOutcome(str(candidate.path), "failed", error=result.error)
        else:
            outcome = self._store(candidate, result.document, result.importer_version, tasks)
        if candidate.parent is not None:
            self._finish_page_image(result.key, candidate.parent[0], outcome)
            return
        if outcome.status == "imported" and outcome.source_id in self._article_images:
            self._pending_articles[outcome.source_id] = outcome
            self._report_duplicates_of(result.key, outcome)
            return
        self._record(outcome)
        self._report_duplicates_of(result.key, outcome)

    def _store(
        self,
        candidate: _Candidate,
        document: ExtractedDocument,
        version: str,
        tasks: deque[ExtractionTask],
    ) -> FileOutcome:
        suffix = normalized_suffix(candidate.path.name)
        try:
            self.store.add(candidate.path, candidate.digest, suffix)
            if document.thumbnail:
                self.store.write_derived(
                    thumbnail_path(self.derived, candidate.digest.sha256), document.thumbnail
                )
            with self.database.transaction() as connection:
                source_id = insert_source(
                    connection,
                    document,
                    digest=candidate.digest,
                    original_name=candidate.path.name,
                    original_ext=suffix,
                    importer_version=version,
                    has_thumbnail=bool(document.thumbnail),
                )
                insert_captions(connection, source_id, document, {})
                record(
                    connection,
                    action="import",
                    description=f"Imported {candidate.path.name}",
                    source_ids=[source_id],
                    changes=[import_facts(candidate.path, candidate.digest, version)],
                )
                if candidate.parent is not None:
                    _link_figure(connection, *candidate.parent, source_id)
        except DiskFullError:
            raise
        except ArchiveError as error:
            return FileOutcome(str(candidate.path), "failed", error=error.message)
        except OSError as error:
            return FileOutcome(str(candidate.path), "failed", error=_os_reason(error))
        self.index.notify()
        if document.kind == "article":
            self._queue_page_images(source_id, document, tasks)
        return FileOutcome(
            str(candidate.path),
            "imported",
            source_id=source_id,
            kind=document.kind,
            title=document.title,
        )

    def _queue_page_images(
        self, article_id: int, document: ExtractedDocument, tasks: deque[ExtractionTask]
    ) -> None:
        """A saved page's own image files become image sources linked to its figures."""
        first_figure = len(document.captions)
        for index, image in enumerate(document.images):
            if not image.local_path:
                continue
            path = Path(image.local_path)
            position = first_figure + index
            try:
                digest = digest_file(path)
            except OSError:
                continue
            existing = self._source_with(digest)
            if existing is not None:
                with self.database.transaction() as connection:
                    _link_figure(connection, article_id, position, existing[0])
                continue
            key = len(self._candidates)
            self._candidates[key] = _Candidate(path, "image", digest, parent=(article_id, position))
            self._article_images.setdefault(article_id, []).append(key)
            tasks.appendleft(ExtractionTask(key, path, "image"))

    def _finish_page_image(self, key: int, article_id: int, outcome: FileOutcome) -> None:
        waiting = self._article_images[article_id]
        waiting.remove(key)
        if outcome.status == "imported":
            assert outcome.source_id is not None
            article = self._pending_articles.get(article_id)
            if article is not None:
                self._pending_articles[article_id] = dataclasses.replace(
                    article, images=(*article.images, outcome.source_id)
                )
        else:
            log.info("a saved page's image %s was not imported: %s", outcome.path, outcome.error)
        if not waiting:
            del self._article_images[article_id]
            finished = self._pending_articles.pop(article_id, None)
            if finished is not None:
                self._record(finished)

    def _flush_pending_articles(self) -> None:
        for outcome in self._pending_articles.values():
            self._record(outcome)
        self._pending_articles.clear()

    def _report_duplicates_of(self, key: int, outcome: FileOutcome) -> None:
        for path in self._waiting_duplicates.pop(key, []):
            if outcome.status == "imported":
                self._record(
                    FileOutcome(
                        str(path),
                        "duplicate",
                        duplicate_of=outcome.source_id,
                        kind=outcome.kind,
                        title=outcome.title,
                    )
                )
            else:
                self._record(FileOutcome(str(path), "failed", error=outcome.error))

    def _record(self, outcome: FileOutcome) -> None:
        self.report.outcomes.append(outcome)
        report_progress(
            self.progress,
            len(self.report.outcomes),
            max(self._total, len(self.report.outcomes)),
            Path(outcome.path).name,
            outcome,
        )

    def _source_with(self, digest: FileDigest) -> tuple[int, str, str] | None:
        """The id, kind and title of the source already holding these bytes, if any."""
        row = self.database.query_one(
            "SELECT id, kind, title FROM sources WHERE sha256 = ?", (digest.sha256,)
        )
        return None if row is None else (int(row[0]), str(row[1]), str(row[2]))


def _link_figure(
    connection: sqlite3.Connection, article_id: int, position: int, image_id: int
) -> None:
    """Point an article's figure at the image source of its saved file."""
    connection.execute(
        "UPDATE captions SET image_source_id = ? WHERE source_id = ? AND position = ?",
        (image_id, article_id, position),
    )
    queue_for_index(connection, [image_id])


def _collect_files(paths: list[Path], archive_folder: Path, record: Any) -> Iterator[Path]:
    """Files under ``paths`` in a stable order. A folder saved with a web page is left to its
    page, and the archive's own folder is never walked (importing a folder that holds it)."""
    for path in paths:
        if path.is_dir():
            yield from _walk(path, archive_folder, record)
        elif path.is_file():
            yield path
        elif path.exists():
            record(FileOutcome(str(path), "failed", error="This is not a regular file."))
        else:
            record(
                FileOutcome(str(path), "failed", error="There is no file or folder at this path.")
            )


def _walk(folder: Path, archive_folder: Path, record: Any) -> Iterator[Path]:
    def on_error(error: OSError) -> None:
        record(FileOutcome(str(error.filename or folder), "failed", error=_os_reason(error)))

    if folder.resolve() == archive_folder:
        return
    for root, dirs, files in os.walk(folder, onerror=on_error):
        page_stems = {
            Path(name).stem for name in files if Path(name).suffix.lower() in HTML_SUFFIXES
        }
        dirs[:] = sorted(
            d
            for d in dirs
            if not d.startswith(".")
            and not _is_saved_page_folder(d, page_stems)
            and (Path(root) / d).resolve() != archive_folder
        )
        for name in sorted(files):
            if not name.startswith("."):
                yield Path(root) / name


def _is_saved_page_folder(name: str, page_stems: set[str]) -> bool:
    for marker in ("_files", "-Dateien", "_archivos", "_fichiers", "-filer"):
        if name.endswith(marker) and name[: -len(marker)] in page_stems:
            return True
    return False


def _unsupported_reason(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix in HTML_SUFFIXES | TEXT_SUFFIXES | MARKDOWN_SUFFIXES | IMAGE_SUFFIXES | {".pdf"}:
        return (
            f"The file is named {suffix} but its content is not what that name says; "
            f"the archive reads {_READABLE}."
        )
    kind = f"'{suffix}' files" if suffix else "files of this kind"
    return f"The archive does not read {kind}. It reads {_READABLE}."


def _os_reason(error: OSError) -> str:
    if isinstance(error, PermissionError):
        return "The file cannot be read: permission denied."
    return f"The file cannot be read: {error.strerror or error}."


def _too_large(file_type: FileType, path: Path, size: int) -> ExtractedDocument:
    """A file too large to read is still kept, with its name as title and a note why."""
    return ExtractedDocument(
        kind=KIND_OF_TYPE[file_type],
        title=path.stem.replace("_", " "),
        notes=[
            f"The file is {size / (1 << 30):.1f} GB, too large to read its contents; "
            "the original is kept but its text is not searchable."
        ],
    )
