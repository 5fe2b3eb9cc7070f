"""The alias editor's item models (the groups, and the names of the group being edited) and how
the group list draws a group."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QFont, QPainter, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
)

from archive_app.core.aliases import AliasGroup
from archive_app.gui.icons import icon
from archive_app.gui.reader.colors import mix

GROUP_ROLE = Qt.ItemDataRole.UserRole + 1
Index = QModelIndex | QPersistentModelIndex
PADDING = 6
LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop


def group_label(group: AliasGroup) -> str:
    return " · ".join(group.names)


class AliasGroupModel(QAbstractListModel):
    """The groups, one row each: its names, and its note as the tooltip."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._groups: list[AliasGroup] = []

    def set_groups(self, groups: Sequence[AliasGroup]) -> None:
        self.beginResetModel()
        self._groups = list(groups)
        self.endResetModel()

    def update_group(self, group: AliasGroup) -> None:
        """Show a group's new note or names in its row."""
        row = self.row_of(group.id)
        if row is not None:
            self._groups[row] = group
            self.dataChanged.emit(self.index(row, 0), self.index(row, 0))

    def group(self, row: int) -> AliasGroup:
        return self._groups[row]

    def row_of(self, group_id: int) -> int | None:
        for row, group in enumerate(self._groups):
            if group.id == group_id:
                return row
        return None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._groups)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._groups):
            return None
        group = self._groups[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return group_label(group)
        if role == Qt.ItemDataRole.ToolTipRole:
            return group.note or self.tr("No note yet")
        if role == GROUP_ROLE:
            return group
        return None


class AliasNameModel(QAbstractListModel):
    """The names of one group; a name is renamed by editing it in place (F2, double-click).
    ``renameRequested`` asks the editor to do it, which refuses a name taken elsewhere."""

    renameRequested = Signal(str, str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._names: list[str] = []

    def set_names(self, names: Sequence[str]) -> None:
        self.beginResetModel()
        self._names = list(names)
        self.endResetModel()

    def name(self, row: int) -> str:
        return self._names[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._names)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._names):
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return self._names[index.row()]
        if role == Qt.ItemDataRole.DecorationRole:
            return icon("aliases")
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEditable

    def setData(self, index: Index, value: object, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        old, new = self._names[index.row()], " ".join(str(value).split())
        if new and new != old:
            self.renameRequested.emit(old, new)
        return False  # the editor shows the group as the archive has it afterwards


class GroupDelegate(QStyledItemDelegate):
    """A group as two lines: its names, and under them its note, muted."""

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        height = option.fontMetrics.height()
        return QSize(200, int(height * 2.2) + 2 * PADDING)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        view_option = QStyleOptionViewItem(option)
        self.initStyleOption(view_option, index)
        view_option.text = ""
        widget = view_option.widget
        style = widget.style() if widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, view_option, painter, widget)
        group = index.data(GROUP_ROLE)
        if not isinstance(group, AliasGroup):
            return
        palette: QPalette = option.palette
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        text = palette.color(role)
        muted = text if selected else mix(text, palette.color(QPalette.ColorRole.Base), 0.45)
        rect: QRect = option.rect.adjusted(10, PADDING, -10, -PADDING)
        painter.save()
        font = QFont(option.font)
        font.setBold(True)
        painter.setFont(font)
        painter.setPen(text)
        metrics = painter.fontMetrics()
        names = metrics.elidedText(group_label(group), Qt.TextElideMode.ElideRight, rect.width())
        line = metrics.height()
        painter.drawText(rect.adjusted(0, 0, 0, -(rect.height() - line)), int(LEFT), names)
        small = QFont(option.font)
        small.setPointSizeF(small.pointSizeF() * 0.9)
        painter.setFont(small)
        painter.setPen(muted)
        note = group.note.replace("\n", " ") or self.tr("No note on who uses which name")
        note = painter.fontMetrics().elidedText(note, Qt.TextElideMode.ElideRight, rect.width())
        painter.drawText(rect.adjusted(0, line + 2, 0, 0), int(LEFT), note)
        painter.restore()
