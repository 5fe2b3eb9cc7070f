"""Every command of the window as a QAction with its shortcut, and the menus and the toolbar
that hold them.

The window connects each action to what it does; this module only says what exists, how it is
named and which key runs it, so the menus and the shortcut list stay in one place.
"""

from __future__ import annotations

from dataclasses import dataclass, fields

from PySide6.QtCore import QCoreApplication, QObject, QSize, Qt
from PySide6.QtGui import QAction, QActionGroup, QIcon, QKeySequence, QUndoStack
from PySide6.QtWidgets import QMenu, QMenuBar, QToolBar, QToolButton, QWidget

from archive_app.core.messages import QT_TRANSLATE_NOOP
from archive_app.gui.icons import icon

Key = QKeySequence.StandardKey
REDO_KEYS = (QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y"))
"""Redo answers to both common keys besides the platform's own (one of which they often are)."""
RECENT = QT_TRANSLATE_NOOP("actions", "Open &recent")
"""Where the menu of recent archives goes, among the actions of :func:`build_menus`."""


@dataclass(frozen=True)
class WindowActions:
    new_archive: QAction
    open_archive: QAction
    import_files: QAction
    import_folder: QAction
    capture_page: QAction
    quit: QAction
    undo: QAction
    redo: QAction
    delete: QAction
    trash: QAction
    investigator: QAction
    blur_all: QAction
    find: QAction
    show_list: QAction
    show_grid: QAction
    inspector_beside: QAction
    show_sidebar: QAction
    go_sidebar: QAction
    go_list: QAction
    go_reader: QAction
    go_inspector: QAction
    go_annotations: QAction
    compare: QAction
    timeline: QAction
    aliases: QAction
    reused_photos: QAction
    query_help: QAction
    about: QAction

    def all(self) -> list[QAction]:
        return [getattr(self, field.name) for field in fields(self)]


def _action(
    parent: QObject,
    text: str,
    shortcut: QKeySequence | Key | str,
    tip: str,
    icon_name: str = "",
    *,
    checkable: bool = False,
) -> QAction:
    action = QAction(icon(icon_name) if icon_name else QIcon(), text, parent)
    keys = shortcut if isinstance(shortcut, QKeySequence) else QKeySequence(shortcut)
    action.setShortcut(keys)
    action.setStatusTip(tip)
    action.setToolTip(f"{tip} ({keys.toString(QKeySequence.SequenceFormat.NativeText)})")
    action.setCheckable(checkable)
    return action


def _standard(key: Key, fallback: str) -> QKeySequence:
    """The platform's key for ``key``; ``fallback`` where the platform has none (Quit has no
    standard key outside KDE, GNOME and macOS)."""
    bindings = QKeySequence.keyBindings(key)
    return bindings[0] if bindings else QKeySequence(fallback)


def _distinct(keys: list[QKeySequence]) -> list[QKeySequence]:
    """Each key once: a key bound twice to one action is an "ambiguous shortcut" to Qt, which
    then runs neither."""
    return list(dict.fromkeys(key for key in keys if not key.isEmpty()))


def make_actions(parent: QObject, undo_stack: QUndoStack) -> WindowActions:
    undo = undo_stack.createUndoAction(parent, QCoreApplication.translate("actions", "&Undo"))
    undo.setShortcut(QKeySequence(Key.Undo))
    redo = undo_stack.createRedoAction(parent, QCoreApplication.translate("actions", "&Redo"))
    redo.setShortcuts(_distinct([*QKeySequence.keyBindings(Key.Redo), *REDO_KEYS]))
    actions = WindowActions(
        new_archive=_action(
            parent,
            QCoreApplication.translate("actions", "&New archive…"),
            "Ctrl+Shift+N",
            QCoreApplication.translate("actions", "Make a new archive"),
        ),
        open_archive=_action(
            parent,
            QCoreApplication.translate("actions", "&Open archive…"),
            Key.Open,
            QCoreApplication.translate("actions", "Open another archive"),
        ),
        import_files=_action(
            parent,
            QCoreApplication.translate("actions", "&Import files…"),
            "Ctrl+I",
            QCoreApplication.translate("actions", "Import files into the archive"),
            "import",
        ),
        import_folder=_action(
            parent,
            QCoreApplication.translate("actions", "Import &folder…"),
            "Ctrl+Shift+I",
            QCoreApplication.translate("actions", "Import a folder and everything in it"),
            "import-folder",
        ),
        capture_page=_action(
            parent,
            QCoreApplication.translate("actions", "&Capture web page…"),
            "Ctrl+L",
            QCoreApplication.translate(
                "actions", "Capture a page from its address, with its photos, as evidence"
            ),
        ),
        quit=_action(
            parent,
            QCoreApplication.translate("actions", "&Quit"),
            _standard(Key.Quit, "Ctrl+Q"),
            QCoreApplication.translate("actions", "Close the archive and quit"),
        ),
        undo=undo,
        redo=redo,
        delete=_action(
            parent,
            QCoreApplication.translate("actions", "&Move to trash"),
            Key.Delete,
            QCoreApplication.translate("actions", "Move the selected sources to the trash"),
        ),
        trash=_action(
            parent,
            QCoreApplication.translate("actions", "&Trash…"),
            "Ctrl+Shift+Del",
            QCoreApplication.translate("actions", "Restore deleted sources, or destroy them"),
        ),
        investigator=_action(
            parent,
            QCoreApplication.translate("actions", "Investigator &name…"),
            "Ctrl+Alt+N",
            QCoreApplication.translate(
                "actions", "The name the audit trail records as who made each change"
            ),
        ),
        blur_all=_action(
            parent,
            QCoreApplication.translate("actions", "&Blur all images"),
            "Ctrl+Shift+H",
            QCoreApplication.translate(
                "actions", "Blur every image until clicked, not only those marked sensitive"
            ),
            checkable=True,
        ),
        find=_action(
            parent,
            QCoreApplication.translate("actions", "&Search"),
            Key.Find,
            QCoreApplication.translate("actions", "Search the archive"),
            "search",
        ),
        show_list=_action(
            parent,
            QCoreApplication.translate("actions", "As &list"),
            "Ctrl+1",
            QCoreApplication.translate("actions", "Show sources as a list"),
            "view-list",
            checkable=True,
        ),
        show_grid=_action(
            parent,
            QCoreApplication.translate("actions", "As &grid"),
            "Ctrl+2",
            QCoreApplication.translate("actions", "Show sources as thumbnails"),
            "view-grid",
            checkable=True,
        ),
        inspector_beside=_action(
            parent,
            QCoreApplication.translate("actions", "Inspector &beside the reader"),
            "Ctrl+Shift+B",
            QCoreApplication.translate(
                "actions", "Put the inspector beside the reader instead of below it"
            ),
            checkable=True,
        ),
        show_sidebar=_action(
            parent,
            QCoreApplication.translate("actions", "&Sidebar"),
            "F9",
            QCoreApplication.translate("actions", "Show or hide the sidebar"),
            checkable=True,
        ),
        go_sidebar=_action(
            parent,
            QCoreApplication.translate("actions", "&Sidebar"),
            "Alt+1",
            QCoreApplication.translate("actions", "Move the focus to the sidebar"),
        ),
        go_list=_action(
            parent,
            QCoreApplication.translate("actions", "Source &list"),
            "Alt+2",
            QCoreApplication.translate("actions", "Move the focus to the source list"),
        ),
        go_reader=_action(
            parent,
            QCoreApplication.translate("actions", "&Reader"),
            "Alt+3",
            QCoreApplication.translate("actions", "Move the focus to the reader"),
        ),
        go_inspector=_action(
            parent,
            QCoreApplication.translate("actions", "&Inspector"),
            "Alt+4",
            QCoreApplication.translate("actions", "Move the focus to the inspector"),
        ),
        go_annotations=_action(
            parent,
            QCoreApplication.translate("actions", "&Annotations"),
            "Alt+5",
            QCoreApplication.translate(
                "actions", "Move the focus to the open source's annotations"
            ),
        ),
        compare=_action(
            parent,
            QCoreApplication.translate("actions", "&Compare perspectives"),
            "Ctrl+Shift+C",
            QCoreApplication.translate(
                "actions", "Compare how each perspective told the event chosen in the sidebar"
            ),
            "compare",
        ),
        timeline=_action(
            parent,
            QCoreApplication.translate("actions", "&Timeline"),
            "Ctrl+Shift+T",
            QCoreApplication.translate(
                "actions", "Show the events on a time axis, with each perspective's sources"
            ),
            "timeline",
            checkable=True,
        ),
        aliases=_action(
            parent,
            QCoreApplication.translate("actions", "Place-name &aliases…"),
            "Ctrl+Shift+L",
            QCoreApplication.translate("actions", "Edit the groups of names that mean one place"),
            "aliases",
        ),
        reused_photos=_action(
            parent,
            QCoreApplication.translate("actions", "Reused &photos…"),
            "Ctrl+Shift+U",
            QCoreApplication.translate(
                "actions", "Every photo shown more than once, with the caption each source gives it"
            ),
        ),
        query_help=_action(
            parent,
            QCoreApplication.translate("actions", "&Search syntax"),
            Key.HelpContents,
            QCoreApplication.translate("actions", "How to write a search"),
        ),
        about=_action(
            parent,
            QCoreApplication.translate("actions", "&About"),
            "",
            QCoreApplication.translate("actions", "About this program"),
        ),
    )
    actions.show_sidebar.setChecked(True)
    actions.compare.setIconText(QCoreApplication.translate("actions", "Compare"))
    actions.delete.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
    group = QActionGroup(parent)
    group.addAction(actions.show_list)
    group.addAction(actions.show_grid)
    actions.show_list.setChecked(True)
    return actions


def build_toolbar(window: QWidget, actions: WindowActions, search: QWidget) -> QToolBar:
    """The window's toolbar: import, list or grid, compare and timeline, the search field."""
    toolbar = QToolBar(QCoreApplication.translate("actions", "Main"), window)
    toolbar.setObjectName("mainToolbar")
    toolbar.setMovable(False)
    toolbar.setIconSize(QSize(20, 20))
    toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    toolbar.addAction(actions.import_files)
    toolbar.addAction(actions.import_folder)
    toolbar.addSeparator()
    for action in (actions.show_list, actions.show_grid):
        toolbar.addAction(action)
        button = toolbar.widgetForAction(action)
        if isinstance(button, QToolButton):
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
    toolbar.addSeparator()
    toolbar.addAction(actions.compare)
    toolbar.addAction(actions.timeline)
    toolbar.addSeparator()
    toolbar.addWidget(search)
    return toolbar


def build_menus(menu_bar: QMenuBar, actions: WindowActions, language: QMenu) -> QMenu:
    """Fill the menu bar (``language`` goes at the end of View); returns the (empty) "Open
    recent" menu for the window to fill."""
    a = actions
    menus: dict[str, list[QAction | QMenu | str | None]] = {
        QCoreApplication.translate("actions", "&File"): [
            a.new_archive,
            a.open_archive,
            RECENT,
            None,
            a.import_files,
            a.import_folder,
            a.capture_page,
            None,
            a.quit,
        ],
        QCoreApplication.translate("actions", "&Edit"): [
            a.undo,
            a.redo,
            None,
            a.delete,
            a.trash,
            None,
            a.find,
            None,
            a.investigator,
        ],
        QCoreApplication.translate("actions", "&View"): [
            a.show_list,
            a.show_grid,
            None,
            a.show_sidebar,
            a.inspector_beside,
            None,
            a.blur_all,
            None,
            language,
        ],
        QCoreApplication.translate("actions", "&Research"): [
            a.compare,
            a.timeline,
            None,
            a.aliases,
            a.reused_photos,
        ],
        QCoreApplication.translate("actions", "&Go"): [
            a.go_sidebar,
            a.go_list,
            a.go_reader,
            a.go_inspector,
            a.go_annotations,
        ],
        QCoreApplication.translate("actions", "&Help"): [a.query_help, a.about],
    }
    recent: QMenu | None = None
    for title, entries in menus.items():
        menu = menu_bar.addMenu(title)
        for entry in entries:
            if entry is None:
                menu.addSeparator()
            elif isinstance(entry, QAction):
                menu.addAction(entry)
            elif isinstance(entry, QMenu):
                menu.addMenu(entry)
            else:
                recent = menu.addMenu(QCoreApplication.translate("actions", entry))
                recent.setObjectName("recentArchives")
    assert recent is not None
    return recent
