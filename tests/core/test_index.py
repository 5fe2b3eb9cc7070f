"""The index follows the database: at once after a change, and after a crash on next open."""

from __future__ import annotations

import shutil
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from archive_app.core import index as index_module
from archive_app.core.archive import Archive
from archive_app.core.check import check_archive
from archive_app.core.errors import CancelledError, InvalidInputError
from archive_app.core.index import INDEX_SCHEMA_SETTING, queue_for_index

TEXTS = {
    "a.txt": "Blockade of the Lachin corridor\n\nFood ran short in Stepanakert.",
    "b.txt": "Ceasefire terms\n\nThe statement was signed in Moscow.",
}


def test_an_edit_is_searchable_at_once_and_undo_restores_it(
    archive: Archive, import_texts: Callable[..., list[int]]
) -> None:
    first, _ = import_texts(TEXTS)
    change = archive.update_source(first, title="Hunger in the enclave", authors=["R. Reporter"])
    assert archive.search("title:hunger").total == 1
    assert archive.get(first).authors == ["R. Reporter"]
    change.undo()
    assert archive.search("title:hunger").total == 0
    assert archive.get(first).title == "Blockade of the Lachin corridor"
    change.redo()
    assert archive.search("title:enclave").hits[0].id == first


def test_a_bad_edit_changes_nothing(
    archive: Archive, import_texts: Callable[..., list[int]]
) -> None:
    first, _ = import_texts(TEXTS)
    with pytest.raises(InvalidInputError, match="not a date"):
        archive.update_source(first, title="New", published="2023-13-40")
    assert archive.get(first).title == "Blockade of the Lachin corridor"
    with pytest.raises(InvalidInputError, match="needs a title"):
        archive.update_source(first, title="  ")


def test_deleting_sources_removes_them_from_search_and_store(
    archive: Archive, import_texts: Callable[..., list[int]]
) -> None:
    first, second = import_texts(TEXTS)
    original = archive.original_path(archive.get(first))
    archive.delete_sources([first])
    assert archive.search("corridor").total == 0
    assert archive.search("ceasefire").total == 1
    archive.trash.empty()
    assert not original.exists()
    assert archive.source_ids() == [second]
    assert check_archive(archive).healthy


def _reopen(archive: Archive) -> Archive:
    path = archive.path
    archive.close()
    return Archive.open(path)


def test_a_deleted_index_is_rebuilt_on_open(
    archive: Archive, import_texts: Callable[..., list[int]]
) -> None:
    import_texts(TEXTS)
    path = archive.path
    archive.close()
    shutil.rmtree(path / "index")
    with Archive.open(path) as reopened:
        assert reopened.search("moscow").total == 1


def test_a_damaged_index_is_rebuilt_on_open(
    archive: Archive, import_texts: Callable[..., list[int]]
) -> None:
    import_texts(TEXTS)
    path = archive.path
    archive.close()
    for segment in (path / "index").glob("*.seg"):
        segment.write_bytes(b"garbage")
    with Archive.open(path) as reopened:
        assert reopened.search("moscow").total == 1


def test_changes_left_in_the_queue_by_a_crash_are_caught_up(
    archive: Archive, import_texts: Callable[..., list[int]]
) -> None:
    first, _ = import_texts(TEXTS)
    with archive.database.transaction() as connection:
        connection.execute(
            "UPDATE sources SET title = 'Renamed while crashing' WHERE id = ?", (first,)
        )
        connection.execute("INSERT INTO index_queue (source_id) VALUES (?)", (first,))
    with _reopen(archive) as reopened:
        assert reopened.search("title:crashing").total == 1
        assert reopened.database.scalar("SELECT count(*) FROM index_queue") == 0


def test_a_batch_is_indexed_without_waiting_to_gather_more(
    archive: Archive, import_texts: Callable[..., list[int]], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Rows an import queues come as a batch: the writer takes them at once, rather than
    first waiting a moment for more, as it does after an edit."""
    first, _ = import_texts(TEXTS)
    monkeypatch.setattr(index_module, "GATHER_SECONDS", 600.0)
    with archive.database.transaction() as connection:
        connection.execute("UPDATE sources SET title = 'Renamed in a batch' WHERE id = ?", (first,))
        queue_for_index(connection, [first])

    archive.index.notify(at_once=True)

    deadline = time.monotonic() + 60
    while archive.index_lag.pending and time.monotonic() < deadline:
        time.sleep(0.05)
    assert archive.index_lag.pending == 0
    assert archive.search("title:batch").total == 1


def test_an_index_that_disagrees_on_the_count_is_caught_up(
    archive: Archive, import_texts: Callable[..., list[int]]
) -> None:
    first, _ = import_texts(TEXTS)
    with archive.database.transaction() as connection:
        connection.execute("DELETE FROM sources WHERE id = ?", (first,))
    with _reopen(archive) as reopened:
        assert reopened.search("corridor").total == 0
        assert check_archive(reopened).healthy


def test_an_old_index_schema_is_rebuilt(
    archive: Archive, import_texts: Callable[..., list[int]]
) -> None:
    import_texts(TEXTS)
    archive.database.set_setting(INDEX_SCHEMA_SETTING, "0")
    with _reopen(archive) as reopened:
        assert reopened.search("moscow").total == 1
        assert reopened.database.setting(INDEX_SCHEMA_SETTING) != "0"


def test_reindex_reports_progress_and_keeps_results(
    archive: Archive, import_texts: Callable[..., list[int]]
) -> None:
    import_texts(TEXTS)
    steps: list[tuple[int, int]] = []
    archive.reindex(progress=lambda p: steps.append((p.done, p.total)))
    assert steps[-1] == (2, 2)
    assert archive.search("moscow").total == 1
    assert not Path(str(archive.path / "index") + ".new").exists()


def test_opening_can_be_cancelled_while_the_index_is_rebuilt(
    archive: Archive, import_texts: Callable[..., list[int]]
) -> None:
    import_texts(TEXTS)
    archive.database.set_setting(INDEX_SCHEMA_SETTING, "0")
    path = archive.path
    archive.close()
    cancel = threading.Event()
    cancel.set()
    with pytest.raises(CancelledError, match="rebuilt when the archive is next opened"):
        Archive.open(path, cancel=cancel)
    with Archive.open(path) as reopened:
        assert reopened.search("moscow").total == 1
