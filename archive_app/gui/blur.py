"""Sensitive images, blurred until clicked: in the thumbnail grid and in the reader.

A :class:`Veil` says which sources a view shows blurred: those marked graphic or as showing
identifiable people, or every image when the archive is set to blur all, except those the
person has clicked to see in that view. :func:`blurred` makes the blurred picture: shrunk to a
few dozen pixels and scaled back up smoothly, so nothing of the scene can be made out.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QRect, QSize, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPixmap

from archive_app.core.archive import Archive
from archive_app.core.messages import QT_TRANSLATE_NOOP

BLUR_SIDE = 16
BLURRED_FOLDER = "blurred"
"""Under the archive's ``derived/``: blurred copies of sensitive figures' pictures."""
VEIL_TEXT = QT_TRANSLATE_NOOP("blur", "Sensitive — click to show")
BLUR_ALL_TEXT = QT_TRANSLATE_NOOP("blur", "Blurred — click to show")


class Veil:
    """Which images a view shows blurred; :meth:`reload` after grades change."""

    def __init__(self, archive: Archive) -> None:
        self.archive = archive
        self.revealed: set[int] = set()
        self._sensitive: set[int] = set()
        self._all = False
        self._stale = True

    def reload(self) -> None:
        """Read the sensitive sources again when next asked (grades may have changed)."""
        self._stale = True

    def hides(self, source_id: int) -> bool:
        if self._stale:
            self._sensitive = self.archive.verification.sensitive_ids()
            self._all = self.archive.verification.blurs_all()
            self._stale = False
        return (self._all or source_id in self._sensitive) and source_id not in self.revealed

    def reveal(self, source_id: int) -> bool:
        """Show a source's picture as it is; whether it was hidden."""
        hidden = self.hides(source_id)
        self.revealed.add(source_id)
        return hidden

    def text(self, source_id: int) -> str:
        return QCoreApplication.translate(
            "blur", VEIL_TEXT if source_id in self._sensitive else BLUR_ALL_TEXT
        )


def blurred_image(image: QImage) -> QImage:
    """The picture so blurred that nothing can be made out, at its own size."""
    if image.isNull():
        return image
    small = image.scaled(
        QSize(BLUR_SIDE, BLUR_SIDE),
        Qt.AspectRatioMode.KeepAspectRatio,
        Qt.TransformationMode.SmoothTransformation,
    )
    result = small.scaled(
        image.size(),
        Qt.AspectRatioMode.IgnoreAspectRatio,
        Qt.TransformationMode.SmoothTransformation,
    )
    result.setDevicePixelRatio(image.devicePixelRatio())
    return result


def blurred(pixmap: QPixmap) -> QPixmap:
    result = QPixmap.fromImage(blurred_image(pixmap.toImage()))
    result.setDevicePixelRatio(pixmap.devicePixelRatio())
    return result


def blurred_copy(picture: Path, folder: Path) -> Path | None:
    """A blurred copy of a picture file, kept in ``folder`` (derived: deleted and made again at
    will), for places that show pictures from files (an article's figures); None when the
    picture cannot be read or the copy written."""
    target = folder / f"{picture.stem}.png"
    if target.exists():
        return target
    image = QImage(str(picture))
    if image.isNull():
        return None
    folder.mkdir(parents=True, exist_ok=True)
    partial = folder / f".{picture.stem}.part.png"
    if not blurred_image(image).save(str(partial)):
        return None
    partial.replace(target)
    return target


def paint_veil_text(painter: QPainter, rect: QRect, text: str) -> None:
    """The words that say why a picture is blurred, on a dark band across it."""
    painter.save()
    metrics = painter.fontMetrics()
    band = QRect(
        rect.left(), rect.center().y() - metrics.height(), rect.width(), metrics.height() * 2
    )
    painter.fillRect(band, QColor(0, 0, 0, 150))
    painter.setPen(QColor("white"))
    painter.drawText(
        band,
        Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
        metrics.elidedText(text, Qt.TextElideMode.ElideRight, rect.width() - 8),
    )
    painter.restore()
