"""The timeline's drawing surface: scrolling, zooming, hovering, choosing an event.

A click on an event's row chooses it (the window lists its sources); a double-click zooms to
it; Ctrl+wheel (or Ctrl+plus and Ctrl+minus) zooms around the pointer; the wheel scrolls the
rows, Shift+wheel the time axis. Up and Down move between events and Enter chooses one.
"""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QEvent, QPoint, QRect, QSize, Qt, Signal
from PySide6.QtGui import (
    QContextMenuEvent,
    QKeyEvent,
    QKeySequence,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QResizeEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import QAbstractScrollArea, QMenu, QToolTip, QWidget

from archive_app.core.timeline import Timeline, count_by_bin, unit_for
from archive_app.gui.timeline.layout import (
    ROW,
    Entry,
    Geometry,
    axis_range,
    entries_of,
)
from archive_app.gui.timeline.painting import Bins, TimelineColors, TimelinePainter
from archive_app.gui.timeline.scale import MAX_PIXELS_PER_DAY, TimeScale
from archive_app.gui.timeline.tips import tooltip_for

GUTTER = 240
ZOOM_STEP = 1.5
MIN_BIN_PIXELS = 5


class TimelineCanvas(QAbstractScrollArea):
    """Events as bars on a time axis, with their coverage by perspective."""

    eventChosen = Signal(int)
    """An event was clicked (or chosen with Enter): list its sources."""
    compareRequested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("timelineCanvas")
        self.setAccessibleName(self.tr("Events on a time axis"))
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.viewport().setMouseTracking(True)
        self.timeline = Timeline((), (), (), ())
        self._entries: list[Entry] = []
        self._first, self._last = axis_range(self.timeline)
        self._pixels_per_day = 1.0
        self._fitted = True
        self._current = -1
        self._hovered = -1
        self._bins: dict[str, Bins] = {}

    # Showing a timeline

    def show_timeline(self, timeline: Timeline) -> None:
        """Show new data, keeping the zoom, the scroll position and the chosen event."""
        chosen = self.current_event_id
        self.timeline = timeline
        self._entries = entries_of(timeline)
        self._first, self._last = axis_range(timeline)
        self._bins.clear()
        self._current = self._entry_of(chosen) if chosen is not None else -1
        self._hovered = -1
        if self._fitted:
            self._pixels_per_day = self._fit_zoom()
        self._update_scrollbars()
        self.viewport().update()

    @property
    def current_event_id(self) -> int | None:
        if 0 <= self._current < len(self._entries):
            row = self._entries[self._current].row
            return None if row is None else row.event.id
        return None

    def select_event(self, event_id: int | None) -> None:
        """Mark an event as the chosen one (without announcing it) and scroll to it."""
        self._current = self._entry_of(event_id) if event_id is not None else -1
        if self._current >= 0:
            self._scroll_to_entry(self._current)
        self.viewport().update()

    def row_rect(self, event_id: int) -> QRect:
        """Where an event's row is drawn in the viewport (an empty rect if it is not)."""
        entry = self._entry_of(event_id)
        return self.geometry_now().row_rect(entry) if entry >= 0 else QRect()

    def bar_rect(self, event_id: int) -> QRect:
        """Where an event's bar is drawn in the viewport (empty without dates)."""
        entry = self._entry_of(event_id)
        bar = self.geometry_now().bar_rect(entry) if entry >= 0 else None
        return QRect() if bar is None else bar.toAlignedRect()

    # Zoom

    @property
    def pixels_per_day(self) -> float:
        return self._pixels_per_day

    def zoom_in(self) -> None:
        self._zoom_by(ZOOM_STEP, self.geometry_now().axis_width / 2)

    def zoom_out(self) -> None:
        self._zoom_by(1 / ZOOM_STEP, self.geometry_now().axis_width / 2)

    def fit(self) -> None:
        """Show the whole axis."""
        self._fitted = True
        self._pixels_per_day = self._fit_zoom()
        self._update_scrollbars()
        self.horizontalScrollBar().setValue(0)
        self.viewport().update()

    def zoom_to(self, first: date, last: date) -> None:
        """Fit the days from ``first`` to ``last`` (with some room) into the view."""
        days = max(1, (last - first).days + 1)
        room = max(1, days // 6)
        width = self.geometry_now().axis_width
        self._fitted = False
        self._pixels_per_day = self._clamped(width / (days + 2 * room))
        self._update_scrollbars()
        scale = TimeScale(self._first, self._pixels_per_day)
        self.horizontalScrollBar().setValue(int(scale.x(first - timedelta(days=room))))
        self.viewport().update()

    def zoom_to_event(self, event_id: int) -> None:
        row = self.timeline.row(event_id)
        if row.span is not None:
            self.zoom_to(row.span.first, row.span.last)

    def _zoom_by(self, factor: float, anchor: float) -> None:
        """Zoom keeping the day under ``anchor`` (pixels into the axis) where it is."""
        scroll = self.horizontalScrollBar()
        day_position = (scroll.value() + anchor) / self._pixels_per_day
        self._pixels_per_day = self._clamped(self._pixels_per_day * factor)
        self._fitted = self._pixels_per_day <= self._fit_zoom()
        self._update_scrollbars()
        scroll.setValue(int(day_position * self._pixels_per_day - anchor))
        self.viewport().update()

    def _fit_zoom(self) -> float:
        days = (self._last - self._first).days + 1
        return max(1e-4, self.geometry_now(1.0).axis_width / days)

    def _clamped(self, pixels_per_day: float) -> float:
        return min(MAX_PIXELS_PER_DAY, max(self._fit_zoom(), pixels_per_day))

    # Geometry

    def geometry_now(self, pixels_per_day: float | None = None) -> Geometry:
        return Geometry(
            timeline=self.timeline,
            entries=self._entries,
            gutter=self._gutter(),
            viewport=self.viewport().size(),
            scale=TimeScale(self._first, pixels_per_day or self._pixels_per_day),
            last_day=self._last,
            scroll_x=self.horizontalScrollBar().value(),
            scroll_y=self.verticalScrollBar().value(),
        )

    def _gutter(self) -> int:
        metrics = self.fontMetrics()
        widest = max(
            (
                metrics.horizontalAdvance(e.row.event.name) + 16 * e.row.depth
                for e in self._entries
                if e.row
            ),
            default=120,
        )
        return max(170, min(GUTTER + 40, widest + 40))

    def _update_scrollbars(self) -> None:
        geometry = self.geometry_now()
        horizontal = self.horizontalScrollBar()
        horizontal.setRange(0, max(0, geometry.content_width - geometry.axis_width))
        horizontal.setPageStep(geometry.axis_width)
        horizontal.setSingleStep(max(8, geometry.axis_width // 20))
        rows_height = max(0, self.viewport().height() - geometry.header_height)
        vertical = self.verticalScrollBar()
        vertical.setRange(0, max(0, geometry.content_height - rows_height))
        vertical.setPageStep(rows_height)
        vertical.setSingleStep(ROW)

    def _entry_of(self, event_id: int | None) -> int:
        for entry, item in enumerate(self._entries):
            if item.row is not None and item.row.event.id == event_id:
                return entry
        return -1

    def _scroll_to_entry(self, entry: int) -> None:
        geometry = self.geometry_now()
        top = entry * ROW
        rows_height = self.viewport().height() - geometry.header_height
        vertical = self.verticalScrollBar()
        if top < vertical.value():
            vertical.setValue(top)
        elif top + ROW > vertical.value() + rows_height:
            vertical.setValue(top + ROW - rows_height)

    # Painting

    def paintEvent(self, _event: QPaintEvent) -> None:
        geometry = self.geometry_now()
        painter = QPainter(self.viewport())
        colors = TimelineColors.of(self.palette())
        TimelinePainter(painter, geometry, colors, self.font()).paint(
            self._current, self._hovered, self._bins_now()
        )
        if not self._entries:
            self._paint_empty(painter, colors)
        painter.end()

    def _paint_empty(self, painter: QPainter, colors: TimelineColors) -> None:
        painter.setPen(colors.muted)
        painter.setFont(self.font())
        geometry = self.geometry_now()
        area = QRect(
            0,
            geometry.header_height,
            self.viewport().width(),
            self.viewport().height() - geometry.header_height,
        )
        painter.drawText(
            area.adjusted(24, 12, -24, -12),
            int(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap),
            self.tr(
                "No events yet. Add events in the sidebar — a conflict, its wars, their battles — "
                "with their dates, tag sources with them, and they appear here on a time axis."
            ),
        )

    def _bins_now(self) -> Bins:
        unit = unit_for(self._pixels_per_day, MIN_BIN_PIXELS)
        found = self._bins.get(unit)
        if found is None:
            found = Bins(unit, count_by_bin(self.timeline.published, unit))
            self._bins[unit] = found
        return found

    # Interaction

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self._fitted:
            self._pixels_per_day = self._fit_zoom()
        else:
            self._pixels_per_day = self._clamped(self._pixels_per_day)
        self._update_scrollbars()

    def scrollContentsBy(self, dx: int, dy: int) -> None:
        self.viewport().update()

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            position = event.pos()  # type: ignore[attr-defined]
            geometry = self.geometry_now()
            text = tooltip_for(geometry, geometry.hit(position), self._bins_now())
            if text:
                QToolTip.showText(event.globalPos(), text, self.viewport())  # type: ignore[attr-defined]
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        if event.type() == QEvent.Type.Leave:
            self._set_hovered(-1)
        return super().viewportEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        hit = self.geometry_now().hit(event.position().toPoint())
        self._set_hovered(hit.entry if hit.kind in ("row", "cell", "mark") else -1)
        super().mouseMoveEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            super().mousePressEvent(event)
            return
        hit = self.geometry_now().hit(event.position().toPoint())
        if hit.kind in ("row", "cell", "mark"):
            self._choose(hit.entry)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        event_id = self._event_at(event.position().toPoint())
        if event_id is not None:
            self.zoom_to_event(event_id)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        event_id = self._event_at(event.pos())
        if event_id is None:
            return
        menu = QMenu(self)
        menu.addAction(self.tr("Show its sources"), lambda: self.eventChosen.emit(event_id))
        menu.addAction(
            self.tr("Compare perspectives"), lambda: self.compareRequested.emit(event_id)
        )
        zoom = menu.addAction(self.tr("Zoom to this event"), lambda: self.zoom_to_event(event_id))
        zoom.setEnabled(self.timeline.row(event_id).span is not None)
        menu.exec(event.globalPos())

    def wheelEvent(self, event: QWheelEvent) -> None:
        delta = event.angleDelta().y() or event.angleDelta().x()
        modifiers = event.modifiers()
        if modifiers & Qt.KeyboardModifier.ControlModifier:
            anchor = event.position().x() - self.geometry_now().axis_left
            self._zoom_by(ZOOM_STEP if delta > 0 else 1 / ZOOM_STEP, max(0.0, anchor))
        elif modifiers & Qt.KeyboardModifier.ShiftModifier:
            bar = self.horizontalScrollBar()
            bar.setValue(bar.value() - delta)
        else:
            super().wheelEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if event.matches(QKeySequence.StandardKey.ZoomIn) or key == Qt.Key.Key_Plus:
            self.zoom_in()
        elif event.matches(QKeySequence.StandardKey.ZoomOut) or key == Qt.Key.Key_Minus:
            self.zoom_out()
        elif key in (Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_Home, Qt.Key.Key_End):
            self._move_current(key)
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.current_event_id is not None:
            self.eventChosen.emit(self.current_event_id)
        else:
            super().keyPressEvent(event)

    def sizeHint(self) -> QSize:
        return QSize(900, 300)

    def _move_current(self, key: int) -> None:
        rows = [i for i, item in enumerate(self._entries) if item.row is not None]
        if not rows:
            return
        if key == Qt.Key.Key_Home:
            target = rows[0]
        elif key == Qt.Key.Key_End:
            target = rows[-1]
        else:
            after = key == Qt.Key.Key_Down
            candidates = [i for i in rows if (i > self._current if after else i < self._current)]
            target = (candidates[0] if after else candidates[-1]) if candidates else self._current
        if target >= 0:
            self._current = target
            self._scroll_to_entry(target)
            self.viewport().update()

    def _choose(self, entry: int) -> None:
        self._current = entry
        self.viewport().update()
        event_id = self.current_event_id
        if event_id is not None:
            self.eventChosen.emit(event_id)

    def _event_at(self, point: QPoint) -> int | None:
        hit = self.geometry_now().hit(point)
        if hit.kind not in ("row", "cell", "mark"):
            return None
        row = self._entries[hit.entry].row
        return None if row is None else row.event.id

    def _set_hovered(self, entry: int) -> None:
        if entry != self._hovered:
            self._hovered = entry
            self.viewport().update()
