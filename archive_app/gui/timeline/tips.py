"""What the timeline says when the pointer rests on it: an event's dates and coverage, one
perspective's count, a source, or how many sources were published in a day, week or month."""

from __future__ import annotations

import html
from datetime import date

from PySide6.QtCore import QCoreApplication, QDate, QLocale

from archive_app.core.compare import ColumnHead
from archive_app.core.timeline import TimelineRow, Unit, bin_start
from archive_app.gui.compare.cards import short_date
from archive_app.gui.compare.dates import event_dates
from archive_app.gui.counts import passages_count, sources_count
from archive_app.gui.timeline.layout import Geometry, Hit
from archive_app.gui.timeline.painting import Bins


def tooltip_for(geometry: Geometry, hit: Hit, bins: Bins) -> str:
    """Rich text for what lies under the pointer ('' for nothing worth saying)."""
    if hit.kind in ("row", "cell", "mark"):
        row = geometry.entries[hit.entry].row
        if row is None:
            return ""
        if hit.kind == "cell" and hit.column is not None:
            return cell_tip(row, hit.column)
        if hit.kind == "mark" and hit.mark is not None:
            heads = {head.key: head.name for head in geometry.columns}
            perspective = heads.get(hit.mark.column, "")
            when = short_date(hit.mark.day.isoformat())
            return f"<b>{html.escape(hit.mark.title)}</b><br>{when} · {html.escape(perspective)}"
        return row_tip(row, geometry.columns)
    if hit.kind == "column" and hit.column is not None:
        return column_tip(hit.column)
    if hit.kind == "strip" and hit.column is not None and hit.day is not None:
        return strip_tip(hit.column, hit.day, bins)
    return ""


def row_tip(row: TimelineRow, columns: tuple[ColumnHead, ...]) -> str:
    event = row.event
    lines = [f"<b>{html.escape(event.name)}</b>"]
    context = [event_dates(event.start, event.end), " › ".join(row.path)]
    if row.span is not None and row.span.derived:
        context[0] = QCoreApplication.translate("tips", "dates from its sub-events")
    lines.append(html.escape(" · ".join(part for part in context if part)))
    if not row.source_count:
        lines.append(
            QCoreApplication.translate(
                "tips", "No sources yet — drag sources onto it in the sidebar."
            )
        )
    else:
        lines.append(
            QCoreApplication.translate("tips", "{counted}, sub-events included:").format(
                counted=sources_count(row.source_count)
            )
        )
        for head in columns:
            cell = row.coverage_of(head.key)
            dot = f"<span style='color:{head.color or 'gray'}'>●</span>"
            count = (
                f"{sources_count(cell.sources)}, {passages_count(cell.passages)}"
                if cell.sources
                else "<i>none</i>"
            )
            lines.append(f"{dot} {html.escape(head.name)}: {count}")
    lines.append(
        QCoreApplication.translate(
            "tips",
            "<span style='color:gray'>Click to list its sources · double-click to zoom</span>",
        )
    )
    return "<br>".join(lines)


def cell_tip(row: TimelineRow, head: ColumnHead) -> str:
    cell = row.coverage_of(head.key)
    name, event = html.escape(head.name), html.escape(row.event.name)
    if cell.sources:
        counts = f"{sources_count(cell.sources)}, {passages_count(cell.passages)}"
        return QCoreApplication.translate("tips", "<b>{name}</b> on {event}: {counts}").format(
            name=name, event=event, counts=counts
        )
    if row.source_count and head.key is not None:
        return QCoreApplication.translate(
            "tips", "<b>{name}</b> on {event}: no source yet — a gap in coverage"
        ).format(name=name, event=event)
    return QCoreApplication.translate("tips", "<b>{name}</b> on {event}: no source").format(
        name=name, event=event
    )


def column_tip(head: ColumnHead) -> str:
    about = f"<br>{html.escape(head.description)}" if head.description else ""
    return QCoreApplication.translate(
        "tips",
        "<b>{escape}</b>{about}<br>Each cell below: its sources on the event, sub-events included",
    ).format(escape=html.escape(head.name), about=about)


def strip_tip(head: ColumnHead, day: date, bins: Bins) -> str:
    start = bin_start(day, bins.unit)
    count = bins.counts.get(head.key, {}).get(start, 0)
    sources = sources_count(count) if count else QCoreApplication.translate("tips", "No sources")
    return QCoreApplication.translate(
        "tips", "<b>{escape}</b>: {sources} published {period}"
    ).format(escape=html.escape(head.name), sources=sources, period=_period(start, bins.unit))


def _period(start: date, unit: Unit) -> str:
    locale = QLocale()
    moment = QDate(start.year, start.month, start.day)
    if unit == "day":
        return f"on {locale.toString(moment, 'd MMMM yyyy')}"
    if unit == "week":
        return QCoreApplication.translate("tips", "in the week of {toString}").format(
            toString=locale.toString(moment, "d MMMM yyyy")
        )
    if unit == "month":
        return f"in {locale.toString(moment, 'MMMM yyyy')}"
    if unit == "quarter":
        return QCoreApplication.translate("tips", "in Q{value} {year}").format(
            value=(start.month - 1) // 3 + 1, year=start.year
        )
    return f"in {start.year}"
