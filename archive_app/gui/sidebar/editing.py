"""Organising research from the sidebar: what its drops, renames, "+" buttons, Delete key and
context menus ask for, done through the core and put on the undo stack.

Events: new (top level or under another), rename, edit (dates, place, description), move (by
dragging, or "Move to top level"), delete. Perspectives: new, rename, edit, colour (a swatch or
any colour), delete. Tags: new, rename, delete. Deleting one that sources or annotations carry
asks first, saying how many; Undo puts it back on all of them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict
from typing import cast

from PySide6.QtCore import QObject, QPoint
from PySide6.QtWidgets import QMenu

from archive_app.core.archive import Archive
from archive_app.core.changes import Change
from archive_app.core.errors import ArchiveError
from archive_app.core.events import Event, EventNode
from archive_app.core.perspectives import PALETTE
from archive_app.core.research import InUseError, Kind
from archive_app.gui import research_dialogs
from archive_app.gui.editing import Edits
from archive_app.gui.icons import color_dot, icon
from archive_app.gui.label_rows import Label
from archive_app.gui.labeling import Labeling
from archive_app.gui.research_dialogs import EventFields, PerspectiveFields, color_name
from archive_app.gui.sidebar.view import Sidebar
from archive_app.gui.sources.menu import INDENT

Key = tuple[str, object]


class SidebarEditor(QObject):
    """Carries out what the sidebar asks for."""

    def __init__(self, sidebar: Sidebar, labeling: Labeling) -> None:
        super().__init__(sidebar)
        self.sidebar = sidebar
        self.labeling = labeling
        self.menu: QMenu | None = None
        sidebar.sourcesDropped.connect(self.label_sources)
        sidebar.eventDropped.connect(self.move_event)
        sidebar.renameRequested.connect(self.rename)
        sidebar.addRequested.connect(self.add)
        sidebar.deleteRequested.connect(self.delete)
        sidebar.menuRequested.connect(self.popup)

    @property
    def archive(self) -> Archive:
        return self.labeling.archive

    @property
    def edits(self) -> Edits:
        return self.labeling.edits

    # Dropped sources and events

    def label_sources(self, ids: list[int], key: Key) -> None:
        kind, ref = key
        if kind not in ("event", "perspective", "tag") or not ids:
            return
        name = self._name(key)
        self.labeling.add_to_sources(ids, [Label(cast(Kind, kind), int(str(ref)), name)])

    def move_event(self, event_id: int, parent: object) -> None:
        parent_id = None if parent is None else int(str(parent))
        if parent_id == self.archive.events.get(event_id).parent_id:
            return
        self.edits.apply(lambda: self.archive.events.move(event_id, parent_id))

    # Adding

    def add(self, kind: str, parent_event: int | None = None) -> None:
        if kind in ("event", "perspective"):
            label = (
                self.labeling.ask_new_event(parent_id=parent_event)
                if kind == "event"
                else self.labeling.ask_new_perspective()
            )
            if label is not None:
                new = label
                self.edits.apply(lambda: self.labeling.make(new))
        elif kind == "tag":
            name = research_dialogs.ask_tag_name(self.sidebar, self.tr("New tag"), [])
            if name is not None:
                self.edits.create(lambda: self.archive.tags.create(name))

    # Renaming and editing

    def rename(self, key: Key, name: str) -> None:
        kind, ref = key
        entity = int(str(ref))
        if kind == "event":
            self.edits.apply(lambda: self.archive.events.edit(entity, name=name))
        elif kind == "perspective":
            self.edits.apply(lambda: self.archive.perspectives.edit(entity, name=name))
        elif kind == "tag":
            self.edits.apply(lambda: self.archive.tags.rename(entity, name))

    def edit_event(self, event_id: int) -> None:
        event = self.archive.events.get(event_id)
        current = EventFields(event.name, event.start, event.end, event.place, event.description)
        fields = research_dialogs.ask_event(self.sidebar, self.tr("Edit event"), current)
        if fields is not None and fields != current:
            self.edits.apply(lambda: self.archive.events.edit(event_id, **asdict(fields)))

    def edit_perspective(self, perspective_id: int) -> None:
        perspective = self.archive.perspectives.get(perspective_id)
        current = PerspectiveFields(perspective.name, perspective.description, perspective.color)
        fields = research_dialogs.ask_perspective(
            self.sidebar, self.tr("Edit perspective"), current
        )
        if fields is not None and fields != current:
            self.edits.apply(
                lambda: self.archive.perspectives.edit(perspective_id, **asdict(fields))
            )

    def set_color(self, perspective_id: int, color: str) -> None:
        self.edits.apply(lambda: self.archive.perspectives.edit(perspective_id, color=color))

    def choose_color(self, perspective_id: int) -> None:
        current = self.archive.perspectives.get(perspective_id).color
        color = research_dialogs.ask_color(self.sidebar, current)
        if color is not None:
            self.set_color(perspective_id, color)

    # Deleting

    def delete(self, key: Key) -> None:
        kind, ref = key
        entity = int(str(ref))
        if kind == "event":
            self._delete_in_use(
                "event",
                self.archive.events.get(entity).name,
                lambda force: self.archive.events.delete(entity, force=force),
            )
        elif kind == "perspective":
            self._delete_in_use(
                "perspective",
                self.archive.perspectives.get(entity).name,
                lambda force: self.archive.perspectives.delete(entity, force=force),
            )
        elif kind == "tag":
            tag = self.archive.tags.get(entity)
            in_use = tag.source_count or tag.annotation_count
            if not in_use or research_dialogs.confirm_delete_in_use(
                self.sidebar, "tag", tag.name, tag.source_count, tag.annotation_count
            ):
                self.edits.apply(lambda: self.archive.tags.delete(entity))

    def _delete_in_use(self, kind: str, name: str, delete: Callable[[bool], Change]) -> None:
        """Delete; when sources or annotations carry it, ask first and then delete anyway."""
        try:
            change = delete(False)
        except InUseError as error:
            if not research_dialogs.confirm_delete_in_use(
                self.sidebar, kind, name, error.sources, error.annotations
            ):
                return
            self.edits.apply(lambda: delete(True))
            return
        except ArchiveError as error:
            self.edits.failed.emit(error)
            return
        self.edits.push(change)

    # The context menu

    def popup(self, key: Key, position: QPoint) -> None:
        if self.menu is not None:
            self.menu.deleteLater()
        self.menu = self.build_menu(key)
        if self.menu.actions():
            self.menu.popup(position)

    def build_menu(self, key: Key) -> QMenu:
        menu = QMenu(self.sidebar)
        menu.setObjectName("sidebarMenu")
        kind, ref = key
        if kind == "section":
            self._section_menu(menu, str(ref))
        elif kind == "event":
            self._event_menu(menu, int(str(ref)))
        elif kind == "perspective":
            self._perspective_menu(menu, int(str(ref)))
        elif kind == "tag":
            menu.addAction(self.tr("&Rename")).triggered.connect(lambda: self.sidebar.rename(key))
            menu.addSeparator()
            menu.addAction(self.tr("&Delete tag…")).triggered.connect(lambda: self.delete(key))
        return menu

    def _section_menu(self, menu: QMenu, section: str) -> None:
        texts = {
            "event": self.tr("&New event…"),
            "perspective": self.tr("&New perspective…"),
            "tag": self.tr("&New tag…"),
        }
        if section in texts:
            menu.addAction(icon(section), texts[section]).triggered.connect(
                lambda: self.add(section)
            )

    def _event_menu(self, menu: QMenu, event_id: int) -> None:
        key: Key = ("event", event_id)
        menu.addAction(icon("event"), self.tr("New &sub-event…")).triggered.connect(
            lambda: self.add("event", parent_event=event_id)
        )
        menu.addSeparator()
        menu.addAction(self.tr("&Rename")).triggered.connect(lambda: self.sidebar.rename(key))
        menu.addAction(self.tr("&Edit dates, place and description…")).triggered.connect(
            lambda: self.edit_event(event_id)
        )
        self._move_menu(menu, event_id)
        if self.archive.events.get(event_id).parent_id is not None:
            menu.addAction(self.tr("Move to &top level")).triggered.connect(
                lambda: self.move_event(event_id, None)
            )
        menu.addSeparator()
        menu.addAction(self.tr("&Delete event…")).triggered.connect(lambda: self.delete(key))

    def _move_menu(self, menu: QMenu, event_id: int) -> None:
        """Move ▸ under any event but itself and those beneath it (dragging, by keyboard)."""
        moves = menu.addMenu(self.tr("&Move under"))
        moves.setObjectName("moveEventMenu")
        beneath = self.archive.events.with_descendants([event_id])
        parent_id = self.archive.events.get(event_id).parent_id
        for depth, event in _tree_order(self.archive.events.tree()):
            if event.id in beneath:
                continue
            action = moves.addAction(f"{INDENT * depth}{event.name}")
            action.setEnabled(event.id != parent_id)
            action.triggered.connect(
                lambda _=False, target=event.id: self.move_event(event_id, target)
            )
        moves.setEnabled(bool(moves.actions()))

    def _perspective_menu(self, menu: QMenu, perspective_id: int) -> None:
        key: Key = ("perspective", perspective_id)
        menu.addAction(self.tr("&Rename")).triggered.connect(lambda: self.sidebar.rename(key))
        menu.addAction(self.tr("&Edit name, colour and description…")).triggered.connect(
            lambda: self.edit_perspective(perspective_id)
        )
        colors = menu.addMenu(self.tr("&Colour"))
        colors.setObjectName("colorMenu")
        current = self.archive.perspectives.get(perspective_id).color
        for color in PALETTE:
            action = colors.addAction(color_dot(color, 14), color_name(color))
            action.setCheckable(True)
            action.setChecked(color == current)
            action.triggered.connect(
                lambda _=False, color=color: self.set_color(perspective_id, color)
            )
        colors.addSeparator()
        colors.addAction(self.tr("&Other colour…")).triggered.connect(
            lambda: self.choose_color(perspective_id)
        )
        menu.addSeparator()
        menu.addAction(self.tr("&Delete perspective…")).triggered.connect(lambda: self.delete(key))

    # Names

    def _name(self, key: Key) -> str:
        index = self.sidebar.summary_model.index_of(key)
        return str(index.data()) if index.isValid() else ""


def _tree_order(nodes: list[EventNode], depth: int = 0) -> list[tuple[int, Event]]:
    """Events as the sidebar lists them, each with its depth in the tree."""
    ordered: list[tuple[int, Event]] = []
    for node in nodes:
        ordered.append((depth, node.event))
        ordered.extend(_tree_order(node.children, depth + 1))
    return ordered
