"""The window's icons: our own SVGs (shipped in :mod:`archive_app.resources`), drawn in the
palette's colours, and the full-colour application icon.

The SVGs are drawn in black; :class:`TintedSvgIconEngine` renders them at the exact size and
device pixel ratio asked for (sharp on high-DPI screens) and paints them in the current
palette's text colour, so they follow a light or a dark desktop. Perspective colours are the
only fixed colours in the window: :func:`color_dot` draws one.
"""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QByteArray, QRect, QRectF, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QGuiApplication,
    QIcon,
    QIconEngine,
    QImage,
    QPainter,
    QPalette,
    QPixmap,
    QPixmapCache,
)
from PySide6.QtSvg import QSvgRenderer

from archive_app.core.messages import QT_TRANSLATE_NOOP
from archive_app.resources import APP_ICON_SIZES, app_icon_png, icon_svg

KIND_ICONS = {
    "article": "kind-article",
    "pdf": "kind-pdf",
    "image": "kind-image",
    "text": "kind-text",
    "reference": "kind-reference",
}
KIND_NAMES = {
    "article": QT_TRANSLATE_NOOP("icons", "Article"),
    "pdf": "PDF",
    "image": QT_TRANSLATE_NOOP("icons", "Image"),
    "text": QT_TRANSLATE_NOOP("icons", "Text or note"),
    "reference": QT_TRANSLATE_NOOP("icons", "Reference"),
}


class TintedSvgIconEngine(QIconEngine):
    """Renders one SVG in the palette colour that suits the icon's mode."""

    def __init__(self, name: str) -> None:
        super().__init__()
        self._name = name
        self._renderer = QSvgRenderer(QByteArray(icon_svg(name)))

    def clone(self) -> QIconEngine:
        return TintedSvgIconEngine(self._name)

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode, state: QIcon.State) -> None:
        scale = painter.device().devicePixelRatioF() if painter.device() else 1.0
        painter.drawPixmap(rect, self._render(rect.size(), mode, scale))

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        return self._render(size, mode, 1.0)

    def scaledPixmap(
        self, size: QSize, mode: QIcon.Mode, state: QIcon.State, scale: float
    ) -> QPixmap:
        return self._render(size, mode, scale)

    def _render(self, size: QSize, mode: QIcon.Mode, scale: float) -> QPixmap:
        """The icon drawn at ``size`` × ``scale`` in the tint of ``mode``, cached (list rows
        paint the same few icons over and over)."""
        tint = _tint(mode)
        key = f"{self._name}:{size.width()}x{size.height()}@{scale}:{tint.rgba()}"
        cached = QPixmap()
        if QPixmapCache.find(key, cached):
            return cached
        image = QImage(size * scale, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        self._renderer.render(painter, QRectF(image.rect()))
        painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_SourceIn)
        painter.fillRect(image.rect(), tint)
        painter.end()
        pixmap = QPixmap.fromImage(image)
        pixmap.setDevicePixelRatio(scale)
        QPixmapCache.insert(key, pixmap)
        return pixmap


def _tint(mode: QIcon.Mode) -> QColor:
    palette = QGuiApplication.palette()
    if mode == QIcon.Mode.Disabled:
        return palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.WindowText)
    if mode == QIcon.Mode.Selected:
        return palette.color(QPalette.ColorRole.HighlightedText)
    return palette.color(QPalette.ColorRole.WindowText)


@cache
def icon(name: str) -> QIcon:
    """The icon ``archive_app/resources/icons/<name>.svg``, tinted to the palette."""
    return QIcon(TintedSvgIconEngine(name))


@cache
def app_icon() -> QIcon:
    """The program's own full-colour icon, drawn for each size from 16 to 256 pixels."""
    result = QIcon()
    for size in APP_ICON_SIZES:
        pixmap = QPixmap()
        pixmap.loadFromData(app_icon_png(size).read_bytes(), "PNG")
        result.addPixmap(pixmap)
    return result


def kind_icon(kind: str) -> QIcon:
    return icon(KIND_ICONS.get(kind, "kind-text"))


@cache
def color_dot(color: str, diameter: int = 10) -> QIcon:
    """A filled circle in a perspective's colour (drawn for 1x and 2x screens)."""
    result = QIcon()
    for scale in (1, 2):
        pixmap = QPixmap(diameter * scale, diameter * scale)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(_dot_color(color))
        painter.drawEllipse(pixmap.rect().adjusted(1, 1, -1, -1))
        painter.end()
        pixmap.setDevicePixelRatio(scale)
        result.addPixmap(pixmap)
    return result


def _dot_color(color: str) -> QColor:
    """The perspective's colour; one without a valid colour gets the palette's neutral tone."""
    if QColor.isValidColorName(color):
        return QColor(color)
    return QGuiApplication.palette().color(QPalette.ColorRole.Mid)
