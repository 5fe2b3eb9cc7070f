"""Annotating in the window, as a person would: select a passage with the mouse or the keyboard,
press Ctrl+Shift+A, write a note; see the highlight and the entry in the annotation list; jump
to it from the list; edit and delete it; undo and redo; draw regions on a photo and a PDF page."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtCore import QPoint, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QHelpEvent, QTextCursor
from PySide6.QtWidgets import QApplication, QToolButton, QToolTip
from pytestqt.qtbot import QtBot

from archive_app.core.archive import Archive
from archive_app.gui.annotations import editor
from archive_app.gui.annotations.editor import AnnotationDraft
from archive_app.gui.annotations.model import ID_ROLE, AnnotationListModel
from archive_app.gui.label_rows import Label
from archive_app.gui.main_window import MainWindow
from archive_app.gui.reader.pdf_regions import page_rects
from archive_app.gui.reader.text_reader import ANNOTATION_LAYER, SEARCH_LAYER
from archive_app.gui.reader.text_view import ReadingView
from archive_app.importers.document import Block, ExtractedDocument
from tests.gui.window_helpers import (
    POPUP_NOISE,
    choose,
    click_title,
    open_menu_at,
    press,
    redo,
    undo,
)
from tests.helpers import PDF_PAGES, pdf_document, write_pdf

pytestmark = POPUP_NOISE  # the reader's context menu and tooltips are popups

StoreDocument = Callable[..., int]

FIRST = (
    "Cars queued for hours on the only road out of Stepanakert, which Azerbaijan calls "
    "Khankendi, after the Lachin corridor reopened on Sunday."
)
SECOND = (
    "Officials in the enclave said more than 6,600 people had crossed by the evening; the "
    "figure could not be verified independently."
)
THIRD = "Azerbaijan said residents would be offered reintegration and that roads were open."
PASSAGE = "more than 6,600 people had crossed"
WIRE = "#1565c0"
WIRE_NAME = "International wire"


class Answers:
    """Stands in for the annotation editor: records what it was asked, answers ``draft``."""

    def __init__(self, draft: AnnotationDraft | None) -> None:
        self.draft = draft
        self.asked: list[tuple[str, str, AnnotationDraft]] = []

    def __call__(
        self,
        _parent: object,
        _labeling: object,
        title: str,
        target: str,
        draft: AnnotationDraft,
    ) -> AnnotationDraft | None:
        self.asked.append((title, target, draft))
        return self.draft


Answer = Callable[[AnnotationDraft | None], Answers]


@pytest.fixture
def answer(monkeypatch: pytest.MonkeyPatch) -> Answer:
    """Let the annotation editor answer a draft (None: Cancel); the stand-in, to read what
    it was asked."""

    def install(draft: AnnotationDraft | None) -> Answers:
        answers = Answers(draft)
        monkeypatch.setattr(editor, "ask_annotation", answers)
        return answers

    return install


@pytest.fixture
def article_id(archive: Archive, store_document: StoreDocument) -> int:
    archive.perspectives.create(WIRE_NAME, color=WIRE)
    archive.perspectives.create("Armenian government", color="#c62828")
    return store_document(
        ExtractedDocument(
            kind="article",
            title="Thousands leave Stepanakert as road opens",
            site_name="Wire service",
            published="2023-09-25",
            blocks=[
                Block("paragraph", FIRST),
                Block("heading", "Counting the departures", 2),
                Block("paragraph", SECOND),
                Block("paragraph", THIRD),
            ],
        )
    )


@pytest.fixture
def article_window(
    qtbot: QtBot, archive: Archive, article_id: int, make_window: Callable[[Archive], MainWindow]
) -> MainWindow:
    """A window with the article open in the reader."""
    window = make_window(archive)
    open_article(qtbot, window, article_id)
    return window


def open_article(qtbot: QtBot, window: MainWindow, article_id: int) -> ReadingView:
    click_title(qtbot, window, "Thousands leave Stepanakert as road opens")
    qtbot.waitUntil(lambda: window.reader.source_id == article_id)
    return window.reader.text_reader.view


def wire(archive: Archive) -> Label:
    perspective = archive.perspectives.get("International wire")
    return Label("perspective", perspective.id, perspective.name, perspective.color)


def document_range(
    view: ReadingView, archive: Archive, source_id: int, text: str
) -> tuple[int, int]:
    body = archive.get(source_id).body
    start = body.index(text)
    reading = view.reading
    assert reading is not None
    return reading.body_position(start), reading.body_position(start + len(text))


def point_at(view: ReadingView, position: int) -> QPoint:
    """Just inside the left edge of the character at document ``position``."""
    cursor = QTextCursor(view.document())
    cursor.setPosition(position)
    rect = view.cursorRect(cursor)
    return QPoint(rect.left() + 1, rect.center().y())


def drag_select(qtbot: QtBot, view: ReadingView, start: int, end: int) -> None:
    """Select document ``start``..``end`` with a mouse drag."""
    viewport = view.viewport()
    view.scroll_to(start)
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=point_at(view, start))
    qtbot.mouseMove(viewport, point_at(view, (start + end) // 2))
    qtbot.mouseMove(viewport, point_at(view, end))
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=point_at(view, end))


def marked(view: ReadingView, layer: str) -> list[str]:
    texts = []
    for start, end in view.marks(layer):
        cursor = QTextCursor(view.document())
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        texts.append(cursor.selectedText())
    return texts


def listed(window: MainWindow) -> list[str]:
    model = window.annotation_panel.model
    return [str(model.index(row, 0).data()) for row in range(model.rowCount())]


def click_entry(qtbot: QtBot, window: MainWindow, row: int) -> None:
    annotations = window.annotation_panel.list
    rect = annotations.visualRect(window.annotation_panel.model.index(row, 0))
    qtbot.mouseClick(annotations.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


# Passages


def test_a_passage_selected_with_the_mouse_is_annotated_highlighted_and_listed(
    qtbot: QtBot,
    archive: Archive,
    article_id: int,
    article_window: MainWindow,
    answer: Answer,
) -> None:
    answers = answer(AnnotationDraft("Not verified by anyone else.", [wire(archive)]))
    window = article_window
    view = window.reader.text_reader.view
    assert listed(window) == []

    drag_select(qtbot, view, *document_range(view, archive, article_id, PASSAGE))
    assert view.textCursor().selectedText() == PASSAGE
    press(qtbot, view, "Ctrl+Shift+A")

    assert answers.asked == [("Annotate", f"“{PASSAGE}”", AnnotationDraft())]
    (annotation,) = archive.annotations.of_source(article_id)
    assert annotation.quote_exact == PASSAGE
    assert annotation.note == "Not verified by anyone else."
    assert [p.name for p in annotation.perspectives] == ["International wire"]
    assert marked(view, ANNOTATION_LAYER) == [PASSAGE]
    start, _end = view.marks(ANNOTATION_LAYER)[0]
    (mark,) = [m for m in view.marks_at(start + 1) if m.tooltip]
    assert mark.margin == QColor(WIRE)
    assert "Not verified by anyone else." in mark.tooltip
    assert listed(window) == [f"“{PASSAGE}”"]
    assert window.details.currentWidget() is window.annotation_panel
    assert window.details.tabText(1) == "Annotations (1)"
    assert window.undo_stack.count() == 1

    undo(qtbot, window)
    assert archive.annotations.of_source(article_id) == []
    assert marked(view, ANNOTATION_LAYER) == []
    assert listed(window) == []
    redo(qtbot, window)
    assert [a.quote_exact for a in archive.annotations.of_source(article_id)] == [PASSAGE]
    assert marked(view, ANNOTATION_LAYER) == [PASSAGE]
    assert listed(window) == [f"“{PASSAGE}”"]


def test_a_passage_selected_with_the_keyboard_is_annotated(
    qtbot: QtBot,
    archive: Archive,
    article_id: int,
    article_window: MainWindow,
    answer: Answer,
) -> None:
    answer(AnnotationDraft("The queue."))
    window = article_window
    view = window.reader.text_reader.view
    press(qtbot, view, "Ctrl+Home")
    for _word in range(4):
        qtbot.keyClick(
            view,
            Qt.Key.Key_Right,
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
        )
    assert view.textCursor().selectedText() == "Cars queued for hours "
    qtbot.keyClick(view, Qt.Key.Key_Left, Qt.KeyboardModifier.ShiftModifier)
    press(qtbot, view, "Ctrl+Shift+A")

    (annotation,) = archive.annotations.of_source(article_id)
    assert (annotation.start, annotation.end) == (0, len("Cars queued for hours"))
    assert marked(view, ANNOTATION_LAYER) == ["Cars queued for hours"]
    assert annotation.perspectives == []


def test_annotate_without_a_selection_says_what_to_do(
    qtbot: QtBot,
    archive: Archive,
    article_id: int,
    article_window: MainWindow,
    answer: Answer,
) -> None:
    answers = answer(AnnotationDraft("never asked"))
    window = article_window
    view = window.reader.text_reader.view
    press(qtbot, view, "Ctrl+Shift+A")
    qtbot.waitUntil(window.message_bar.isVisible)
    assert "Select the passage to annotate first" in window.message_bar.text.text()
    assert answers.asked == []


def test_the_reader_context_menu_annotates_the_selection_and_cancel_changes_nothing(
    qtbot: QtBot,
    archive: Archive,
    article_id: int,
    article_window: MainWindow,
    answer: Answer,
) -> None:
    answers = answer(None)
    window = article_window
    view = window.reader.text_reader.view
    start, end = document_range(view, archive, article_id, "Lachin corridor")
    drag_select(qtbot, view, start, end)
    menu = open_menu_at(qtbot, view.viewport(), point_at(view, start + 2))
    choose(qtbot, menu, "Annotate")
    assert [target for _title, target, _draft in answers.asked] == ["“Lachin corridor”"]
    assert archive.annotations.of_source(article_id) == []
    assert window.undo_stack.count() == 0


def test_hovering_a_highlighted_passage_shows_its_note(
    qtbot: QtBot, archive: Archive, article_id: int, make_window: Callable[[Archive], MainWindow]
) -> None:
    body = archive.get(article_id).body
    start = body.index(PASSAGE)
    archive.annotations.add_text(
        article_id, start, start + len(PASSAGE), note="Not verified.", perspectives=[WIRE_NAME]
    )
    window = make_window(archive)
    view = open_article(qtbot, window, article_id)
    first, _last = view.marks(ANNOTATION_LAYER)[0]
    point = point_at(view, first + 3)
    QApplication.sendEvent(
        view.viewport(),
        QHelpEvent(QHelpEvent.Type.ToolTip, point, view.viewport().mapToGlobal(point)),
    )
    qtbot.waitUntil(QToolTip.isVisible)
    assert QToolTip.text().startswith("Not verified.")
    assert "International wire" in QToolTip.text()


def test_clicking_an_entry_selects_its_passage_and_the_arrow_keys_move_on(
    qtbot: QtBot, archive: Archive, article_id: int, make_window: Callable[[Archive], MainWindow]
) -> None:
    body = archive.get(article_id).body
    for text, note in ((PASSAGE, "Count."), ("offered reintegration", "Baku's offer.")):
        start = body.index(text)
        archive.annotations.add_text(article_id, start, start + len(text), note=note)
    window = make_window(archive)
    view = open_article(qtbot, window, article_id)
    window.details.show_annotations()
    assert listed(window) == [f"“{PASSAGE}”", "“offered reintegration”"]

    view.verticalScrollBar().setValue(0)
    click_entry(qtbot, window, 1)
    qtbot.waitUntil(lambda: view.textCursor().selectedText() == "offered reintegration")
    assert view.textCursor().hasSelection()
    assert view.viewport().rect().contains(view.cursorRect())

    qtbot.keyClick(window.annotation_panel.list, Qt.Key.Key_Up)
    qtbot.waitUntil(lambda: view.textCursor().selectedText() == PASSAGE)


def test_a_note_is_edited_and_an_annotation_deleted_from_the_list_with_undo(
    qtbot: QtBot,
    archive: Archive,
    article_id: int,
    make_window: Callable[[Archive], MainWindow],
    answer: Answer,
) -> None:
    body = archive.get(article_id).body
    start = body.index(PASSAGE)
    made, _change = archive.annotations.add_text(
        article_id, start, start + len(PASSAGE), note="Count.", perspectives=[WIRE_NAME]
    )
    window = make_window(archive)
    view = open_article(qtbot, window, article_id)
    window.details.show_annotations()
    click_entry(qtbot, window, 0)
    answers = answer(
        AnnotationDraft("Count, not verified.", [wire(archive), Label("tag", "casualties", "x")])
    )
    press(qtbot, window.annotation_panel.list, "F2")

    assert answers.asked[0][0] == "Edit annotation"
    assert answers.asked[0][2].note == "Count."
    edited = archive.annotations.get(made.id)
    assert edited.note == "Count, not verified."
    assert [t.name for t in edited.tags] == ["casualties"]
    assert archive.search("verified").hits[0].id == article_id
    assert [h.id for h in archive.search("tag:casualties").hits] == [article_id]
    assert window.undo_stack.count() == 1

    press(qtbot, window.annotation_panel.list, "Del")
    assert archive.annotations.of_source(article_id) == []
    assert listed(window) == []
    assert marked(view, ANNOTATION_LAYER) == []

    undo(qtbot, window)
    assert archive.annotations.get(made.id).note == "Count, not verified."
    assert marked(view, ANNOTATION_LAYER) == [PASSAGE]
    undo(qtbot, window)
    assert archive.annotations.get(made.id).note == "Count."
    assert archive.annotations.get(made.id).tags == []


def test_search_hits_and_annotations_are_marked_in_separate_layers(
    qtbot: QtBot, archive: Archive, article_id: int, make_window: Callable[[Archive], MainWindow]
) -> None:
    body = archive.get(article_id).body
    start = body.index(PASSAGE)
    archive.annotations.add_text(article_id, start, start + len(PASSAGE), note="Count.")
    window = make_window(archive)
    field = window.search_bar.field
    field.setFocus()
    with qtbot.waitSignal(window.search_bar.hitsFound, timeout=10_000):
        qtbot.keyClicks(field, "crossed")
    click_title(qtbot, window, "Thousands leave Stepanakert as road opens")
    qtbot.waitUntil(lambda: window.reader.source_id == article_id)
    view = window.reader.text_reader.view
    assert marked(view, SEARCH_LAYER) == ["crossed"]
    assert marked(view, ANNOTATION_LAYER) == [PASSAGE]


def test_offsets_stay_right_after_an_emoji(
    qtbot: QtBot,
    archive: Archive,
    store_document: StoreDocument,
    make_window: Callable[[Archive], MainWindow],
    answer: Answer,
) -> None:
    answer(AnnotationDraft("After the emoji."))
    note_id = store_document(
        ExtractedDocument(
            kind="text",
            title="Channel post",
            blocks=[Block("paragraph", "Road open 🚗🚗 at last, said the post from Goris.")],
        )
    )
    window = make_window(archive)
    click_title(qtbot, window, "Channel post")
    qtbot.waitUntil(lambda: window.reader.source_id == note_id)
    view = window.reader.text_reader.view
    start, end = document_range(view, archive, note_id, "at last")
    assert end - start == len("at last")
    drag_select(qtbot, view, start, end)
    press(qtbot, view, "Ctrl+Shift+A")
    (annotation,) = archive.annotations.of_source(note_id)
    assert annotation.quote_exact == "at last"
    assert marked(view, ANNOTATION_LAYER) == ["at last"]


# Regions on a photo


def write_photo(path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    Image.new("RGB", (1200, 800), (70, 110, 150)).save(path)
    return path


@pytest.fixture
def photo_id(archive: Archive, tmp_path: Path) -> int:
    archive.perspectives.create(WIRE_NAME, color=WIRE)
    report = archive.import_paths([write_photo(tmp_path / "in" / "bridge.jpg")])
    (source_id,) = report.new_source_ids
    return source_id


def open_photo(qtbot: QtBot, window: MainWindow, photo_id: int) -> None:
    images = window.reader.image_reader
    with qtbot.waitSignal(images.pictureShown, timeout=10_000):
        window.source_list.select_ids([photo_id])
    qtbot.waitUntil(lambda: images.canvas.picture_size.width() == 1200)


def test_a_region_dragged_on_a_photo_is_stored_relative_drawn_and_framed(
    qtbot: QtBot,
    archive: Archive,
    photo_id: int,
    make_window: Callable[[Archive], MainWindow],
    answer: Answer,
) -> None:
    answers = answer(AnnotationDraft("The convoy's lead car.", [wire(archive)]))
    window = make_window(archive)
    open_photo(qtbot, window, photo_id)
    canvas = window.reader.image_reader.canvas
    button = window.reader.findChild(QToolButton, "drawRegionButton")
    assert button is not None and button.isEnabled()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert canvas.drawing_mode

    top_left = canvas.mapFromScene(QPointF(300, 200))
    bottom_right = canvas.mapFromScene(QPointF(600, 600))
    viewport = canvas.viewport()
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=top_left)
    qtbot.mouseMove(viewport, (top_left + bottom_right) / 2)
    qtbot.mouseMove(viewport, bottom_right)
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=bottom_right)

    assert [target for _t, target, _d in answers.asked] == ["A region of the picture"]
    (annotation,) = archive.annotations.of_source(photo_id)
    assert annotation.target == "region" and annotation.page is None
    tolerance = 4 / canvas.zoom_factor() / 800
    assert annotation.x == pytest.approx(0.25, abs=tolerance)
    assert annotation.y == pytest.approx(0.25, abs=tolerance)
    assert annotation.width == pytest.approx(0.25, abs=tolerance)
    assert annotation.height == pytest.approx(0.5, abs=tolerance)
    (item,) = canvas.region_items
    assert item.rect().center().x() == pytest.approx(450, abs=4)
    assert item.pen().color() == QColor(WIRE)
    assert item.toolTip().startswith("The convoy's lead car.")
    assert canvas.draft_rect is None
    assert listed(window) == ["Region, left of the picture"]

    fitted = canvas.zoom_factor()
    click_entry(qtbot, window, 0)
    qtbot.waitUntil(lambda: canvas.zoom_factor() > fitted)
    assert canvas.region_items[0].focused

    undo(qtbot, window)
    assert canvas.region_items == []
    assert listed(window) == []


def test_shift_drag_draws_a_region_and_ctrl_shift_a_annotates_the_whole_picture(
    qtbot: QtBot,
    archive: Archive,
    photo_id: int,
    make_window: Callable[[Archive], MainWindow],
    answer: Answer,
) -> None:
    answers = answer(AnnotationDraft("Seen."))
    window = make_window(archive)
    open_photo(qtbot, window, photo_id)
    canvas = window.reader.image_reader.canvas
    assert not canvas.drawing_mode
    start = canvas.mapFromScene(QPointF(60, 80))
    end = canvas.mapFromScene(QPointF(1500, 900))  # beyond the picture: kept inside it
    shift = Qt.KeyboardModifier.ShiftModifier
    qtbot.mousePress(canvas.viewport(), Qt.MouseButton.LeftButton, shift, start)
    qtbot.mouseMove(canvas.viewport(), end)
    qtbot.mouseRelease(canvas.viewport(), Qt.MouseButton.LeftButton, shift, end)
    (region,) = archive.annotations.of_source(photo_id)
    assert region.x + region.width == pytest.approx(1.0)
    assert region.y + region.height == pytest.approx(1.0)

    press(qtbot, canvas, "Ctrl+Shift+A")
    assert answers.asked[-1][1] == "The whole picture"
    whole = [a for a in archive.annotations.of_source(photo_id) if a.id != region.id]
    assert [(a.x, a.y, a.width, a.height) for a in whole] == [(0.0, 0.0, 1.0, 1.0)]
    assert sorted(listed(window)) == ["Region, centre of the picture", "The whole picture"]


def test_a_cancelled_region_leaves_nothing_behind(
    qtbot: QtBot,
    archive: Archive,
    photo_id: int,
    make_window: Callable[[Archive], MainWindow],
    answer: Answer,
) -> None:
    answer(None)
    window = make_window(archive)
    open_photo(qtbot, window, photo_id)
    canvas = window.reader.image_reader.canvas
    press(qtbot, canvas, "Ctrl+Shift+R")
    assert canvas.drawing_mode
    start, end = canvas.mapFromScene(QPointF(10, 10)), canvas.mapFromScene(QPointF(400, 300))
    qtbot.mousePress(canvas.viewport(), Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(canvas.viewport(), end)
    qtbot.mouseRelease(canvas.viewport(), Qt.MouseButton.LeftButton, pos=end)
    assert canvas.draft_rect is None
    assert canvas.region_items == []
    assert archive.annotations.of_source(photo_id) == []


# Regions on PDF pages


@pytest.fixture
def pdf_id(archive: Archive, store_document: StoreDocument, tmp_path: Path) -> int:
    archive.perspectives.create(WIRE_NAME, color=WIRE)
    path = tmp_path / "report.pdf"
    write_pdf(path, PDF_PAGES)
    return store_document(pdf_document(PDF_PAGES), original=path)


def test_the_pages_are_where_page_rects_says(
    qtbot: QtBot, archive: Archive, pdf_id: int, make_window: Callable[[Archive], MainWindow]
) -> None:
    window = make_window(archive)
    window.source_list.select_ids([pdf_id])
    pages = window.reader.pdf_reader.page_view
    qtbot.waitUntil(lambda: window.reader.source_id == pdf_id and len(page_rects(pages)) == 4)
    pages.verticalScrollBar().setValue(pages.verticalScrollBar().maximum() // 3)
    rects = page_rects(pages)
    visible = [r for r in rects.values() if r.intersects(QRectF(pages.viewport().rect()))]
    qtbot.waitUntil(lambda: _page_painted(pages, visible[0]))
    picture = pages.viewport().grab().toImage()
    for rect in visible:
        inside = rect.center().toPoint()
        assert QColor(picture.pixel(inside.x(), inside.y())).lightness() > 200
        left_of = QPoint(round(rect.left()) - 2, inside.y())
        assert QColor(picture.pixel(left_of.x(), left_of.y())).lightness() < 200
        if rect.top() > 2:
            above = QPoint(inside.x(), round(rect.top()) - 2)
            assert QColor(picture.pixel(above.x(), above.y())).lightness() < 200


def _page_painted(pages: object, rect: QRectF) -> bool:
    from PySide6.QtPdfWidgets import QPdfView

    assert isinstance(pages, QPdfView)
    point = rect.center().toPoint()
    return QColor(pages.viewport().grab().toImage().pixel(point)).lightness() > 200


def test_a_region_drawn_on_a_pdf_page_is_stored_for_that_page_and_painted(
    qtbot: QtBot,
    archive: Archive,
    pdf_id: int,
    make_window: Callable[[Archive], MainWindow],
    answer: Answer,
) -> None:
    answers = answer(AnnotationDraft("Access to the region.", [wire(archive)]))
    window = make_window(archive)
    window.source_list.select_ids([pdf_id])
    pages = window.reader.pdf_reader.page_view
    qtbot.waitUntil(lambda: window.reader.source_id == pdf_id and len(page_rects(pages)) == 4)
    window.reader.pdf_reader.go_to_page(2)
    qtbot.waitUntil(lambda: window.reader.pdf_reader.current_page() == 2)
    page = page_rects(pages)[1]
    start = (page.topLeft() + QPointF(page.width() * 0.1, page.height() * 0.2)).toPoint()
    end = (page.topLeft() + QPointF(page.width() * 0.6, page.height() * 0.3)).toPoint()
    shift = Qt.KeyboardModifier.ShiftModifier
    qtbot.mousePress(pages.viewport(), Qt.MouseButton.LeftButton, shift, start)
    qtbot.mouseMove(pages.viewport(), end)
    qtbot.mouseRelease(pages.viewport(), Qt.MouseButton.LeftButton, shift, end)

    assert answers.asked[0][1] == "A region on page 2"
    (annotation,) = archive.annotations.of_source(pdf_id)
    assert annotation.page == 2
    tolerance = 2 / page.width()
    assert annotation.x == pytest.approx(0.1, abs=tolerance)
    assert annotation.y == pytest.approx(0.2, abs=tolerance)
    assert annotation.width == pytest.approx(0.5, abs=tolerance)
    assert annotation.height == pytest.approx(0.1, abs=tolerance)
    drawn = pages.region_rects()[annotation.id]
    assert abs(drawn.left() - start.x()) <= 2
    assert abs(drawn.top() - start.y()) <= 2
    assert listed(window) == ["Region on page 2, top left"]

    pages.verticalScrollBar().setValue(0)
    click_entry(qtbot, window, 0)
    qtbot.waitUntil(lambda: window.reader.pdf_reader.current_page() == 2)
    assert QRectF(pages.viewport().rect()).contains(pages.region_rects()[annotation.id])


# The list's model


def test_the_annotation_model_passes_the_model_tester(
    qtmodeltester: object, archive: Archive, article_id: int
) -> None:
    body = archive.get(article_id).body
    for text in (THIRD, PASSAGE):
        start = body.index(text)
        archive.annotations.add_text(article_id, start, start + len(text), note=text[:5])
    model = AnnotationListModel()
    model.set_annotations(archive.annotations.of_source(article_id))
    qtmodeltester.check(model)  # type: ignore[attr-defined]
    assert model.index(0, 0).data() == f"“{PASSAGE}”"
    assert model.index(1, 0).data().startswith("“Azerbaijan said")
    assert isinstance(model.index(0, 0).data(ID_ROLE), int)
    assert "Note: more" in str(model.index(0, 0).data(Qt.ItemDataRole.AccessibleTextRole))


def test_annotating_and_tagging_leave_the_text_where_it_was_scrolled(
    qtbot: QtBot,
    archive: Archive,
    store_document: StoreDocument,
    make_window: Callable[[Archive], MainWindow],
    answer: Answer,
) -> None:
    answer(AnnotationDraft("Deep in the text."))
    paragraphs = [f"Paragraph {n}: {SECOND}" for n in range(40)]
    long_id = store_document(
        ExtractedDocument(
            kind="article",
            title="A long report",
            blocks=[Block("paragraph", text) for text in paragraphs],
        )
    )
    window = make_window(archive)
    click_title(qtbot, window, "A long report")
    qtbot.waitUntil(lambda: window.reader.source_id == long_id)
    view = window.reader.text_reader.view
    start, end = document_range(view, archive, long_id, "Paragraph 30: Officials")
    drag_select(qtbot, view, start, end)
    scrolled = view.verticalScrollBar().value()
    assert scrolled > 0
    press(qtbot, view, "Ctrl+Shift+A")
    assert len(archive.annotations.of_source(long_id)) == 1
    assert view.verticalScrollBar().value() == scrolled

    tags = window.inspector.research.tags
    window.details.show_inspector()
    qtbot.mouseClick(tags.add_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(tags.entry, "long reads")
    with qtbot.waitSignal(window.source_list.idsLoaded, timeout=10_000):
        qtbot.keyClick(tags.entry, Qt.Key.Key_Return)
    assert [t.name for t in archive.get(long_id).tags] == ["long reads"]
    assert view.verticalScrollBar().value() == scrolled
    assert marked(view, ANNOTATION_LAYER) == ["Paragraph 30: Officials"]
