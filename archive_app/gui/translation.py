"""The window's language: the system's, unless the person chose another in *View › Language*.

The program's strings go through Qt's translation functions and are looked up in
``resources/translations/archive_app_<language>.qm``, compiled from the ``.ts`` catalogue at
build time (``make`` runs ``pyside6-lrelease``). Qt's own ``qtbase_<language>.qm`` is loaded
too, so the buttons of standard dialogs (OK, Cancel, Save) speak the same language, and
:meth:`QLocale.setDefault` makes dates and numbers shown through QLocale follow it.

A choice takes effect at the next start: the window is built once, in one language.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib.resources import as_file

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMainWindow, QMenu

from archive_app.gui.settings import AppSettings
from archive_app.resources import resource

CATALOGUE = "archive_app"
"""The catalogue's base name: ``archive_app_ru.ts`` is its Russian."""
RESTART_NOTE_MS = 10_000


@dataclass(frozen=True)
class Language:
    code: str
    """An ISO 639-1 code, or "" for the system's language."""
    name: str
    """The language's name in itself, so anyone can find their own in the menu."""


LANGUAGES = (Language("en", "English"), Language("ru", "Русский"))


def chosen_locale(settings: AppSettings) -> QLocale:
    """The locale the window speaks: the one chosen in the settings, else the system's."""
    return QLocale(settings.language) if settings.language else QLocale.system()


def install_translation(app: QCoreApplication, settings: AppSettings) -> QLocale:
    """Load the program's and Qt's translations for the chosen language into ``app`` and make
    it the default locale; returns it. English, or a language without a catalogue, loads
    nothing and the window shows its own English."""
    locale = chosen_locale(settings)
    QLocale.setDefault(locale)
    language = QLocale.languageToCode(locale.language())
    catalogue = resource("translations", f"{CATALOGUE}_{language}.qm")
    with as_file(catalogue) as path:
        _load(app, str(path.parent), path.stem)
    qt_translations = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    _load(app, qt_translations, f"qtbase_{language}")
    return locale


def _load(app: QCoreApplication, folder: str, name: str) -> None:
    translator = QTranslator(app)
    if translator.load(name, folder):
        app.installTranslator(translator)
    else:
        translator.deleteLater()


def language_menu(settings: AppSettings, parent: QMainWindow) -> QMenu:
    """*View › Language ▸*: System, then each language by its own name; a choice is saved and
    the menu says it takes effect at the next start."""
    menu = QMenu(QCoreApplication.translate("Language", "&Language"), parent)
    menu.setObjectName("languageMenu")
    group = QActionGroup(menu)
    choices = [Language("", QCoreApplication.translate("Language", "System")), *LANGUAGES]
    for language in choices:
        action = QAction(language.name, group)
        action.setCheckable(True)
        action.setChecked(language.code == settings.language)
        action.setData(language.code)
        menu.addAction(action)
    menu.addSeparator()
    note = menu.addAction(
        QCoreApplication.translate("Language", "Takes effect when the program next starts")
    )
    note.setEnabled(False)
    note.setVisible(False)
    note.setObjectName("languageRestartNote")

    def choose(action: QAction) -> None:
        settings.language = str(action.data())
        settings.sync()
        note.setVisible(True)
        parent.statusBar().showMessage(note.text(), RESTART_NOTE_MS)

    group.triggered.connect(choose)
    return menu
