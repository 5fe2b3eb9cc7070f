"""The front door to an archive on disk. Nothing else opens its database or its index.

>>> with Archive.open("~/Research/Karabakh") as archive:
...     report = archive.import_paths(["~/Downloads/articles"])
...     results = archive.search("Stepanakert")
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any, Unpack

from archive_app.core.changes import Change
from archive_app.core.db import DATABASE_NAME, Database, translate_error
from archive_app.core.errors import ArchiveError, NoArchiveError
from archive_app.core.extraction import DEFAULT_TIMEOUT, ExtractionPool
from archive_app.core.import_report import ImportReport
from archive_app.core.importing import DEFAULT_MAX_EXTRACT_BYTES, ImportSession
from archive_app.core.index import IndexLag, SearchIndex
from archive_app.core.lazy import made_on_first_use
from archive_app.core.lock import LOCK_NAME, ArchiveLock
from archive_app.core.messages import QT_TRANSLATE_NOOP, Message
from archive_app.core.model import Source
from archive_app.core.ocr import TextRecognition
from archive_app.core.progress import CancelToken, ProgressCallback
from archive_app.core.sources import load_source, update_fields
from archive_app.core.store import OriginalStore
from archive_app.core.thumbnails import thumbnail_path

if TYPE_CHECKING:
    from archive_app.core.aliases import Aliases
    from archive_app.core.annotations import Annotations
    from archive_app.core.audit import AuditTrail
    from archive_app.core.events import Events
    from archive_app.core.listing import Listing
    from archive_app.core.perspectives import Perspectives
    from archive_app.core.places import Places
    from archive_app.core.research import Assignments
    from archive_app.core.reuse import Reuse
    from archive_app.core.saved_searches import SavedSearches
    from archive_app.core.search.gazetteer import Gazetteer
    from archive_app.core.search.service import Hit, SearchOptions, SearchResults, SearchService
    from archive_app.core.tags import Tags
    from archive_app.core.trash import Trash
    from archive_app.core.verification import Verification

log = logging.getLogger(__name__)

ORIGINALS = "originals"
DERIVED = "derived"
INDEX = "index"


class Archive:
    """An open archive. Make one with :meth:`open`; it holds the archive's lock until closed."""

    def __init__(
        self,
        path: Path,
        lock: ArchiveLock,
        database: Database,
        index: SearchIndex,
        pool: ExtractionPool,
    ) -> None:
        self.path = path
        self._lock = lock
        self.database = database
        self.store = OriginalStore(path / ORIGINALS)
        self.derived = path / DERIVED
        self.index = index
        self.pool = pool
        self.max_extract_bytes = DEFAULT_MAX_EXTRACT_BYTES
        self._closed = False
        # OCR: scans and photographed documents, read in the worker pool after an import.
        self.ocr = TextRecognition(database, self.store, index, pool)

    # The archive's other parts are made when first used (their modules imported then too):
    # ``archive-app import`` needs none of them before its first file is read.

    # The research model: each call returns an undoable Change; search shows it at once, or,
    # behind an import's backlog, as soon as the index catches up (see index_lag).

    @made_on_first_use
    def events(self) -> Events:
        from archive_app.core.events import Events

        return Events(self.database, self._index_now)

    @made_on_first_use
    def perspectives(self) -> Perspectives:
        from archive_app.core.perspectives import Perspectives

        return Perspectives(self.database, self._index_now)

    @made_on_first_use
    def tags(self) -> Tags:
        from archive_app.core.tags import Tags

        return Tags(self.database, self._index_now)

    @made_on_first_use
    def assignments(self) -> Assignments:
        from archive_app.core.research import Assignments

        return Assignments(self.database, self._index_now)

    @made_on_first_use
    def annotations(self) -> Annotations:
        from archive_app.core.annotations import Annotations

        return Annotations(self.database, self._index_now)

    # Search. Aliases and saved searches are read when a query runs: no reindex needed.

    @made_on_first_use
    def aliases(self) -> Aliases:
        from archive_app.core.aliases import Aliases

        return Aliases(self.database)

    @made_on_first_use
    def gazetteer(self) -> Gazetteer:
        from archive_app.core.search.gazetteer import Gazetteer, gazetteer_path

        return Gazetteer(gazetteer_path(), self.database)

    @made_on_first_use
    def listing(self) -> Listing:
        from archive_app.core.listing import Listing

        return Listing(self.database)

    @made_on_first_use
    def saved_searches(self) -> SavedSearches:
        from archive_app.core.saved_searches import SavedSearches

        return SavedSearches(self.database, self.search)

    @made_on_first_use
    def reuse(self) -> Reuse:
        """The same photo or story elsewhere in the archive (perceptual fingerprints, MinHash)."""
        from archive_app.core.reuse import Reuse

        return Reuse(self.database, self.store, self.derived)

    # Evidence: the audit trail, the trash, grades, sensitivity and places.

    @made_on_first_use
    def audit(self) -> AuditTrail:
        from archive_app.core.audit import AuditTrail

        return AuditTrail(self.database)

    @made_on_first_use
    def trash(self) -> Trash:
        from archive_app.core.trash import Trash

        return Trash(self.database, self._index_now, self.store, self.derived)

    @made_on_first_use
    def verification(self) -> Verification:
        from archive_app.core.verification import Verification

        return Verification(self.database, self._index_now)

    @made_on_first_use
    def places(self) -> Places:
        from archive_app.core.places import Places

        return Places(self.database, self._index_now, self.gazetteer)

    @classmethod
    def open(
        cls,
        path: str | Path,
        *,
        create: bool = True,
        read_only: bool = False,
        progress: ProgressCallback | None = None,
        cancel: CancelToken | None = None,
        extraction_timeout: float = DEFAULT_TIMEOUT,
        workers: int | None = None,
        pool: ExtractionPool | None = None,
    ) -> Archive:
        """Open the archive at ``path``, creating it if the folder is new or empty.

        Raises :class:`ArchiveLockedError` if another program has it open, and
        :class:`ArchiveError` for a folder that holds other things. If the index is behind the
        database (a crash between the two), it is caught up before this returns; if it must be
        rebuilt, ``progress`` hears of it and ``cancel`` may stop it (:class:`CancelledError`).

        ``read_only`` opens an existing archive beside the program that has it open (the
        window): the database and the index are read as they stand, and every write is refused
        with :class:`ReadOnlyError`. It never creates an archive (:class:`NoArchiveError`).

        ``pool``: extraction workers started already (the archive closes them), instead of a
        pool of ``workers`` with ``extraction_timeout``.
        """
        folder = Path(path).expanduser().resolve()
        _check_folder(folder, create and not read_only)
        folder.mkdir(parents=True, exist_ok=True)
        lock = ArchiveLock(folder)
        if not read_only:
            lock.acquire()
        database: Database | None = None
        try:
            database = Database.open(folder / DATABASE_NAME, read_only=read_only)
            if not read_only:
                OriginalStore(folder / ORIGINALS).remove_leftovers()
            index = SearchIndex(folder / INDEX, database)
            index.open(progress, cancel)
        except BaseException as error:
            if database is not None:
                database.close()
            lock.release()
            if isinstance(error, OSError):
                raise translate_error(error, folder) from error
            raise
        if pool is None:
            pool = ExtractionPool(workers=workers, timeout=extraction_timeout)
        return cls(folder, lock, database, index, pool)

    @property
    def is_open(self) -> bool:
        """False once :meth:`close` ran (a timer of a closing window may still ask)."""
        return not self._closed

    def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        self.pool.close()
        self.ocr.close()
        try:
            self.index.close()
        finally:
            self.database.close()
            self._lock.release()

    def __enter__(self) -> Archive:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    # Sources

    def import_paths(
        self,
        paths: Iterable[str | Path],
        progress: ProgressCallback | None = None,
        cancel: CancelToken | None = None,
        *,
        let_workers_go: bool = False,
    ) -> ImportReport:
        """Import files and folders (recursively). Failures are reported per file, never
        raised; the other files are still imported. ``let_workers_go``: no import follows (the
        command line), so the extraction workers stop as soon as the files are read, while the
        index catches up, instead of staying ready for the next import."""
        session = ImportSession(
            self.database,
            self.store,
            self.derived,
            self.index,
            self.pool,
            max_extract_bytes=self.max_extract_bytes,
            progress=progress,
            cancel=cancel,
            let_workers_go=let_workers_go,
        )
        report = session.run([Path(p).expanduser() for p in paths])
        self.ocr.read_new_scans(report.new_source_ids, progress, cancel)
        return report

    def get(self, source_id: int) -> Source:
        return load_source(self.database, source_id)

    def source_ids(self) -> list[int]:
        return [int(row[0]) for row in self.database.query("SELECT id FROM sources ORDER BY id")]

    def count_sources(self) -> int:
        return int(str(self.database.scalar("SELECT count(*) FROM sources")))

    def update_source(self, source_id: int, *, reason: str = "", **fields: Any) -> Change:
        """Edit metadata (title, authors, site_name, source_url, published, language, notes)."""
        return update_fields(self.database, self._index_now, source_id, fields, reason=reason)

    def delete_sources(self, source_ids: Iterable[int], *, reason: str = "") -> Change:
        """Move sources to the trash with their annotations, labels and captions; undoing the
        change restores them. Their originals stay until the trash is emptied."""
        return self.trash.move(source_ids, reason=reason)

    def original_path(self, source: Source) -> Path:
        return self.store.path_for(source.provenance.sha256, source.provenance.original_ext)

    def thumbnail_path(self, source: Source) -> Path | None:
        path = thumbnail_path(self.derived, source.provenance.sha256)
        return path if path.exists() else None

    # Search

    @made_on_first_use
    def searching(self) -> SearchService:
        """The search service: ``archive-app import`` never searches, and does not load it (nor
        numpy with it) before its workers can start."""
        from archive_app.core.search.service import SearchService

        return SearchService(self.database, self.index, self.aliases, self.gazetteer)

    def search(self, query: str, **options: Unpack[SearchOptions]) -> SearchResults:
        """Search the archive: hits ``offset`` to ``offset + limit`` of ``query`` narrowed by
        the filters (see :meth:`archive_app.core.search.service.SearchService.run`). A query
        that cannot be parsed is searched as plain words, never an error."""
        return self.searching.run(query, **options)

    def similar(self, source_id: int, limit: int = 10) -> list[Hit]:
        """The sources closest to ``source_id`` in content ("more like this"), best first."""
        return self.searching.similar(source_id, limit=limit)

    def alias_names(self, name: str) -> list[str]:
        """The other names in ``name``'s alias group (Stepanakert → Khankendi, Xankəndi),
        matching ``name`` as search matches words: case and accents do not count."""
        return self.aliases.other_names(name)

    # Upkeep

    def reindex(
        self, progress: ProgressCallback | None = None, cancel: CancelToken | None = None
    ) -> None:
        """Rebuild the whole index from the database."""
        self.index.rebuild(progress, cancel)

    @property
    def index_lag(self) -> IndexLag:
        """How far search is behind the database (an import's backlog, or an index that
        could not take a change): a warning to show, never a failed change."""
        return self.index.lag

    def _index_now(self) -> None:
        """Index what an edit queued: in search at once when the index is idle, without
        waiting behind an import's backlog."""
        self.index.index_edit()


def _check_folder(folder: Path, create: bool) -> None:
    if folder.exists() and not folder.is_dir():
        raise ArchiveError(
            Message(
                QT_TRANSLATE_NOOP(
                    "core",
                    "{folder} is a file, not an archive folder.",
                ),
                folder=str(folder),
            )
        )
    is_archive = (folder / DATABASE_NAME).exists()
    if is_archive:
        return
    if not create:
        raise NoArchiveError(
            Message(
                QT_TRANSLATE_NOOP(
                    "core",
                    "There is no archive at {folder}. Importing files (`archive-app import`) "
                    "or opening the window there makes one.",
                ),
                folder=str(folder),
            )
        )
    if folder.exists() and any(p.name not in {LOCK_NAME} for p in folder.iterdir()):
        raise ArchiveError(
            Message(
                QT_TRANSLATE_NOOP(
                    "core",
                    "{folder} already holds other files and is not an archive. Choose an "
                    "empty folder for a new archive, or an existing archive.",
                ),
                folder=str(folder),
            )
        )
