"""The status bar's count: how many sources the list shows of all in the archive ("2 of 7
sources · Karabakh"), following the search or the library view that narrows it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QLabel, QWidget


class SourceCount(QLabel):
    """The count (objectName ``sourceCount``)."""

    def __init__(self, archive_path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sourceCount")
        self.setToolTip(str(archive_path))
        self._name = archive_path.name
        self._total = 0
        self._listed: int | None = None

    def show_total(self, total: int) -> None:
        """All the sources of the archive."""
        self._total = total
        self._show()

    def show_listed(self, listed: int | None) -> None:
        """The sources the list shows now (a search's hits, a view's sources); None: all."""
        self._listed = listed
        self._show()

    def _show(self) -> None:
        total = self.tr("1 source") if self._total == 1 else self.tr("%Ln sources", "", self._total)
        listed = self._listed
        shown = (
            total
            if listed is None or listed == self._total
            else self.tr("{listed} of %Ln sources", "", self._total).format(listed=f"{listed:,}")
        )
        self.setText(f"{shown} · {self._name}")
