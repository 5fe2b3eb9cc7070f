"""The timeline view: the event tree on a time axis, with each perspective's coverage, in a
dock under the window's panes.

The data is read off the GUI thread (:func:`archive_app.core.timeline.build_timeline`) when the
view is shown and after every change while it is; clicking an event asks the window to list its
sources (``eventChosen``).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QSize, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QPalette
from PySide6.QtWidgets import (
    QDockWidget,
    QHBoxLayout,
    QLabel,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from archive_app.core.archive import Archive
from archive_app.core.messages import QT_TRANSLATE_NOOP
from archive_app.core.timeline import Timeline, build_timeline
from archive_app.gui.background_view import BackgroundView
from archive_app.gui.icons import icon
from archive_app.gui.reader.colors import mix
from archive_app.gui.tasks import TaskContext, TaskRunner
from archive_app.gui.timeline.canvas import TimelineCanvas

HINT = QT_TRANSLATE_NOOP(
    "view",
    "Filled cells count each perspective's sources on the event (carrying it, or with a passage "
    "that does), as the sidebar and the compare view do; the strips count the dated sources that "
    "carry each perspective, by when they were published. A dashed cell is a side with no source "
    "yet. Click an event to list its sources, double-click to zoom, Ctrl+wheel to zoom.",
)


class TimelineView(BackgroundView[Timeline]):
    """The timeline (objectName ``timelineView``). It is laid out again in the background when
    asked to (when hidden: the next time it is shown)."""

    eventChosen = Signal(int)
    """An event was clicked: the window lists its sources."""
    compareRequested = Signal(int)
    loaded = Signal()
    """New data is shown."""

    def __init__(self, archive: Archive, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(tasks, self.tr("Laying out the timeline"), parent)
        self.setObjectName("timelineView")
        self.setAccessibleName(self.tr("Timeline"))
        self._archive = archive
        self.canvas = TimelineCanvas(self)
        self.hint = QLabel(QCoreApplication.translate("view", HINT), self)
        self.hint.setObjectName("timelineHint")
        self.hint.setWordWrap(True)
        self.canvas.eventChosen.connect(self.eventChosen)
        self.canvas.compareRequested.connect(self.compareRequested)
        bar = QHBoxLayout()
        bar.setContentsMargins(8, 4, 8, 0)
        bar.setSpacing(4)
        bar.addWidget(self.hint, 1)
        for name, tip, slot in (
            ("zoom-out", self.tr("Zoom out (Ctrl+minus)"), self.canvas.zoom_out),
            ("zoom-in", self.tr("Zoom in (Ctrl+plus)"), self.canvas.zoom_in),
            ("zoom-fit", self.tr("Show the whole time axis"), self.canvas.fit),
        ):
            button = QToolButton(self)
            button.setObjectName(f"timeline-{name}")
            button.setIcon(icon(name))
            button.setIconSize(QSize(18, 18))
            button.setToolTip(tip)
            button.setAutoRaise(True)
            button.clicked.connect(slot)
            bar.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addLayout(bar)
        layout.addWidget(self.canvas, 1)
        self._recolor()

    @property
    def timeline(self) -> Timeline:
        return self.canvas.timeline

    def _reading(self) -> Callable[[TaskContext], Timeline]:
        archive = self._archive
        return lambda _context: build_timeline(archive)

    def select_event(self, event_id: int | None) -> None:
        self.canvas.select_event(event_id)

    def _show(self, timeline: Timeline) -> None:
        self.canvas.show_timeline(timeline)
        self.loaded.emit()

    def _recolor(self) -> None:
        palette = self.hint.palette()
        text = self.palette().color(QPalette.ColorRole.WindowText)
        window = self.palette().color(QPalette.ColorRole.Window)
        palette.setColor(QPalette.ColorRole.WindowText, mix(text, window, 0.4))
        self.hint.setPalette(palette)


class TimelineDock(QDockWidget):
    """The dock that holds the timeline under the window's panes (objectName
    ``timelineDock``). Hidden until asked for; it can be floated into a window of its own."""

    closed = Signal()

    def __init__(self, view: TimelineView, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Timeline"), parent)
        self.setObjectName("timelineDock")
        self.view = view
        self.setWidget(view)
        self.setAllowedAreas(
            Qt.DockWidgetArea.BottomDockWidgetArea | Qt.DockWidgetArea.TopDockWidgetArea
        )
        self.hide()

    def bind(self, action: QAction) -> None:
        """Let a checkable action show and hide the dock, and uncheck it when the dock's own
        close button hides it."""
        action.toggled.connect(self.setVisible)
        self.closed.connect(lambda: action.setChecked(False))

    def closeEvent(self, event: QCloseEvent) -> None:
        super().closeEvent(event)
        self.closed.emit()
