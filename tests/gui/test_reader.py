"""The reader, driven as a person would: open sources, read, move between matches, zoom."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader, PdfWriter
from PySide6.QtCore import QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import (
    QAction,
    QColor,
    QKeySequence,
    QPalette,
    QTextBlock,
    QTextCursor,
    QTextDocument,
    QWheelEvent,
)
from PySide6.QtWidgets import QApplication, QLabel, QToolButton, QWidget
from pytestqt.qtbot import QtBot

from archive_app.core.archive import Archive
from archive_app.gui.reader import ReaderPane
from archive_app.gui.reader.colors import ReaderColors
from archive_app.gui.reader.document import IMAGE_SCHEME
from archive_app.gui.tasks import TaskRunner
from archive_app.importers.document import Block, ExtractedDocument, ExtractedImage
from tests.gui.window_helpers import marked_texts
from tests.helpers import PDF_PAGES, pdf_document, write_pdf

StoreDocument = Callable[..., int]

FIRST = (
    "Cars queued for hours on the only road out of Stepanakert, which Azerbaijan calls "
    "Xankəndi, after the Lachin corridor reopened on Sunday."
)
QUOTE = "We left everything. The house, the graves of my parents, the garden."
LATER = "Azerbaijan said residents of Khankendi would be offered reintegration."


@pytest.fixture
def reader(qtbot: QtBot, archive: Archive, task_runner: TaskRunner) -> ReaderPane:
    pane = ReaderPane(archive, task_runner)
    qtbot.addWidget(pane)
    pane.resize(640, 720)
    pane.show()
    qtbot.waitExposed(pane)
    return pane


def article(**overrides: object) -> ExtractedDocument:
    fields: dict[str, object] = {
        "kind": "article",
        "title": "Thousands leave Stepanakert as road opens",
        "authors": ["Staff reporter", "Ani Grigoryan"],
        "site_name": "Wire service",
        "published": "2023-09-25",
        "language": "en",
        "blocks": [
            Block("paragraph", FIRST),
            Block("heading", "A long wait at the bridge", 2),
            Block("quote", QUOTE),
            Block("list_item", "Safe passage was promised.", 1),
            Block("list_item", "Aid convoys were let through.", 1),
            Block("paragraph", LATER),
        ],
        "images": [
            ExtractedImage(
                src="https://cdn.example.org/hakari-bridge.jpg",
                caption="Refugees cross the Hakari bridge toward Kornidzor.",
                credit="Photo: Photo agency",
                after_block=2,
            )
        ],
    }
    fields.update(overrides)
    return ExtractedDocument(**fields)  # type: ignore[arg-type]


@pytest.fixture
def figure(archive: Archive, store_document: StoreDocument, tmp_path: Path) -> tuple[int, int]:
    """A photo saved with an article's page, and the article, which shows it as a figure:
    (photo id, article id)."""
    photo_id = import_one(archive, make_photo(tmp_path / "page_files", "bridge.jpg"))
    return photo_id, store_document(article(), figure_images={0: photo_id})


def blocks_of(document: QTextDocument) -> list[QTextBlock]:
    found = []
    block = document.begin()
    while block.isValid():
        found.append(block)
        block = block.next()
    return found


def block_with(document: QTextDocument, text: str) -> QTextBlock:
    for block in blocks_of(document):
        if text in block.text():
            return block
    raise AssertionError(f"no block with {text!r}")


def add_alias_group(archive: Archive, *names: str) -> None:
    with archive.database.transaction() as connection:
        group = connection.execute("INSERT INTO alias_groups (note) VALUES ('')").lastrowid
        for name in names:
            connection.execute("INSERT INTO aliases (group_id, name) VALUES (?, ?)", (group, name))


def make_photo(
    folder: Path, name: str, size: tuple[int, int] = (1200, 800), **exif: object
) -> Path:
    tags = {"caption": 0x010E, "artist": 0x013B, "copyright": 0x8298, "orientation": 0x0112}
    image = Image.new("RGB", size, (70, 110, 150))
    data = Image.Exif()
    for key, value in exif.items():
        data[tags[key]] = value
    path = folder / name
    folder.mkdir(parents=True, exist_ok=True)
    image.save(path, exif=data.tobytes())
    return path


def ctrl_wheel(widget: QWidget, notches: int) -> None:
    """Turn the mouse wheel over ``widget`` with Ctrl held."""
    centre = QPointF(widget.rect().center())
    wheel = QWheelEvent(
        centre,
        widget.mapToGlobal(centre),
        QPoint(),
        QPoint(0, 120 * notches),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.ControlModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(widget, wheel)


def import_one(archive: Archive, path: Path) -> int:
    report = archive.import_paths([path])
    assert not report.failed, report.failed
    source_id = report.imported[0].source_id
    assert source_id is not None
    return source_id


# Articles and texts


def test_an_article_is_laid_out_as_headings_quotes_lists_and_figures(
    reader: ReaderPane, store_document: StoreDocument
) -> None:
    source_id = store_document(article())
    reader.show_source(source_id)
    document = reader.text_reader.view.document()

    assert block_with(document, "A long wait").blockFormat().headingLevel() == 2
    quote = block_with(document, QUOTE)
    assert QTextCursor(quote).currentTable() is not None
    assert quote.charFormat().fontItalic() or quote.begin().fragment().charFormat().fontItalic()
    items = [block_with(document, "Safe passage"), block_with(document, "Aid convoys")]
    assert items[0].textList() is not None
    assert items[0].textList() is items[1].textList()
    texts = [block.text() for block in blocks_of(document) if block.text()]
    caption = next(t for t in texts if "Hakari bridge" in t)
    assert "Photo: Photo agency" in caption
    assert texts.index(caption) > texts.index(QUOTE)
    assert texts.index(caption) < texts.index("Safe passage was promised.")


def test_a_figure_not_saved_with_the_page_names_its_address_and_loads_nothing(
    reader: ReaderPane, store_document: StoreDocument
) -> None:
    source_id = store_document(article())
    reader.show_source(source_id)
    view = reader.text_reader.view
    text = view.document().toPlainText()

    assert "Image not saved with the page" in text
    assert "https://cdn.example.org/hakari-bridge.jpg" in text
    remote = QUrl("https://cdn.example.org/hakari-bridge.jpg")
    assert view.document().resource(QTextDocument.ResourceType.ImageResource, remote) is None
    assert view.loadResource(QTextDocument.ResourceType.ImageResource.value, remote) is None


def test_a_figure_whose_picture_was_saved_shows_the_archive_copy(
    reader: ReaderPane, figure: tuple[int, int], qtbot: QtBot
) -> None:
    photo_id, source_id = figure
    reader.show_source(source_id)
    document = reader.text_reader.view.document()

    name = QUrl(f"{IMAGE_SCHEME}:{photo_id}")
    thumbnail = document.resource(QTextDocument.ResourceType.ImageResource, name)
    assert thumbnail.width() == 512
    assert "Image not saved" not in document.toPlainText()

    qtbot.waitUntil(
        lambda: document.resource(QTextDocument.ResourceType.ImageResource, name).width() == 1200
    )


def test_the_header_shows_title_site_date_and_authors(
    reader: ReaderPane, store_document: StoreDocument
) -> None:
    reader.show_source(store_document(article()))

    assert "Thousands leave Stepanakert" in reader.header.title.text()
    byline = reader.header.byline.text()
    assert byline.startswith("Wire service · ")
    assert "September 2023" in byline
    assert byline.endswith("Staff reporter, Ani Grigoryan")
    assert reader.header.aliases.isHidden()


def test_search_words_are_marked_with_folding_stemming_and_aliases(
    reader: ReaderPane, archive: Archive, store_document: StoreDocument
) -> None:
    add_alias_group(archive, "Stepanakert", "Khankendi", "Xankəndi")
    source_id = store_document(article())
    reader.show_source(source_id, "xankendi refugee")

    assert marked_texts(reader) == ["Stepanakert", "Xankəndi", "Refugees", "Khankendi"]
    note = reader.header.aliases
    assert note.isVisible()
    assert "Stepanakert" in note.text()
    assert "Khankendi" in note.text()
    assert "Stepanakert" in reader.header.title.text()
    assert "background-color" in reader.header.title.text()


def test_not_terms_and_other_fields_are_not_marked(
    reader: ReaderPane, store_document: StoreDocument
) -> None:
    reader.show_source(store_document(article()), "Lachin NOT Khankendi tag:refugees")

    assert marked_texts(reader) == ["Lachin"]


def test_the_reader_opens_on_the_first_match_and_moves_between_matches(
    reader: ReaderPane, store_document: StoreDocument, qtbot: QtBot
) -> None:
    filler = [
        Block("paragraph", f"Paragraph {n} about the road and the wait. " * 6) for n in range(30)
    ]
    blocks = [
        *filler,
        Block("paragraph", "The Hakari bridge was crowded."),
        *filler,
        Block("paragraph", "By night the Hakari crossing closed."),
    ]
    source_id = store_document(article(blocks=blocks, images=[]))
    reader.show_source(source_id, "hakari")
    view = reader.text_reader.view
    counter = reader.hit_navigator.counter
    hits = view.marks("search")

    assert counter.text() == "1 of 2"
    assert view.marks("current-hit") == [hits[0]]
    assert view.textCursor().position() == hits[0][0]
    first_scroll = view.verticalScrollBar().value()
    assert first_scroll > 0

    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_F3)
    assert counter.text() == "2 of 2"
    assert view.textCursor().position() == hits[1][0]
    assert view.verticalScrollBar().value() > first_scroll

    qtbot.keyClick(view, Qt.Key.Key_F3, Qt.KeyboardModifier.ShiftModifier)
    assert counter.text() == "1 of 2"
    assert view.verticalScrollBar().value() == first_scroll

    previous = reader.findChild(QToolButton, "previousHitButton")
    qtbot.mouseClick(previous, Qt.MouseButton.LeftButton)
    assert counter.text() == "2 of 2"


def test_a_new_query_on_the_open_source_marks_it_again_without_laying_it_out_again(
    reader: ReaderPane, store_document: StoreDocument
) -> None:
    source_id = store_document(article())
    reader.show_source(source_id, "bridge")
    document = reader.text_reader.view.document()

    reader.show_source(source_id, "Lachin")

    assert reader.text_reader.view.document() is document
    assert marked_texts(reader) == ["Lachin"]


def test_no_matches_says_so_and_disables_moving(
    reader: ReaderPane, store_document: StoreDocument
) -> None:
    reader.show_source(store_document(article()), "ceasefire")

    assert reader.hit_navigator.counter.text() == "No matches"
    assert not reader.hit_navigator.next_action.isEnabled()
    assert reader.text_reader.view.marks("search") == []


def test_ctrl_f_finds_words_in_the_source_and_escape_goes_back_to_the_search(
    reader: ReaderPane, store_document: StoreDocument, qtbot: QtBot
) -> None:
    window_search = QAction("Search the archive", reader)
    window_search.setShortcut(QKeySequence(QKeySequence.StandardKey.Find))
    reader.addAction(window_search)
    searched: list[bool] = []
    window_search.triggered.connect(searched.append)
    reader.show_source(store_document(article()), "Stepanakert")
    reader.text_reader.view.setFocus()

    qtbot.keyClick(reader.text_reader.view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    field = reader.find_bar.field
    assert field.hasFocus()
    assert not searched
    qtbot.keyClicks(field, "bridge")
    qtbot.waitUntil(lambda: marked_texts(reader) == ["bridge", "bridge"])
    assert reader.hit_navigator.counter.text() == "1 of 2"
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert reader.hit_navigator.counter.text() == "2 of 2"

    qtbot.keyClick(field, Qt.Key.Key_Escape)
    assert not reader.find_bar.isVisible()
    assert marked_texts(reader) == ["Stepanakert"]


def test_several_words_found_in_the_source_are_found_as_a_phrase(
    reader: ReaderPane, store_document: StoreDocument, qtbot: QtBot
) -> None:
    reader.show_source(store_document(article()), "")
    reader.text_reader.view.setFocus()
    qtbot.keyClick(reader.text_reader.view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)

    qtbot.keyClicks(reader.find_bar.field, "road out of Stepanakert")
    qtbot.waitUntil(lambda: bool(marked_texts(reader)))
    assert marked_texts(reader) == ["road out of Stepanakert"]
    assert reader.hit_navigator.counter.text() == "1 of 1"


def test_the_counter_reads_in_full_and_says_when_only_the_title_matches(
    reader: ReaderPane, store_document: StoreDocument
) -> None:
    source_id = store_document(article())
    reader.resize(320, 600)
    reader.show_source(source_id, "ceasefire")
    counter = reader.hit_navigator.counter
    assert counter.width() >= counter.fontMetrics().horizontalAdvance(counter.text())

    reader.show_source(source_id, "Thousands")
    assert counter.text() == "Only in the title"
    assert counter.width() >= counter.fontMetrics().horizontalAdvance(counter.text())
    assert reader.text_reader.view.marks("search") == []


@pytest.mark.parametrize(
    ("content", "first_shown"),
    [
        ("Notes from the checkpoint\n\nThe road was closed at dawn.", "The road was closed"),
        ("Notes from the checkpoint\nThe road was closed at dawn.", "The road was closed"),
    ],
)
def test_a_text_files_title_is_not_repeated_as_its_first_line(
    reader: ReaderPane, archive: Archive, tmp_path: Path, content: str, first_shown: str
) -> None:
    path = tmp_path / "notes.txt"
    path.write_text(content, encoding="utf-8")
    source_id = import_one(archive, path)
    source = archive.get(source_id)
    assert source.title == "Notes from the checkpoint"
    assert source.body.startswith("Notes from the checkpoint")

    reader.show_source(source_id, "road")
    view = reader.text_reader.view
    assert reader.header.title.text() == "Notes from the checkpoint"
    assert view.document().toPlainText().strip().startswith(first_shown)
    assert "checkpoint" not in view.document().toPlainText()
    assert marked_texts(reader) == ["road"]
    reading = view.reading
    assert reading is not None
    start = source.body.index("closed")
    cursor = view.textCursor()
    cursor.setPosition(reading.body_position(start))
    cursor.setPosition(reading.body_position(start + 6), QTextCursor.MoveMode.KeepAnchor)
    view.setTextCursor(cursor)
    assert view.selected_body_range() == (start, start + 6)


def test_selected_text_maps_back_to_body_offsets(
    reader: ReaderPane, archive: Archive, store_document: StoreDocument
) -> None:
    source_id = store_document(article())
    reader.show_source(source_id)
    view = reader.text_reader.view
    body = archive.get(source_id).body
    reading = view.reading
    assert reading is not None
    start = body.index(LATER)
    cursor = view.textCursor()
    cursor.setPosition(reading.body_position(start))
    cursor.setPosition(reading.body_position(start + 11), QTextCursor.MoveMode.KeepAnchor)
    view.setTextCursor(cursor)

    assert view.selected_body_range() == (start, start + 11)
    assert body[start : start + 11] == "Azerbaijan "


def test_extraction_notes_are_shown_as_a_notice(
    reader: ReaderPane, store_document: StoreDocument
) -> None:
    source_id = store_document(article(notes=["Part of the page could not be read."]))
    reader.show_source(source_id)

    assert reader.notice.isVisible()
    assert "could not be read" in reader.notice.text.text()
    reader.show_source(
        store_document(article(title="Other", notes=[], blocks=[Block("paragraph", "x y")]))
    )
    assert reader.notice.isHidden()


def test_nothing_or_a_deleted_source_clears_the_reader(
    reader: ReaderPane, archive: Archive, store_document: StoreDocument
) -> None:
    source_id = store_document(article())
    reader.show_source(source_id, "bridge")
    reader.show_source(None)
    assert reader.current_view() is reader.empty
    assert reader.source_id is None

    archive.delete_sources([source_id])
    reader.show_source(source_id)
    assert "no longer in the archive" in reader.empty.text()


def test_hit_colours_follow_a_dark_palette(reader: ReaderPane) -> None:
    light = ReaderColors.of(reader.palette())
    dark_palette = QPalette(reader.palette())
    dark_palette.setColor(QPalette.ColorRole.Base, QColor("#1e1e1e"))
    dark_palette.setColor(QPalette.ColorRole.Text, QColor("#e6e6e6"))
    dark = ReaderColors.of(dark_palette)

    assert dark.hit.background.lightness() < light.hit.background.lightness()
    assert dark.hit.foreground.lightness() > dark.hit.background.lightness()


# PDFs


def test_a_pdf_opens_on_the_page_of_the_first_match(
    reader: ReaderPane, store_document: StoreDocument, tmp_path: Path, qtbot: QtBot
) -> None:
    path = tmp_path / "report.pdf"
    write_pdf(path, PDF_PAGES)
    source_id = store_document(pdf_document(PDF_PAGES), original=path)
    reader.show_source(source_id, "xankendi")
    pdf = reader.pdf_reader

    assert reader.current_view() is pdf
    assert pdf.document.pageCount() == 4
    qtbot.waitUntil(lambda: pdf.current_page() == 3)
    assert pdf.page_spin.value() == 3
    assert pdf.search_model.searchString() == "Xankəndi"
    assert reader.hit_navigator.counter.text() == "1 of 1"
    assert "4 pages" in reader.header.byline.text()


def test_pdf_pages_are_turned_and_zoomed_from_the_keyboard(
    reader: ReaderPane, store_document: StoreDocument, tmp_path: Path, qtbot: QtBot
) -> None:
    path = tmp_path / "report.pdf"
    write_pdf(path, PDF_PAGES)
    reader.show_source(store_document(pdf_document(PDF_PAGES), original=path))
    pdf = reader.pdf_reader

    pdf.page_spin.setFocus()
    pdf.page_spin.selectAll()
    qtbot.keyClicks(pdf.page_spin, "2")
    qtbot.keyClick(pdf.page_spin, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: pdf.current_page() == 2)

    fitted = pdf.zoom_factor()
    pdf.page_view.setFocus()
    qtbot.keyClick(pdf.page_view, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    assert pdf.zoom_factor() == pytest.approx(fitted * 1.25, rel=0.01)
    assert pdf.zoom_label.text().endswith("%")
    ctrl_wheel(pdf.page_view.viewport(), notches=-1)
    assert pdf.zoom_factor() == pytest.approx(fitted, rel=0.01)
    qtbot.keyClick(pdf.page_view, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert pdf.zoom_label.text() == "Fit"


def test_the_extracted_text_of_a_pdf_can_be_read_instead_of_its_pages(
    reader: ReaderPane, store_document: StoreDocument, tmp_path: Path, qtbot: QtBot
) -> None:
    path = tmp_path / "report.pdf"
    write_pdf(path, PDF_PAGES)
    reader.show_source(store_document(pdf_document(PDF_PAGES), original=path), "hakari")
    pdf = reader.pdf_reader

    qtbot.mouseClick(reader.findChild(QToolButton, "pdfTextButton"), Qt.MouseButton.LeftButton)
    assert pdf.showing_text
    view = pdf.text_reader.view
    assert "PAGE 3" in view.document().toPlainText()
    cursor = QTextCursor(view.document())
    ((start, end),) = view.marks("search")
    cursor.setPosition(start)
    cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
    assert cursor.selectedText() == "Hakari"


def test_a_pdf_with_a_password_shows_its_extracted_text_with_a_note(
    reader: ReaderPane, store_document: StoreDocument, tmp_path: Path
) -> None:
    plain = tmp_path / "plain.pdf"
    write_pdf(plain, PDF_PAGES)
    locked = tmp_path / "locked.pdf"
    writer = PdfWriter(clone_from=PdfReader(plain))
    writer.encrypt("secret", algorithm="AES-128")
    with locked.open("wb") as handle:
        writer.write(handle)
    reader.show_source(store_document(pdf_document(PDF_PAGES), original=locked), "hakari")
    pdf = reader.pdf_reader

    assert pdf.showing_text
    assert "password" in reader.notice.text.text()
    assert "text extracted" in reader.notice.text.text()
    assert not pdf.text_action.isEnabled()
    assert reader.hit_navigator.counter.text() == "1 of 1"


# Images


def test_an_image_shows_fitted_with_its_caption_and_metadata(
    reader: ReaderPane, archive: Archive, tmp_path: Path, qtbot: QtBot
) -> None:
    path = make_photo(
        tmp_path / "in",
        "bridge.jpg",
        caption="Refugees cross the Hakari bridge toward Kornidzor.",
        artist="Anna Petrosyan",
        copyright="Photo agency 2023",
    )
    source_id = import_one(archive, path)
    images = reader.image_reader
    with qtbot.waitSignal(images.pictureShown):
        reader.show_source(source_id, "hakari")

    assert reader.current_view() is images
    assert images.canvas.picture_size.width() == 1200
    assert images.canvas.fitted
    assert images.canvas.zoom_factor() < 1
    caption = images.details.caption.text()
    assert "Hakari" in caption
    assert "background-color" in caption
    assert images.details.credit.text() == "Anna Petrosyan"
    facts = {
        label.accessibleName(): label.text()
        for label in images.details.facts_box.findChildren(QLabel)
        if label.accessibleName()
    }
    assert facts["Copyright"] == "Photo agency 2023"
    assert facts["Size"] == "1200 × 800 pixels"


def test_an_image_zooms_with_keys_and_the_ctrl_wheel(
    reader: ReaderPane, archive: Archive, tmp_path: Path, qtbot: QtBot
) -> None:
    source_id = import_one(archive, make_photo(tmp_path / "in", "wide.jpg", size=(2400, 1600)))
    images = reader.image_reader
    with qtbot.waitSignal(images.pictureShown):
        reader.show_source(source_id)
    canvas = images.canvas
    fitted = canvas.zoom_factor()
    canvas.setFocus()

    qtbot.keyClick(canvas, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    assert canvas.zoom_factor() == pytest.approx(fitted * 1.25)
    assert images.zoom_label.text() == f"{round(fitted * 125)} %"
    qtbot.keyClick(canvas, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(canvas, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert canvas.zoom_factor() == pytest.approx(fitted / 1.25)

    ctrl_wheel(canvas.viewport(), notches=1)
    assert canvas.zoom_factor() == pytest.approx(fitted)

    qtbot.keyClick(canvas, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert canvas.fitted
    assert images.zoom_label.text() == "Fit"


def test_an_image_is_shown_the_right_way_up(
    reader: ReaderPane, archive: Archive, tmp_path: Path, qtbot: QtBot
) -> None:
    source_id = import_one(
        archive, make_photo(tmp_path / "in", "turned.jpg", size=(300, 200), orientation=6)
    )
    with qtbot.waitSignal(reader.image_reader.pictureShown):
        reader.show_source(source_id)

    size = reader.image_reader.canvas.picture_size
    assert (size.width(), size.height()) == (200, 300)


def test_an_image_lists_the_articles_it_appears_in_and_opens_one(
    reader: ReaderPane, figure: tuple[int, int], qtbot: QtBot
) -> None:
    photo_id, article_id = figure
    with qtbot.waitSignal(reader.image_reader.pictureShown):
        reader.show_source(photo_id)
    details = reader.image_reader.details
    links = [w for w in details.findChildren(QLabel) if w.objectName() == "appearanceLink"]
    assert len(links) == 1
    assert "Thousands leave Stepanakert" in links[0].text()
    said = [w.text() for w in details.findChildren(QLabel, "appearanceCaption")]
    assert said == ["Refugees cross the Hakari bridge toward Kornidzor. Photo: Photo agency"]

    with qtbot.waitSignal(reader.openSourceRequested) as opened:
        qtbot.mouseClick(links[0], Qt.MouseButton.LeftButton, pos=QPoint(6, links[0].height() // 2))
    assert opened.args == [article_id]


def test_a_picture_qt_cannot_decode_says_so(
    reader: ReaderPane, archive: Archive, tmp_path: Path, qtbot: QtBot
) -> None:
    source_id = import_one(archive, make_photo(tmp_path / "in", "gone.jpg"))
    original = archive.original_path(archive.get(source_id))
    original.chmod(0o644)
    original.write_bytes(b"not a picture any more")
    with qtbot.waitSignal(reader.image_reader.pictureShown):
        reader.show_source(source_id)

    assert "cannot be shown" in reader.notice.text.text()
    assert "thumbnail" in reader.notice.text.text()
