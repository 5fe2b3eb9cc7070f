"""The source list's context menu: label every selected source at once.

Add to event ▸, Add perspective ▸, Add tag…, Remove ▸ (the labels the selection carries), then
the pane's own commands (Move to trash). Each choice is one step on the undo stack, however
many sources are selected.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QObject, QPoint
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

from archive_app.core.events import EventNode
from archive_app.gui import research_dialogs
from archive_app.gui.icons import color_dot, icon
from archive_app.gui.label_rows import Label
from archive_app.gui.labeling import Labeling
from archive_app.gui.sources.view import SourceListPane

INDENT = "\u2003"
"""An em space: sub-events are indented under their event in the menu."""


class SourceContextMenu(QObject):
    """Builds and shows the menu when the list or the grid asks for it."""

    def __init__(
        self, pane: SourceListPane, labeling: Labeling, extra: Sequence[QAction] = ()
    ) -> None:
        super().__init__(pane)
        self.pane = pane
        self.labeling = labeling
        self.extra = list(extra)
        self.menu: QMenu | None = None
        pane.menuRequested.connect(self.popup)

    def popup(self, position: QPoint) -> None:
        ids = self.pane.selected_ids()
        if not ids:
            return
        if self.menu is not None:
            self.menu.deleteLater()
        self.menu = self.build(ids)
        self.menu.popup(position)

    def build(self, ids: list[int]) -> QMenu:
        menu = QMenu(self.pane)
        menu.setObjectName("sourceMenu")
        count = "" if len(ids) == 1 else self.tr(" ({count} sources)").format(count=len(ids))
        events = menu.addMenu(icon("event"), self.tr("Add to &event{count}").format(count=count))
        events.setObjectName("addToEventMenu")
        self._fill_events(events, ids, self.labeling.archive.events.tree(), 0)
        if events.actions():
            events.addSeparator()
        events.addAction(self.tr("&New event…")).triggered.connect(lambda: self._add_new_event(ids))
        perspectives = menu.addMenu(
            icon("perspective"), self.tr("Add &perspective{count}").format(count=count)
        )
        perspectives.setObjectName("addPerspectiveMenu")
        for label in self.labeling.existing("perspective"):
            action = perspectives.addAction(color_dot(label.color), label.name)
            action.triggered.connect(lambda _=False, label=label: self._add(ids, label))
        if perspectives.actions():
            perspectives.addSeparator()
        perspectives.addAction(self.tr("&New perspective…")).triggered.connect(
            lambda: self._add_new_perspective(ids)
        )
        menu.addAction(
            icon("tag"), self.tr("Add &tag…{count}").format(count=count)
        ).triggered.connect(lambda: self._add_tag(ids))
        menu.addMenu(self._remove_menu(menu, ids))
        if self.extra:
            menu.addSeparator()
            menu.addActions(self.extra)
        return menu

    def _fill_events(self, menu: QMenu, ids: list[int], nodes: list[EventNode], depth: int) -> None:
        for node in nodes:
            event = node.event
            label = Label("event", event.id, event.name)
            action = menu.addAction(f"{INDENT * depth}{event.name}")
            action.triggered.connect(lambda _=False, label=label: self._add(ids, label))
            self._fill_events(menu, ids, node.children, depth + 1)

    def _remove_menu(self, parent: QMenu, ids: list[int]) -> QMenu:
        menu = QMenu(self.tr("&Remove"), parent)
        menu.setObjectName("removeLabelMenu")
        carried = self.labeling.labels_of_sources(ids)
        for label in carried:
            glyph = color_dot(label.color) if label.kind == "perspective" else icon(label.kind)
            action = menu.addAction(glyph, label.name)
            action.setToolTip(
                self.tr("Remove the {kind} “{name}”").format(kind=label.kind, name=label.name)
            )
            action.triggered.connect(
                lambda _=False, label=label: self.labeling.remove_from_sources(ids, [label])
            )
        menu.setEnabled(bool(carried))
        return menu

    def _add(self, ids: list[int], label: Label) -> None:
        self.labeling.add_to_sources(ids, [label])

    def _add_new_event(self, ids: list[int]) -> None:
        label = self.labeling.ask_new_event()
        if label is not None:
            self.labeling.add_to_sources(ids, [label])

    def _add_new_perspective(self, ids: list[int]) -> None:
        label = self.labeling.ask_new_perspective()
        if label is not None:
            self.labeling.add_to_sources(ids, [label])

    def _add_tag(self, ids: list[int]) -> None:
        title = (
            self.tr("Add a tag")
            if len(ids) == 1
            else self.tr("Add a tag to {count} sources").format(count=len(ids))
        )
        name = research_dialogs.ask_tag_name(self.pane, title, self.labeling.names("tag"))
        if name is None:
            return
        label = self.labeling.resolve("tag", name)
        if label is not None:
            self.labeling.add_to_sources(ids, [label])
