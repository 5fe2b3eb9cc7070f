"""Organising and annotating in the window, wired once: the source list's labelling menu, the
sidebar's editing, and annotating between the reader and the annotation list, all through one
:class:`Edits` (the core, then the undo stack)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget

from archive_app.core.archive import Archive
from archive_app.gui.annotations.annotator import Annotator
from archive_app.gui.detail_tabs import DetailTabs
from archive_app.gui.editing import Edits
from archive_app.gui.labeling import Labeling
from archive_app.gui.reader import ReaderPane
from archive_app.gui.sidebar.editing import SidebarEditor
from archive_app.gui.sidebar.view import Sidebar
from archive_app.gui.sources.menu import SourceContextMenu
from archive_app.gui.sources.view import SourceListPane


class ResearchTools(QObject):
    """Owns the helpers that label sources, edit the sidebar's entries and annotate."""

    def __init__(
        self,
        archive: Archive,
        edits: Edits,
        panes: tuple[SourceListPane, Sidebar, ReaderPane, DetailTabs],
        list_actions: Sequence[QAction],
        window: QWidget,
    ) -> None:
        super().__init__(window)
        source_list, sidebar, reader, details = panes
        self.labeling = Labeling(archive, edits, window)
        self.source_menu = SourceContextMenu(source_list, self.labeling, list_actions)
        self.sidebar_editor = SidebarEditor(sidebar, self.labeling)
        self.annotator = Annotator(self.labeling, reader, details.annotations, window)
        self.annotator.annotated.connect(lambda _id: details.show_annotations())

    def show_source(self, source_id: int | None) -> None:
        """The source open in the reader changed: list its annotations."""
        self.annotator.show_source(source_id)
