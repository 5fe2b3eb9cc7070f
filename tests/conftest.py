"""Fixtures shared by every test folder."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from archive_app.core.archive import Archive
from archive_app.core.keeping import KeptFile, keep_source
from archive_app.core.search.gazetteer import build_table, gazetteer_path
from archive_app.core.store import digest_file
from archive_app.gui.qt_start import make_application, prepare_qt
from archive_app.importers.document import ExtractedDocument
from tests.helpers import CORPUS, FIXTURES, StoreDocument, write_file

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
prepare_qt()  # before anything of Qt is used, as every entry point does


@pytest.fixture(scope="session")
def qapp(qapp_args: list[str]) -> Iterator[Any]:
    """The tests' QApplication, made as every entry point of the program makes its own; at
    the end it lets go of the clipboard as the program does when it quits."""
    yield make_application(qapp_args)
    from archive_app.gui.clipboard import let_go_of_clipboard

    let_go_of_clipboard()


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


@pytest.fixture
def whole_gazetteer(places_cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Archives opened after this fixture read the whole gazetteer (ask for it before them)."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(places_cache))


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
def tesseract() -> str:
    """Tesseract's version; tests that read text from pictures skip where it is not installed
    (CI installs it), and where the DejaVu fonts that draw their scans are missing."""
    from archive_app.importers.ocr import tesseract_version
    from tests.fixtures.make_scans import font_available

    if not tesseract_version() or not shutil.which("pdftoppm"):
        pytest.skip("Tesseract OCR and poppler-utils are not installed")
    if not font_available():
        pytest.skip("the DejaVu fonts (fonts-dejavu) are not installed")
    return tesseract_version()


@pytest.fixture
def no_tesseract(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[None]:
    """A machine without Tesseract: nothing on PATH finds it (worker processes started from
    now on inherit the PATH)."""
    from archive_app.importers.ocr import tesseract_version

    empty = tmp_path / "empty-path"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))
    tesseract_version.cache_clear()
    yield
    monkeypatch.undo()
    tesseract_version.cache_clear()


@pytest.fixture
def archive_path(tmp_path: Path) -> Path:
    return tmp_path / "archive"


@pytest.fixture
def archive(archive_path: Path) -> Iterator[Archive]:
    """A new, empty archive in a temporary folder (real SQLite, real index)."""
    with Archive.open(archive_path, workers=1) as opened:
        yield opened


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


@pytest.fixture
def store_document(archive: Archive, tmp_path_factory: pytest.TempPathFactory) -> StoreDocument:
    """Store an extracted document as an import does (through the same core function): its
    original file kept, its figures as captions, indexed; its new id. ``original``: the file it
    was read from (default: its body written to a text file); ``figure_images``: figure index →
    the image source holding the picture the page saved for it. For sources whose importer is
    not the point of the test."""
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
        kept = KeptFile(original, digest_file(original), document, "test")
        source_id = keep_source(
            archive.database, archive.store, archive.derived, kept, figure_images=figure_images
        )
        archive.index.notify(wait=True)
        return source_id

    return store


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
