"""Editable rows of events, perspectives or tags: a chip per label with a × to remove it, and
"+ add" that opens a field completing the names the archive already has.

The row only asks (``addRequested`` with the typed name, ``removeRequested`` with the label);
its owner decides what that means: the inspector changes the source at once, the annotation
editor keeps the choice until the note is saved.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QObject,
    QSize,
    QStringListModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QFocusEvent, QKeyEvent, QPalette
from PySide6.QtWidgets import (
    QCompleter,
    QLabel,
    QLineEdit,
    QSizePolicy,
    QStyle,
    QToolButton,
    QWidget,
)

from archive_app.core.messages import QT_TRANSLATE_NOOP
from archive_app.core.research import Kind, Ref
from archive_app.gui.chips import SPACING, Chip, FlowLayout

POPUP_PADDING = 24
PLACEHOLDERS: dict[Kind, str] = {
    "event": QT_TRANSLATE_NOOP("label_rows", "Event name"),
    "perspective": QT_TRANSLATE_NOOP("label_rows", "Perspective name"),
    "tag": QT_TRANSLATE_NOOP("label_rows", "Tag name"),
}
NOUNS: dict[Kind, str] = {
    "event": QT_TRANSLATE_NOOP("label_rows", "an event"),
    "perspective": QT_TRANSLATE_NOOP("label_rows", "a perspective"),
    "tag": QT_TRANSLATE_NOOP("label_rows", "a tag"),
}


@dataclass(frozen=True)
class Label:
    """An event, perspective or tag as a row shows it. ``ref`` is its id, or its name while
    it is still to be made (a new event typed into the annotation editor)."""

    kind: Kind
    ref: Ref
    name: str
    color: str = ""
    tooltip: str = ""
    pending: object = None
    """For a label still to be made: what to make it with (the fields of a new event or
    perspective)."""


class LabelRow(QWidget):
    """The chips of one kind of label, each removable, followed by "+ add"."""

    addRequested = Signal(str)
    """A name was typed (or picked from the completions) and confirmed with Enter."""
    removeRequested = Signal(object)
    """A chip's × was clicked: the :class:`Label` to take off."""

    def __init__(
        self,
        kind: Kind,
        parent: QWidget | None = None,
        choices: Callable[[], list[str]] | None = None,
    ) -> None:
        super().__init__(parent)
        self.kind = kind
        self._choices = choices
        self.setObjectName(f"{kind}Chips")
        self._labels: list[Label] = []
        self.flow = FlowLayout(self)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        self.add_button = QToolButton(self)
        self.add_button.setObjectName(f"add{kind.title()}Button")
        self.add_button.setText(self.tr("+ add"))
        self.add_button.setAutoRaise(True)
        self.add_button.setAccessibleName(
            self.tr("Add {value}").format(
                value=QCoreApplication.translate("label_rows", NOUNS[kind])
            )
        )
        self.add_button.setToolTip(
            self.tr("Add {value} (type its name; a new one can be made)").format(
                value=QCoreApplication.translate("label_rows", NOUNS[kind])
            )
        )
        self.add_button.clicked.connect(self.open_entry)
        self.entry = QLineEdit(self)
        self.entry.setObjectName(f"{kind}Entry")
        self.entry.setAccessibleName(
            self.tr("Name of {value} to add").format(
                value=QCoreApplication.translate("label_rows", NOUNS[kind])
            )
        )
        self.entry.setPlaceholderText(QCoreApplication.translate("label_rows", PLACEHOLDERS[kind]))
        self.entry.setMinimumWidth(self.fontMetrics().horizontalAdvance("M") * 14)
        self.entry.hide()
        self.entry.installEventFilter(self)
        self._names = QStringListModel(self)
        completer = QCompleter(self._names, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.activated.connect(self._submit)
        self.entry.setCompleter(completer)
        self._none = QLabel(self.tr("None"), self)
        self._none.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.show_labels([])

    def minimumSizeHint(self) -> QSize:
        """Never narrower than "None + add" side by side: a narrow form puts the row under its
        label rather than split those two."""
        together = self._none.sizeHint().width() + SPACING + self.add_button.sizeHint().width()
        hint = super().minimumSizeHint()
        return QSize(max(hint.width(), together), hint.height())

    # What it shows

    def show_labels(self, labels: Sequence[Label]) -> None:
        self._labels = list(labels)
        while self.flow.count():
            item = self.flow.takeAt(0)
            widget = item.widget() if item is not None else None
            if isinstance(widget, Chip):
                widget.hide()
                widget.deleteLater()
        for label in self._labels:
            chip = Chip(label.name, label.color, self, removable=True, tooltip=label.tooltip)
            chip.removeClicked.connect(lambda label=label: self.removeRequested.emit(label))
            chip.show()
            self.flow.addWidget(chip)
        self._none.setVisible(not self._labels and self.entry.isHidden())
        for widget in (self._none, self.add_button, self.entry):
            self.flow.addWidget(widget)
        self.updateGeometry()

    def set_choices(self, names: Sequence[str]) -> None:
        """The names the completer offers, in a list wide enough to show them whole."""
        self._names.setStringList(list(names))
        popup = self.entry.completer().popup()
        assert popup is not None  # a completer makes its list when first asked
        widest = max(map(popup.fontMetrics().horizontalAdvance, names), default=0)
        scroll_bar = popup.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
        popup.setMinimumWidth(widest + scroll_bar + POPUP_PADDING)

    def labels(self) -> list[Label]:
        return list(self._labels)

    def names(self) -> list[str]:
        return [label.name for label in self._labels]

    def chip(self, name: str) -> Chip:
        """The chip showing ``name``."""
        for chip in self.findChildren(Chip):
            if chip.text == name and not chip.isHidden():
                return chip
        raise LookupError(f"no chip {name!r}")

    # Adding

    def open_entry(self) -> None:
        """Show the name field in place of "+ add" and give it the keyboard."""
        if self._choices is not None:
            self.set_choices(self._choices())
        self.add_button.hide()
        self._none.hide()
        self.entry.clear()
        self.entry.show()
        self.entry.setFocus(Qt.FocusReason.OtherFocusReason)
        self.updateGeometry()

    def close_entry(self) -> None:
        had_focus = self.entry.hasFocus()
        self.entry.hide()
        self.entry.clear()
        self.add_button.show()
        self._none.setVisible(not self._labels)
        if had_focus:
            self.add_button.setFocus(Qt.FocusReason.OtherFocusReason)
        self.updateGeometry()

    def _submit(self, text: str) -> None:
        name = " ".join(text.split())
        if not name or self.entry.isHidden():
            return
        self.close_entry()
        self.addRequested.emit(name)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Enter accepts the name and goes no further (in a dialog it would press the default
        button); Escape closes the field; so does leaving it."""
        if watched is self.entry:
            if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
                if event.key() == Qt.Key.Key_Escape:
                    self.close_entry()
                    return True
                if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not (
                    event.modifiers() & Qt.KeyboardModifier.ControlModifier
                ):
                    self._submit(self.entry.text())
                    return True
            if (
                event.type() == QEvent.Type.FocusOut
                and isinstance(event, QFocusEvent)
                and event.reason() != Qt.FocusReason.PopupFocusReason
            ):
                self.close_entry()
        return super().eventFilter(watched, event)
