"""The Whoosh full-text index: its schema, and the one thread that writes to it.

The database is the truth; the index is derived from it and can be deleted and rebuilt at any
time. Every change to a source writes a row into ``index_queue`` in the same transaction as the
change (:func:`queue_for_index`); the writer thread turns queued rows into index documents,
commits, and only then removes the rows. A crash in between leaves rows behind, and opening the
archive catches the index up. Nothing outside ``core/index.py`` and the ``core/search/``
package imports Whoosh.
"""

from __future__ import annotations

import contextlib
import gc
import logging
import shutil
import sqlite3
import threading
import warnings
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from whoosh import index as whoosh_index
from whoosh.columns import NumericColumn, VarBytesColumn
from whoosh.fields import COLUMN, DATETIME, ID, KEYWORD, STORED, TEXT, Schema
from whoosh.searching import Searcher

from archive_app.core.db import Database, translate_error
from archive_app.core.errors import ArchiveError, CancelledError
from archive_app.core.messages import QT_TRANSLATE_NOOP, Message
from archive_app.core.progress import CancelToken, ProgressCallback, report_progress
from archive_app.core.search.ahead import AnalysedAhead
from archive_app.core.search.analysis import content_analyzer, name_analyzer
from archive_app.core.search.committing import CommitWriter
from archive_app.core.search.rebuild import (
    fill,
    highest_id,
    keep_paused_rebuild_current,
    open_rebuilding,
    put_documents,
)
from archive_app.core.search.segments import (
    many_tiny_segments,
    merge_small_segments,
    merge_tiny_segments,
)
from archive_app.core.search.storage import open_index
from archive_app.core.search.writing import OnePassWriter

log = logging.getLogger(__name__)

INDEX_SCHEMA_VERSION = "4"
"""4: words stemmed by their source's language, with cross-script terms and CJK pairs; the
verification, sensitivity and place fields."""
INDEX_SCHEMA_SETTING = "index_schema_version"
BATCH_SIZE = 200
GATHER_SECONDS = 0.1
"""How long the writer waits for more changes before it indexes what is queued (unless someone
waits for it, or they came as a batch: an import's). Short: edits made in a row are indexed
together, soon."""
MERGE_AFTER_COMMITS = 12
IDLE_MERGE_SECONDS = 1.0
"""After small commits, the writer merges their segments once it has had this long with
nothing to do."""


def build_schema() -> Schema:
    """The index's fields. Events, perspectives and tags are indexed by id, so renaming one
    needs no reindex; search turns names into ids.

    The ``*_facet`` and ``date_order`` columns are read per document for facet counts and for
    sorting by date; every document has a value in each (empty, or 0 when undated), because a
    segment without a column reads back another segment's values.
    """
    text = content_analyzer()
    names = name_analyzer()
    return Schema(
        id=ID(stored=True, unique=True, sortable=True),
        kind=ID(stored=True, sortable=True),
        title=TEXT(analyzer=text, stored=True, field_boost=3.0, spelling=True),
        body=TEXT(analyzer=text, stored=True, chars=True, spelling=True),
        caption=TEXT(analyzer=text, stored=True, chars=True, field_boost=2.0, spelling=True),
        note=TEXT(analyzer=text, stored=True, chars=True, spelling=True),
        author=TEXT(analyzer=names, stored=True),
        site=TEXT(analyzer=names, stored=True),
        place=TEXT(analyzer=names, stored=True),
        status=ID,
        reliability=ID,
        credibility=ID,
        sensitive=KEYWORD(commas=True),
        tag=KEYWORD(commas=True),
        event=KEYWORD(commas=True),
        perspective=KEYWORD(commas=True),
        annotation_tag=KEYWORD(commas=True),
        annotation_event=KEYWORD(commas=True),
        annotation_perspective=KEYWORD(commas=True),
        published=DATETIME(stored=True),
        date=STORED(),
        lang=ID(stored=True),
        imported=DATETIME(sortable=True),
        page_starts=STORED(),
        date_order=COLUMN(NumericColumn("Q")),
        year_facet=COLUMN(VarBytesColumn()),
        site_facet=COLUMN(VarBytesColumn()),
        event_facet=COLUMN(VarBytesColumn()),
        perspective_facet=COLUMN(VarBytesColumn()),
        status_facet=COLUMN(VarBytesColumn()),
        reliability_facet=COLUMN(VarBytesColumn()),
    )


def queue_for_index(connection: sqlite3.Connection, source_ids: Iterable[int]) -> None:
    """Mark sources as changed, inside the caller's transaction."""
    connection.executemany(
        "INSERT INTO index_queue (source_id) VALUES (?) "
        "ON CONFLICT (source_id) DO UPDATE SET ticket = ticket + 1",
        [(source_id,) for source_id in source_ids],
    )


class IndexUpdateError(ArchiveError):
    """The index could not take a change; the change is safe in the database and is retried."""


@dataclass(frozen=True)
class IndexLag:
    """How far search is behind the database: a warning, never a failed change."""

    pending: int
    """Sources changed in the database that search does not show as they are yet."""
    problem: str = ""
    """Why the index could not take them ('' when it is only busy catching up)."""

    @property
    def behind(self) -> bool:
        return self.pending > 0 or bool(self.problem)


class SearchIndex:
    """The index folder, a writer thread, and a searcher per reading thread."""

    def __init__(self, folder: Path, database: Database) -> None:
        self.folder = folder
        self.database = database
        self.read_only = database.read_only
        """Opened beside the program that writes the index: read as it stands, never written."""
        self._ix: Any = None
        self._generation = 0
        self._local = threading.local()
        self._searchers: list[Searcher] = []
        self._searchers_lock = threading.Lock()
        self._write_lock = threading.Lock()
        self._wake = threading.Condition()
        self._requested = 0
        self._done = 0
        self._urgent = 0
        self._at_once = 0
        """The last request made :meth:`notify` ``at_once``."""
        self._writing = False
        self._problem = ""
        self._error: Exception | None = None
        self._stopping = False
        self._thread: threading.Thread | None = None
        self._small_commits = 0
        self.behind = ""
        """Why the index could not catch up with the database when it was opened ('' if it
        did): the archive opens all the same, and searches miss what is not indexed yet."""
        self.analysed_ahead = AnalysedAhead()
        """Bodies the import's workers analysed, offered before their sources are recorded."""

    # Opening, catching up, closing

    def open(
        self, progress: ProgressCallback | None = None, cancel: CancelToken | None = None
    ) -> None:
        """Open the index, rebuilding it if it is missing, damaged or of an old schema.
        Raises :class:`CancelledError` if ``cancel`` stops that rebuild."""
        schema_matches = self.database.setting(INDEX_SCHEMA_SETTING) == INDEX_SCHEMA_VERSION
        if self.read_only:
            self._open_as_it_stands(schema_matches)
            return
        if not (schema_matches and self._open_existing()):
            self.rebuild(progress, cancel)
            if self._ix is None:
                raise CancelledError(
                    Message(
                        QT_TRANSLATE_NOOP(
                            "core",
                            "Opening was cancelled while the search index was being rebuilt. "
                            "Nothing was lost: the index is rebuilt when the archive is next "
                            "opened.",
                        )
                    )
                )
        self._thread = threading.Thread(target=self._run, name="index-writer", daemon=True)
        self._thread.start()
        try:
            self.wait_until_indexed()
        except IndexUpdateError as error:
            self.behind = error.message
            log.warning("the index could not catch up: %s", error.message)

    def _open_as_it_stands(self, schema_matches: bool) -> None:
        try:
            if schema_matches and whoosh_index.exists_in(self.folder):
                self._ix = open_index(self.folder, readonly=True)
                return
        except Exception as error:  # a damaged index reads as one that needs rebuilding
            log.info("index at %s unreadable (%s)", self.folder, error)
        raise ArchiveError(
            Message(
                QT_TRANSLATE_NOOP(
                    "core",
                    "The search index of the archive at {parent} is being rebuilt or needs "
                    "rebuilding, so it cannot be read beside the program that has the "
                    "archive open. Try again when that program has opened it.",
                ),
                parent=str(self.folder.parent),
            )
        )

    def _open_existing(self) -> bool:
        """Open the index on disk and queue what it lacks; False if it is missing or damaged.

        Whoosh leaves the files of a segment it failed to read open, to be closed whenever the
        garbage collector gets to them; that is collected here, with its warning silenced.
        """
        if not whoosh_index.exists_in(self.folder):
            return False
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", ResourceWarning)
            try:
                self._ix = open_index(self.folder)
                self._queue_missing_documents()
            except ArchiveError:
                raise
            except Exception as error:  # any failure to read a derived index means: rebuild
                log.warning("index at %s unreadable (%s); rebuilding", self.folder, str(error))
            else:
                return True
            self._close_searchers()
            if self._ix is not None:
                self._ix.close()
                self._ix = None
            gc.collect()
        return False

    def close(self) -> None:
        with self._wake:
            self._stopping = True
            self._wake.notify_all()
        if self._thread is not None:
            self._thread.join()
        self._close_searchers()
        if self._ix is not None:
            self._ix.close()

    def _queue_missing_documents(self) -> None:
        """A safety net under ``index_queue``: if the index and the database disagree on how
        many sources there are, queue every source one has and the other lacks."""
        with self.searcher() as searcher:
            indexed_count = searcher.doc_count()
        if indexed_count == self.database.scalar("SELECT count(*) FROM sources"):
            return
        indexed = self.indexed_ids()
        in_database = {int(row[0]) for row in self.database.query("SELECT id FROM sources")}
        behind = (in_database - indexed) | (indexed - in_database)
        if behind:
            log.info("index is behind the database by %d sources; catching up", len(behind))
            with self.database.transaction() as connection:
                queue_for_index(connection, sorted(behind))

    # Writing

    def notify(self, *, wait: bool = False, at_once: bool = False) -> None:
        """Tell the writer that ``index_queue`` has new rows; ``at_once``: they come as a
        batch, so the writer indexes them without waiting to gather more; optionally wait
        until indexed."""
        if self.read_only:
            return
        with self._wake:
            self._requested += 1
            if at_once:
                self._at_once = self._requested
            self._wake.notify_all()
        if wait:
            self.wait_until_indexed()

    def index_edit(self) -> None:
        """Index what an interactive edit queued, never holding the edit up behind a backlog.

        When the writer has nothing else to do, this waits for the edit alone (a moment), so
        the edit shows in search at once. Behind an import's backlog it returns at once and
        search catches up (:attr:`lag` says by how much). A failure to index is lag too: the
        edit is safe in the database, so it is logged, not raised.
        """
        if self.read_only:
            return
        if not self.idle:
            self.notify()
            return
        try:
            self.wait_until_indexed()
        except ArchiveError as error:
            log.warning("an edit is not in the search index yet: %s", error.message)

    @property
    def idle(self) -> bool:
        """Whether the writer has indexed everything it was told of, and is not writing."""
        with self._wake:
            return not self._writing and self._done >= self._requested

    @property
    def lag(self) -> IndexLag:
        """How far the index is behind the database now."""
        pending = int(str(self.database.scalar("SELECT count(*) FROM index_queue")))
        return IndexLag(pending, self._problem or self.behind)

    def wait_until_indexed(self) -> None:
        """Block until everything queued before this call is in the index (at once when only
        reading: the program that has the archive open writes the index)."""
        if self.read_only:
            return
        with self._wake:
            self._requested += 1
            self._urgent += 1
            target = self._requested
            self._wake.notify_all()
            try:
                while self._done < target and self._error is None and not self._stopping:
                    self._wake.wait()
                error, self._error = self._error, None
            finally:
                self._urgent -= 1
        if error is not None:
            raise _as_archive_error(error, self.folder) from error

    def _run(self) -> None:
        while True:
            with self._wake:
                while self._done >= self._requested and not self._stopping:
                    if not self._wake.wait(IDLE_MERGE_SECONDS if self._small_commits else None):
                        break  # nothing to do for a moment: merge what small commits left
                if self._stopping:
                    return
                idle = self._done >= self._requested
                if not self._urgent and not idle and self._at_once < self._requested:
                    self._wake.wait(GATHER_SECONDS)
                target = self._requested
                someone_waits = self._urgent > 0
                self._writing = True
            try:
                if idle:
                    self._merge_segments(merge_small_segments)
                else:
                    self._drain_queue(merge_allowed=not someone_waits)
                    if self._done_after(target) and many_tiny_segments(self._ix):
                        self._merge_segments(merge_tiny_segments)
            except Exception as error:  # given to whoever waits; the rows stay queued for a retry
                if isinstance(error, OSError | ArchiveError):
                    log.info("index update failed: %s", error)
                else:
                    log.exception("index update failed")
                with self._wake:
                    self._error = error
                    self._problem = _as_archive_error(error, self.folder).message
                    self._done = max(self._done, target)  # retried at the next change, not now
                    self._writing = False
                    self._wake.notify_all()
                continue
            with self._wake:
                self._error = None  # an earlier failure is caught up now
                self._problem = ""
                self._done = max(self._done, target)
                self._writing = False
                self._wake.notify_all()

    def _drain_queue(self, *, merge_allowed: bool) -> None:
        """Index the rows queued now, in batches. Rows queued meanwhile wait for the next
        round, so a round ends even while an import keeps queueing, and whoever waits for
        a round waits for what was queued before it only. Segments are merged only in rounds
        nobody waits for."""
        with self._write_lock:
            rows = self.database.query(
                "SELECT source_id, ticket FROM index_queue ORDER BY source_id"
            )
            for start in range(0, len(rows), BATCH_SIZE):
                batch = rows[start : start + BATCH_SIZE]
                self._write([int(row[0]) for row in batch], merge_allowed=merge_allowed)
                with self.database.transaction() as connection:
                    connection.executemany(
                        "DELETE FROM index_queue WHERE source_id = ? AND ticket = ?",
                        [(row[0], row[1]) for row in batch],
                    )

    def _write(self, source_ids: list[int], *, merge_allowed: bool) -> None:
        writer = CommitWriter(self._ix, timeout=10.0, analysed_ahead=self.analysed_ahead)
        merge = merge_allowed and self._small_commits + 1 >= MERGE_AFTER_COMMITS
        try:
            put_documents(writer, self.database, source_ids)
            writer.commit(merge=merge)
        except BaseException:
            _abandon(writer)
            raise
        self._small_commits = 0 if merge else self._small_commits + 1
        keep_paused_rebuild_current(
            self._staging_folder(), INDEX_SCHEMA_VERSION, self.database, source_ids
        )

    def _done_after(self, target: int) -> bool:
        """Whether nothing was asked of the writer since ``target``."""
        with self._wake:
            return self._requested == target

    def _merge_segments(self, policy: Any) -> None:
        """Merge segments by a policy of :mod:`.search.segments` (every search reads every
        segment): the small ones when idle, and at once the tiny ones that a round of small
        commits (an import in small batches) left, before whoever waits for it searches."""
        self._small_commits = 0
        with self._write_lock:
            writer = OnePassWriter(self._ix, timeout=10.0)
            try:
                writer.commit(mergetype=policy)
            except BaseException:
                _abandon(writer)
                raise

    def rebuild(
        self, progress: ProgressCallback | None = None, cancel: CancelToken | None = None
    ) -> None:
        """Build a new index from the database beside the old one, then swap it in. A rebuild
        that is cancelled, or killed, is continued where it stopped by the next one (see
        :mod:`archive_app.core.search.rebuild`); until then the old index stays in use."""
        with self._write_lock:
            staging = self._staging_folder()
            new_ix = open_rebuilding(staging, INDEX_SCHEMA_VERSION, build_schema)
            try:
                # Rows of sources the new index does not hold yet are read after this, so
                # they are indexed as they are now; the others stay queued for the writer.
                queued = self.database.query(
                    "SELECT source_id, ticket FROM index_queue WHERE source_id > ?",
                    (highest_id(new_ix),),
                )
                finished = fill(new_ix, self.database, progress, cancel)
            finally:
                new_ix.close()
            if not finished:
                return
            self._swap_in(staging)
            self.database.set_setting(INDEX_SCHEMA_SETTING, INDEX_SCHEMA_VERSION)
            with self.database.transaction() as connection:
                connection.executemany(
                    "DELETE FROM index_queue WHERE source_id = ? AND ticket = ?",
                    [(row[0], row[1]) for row in queued],
                )
            count = self.database.scalar("SELECT count(*) FROM sources")
            indexed = int(str(count))
            report_progress(
                progress, indexed, indexed, Message(QT_TRANSLATE_NOOP("core", "Indexed"))
            )

    def _swap_in(self, staging: Path) -> None:
        """Replace the index folder. Searchers of the old index stay usable until their
        threads next search (they then see the new generation and reopen)."""
        if self._ix is not None:
            self._ix.close()
        retired = self.folder.with_name(self.folder.name + ".old")
        shutil.rmtree(retired, ignore_errors=True)
        if self.folder.exists():
            self.folder.rename(retired)
        staging.rename(self.folder)
        shutil.rmtree(retired, ignore_errors=True)
        self._ix = open_index(self.folder)
        self._generation += 1

    def _staging_folder(self) -> Path:
        return self.folder.with_name(self.folder.name + ".new")

    # Reading

    @contextlib.contextmanager
    def searcher(self) -> Iterator[Searcher]:
        """This thread's searcher, reopened when the index has changed.

        (Whoosh's ``Searcher.refresh`` fails on a reader of an empty index, so a stale searcher
        is replaced rather than refreshed.)
        """
        cached: tuple[int, Searcher] | None = getattr(self._local, "searcher", None)
        if cached is not None and cached[0] == self._generation and cached[1].up_to_date():
            yield cached[1]
            return
        if cached is not None:
            with self._searchers_lock:
                if cached[1] in self._searchers:
                    self._searchers.remove(cached[1])
            cached[1].close()
        searcher = self._ix.searcher()
        with self._searchers_lock:
            self._searchers.append(searcher)
        self._local.searcher = (self._generation, searcher)
        yield searcher

    @property
    def schema(self) -> Schema:
        return self._ix.schema

    def indexed_ids(self) -> set[int]:
        """The ids of the sources in the index (read from a column: no stored text loaded)."""
        with self.searcher() as searcher:
            reader = searcher.reader()
            if reader.doc_count() == 0:
                return set()  # an empty index's reader has no columns
            ids = reader.column_reader("id")
            return {int(ids[doc]) for doc in reader.all_doc_ids()}

    def queued_ids(self) -> set[int]:
        """The ids of the sources changed in the database and not yet in the index."""
        return {int(row[0]) for row in self.database.query("SELECT source_id FROM index_queue")}

    def _close_searchers(self) -> None:
        with self._searchers_lock:
            for searcher in self._searchers:
                searcher.close()
            self._searchers.clear()
        self._local = threading.local()


def _abandon(writer: Any) -> None:
    """Give up a writer whose work failed, releasing the index's lock even when cancelling
    fails too (Whoosh keeps the lock after a failed commit, which would block every later
    writer)."""
    with contextlib.suppress(Exception):
        writer.cancel()
    if not writer.is_closed:
        with contextlib.suppress(Exception):
            writer.writelock.release()


def _as_archive_error(error: Exception, folder: Path) -> ArchiveError:
    """The error to give whoever waits for the index: storage errors in plain words (a full
    disk says so), anything else as an index update failure."""
    if isinstance(error, ArchiveError):
        return error
    if isinstance(error, OSError):
        translated = translate_error(error, folder.parent)
        return IndexUpdateError(
            Message(
                QT_TRANSLATE_NOOP(
                    "core",
                    "The search index could not be updated: {message} The sources are safe "
                    "in the database; the index catches up when the archive is next opened.",
                ),
                message=translated.message,
            )
        )
    return IndexUpdateError(
        Message(
            QT_TRANSLATE_NOOP("core", "The search index could not be updated: {error}"),
            error=str(error),
        )
    )
