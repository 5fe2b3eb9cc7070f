"""The sidebar's item model: sections (Library, Events, Perspectives, Tags, Saved searches)
and their entries, each with its number of sources, rebuilt from a :class:`SidebarSummary`."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QFont, QIcon, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QWidget

from archive_app.core.listing import (
    ALL_SOURCES,
    EventCount,
    NamedCount,
    Scope,
    SidebarSummary,
    View,
)
from archive_app.core.messages import QT_TRANSLATE_NOOP
from archive_app.gui.icons import color_dot, icon, kind_icon
from archive_app.gui.sidebar.delegate import ADD_ROLE, COUNT_ROLE, DETAIL_ROLE, ENTRY_ROLE

LIBRARY = (
    ("all", None, QT_TRANSLATE_NOOP("model", "All sources")),
    ("kind", "article", QT_TRANSLATE_NOOP("model", "Articles")),
    ("kind", "pdf", QT_TRANSLATE_NOOP("model", "PDFs")),
    ("kind", "image", QT_TRANSLATE_NOOP("model", "Images")),
    ("kind", "text", QT_TRANSLATE_NOOP("model", "Text & notes")),
    ("kind", "reference", QT_TRANSLATE_NOOP("model", "References")),
)

TRASH = ("trash", None)
"""The Library's last entry: it opens the trash rather than listing sources."""

Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class SidebarEntry:
    """What choosing an entry shows: a library view, or a saved search's query."""

    key: tuple[str, object]
    view: View | None = None
    query: str = ""


class SidebarModel(QStandardItemModel):
    """Sections (Library, Events, Perspectives, Tags, Saved searches) and their entries."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.show_summary(SidebarSummary())

    def show_summary(self, summary: SidebarSummary) -> None:
        self.clear()
        root = self.invisibleRootItem()
        library = _section(self.tr("Library"), "library")
        for scope, key, label in LIBRARY:
            count = summary.total if scope == "all" else summary.kinds.get(str(key), 0)
            view = ALL_SOURCES if scope == "all" else View("kind", key)
            entry_icon = icon("library") if key is None else kind_icon(key)
            library.appendRow(
                _entry(
                    QCoreApplication.translate("model", label),
                    SidebarEntry((scope, key), view),
                    count,
                    entry_icon,
                )
            )
        library.appendRow(
            _entry(self.tr("Trash"), SidebarEntry(TRASH), summary.trashed, icon("trash"))
        )
        root.appendRow(library)
        root.appendRow(_event_section(summary.events))
        root.appendRow(_named_section(self.tr("Perspectives"), "perspective", summary.perspectives))
        root.appendRow(_named_section(self.tr("Tags"), "tag", summary.tags))
        searches = _section(self.tr("Saved searches"), "saved")
        for saved in summary.saved_searches:
            entry = SidebarEntry(("saved", saved.id), query=saved.query)
            item = _entry(saved.name, entry, None, icon("saved-search"))
            item.setToolTip(saved.query)
            searches.appendRow(item)
        if not summary.saved_searches:
            searches.appendRow(_placeholder(self.tr("No saved searches yet")))
        root.appendRow(searches)

    def index_of(self, key: tuple[str, object]) -> QModelIndex:
        for row in range(self.rowCount()):
            found = self._find(self.item(row), key)
            if found is not None:
                return found.index()
        return QModelIndex()

    def _find(self, item: QStandardItem, key: tuple[str, object]) -> QStandardItem | None:
        entry = item.data(ENTRY_ROLE)
        if isinstance(entry, SidebarEntry) and entry.key == key:
            return item
        for row in range(item.rowCount()):
            found = self._find(item.child(row), key)
            if found is not None:
                return found
        return None


def _section(title: str, name: str, adds: str = "") -> QStandardItem:
    """A section's heading; ``adds``: what its "+" makes (events, perspectives, tags)."""
    item = QStandardItem(title)
    item.setFlags(Qt.ItemFlag.ItemIsEnabled)
    item.setData(SidebarEntry(("section", name)), ENTRY_ROLE)
    if adds:
        item.setData(adds, ADD_ROLE)
        item.setToolTip(
            QCoreApplication.translate("model", "{title}: right-click or + to add one").format(
                title=title
            )
        )
    font = QFont()
    font.setBold(True)
    item.setFont(font)
    return item


def _editable(item: QStandardItem, *, draggable: bool = False) -> QStandardItem:
    """An event, perspective or tag: renamed in place, and (events) dragged to move."""
    flags = item.flags() | Qt.ItemFlag.ItemIsEditable
    if draggable:
        flags |= Qt.ItemFlag.ItemIsDragEnabled
    item.setFlags(flags)
    return item


def _entry(
    label: str, entry: SidebarEntry, count: int | None, entry_icon: QIcon | None = None
) -> QStandardItem:
    item = QStandardItem(label)
    item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
    item.setData(entry, ENTRY_ROLE)
    if count is not None:
        item.setData(count, COUNT_ROLE)
        item.setToolTip(f"{label}: {_sources(count)}")
    if entry_icon is not None:
        item.setIcon(entry_icon)
    return item


def _placeholder(text: str) -> QStandardItem:
    item = QStandardItem(text)
    item.setFlags(Qt.ItemFlag.NoItemFlags)
    font = QFont()
    font.setItalic(True)
    item.setFont(font)
    return item


def _event_section(events: list[EventCount]) -> QStandardItem:
    section = _section(QCoreApplication.translate("model", "Events"), "event", adds="event")
    items: dict[int, QStandardItem] = {}
    for event in events:
        view = View("event", event.id)
        entry = SidebarEntry(("event", event.id), view)
        item = _editable(_entry(event.name, entry, event.count, icon("event")), draggable=True)
        dates = _years(event.start_date, event.end_date)
        if dates:
            item.setData(dates, DETAIL_ROLE)
        item.setToolTip(
            QCoreApplication.translate(
                "model", "{name} {dates}\n{under}, sub-events included"
            ).format(name=event.name, dates=dates, under=_under(event.count, event.passages))
        )
        items[event.id] = item
    for event in events:
        parent = items.get(event.parent_id) if event.parent_id is not None else None
        (parent or section).appendRow(items[event.id])
    if not events:
        section.appendRow(_placeholder(QCoreApplication.translate("model", "No events yet")))
    return section


def _named_section(title: str, scope: Scope, entries: list[NamedCount]) -> QStandardItem:
    section = _section(title, scope, adds=scope)
    for named in entries:
        entry = SidebarEntry((scope, named.id), View(scope, named.id))
        entry_icon = color_dot(named.color) if scope == "perspective" else icon("tag")
        item = _editable(_entry(named.name, entry, named.count, entry_icon))
        item.setToolTip(f"{named.name}\n{_under(named.count, named.passages)}")
        section.appendRow(item)
    if not entries:
        section.appendRow(
            _placeholder(
                QCoreApplication.translate("model", "No {lower} yet").format(lower=title.lower())
            )
        )
    return section


def _years(start: str, end: str) -> str:
    first, last = start[:4], end[:4]
    if first and last and first != last:
        return f"{first}–{last}"
    return first or last


def _under(sources: int, annotations: int) -> str:
    """What an event's, perspective's or tag's count counts."""
    text = QCoreApplication.translate("model", "{sources} carrying it or annotated with it").format(
        sources=_sources(sources)
    )
    if annotations:
        text += (
            QCoreApplication.translate("model", " (1 annotation)")
            if annotations == 1
            else QCoreApplication.translate("model", " (%n annotations)", "", annotations)
        )
    return text


def _sources(count: int) -> str:
    if count == 1:
        return QCoreApplication.translate("model", "1 source")
    return QCoreApplication.translate("model", "%Ln sources", "", count)
