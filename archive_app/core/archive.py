"""The front door to an archive on disk. Nothing else opens its database or its index.

>>> with Archive.open("~/Research/Karabakh") as archive:
...     report = archive.import_paths(["~/Downloads/articles"])
...     results = archive.search("Stepanakert")
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Iterable
from pathlib import Path
from types import TracebackType
from typing import Any

from archive_app.core.aliases import Aliases
from archive_app.core.annotations import Annotations
from archive_app.core.changes import Change
from archive_app.core.db import DATABASE_NAME, Database, translate_error
from archive_app.core.errors import ArchiveError
from archive_app.core.events import Events
from archive_app.core.extraction import DEFAULT_TIMEOUT, ExtractionPool
from archive_app.core.importing import DEFAULT_MAX_EXTRACT_BYTES, ImportReport, ImportSession
from archive_app.core.index import SearchIndex, queue_for_index
from archive_app.core.lock import LOCK_NAME, ArchiveLock
from archive_app.core.model import Source
from archive_app.core.perspectives import Perspectives
from archive_app.core.progress import CancelToken, ProgressCallback
from archive_app.core.research import Assignments
from archive_app.core.saved_searches import SavedSearches
from archive_app.core.search.gazetteer import Gazetteer, gazetteer_path
from archive_app.core.search.service import Hit, SearchResults, SearchService
from archive_app.core.sources import load_source, update_fields
from archive_app.core.store import OriginalStore
from archive_app.core.tags import Tags
from archive_app.core.thumbnails import thumbnail_path

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
        # The research model: each call returns an undoable Change and is searchable at once.
        self.events = Events(database, self._index_now)
        self.perspectives = Perspectives(database, self._index_now)
        self.tags = Tags(database, self._index_now)
        self.assignments = Assignments(database, self._index_now)
        self.annotations = Annotations(database, self._index_now)
        # Search. Aliases and saved searches are read when a query runs: no reindex needed.
        self.aliases = Aliases(database)
        self.gazetteer = Gazetteer(gazetteer_path(), database)
        self.searching = SearchService(database, index, self.aliases, self.gazetteer)
        self.saved_searches = SavedSearches(database, self.search)

    @classmethod
    def open(
        cls,
        path: str | Path,
        *,
        create: bool = True,
        progress: ProgressCallback | None = None,
        cancel: CancelToken | None = None,
        extraction_timeout: float = DEFAULT_TIMEOUT,
        workers: int | None = None,
    ) -> Archive:
        """Open the archive at ``path``, creating it if the folder is new or empty.

        Raises :class:`ArchiveLockedError` if another program has it open, and
        :class:`ArchiveError` for a folder that holds other things. If the index is behind the
        database (a crash between the two), it is caught up before this returns; if it must be
        rebuilt, ``progress`` hears of it and ``cancel`` may stop it (:class:`CancelledError`).
        """
        folder = Path(path).expanduser().resolve()
        _check_folder(folder, create)
        folder.mkdir(parents=True, exist_ok=True)
        lock = ArchiveLock(folder)
        lock.acquire()
        database: Database | None = None
        try:
            database = Database.open(folder / DATABASE_NAME)
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
        pool = ExtractionPool(workers=workers, timeout=extraction_timeout)
        return cls(folder, lock, database, index, pool)

    def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        self.pool.close()
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
    ) -> ImportReport:
        """Import files and folders (recursively). Failures are reported per file, never
        raised; the other files are still imported."""
        session = ImportSession(
            self.database,
            self.store,
            self.derived,
            self.index,
            self.pool,
            max_extract_bytes=self.max_extract_bytes,
            progress=progress,
            cancel=cancel,
        )
        return session.run([Path(p).expanduser() for p in paths])

    def get(self, source_id: int) -> Source:
        return load_source(self.database, source_id)

    def source_ids(self) -> list[int]:
        return [int(row[0]) for row in self.database.query("SELECT id FROM sources ORDER BY id")]

    def count_sources(self) -> int:
        return int(str(self.database.scalar("SELECT count(*) FROM sources")))

    def update_source(self, source_id: int, **fields: Any) -> Change:
        """Edit metadata (title, authors, site_name, source_url, published, language, notes)."""
        return update_fields(self.database, self._index_now, source_id, fields)

    def delete_sources(self, source_ids: Iterable[int]) -> None:
        """Delete sources with their annotations, captions, links and original files."""
        ids = list(source_ids)
        marks = ",".join("?" * len(ids))
        rows = self.database.query(
            f"SELECT id, sha256, original_ext FROM sources WHERE id IN ({marks})", tuple(ids)
        )
        linked_images = self.database.query(
            f"SELECT DISTINCT image_source_id FROM captions WHERE source_id IN ({marks}) "
            f"AND image_source_id IS NOT NULL",
            tuple(ids),
        )
        with self.database.transaction() as connection:
            connection.execute(f"DELETE FROM sources WHERE id IN ({marks})", tuple(ids))
            queue_for_index(connection, [*ids, *(int(row[0]) for row in linked_images)])
        for row in rows:
            self.store.remove(row["sha256"], row["original_ext"])
            with contextlib.suppress(FileNotFoundError):
                thumbnail_path(self.derived, row["sha256"]).unlink()
        self._index_now()

    def original_path(self, source: Source) -> Path:
        return self.store.path_for(source.provenance.sha256, source.provenance.original_ext)

    def thumbnail_path(self, source: Source) -> Path | None:
        path = thumbnail_path(self.derived, source.provenance.sha256)
        return path if path.exists() else None

    # Search

    def search(self, query: str, **options: Any) -> SearchResults:
        """Search the archive; see :meth:`archive_app.core.search.SearchService.run` for options.
        A query that cannot be parsed is searched as plain words, never an error."""
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

    def _index_now(self) -> None:
        """Index what a change queued and wait, so the change is visible in search at once."""
        self.index.notify(wait=True)


def _check_folder(folder: Path, create: bool) -> None:
    if folder.exists() and not folder.is_dir():
        raise ArchiveError(f"{folder} is a file, not an archive folder.")
    is_archive = (folder / DATABASE_NAME).exists()
    if is_archive:
        return
    if not create:
        raise ArchiveError(f"There is no archive at {folder}.")
    if folder.exists() and any(p.name not in {LOCK_NAME} for p in folder.iterdir()):
        raise ArchiveError(
            f"{folder} already holds other files and is not an archive. "
            "Choose an empty folder for a new archive, or an existing archive."
        )
