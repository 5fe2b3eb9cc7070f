"""In the reader: where else the open photo or story appears.

For a photo, "Also appears in N sources": one card per showing elsewhere, side by side, with
the caption each source gives it (the places, names and dates that the other captions do not
have are marked), its credit, date, site and perspectives; the earliest is marked first seen,
and a click on its title opens it. For a text, "Same story as source 12 (Meridian Wire), about
92% shared", with the paragraphs that differ on request, and for each of its figures shown
elsewhere, "also appears in N sources". The lookups run in the background,
and so does fingerprinting what an archive made before this lacks (once, when it opens).
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from archive_app.core.archive import Archive
from archive_app.core.model import Source
from archive_app.core.progress import Progress
from archive_app.core.reuse import (
    ParagraphChange,
    PhotoGroup,
    SameText,
    paragraph_changes,
)
from archive_app.gui.core_text import translated
from archive_app.gui.reader.figure_copies import FigureCopies, FigureCopiesBar
from archive_app.gui.reader.showing_cards import ShowingCards, heading, quiet
from archive_app.gui.tasks import TaskRunner


class PhotoCopiesPanel(QWidget):
    """ "Also appears in N sources", under a photo's own caption and facts."""

    openSourceRequested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("photoCopies")
        self.title = heading(self, "", "photoCopiesTitle")
        self.legend = quiet(
            self,
            self.tr(
                "Marked: names and places (yellow) and dates (blue) the other captions do not have."
            ),
            "photoCopiesLegend",
        )
        self.cards = ShowingCards(self)
        self.cards.openRequested.connect(self.openSourceRequested)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 4)
        layout.setSpacing(6)
        layout.addWidget(self.title)
        layout.addWidget(self.legend)
        layout.addWidget(self.cards)
        self.setVisible(False)

    def show_group(self, image_id: int, group: PhotoGroup | None) -> None:
        """Every showing of the photo side by side, those of image ``image_id`` (the one being
        read) marked; shown when another copy of it is somewhere else."""
        elsewhere = [s for s in group.showings if s.image_id != image_id] if group else []
        if group is None or not elsewhere:
            self.setVisible(False)
            return
        self.title.setText(
            self.tr("Also appears in 1 source")
            if len(elsewhere) == 1
            else self.tr("Also appears in %n sources", "", len(elsewhere))
        )
        captions = [s.caption for s in group.showings if s.caption]
        self.cards.show_showings(group.showings, captions, here=image_id)
        self.setVisible(True)


class SameStoryBar(QFrame):
    """ "Same story as source 12 (Meridian Wire), about 92% shared", and what differs."""

    openSourceRequested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sameStoryBar")
        self.setAccessibleName(self.tr("The same story elsewhere"))
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self.setBackgroundRole(QPalette.ColorRole.AlternateBase)
        self.text = QLabel(self)
        self.text.setObjectName("sameStoryText")
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.RichText)
        self.text.setTextInteractionFlags(
            Qt.TextInteractionFlag.LinksAccessibleByMouse
            | Qt.TextInteractionFlag.LinksAccessibleByKeyboard
        )
        self.text.linkActivated.connect(lambda href: self.openSourceRequested.emit(int(href[7:])))
        self.toggle = QToolButton(self)
        self.toggle.setObjectName("sameStoryDifferences")
        self.toggle.setText(self.tr("Show differing paragraphs"))
        self.toggle.setCheckable(True)
        self.toggle.setAutoRaise(True)
        self.toggle.toggled.connect(self._toggled)
        self.differences = QLabel(self)
        self.differences.setObjectName("sameStoryParagraphs")
        self.differences.setWordWrap(True)
        self.differences.setTextFormat(Qt.TextFormat.RichText)
        self.differences.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.differences.setVisible(False)
        top = QHBoxLayout()
        top.setSpacing(8)
        top.addWidget(self.text, 1)
        top.addWidget(self.toggle, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 7, 10, 7)
        layout.setSpacing(6)
        layout.addLayout(top)
        layout.addWidget(self.differences)
        self.setVisible(False)

    def show_story(self, found: StoryFound | None) -> None:
        if found is None or not found.same:
            self.setVisible(False)
            return
        lines = [_same_line(same) for same in found.same]
        self.text.setText("<br>".join(lines))
        self.differences.setText(_changes_html(found.same[0], found.changes))
        self.toggle.setChecked(False)
        self.toggle.setVisible(bool(found.changes))
        self.setVisible(True)

    def _toggled(self, shown: bool) -> None:
        self.differences.setVisible(shown)
        self.toggle.setText(
            self.tr("Hide differing paragraphs") if shown else self.tr("Show differing paragraphs")
        )


def _same_line(same: SameText) -> str:
    named = same.site or (f"“{same.title}”" if same.title else "")
    site = f" ({html.escape(named)})" if named else ""
    return QCoreApplication.translate(
        "reuse_panel",
        'Same story as <a href="source:{id}">source {id}</a>{site}, about {round}% shared',
    ).format(id=same.id, site=site, round=round(same.similarity * 100))


def _changes_html(same: SameText, changes: Sequence[ParagraphChange]) -> str:
    where = {
        "this": QCoreApplication.translate("reuse_panel", "Only here"),
        "other": QCoreApplication.translate("reuse_panel", "Only in source {id}").format(
            id=same.id
        ),
    }
    colour = {"this": "#2e7d32", "other": "#c62828"}
    return "".join(
        f'<p><b style="color:{colour[c.side]}">{where[c.side]}:</b> {html.escape(c.text)}</p>'
        for c in changes
    )


@dataclass(frozen=True)
class StoryFound:
    """The other sources of a story, and the paragraphs that differ from the closest one."""

    same: list[SameText]
    changes: list[ParagraphChange]


class ReuseFinder(QObject):
    """Looks up, in the background, where the source in the reader appears again, and shows
    it in :attr:`photo_panel` (photos), or :attr:`story_bar` and :attr:`figure_bar` (texts
    and their figures). :attr:`progress_label` tells how far fingerprinting an older archive
    has come."""

    openSourceRequested = Signal(int)

    def __init__(self, archive: Archive, tasks: TaskRunner, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._archive = archive
        self._tasks = tasks
        self._generation = 0
        self.photo_panel = PhotoCopiesPanel()
        self.story_bar = SameStoryBar()
        self.figure_bar = FigureCopiesBar()
        self.photo_panel.openSourceRequested.connect(self.openSourceRequested)
        self.story_bar.openSourceRequested.connect(self.openSourceRequested)
        self.figure_bar.openSourceRequested.connect(self.openSourceRequested)
        self._source: Source | None = None
        self.progress_label = QLabel()
        self.progress_label.setObjectName("fingerprintProgress")
        self.progress_label.setVisible(False)
        reuse = archive.reuse
        tasks.run(
            lambda context: reuse.backfill(context.progress, context.cancel_flag),
            on_success=self._caught_up,
            on_progress=self._fingerprinting,
            label=self.tr("Fingerprinting photos and texts"),
        )

    def show_source(self, source: Source | None) -> None:
        self._source = source
        self._generation += 1
        self.photo_panel.show_group(0, None)
        self.story_bar.show_story(None)
        self.figure_bar.show_figures(0, ())
        if source is None:
            return
        archive, generation = self._archive, self._generation
        self._tasks.run(
            lambda _context: _look_up(archive, source, generation),
            on_success=self._found,
            label=self.tr("Looking for the same photo or story"),
        )

    def _fingerprinting(self, progress: Progress) -> None:
        """How far fingerprinting an older archive has come (for the window's status bar)."""
        self.progress_label.setText(
            self.tr("{message}: {done} of {total}").format(
                message=translated(progress.message), done=progress.done, total=progress.total
            )
        )
        self.progress_label.setVisible(progress.total > 0 and progress.done < progress.total)

    def _caught_up(self, fingerprinted: int) -> None:
        """An older archive has just been fingerprinted: look again for the open source."""
        self.progress_label.setVisible(False)
        if fingerprinted:
            self.show_source(self._source)

    def _found(self, found: _Found) -> None:
        if found.generation != self._generation:
            return
        if found.story is not None:
            self.story_bar.show_story(found.story)
            self.figure_bar.show_figures(found.source_id, found.figures)
        else:
            self.photo_panel.show_group(found.source_id, found.photo)


@dataclass(frozen=True)
class _Found:
    """What a lookup found for the source shown as ``generation``."""

    generation: int
    source_id: int
    photo: PhotoGroup | None = None
    story: StoryFound | None = None
    figures: tuple[FigureCopies, ...] = ()


def _look_up(archive: Archive, source: Source, generation: int) -> _Found:
    """The copies of a photo, or the other sources of a story and what differs from the
    closest; run in the background."""
    reuse = archive.reuse
    if source.kind == "image":
        groups = reuse.same_photo(source.id)
        return _Found(generation, source.id, photo=groups[0] if groups else None)
    same = reuse.same_text(source.id)
    changes = paragraph_changes(source.body, reuse.body(same[0].id)) if same else []
    figures = []
    for figure in source.images:
        if figure.image_source_id is not None:
            groups = reuse.same_photo(figure.image_source_id)
            if groups:
                figures.append(FigureCopies(figure.image_source_id, figure.text, groups[0]))
    story = StoryFound(same, changes)
    return _Found(generation, source.id, story=story, figures=tuple(figures))
