"""*File › Export ▸*: each format, applied to what the window shows, in a small dialog with
progress and cancel; *Copy citation* for the source list; the citation style.

What an export covers is chosen in the dialog, offered from the window's state: the selected
sources, the event, perspective, tag or saved search chosen in the sidebar, the current search,
or the whole archive. The export runs through the window's one :class:`TaskRunner`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QMimeData, QObject, QUrl
from PySide6.QtGui import QAction, QActionGroup, QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from archive_app.core.archive import Archive
from archive_app.core.errors import ArchiveError
from archive_app.core.messages import QT_TRANSLATE_NOOP
from archive_app.core.progress import Progress
from archive_app.export.citeproc_text import (
    STYLES,
    citation_style,
    formatted_citations,
    set_citation_style,
)
from archive_app.export.formats import FORMATS, ExportFormat, ExportJob, ExportResult, export
from archive_app.export.selection import Selection
from archive_app.gui.core_text import translated
from archive_app.gui.error_label import ErrorLabel
from archive_app.gui.errors import describe_error
from archive_app.gui.icons import icon
from archive_app.gui.search_bar import SearchBar
from archive_app.gui.sidebar.view import Sidebar
from archive_app.gui.sources.view import SourceListPane
from archive_app.gui.tasks import Task, TaskContext, TaskRunner

FORMAT_NAMES = {
    "csl-json": QT_TRANSLATE_NOOP("export_menu", "Citations (CSL-JSON)"),
    "bibtex": QT_TRANSLATE_NOOP("export_menu", "Citations (BibTeX)"),
    "ris": QT_TRANSLATE_NOOP("export_menu", "Citations (RIS)"),
    "csv": QT_TRANSLATE_NOOP("export_menu", "Spreadsheet (CSV)"),
    "qdpx": QT_TRANSLATE_NOOP("export_menu", "QDA project (REFI-QDA .qdpx)"),
    "report": QT_TRANSLATE_NOOP("export_menu", "Event report (HTML or PDF)"),
    "annotations": QT_TRANSLATE_NOOP("export_menu", "Annotations (W3C JSON-LD)"),
    "wacz": QT_TRANSLATE_NOOP("export_menu", "Captured pages (WACZ web archive)"),
}
"""The window's names of the export formats (the core's labels are the command line's)."""
STYLE_NAMES = {
    "apa": QT_TRANSLATE_NOOP("export_menu", "APA (7th edition)"),
    "chicago-author-date": QT_TRANSLATE_NOOP("export_menu", "Chicago (author-date)"),
    "modern-language-association": QT_TRANSLATE_NOOP("export_menu", "MLA (9th edition)"),
}


def format_name(chosen: ExportFormat) -> str:
    return QCoreApplication.translate("export_menu", FORMAT_NAMES.get(chosen.name, chosen.label))


def style_name(key: str) -> str:
    return QCoreApplication.translate("export_menu", STYLE_NAMES.get(key, STYLES.get(key, key)))


@dataclass(frozen=True)
class Scope:
    """One answer to "export what?": its words and its selection."""

    label: str
    selection: Selection


def ask_export_file(parent: QWidget | None, chosen: ExportFormat, suggestion: str) -> Path | None:
    patterns = " ".join(f"*{suffix}" for suffix in chosen.suffixes)
    name, _ = QFileDialog.getSaveFileName(
        parent,
        QCoreApplication.translate("export_menu", "Export {label}").format(
            label=format_name(chosen)
        ),
        suggestion,
        f"{format_name(chosen)} ({patterns})",
    )
    return Path(name) if name else None


class ExportDialog(QDialog):
    """Choose what to export and where; then the export runs here with a progress bar."""

    def __init__(
        self,
        archive: Archive,
        tasks: TaskRunner,
        chosen: ExportFormat,
        scopes: list[Scope],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("exportDialog")
        self.setWindowTitle(self.tr("Export {label}").format(label=format_name(chosen)))
        self.archive = archive
        self.tasks = tasks
        self.format = chosen
        self.scopes = scopes
        self.outcome: ExportResult | None = None
        self.task: Task | None = None
        self._build()

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("<b>What to export</b>"), self))
        self.scope_group = QButtonGroup(self)
        for number, scope in enumerate(self.scopes):
            button = QRadioButton(scope.label, self)
            button.setObjectName(f"scope{number}")
            self.scope_group.addButton(button, number)
            layout.addWidget(button)
        self.scope_group.button(0).setChecked(True)
        form = QFormLayout()
        self.path_field = QLineEdit(self)
        self.path_field.setObjectName("exportPath")
        self.path_field.setPlaceholderText(
            self.tr("a file ending in {join}").format(join=" or ".join(self.format.suffixes))
        )
        self.path_field.setMinimumWidth(360)
        browse = QPushButton(self.tr("Choose…"), self)
        browse.setObjectName("chooseExportPath")
        browse.clicked.connect(self._choose_path)
        row = QHBoxLayout()
        row.addWidget(self.path_field, 1)
        row.addWidget(browse)
        form.addRow(self.tr("Save as:"), row)
        self.style_box = QComboBox(self)
        self.style_box.setObjectName("citationStyle")
        for key in STYLES:
            self.style_box.addItem(style_name(key), key)
        self.style_box.setCurrentIndex(list(STYLES).index(citation_style(self.archive)))
        self.open_after = QCheckBox(self.tr("Open the report when it is written"), self)
        self.open_after.setObjectName("openReport")
        self.open_after.setChecked(True)
        if self.format.name == "report":
            form.addRow(self.tr("Citation style:"), self.style_box)
            form.addRow("", self.open_after)
        else:
            self.style_box.hide()
            self.open_after.hide()
        self.leave_out_sensitive = QCheckBox(
            self.tr("Leave out sensitive images (graphic, or showing identifiable people)"), self
        )
        self.leave_out_sensitive.setObjectName("leaveOutSensitive")
        form.addRow("", self.leave_out_sensitive)
        layout.addLayout(form)
        self.progress = QProgressBar(self)
        self.progress.setObjectName("exportProgress")
        self.progress.setTextVisible(True)
        self.progress.hide()
        layout.addWidget(self.progress)
        self.error = ErrorLabel("export", self)
        layout.addWidget(self.error)
        self.buttons = QDialogButtonBox(self)
        self.export_button = self.buttons.addButton(
            self.tr("Export"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.export_button.setObjectName("exportButton")
        self.export_button.setDefault(True)
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.export_button.clicked.connect(self.start)
        self.cancel_button.clicked.connect(self.cancel)
        layout.addWidget(self.buttons)

    def _choose_path(self) -> None:
        suggestion = f"{self.archive.path.name}{self.format.suffixes[0]}"
        path = ask_export_file(self, self.format, suggestion)
        if path is not None:
            self.path_field.setText(str(path))

    def selection(self) -> Selection:
        chosen = self.scopes[max(0, self.scope_group.checkedId())].selection
        return replace(chosen, leave_out_sensitive=self.leave_out_sensitive.isChecked())

    def start(self) -> None:
        text = self.path_field.text().strip()
        if not text:
            self.error.show_error(self.tr("Choose a file to export to."))
            return
        path = Path(text).expanduser()
        if not path.suffix and self.format.suffixes:
            path = path.with_suffix(self.format.suffixes[0])
        style = str(self.style_box.currentData())
        if self.format.name == "report":
            set_citation_style(self.archive, style)
        self.error.show_error("")
        self.export_button.setEnabled(False)
        self.progress.setRange(0, 0)
        self.progress.show()
        selection = self.selection()

        def work(context: TaskContext) -> ExportResult:
            job = ExportJob(
                self.archive,
                selection,
                path,
                progress=context.progress,
                cancel=context.cancel_flag,
                style=style,
            )
            return export(self.format.name, job)

        self.task = self.tasks.run(
            work,
            on_success=self._succeeded,
            on_failure=self._failed,
            on_progress=self._progressed,
            label=self.tr("Exporting {label}").format(label=format_name(self.format)),
        )

    def cancel(self) -> None:
        if self.task is not None and not self.task.done:
            self.task.cancel()
            self.cancel_button.setEnabled(False)
            return
        self.reject()

    def _progressed(self, progress: Progress) -> None:
        if progress.total:
            self.progress.setRange(0, progress.total)
            self.progress.setValue(progress.done)
        message = translated(progress.message)
        self.progress.setFormat(f"{message} %v/%m" if progress.total else message)

    def _succeeded(self, result: ExportResult) -> None:
        self.outcome = result
        if self.format.name == "report" and self.open_after.isChecked():
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(result.files[0])))
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self.task = None
        self.progress.hide()
        self.export_button.setEnabled(True)
        self.cancel_button.setEnabled(True)
        self.error.show_error(describe_error(error).message)


class ExportTools(QObject):
    """The Export menu, Copy citation and the citation style, for one window."""

    def __init__(
        self,
        window: QWidget,
        archive: Archive,
        tasks: TaskRunner,
        *,
        panes: tuple[SourceListPane, Sidebar, SearchBar],
        show_message: Callable[[str], None],
    ) -> None:
        super().__init__(window)
        self.window = window
        self.archive = archive
        self.tasks = tasks
        self.source_list, self.sidebar, self.search_bar = panes
        self.show_message = show_message
        self.dialog: ExportDialog | None = None
        self.menu = QMenu(self.tr("&Export"), window)
        self.menu.setObjectName("exportMenu")
        self.menu.setIcon(icon("export"))
        for chosen in FORMATS.values():
            action = self.menu.addAction(f"{format_name(chosen)}…")
            action.setObjectName(f"export-{chosen.name}")
            action.triggered.connect(lambda _=False, chosen=chosen: self.open_dialog(chosen))
        self.menu.addSeparator()
        self.style_menu = self.menu.addMenu(self.tr("Citation &style"))
        self.style_menu.setObjectName("citationStyleMenu")
        self._style_group = QActionGroup(self)
        for key in STYLES:
            action = self.style_menu.addAction(style_name(key))
            action.setCheckable(True)
            action.setData(key)
            self._style_group.addAction(action)
        self.style_menu.aboutToShow.connect(self._show_style)
        self._style_group.triggered.connect(
            lambda action: set_citation_style(self.archive, str(action.data()))
        )
        self.copy_citation = QAction(icon("copy"), self.tr("Copy &citation"), window)
        self.copy_citation.setObjectName("copyCitation")
        self.copy_citation.setShortcut("Ctrl+Shift+Y")
        self.copy_citation.setStatusTip(
            self.tr("Put the selected sources' citations on the clipboard")
        )
        self.copy_citation.triggered.connect(self.copy_citations)

    def open_dialog(self, chosen: ExportFormat) -> ExportDialog:
        scopes = window_scopes(
            self.archive,
            self.source_list.selected_ids(),
            self.sidebar.chosen_key(),
            self.search_bar.query,
        )
        self.dialog = ExportDialog(self.archive, self.tasks, chosen, scopes, self.window)
        self.dialog.accepted.connect(self._exported)
        self.dialog.open()
        return self.dialog

    def _exported(self) -> None:
        if self.dialog is not None and self.dialog.outcome is not None:
            self.show_message(translated(self.dialog.outcome.summary()))

    def _show_style(self) -> None:
        current = citation_style(self.archive)
        for action in self._style_group.actions():
            action.setChecked(action.data() == current)

    def copy_citations(self) -> None:
        ids = self.source_list.selected_ids()
        if not ids:
            return
        style = citation_style(self.archive)
        try:
            plain, html = formatted_citations(self.archive, ids, style)
        except ArchiveError as error:
            self.show_message(translated(error.message))
            return
        data = QMimeData()
        data.setText(plain)
        data.setHtml(html)
        QGuiApplication.clipboard().setMimeData(data)
        count = self.tr("1 citation") if len(ids) == 1 else self.tr("%n citations", "", len(ids))
        self.show_message(
            self.tr("Copied {count} in {value}.").format(count=count, value=style_name(style))
        )


def window_scopes(
    archive: Archive, selected: list[int], chosen_key: tuple[str, object] | None, query: str
) -> list[Scope]:
    """What the window offers to export, the likeliest first: several selected sources, the
    sidebar's choice, the search; then one selected source (often only the row the list
    opened) and the whole archive."""
    scopes = []
    chosen_sources = Scope(
        QCoreApplication.translate("export_menu", "The selected source")
        if len(selected) == 1
        else QCoreApplication.translate(
            "export_menu", "The %n selected sources", "", len(selected)
        ),
        Selection(ids=tuple(selected)),
    )
    if len(selected) > 1:
        scopes.append(chosen_sources)
    if chosen_key is not None:
        kind, key = chosen_key
        if kind == "event" and isinstance(key, int):
            name = archive.events.get(key).name
            scopes.append(
                Scope(
                    QCoreApplication.translate(
                        "export_menu", "The event “{name}” and its sub-events"
                    ).format(name=name),
                    Selection(events=(key,)),
                )
            )
        elif kind == "perspective" and isinstance(key, int):
            name = archive.perspectives.get(key).name
            scopes.append(
                Scope(
                    QCoreApplication.translate("export_menu", "The perspective “{name}”").format(
                        name=name
                    ),
                    Selection(perspectives=(key,)),
                )
            )
        elif kind == "tag" and isinstance(key, int):
            name = archive.tags.get(key).name
            scopes.append(
                Scope(
                    QCoreApplication.translate("export_menu", "The tag “{name}”").format(name=name),
                    Selection(tags=(key,)),
                )
            )
        elif kind == "saved" and isinstance(key, int):
            name = archive.saved_searches.get(key).name
            scopes.append(
                Scope(
                    QCoreApplication.translate("export_menu", "The saved search “{name}”").format(
                        name=name
                    ),
                    Selection(saved=name),
                )
            )
    if query:
        scopes.append(
            Scope(
                QCoreApplication.translate("export_menu", "What the search “{query}” finds").format(
                    query=query
                ),
                Selection(query=query),
            )
        )
    if len(selected) == 1:
        scopes.append(chosen_sources)
    scopes.append(
        Scope(
            QCoreApplication.translate(
                "export_menu", "The whole archive ({count_sources} sources)"
            ).format(count_sources=archive.count_sources()),
            Selection(),
        )
    )
    return scopes


def add_to_file_menu(before: QAction, menu: QMenu, actions: list[QAction]) -> None:
    """Put the Export menu and the backup actions in the menu holding ``before`` (Quit)."""
    file_menu = next(o for o in before.associatedObjects() if isinstance(o, QMenu))
    file_menu.insertMenu(before, menu)
    file_menu.insertActions(before, actions)
    file_menu.insertSeparator(before)
