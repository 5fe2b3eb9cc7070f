"""The search field on top of the window: searches as the person types.

Typing restarts a short timer (:data:`DEBOUNCE_MS`); when it fires, the search runs off the GUI
thread through the TaskRunner. Every search gets a sequence number, and an answer that arrives
after a newer search began is dropped, so a slow search never overwrites a newer one; a search
still waiting for a thread when a newer one begins is cancelled, so that typing never leaves a
queue of stale searches for the newest to wait behind. Hits come
a page at a time: the list asks for the next page when it is scrolled to the end.
"""

from __future__ import annotations

import html
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QSizePolicy, QWidget

from archive_app.core.archive import Archive
from archive_app.core.index import IndexLag
from archive_app.core.search.gazetteer import PlaceChoice
from archive_app.core.search.help import query_help_html
from archive_app.core.search.service import SearchResults
from archive_app.gui.core_text import translated
from archive_app.gui.icons import icon
from archive_app.gui.place_choice import CHOICE_LINK, ask_place, choice_links
from archive_app.gui.tasks import TaskContext, TaskRunner

DEBOUNCE_MS = 250
WARM_UP_MS = 1_000
"""How long after the window is made the index's facet values are read in the background, so
that the first search typed does not wait for them (after the first paint, not during it)."""
FIRST_PAGE = 100
NEXT_PAGE = 200


@dataclass(frozen=True)
class HitPage:
    """Hits of one search: ``ids`` in order of relevance, from ``offset`` on."""

    query: str
    offset: int
    ids: list[int]
    results: SearchResults

    @property
    def has_more(self) -> bool:
        return self.offset + len(self.ids) < self.results.total


class SearchBar(QWidget):
    """The search field (objectName ``searchField``) and what it found."""

    ask_place = staticmethod(ask_place)
    """Which place a name means (replaced by tests, which cannot click a popup menu)."""

    hitsFound = Signal(object)
    """The first page of a new search's hits (a :class:`HitPage`)."""
    moreHitsFound = Signal(object)
    """A further page of the current search's hits."""
    searchCleared = Signal()

    def __init__(self, archive: Archive, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._archive = archive
        self._tasks = tasks
        self._sequence = 0
        self._latest: TaskContext | None = None
        self._query = ""
        self._loaded = 0
        self._loading_more = False
        self.field = QLineEdit(self)
        self.field.setObjectName("searchField")
        self.field.setAccessibleName(self.tr("Search"))
        self.field.setPlaceholderText(self.tr("Search titles, text, captions and notes"))
        self.field.setClearButtonEnabled(True)
        self.field.setToolTip(query_help_html(translate=translated))
        self.field.addAction(icon("search"), QLineEdit.ActionPosition.LeadingPosition)
        self.field.setMinimumWidth(320)
        self.field.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.field.installEventFilter(self)
        self.status = QLabel(self)
        self.status.setObjectName("searchStatus")
        self.status.setTextFormat(Qt.TextFormat.RichText)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse)
        self.status.linkActivated.connect(self._link_activated)
        self._place_choices: list[PlaceChoice] = []
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        layout.addWidget(self.field, 1)
        layout.addWidget(self.status)
        self._timer = QTimer(self, singleShot=True, interval=DEBOUNCE_MS)
        self._timer.timeout.connect(self.search_now)
        self.field.textChanged.connect(self._typed)
        QTimer.singleShot(WARM_UP_MS, self, self._warm_up)

    # What the window asks of it

    @property
    def query(self) -> str:
        """The query whose hits are shown ("" when none)."""
        return self._query

    def focus(self) -> None:
        self.field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.field.selectAll()

    def set_query(self, text: str) -> None:
        """Put ``text`` in the field and search at once."""
        self.field.setText(text)
        self.search_now()

    def narrow(self, term: str) -> None:
        """Add a term (a facet chip's ``kind:image``) to the query and search at once."""
        current = self.field.text().strip()
        if term not in current.split():
            self.set_query(f"{current} {term}".strip())

    def clear(self) -> None:
        self.field.clear()
        self.search_now()

    def load_more(self) -> None:
        """Load the next page of the current search's hits."""
        if not self._query or self._loading_more:
            return
        self._loading_more = True
        self._run(self._query, self._loaded, NEXT_PAGE, self._sequence)

    def search_now(self) -> None:
        self._timer.stop()
        text = self.field.text().strip()
        self._sequence += 1
        if not text:
            self._query = ""
            self._loaded = 0
            self.status.clear()
            self.searchCleared.emit()
            return
        self._run(text, 0, FIRST_PAGE, self._sequence)

    # Running searches

    def _warm_up(self) -> None:
        archive = self._archive
        if archive.is_open:
            # A failure here is met again, and shown, by the first search that needs it.
            self._tasks.run(lambda _: archive.searching.warm_up(), on_failure=lambda _: None)

    def _typed(self) -> None:
        self._timer.start()

    def _run(self, text: str, offset: int, limit: int, sequence: int) -> None:
        archive = self._archive

        def search(context: TaskContext) -> tuple[SearchResults, IndexLag] | None:
            if context.cancelled:
                return None
            results = archive.search(
                text, limit=limit, offset=offset, facets=offset == 0, snippets=False
            )
            return results, archive.index_lag

        if offset == 0 and self._latest is not None:
            self._latest.cancel_flag.set()
        task = self._tasks.run(
            search,
            on_success=lambda found: self._found(sequence, text, offset, found),
            on_finished=lambda: self._finished(offset),
            label=self.tr("Searching"),
        )
        if offset == 0:
            self._latest = task.context

    def _finished(self, offset: int) -> None:
        if offset > 0:
            self._loading_more = False

    def _found(
        self, sequence: int, text: str, offset: int, found: tuple[SearchResults, IndexLag] | None
    ) -> None:
        if found is None or sequence != self._sequence:  # cancelled, or a newer search began
            return
        results, lag = found
        page = HitPage(text, offset, [hit.id for hit in results.hits], results)
        self._loaded = offset + len(page.ids)
        if offset == 0:
            self._query = text
            self._show_status(results, lag)
            self.hitsFound.emit(page)
        else:
            self.moreHitsFound.emit(page)

    def _show_status(self, results: SearchResults, lag: IndexLag) -> None:
        """The number of hits; how the query was searched when it was read otherwise than
        typed (why, in the tooltip); whether search is still catching up with the archive (an
        import, or an edit made during one); a better query when this one found little."""
        parts = [_hits(results.total)]
        if results.notes:
            parts.append(
                self.tr("searched as <b>{escape}</b>").format(
                    escape=html.escape(results.understood)
                )
            )
        if lag.behind:
            parts.append(
                self.tr("search is catching up ({pending:,} to go)").format(pending=lag.pending)
            )
        self.status.setToolTip("\n".join([*map(translated, results.notes), *_lag_notes(lag)]))
        if results.suggestion:
            suggestion = html.escape(results.suggestion)
            parts.append(
                self.tr('Did you mean <a href="{suggestion}">{suggestion}</a>?').format(
                    suggestion=suggestion
                )
            )
        self._place_choices = list(results.place_choices)
        parts += choice_links(self._place_choices)
        self.status.setText(" · ".join(parts))

    def _link_activated(self, link: str) -> None:
        """A suggested query is searched; a place choice asks which place a name means,
        remembers the answer and searches again."""
        if not link.startswith(CHOICE_LINK):
            self.set_query(link)
            return
        choice = self._place_choices[int(link.removeprefix(CHOICE_LINK))]
        place_id = self.ask_place(self, choice)
        if place_id is not None:
            self._archive.gazetteer.choose(choice.name, place_id)
            self.search_now()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Escape in a field with text clears it (and the search)."""
        if (
            watched is self.field
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Escape
            and self.field.text()
        ):
            self.clear()
            return True
        return super().eventFilter(watched, event)


def _lag_notes(lag: IndexLag) -> list[str]:
    if not lag.behind:
        return []
    waiting = QCoreApplication.translate(
        "search_bar", "{pending:,} changed sources are not searchable as they are yet."
    ).format(pending=lag.pending)
    return [waiting, translated(lag.problem)] if lag.problem else [waiting]


def _hits(total: int) -> str:
    if total == 0:
        return QCoreApplication.translate("search_bar", "No hits")
    if total == 1:
        return QCoreApplication.translate("search_bar", "1 hit")
    return QCoreApplication.translate("search_bar", "%Ln hits", "", total)
