"""An import, as data flows: find files → sniff → dedupe by SHA-256 → extract in the worker
pool → store the original → one transaction → index in batches → a per-file report.

The import runs on the caller's thread (the window's background task, or the command line),
which is the one writer; worker processes do the extracting meanwhile.
"""

from __future__ import annotations

import dataclasses
import logging
import os
import shutil
import tempfile
import time
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from archive_app.core.captures import (
    Container,
    container_ext,
    source_of_container,
)
from archive_app.core.db import Database
from archive_app.core.errors import ArchiveError, DiskFullError, ImportFailure
from archive_app.core.extraction import ExtractionPool, ExtractionResult, ExtractionTask
from archive_app.core.import_files import collect_files, os_reason, too_large, unsupported_reason
from archive_app.core.import_report import FileOutcome, ImportReport
from archive_app.core.index import SearchIndex
from archive_app.core.keeping import KeptFile, keep_source, link_figure
from archive_app.core.messages import QT_TRANSLATE_NOOP, Message
from archive_app.core.page_photos import PagePhoto
from archive_app.core.progress import CancelToken, ProgressCallback, is_cancelled, report_progress
from archive_app.core.references import import_references
from archive_app.core.store import FileDigest, OriginalStore, digest_file, normalized_suffix
from archive_app.importers import importer_version
from archive_app.importers.document import ExtractedDocument, SourceKind
from archive_app.importers.references import ReferenceFormat, reference_format
from archive_app.importers.sniff import (
    SNIFF_BYTES,
    STREAMED_TYPES,
    FileType,
    sniff,
)

log = logging.getLogger(__name__)

__all__ = [
    "DEFAULT_MAX_EXTRACT_BYTES",
    "KIND_OF_TYPE",
    "FileOutcome",
    "ImportReport",
    "ImportSession",
]

KIND_OF_TYPE: dict[FileType, SourceKind] = {
    "html": "article",
    "pdf": "pdf",
    "image": "image",
    "text": "text",
    "mhtml": "article",
    "singlefile": "article",
    "warc": "article",
    "wacz": "article",
}
DEFAULT_MAX_EXTRACT_BYTES = 512 << 20
WRITE_BATCH = 32
"""Extracted files kept at once: their originals flushed to disk together (waiting for the
disk once per file cost more than extracting it), their sources recorded in few transactions."""
TRANSACTION_SECONDS = 0.03
"""The longest an import holds the database at a time: an edit made meanwhile waits no
longer."""
ROOM_PER_TRANSACTION = 0.25
"""The share of the disk's free space the texts of one transaction may take: with room to
spare it changes nothing, and on a disk about to fill up each file is recorded alone, so a full
disk stops the import after every file that fit, not before a whole batch of them."""


@dataclass
class _Candidate:
    path: Path
    file_type: FileType
    digest: FileDigest
    page: PagePhoto | None = None  # for a photo saved with a page: what the page says of it
    original_name: str = ""
    container: Container | None = None  # the web archive a page was read from
    address: str = ""  # where a web capture's photo was fetched from

    @property
    def name(self) -> str:
        return self.original_name or self.path.name


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
        let_workers_go: bool = False,
    ) -> None:
        self.database = database
        self.store = store
        self.derived = derived
        self.index = index
        self.pool = pool
        self.max_extract_bytes = max_extract_bytes
        self.progress = progress
        self.cancel = cancel
        self.let_workers_go = let_workers_go
        """Close the pool once every file is read, while the index catches up (for a program
        that imports once and ends: the workers' and the fork server's exit then costs no
        time of its own)."""
        self.report = ImportReport()
        self._total = 0
        self._candidates: dict[int, _Candidate] = {}
        self._first_of_digest: dict[str, int] = {}
        self._waiting_duplicates: dict[int, list[Path]] = {}
        self._article_images: dict[int, list[int]] = {}
        self._pending_articles: dict[int, FileOutcome] = {}
        self._spill: Path | None = None
        self._held: list[FileOutcome] | None = None  # a batch's outcomes, until it commits
        # picture SHA-256 → the further figures (article id, position) waiting for it
        self._shared_images: dict[str, list[tuple[int, int]]] = {}

    def run(self, paths: Iterable[Path | str]) -> ImportReport:
        """Import ``paths``; what web captures hold is spilled to a temporary folder that is
        removed when the import ends."""
        with tempfile.TemporaryDirectory(prefix="archive-app-import-") as spill:
            self._spill = Path(spill)
            return self._run(paths)

    def _run(self, paths: Iterable[Path | str]) -> ImportReport:
        report_progress(
            self.progress, 0, 0, Message(QT_TRANSLATE_NOOP("core", "Looking for files"))
        )
        archive_folder = self.store.root.parent
        files = list(collect_files([Path(p) for p in paths], archive_folder, self._fail))
        self._total = len(files) + len(self.report.outcomes)
        self.pool.start(len(files))
        tasks: deque[ExtractionTask] = deque()
        for path in files:
            if is_cancelled(self.cancel):
                break
            self._prepare(path, tasks)
        try:
            for batch in self.pool.run_in_batches(tasks, self.cancel, WRITE_BATCH):
                self._keep_batch(batch, tasks)
        except DiskFullError as error:
            self.report.stopped_by = error.message
        finally:
            self.index.notify(at_once=True)
        if self.let_workers_go:
            self.pool.close()
        self._flush_pending_articles()
        self.report.cancelled = is_cancelled(self.cancel)
        self.report.not_attempted = max(0, self._total - len(self.report.outcomes))
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
                raise ImportFailure(Message(QT_TRANSLATE_NOOP("core", "The file is empty.")))
            references = reference_format(head, path.suffix.lower())
            if references is not None:
                self._import_references(path, references, tasks)
                return
            file_type = sniff(head, path.suffix.lower())
            if file_type is None:
                raise ImportFailure(unsupported_reason(path))
            digest = digest_file(path)
        except ImportFailure as failure:
            self._record(FileOutcome(str(path), "failed", error=failure.message))
            return
        except OSError as error:
            self._record(FileOutcome(str(path), "failed", error=os_reason(error)))
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
        if size > self.max_extract_bytes and file_type not in STREAMED_TYPES:
            unread = ExtractionResult(
                key,
                document=too_large(KIND_OF_TYPE[file_type], path, size),
                importer_version=importer_version(file_type),
            )
            self._finish(unread, tasks)
            return
        assert self._spill is not None
        tasks.append(ExtractionTask(key, path, file_type, spill=self._spill / str(key)))

    def _import_references(
        self, path: Path, file_format: ReferenceFormat, tasks: deque[ExtractionTask]
    ) -> None:
        """A reference list makes a row per record; the files its records name come next."""
        result = import_references(self.database, self.store, self.index, path, file_format)
        self._total += len(result.outcomes) + len(result.attachments) - 1
        for outcome in result.outcomes:
            self._record(
                FileOutcome(
                    outcome.label,
                    outcome.status,
                    source_id=outcome.source_id if outcome.status == "imported" else None,
                    duplicate_of=outcome.source_id if outcome.status == "duplicate" else None,
                    kind="reference",
                    title=outcome.title,
                )
            )
        for attachment in result.attachments:
            self._prepare(attachment, tasks)

    # After extraction

    def _keep_batch(self, batch: list[ExtractionResult], tasks: deque[ExtractionTask]) -> None:
        """Keep a batch of extracted files: their originals stored and flushed to disk at once,
        then their sources recorded in a few transactions. When the batch's originals cannot
        all be stored (a full disk, say), its files are kept one by one: each that cannot be
        fails with its own reason, and a full disk stops the import after those that fit."""
        try:
            self.store.add_all(self._originals_of(batch))
        except ArchiveError:
            for result in batch:
                self._finish(result, tasks)
            self.index.notify()
            return
        remaining = deque(batch)
        while remaining:
            self._record_in_one_transaction(remaining, tasks)
        self.index.notify(at_once=True)

    def _record_in_one_transaction(
        self, remaining: deque[ExtractionResult], tasks: deque[ExtractionTask]
    ) -> None:
        """Record sources of a batch in one transaction, until it has taken
        :data:`TRANSACTION_SECONDS` or holds texts as large as a :data:`ROOM_PER_TRANSACTION`
        of the disk's free space. Their outcomes are reported once it has committed; if it
        fails, none of them is kept or reported: on a disk about to fill up, that is one file,
        the one that did not fit."""
        pending_before = set(self._pending_articles)
        self._held = []
        started = time.monotonic()
        room = self._room_for_texts()
        try:
            with self.database.transaction():
                while remaining and time.monotonic() - started < TRANSACTION_SECONDS:
                    room -= _text_bytes(remaining[0])
                    self._finish(remaining.popleft(), tasks)
                    if room < 0:
                        break
        except BaseException:
            for article_id in set(self._pending_articles) - pending_before:
                del self._pending_articles[article_id]
            raise
        finally:
            held, self._held = self._held or [], None
        for outcome in held:
            self._record(outcome)

    def _room_for_texts(self) -> int:
        """How many bytes of text one transaction may record (the database and its journal
        hold each text once or twice more while it commits)."""
        try:
            free = shutil.disk_usage(self.store.root.parent).free
        except OSError:
            return 0
        return int(free * ROOM_PER_TRANSACTION)

    def _originals_of(
        self, batch: list[ExtractionResult]
    ) -> Iterator[tuple[Path, FileDigest, str]]:
        """The files a batch keeps as they are (a web archive's pages are kept one by one)."""
        for result in batch:
            if result.document is not None and not result.bug:
                candidate = self._candidates[result.key]
                yield candidate.path, candidate.digest, normalized_suffix(candidate.path.name)

    def _finish(self, result: ExtractionResult, tasks: deque[ExtractionTask]) -> None:
        candidate = self._candidates[result.key]
        if result.bug:
            log.error("importer bug on %s:\n%s", candidate.path, result.bug)
            outcome = FileOutcome(
                str(candidate.path),
                "failed",
                error=Message(
                    QT_TRANSLATE_NOOP(
                        "core",
                        "The importer failed with an internal error (a bug; the details are in "
                        "the log).",
                    )
                ),
            )
        elif result.pages:
            outcomes = self._store_pages(candidate, result.pages, result.importer_version, tasks)
            for outcome in outcomes:
                self._settle(outcome)
            self._report_duplicates_of(result.key, outcomes[0])
            return
        elif result.document is None:
            outcome = FileOutcome(str(candidate.path), "failed", error=result.error)
        else:
            outcome = self._store(candidate, result.document, result.importer_version, tasks)
        if candidate.page is not None:
            self._finish_page_image(result.key, candidate.page.article_id, outcome)
            return
        self._settle(outcome)
        self._report_duplicates_of(result.key, outcome)

    def _settle(self, outcome: FileOutcome) -> None:
        """Report an outcome, or hold an article's back until its pictures are imported."""
        if outcome.status == "imported" and outcome.source_id in self._article_images:
            self._pending_articles[outcome.source_id] = outcome
        else:
            self._record(outcome)

    def _store_pages(
        self,
        candidate: _Candidate,
        pages: tuple[ExtractedDocument, ...],
        version: str,
        tasks: deque[ExtractionTask],
    ) -> list[FileOutcome]:
        """The pages of a web archive: each page's own bytes become its source's original,
        and the web archive itself is stored once beside them (unless every page was already
        in the archive)."""
        self._total += len(pages) - 1
        container = Container(
            candidate.digest.sha256, container_ext(candidate.path.name), candidate.path.name
        )
        outcomes = []
        container_stored = False
        for page in pages:
            assert page.payload_path is not None
            url = (page.capture or {}).get("url", "")
            page_file = Path(page.payload_path)
            digest = digest_file(page_file)
            existing = self._source_with(digest)
            if existing is not None:
                outcome = FileOutcome(
                    str(candidate.path),
                    "duplicate",
                    duplicate_of=existing[0],
                    kind=existing[1],
                    title=existing[2],
                )
            elif not container_stored and (failure := self._add_container(candidate, container)):
                outcome = failure
            else:
                container_stored = True
                page_candidate = _Candidate(
                    page_file,
                    candidate.file_type,
                    digest,
                    original_name=candidate.path.name,
                    container=container,
                )
                outcome = self._store(page_candidate, page, version, tasks)
            outcomes.append(dataclasses.replace(outcome, path=str(candidate.path), url=url))
        return outcomes

    def _add_container(self, candidate: _Candidate, container: Container) -> FileOutcome | None:
        """Store the web archive file; a failed outcome if it cannot be."""
        try:
            self.store.add(candidate.path, candidate.digest, container.ext)
        except DiskFullError:
            raise
        except ArchiveError as error:
            return FileOutcome(str(candidate.path), "failed", error=error.message)
        return None

    def _store(
        self,
        candidate: _Candidate,
        document: ExtractedDocument,
        version: str,
        tasks: deque[ExtractionTask],
    ) -> FileOutcome:
        if candidate.page is not None:
            document = candidate.page.named(document, candidate.path.name)
        if document.analysed_body is not None:  # before the writer could read the source
            self.index.analysed_ahead.offer(document.body, document.analysed_body)
            document.analysed_body = None
        try:
            document.source_url = document.source_url or candidate.address
            source_id = keep_source(
                self.database,
                self.store,
                self.derived,
                KeptFile(
                    candidate.path,
                    candidate.digest,
                    document,
                    version,
                    original_name=candidate.name,
                    container=candidate.container,
                ),
                figure_of=candidate.page.figure if candidate.page is not None else None,
            )
        except DiskFullError:
            raise
        except ArchiveError as error:
            return FileOutcome(str(candidate.path), "failed", error=error.message)
        except OSError as error:
            return FileOutcome(str(candidate.path), "failed", error=os_reason(error))
        if document.kind == "article":
            self._queue_page_images(source_id, document, tasks)
        return FileOutcome(
            str(candidate.path),
            "imported",
            source_id=source_id,
            kind=document.kind,
            title=document.title,
            url=(document.capture or {}).get("url", ""),
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
                    link_figure(connection, article_id, position, existing[0])
                continue
            if digest.sha256 in self._shared_images:  # another page of the file shows it too
                self._shared_images[digest.sha256].append((article_id, position))
                continue
            self._shared_images[digest.sha256] = []
            key = len(self._candidates)
            self._candidates[key] = _Candidate(
                path,
                "image",
                digest,
                page=PagePhoto.of(article_id, position, document, image),
                address=_web_address(image.src),
            )
            self._article_images.setdefault(article_id, []).append(key)
            tasks.appendleft(ExtractionTask(key, path, "image"))

    def _finish_page_image(self, key: int, article_id: int, outcome: FileOutcome) -> None:
        waiting = self._article_images[article_id]
        waiting.remove(key)
        shared = self._shared_images.pop(self._candidates[key].digest.sha256, [])
        if outcome.status == "imported":
            assert outcome.source_id is not None
            with self.database.transaction() as connection:
                for other_article, position in shared:
                    link_figure(connection, other_article, position, outcome.source_id)
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

    def _fail(self, path: str, reason: str) -> None:
        self._record(FileOutcome(path, "failed", error=reason))

    def _record(self, outcome: FileOutcome) -> None:
        if self._held is not None:
            self._held.append(outcome)
            return
        self.report.outcomes.append(outcome)
        report_progress(
            self.progress,
            len(self.report.outcomes),
            max(self._total, len(self.report.outcomes)),
            Path(outcome.path).name,
            outcome,
        )

    def _source_with(self, digest: FileDigest) -> tuple[int, str, str] | None:
        """The id, kind and title of the source already holding these bytes (or read from the
        web archive with these bytes), if any."""
        row = self.database.query_one(
            "SELECT id, kind, title FROM sources WHERE sha256 = ?", (digest.sha256,)
        )
        if row is None:
            return source_of_container(self.database, digest.sha256)
        return int(row[0]), str(row[1]), str(row[2])


def _web_address(src: str) -> str:
    return src if src.startswith(("http://", "https://")) else ""


def _text_bytes(result: ExtractionResult) -> int:
    """About the bytes a result's texts take in UTF-8 (at most three a character)."""
    documents = [result.document] if result.document is not None else list(result.pages)
    return 3 * sum(len(block.text) for document in documents for block in document.blocks)
