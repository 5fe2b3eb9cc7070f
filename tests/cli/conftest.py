"""What the command-line tests share: running a command in-process as a person would type it."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.helpers import Cli


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
