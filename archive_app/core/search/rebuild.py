"""Building the index anew from the database, so that a stopped rebuild continues later.

A rebuild fills a new index beside the one in use (``index.new``) with every source in id
order, reading them in batches (never all texts at once). It commits about ten times (every
:data:`MIN_COMMIT_EVERY` sources at least), and when it is cancelled. A rebuild that was
cancelled, or whose program was killed, keeps what it committed: the next one opens it and goes
on after the highest source id it holds. Only a finished rebuild replaces the index in use.

While a rebuild waits to be continued, the archive may be open and edited: the index writer
then also brings the sources the new index already holds up to date
(:func:`keep_paused_rebuild_current`), so the finished index is the one a rebuild that never
stopped would have made.
"""

from __future__ import annotations

import contextlib
import logging
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

from whoosh import index as whoosh_index
from whoosh.fields import Schema

from archive_app.core.db import Database
from archive_app.core.messages import QT_TRANSLATE_NOOP, Message
from archive_app.core.progress import CancelToken, ProgressCallback, is_cancelled, report_progress
from archive_app.core.search.analysis import analysis_language
from archive_app.core.search.documents import documents_for
from archive_app.core.search.writing import OnePassWriter

log = logging.getLogger(__name__)

COMMITS_PER_REBUILD = 10
MIN_COMMIT_EVERY = 2_000
"""Sources added to a rebuilding index between commits, at least: what a killed rebuild does
again. Each commit writes a segment, and the rebuilt index keeps them (at most about ten):
merging the ten segments of 100,000 sources into one took Whoosh 2 GB of memory (Dec 2026),
beyond what its writer's ``limitmb`` bounds; the index writer merges small segments later."""
READ_BATCH = 200
WRITER_MEMORY_MB = 256
SCHEMA_MARK = "archive-app-index-schema"
"""A file in the rebuilding index naming the index schema it is built with."""
INDEXING = Message(QT_TRANSLATE_NOOP("core", "Indexing"))


def put_documents(writer: Any, database: Database, source_ids: list[int]) -> None:
    """Write the sources' current documents (a source no longer in the database is taken
    out), each analysed in its own language."""
    documents = documents_for(database, source_ids)
    for source_id in source_ids:
        document = documents.get(source_id)
        if document is None:
            writer.delete_by_term("id", str(source_id))
        else:
            with analysis_language(document.get("lang", "")):
                writer.update_document(**document)


def open_rebuilding(folder: Path, schema_version: str, schema: Callable[[], Schema]) -> Any:
    """The index being rebuilt in ``folder``: the one a stopped rebuild of this schema left,
    or a new, empty one."""
    stopped = _open_stopped(folder, schema_version)
    if stopped is not None:
        return stopped
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    new_index = whoosh_index.create_in(folder, schema())
    (folder / SCHEMA_MARK).write_text(schema_version, encoding="utf-8")
    return new_index


def highest_id(ix: Any) -> int:
    """The highest source id in an index (0 for an empty one), read from its id column."""
    with ix.reader() as reader:
        if reader.doc_count() == 0:
            return 0
        ids = reader.column_reader("id")
        return max(int(ids[doc]) for doc in reader.all_doc_ids())


def fill(
    ix: Any,
    database: Database,
    progress: ProgressCallback | None = None,
    cancel: CancelToken | None = None,
) -> bool:
    """Add every source after the highest id ``ix`` holds, in id order, committing as it goes.
    False if ``cancel`` stopped it (what was added so far is committed, to be continued)."""
    return _Filling(ix, database, progress, cancel).run()


class _Filling:
    def __init__(
        self,
        ix: Any,
        database: Database,
        progress: ProgressCallback | None,
        cancel: CancelToken | None,
    ) -> None:
        self.ix = ix
        self.database = database
        self.progress = progress
        self.cancel = cancel
        self.after = highest_id(ix)
        self.total = int(str(database.scalar("SELECT count(*) FROM sources")))
        self.done = int(
            str(database.scalar("SELECT count(*) FROM sources WHERE id <= ?", (self.after,)))
        )
        self.commit_every = max(MIN_COMMIT_EVERY, self.total // COMMITS_PER_REBUILD)

    def run(self) -> bool:
        if self.after:
            log.info("continuing a stopped rebuild of the index after source %d", self.after)
        report_progress(self.progress, self.done, self.total, INDEXING)
        while True:
            writer = OnePassWriter(self.ix, limitmb=WRITER_MEMORY_MB)
            try:
                added = self._add_until_commit(writer)
                writer.commit(merge=False)
            except BaseException:
                with contextlib.suppress(Exception):
                    writer.cancel()
                raise
            if is_cancelled(self.cancel):
                return False
            if added < self.commit_every:
                return True

    def _add_until_commit(self, writer: Any) -> int:
        """Add the sources of one commit; how many were added."""
        added = 0
        while added < self.commit_every and not is_cancelled(self.cancel):
            rows = self.database.query(
                "SELECT id FROM sources WHERE id > ? ORDER BY id LIMIT ?",
                (self.after, min(READ_BATCH, self.commit_every - added)),
            )
            if not rows:
                break
            batch = [int(row[0]) for row in rows]
            for document in documents_for(self.database, batch).values():
                with analysis_language(document.get("lang", "")):
                    writer.add_document(**document)
            added += len(batch)
            self.after = batch[-1]
            self.done += len(batch)
            report_progress(self.progress, self.done, self.total, INDEXING)
        return added


def keep_paused_rebuild_current(
    folder: Path, schema_version: str, database: Database, source_ids: list[int]
) -> None:
    """Bring the sources a stopped rebuild in ``folder`` already holds up to date with the
    database (nothing to do when no rebuild is waiting). A stopped rebuild that cannot take
    them is given up (the next rebuild starts again), never the change to the index in use."""
    stopped = _open_stopped(folder, schema_version)
    if stopped is None:
        return
    try:
        highest = highest_id(stopped)
        held = [source_id for source_id in source_ids if source_id <= highest]
        if held:
            writer = OnePassWriter(stopped, timeout=10.0)
            try:
                put_documents(writer, database, held)
                writer.commit(merge=False)
            except BaseException:
                with contextlib.suppress(Exception):
                    writer.cancel()
                raise
    except Exception as error:
        log.warning("the stopped rebuild in %s is given up: %s", folder, error)
        stopped.close()
        shutil.rmtree(folder, ignore_errors=True)
        return
    stopped.close()


def _open_stopped(folder: Path, schema_version: str) -> Any | None:
    """The index a stopped rebuild of this schema left in ``folder``, if there is one."""
    mark = folder / SCHEMA_MARK
    try:
        if mark.read_text(encoding="utf-8") != schema_version:
            return None
        if not whoosh_index.exists_in(folder):
            return None
        return whoosh_index.open_dir(folder)
    except FileNotFoundError:
        return None
    except Exception as error:  # a damaged rebuild is started again
        log.info("the stopped rebuild in %s cannot be continued (%s)", folder, error)
        return None
