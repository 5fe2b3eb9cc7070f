"""Evidence in the window, driven as a person would: sensitive photos blurred in the grid and the
reader until clicked (checked on rendered pixels), grades and reasons set in the inspector, the
History tab, the provenance report, and the Trash opened from the sidebar."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QRect, Qt, QUrl
from PySide6.QtGui import QImage, QTextDocument
from PySide6.QtWidgets import QComboBox
from pytestqt.qtbot import QtBot

from archive_app.core.archive import Archive
from archive_app.gui import dialogs, history_tab, trash_view
from archive_app.gui.main_window import MainWindow
from archive_app.gui.reader.document import IMAGE_SCHEME
from archive_app.gui.sources.model import TITLE_COLUMN
from archive_app.importers.document import Block, ExtractedDocument, ExtractedImage
from tests.fixtures.make_images import picture
from tests.gui.window_helpers import (
    POPUP_NOISE,
    activate,
    click_title,
    row_of_title,
    shown_titles,
    sidebar_entry,
    undo,
)
from tests.helpers import StoreDocument

SHARP = 4.0
"""Above this mean difference between neighbouring pixels, a noisy photo is shown as it is."""
BLURRED = 1.5
"""Below it, the same photo is blurred."""


def detail(image: QImage, area: QRect) -> float:
    """The mean difference in grey between pixels and their right-hand neighbours in ``area``:
    high for the noisy test photo as it is (about 7 in a tile, 17 in the reader), near 0 once
    blurred."""
    grey = image.convertToFormat(QImage.Format.Format_Grayscale8)
    steps = [
        abs(grey.pixelColor(x, y).value() - grey.pixelColor(x + 1, y).value())
        for y in range(area.top(), area.bottom(), 3)
        for x in range(area.left(), area.right() - 1, 3)
    ]
    return sum(steps) / len(steps)


def write_photo(folder: Path, name: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    picture((640, 480)).save(path, "JPEG", quality=95)
    return path


@pytest.fixture
def photos(archive: Archive, tmp_path: Path) -> dict[str, int]:
    paths = [write_photo(tmp_path / "in", name) for name in ("street.jpg", "bridge.jpg")]
    report = archive.import_paths(paths)
    ids = dict(zip(("street", "bridge"), report.new_source_ids, strict=True))
    archive.verification.mark_sensitive([ids["street"]], graphic=True)
    return ids


@pytest.fixture
def window(
    archive: Archive, photos: dict[str, int], make_window: Callable[[Archive], MainWindow]
) -> MainWindow:
    return make_window(archive)


def choose_sidebar(qtbot: QtBot, window: MainWindow, text: str) -> None:
    sidebar = window.sidebar
    qtbot.waitUntil(lambda: bool(sidebar.summary_model.match(
        sidebar.summary_model.index(0, 0), Qt.ItemDataRole.DisplayRole, text, 1,
        Qt.MatchFlag.MatchRecursive,
    )))  # fmt: skip
    rect = sidebar.visualRect(sidebar_entry(sidebar, text))
    qtbot.mouseClick(sidebar.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def tile_detail(window: MainWindow, title: str) -> float:
    grid = window.source_list.grid
    index = window.source_list.model.index(row_of_title(window, title), grid.modelColumn())
    tile = grid.visualRect(index)
    picture_area = QRect(tile.left() + 30, tile.top() + 14, tile.width() - 60, 36)
    return detail(grid.viewport().grab().toImage(), picture_area)


def test_a_sensitive_tile_is_blurred_until_clicked(
    qtbot: QtBot, window: MainWindow, photos: dict[str, int]
) -> None:
    choose_sidebar(qtbot, window, "Images")
    qtbot.waitUntil(window.source_list.grid.isVisible)
    qtbot.waitUntil(lambda: tile_detail(window, "bridge") > SHARP, timeout=10_000)
    assert tile_detail(window, "street") < BLURRED
    grid = window.source_list.grid
    index = window.source_list.model.index(row_of_title(window, "street"), grid.modelColumn())
    qtbot.mouseClick(
        grid.viewport(), Qt.MouseButton.LeftButton, pos=grid.visualRect(index).center()
    )
    qtbot.waitUntil(lambda: tile_detail(window, "street") > SHARP)


def canvas_detail(window: MainWindow) -> float:
    canvas = window.reader.image_reader.canvas
    image = canvas.viewport().grab().toImage()
    # the middle of the picture, which is centred and never smaller than this
    middle = QRect(
        image.width() * 5 // 12, image.height() * 3 // 8, image.width() // 6, image.height() // 4
    )
    return detail(image, middle)


def test_the_reader_blurs_a_sensitive_photo_until_its_button_is_clicked(
    qtbot: QtBot, window: MainWindow, photos: dict[str, int]
) -> None:
    images = window.reader.image_reader
    with qtbot.waitSignal(images.pictureShown, timeout=10_000):
        click_title(qtbot, window, "bridge")
    assert canvas_detail(window) > SHARP
    assert not images.reveal_button.isVisible()
    with qtbot.waitSignal(images.pictureShown, timeout=10_000):
        click_title(qtbot, window, "street")
    assert canvas_detail(window) < BLURRED
    assert images.reveal_button.text() == "Sensitive — click to show"
    qtbot.mouseClick(images.reveal_button, Qt.MouseButton.LeftButton)
    assert canvas_detail(window) > SHARP
    assert not images.reveal_button.isVisible()


def test_blurring_every_image_is_a_setting_of_the_archive(
    qtbot: QtBot, archive: Archive, window: MainWindow
) -> None:
    archive.verification.set_blur_all(True)
    images = window.reader.image_reader
    with qtbot.waitSignal(images.pictureShown, timeout=10_000):
        click_title(qtbot, window, "bridge")
    assert canvas_detail(window) < BLURRED
    assert images.reveal_button.text() == "Blurred — click to show"


def combo_choose(qtbot: QtBot, combo: QComboBox, text: str) -> None:
    """Pick an entry of a drop-down by typing its first letters, as a person tabbing through
    would (each arrow key would be a choice of its own)."""
    combo.setFocus()
    qtbot.keyClicks(combo, text[:1])
    assert combo.currentText() == text


def test_grading_in_the_inspector_with_a_reason_shows_in_the_history(
    qtbot: QtBot, archive: Archive, window: MainWindow, photos: dict[str, int]
) -> None:
    click_title(qtbot, window, "bridge")
    form = window.inspector.evidence
    qtbot.keyClicks(form.reason, "Matches the wire photo")
    combo_choose(qtbot, form.reliability, "B — usually reliable")
    qtbot.waitUntil(lambda: archive.verification.get(photos["bridge"]).reliability == "B")
    assert form.reason.text() == ""
    qtbot.mouseClick(form.graphic, Qt.MouseButton.LeftButton)
    assert archive.verification.is_sensitive(photos["bridge"])
    window.details.setCurrentWidget(window.history)
    tree = window.history.tree
    qtbot.waitUntil(lambda: tree.topLevelItemCount() == 3)
    texts = [tree.topLevelItem(row).text(2) for row in range(3)]
    assert texts == [
        "Marked graphic",
        "Verification of source 2: reliability B",
        "Imported bridge.jpg",
    ]
    grading = tree.topLevelItem(1)
    assert grading.child(0).text(2) == "Reason: Matches the wire photo"
    undo(qtbot, window)
    qtbot.waitUntil(lambda: tree.topLevelItemCount() == 4)
    assert tree.topLevelItem(0).text(2) == "Undo: Marked graphic"
    assert not archive.verification.is_sensitive(photos["bridge"])


def test_the_provenance_report_is_written_from_the_history_tab(
    qtbot: QtBot,
    window: MainWindow,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    target = tmp_path / "report.pdf"
    opened: list[Path] = []
    monkeypatch.setattr(history_tab, "ask_report_path", lambda _parent, _name: target)
    monkeypatch.setattr(history_tab, "open_report", opened.append)
    click_title(qtbot, window, "street")
    window.details.setCurrentWidget(window.history)
    qtbot.mouseClick(window.history.report_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: opened == [target], timeout=10_000)
    text = PdfReader(target).pages[0].extract_text()
    assert "street.jpg" in text
    assert "graphic" in text


@POPUP_NOISE  # the trash comes to the front, which the offscreen platform cannot do
def test_delete_then_restore_and_empty_from_the_trash(
    qtbot: QtBot,
    archive: Archive,
    window: MainWindow,
    photos: dict[str, int],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    original = archive.original_path(archive.get(photos["street"]))
    click_title(qtbot, window, "street")
    qtbot.keyClick(window.source_list.table, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: shown_titles(window) == ["bridge"])
    choose_sidebar(qtbot, window, "Trash")
    trash = window.trash_view
    assert trash is not None
    qtbot.waitUntil(trash.isVisible)
    assert trash.list.topLevelItemCount() == 1
    trash.list.setCurrentItem(trash.list.topLevelItem(0))
    qtbot.mouseClick(trash.restore_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: sorted(shown_titles(window)) == ["bridge", "street"])
    assert trash.list.topLevelItemCount() == 0
    assert archive.verification.is_sensitive(photos["street"])

    activate(qtbot, window)
    click_title(qtbot, window, "street")
    qtbot.keyClick(window.source_list.table, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: shown_titles(window) == ["bridge"])
    choose_sidebar(qtbot, window, "Trash")
    asked: list[int] = []
    monkeypatch.setattr(trash_view, "confirm_empty", lambda _parent, n: asked.append(n) or False)
    qtbot.mouseClick(trash.empty_button, Qt.MouseButton.LeftButton)
    assert asked == [1]
    assert original.exists()
    monkeypatch.setattr(trash_view, "confirm_empty", lambda _parent, _n: True)
    qtbot.mouseClick(trash.empty_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not original.exists(), timeout=10_000)
    qtbot.waitUntil(lambda: trash.list.topLevelItemCount() == 0)
    assert archive.audit.entries(photos["street"])[-1].action == "empty trash"


def test_grades_show_as_badges_in_the_list_and_the_reader(
    qtbot: QtBot, archive: Archive, window: MainWindow, photos: dict[str, int]
) -> None:
    archive.verification.verify(
        photos["bridge"], status="verified", reliability="B", credibility="2"
    )
    window.refresh()
    model = window.source_list.model
    row = row_of_title(window, "bridge")
    qtbot.waitUntil(
        lambda: model.index(row, TITLE_COLUMN).data(Qt.ItemDataRole.DecorationRole) is not None
    )
    other = model.index(row_of_title(window, "street"), TITLE_COLUMN)
    assert other.data(Qt.ItemDataRole.DecorationRole) is None
    assert "Source reliability B: usually reliable" in model.index(row, TITLE_COLUMN).data(
        Qt.ItemDataRole.ToolTipRole
    )
    click_title(qtbot, window, "bridge")
    grade = window.reader.header.grade
    qtbot.waitUntil(grade.isVisible)
    assert "✓ B2" in grade.text()
    assert "Verified" in grade.text()


def test_the_window_sets_blur_all_and_the_investigator_name(
    qtbot: QtBot, archive: Archive, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(dialogs, "ask_investigator", lambda _parent, _current: "Leyla Mammadova")
    window.commands.investigator.trigger()
    assert archive.audit.investigator() == "Leyla Mammadova"
    images = window.reader.image_reader
    with qtbot.waitSignal(images.pictureShown, timeout=10_000):
        click_title(qtbot, window, "bridge")
    assert canvas_detail(window) > SHARP
    window.commands.blur_all.trigger()
    assert archive.verification.blurs_all()
    assert canvas_detail(window) < BLURRED


def test_an_articles_figure_of_a_sensitive_photo_is_blurred(
    qtbot: QtBot,
    archive: Archive,
    photos: dict[str, int],
    store_document: StoreDocument,
    make_window: Callable[[Archive], MainWindow],
) -> None:
    document = ExtractedDocument(
        kind="article",
        title="Shelling in the old town",
        blocks=[Block("paragraph", "The street after the night's shelling.")],
        images=[ExtractedImage(caption="The street"), ExtractedImage(caption="The bridge")],
    )
    store_document(document, figure_images={0: photos["street"], 1: photos["bridge"]})
    window = make_window(archive)
    click_title(qtbot, window, "Shelling in the old town")
    text = window.reader.text_reader.view.document()

    def figure(name: str) -> QImage:
        url = QUrl(f"{IMAGE_SCHEME}:{photos[name]}")
        return text.resource(QTextDocument.ResourceType.ImageResource, url)

    qtbot.waitUntil(lambda: not figure("bridge").isNull())
    whole = figure("street").rect()
    assert detail(figure("street"), whole) < BLURRED
    assert detail(figure("bridge"), figure("bridge").rect()) > SHARP
