"""Fixtures shared by every test folder."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, Protocol

import pytest

from archive_app.core.archive import Archive
from archive_app.core.search.gazetteer import build_table, gazetteer_path
from archive_app.core.sources import insert_captions, insert_source
from archive_app.core.store import digest_file, normalized_suffix
from archive_app.gui.refcount_guard import guard_singletons
from archive_app.importers.document import ExtractedDocument

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
guard_singletons()  # as the program does before it makes its QApplication

PROJECT_ROOT = Path(__file__).resolve().parent.parent
CORPUS = PROJECT_ROOT.parent / "shared" / "corpus"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(scope="session")
def cache_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The user's cache folder in tests: it holds an empty gazetteer, so that place names
    expand only in the tests of the gazetteer (``tests/core/test_gazetteer.py``)."""
    folder = tmp_path_factory.mktemp("cache")
    no_places = folder / "no-places.json"
    no_places.write_text("{}", encoding="utf-8")
    build_table(gazetteer_path({"XDG_CACHE_HOME": str(folder), "HOME": str(folder)}), no_places)
    return folder


@pytest.fixture(scope="session")
def places_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A cache folder with the whole gazetteer, built once a session (about 12 seconds), for
    the tests of place names: they set ``XDG_CACHE_HOME`` to it."""
    folder = tmp_path_factory.mktemp("places")
    path = gazetteer_path({"XDG_CACHE_HOME": str(folder), "HOME": str(folder)})
    build_table(path)
    return folder


@pytest.fixture(autouse=True)
def _cache_in_session_folder(cache_home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(cache_home))


@pytest.fixture
def corpus() -> Path:
    """The shared real-world corpus; tests that use it skip where it is absent."""
    if not CORPUS.is_dir():
        pytest.skip(f"the shared corpus is not at {CORPUS}")
    return CORPUS


@pytest.fixture
def fixtures() -> Path:
    return FIXTURES


@pytest.fixture
def archive_path(tmp_path: Path) -> Path:
    return tmp_path / "archive"


@pytest.fixture
def archive(archive_path: Path) -> Iterator[Archive]:
    """A new, empty archive in a temporary folder (real SQLite, real index)."""
    with Archive.open(archive_path, workers=1) as opened:
        yield opened


def write_file(folder: Path, name: str, content: str | bytes) -> Path:
    """Write a file for a test; text is written as UTF-8."""
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, str):
        path.write_text(content, encoding="utf-8")
    else:
        path.write_bytes(content)
    return path


@pytest.fixture
def import_texts(archive: Archive, tmp_path: Path) -> Callable[..., list[int]]:
    """Import text sources given as ``{file name: text}``; returns their new ids in order."""

    def run(texts: dict[str, str]) -> list[int]:
        folder = tmp_path / "incoming"
        paths = [write_file(folder, name, text) for name, text in texts.items()]
        report = archive.import_paths(paths)
        assert not report.failed, report.failed
        by_path = {outcome.path: outcome.source_id for outcome in report.imported}
        return [int(by_path[str(path)]) for path in paths if by_path.get(str(path))]

    return run


class StoreDocument(Protocol):
    def __call__(
        self,
        document: ExtractedDocument,
        original: Path | None = None,
        figure_images: dict[int, int] | None = None,
    ) -> int: ...


@pytest.fixture
def store_document(archive: Archive, tmp_path_factory: pytest.TempPathFactory) -> StoreDocument:
    """Store an extracted document as an import would: its original file kept, its figures as
    captions, indexed; its new id. ``original``: the file it was read from (default: its body
    written to a text file); ``figure_images``: figure index → the image source holding the
    picture the page saved for it. For sources whose importer is not the point of the test."""
    counter = iter(range(1, 1_000_000))
    folder = tmp_path_factory.mktemp("stored")

    def store(
        document: ExtractedDocument,
        original: Path | None = None,
        figure_images: dict[int, int] | None = None,
    ) -> int:
        if original is None:
            content = f"{document.title}\n\n{document.body}"
            original = write_file(folder, f"source-{next(counter)}.txt", content)
        digest = digest_file(original)
        suffix = normalized_suffix(original.name)
        archive.store.add(original, digest, suffix)
        with archive.database.transaction() as connection:
            source_id = insert_source(
                connection,
                document,
                digest=digest,
                original_name=original.name,
                original_ext=suffix,
                importer_version="test",
                has_thumbnail=False,
            )
            insert_captions(connection, source_id, document, figure_images or {})
        archive.index.notify(wait=True)
        return source_id

    return store


def dump_database(archive: Archive) -> dict[str, list[tuple[object, ...]]]:
    """Every row of every table (but the index queue and SQLite's id counters), to assert that
    a refused change changed nothing and that an undo restores exactly what was there."""
    tables = [
        str(row[0])
        for row in archive.database.query(
            "SELECT name FROM sqlite_master WHERE type = 'table' "
            "AND name NOT IN ('index_queue', 'sqlite_sequence') ORDER BY name"
        )
    ]
    return {
        table: sorted(
            (tuple(row) for row in archive.database.query(f"SELECT * FROM {table}")), key=repr
        )
        for table in tables
    }


@pytest.fixture
def task_runner(qtbot: Any) -> Iterator[Any]:
    """The window's background-task helper for widget tests. A failure no callback handled is
    a test failure; every task is waited for before the archive closes."""
    from archive_app.gui.tasks import TaskRunner

    unhandled: list[BaseException] = []
    runner = TaskRunner(unhandled.append)
    yield runner
    runner.cancel_all()
    runner.wait_for_all()
    qtbot.waitUntil(lambda: not runner.running)
    assert not unhandled, unhandled


@pytest.fixture
def app_settings(tmp_path: Path) -> Any:
    """Window settings in a file of the test's own, never the person's."""
    from archive_app.gui.settings import AppSettings

    return AppSettings.in_file(tmp_path / "settings.ini")
