"""The window's views across sources: the compare tab (in the workspace), the timeline dock
under the panes and the alias editor, wired to the window's commands and to the sidebar.

What they ask of the library (list an event's sources, open a source, search again after the
aliases changed) goes out as signals; the window does it.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QMainWindow

from archive_app.core.archive import Archive
from archive_app.core.listing import View
from archive_app.gui.actions import WindowActions
from archive_app.gui.alias_editor import AliasEditor
from archive_app.gui.reused_photos import ReusedPhotosView
from archive_app.gui.sidebar.view import Sidebar
from archive_app.gui.tasks import TaskRunner
from archive_app.gui.timeline import TimelineDock, TimelineView
from archive_app.gui.workspace import Workspace


class ResearchViews(QObject):
    eventChosen = Signal(int)
    """An event was clicked in the timeline: list its sources."""
    sourceOpenRequested = Signal(int)
    """A compare card was opened: show the source in the reader and select it in the list."""
    aliasesChanged = Signal()
    """A group of names was made, changed or deleted in the alias editor."""

    def __init__(
        self,
        window: QMainWindow,
        archive: Archive,
        tasks: TaskRunner,
        *,
        workspace: Workspace,
        sidebar: Sidebar,
        commands: WindowActions,
    ) -> None:
        super().__init__(window)
        self._window = window
        self._archive = archive
        self._workspace = workspace
        self._sidebar = sidebar
        self.alias_editor: AliasEditor | None = None
        self.timeline_dock = TimelineDock(TimelineView(archive, tasks, window), window)
        window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.timeline_dock)
        timeline = self.timeline_dock.view
        self.timeline_dock.bind(commands.timeline)
        timeline.eventChosen.connect(self.eventChosen)
        timeline.compareRequested.connect(workspace.open_compare)
        sidebar.viewChosen.connect(self._view_chosen)
        workspace.sourceOpenRequested.connect(self.sourceOpenRequested)
        commands.compare.triggered.connect(self.compare_chosen_event)
        commands.aliases.triggered.connect(self.open_alias_editor)
        self.reused_photos = ReusedPhotosView(archive, tasks, window)
        self.reused_photos.sourceOpenRequested.connect(self.sourceOpenRequested)
        commands.reused_photos.triggered.connect(self.reused_photos.show)

    def refresh(self) -> None:
        """Read the compare view and the timeline again (each when it is next shown), and the
        reused photos if they are open."""
        self._workspace.refresh()
        self.timeline_dock.view.refresh()
        if self.reused_photos.isVisible():
            self.reused_photos.refresh()

    def compare_chosen_event(self) -> None:
        """Open the compare view on the event chosen in the sidebar (or the last compared)."""
        kind, key = self._sidebar.chosen_key() or ("", None)
        self._workspace.open_compare(int(str(key)) if kind == "event" else None)

    def open_alias_editor(self) -> None:
        if self.alias_editor is None:
            self.alias_editor = AliasEditor(
                self._archive.aliases, self._window, self._archive.gazetteer
            )
            self.alias_editor.aliasesChanged.connect(self.aliasesChanged)
        if self.alias_editor.isVisible():
            self.alias_editor.raise_()
            self.alias_editor.activateWindow()
        else:
            self.alias_editor.show()

    def _view_chosen(self, view: View) -> None:
        """The timeline marks the event chosen in the sidebar."""
        key = view.key if view.scope == "event" else None
        self.timeline_dock.view.select_event(key if isinstance(key, int) else None)
