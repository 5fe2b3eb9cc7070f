"""Drawing the timeline in the palette's colours; perspective colours are the only fixed ones.

Coverage cells are filled in the perspective's colour, stronger for more sources; a
perspective with no source for an event that others cover is drawn as a dashed, empty cell in
its colour, so the gaps in coverage show at a glance.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QCoreApplication, QPointF, QRect, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QLinearGradient,
    QPainter,
    QPainterPath,
    QPalette,
    QPen,
)

from archive_app.core.compare import ColumnHead, ColumnKey
from archive_app.core.timeline import TimelineRow, Unit, next_bin
from archive_app.gui.compare.dates import event_dates
from archive_app.gui.reader.colors import is_dark, mix
from archive_app.gui.timeline.layout import AXIS, ROW, STRIP, Geometry

LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
CENTER = Qt.AlignmentFlag.AlignCenter
INDENT = 16


@dataclass(frozen=True)
class TimelineColors:
    text: QColor
    muted: QColor
    faint: QColor
    base: QColor
    panel: QColor
    bar: QColor
    highlight: QColor
    band: QColor
    dark: bool

    @classmethod
    def of(cls, palette: QPalette) -> TimelineColors:
        text = palette.color(QPalette.ColorRole.Text)
        base = palette.color(QPalette.ColorRole.Base)
        highlight = palette.color(QPalette.ColorRole.Highlight)
        return cls(
            text=text,
            muted=mix(text, base, 0.45),
            faint=mix(base, text, 0.09),
            base=base,
            panel=mix(base, text, 0.035),
            bar=mix(text, base, 0.5),
            highlight=highlight,
            band=mix(base, highlight, 0.16),
            dark=is_dark(palette),
        )


def column_color(head: ColumnHead, colors: TimelineColors) -> QColor:
    color = QColor(head.color)
    return color if head.color and color.isValid() else colors.muted


@dataclass(frozen=True)
class Bins:
    """Sources published per bin for each column at the zoom's bin size."""

    unit: Unit
    counts: Mapping[ColumnKey, Mapping[date, int]]


class TimelinePainter:
    """Paints one frame of the timeline."""

    def __init__(
        self,
        painter: QPainter,
        geometry: Geometry,
        colors: TimelineColors,
        font: QFont,
    ) -> None:
        self.painter = painter
        self.geometry = geometry
        self.colors = colors
        self.font = font
        self.small = QFont(font)
        self.small.setPointSizeF(font.pointSizeF() * 0.86)
        self.bold = QFont(font)
        self.bold.setBold(True)

    def paint(self, current: int, hovered: int, bins: Bins) -> None:
        geometry = self.geometry
        size = geometry.viewport
        painter = self.painter
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(QRect(0, 0, size.width(), size.height()), self.colors.base)
        painter.save()
        painter.setClipRect(QRect(0, geometry.header_height, size.width(), size.height()))
        self._grid_lines(geometry.header_height, size.height())
        for entry in range(len(geometry.entries)):
            top = geometry.row_top(entry)
            if top + ROW < geometry.header_height or top > size.height():
                continue
            self._entry(entry, selected=entry == current, hovered=entry == hovered)
        painter.restore()
        self._header(bins)

    # The rows

    def _entry(self, entry: int, *, selected: bool, hovered: bool) -> None:
        geometry, painter, colors = self.geometry, self.painter, self.colors
        item = geometry.entries[entry]
        rect = geometry.row_rect(entry)
        if item.row is None:
            self._undated_heading(rect)
            return
        if selected or hovered:
            band = QColor(colors.band)
            if not selected:
                band = mix(colors.base, colors.highlight, 0.07)
            painter.fillRect(rect, band)
        row = item.row
        self._name(row, rect, selected=selected, undated=item.undated)
        self._cells(entry, row)
        painter.save()
        painter.setClipRect(QRect(geometry.axis_left, rect.top(), geometry.axis_width, ROW))
        if item.undated:
            painter.setFont(self.small)
            painter.setPen(colors.muted)
            text_rect = QRect(geometry.axis_left + 10, rect.top(), geometry.axis_width - 20, ROW)
            painter.drawText(
                text_rect, int(LEFT), QCoreApplication.translate("TimelinePainter", "No dates yet")
            )
        else:
            self._bar(entry, row, selected=selected)
            self._marks(entry)
        painter.restore()

    def _name(self, row: TimelineRow, rect: QRect, *, selected: bool, undated: bool) -> None:
        painter = self.painter
        indent = 12 + (0 if undated else row.depth * INDENT)
        if row.depth and not undated:
            guide = mix(self.colors.base, self.colors.text, 0.22)
            painter.setPen(QPen(guide, 1))
            x = indent - 9
            painter.drawLine(QPointF(x, rect.top()), QPointF(x, rect.center().y()))
            painter.drawLine(QPointF(x, rect.center().y()), QPointF(x + 5, rect.center().y()))
        font = self.bold if row.depth == 0 and not undated else self.font
        painter.setFont(font)
        painter.setPen(self.colors.text)
        room = self.geometry.gutter - indent - 8
        name = painter.fontMetrics().elidedText(row.event.name, Qt.TextElideMode.ElideRight, room)
        painter.drawText(QRect(indent, rect.top(), room, ROW), int(LEFT), name)

    def _cells(self, entry: int, row: TimelineRow) -> None:
        painter, colors = self.painter, self.colors
        painter.setFont(self.small)
        for column, head in enumerate(self.geometry.columns):
            cell = QRectF(self.geometry.cell_rect(entry, column))
            color = column_color(head, colors)
            count = row.coverage_of(head.key).sources
            path = QPainterPath()
            path.addRoundedRect(cell, 4, 4)
            if count:
                strength = min(1.0, 0.45 + 0.18 * count)
                fill = mix(colors.base, color, strength)
                painter.fillPath(path, fill)
                painter.setPen(_readable_on(fill))
                painter.drawText(cell, int(CENTER), str(count) if count < 100 else "99+")
            elif row.source_count and head.key is not None:
                pen = QPen(color, 1.4, Qt.PenStyle.DashLine)
                pen.setDashPattern([2.5, 2.0])
                painter.setPen(pen)
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawPath(path)
            else:
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(colors.faint)
                painter.drawEllipse(cell.center(), 2, 2)
                painter.setBrush(Qt.BrushStyle.NoBrush)

    def _bar(self, entry: int, row: TimelineRow, *, selected: bool) -> None:
        rect = self.geometry.bar_rect(entry)
        if rect is None or row.span is None:
            return
        if self._off_screen(entry, rect, row):
            return
        painter, colors = self.painter, self.colors
        color = colors.highlight if selected else colors.bar
        path = QPainterPath()
        path.addRoundedRect(rect, 4, 4)
        span = row.span
        if span.derived:
            painter.setPen(QPen(color, 1.3))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawPath(path)
        elif span.open_end or span.open_start:
            # Only the part on screen: a gradient over a bar of thousands of pixels bands.
            geometry = self.geometry
            shown = rect.intersected(
                QRectF(geometry.axis_left - 20, rect.top(), geometry.axis_width + 40, rect.height())
            )
            fade_start = span.open_start and shown.left() == rect.left()
            fade_end = span.open_end and shown.right() == rect.right()
            painter.fillPath(path, QBrush(_fading(shown, color, fade_start, fade_end)))
        else:
            painter.fillPath(path, color)
        self._bar_label(entry, rect, row)

    def _off_screen(self, entry: int, bar: QRectF, row: TimelineRow) -> bool:
        """For a bar out of view, its dates at the edge it lies beyond, with an arrow."""
        geometry = self.geometry
        left, right = geometry.axis_left + 8, geometry.viewport.width() - 8
        if left - 8 <= bar.right() and bar.left() <= right + 8:
            return False
        event = row.event
        dates = event_dates(event.start, event.end) or QCoreApplication.translate(
            "TimelinePainter", "dates from its sub-events"
        )
        before = bar.right() < left
        text = f"◂ {dates}" if before else f"{dates} ▸"
        align = LEFT if before else Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        self.painter.setFont(self.small)
        self.painter.setPen(self.colors.muted)
        top = geometry.row_top(entry)
        self.painter.drawText(QRectF(left, top + 1, right - left, 18), int(align), text)
        return True

    def _bar_label(self, entry: int, bar: QRectF, row: TimelineRow) -> None:
        """The event's name beside its bar, when there is room for it."""
        painter = self.painter
        painter.setFont(self.small)
        metrics = painter.fontMetrics()
        text = row.event.name
        left = bar.right() + 8
        right_edge = self.geometry.viewport.width() - 6
        if left + metrics.horizontalAdvance(text) > right_edge:
            return
        painter.setPen(self.colors.muted)
        top = self.geometry.row_top(entry)
        painter.drawText(QRectF(left, top + 2, right_edge - left, 16), int(LEFT), text)

    def _marks(self, entry: int) -> None:
        painter, colors, geometry = self.painter, self.colors, self.geometry
        fills = {head.key: column_color(head, colors) for head in geometry.columns}
        outline = QPen(colors.base, 1.2)
        in_view = (geometry.axis_left, geometry.viewport.width())
        for rect, mark in geometry.mark_positions(entry, *in_view):
            painter.setPen(outline)
            painter.setBrush(fills.get(mark.column, colors.muted))
            painter.drawEllipse(rect)
        painter.setBrush(Qt.BrushStyle.NoBrush)

    def _undated_heading(self, rect: QRect) -> None:
        painter, colors = self.painter, self.colors
        painter.fillRect(rect, colors.panel)
        painter.setPen(QPen(colors.faint, 1))
        painter.drawLine(rect.topLeft(), rect.topRight())
        painter.setFont(self.bold)
        painter.setPen(colors.muted)
        painter.drawText(
            rect.adjusted(12, 0, -12, 0),
            int(LEFT),
            QCoreApplication.translate(
                "TimelinePainter",
                "Without dates — give them a start or an end to place them on the axis",
            ),
        )

    def _grid_lines(self, top: int, bottom: int) -> None:
        geometry, painter = self.geometry, self.painter
        first = geometry.scale.day_at(geometry.scroll_x)
        last = geometry.scale.day_at(geometry.scroll_x + geometry.axis_width)
        minor, major = geometry.scale.ticks(first, last)
        painter.setPen(QPen(self.colors.faint, 1))
        for tick in major or minor:
            x = geometry.x(tick.day)
            if x >= geometry.axis_left:
                painter.drawLine(QPointF(x, top), QPointF(x, bottom))

    # The header: ticks and the strips of sources published over time

    def _header(self, bins: Bins) -> None:
        geometry, painter, colors = self.geometry, self.painter, self.colors
        width = geometry.viewport.width()
        height = geometry.header_height
        painter.fillRect(QRect(0, 0, width, height), colors.panel)
        painter.setPen(QPen(colors.faint, 1))
        painter.drawLine(QPointF(0, height - 0.5), QPointF(width, height - 0.5))
        self._column_heads()
        self._strip_labels()
        painter.save()
        painter.setClipRect(QRect(geometry.axis_left, 0, geometry.axis_width, height))
        self._ticks()
        self._strips(bins)
        painter.restore()

    def _column_heads(self) -> None:
        painter, geometry = self.painter, self.geometry
        for column, head in enumerate(geometry.columns):
            cell = geometry.cell_rect(0, column)
            centre = QPointF(cell.center().x() + 0.5, AXIS - 12)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(column_color(head, self.colors))
            if head.key is None:
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.setPen(QPen(self.colors.muted, 1.3))
            painter.drawEllipse(centre, 5, 5)
        painter.setBrush(Qt.BrushStyle.NoBrush)

    def _strip_labels(self) -> None:
        """The caption over the strips, and each strip's perspective with its total."""
        painter, geometry = self.painter, self.geometry
        if not geometry.columns:
            return
        painter.setFont(self.small)
        metrics = painter.fontMetrics()
        painter.setPen(self.colors.muted)
        caption = QRect(12, AXIS - 20, geometry.gutter - 12, 16)
        painter.drawText(
            caption,
            int(LEFT),
            QCoreApplication.translate("TimelinePainter", "Dated sources, by when published"),
        )
        right = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        for column, head in enumerate(geometry.columns):
            strip = geometry.strip_rect(column)
            total = sum(1 for mark in geometry.timeline.published if mark.column == head.key)
            total_text = str(total)
            room = geometry.gutter - 40 - metrics.horizontalAdvance(total_text)
            label = metrics.elidedText(head.name, Qt.TextElideMode.ElideRight, room)
            rect = QRect(28, strip.top() - 1, geometry.gutter - 36, STRIP)
            painter.setPen(self.colors.muted)
            painter.drawText(rect, int(LEFT), label)
            painter.drawText(rect, right, total_text)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(column_color(head, self.colors))
            painter.drawRoundedRect(QRectF(12, strip.top() + 2, 10, STRIP - 7), 2, 2)
            painter.setBrush(Qt.BrushStyle.NoBrush)

    def _ticks(self) -> None:
        geometry, painter, colors = self.geometry, self.painter, self.colors
        first = geometry.scale.day_at(geometry.scroll_x - 200)
        last = geometry.scale.day_at(geometry.scroll_x + geometry.axis_width + 10)
        minor, major = geometry.scale.ticks(first, last)
        painter.setFont(self.small)
        for tick in minor:
            x = geometry.x(tick.day)
            if x < geometry.axis_left:
                continue
            painter.setPen(QPen(colors.faint, 1))
            painter.drawLine(QPointF(x, AXIS - 8), QPointF(x, AXIS))
            painter.setPen(colors.muted)
            painter.drawText(QRectF(x + 4, AXIS - 20, 200, 16), int(LEFT), tick.label)
        painter.setFont(self.bold)
        painter.setPen(colors.text)
        for tick in major:
            x = max(geometry.x(tick.day), float(geometry.axis_left))
            painter.setPen(QPen(colors.muted, 1))
            painter.drawLine(QPointF(geometry.x(tick.day), 4), QPointF(geometry.x(tick.day), AXIS))
            painter.setPen(colors.text)
            painter.drawText(QRectF(x + 4, 3, 300, 18), int(LEFT), tick.label)

    def _strips(self, bins: Bins) -> None:
        geometry, painter, colors = self.geometry, self.painter, self.colors
        for column, head in enumerate(geometry.columns):
            strip = geometry.strip_rect(column)
            painter.fillRect(strip, mix(colors.panel, colors.text, 0.04))
            counts = bins.counts.get(head.key, {})
            if not counts:
                continue
            most = max(counts.values())
            color = column_color(head, colors)
            for start, count in counts.items():
                left = geometry.x(start)
                right = geometry.x(next_bin(start, bins.unit))
                if right < geometry.axis_left or left > geometry.viewport.width():
                    continue
                fill = QColor(color)
                fill.setAlphaF(0.3 + 0.7 * count / most)
                painter.fillRect(
                    QRectF(left, strip.top(), max(2.0, right - left - 1), strip.height()), fill
                )


def _readable_on(fill: QColor) -> QColor:
    """Black or white, whichever reads better on ``fill``."""
    luminance = 0.2126 * fill.redF() + 0.7152 * fill.greenF() + 0.0722 * fill.blueF()
    return QColor("#111111") if luminance > 0.55 else QColor("#ffffff")


def _fading(rect: QRectF, color: QColor, fade_start: bool, fade_end: bool) -> QLinearGradient:
    """A bar's fill that fades out over its last (or first) pixels: no date there."""
    gradient = QLinearGradient(rect.topLeft(), rect.topRight())
    faded = QColor(color)
    faded.setAlphaF(0.05)
    share = min(0.45, 90 / max(1.0, rect.width()))
    gradient.setColorAt(0.0, faded if fade_start else color)
    gradient.setColorAt(share if fade_start else 0.0, color)
    gradient.setColorAt(1 - share if fade_end else 1.0, color)
    gradient.setColorAt(1.0, faded if fade_end else color)
    return gradient
