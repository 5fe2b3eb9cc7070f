"""The same photo under other captions in the reader and in Research › Reused photos; the same
story in the text reader. Tried as a new user would: two copies of one photo with opposing
captions, imported from two articles of two sides."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QCheckBox, QLabel
from pytestqt.qtbot import QtBot

from archive_app.core.archive import Archive
from archive_app.gui.main_window import MainWindow
from archive_app.gui.reader.showing_cards import ShowingCard
from archive_app.gui.reused_photos import ReusedPhotosView
from tests.fixtures.make_copies import (
    COPIES,
    DRONE,
    LANDMINE,
    opposing_articles,
    photo_file,
    republished,
    scene,
    tag_sides,
    wire_story,
)
from tests.helpers import write_file


@pytest.fixture
def two_sides(archive: Archive, tmp_path: Path) -> dict[str, int]:
    """One photo in an Armenian and (grey, with a logo bar) an Azerbaijani article; a copy of
    another photo on its own, twice, with no perspective; a wire story and its republication."""
    other = scene(22)
    files = [
        *opposing_articles(tmp_path, scene(21)),
        write_file(tmp_path / "c", "bridge.jpg", photo_file(other, caption="The bridge.")),
        write_file(
            tmp_path / "c", "bridge-small.jpg", photo_file(COPIES["resized"](other), caption="A")
        ),
        write_file(tmp_path / "d", "wire.txt", wire_story()),
        write_file(tmp_path / "d", "copy.txt", republished()),
    ]
    report = archive.import_paths(files)
    assert not report.failed
    ids = {Path(o.path).name: int(o.source_id or 0) for o in report.imported}
    for outcome in report.imported:
        for number, image_id in enumerate(outcome.images):
            ids[f"{Path(outcome.path).stem} photo {number}"] = image_id
    tag_sides(archive, ids["drone.html"], ids["landmine.html"])
    return ids


@pytest.fixture
def window(
    archive: Archive, two_sides: dict[str, int], make_window: Callable[[Archive], MainWindow]
) -> MainWindow:
    return make_window(archive)


def click_source(qtbot: QtBot, window: MainWindow, source_id: int) -> None:
    """Click the row of a source in the list."""
    model = window.source_list.model
    row = next(r for r in range(model.rowCount()) if model.source_id(r) == source_id)
    table = window.source_list.table
    rect = table.visualRect(model.index(row, 1))
    table.scrollTo(model.index(row, 1))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: window.reader.source_id == source_id)


def click_link(qtbot: QtBot, label: QLabel, before: str = "") -> None:
    """Click a label's link, which follows the words ``before`` on its first line."""
    x = label.contentsRect().left() + label.fontMetrics().horizontalAdvance(before) + 8
    y = label.contentsRect().top() + label.fontMetrics().height() // 2
    qtbot.mouseClick(label, Qt.MouseButton.LeftButton, pos=QPoint(x, y))


def open_card(qtbot: QtBot, window: MainWindow, card: ShowingCard) -> None:
    """Click the title of a showing's card and wait for the reader to open its source."""
    link = next(w for w in card.findChildren(QLabel) if "source:" in w.text())
    click_link(qtbot, link)
    qtbot.waitUntil(lambda: window.reader.source_id == card.showing.source_id)


def test_the_photo_reader_shows_the_other_copy_with_its_caption_and_opens_it(
    qtbot: QtBot, window: MainWindow, two_sides: dict[str, int]
) -> None:
    click_source(qtbot, window, two_sides["drone photo 0"])
    panel = window.reader.reuse.photo_panel
    qtbot.waitUntil(panel.isVisible)

    assert panel.title.text() == "Also appears in 1 source"
    card, here = panel.cards.cards
    assert card.showing.source_id == two_sides["landmine.html"]
    assert here.showing.source_id == two_sides["drone.html"]
    assert card.showing.first_seen
    assert card.findChild(QLabel, "firstSeenBadge") is not None
    assert card.findChild(QLabel, "thisPhotoBadge") is None
    assert here.findChild(QLabel, "thisPhotoBadge") is not None
    caption = card.findChild(QLabel, "showingCaption")
    assert caption is not None
    assert "Khankendi</span>" in caption.text() and "Armenian</span>" in caption.text()
    assert "near</span>" not in caption.text()
    where = card.findChild(QLabel, "showingPerspectives")
    assert where is not None and where.text() == "Azerbaijani government"

    open_card(qtbot, window, card)


def test_an_articles_figure_that_appears_elsewhere_says_so_and_compares_captions(
    qtbot: QtBot, window: MainWindow, two_sides: dict[str, int]
) -> None:
    click_source(qtbot, window, two_sides["drone.html"])
    bar = window.reader.reuse.figure_bar
    qtbot.waitUntil(bar.isVisible)

    [row] = bar.rows
    assert row.title.text().startswith("Also appears in 1 source: the photo “A burned car")
    assert not row.cards.isVisible()
    qtbot.mouseClick(row.toggle, Qt.MouseButton.LeftButton)
    assert row.cards.isVisible()
    elsewhere, here = row.cards.cards
    assert elsewhere.showing.source_id == two_sides["landmine.html"]
    assert here.showing.source_id == two_sides["drone.html"]
    assert here.findChild(QLabel, "thisPhotoBadge") is not None
    open_card(qtbot, window, elsewhere)
    assert window.reader.source_id == two_sides["landmine.html"]
    qtbot.waitUntil(lambda: not window.tasks.running)
    assert [r.title.text()[:24] for r in bar.rows] == ["Also appears in 1 source"]

    click_source(qtbot, window, two_sides["wire.txt"])
    qtbot.waitUntil(lambda: not window.tasks.running)
    assert not bar.isVisible()


def test_the_copies_go_when_another_source_is_opened(
    qtbot: QtBot, window: MainWindow, two_sides: dict[str, int]
) -> None:
    click_source(qtbot, window, two_sides["bridge.jpg"])
    qtbot.waitUntil(window.reader.reuse.photo_panel.isVisible)
    shown = [card.showing.image_id for card in window.reader.reuse.photo_panel.cards.cards]
    assert shown == [two_sides["bridge.jpg"], two_sides["bridge-small.jpg"]]
    click_source(qtbot, window, two_sides["drone.html"])
    qtbot.waitUntil(lambda: not window.tasks.running)

    assert not window.reader.reuse.photo_panel.isVisible()


def test_the_text_reader_names_the_same_story_and_shows_what_differs(
    qtbot: QtBot, window: MainWindow, two_sides: dict[str, int]
) -> None:
    click_source(qtbot, window, two_sides["copy.txt"])
    bar = window.reader.reuse.story_bar
    qtbot.waitUntil(bar.isVisible)

    assert f"source {two_sides['wire.txt']}</a>" in bar.text.text()
    assert "about 82% shared" in bar.text.text()
    assert not bar.differences.isVisible()
    qtbot.mouseClick(bar.toggle, Qt.MouseButton.LeftButton)
    assert bar.differences.isVisible()
    assert f"Only in source {two_sides['wire.txt']}:</b> Diplomats said" in bar.differences.text()
    assert "Only here:</b> Our correspondent" in bar.differences.text()

    click_link(qtbot, bar.text, "Same story as ")
    qtbot.waitUntil(lambda: window.reader.source_id == two_sides["wire.txt"])


def open_reused_photos(qtbot: QtBot, window: MainWindow) -> ReusedPhotosView:
    qtbot.keyClick(
        window.source_list.table,
        Qt.Key.Key_U,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    view = window.findChild(ReusedPhotosView)
    assert view is not None
    qtbot.waitUntil(view.isVisible)
    qtbot.waitUntil(lambda: view.model.rowCount() > 0)
    return view


def test_reused_photos_lists_every_group_sorted_and_filtered_by_perspectives(
    qtbot: QtBot, window: MainWindow, two_sides: dict[str, int], qtmodeltester: object
) -> None:
    view = open_reused_photos(qtbot, window)
    qtmodeltester.check(view.model)  # type: ignore[attr-defined]

    assert view.proxy.rowCount() == 2
    first_seen = [view.proxy.index(row, 1).data() for row in range(2)]
    assert first_seen[0] == "2020-10-02"
    header = view.table.horizontalHeader()
    qtbot.mouseClick(
        header.viewport(),
        Qt.MouseButton.LeftButton,
        pos=QPoint(header.sectionViewportPosition(1) + 10, header.height() // 2),
    )
    assert [view.proxy.index(row, 1).data() for row in range(2)] == first_seen[::-1]

    contested = view.findChild(QCheckBox, "onlyContested")
    assert contested is not None
    qtbot.mouseClick(contested, Qt.MouseButton.LeftButton, pos=QPoint(8, contested.height() // 2))
    assert view.proxy.rowCount() == 1
    assert view.proxy.index(0, 3).data() == "Armenian government, Azerbaijani government"
    assert view.status.text() == "1 of 2 photos, told by different perspectives"


def test_choosing_a_photo_lays_its_showings_side_by_side_and_opens_one(
    qtbot: QtBot, window: MainWindow, two_sides: dict[str, int]
) -> None:
    view = open_reused_photos(qtbot, window)
    table = view.table
    row = next(r for r in range(view.proxy.rowCount()) if view.proxy.index(r, 3).data())
    rect = table.visualRect(view.proxy.index(row, 1))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())

    cards = view.cards.cards
    assert [c.showing.caption for c in cards] == [LANDMINE, DRONE]
    assert cards[0].showing.first_seen and not cards[1].showing.first_seen
    link = next(w for w in cards[1].findChildren(QLabel) if "source:" in w.text())
    click_link(qtbot, link)
    qtbot.waitUntil(lambda: window.reader.source_id == two_sides["drone.html"])


def test_an_older_archive_is_fingerprinted_when_the_window_opens(
    qtbot: QtBot,
    archive: Archive,
    two_sides: dict[str, int],
    make_window: Callable[[Archive], MainWindow],
) -> None:
    with archive.database.transaction() as connection:
        connection.execute("DELETE FROM image_fingerprints")
        connection.execute("DELETE FROM text_fingerprints")

    window = make_window(archive)
    qtbot.waitUntil(lambda: archive.reuse.pending() == 0, timeout=20_000)
    progress = window.reader.reuse.progress_label
    qtbot.waitUntil(lambda: not progress.isVisible())
    assert progress.text().startswith("Fingerprinting")
    click_source(qtbot, window, two_sides["drone photo 0"])

    qtbot.waitUntil(window.reader.reuse.photo_panel.isVisible)
    assert window.reader.reuse.photo_panel.title.text() == "Also appears in 1 source"
