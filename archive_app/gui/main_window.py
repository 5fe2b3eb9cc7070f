"""The main window: it composes the panes and routes what happens in one to the others.

Sidebar | source list (with facet chips) | reader over the inspector and the annotation list
(two tabs), the search field in the toolbar, the message bar under it, the import bar at the
bottom. Each pane is its own class; this window owns the one undo stack and the one TaskRunner
and hands them to the panes.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QMimeData, Qt, Signal
from PySide6.QtGui import (
    QCloseEvent,
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QKeySequence,
    QUndoStack,
)
from PySide6.QtWidgets import (
    QApplication,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from archive_app import APP_NAME
from archive_app.core.archive import Archive
from archive_app.core.changes import Change
from archive_app.core.errors import NotFoundError
from archive_app.core.import_report import ImportReport
from archive_app.core.listing import ALL_SOURCES, SidebarSummary, View
from archive_app.core.model import Source
from archive_app.core.search.help import query_help_html
from archive_app.gui import dialogs
from archive_app.gui.actions import build_menus, build_toolbar, make_actions
from archive_app.gui.alias_editor import AliasEditor
from archive_app.gui.annotations.panel import AnnotationPanel
from archive_app.gui.backup_dialogs import BackupTools
from archive_app.gui.capture_dialog import CaptureDialog, dropped_web_addresses
from archive_app.gui.core_text import translated
from archive_app.gui.detail_tabs import DetailTabs
from archive_app.gui.editing import Edits
from archive_app.gui.errors import describe_error
from archive_app.gui.export_menu import ExportTools, add_to_file_menu
from archive_app.gui.facet_chips import FacetChips
from archive_app.gui.history_tab import HistoryTab
from archive_app.gui.import_panel import ImportPanel
from archive_app.gui.import_report import ImportReportDialog
from archive_app.gui.inspector import InspectorPane
from archive_app.gui.message_bar import MessageBar
from archive_app.gui.passages import labelled_annotation
from archive_app.gui.reader import ReaderPane
from archive_app.gui.recognition import TextRecognition
from archive_app.gui.research_tools import ResearchTools
from archive_app.gui.research_views import ResearchViews
from archive_app.gui.search_bar import HitPage, SearchBar
from archive_app.gui.settings import AppSettings
from archive_app.gui.sidebar.view import Sidebar
from archive_app.gui.source_count import SourceCount
from archive_app.gui.sources.view import Mode, SourceListPane
from archive_app.gui.tasks import TaskRunner
from archive_app.gui.translation import language_menu
from archive_app.gui.trash_view import TrashView
from archive_app.gui.welcome import WelcomeView
from archive_app.gui.workspace import Workspace

IMAGES = View("kind", "image")
CLOSE_WAIT_MS = 30_000
STATUS_MS = 10_000


class MainWindow(QMainWindow):
    openArchiveRequested = Signal(Path)
    """File > Open archive or a recent archive: the application opens it in a new window."""
    newArchiveRequested = Signal(Path)

    def __init__(
        self, archive: Archive, settings: AppSettings | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.archive = archive
        self.settings = settings if settings is not None else AppSettings()
        self.undo_stack = QUndoStack(self)
        self.tasks = TaskRunner(self.show_error, self)
        self.commands = make_actions(self, self.undo_stack)
        self.recent_menu = build_menus(
            self.menuBar(), self.commands, language_menu(self.settings, self)
        )
        self.message_bar = MessageBar(self)
        self.search_bar = SearchBar(archive, self.tasks, self)
        self.sidebar = Sidebar(archive, self.tasks, self)
        self.facet_chips = FacetChips(self)
        self.source_list = SourceListPane(archive, self.tasks, self)
        self.reader = ReaderPane(archive, self.tasks, self)
        self.edits = Edits(self.undo_stack, self)
        self.inspector = InspectorPane(archive, self.edits, self)
        self.annotation_panel = AnnotationPanel(self)
        self.history = HistoryTab(archive, self.tasks, self)
        self.details = DetailTabs(self.inspector, self.annotation_panel, self.history, self)
        self.import_panel = ImportPanel(archive, self.tasks, self)
        self.welcome = WelcomeView(archive.path.name, self)
        self.import_report: ImportReportDialog | None = None
        self.trash_view: TrashView | None = None
        self._library_view: View = ALL_SOURCES
        self._library_key: tuple[str, object] = ("all", None)
        self._modes: dict[str, Mode] = {"images": "grid", "other": "list"}
        self._hit_total = 0
        self.setWindowTitle(f"{archive.path.name} — {APP_NAME}")
        self.search_bar.field.setToolTip(self.query_help())
        self.setAcceptDrops(True)
        self._build()
        self._connect()
        self._restore_settings()
        self._show_panes(archive.count_sources() > 0)
        self.sidebar.refresh()
        self.source_list.show_view(ALL_SOURCES)

    # Building

    def _build(self) -> None:
        self.addToolBar(build_toolbar(self, self.commands, self.search_bar))
        self._stack = QStackedWidget(self)
        self._stack.addWidget(self.welcome)
        self.workspace = Workspace(self._panes(), self.archive, self.tasks, self)
        self._stack.addWidget(self.workspace)
        self.research_views = ResearchViews(
            self,
            self.archive,
            self.tasks,
            workspace=self.workspace,
            sidebar=self.sidebar,
            commands=self.commands,
        )
        self.timeline_dock = self.research_views.timeline_dock
        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(6, 4, 6, 0)
        layout.setSpacing(4)
        layout.addWidget(self.message_bar)
        layout.addWidget(self._stack, 1)
        self.setCentralWidget(central)
        self.count_label = SourceCount(self.archive.path, self)
        self.statusBar().addWidget(self.count_label, 1)
        self.statusBar().addPermanentWidget(self.import_panel)
        self.statusBar().addPermanentWidget(self.reader.reuse.progress_label)
        self.source_list.addAction(self.commands.delete)
        QWidget.setTabOrder(self.search_bar.field, self.sidebar)
        QWidget.setTabOrder(self.sidebar, self.source_list.table)
        QWidget.setTabOrder(self.source_list.table, self.source_list.grid)

    def _panes(self) -> QSplitter:
        """Sidebar | facet chips over the source list | the reader over the inspector."""
        self.reader_splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.reader_splitter.setObjectName("readerSplitter")
        self.reader_splitter.addWidget(self.reader)
        self.reader_splitter.addWidget(self.details)
        self.reader_splitter.setChildrenCollapsible(False)
        middle = QWidget(self)
        middle_layout = QVBoxLayout(middle)
        middle_layout.setContentsMargins(0, 0, 0, 0)
        middle_layout.setSpacing(4)
        middle_layout.addWidget(self.facet_chips)
        middle_layout.addWidget(self.source_list, 1)
        self.main_splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.main_splitter.setObjectName("mainSplitter")
        self.main_splitter.addWidget(self.sidebar)
        self.main_splitter.addWidget(middle)
        self.main_splitter.addWidget(self.reader_splitter)
        self.main_splitter.setStretchFactor(1, 1)
        self.main_splitter.setStretchFactor(2, 1)
        return self.main_splitter

    def _connect(self) -> None:
        commands = self.commands
        commands.import_files.triggered.connect(self.ask_and_import_files)
        commands.capture_page.triggered.connect(self.ask_and_capture)
        commands.import_folder.triggered.connect(self.ask_and_import_folder)
        commands.new_archive.triggered.connect(self._ask_new_archive)
        commands.open_archive.triggered.connect(self._ask_open_archive)
        commands.quit.triggered.connect(self.close)
        commands.delete.triggered.connect(self.delete_selected)
        commands.find.triggered.connect(self.search_bar.focus)
        commands.show_list.triggered.connect(lambda: self._choose_mode("list"))
        commands.show_grid.triggered.connect(lambda: self._choose_mode("grid"))
        commands.inspector_beside.toggled.connect(self._place_inspector)
        commands.show_sidebar.toggled.connect(self.sidebar.setVisible)
        commands.go_sidebar.triggered.connect(lambda: _focus_into(self.sidebar))
        commands.go_list.triggered.connect(lambda: _focus_into(self.source_list.item_view()))
        commands.go_reader.triggered.connect(lambda: _focus_into(self.reader))
        commands.go_inspector.triggered.connect(lambda: _focus_into(self.details.show_inspector()))
        commands.go_annotations.triggered.connect(
            lambda: _focus_into(self.details.show_annotations())
        )
        research_views = self.research_views
        research_views.eventChosen.connect(self.show_event)
        research_views.sourceOpenRequested.connect(lambda source_id: self.show_sources([source_id]))
        research_views.aliasesChanged.connect(
            lambda: self.search_bar.search_now() if self.search_bar.query else None
        )
        commands.query_help.triggered.connect(self._show_query_help)
        commands.about.triggered.connect(lambda: dialogs.show_about(self))
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        self.search_bar.hitsFound.connect(self._show_hits)
        self.search_bar.moreHitsFound.connect(
            lambda page: self.source_list.append_hits(page.ids, has_more=page.has_more)
        )
        self.search_bar.searchCleared.connect(self._search_cleared)
        self.source_list.moreHitsWanted.connect(self.search_bar.load_more)
        self.source_list.idsLoaded.connect(
            lambda: self.count_label.show_listed(
                self._hit_total if self.source_list.searching else len(self.source_list.model.ids)
            )
        )
        self.facet_chips.narrowRequested.connect(self.search_bar.narrow)
        self.sidebar.viewChosen.connect(self._view_chosen)
        self.sidebar.savedSearchChosen.connect(self.search_bar.set_query)
        self.sidebar.trashChosen.connect(self.show_trash)
        commands.trash.triggered.connect(self.show_trash)
        commands.investigator.triggered.connect(self._ask_investigator)
        commands.blur_all.setChecked(self.archive.verification.blurs_all())
        commands.blur_all.toggled.connect(self._blur_all)
        self.sidebar.summaryShown.connect(self._summary_shown)
        self.source_list.currentSourceChanged.connect(self._show_source)
        self.source_list.selectionChanged.connect(
            lambda: self.inspector.show_selection(self.source_list.selected_ids())
        )
        self.reader.openSourceRequested.connect(lambda source_id: self.show_sources([source_id]))
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_moved)
        self.inspector.sourceChanged.connect(self._source_edited)
        self.edits.failed.connect(self.show_error)
        self._install_exports_and_backups()
        panes = (self.source_list, self.sidebar, self.reader, self.details)
        self.recognition = self._recognition()
        list_actions = [
            self.recognition.action,
            self.recognition.languages_action,
            self.exports.copy_citation,
            commands.delete,
        ]
        self.research = ResearchTools(self.archive, self.edits, panes, list_actions, self)
        self.undo_stack.indexChanged.connect(lambda _index: self.refresh())
        self.import_panel.finished.connect(self._import_finished)
        self.welcome.importFilesRequested.connect(self.ask_and_import_files)
        self.welcome.importFolderRequested.connect(self.ask_and_import_folder)

    def _recognition(self) -> TextRecognition:
        recognition = TextRecognition(self.archive, self.tasks, self.source_list.selected_ids, self)
        self.source_list.addAction(recognition.action)
        recognition.failed.connect(self.show_error)
        recognition.finished.connect(lambda message: self.statusBar().showMessage(message, 10_000))
        recognition.progressed.connect(self.statusBar().showMessage)
        recognition.textRead.connect(lambda _ids: self._show_source(self.source_list.current_id()))
        recognition.textRead.connect(self.source_list.refresh_sources)
        self.import_panel.finished.connect(recognition.import_finished)
        return recognition

    def _install_exports_and_backups(self) -> None:
        """File › Export ▸, Back up…, Restore…, Automatic backups…, before Quit."""

        def status(text: str) -> None:
            self.statusBar().showMessage(text, STATUS_MS)

        panes = (self.source_list, self.sidebar, self.search_bar)
        self.exports = ExportTools(self, self.archive, self.tasks, panes=panes, show_message=status)
        opener = self.openArchiveRequested.emit
        self.backups = BackupTools(
            self, self.archive, self.tasks, open_archive=opener, show_message=status
        )
        add_to_file_menu(self.commands.quit, self.exports.menu, self.backups.actions())

    # Errors

    def show_error(self, error: BaseException) -> None:
        """The window's one error boundary: every failure a person should see comes here."""
        self.message_bar.show_report(describe_error(error))

    # Importing

    def import_paths(self, paths: Sequence[Path]) -> None:
        if paths:
            self.import_panel.import_paths(list(paths))

    def ask_and_import_files(self) -> None:
        self.import_paths(dialogs.ask_import_files(self))

    def ask_and_import_folder(self) -> None:
        folder = dialogs.ask_import_folder(self)
        if folder is not None:
            self.import_paths([folder])

    def ask_and_capture(self) -> None:
        dialog = CaptureDialog(self)
        dialog.accepted.connect(lambda: self.import_panel.capture_urls(dialog.urls()))
        dialog.open()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if _dropped_paths(event.mimeData()) or dropped_web_addresses(event.mimeData()):
            event.acceptProposedAction()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if _dropped_paths(event.mimeData()) or dropped_web_addresses(event.mimeData()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = _dropped_paths(event.mimeData())
        addresses = dropped_web_addresses(event.mimeData())
        if paths or addresses:
            event.acceptProposedAction()
        if paths:
            self.import_paths(paths)
        elif addresses:
            self.import_panel.capture_urls(addresses)

    def _import_finished(self, report: ImportReport) -> None:
        self.import_report = ImportReportDialog(report, self)
        self.import_report.showSources.connect(self.show_sources)
        self.import_report.show()
        self.sidebar.refresh()
        self.show_sources(report.new_source_ids)

    def show_sources(self, ids: Sequence[int]) -> None:
        """Show all sources with these selected (the sources an import just added)."""
        if ids:
            self._show_panes(True)
        self._end_search()
        self._library_view, self._library_key = ALL_SOURCES, ("all", None)
        self.sidebar.select_key(self._library_key)
        self._apply_mode(ALL_SOURCES)
        self.source_list.show_view(ALL_SOURCES, select=list(ids))

    # Refreshing after changes

    def refresh(self) -> None:
        """Read the list and the sidebar again (after any change on the undo stack)."""
        self.sidebar.refresh()
        self.source_list.reload()
        self.research_views.refresh()
        self.history.reload()
        self.reader.refresh_evidence()

    def _source_edited(self, source_id: int) -> None:
        """Show the edit in its row at once (the undo stack's signal then counts again)."""
        self.source_list.refresh_sources([source_id])

    def delete_selected(self) -> None:
        """Move the selected sources to the trash (Ctrl+Z brings them back)."""
        ids = self.source_list.selected_ids()
        if not ids:
            return
        archive = self.archive
        self._show_source(None)
        self.tasks.run(
            lambda _context: archive.delete_sources(ids),
            on_success=self._deleted,
            label=self.tr("Moving to the trash"),
        )

    def _deleted(self, change: Change) -> None:
        self.edits.push(change)
        if self.source_list.searching:
            self.search_bar.search_now()

    def show_trash(self) -> None:
        """The trash, to restore sources or to destroy them for good."""
        if self.trash_view is None:
            self.trash_view = TrashView(self.archive, self.edits, self.tasks, self)
            self.trash_view.restored.connect(self.show_sources)
            self.trash_view.emptied.connect(self.sidebar.refresh)
        self.trash_view.refresh()
        self.trash_view.show()
        self.trash_view.raise_()
        self.sidebar.select_key(self._library_key)

    def _ask_investigator(self) -> None:
        name = dialogs.ask_investigator(self, self.archive.audit.investigator())
        if name is not None:
            self.archive.audit.set_investigator(name)

    def _blur_all(self, blur: bool) -> None:
        self.archive.verification.set_blur_all(blur)
        self.refresh()

    # Panes talking to each other

    def _show_source(self, source_id: int | None) -> None:
        source = self._read(source_id)
        self.reader.show_source(source_id, self.search_bar.query, source)
        self.inspector.show_source(source_id, source)
        self.history.show_source(source_id if source is not None else None)
        self.research.show_source(source_id)
        if source is not None and not self.source_list.searching:
            events = self.archive.events.all() if self._library_view.scope == "event" else []
            passage = labelled_annotation(source.annotations, self._library_view, events)
            if passage is not None:
                self.reader.show_annotation(passage.id)

    def _read(self, source_id: int | None) -> Source | None:
        """The source, read once for the panes that show it (a long one takes a while to
        read); None when there is none."""
        if source_id is None:
            return None
        try:
            return self.archive.get(source_id)
        except NotFoundError:
            return None

    def _focus_moved(self, _old: QWidget | None, now: QWidget | None) -> None:
        """Ctrl+F finds words in the open source while the reader has the focus (the
        reader's own shortcut) and goes to the search field everywhere else."""
        in_reader = now is not None and self.reader.isAncestorOf(now)
        self.commands.find.setShortcut(QKeySequence() if in_reader else QKeySequence("Ctrl+F"))

    def _show_hits(self, page: HitPage) -> None:
        self._hit_total = page.results.total
        self.sidebar.clear_choice()
        self._apply_mode(None)
        self.source_list.show_hits(page.ids, has_more=page.has_more)
        self.reader.set_query(self.search_bar.query)
        self.facet_chips.show_facets(page.results.facets, page.results.total)

    def _search_cleared(self) -> None:
        self.facet_chips.clear()
        self.reader.set_query("")
        self.sidebar.select_key(self._library_key)
        self._apply_mode(self._library_view)
        self.source_list.show_view(self._library_view)

    def _view_chosen(self, view: View) -> None:
        self._library_view = view
        self._library_key = self.sidebar.chosen_key() or ("all", None)
        if self._end_search():
            return  # ending it shows the library view
        self._apply_mode(view)
        self.source_list.show_view(view)

    def _end_search(self) -> bool:
        """Clear the search field; whether there was a search to end."""
        searching = bool(self.search_bar.query or self.search_bar.field.text())
        if searching:
            self.search_bar.clear()
        return searching

    def _summary_shown(self, summary: SidebarSummary) -> None:
        self.count_label.show_total(summary.total)
        self._show_panes(summary.total > 0)

    def _show_panes(self, shown: bool) -> None:
        self._stack.setCurrentWidget(self.workspace if shown else self.welcome)
        for command in (self.commands.show_list, self.commands.show_grid, self.commands.delete):
            command.setEnabled(shown)

    # What the research views ask for

    def show_event(self, event_id: int) -> None:
        """List an event's sources, as choosing it in the sidebar does (a click in the
        timeline)."""
        self.workspace.show_library()
        self.sidebar.select_key(("event", event_id))
        self._view_chosen(View("event", event_id))

    @property
    def alias_editor(self) -> AliasEditor | None:
        """The alias editor, once it was opened."""
        return self.research_views.alias_editor

    # View modes: the grid by default for images, the list for everything else

    def _choose_mode(self, mode: Mode) -> None:
        category = "other" if self.source_list.searching else _category(self._library_view)
        self._modes[category] = mode
        self.source_list.set_mode(mode)

    def _apply_mode(self, view: View | None) -> None:
        mode = self._modes["other" if view is None else _category(view)]
        self.source_list.set_mode(mode)
        action = self.commands.show_grid if mode == "grid" else self.commands.show_list
        action.setChecked(True)

    def _place_inspector(self, beside: bool) -> None:
        orientation = Qt.Orientation.Horizontal if beside else Qt.Orientation.Vertical
        self.reader_splitter.setOrientation(orientation)

    # Archives

    def _ask_open_archive(self) -> None:
        path = dialogs.ask_archive_to_open(self)
        if path is not None:
            self.openArchiveRequested.emit(path)

    def _ask_new_archive(self) -> None:
        path = dialogs.ask_new_archive_folder(self)
        if path is not None:
            self.newArchiveRequested.emit(path)

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        recent = [p for p in self.settings.recent_archives if p != self.archive.path]
        for path in recent:
            action = self.recent_menu.addAction(f"{path.name}  —  {path.parent}")
            action.triggered.connect(
                lambda _checked=False, p=path: self.openArchiveRequested.emit(p)
            )
        if not recent:
            self.recent_menu.addAction(self.tr("No other archives yet")).setEnabled(False)

    def query_help(self) -> str:
        """The search syntax, pointing to this window's editor of alias groups."""
        aliases = self.commands.aliases
        keys = aliases.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        where = self.tr("edit them in Research ▸ {replace} ({keys})").format(
            replace=aliases.text().replace("&", ""), keys=keys
        )
        return query_help_html(aliases=where, translate=translated)

    def _show_query_help(self) -> None:
        box = QMessageBox(
            QMessageBox.Icon.Information, self.tr("Search syntax"), self.query_help(), parent=self
        )
        box.setObjectName("queryHelp")
        box.setModal(False)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.show()

    # Remembering the window

    def _restore_settings(self) -> None:
        settings = self.settings
        geometry = settings.window_geometry()
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(1440, 860)
        self.main_splitter.setSizes(settings.splitter_sizes("main") or [250, 650, 540])
        self.reader_splitter.setSizes(settings.splitter_sizes("reader") or [520, 300])
        self.source_list.restore_header_state(settings.header_state("sourceList"))
        self.commands.inspector_beside.setChecked(settings.flag("inspectorBeside", False))
        self.commands.show_sidebar.setChecked(settings.flag("sidebarShown", True))

    def save_settings(self) -> None:
        settings = self.settings
        settings.save_window_geometry(self.saveGeometry())
        if self.main_splitter.isVisible():  # the welcome view hides the panes: no sizes yet
            settings.save_splitter_sizes("main", self.main_splitter.sizes())
            settings.save_splitter_sizes("reader", self.reader_splitter.sizes())
            settings.save_header_state("sourceList", self.source_list.header_state())
        settings.set_flag("inspectorBeside", self.commands.inspector_beside.isChecked())
        settings.set_flag("sidebarShown", self.commands.show_sidebar.isChecked())
        settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        """Save what the window remembers, stop background work and wait for it."""
        self.save_settings()
        self.import_panel.cancel()
        self.tasks.cancel_all()
        self.tasks.wait_for_all(CLOSE_WAIT_MS)
        super().closeEvent(event)


def _category(view: View) -> str:
    return "images" if view == IMAGES else "other"


def _dropped_paths(mime: QMimeData) -> list[Path]:
    """The local files and folders in a drop (web links and other data are not imported)."""
    if not mime.hasUrls():
        return []
    return [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]


def _focus_into(pane: QWidget) -> None:
    """Focus a pane, or the first widget in it that takes the keyboard focus."""
    if pane.focusPolicy() != Qt.FocusPolicy.NoFocus:
        pane.setFocus(Qt.FocusReason.ShortcutFocusReason)
        return
    for child in pane.findChildren(QWidget):
        if child.isVisible() and child.focusPolicy() & Qt.FocusPolicy.TabFocus:
            child.setFocus(Qt.FocusReason.ShortcutFocusReason)
            return
