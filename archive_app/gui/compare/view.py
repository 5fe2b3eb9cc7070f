"""The compare view: how each perspective told one event, side by side.

A bar on top chooses the event (any event of the tree), whether its sub-events count, and how
the cards are sorted; below it, one column per perspective (:mod:`.column`) with the sources'
cards and their annotated passages. The comparison is read off the GUI thread
(:func:`archive_app.core.compare.compare_event`); a newer request makes an older answer stale.
A double-click (or Enter) on a card asks the window to open that source in the reader.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtCore import QCoreApplication, QSize, Qt, Signal
from PySide6.QtGui import QFont, QImage, QPalette
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from archive_app.core.archive import Archive
from archive_app.core.compare import CARD_ORDERS, CardOrder, Comparison, compare_event
from archive_app.core.events import EventNode
from archive_app.core.messages import QT_TRANSLATE_NOOP
from archive_app.gui.background_view import BackgroundView
from archive_app.gui.compare.cards import CARD_PICTURE
from archive_app.gui.compare.column import CompareColumn
from archive_app.gui.compare.dates import event_dates
from archive_app.gui.counts import passages_count, sources_count, sub_events_count
from archive_app.gui.icons import icon
from archive_app.gui.image_grid import scaled_thumbnail, screen_scale
from archive_app.gui.reader.colors import mix
from archive_app.gui.tasks import TaskContext, TaskRunner

ORDER_LABELS: dict[CardOrder, str] = {
    "oldest": QT_TRANSLATE_NOOP("view", "Oldest first"),
    "newest": QT_TRANSLATE_NOOP("view", "Newest first"),
    "title": QT_TRANSLATE_NOOP("view", "By title"),
}
INDENT = "    "


@dataclass(frozen=True)
class EventChoice:
    """An event as the chooser lists it: indented under its parent, with its dates."""

    id: int
    name: str
    depth: int
    dates: str
    path: tuple[str, ...]


@dataclass(frozen=True)
class Loaded:
    events: list[EventChoice]
    comparison: Comparison | None
    pictures: dict[int, QImage] = field(default_factory=dict)
    """The thumbnails of the image sources among the cards, by source id."""


def event_choices(
    nodes: list[EventNode], depth: int = 0, path: tuple[str, ...] = ()
) -> list[EventChoice]:
    """The event tree, depth first, as the chooser lists it."""
    choices = []
    for node in nodes:
        event = node.event
        choices.append(
            EventChoice(event.id, event.name, depth, event_dates(event.start, event.end), path)
        )
        choices.extend(event_choices(node.children, depth + 1, (*path, event.name)))
    return choices


class CompareView(BackgroundView[Loaded]):
    """The compare view (objectName ``compareView``). The comparison is read again in the
    background when asked to (when hidden: the next time it is shown)."""

    sourceOpenRequested = Signal(int)
    """A card was opened: show this source in the reader and select it in the list."""
    titleChanged = Signal(str)

    def __init__(self, archive: Archive, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(tasks, self.tr("Comparing perspectives"), parent)
        self.setObjectName("compareView")
        self.setAccessibleName(self.tr("Compare perspectives"))
        self._archive = archive
        self._event_id: int | None = None
        self.comparison: Comparison | None = None
        self.columns: list[CompareColumn] = []
        self.event_choice = QComboBox(self)
        self.event_choice.setObjectName("compareEvent")
        self.event_choice.setAccessibleName(self.tr("Event to compare"))
        self.event_choice.setMinimumContentsLength(28)
        self.event_choice.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.sub_events = QCheckBox(self.tr("Include sub-events"), self)
        self.sub_events.setObjectName("compareSubEvents")
        self.sub_events.setChecked(True)
        self.sub_events.setToolTip(
            self.tr("Count the sources of the events that are part of this one")
        )
        self.order = QComboBox(self)
        self.order.setObjectName("compareOrder")
        self.order.setAccessibleName(self.tr("Sort cards"))
        for key in CARD_ORDERS:
            self.order.addItem(QCoreApplication.translate("view", ORDER_LABELS[key]), key)
        self.summary = QLabel(self)
        self.summary.setObjectName("compareSummary")
        self.details = QLabel(self)
        self.details.setObjectName("compareDetails")
        self.details.setTextFormat(Qt.TextFormat.PlainText)
        self.empty = QLabel(self)
        self.empty.setObjectName("compareEmpty")
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._symbol = QLabel(self)
        self._row = QHBoxLayout()
        self._pages = QStackedWidget(self)
        self._build()
        self.event_choice.currentIndexChanged.connect(self._event_chosen)
        self.sub_events.toggled.connect(lambda _checked: self.refresh())
        self.order.currentIndexChanged.connect(lambda _index: self.refresh())

    # Building

    def _build(self) -> None:
        heading = QLabel(self.tr("Compare perspectives on"), self)
        font = QFont(heading.font())
        font.setBold(True)
        heading.setFont(font)
        sort_label = QLabel(self.tr("Sort"), self)
        sort_label.setBuddy(self.order)
        bar = QHBoxLayout()
        bar.setSpacing(8)
        bar.addWidget(self._symbol)
        bar.addWidget(heading)
        bar.addWidget(self.event_choice)
        bar.addSpacing(10)
        bar.addWidget(self.sub_events)
        bar.addSpacing(10)
        bar.addWidget(sort_label)
        bar.addWidget(self.order)
        bar.addStretch(1)
        bar.addWidget(self.summary)
        strip = QWidget(self)
        strip.setLayout(self._row)
        self._row.setContentsMargins(0, 0, 0, 0)
        self._row.setSpacing(10)
        scroller = QScrollArea(self)
        scroller.setObjectName("compareColumns")
        scroller.setWidgetResizable(True)
        scroller.setFrameShape(QFrame.Shape.NoFrame)
        scroller.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroller.setWidget(strip)
        self._scroller = scroller
        self._pages.addWidget(scroller)
        self._pages.addWidget(self.empty)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 8)
        layout.setSpacing(6)
        layout.addLayout(bar)
        layout.addWidget(self.details)
        layout.addSpacing(4)
        layout.addWidget(self._pages, 1)
        self._recolor()

    # What is shown

    @property
    def event_id(self) -> int | None:
        return self._event_id

    def show_event(self, event_id: int | None) -> None:
        """Compare this event (None: the first one of the tree)."""
        self._event_id = event_id
        self.refresh()

    def _reading(self) -> Callable[[TaskContext], Loaded]:
        archive, event_id = self._archive, self._event_id
        sub_events = self.sub_events.isChecked()
        order: CardOrder = self.order.currentData() or "oldest"
        scale = screen_scale()
        return lambda context: _load(
            archive, event_id, sub_events=sub_events, order=order, context=context, scale=scale
        )

    def column(self, name: str) -> CompareColumn:
        """The column of the perspective ``name`` (or "No perspective")."""
        for column in self.columns:
            if column.head.name.casefold() == name.casefold():
                return column
        raise KeyError(name)

    # Showing what was read

    def _show(self, loaded: Loaded) -> None:
        self._fill_chooser(loaded.events, loaded.comparison)
        comparison = loaded.comparison
        self.comparison = comparison
        if comparison is None:
            self._event_id = None
            self._show_empty(
                self.tr(
                    "There are no events yet.\n\nAdd one in the sidebar, tag sources with it, and "
                    "compare here how each perspective told it."
                )
            )
            self.titleChanged.emit("Compare")
            return
        self._event_id = comparison.event.id
        self._show_details(comparison)
        self._show_columns(comparison, loaded.pictures)
        self.titleChanged.emit(f"Compare · {comparison.event.name}")
        if not comparison.source_count:
            self._show_empty(
                self.tr(
                    "No sources are tagged with “{name}” yet — drag sources onto it in the "
                    "sidebar, or add the event to a source in the inspector."
                ).format(name=comparison.event.name)
            )
        else:
            self._pages.setCurrentWidget(self._scroller)

    def _fill_chooser(self, events: list[EventChoice], comparison: Comparison | None) -> None:
        chooser = self.event_choice
        chooser.blockSignals(True)
        chooser.clear()
        for choice in events:
            chooser.addItem(icon("event"), INDENT * choice.depth + choice.name, choice.id)
            tip = " › ".join((*choice.path, choice.name))
            chooser.setItemData(
                chooser.count() - 1, f"{tip}\n{choice.dates}".strip(), Qt.ItemDataRole.ToolTipRole
            )
        if comparison is not None:
            chooser.setCurrentIndex(chooser.findData(comparison.event.id))
        chooser.setEnabled(bool(events))
        chooser.blockSignals(False)

    def _show_details(self, comparison: Comparison) -> None:
        event = comparison.event
        parts = [event_dates(event.start, event.end), event.place]
        sub_events = comparison.scope[1:]
        if sub_events:
            names = ", ".join(ref.name for ref in sub_events[:4])
            more = (
                self.tr(" and {value} more").format(value=len(sub_events) - 4)
                if len(sub_events) > 4
                else ""
            )
            parts.append(
                self.tr("with {counted}: {names}{more}").format(
                    counted=sub_events_count(len(sub_events)), names=names, more=more
                )
            )
        self.details.setText(" · ".join(part for part in parts if part))
        self.details.setVisible(bool(self.details.text()))
        self.summary.setText(
            f"{sources_count(comparison.source_count)} · {passages_count(comparison.passage_count)}"
        )

    def _show_columns(self, comparison: Comparison, pictures: dict[int, QImage]) -> None:
        old = {column.head.key: column for column in self.columns}
        self.columns = []
        while self._row.count():
            self._row.takeAt(0)
        for compared in comparison.columns:
            column = old.pop(compared.head.key, None)
            if column is None:
                column = CompareColumn(compared.head, self)
                column.sourceOpenRequested.connect(self.sourceOpenRequested)
            column.show_cards(
                compared.head,
                compared.cards,
                event_id=comparison.event.id,
                event_name=comparison.event.name,
                pictures=pictures,
            )
            self._row.addWidget(column, 1)
            self.columns.append(column)
        for column in old.values():
            column.deleteLater()

    def _show_empty(self, message: str) -> None:
        self.empty.setText(message)
        self._pages.setCurrentWidget(self.empty)
        if self.comparison is None:
            self.details.setVisible(False)
            self.summary.clear()

    def _event_chosen(self, index: int) -> None:
        event_id = self.event_choice.itemData(index)
        if isinstance(event_id, int) and event_id != self._event_id:
            self.show_event(event_id)

    def _recolor(self) -> None:
        self._symbol.setPixmap(icon("compare").pixmap(QSize(20, 20)))
        text = self.palette().color(QPalette.ColorRole.WindowText)
        window = self.palette().color(QPalette.ColorRole.Window)
        for label in (self.summary, self.details, self.empty):
            palette = label.palette()
            palette.setColor(QPalette.ColorRole.WindowText, mix(text, window, 0.4))
            label.setPalette(palette)


def _load(
    archive: Archive,
    event_id: int | None,
    *,
    sub_events: bool,
    order: CardOrder,
    context: TaskContext,
    scale: float,
) -> Loaded:
    """The events to choose from, the comparison (of the first event when none is given or
    the one given is gone) and the thumbnails of its image cards."""
    events = event_choices(archive.events.tree())
    known = {choice.id for choice in events}
    chosen = event_id if event_id in known else (events[0].id if events else None)
    if chosen is None:
        return Loaded(events, None)
    comparison = compare_event(archive, chosen, sub_events=sub_events, order=order)
    images = {
        card.source_id
        for column in comparison.columns
        for card in column.cards
        if card.kind == "image"
    }
    pictures: dict[int, QImage] = {}
    for source_id in sorted(images):
        if context.cancelled:
            break
        provenance = archive.get(source_id).provenance
        picture = scaled_thumbnail(
            archive, provenance.sha256, provenance.original_ext, scale, CARD_PICTURE
        )
        if picture is not None:
            pictures[source_id] = picture
    return Loaded(events, comparison, pictures)
