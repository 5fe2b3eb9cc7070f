"""One window per person: a second launch of ``archive-app gui FILE`` hands the file to the
running window, which comes to the front and imports it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from archive_app.core.paths import HOME_VARIABLE
from archive_app.gui.session import WindowSession
from archive_app.gui.settings import AppSettings
from archive_app.gui.single_instance import InstanceServer, hand_over, instance_name


@pytest.fixture
def own_instance(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """This test's own default archive, so its socket meets no other program's."""
    home = tmp_path / "default-archive"
    monkeypatch.setenv(HOME_VARIABLE, str(home))
    return home


def test_the_name_follows_the_default_archive(
    own_instance: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = instance_name()
    monkeypatch.setenv(HOME_VARIABLE, str(own_instance.with_name("another")))
    assert instance_name() != first


def test_without_a_running_program_nothing_is_handed_over(own_instance: Path) -> None:
    assert not hand_over([Path("a.txt")], None)


def test_a_second_launch_hands_its_file_to_the_open_window(
    qtbot: QtBot, own_instance: Path, tmp_path: Path, app_settings: AppSettings
) -> None:
    server = InstanceServer()
    assert server.listen()
    session = WindowSession(app_settings)
    assert session.start(own_instance, own_instance)
    server.launched.connect(session.launched_again)
    window = session.window
    assert window is not None
    window.showMinimized()
    given = tmp_path / "statement.txt"
    given.write_text("A statement handed over by a second launch.", encoding="utf-8")

    with qtbot.waitSignal(server.launched, timeout=20_000) as handed:
        second = subprocess.Popen(
            [sys.executable, "-m", "archive_app", "gui", str(given)],
            env={**os.environ, HOME_VARIABLE: str(own_instance), "QT_QPA_PLATFORM": "offscreen"},
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
    out, err = second.communicate(timeout=20)
    assert second.returncode == 0, err
    assert "already open" in out
    assert handed.args == [[given.resolve()], None]
    assert session.archive is not None
    archive = session.archive
    qtbot.waitUntil(lambda: archive.search("handed").total == 1, timeout=20_000)
    assert not window.isMinimized()
    qtbot.waitUntil(lambda: not window.tasks.running)
    server.close()
    session.close()
