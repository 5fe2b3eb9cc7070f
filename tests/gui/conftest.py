"""Fixtures of the window tests."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from archive_app.core.archive import Archive
from archive_app.gui.main_window import MainWindow
from archive_app.gui.settings import AppSettings
from archive_app.gui.tasks import TaskRunner
from tests.gui.window_helpers import counted, window_factory
from tests.helpers import Story, build_story


@pytest.fixture
def show_pane(
    qtbot: QtBot, archive: Archive, task_runner: TaskRunner
) -> Iterator[Callable[..., QWidget]]:
    """Make a pane that reads the archive in the background (``show_pane(Sidebar, (280,
    600))``) and show it. At the end its tasks are waited for before it goes (qtbot.addWidget
    would delete it first: answers must not outlive it)."""
    shown: list[QWidget] = []

    def show(
        make: Callable[[Archive, TaskRunner], QWidget], size: tuple[int, int] | None
    ) -> QWidget:
        widget = make(archive, task_runner)
        if size is not None:
            widget.resize(*size)
        widget.show()
        shown.append(widget)
        return widget

    yield show
    qtbot.waitUntil(lambda: not task_runner.running)
    for widget in shown:
        widget.close()
        widget.deleteLater()


@pytest.fixture
def make_window(
    qtbot: QtBot, app_settings: AppSettings
) -> Iterator[Callable[[Archive], MainWindow]]:
    """Open main windows on archives; each is shown, active and has listed its sources."""
    yield from window_factory(qtbot, app_settings)


@pytest.fixture
def counted_window(
    qtbot: QtBot,
    archive: Archive,
    researched: object,
    make_window: Callable[[Archive], MainWindow],
) -> MainWindow:
    """A window on the archive that the test module's ``researched`` fixture filled, once its
    sidebar has counted."""
    window = make_window(archive)
    counted(qtbot, window.sidebar)
    return window


@pytest.fixture
def window_without_events(
    archive: Archive,
    import_texts: Callable[..., list[int]],
    make_window: Callable[[Archive], MainWindow],
) -> MainWindow:
    """A window on an archive of one source and no events."""
    import_texts({"a.txt": "A first source."})
    return make_window(archive)


@pytest.fixture
def story(archive: Archive, import_texts: Callable[..., list[int]]) -> Story:
    """The core tests' story of an offensive told from every side (for the compare view and
    the timeline), with annotated passages: the wire quotes Baku's framing."""
    story = build_story(archive, import_texts)
    add = archive.annotations.add_quote
    add(story.sources["am.md"], "There are casualties among civilians", note="No figures")
    add(story.sources["wire.md"], "Officials in Stepanakert", note="The wire's name for it")
    add(
        story.sources["wire.md"],
        "Baku said it restored sovereignty",
        note="Baku's framing",
        perspectives=["Azerbaijani government"],
    )
    add(story.sources["notes.md"], "Nobody here says Khankendi", note="Usage on the ground")
    return story
