"""Fixtures shared by every test folder."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from archive_app.core.archive import Archive

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

PROJECT_ROOT = Path(__file__).resolve().parent.parent
CORPUS = PROJECT_ROOT.parent / "shared" / "corpus"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


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
