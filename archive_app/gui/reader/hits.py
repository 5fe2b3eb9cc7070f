"""Moving between the matches in a source: the previous/next buttons with their "3 of 12"
counter, and the find bar for looking for words inside the source (Ctrl+F)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QToolButton, QWidget

from archive_app.core.messages import QT_TRANSLATE_NOOP
from archive_app.gui.icons import icon

FIND_DELAY_MS = 180
NO_MATCHES = QT_TRANSLATE_NOOP("hits", "No matches")
TITLE_ONLY = QT_TRANSLATE_NOOP("hits", "Only in the title")
WIDEST_COUNTS = (
    "888 of 888",
    "888 matches",
    NO_MATCHES,
    TITLE_ONLY,
)
"""What the counter says at its widest: it is never narrower than these (a right-aligned label
cut short reads "Io matches")."""


class HitNavigator(QWidget):
    """The current match and how many there are. The actions (F3, Shift+F3) belong to it and
    are added to the reader, so their shortcuts work wherever in the reader the focus is."""

    currentChanged = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("hitNavigator")
        self._count = 0
        self._current = -1
        self._in_title = False
        self.previous_action = QAction(icon("hit-previous"), self.tr("Previous match"), self)
        self.previous_action.setShortcut(QKeySequence(QKeySequence.StandardKey.FindPrevious))
        self.previous_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.previous_action.setToolTip(self.tr("Previous match (Shift+F3)"))
        self.previous_action.triggered.connect(self.previous)
        self.next_action = QAction(icon("hit-next"), self.tr("Next match"), self)
        self.next_action.setShortcut(QKeySequence(QKeySequence.StandardKey.FindNext))
        self.next_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.next_action.setToolTip(self.tr("Next match (F3)"))
        self.next_action.triggered.connect(self.next)
        self.counter = QLabel(self)
        self.counter.setObjectName("hitCounter")
        self.counter.setAccessibleName(self.tr("Matches"))
        metrics = self.counter.fontMetrics()
        self.counter.setMinimumWidth(max(map(metrics.horizontalAdvance, WIDEST_COUNTS)) + 2)
        self.counter.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.counter)
        layout.addSpacing(4)
        for action, name in (
            (self.previous_action, "previousHitButton"),
            (self.next_action, "nextHitButton"),
        ):
            button = QToolButton(self)
            button.setObjectName(name)
            button.setDefaultAction(action)
            button.setAutoRaise(True)
            button.setAccessibleName(action.text())
            layout.addWidget(button)
        self.set_count(0)

    @property
    def count(self) -> int:
        return self._count

    @property
    def current(self) -> int:
        """The index of the current match; -1 when there is none."""
        return self._current

    def set_count(self, count: int, *, searching: bool = False, in_title: bool = False) -> None:
        """Start over with ``count`` matches, none current yet. ``searching``: there is
        something to look for, so "no matches" is worth saying; ``in_title``: the title
        matches (marked in the header, not counted among the matches in the text)."""
        self._count = count
        self._current = -1
        self._in_title = in_title
        self.previous_action.setEnabled(count > 1)
        self.next_action.setEnabled(count > 0)
        self.setVisible(count > 0 or searching)
        self._show_counter()

    def set_finding(self) -> None:
        """No matches yet: they are being looked for (in a long source, in the background)."""
        self.set_count(0, searching=True)
        self.counter.setText(self.tr("Finding matches…"))

    def go_to(self, index: int) -> None:
        if not self._count:
            return
        self._current = index % self._count
        self.previous_action.setEnabled(self._count > 1)
        self._show_counter()
        self.currentChanged.emit(self._current)

    def next(self) -> None:
        self.go_to(self._current + 1)

    def previous(self) -> None:
        self.go_to(self._current - 1 if self._current >= 0 else -1)

    def _show_counter(self) -> None:
        if not self._count:
            self.counter.setText(
                QCoreApplication.translate("hits", TITLE_ONLY if self._in_title else NO_MATCHES)
            )
        elif self._current < 0:
            self.counter.setText(
                self.tr("%n matches", "", self._count) if self._count > 1 else self.tr("1 match")
            )
        else:
            self.counter.setText(
                self.tr("{current} of {count}").format(current=self._current + 1, count=self._count)
            )


class FindBar(QWidget):
    """A field for finding words in the open source. Typing updates the matches after a short
    pause; Enter goes to the next, Shift+Enter to the previous, Escape closes the bar."""

    textChanged = Signal(str)
    nextRequested = Signal()
    previousRequested = Signal()
    closed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("findBar")
        self.field = QLineEdit(self)
        self.field.setObjectName("findField")
        self.field.setAccessibleName(self.tr("Find in this source"))
        self.field.setPlaceholderText(self.tr("Find in this source"))
        self.field.setClearButtonEnabled(True)
        self.field.installEventFilter(self)
        close = QToolButton(self)
        close.setObjectName("closeFindButton")
        close.setIcon(icon("close"))
        close.setAutoRaise(True)
        close.setToolTip(self.tr("Close (Esc)"))
        close.setAccessibleName(self.tr("Close find"))
        close.clicked.connect(self.close_bar)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.field, 1)
        layout.addWidget(close)
        self._delay = QTimer(self)
        self._delay.setSingleShot(True)
        self._delay.setInterval(FIND_DELAY_MS)
        self._delay.timeout.connect(lambda: self.textChanged.emit(self.field.text()))
        self.field.textEdited.connect(lambda _text: self._delay.start())
        self._open = False
        self.setVisible(False)

    @property
    def text(self) -> str:
        """What to find; empty while the bar is closed."""
        return self.field.text() if self._open else ""

    def open_bar(self) -> None:
        self._open = True
        self.setVisible(True)
        self.field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.field.selectAll()

    def close_bar(self) -> None:
        if not self._open:
            return
        self._open = False
        self._delay.stop()
        self.setVisible(False)
        self.closed.emit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.field
            and isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
        ):
            return self._key_pressed(event)
        return super().eventFilter(watched, event)

    def _key_pressed(self, event: QKeyEvent) -> bool:
        key = event.key()
        if key == Qt.Key.Key_Escape:
            self.close_bar()
            return True
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if self._delay.isActive():
                self._delay.stop()
                self.textChanged.emit(self.field.text())
            shift = event.modifiers() & Qt.KeyboardModifier.ShiftModifier
            (self.previousRequested if shift else self.nextRequested).emit()
            return True
        return False
