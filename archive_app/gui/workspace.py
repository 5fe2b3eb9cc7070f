"""The centre of the window: the library's three panes, and the compare view beside them as a
tab of its own.

The tab bar shows only while the compare view is open, so the window looks as it always did
until a researcher asks to compare. Opening a source from a compare card goes back to the
library tab, where the window lists and reads it.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QTabBar, QTabWidget, QWidget

from archive_app.core.archive import Archive
from archive_app.gui.compare import CompareView
from archive_app.gui.icons import icon
from archive_app.gui.tasks import TaskRunner


class Workspace(QTabWidget):
    """The library's panes and the compare view (objectName ``workspace``)."""

    sourceOpenRequested = Signal(int)
    """A compare card was opened: show the source in the reader and select it in the list."""

    def __init__(
        self, library: QWidget, archive: Archive, tasks: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("workspace")
        self.setDocumentMode(True)
        self.setTabBarAutoHide(True)
        self.setTabsClosable(True)
        self.setMovable(False)
        self.library = library
        self.addTab(library, icon("library"), self.tr("Library"))
        for side in (QTabBar.ButtonPosition.LeftSide, QTabBar.ButtonPosition.RightSide):
            self.tabBar().setTabButton(0, side, None)  # the library cannot be closed
        self.compare = CompareView(archive, tasks, self)
        self.compare.hide()
        self.compare.titleChanged.connect(self._retitle_compare)
        self.compare.sourceOpenRequested.connect(self._open_source)
        self.tabCloseRequested.connect(self._close_tab)

    @property
    def comparing(self) -> bool:
        return self.indexOf(self.compare) >= 0

    def open_compare(self, event_id: int | None = None) -> None:
        """Show the compare view: for ``event_id``, or for the event it showed last."""
        if not self.comparing:
            self.addTab(self.compare, icon("compare"), self.tr("Compare"))
        self.setCurrentWidget(self.compare)
        if event_id is not None or self.compare.event_id is None:
            self.compare.show_event(event_id)

    def show_library(self) -> None:
        self.setCurrentWidget(self.library)

    def refresh(self) -> None:
        """Read the compare view again after a change (if it is open)."""
        if self.comparing:
            self.compare.refresh()

    def _open_source(self, source_id: int) -> None:
        self.show_library()
        self.sourceOpenRequested.emit(source_id)

    def _retitle_compare(self, title: str) -> None:
        index = self.indexOf(self.compare)
        if index >= 0:
            self.setTabText(index, title)

    def close_compare(self) -> None:
        index = self.indexOf(self.compare)
        if index >= 0:
            self.removeTab(index)
            self.compare.hide()

    def _close_tab(self, index: int) -> None:
        if self.widget(index) is self.compare:
            self.close_compare()
