"""The alias editor's view of the built-in gazetteer: for a name, the places that have it and
the names each brings into a search; names can be switched off one by one, a place's names
adopted as an alias group of the user's own (to edit freely), and the gazetteer switched off.

Looking names up reads a small SQLite table. The first time, that table is still being built in
the background (about 15 seconds): the panel says so and looks again shortly after.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from archive_app.core.aliases import Aliases, name_key
from archive_app.core.errors import ArchiveError
from archive_app.core.search.gazetteer import Gazetteer, Place

RETRY_MS = 1000


class GazetteerPanel(QGroupBox):
    """The gazetteer in the alias editor (objectName ``gazetteerPanel``)."""

    adopted = Signal(int)
    """An alias group was made from a place's names: its id."""
    changed = Signal(str)
    """Something changed that the next search sees: a message saying what."""

    def __init__(self, gazetteer: Gazetteer, aliases: Aliases, parent: QWidget | None = None):
        super().__init__("Built-in gazetteer (GeoNames)", parent)
        self.setObjectName("gazetteerPanel")
        self._gazetteer = gazetteer
        self._aliases = aliases
        self._places: list[Place] = []
        self.enabled = QCheckBox("Find a place's other names from the gazetteer", self)
        self.enabled.setObjectName("gazetteerEnabled")
        self.lookup = QLineEdit(self)
        self.lookup.setObjectName("gazetteerLookup")
        self.lookup.setPlaceholderText("Look up a place name, e.g. Khankendi")
        self.lookup.setClearButtonEnabled(True)
        self.places = QComboBox(self)
        self.places.setObjectName("gazetteerPlaces")
        self.places.setAccessibleName("Places with this name")
        self.names = QListWidget(self)
        self.names.setObjectName("gazetteerNames")
        self.names.setAccessibleName("Names the place brings into a search")
        self.names.setFlow(QListWidget.Flow.LeftToRight)
        self.names.setWrapping(True)
        self.names.setSpacing(2)
        self.adopt = QPushButton("Adopt as alias group", self)
        self.adopt.setObjectName("gazetteerAdopt")
        self.adopt.setToolTip("Make the checked names a group of your own, to edit as you like")
        self.status = QLabel(self)
        self.status.setObjectName("gazetteerStatus")
        self.status.setWordWrap(True)
        self._retry = QTimer(self)
        self._retry.setSingleShot(True)
        self._retry.setInterval(RETRY_MS)
        self._build()
        self.enabled.setChecked(gazetteer.enabled)
        self.enabled.toggled.connect(self._switch)
        self.lookup.returnPressed.connect(self.look_up)
        self.places.currentIndexChanged.connect(self._show_names)
        self.names.itemChanged.connect(self._name_toggled)
        self.adopt.clicked.connect(self._adopt)
        self._retry.timeout.connect(self.look_up)
        self._show_names()

    def _build(self) -> None:
        row = QHBoxLayout()
        row.addWidget(self.lookup, 2)
        row.addWidget(self.places, 3)
        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        buttons.addWidget(self.adopt)
        layout = QVBoxLayout(self)
        layout.addWidget(self.enabled)
        layout.addLayout(row)
        layout.addWidget(self.names, 1)
        layout.addLayout(buttons)

    def look_up(self, name: str | None = None) -> None:
        """Show the places called ``name`` (default: what the lookup field holds)."""
        if name is not None:
            self.lookup.setText(name)
        text = self.lookup.text().strip()
        self._places = []
        if text and not self._gazetteer.available():
            self.status.setText("Preparing the gazetteer (once, about 15 seconds)…")
            self._retry.start()
        elif text:
            self._places = self._gazetteer.places(text)
            self.status.setText(
                f"No place is called “{text}”."
                if not self._places
                else f"{len(self._places)} places are called “{text}”: a search for it asks "
                "which is meant."
                if len(self._places) > 1
                else ""
            )
        self.places.blockSignals(True)
        self.places.clear()
        self.places.addItems([place.label for place in self._places])
        self.places.blockSignals(False)
        self._show_names()

    def _place(self) -> Place | None:
        row = self.places.currentIndex()
        return self._places[row] if 0 <= row < len(self._places) else None

    def _show_names(self) -> None:
        place = self._place()
        self.names.blockSignals(True)
        self.names.clear()
        if place is not None:
            hidden = self._gazetteer.hidden(place.id)
            for name in self._gazetteer.names(place.id, hidden=True):
                item = QListWidgetItem(name, self.names)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(
                    Qt.CheckState.Unchecked if name in hidden else Qt.CheckState.Checked
                )
        self.names.blockSignals(False)
        self.places.setEnabled(bool(self._places))
        self.adopt.setEnabled(place is not None)

    def _checked(self) -> list[str]:
        return [
            self.names.item(row).text()
            for row in range(self.names.count())
            if self.names.item(row).checkState() == Qt.CheckState.Checked
        ]

    def _name_toggled(self, item: QListWidgetItem) -> None:
        place = self._place()
        if place is None:
            return
        off = item.checkState() != Qt.CheckState.Checked
        self._gazetteer.hide(place.id, [item.text()], hidden=off)
        self.changed.emit(f"Switched “{item.text()}” {'off' if off else 'on'}.")

    def _adopt(self) -> None:
        spellings: dict[tuple[str, ...], str] = {}
        for name in self._checked():
            if name_key(name) and self._aliases.group_of(name) is None:
                spellings.setdefault(name_key(name), name)  # Xankəndi and Xankendi are one
        names = list(spellings.values())
        try:
            group = self._aliases.new_group(names, note="from the gazetteer")
        except ArchiveError as error:
            self.status.setText(str(error))
            return
        self.adopted.emit(group.id)

    def _switch(self, enabled: bool) -> None:
        self._gazetteer.set_enabled(enabled)
        self.changed.emit(f"The gazetteer is {'on' if enabled else 'off'}.")
