"""What the command-line tests share: running a command in-process as a person would type it."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from archive_app.cli import main
from archive_app.core.archive import Archive
from tests.conftest import dump_database


class Cli:
    """``archive-app --archive PATH ARGS...``, run in-process: its exit status, what it printed
    to stdout and what to stderr."""

    def __init__(self, archive_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        self.archive_path = archive_path
        self.capsys = capsys

    def __call__(self, *args: str) -> tuple[int, str, str]:
        self.capsys.readouterr()
        code = main(["--archive", str(self.archive_path), *args])
        captured = self.capsys.readouterr()
        return code, captured.out, captured.err

    def json(self, *args: str) -> object:
        """What a command run with ``--json`` printed; it must succeed."""
        code, out, err = self(*args)
        assert code == 0, err
        return json.loads(out)

    def dump(self) -> dict[str, list[tuple[object, ...]]]:
        """Every row of the archive's database (see :func:`tests.conftest.dump_database`)."""
        with Archive.open(self.archive_path, workers=1) as archive:
            return dump_database(archive)


@pytest.fixture(autouse=True)
def no_chosen_locale(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Commands write dates in the locale and time zone the environment chooses; the tests
    choose none (and UTC), so what they expect does not depend on the machine."""
    monkeypatch.setenv("LC_ALL", "C.UTF-8")
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


@pytest.fixture
def run_cli(archive_path: Path, capsys: pytest.CaptureFixture[str]) -> Cli:
    return Cli(archive_path, capsys)
