"""The questions the window asks, one small function each, so tests can answer them by
replacing the function (pytest-qt's advice for dialogs) instead of patching Qt."""

from __future__ import annotations

import enum
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSize
from PySide6.QtWidgets import QAbstractButton, QFileDialog, QInputDialog, QMessageBox, QWidget

from archive_app import APP_NAME, __version__
from archive_app.core.messages import QT_TRANSLATE_NOOP

FILE_DIALOG = QSize(900, 560)
IMPORT_FILTER = QT_TRANSLATE_NOOP(
    "dialogs",
    "Sources (*.html *.htm *.xhtml *.mhtml *.pdf *.jpg *.jpeg *.png *.tif *.tiff *.webp *.gif "
    "*.heic *.heif *.bmp *.txt *.text *.md *.markdown);;"
    "Reference lists (*.ris *.bib *.bibtex *.json);;All files (*)",
)


class AfterOpenFailure(enum.Enum):
    """What the person chose when an archive could not be opened."""

    RETRY = "retry"
    OPEN_OTHER = "open other"
    CREATE_NEW = "create new"
    QUIT = "quit"


def file_dialog(
    parent: QWidget | None, caption: str, mode: QFileDialog.FileMode, name_filter: str = ""
) -> QFileDialog:
    """A file dialog big enough to read its columns (names, sizes, dates): most of the window,
    never smaller than :data:`FILE_DIALOG`. A desktop's own dialog sizes itself."""
    dialog = QFileDialog(parent, caption, "", name_filter)
    dialog.setFileMode(mode)
    dialog.setOption(QFileDialog.Option.ShowDirsOnly, mode == QFileDialog.FileMode.Directory)
    size = FILE_DIALOG
    window = parent.window() if parent is not None else None
    if window is not None:
        size = size.expandedTo(window.size() * 0.7)
    dialog.resize(size)
    return dialog


def _chosen(dialog: QFileDialog) -> list[Path]:
    accepted = dialog.exec() == QFileDialog.DialogCode.Accepted
    return [Path(name) for name in dialog.selectedFiles()] if accepted else []


def ask_import_files(parent: QWidget | None) -> list[Path]:
    dialog = file_dialog(
        parent,
        QCoreApplication.translate("dialogs", "Import files"),
        QFileDialog.FileMode.ExistingFiles,
        QCoreApplication.translate("dialogs", IMPORT_FILTER),
    )
    return _chosen(dialog)


def ask_import_folder(parent: QWidget | None) -> Path | None:
    mode = QFileDialog.FileMode.Directory
    chosen = _chosen(
        file_dialog(
            parent,
            QCoreApplication.translate("dialogs", "Import a folder and everything in it"),
            mode,
        )
    )
    return chosen[0] if chosen else None


def ask_archive_to_open(parent: QWidget | None) -> Path | None:
    chosen = _chosen(
        file_dialog(
            parent,
            QCoreApplication.translate("dialogs", "Open an archive folder"),
            QFileDialog.FileMode.Directory,
        )
    )
    return chosen[0] if chosen else None


def ask_investigator(parent: QWidget | None, current: str) -> str | None:
    """The investigator name the audit trail records from now on (None: cancelled; '': the
    system user's name)."""
    name, accepted = QInputDialog.getText(
        parent,
        QCoreApplication.translate("dialogs", "Investigator name"),
        QCoreApplication.translate(
            "dialogs",
            "Recorded in the audit trail as who made each change\n(empty: your user name):",
        ),
        text=current,
    )
    return name if accepted else None


def ask_new_archive_folder(parent: QWidget | None) -> Path | None:
    """An empty (or new) folder for a new archive."""
    dialog = file_dialog(
        parent,
        QCoreApplication.translate("dialogs", "New archive: choose a name and a place"),
        QFileDialog.FileMode.AnyFile,
    )
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.selectFile(QCoreApplication.translate("dialogs", "Archive"))
    chosen = _chosen(dialog)
    return chosen[0] if chosen else None


def ask_after_open_failure(
    parent: QWidget | None, path: Path, message: str, details: str = ""
) -> AfterOpenFailure:
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(
        QCoreApplication.translate("dialogs", "{APP_NAME}: the archive cannot be opened").format(
            APP_NAME=APP_NAME
        )
    )
    box.setText(
        QCoreApplication.translate("dialogs", "The archive at {path} cannot be opened.").format(
            path=path
        )
    )
    box.setInformativeText(message)
    if details:
        box.setDetailedText(details)
    retry = box.addButton(
        QCoreApplication.translate("dialogs", "Try again"), QMessageBox.ButtonRole.AcceptRole
    )
    other = box.addButton(
        QCoreApplication.translate("dialogs", "Open another…"), QMessageBox.ButtonRole.ActionRole
    )
    new = box.addButton(
        QCoreApplication.translate("dialogs", "New archive…"), QMessageBox.ButtonRole.ActionRole
    )
    box.addButton(
        QCoreApplication.translate("dialogs", "Quit")
        if parent is None
        else QCoreApplication.translate("dialogs", "Cancel"),
        QMessageBox.ButtonRole.RejectRole,
    )
    box.setDefaultButton(other)
    box.exec()
    clicked = box.clickedButton()
    choices: dict[QAbstractButton, AfterOpenFailure] = {
        retry: AfterOpenFailure.RETRY,
        other: AfterOpenFailure.OPEN_OTHER,
        new: AfterOpenFailure.CREATE_NEW,
    }
    return choices.get(clicked, AfterOpenFailure.QUIT)


def show_about(parent: QWidget | None) -> None:
    QMessageBox.about(
        parent,
        QCoreApplication.translate("dialogs", "About {APP_NAME}").format(APP_NAME=APP_NAME),
        QCoreApplication.translate(
            "dialogs",
            "<b>{APP_NAME}</b> {version}<br>A research archive for sources about contested "
            "events: import articles, PDFs, photos and notes, search them, tag them by event and "
            "perspective, annotate and compare.",
        ).format(APP_NAME=APP_NAME, version=__version__),
    )
