"""The reader's part in annotating: what is to be annotated, and the two commands that say so.

"Annotate" (Ctrl+Shift+A) takes the passage selected in the text (with the mouse, or with Shift
and the arrow keys); on a picture or a PDF page with nothing selected it takes the whole
picture or page. "Draw region" (Ctrl+Shift+R, or hold Shift while dragging) makes a drag on a
picture or a page draw a rectangle, which is annotated as soon as it is drawn.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QObject, QSize, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QToolButton, QWidget

from archive_app.core.annotations import Region
from archive_app.core.model import Source
from archive_app.gui.icons import icon
from archive_app.gui.reader.text_view import ReadingView

ANNOTATE_KEYS = "Ctrl+Shift+A"
DRAW_KEYS = "Ctrl+Shift+R"
ICON_SIZE = QSize(18, 18)


@dataclass(frozen=True)
class PassageTarget:
    """A passage of a source's body: ``body[start:end]``."""

    source_id: int
    start: int
    end: int
    quote: str


@dataclass(frozen=True)
class RegionTarget:
    """A region of a picture or of a PDF page (relative, as the archive keeps it)."""

    source_id: int
    region: Region
    whole: bool = False


AnnotationTarget = PassageTarget | RegionTarget


def passage_target(source: Source, view: ReadingView) -> PassageTarget | None:
    """The passage selected in ``view``, trimmed of the spaces around it (None: nothing, or
    only spaces, or a selection outside the body such as a caption)."""
    selected = view.selected_body_range()
    if selected is None:
        return None
    start, end = selected
    text = source.body[start:end]
    start += len(text) - len(text.lstrip())
    end -= len(text) - len(text.rstrip())
    if end <= start:
        return None
    return PassageTarget(source.id, start, end, source.body[start:end])


def whole_target(source: Source, page: int | None) -> RegionTarget:
    return RegionTarget(source.id, Region(0.0, 0.0, 1.0, 1.0, page), whole=True)


class AnnotateActions(QObject):
    """The reader's Annotate and Draw region commands, with their shortcuts (active while the
    focus is anywhere in the reader) and their toolbar buttons."""

    def __init__(self, owner: QWidget) -> None:
        super().__init__(owner)
        self.annotate = QAction(icon("annotate"), self.tr("&Annotate…"), owner)
        self.annotate.setObjectName("annotateAction")
        self.annotate.setShortcut(QKeySequence(ANNOTATE_KEYS))
        self.annotate.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.annotate.setToolTip(
            self.tr("Annotate the selected passage, or the picture or page ({native})").format(
                native=_native(ANNOTATE_KEYS)
            )
        )
        self.draw = QAction(icon("region"), self.tr("Draw &region"), owner)
        self.draw.setObjectName("drawRegionAction")
        self.draw.setCheckable(True)
        self.draw.setShortcut(QKeySequence(DRAW_KEYS))
        self.draw.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.draw.setToolTip(
            self.tr(
                "Drag on the picture or page to mark a region ({native}; or hold Shift while "
                "dragging)"
            ).format(native=_native(DRAW_KEYS))
        )
        owner.addAction(self.annotate)
        owner.addAction(self.draw)

    def buttons(self, parent: QWidget) -> list[QToolButton]:
        found = []
        for action, name, text_beside in (
            (self.annotate, "annotateButton", True),
            (self.draw, "drawRegionButton", False),
        ):
            button = QToolButton(parent)
            button.setObjectName(name)
            button.setDefaultAction(action)
            button.setAutoRaise(True)
            button.setIconSize(ICON_SIZE)
            button.setAccessibleName(action.text().replace("&", "").rstrip("…"))
            if text_beside:
                button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            found.append(button)
        return found


def _native(keys: str) -> str:
    return QKeySequence(keys).toString(QKeySequence.SequenceFormat.NativeText)
