"""Search behind the database is a warning: an edit, an undo and a redo follow the database
whatever the index does, and ``Archive.index_lag`` says how far behind search is."""

from __future__ import annotations

import shutil
from collections.abc import Callable

from archive_app.core.archive import Archive


def tag_names(archive: Archive, source_id: int) -> list[str]:
    return [tag.name for tag in archive.get(source_id).tags]


def test_undo_and_redo_follow_the_database_when_the_index_cannot_take_them(
    archive: Archive, import_texts: Callable[..., list[int]]
) -> None:
    [source] = import_texts({"convoy.txt": "Convoy\n\nThe convoy reached Lachin."})
    change = archive.assignments.add_to_sources([source], tags=["convoy"])
    assert not archive.index_lag.behind
    shutil.rmtree(archive.path / "index")  # the index can take nothing from here on

    change.undo()

    assert tag_names(archive, source) == []
    lag = archive.index_lag
    assert lag.pending == 1
    assert "search index could not be updated" in lag.problem
    change.redo()
    assert tag_names(archive, source) == ["convoy"]
    change.undo()
    assert tag_names(archive, source) == []


def test_the_index_catches_up_and_the_lag_clears(
    archive: Archive, import_texts: Callable[..., list[int]]
) -> None:
    [source] = import_texts({"convoy.txt": "Convoy\n\nThe convoy reached Lachin."})
    index_folder = archive.path / "index"
    kept = archive.path.parent / "index-kept"
    shutil.copytree(index_folder, kept)
    shutil.rmtree(index_folder)
    archive.assignments.add_to_sources([source], tags=["convoy"])
    assert archive.index_lag.behind

    shutil.copytree(kept, index_folder)
    archive.update_source(source, notes="seen twice")

    assert not archive.index_lag.behind
    assert archive.search("tag:convoy").total == 1
