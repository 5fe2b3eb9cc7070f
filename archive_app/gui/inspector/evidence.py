"""The inspector's *Verification* section: status, Admiralty grade, sensitivity and place.

Each choice applies at once as one step on the undo stack, with the reason typed above it (the
reason goes into the audit trail and is then cleared for the next change).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from archive_app.core.archive import Archive
from archive_app.core.changes import Change
from archive_app.core.model import Source
from archive_app.core.places import PRECISIONS
from archive_app.core.verification import CREDIBILITY, RELIABILITY, STATUSES, Evidence
from archive_app.gui.grades import (
    CREDIBILITY_NAMES,
    PRECISION_NAMES,
    RELIABILITY_NAMES,
    STATUS_NAMES,
    grade_name,
)
from archive_app.gui.inspector.facts import form_label

if TYPE_CHECKING:
    from archive_app.gui.editing import Edits

UNGRADED = "—"


class EvidenceForm(QWidget):
    def __init__(self, archive: Archive, edits: Edits, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.archive = archive
        self.edits = edits
        self._source: Source | None = None
        self.reason = QLineEdit(self)
        self.reason.setObjectName("evidenceReason")
        self.reason.setPlaceholderText(self.tr("Why (recorded with the next change)"))
        self.status = self._combo(
            self.tr("Verification status"), [(grade_name(STATUS_NAMES, s), s) for s in STATUSES]
        )
        self.reliability = self._combo(
            self.tr("Reliability of the source"),
            [
                (UNGRADED, ""),
                *((f"{k} — {grade_name(RELIABILITY_NAMES, k)}", k) for k in RELIABILITY),
            ],
        )
        self.credibility = self._combo(
            self.tr("Credibility of the information"),
            [
                (UNGRADED, ""),
                *((f"{k} — {grade_name(CREDIBILITY_NAMES, k)}", k) for k in CREDIBILITY),
            ],
        )
        for combo, field in (
            (self.status, "status"),
            (self.reliability, "reliability"),
            (self.credibility, "credibility"),
        ):
            combo.activated.connect(
                lambda _i, c=combo, f=field: self._grade(f, str(c.currentData()))
            )
        self.graphic = QCheckBox(self.tr("Graphic"), self)
        self.identifiable = QCheckBox(self.tr("Identifiable people"), self)
        self.graphic.clicked.connect(lambda on: self._mark(graphic=on))
        self.identifiable.clicked.connect(lambda on: self._mark(identifiable=on))
        self.place = QLineEdit(self)
        self.place.setObjectName("placeName")
        self.place.setPlaceholderText(self.tr("Town, or a name of your own"))
        self.place.editingFinished.connect(self._place_typed)
        self.precision = self._combo(
            self.tr("Precision"), [(grade_name(PRECISION_NAMES, p), p) for p in PRECISIONS]
        )
        self.precision.setCurrentIndex(self.precision.findData("town"))
        self.precision.activated.connect(lambda _i: self._place_typed())
        self.from_gps = QPushButton(self.tr("From GPS"), self)
        self.from_gps.setToolTip(self.tr("Use the photo's own GPS position"))
        self.from_gps.clicked.connect(self._place_from_gps)
        form = QFormLayout(self)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.setContentsMargins(0, 0, 0, 0)
        form.setHorizontalSpacing(12)
        form.setVerticalSpacing(8)
        form.addRow(form_label(self.tr("Reason"), self), self.reason)
        form.addRow(form_label(self.tr("Status"), self), self.status)
        form.addRow(form_label(self.tr("Reliability"), self), self.reliability)
        form.addRow(form_label(self.tr("Credibility"), self), self.credibility)
        # Stacked, not side by side, so that a narrow inspector keeps every control in view.
        flags = QVBoxLayout()
        flags.addWidget(self.graphic, alignment=Qt.AlignmentFlag.AlignLeft)
        flags.addWidget(self.identifiable, alignment=Qt.AlignmentFlag.AlignLeft)
        form.addRow(form_label(self.tr("Sensitive"), self), flags)
        how = QHBoxLayout()
        how.addWidget(self.precision, 1)
        how.addWidget(self.from_gps)
        place = QVBoxLayout()
        place.addWidget(self.place)
        place.addLayout(how)
        form.addRow(form_label(self.tr("Place"), self), place)

    def show_source(self, source: Source) -> None:
        self._source = source
        evidence = self.archive.verification.get(source.id)
        self._fill(evidence)
        has_gps = isinstance(source.metadata.get("gps"), dict)
        self.from_gps.setVisible(has_gps)
        if has_gps:
            self.archive.gazetteer.available()  # its table, built now in the background if new

    def _fill(self, evidence: Evidence) -> None:
        for combo, value in (
            (self.status, evidence.status),
            (self.reliability, evidence.reliability),
            (self.credibility, evidence.credibility),
            (self.precision, evidence.place_precision or "town"),
        ):
            combo.setCurrentIndex(max(combo.findData(value), 0))
        self.graphic.setChecked(evidence.graphic)
        self.identifiable.setChecked(evidence.identifiable)
        self.place.setText(evidence.place_name)

    def _combo(self, name: str, choices: list[tuple[str, str]]) -> QComboBox:
        combo = QComboBox(self)
        combo.setAccessibleName(name)
        combo.setToolTip(name)
        combo.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        # A narrow inspector shortens the choices instead of growing wider than the pane.
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(6)
        for text, value in choices:
            combo.addItem(text, value)
        return combo

    def _grade(self, field: str, value: str) -> None:
        self._apply(lambda source_id, reason: self.archive.verification.verify(
            source_id, reason=reason, **{field: value}
        ))  # fmt: skip

    def _mark(self, **flags: bool) -> None:
        self._apply(lambda source_id, reason: self.archive.verification.mark_sensitive(
            [source_id], reason=reason, **flags
        ))  # fmt: skip

    def _place_typed(self) -> None:
        if self._source is None:
            return
        name = self.place.text().strip()
        known = self.archive.verification.get(self._source.id)
        precision = str(self.precision.currentData())
        if name == known.place_name and (not name or precision == known.place_precision):
            return
        if not name:
            self._apply(
                lambda source_id, reason: self.archive.places.clear(source_id, reason=reason)
            )
            return
        self._apply(lambda source_id, reason: self.archive.places.set_place(
            source_id, name, precision=precision, reason=reason
        ))  # fmt: skip

    def _place_from_gps(self) -> None:
        self._apply(
            lambda source_id, reason: self.archive.places.from_gps(source_id, reason=reason)
        )

    def _apply(self, make: Callable[[int, str], Change]) -> None:
        if self._source is None:
            return
        source_id, reason = self._source.id, self.reason.text().strip()
        if self.edits.apply(lambda: make(source_id, reason)) is not None:
            self.reason.clear()
        elif self._source is not None:
            self._fill(self.archive.verification.get(self._source.id))
