"""What an empty archive shows: what the program does and what to do first."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QSize, Qt, Signal
from PySide6.QtGui import QFont, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from archive_app import APP_NAME
from archive_app.core.messages import QT_TRANSLATE_NOOP
from archive_app.gui.icons import icon
from archive_app.gui.widgets import left_row

WHAT_IT_DOES = QT_TRANSLATE_NOOP(
    "welcome",
    "Keep the articles, PDFs, photos and notes you collect about contested events in one "
    "place. Search them in full text, whichever name a source gives a place (Khankendi, "
    "Stepanakert, Xankəndi), tag them by event and perspective, annotate passages and parts of "
    "photos, and compare how each side told the story.",
)
NEXT_STEPS = QT_TRANSLATE_NOOP(
    "welcome",
    "<b>Then:</b> search from the field on top (Ctrl+F) · choose a source to read it · give it "
    "events, perspectives and tags in the inspector · every original is kept byte for byte.",
)


class DropArea(QFrame):
    """A dashed frame that invites dropping files (the whole window accepts them)."""

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        pen = QPen(self.palette().color(QPalette.ColorRole.Mid), 1.5, Qt.PenStyle.DashLine)
        painter.setPen(pen)
        painter.drawRoundedRect(self.rect().adjusted(1, 1, -2, -2), 10, 10)


class WelcomeView(QWidget):
    """Shown instead of the panes while the archive is empty (objectName ``welcome``)."""

    importFilesRequested = Signal()
    importFolderRequested = Signal()

    def __init__(self, archive_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("welcome")
        self.setAccessibleName(self.tr("Welcome"))
        emblem = QLabel(self)
        emblem.setPixmap(icon("archive").pixmap(QSize(56, 56), self.devicePixelRatioF()))
        title = QLabel(self.tr("Welcome to {APP_NAME}").format(APP_NAME=APP_NAME), self)
        font = QFont(title.font())
        font.setPointSizeF(font.pointSizeF() * 1.7)
        font.setBold(True)
        title.setFont(font)
        subtitle = QLabel(
            self.tr("The archive “{archive_name}” is empty.").format(archive_name=archive_name),
            self,
        )
        subtitle.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        what = QLabel(QCoreApplication.translate("welcome", WHAT_IT_DOES), self)
        what.setWordWrap(True)
        larger = QFont(what.font())
        larger.setPointSizeF(larger.pointSizeF() * 1.12)
        what.setFont(larger)
        self.import_files_button = QPushButton(icon("import"), self.tr("Import files…"), self)
        self.import_files_button.setObjectName("welcomeImportFiles")
        self.import_files_button.setIconSize(QSize(20, 20))
        self.import_files_button.setDefault(True)
        self.import_files_button.clicked.connect(self.importFilesRequested)
        self.import_folder_button = QPushButton(
            icon("import-folder"), self.tr("Import a folder…"), self
        )
        self.import_folder_button.setObjectName("welcomeImportFolder")
        self.import_folder_button.setIconSize(QSize(20, 20))
        self.import_folder_button.clicked.connect(self.importFolderRequested)
        buttons = left_row(10, self.import_files_button, self.import_folder_button)
        drop = DropArea(self)
        drop.setMinimumHeight(130)
        drop_label = QLabel(
            self.tr(
                "<b>…or drop files and folders anywhere on this window.</b><br>"
                "Saved web pages (.html, with their folder of pictures), PDFs, photos (JPEG, PNG, "
                "TIFF, WebP, HEIC) and text (.txt, .md). The same file twice is kept once."
            ),
            drop,
        )
        drop_label.setWordWrap(True)
        drop_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        drop_layout = QVBoxLayout(drop)
        drop_layout.setContentsMargins(24, 16, 24, 16)
        drop_layout.addWidget(drop_label)
        steps = QLabel(QCoreApplication.translate("welcome", NEXT_STEPS), self)
        steps.setWordWrap(True)
        steps.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        column = QVBoxLayout()
        column.setSpacing(14)
        column.addStretch(2)
        column.addWidget(emblem)
        column.addWidget(title)
        column.addWidget(subtitle)
        column.addSpacing(6)
        column.addWidget(what)
        column.addSpacing(6)
        column.addLayout(buttons)
        column.addWidget(drop)
        column.addWidget(steps)
        column.addStretch(3)
        holder = QWidget(self)
        holder.setLayout(column)
        holder.setMaximumWidth(640)
        outer = QHBoxLayout(self)
        outer.addStretch(1)
        outer.addWidget(holder, 4)
        outer.addStretch(1)
