"""The inspector, driven as a person would: edit fields, undo, read the provenance."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtCore import QObject, Qt, QUrl, Slot
from PySide6.QtGui import QDesktopServices, QGuiApplication, QKeySequence, QUndoStack
from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton, QToolButton, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from archive_app.core.archive import Archive
from archive_app.gui.editing import Edits
from archive_app.gui.inspector import InspectorPane
from archive_app.importers.document import Block, ExtractedDocument
from tests.helpers import dump_database

StoreDocument = Callable[..., int]


class Host(QWidget):
    """The inspector in a window with Edit ▸ Undo and Redo, as the main window has them."""

    def __init__(self, archive: Archive) -> None:
        super().__init__()
        self.undo_stack = QUndoStack(self)
        undo = self.undo_stack.createUndoAction(self)
        undo.setShortcut(QKeySequence(QKeySequence.StandardKey.Undo))
        redo = self.undo_stack.createRedoAction(self)
        redo.setShortcut(QKeySequence(QKeySequence.StandardKey.Redo))
        self.addActions([undo, redo])
        self.edits = Edits(self.undo_stack, self)
        self.errors: list[BaseException] = []
        self.edits.failed.connect(self.errors.append)
        self.inspector = InspectorPane(archive, self.edits, self)
        self.elsewhere = QPushButton("Elsewhere", self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.inspector)
        layout.addWidget(self.elsewhere)


class UrlCatcher(QObject):
    """Stands in for the desktop: records the addresses the program asks it to open."""

    def __init__(self) -> None:
        super().__init__()
        self.opened: list[QUrl] = []

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:
        self.opened.append(url)


@pytest.fixture
def host(qtbot: QtBot, archive: Archive) -> Host:
    window = Host(archive)
    qtbot.addWidget(window)
    window.resize(420, 900)
    window.show()
    qtbot.waitExposed(window)
    return window


@pytest.fixture
def urls() -> Iterator[UrlCatcher]:
    catcher = UrlCatcher()
    for scheme in ("file", "https"):
        QDesktopServices.setUrlHandler(scheme, catcher, "open")
    yield catcher
    for scheme in ("file", "https"):
        QDesktopServices.unsetUrlHandler(scheme)


@pytest.fixture
def shown_report(host: Host, store_document: StoreDocument) -> int:
    """The :func:`report` stored and shown in the inspector; its id."""
    source_id = store_document(report())
    host.inspector.show_source(source_id)
    return source_id


def report(**overrides: object) -> ExtractedDocument:
    fields: dict[str, object] = {
        "kind": "article",
        "title": "Thousands leave as road opens",
        "authors": ["Staff reporter"],
        "site_name": "Wire service",
        "published": "2023-09-25",
        "source_url": "https://wire.example/2023/09/25/road",
        "language": "en",
        "blocks": [Block("paragraph", "Cars queued for hours on the only road out.")],
    }
    fields.update(overrides)
    return ExtractedDocument(**fields)  # type: ignore[arg-type]


def field(host: Host, name: str) -> QLineEdit:
    found = host.inspector.findChild(QLineEdit, f"{name}Field")
    assert found is not None
    return found


def replace_text(qtbot: QtBot, line: QLineEdit, text: str) -> None:
    line.setFocus()
    line.selectAll()
    qtbot.keyClicks(line, text)


def test_editing_the_title_applies_on_enter_is_searchable_and_undone_by_ctrl_z(
    host: Host, archive: Archive, shown_report: int, qtbot: QtBot
) -> None:
    source_id = shown_report
    title = field(host, "title")
    assert title.text() == "Thousands leave as road opens"

    replace_text(qtbot, title, "Exodus over the Hakari bridge")
    assert archive.get(source_id).title == "Thousands leave as road opens"
    with qtbot.waitSignal(host.inspector.sourceChanged) as changed:
        qtbot.keyClick(title, Qt.Key.Key_Return)
    assert changed.args == [source_id]
    assert archive.get(source_id).title == "Exodus over the Hakari bridge"
    assert [hit.id for hit in archive.search("exodus").hits] == [source_id]
    assert host.undo_stack.count() == 1

    host.elsewhere.setFocus()
    with qtbot.waitSignal(host.inspector.sourceChanged):
        qtbot.keyClick(host.elsewhere, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert archive.get(source_id).title == "Thousands leave as road opens"
    assert title.text() == "Thousands leave as road opens"
    assert archive.search("exodus").hits == []

    with qtbot.waitSignal(host.inspector.sourceChanged):
        host.undo_stack.redo()
    assert archive.get(source_id).title == "Exodus over the Hakari bridge"
    assert title.text() == "Exodus over the Hakari bridge"


def test_a_bad_published_date_is_refused_with_a_message_and_changes_nothing(
    host: Host, archive: Archive, shown_report: int, qtbot: QtBot
) -> None:
    source_id = shown_report
    before = dump_database(archive)
    published = field(host, "published")

    replace_text(qtbot, published, "2023-13-45")
    qtbot.keyClick(published, Qt.Key.Key_Return)

    error = host.inspector.findChild(QLabel, "publishedError")
    assert error is not None
    assert error.isVisible()
    assert "not a date" in error.text()
    assert published.text() == "2023-13-45"
    assert dump_database(archive) == before
    assert host.undo_stack.count() == 0

    replace_text(qtbot, published, "2023-9")
    qtbot.keyClick(published, Qt.Key.Key_Return)
    assert not error.isVisible()
    assert archive.get(source_id).published == "2023-09"
    assert published.text() == "September 2023"


def test_dates_are_shown_and_typed_as_people_write_them(
    host: Host, archive: Archive, store_document: StoreDocument, qtbot: QtBot
) -> None:
    source_id = store_document(report(published="2019-11-19T02:34:30+00:00"))
    host.inspector.show_source(source_id)
    published = field(host, "published")
    assert published.text() == "19 November 2019"

    replace_text(qtbot, published, "19 September 2023")
    qtbot.keyClick(published, Qt.Key.Key_Return)
    assert archive.get(source_id).published == "2023-09-19"
    assert published.text() == "19 September 2023"


def test_an_empty_title_is_refused(
    host: Host, archive: Archive, shown_report: int, qtbot: QtBot
) -> None:
    source_id = shown_report
    title = field(host, "title")

    title.setFocus()
    title.selectAll()
    qtbot.keyClick(title, Qt.Key.Key_Delete)
    qtbot.keyClick(title, Qt.Key.Key_Return)

    error = host.inspector.findChild(QLabel, "titleError")
    assert error is not None
    assert "needs a title" in error.text()
    assert archive.get(source_id).title == "Thousands leave as road opens"


def test_edits_are_committed_when_the_focus_leaves_not_per_keystroke(
    host: Host, archive: Archive, shown_report: int, qtbot: QtBot
) -> None:
    source_id = shown_report
    authors = field(host, "authors")

    replace_text(qtbot, authors, "Ani Grigoryan, Rauf Mammadov")
    assert archive.get(source_id).authors == ["Staff reporter"]
    qtbot.keyClick(authors, Qt.Key.Key_Tab)

    assert archive.get(source_id).authors == ["Ani Grigoryan", "Rauf Mammadov"]
    assert host.undo_stack.count() == 1


def test_escape_puts_the_stored_value_back(
    host: Host, archive: Archive, shown_report: int, qtbot: QtBot
) -> None:
    source_id = shown_report
    site = field(host, "site_name")

    replace_text(qtbot, site, "Somewhere else")
    qtbot.keyClick(site, Qt.Key.Key_Escape)
    host.elsewhere.setFocus()

    assert site.text() == "Wire service"
    assert archive.get(source_id).site_name == "Wire service"
    assert host.undo_stack.count() == 0


def test_notes_take_several_lines_and_are_saved_when_the_focus_leaves(
    host: Host, archive: Archive, shown_report: int, qtbot: QtBot
) -> None:
    source_id = shown_report
    notes = host.inspector.form.notes

    notes.setFocus()
    qtbot.keyClicks(notes, "Compare with the *ministry* statement.")
    qtbot.keyClick(notes, Qt.Key.Key_Return)
    qtbot.keyClicks(notes, "- casualty figures differ")
    qtbot.keyClick(notes, Qt.Key.Key_Tab)

    expected = "Compare with the *ministry* statement.\n- casualty figures differ"
    assert archive.get(source_id).notes == expected


def test_changing_source_keeps_what_was_typed_for_the_previous_one(
    host: Host, archive: Archive, store_document: StoreDocument, qtbot: QtBot
) -> None:
    first = store_document(report())
    second = store_document(report(title="Another report"))
    host.inspector.show_source(first)
    replace_text(qtbot, field(host, "language"), "hy")

    host.inspector.show_source(second)

    assert archive.get(first).language == "hy"
    assert field(host, "title").text() == "Another report"


def test_the_url_opens_in_the_browser(
    host: Host, store_document: StoreDocument, urls: UrlCatcher, qtbot: QtBot
) -> None:
    host.inspector.show_source(store_document(report()))
    button = host.inspector.findChild(QToolButton, "openUrlButton")
    assert button is not None

    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)

    assert urls.opened == [QUrl("https://wire.example/2023/09/25/road")]


def test_provenance_is_shown_and_the_original_and_its_folder_open(
    host: Host, archive: Archive, store_document: StoreDocument, urls: UrlCatcher, qtbot: QtBot
) -> None:
    source_id = store_document(report())
    source = archive.get(source_id)
    sha256 = source.provenance.sha256
    host.inspector.show_source(source_id)
    inspector = host.inspector

    def text_of(name: str) -> str:
        label = inspector.findChild(QLabel, name)
        assert label is not None
        return label.text()

    assert text_of("originalName") == source.provenance.original_name
    checksum = inspector.findChild(QLabel, "checksum")
    assert checksum is not None
    assert checksum.text() == f"{sha256[:12]}…{sha256[-4:]}"
    assert checksum.toolTip() == sha256
    assert text_of("importerVersion") == "test"
    assert "bytes" in text_of("originalSize")
    assert text_of("importedAt")

    qtbot.mouseClick(
        inspector.findChild(QToolButton, "copyChecksumButton"), Qt.MouseButton.LeftButton
    )
    assert QGuiApplication.clipboard().text() == sha256

    original = archive.original_path(source)
    qtbot.mouseClick(
        inspector.findChild(QPushButton, "openOriginalButton"), Qt.MouseButton.LeftButton
    )
    qtbot.mouseClick(
        inspector.findChild(QPushButton, "showInFolderButton"), Qt.MouseButton.LeftButton
    )
    assert urls.opened == [
        QUrl.fromLocalFile(str(original)),
        QUrl.fromLocalFile(str(original.parent)),
    ]


def test_events_perspectives_and_tags_are_shown_as_chips(
    host: Host, archive: Archive, store_document: StoreDocument
) -> None:
    source_id = store_document(report())
    archive.events.create("September offensive", start="2023-09-19", end="2023-09-20")
    archive.perspectives.create("International wire", color="#1565c0")
    archive.assignments.add_to_sources(
        [source_id],
        events=["September offensive"],
        perspectives=["International wire"],
        tags=["displacement", "Lachin corridor"],
    )
    host.inspector.show_source(source_id)
    research = host.inspector.research

    assert research.events.names() == ["September offensive"]
    assert research.perspectives.names() == ["International wire"]
    assert research.tags.names() == ["displacement", "Lachin corridor"]
    chip = research.perspectives.findChildren(QWidget, "chip")[0]
    assert chip.color.name() == "#1565c0"


def test_in_a_narrow_inspector_rows_grow_with_their_chips_and_nothing_is_cut_off(
    host: Host, archive: Archive, store_document: StoreDocument, qtbot: QtBot
) -> None:
    source_id = store_document(report())
    for name in (
        "September 2023 offensive in Nagorno-Karabakh",
        "Exodus over the Hakari bridge to Armenia",
    ):
        archive.events.create(name, start="2023-09-19")
    archive.assignments.add_to_sources(
        [source_id], events=[e.id for e in archive.events.all()], tags=["displacement"]
    )
    host.resize(250, 900)
    host.inspector.show_source(source_id)
    research = host.inspector.research
    viewport = host.inspector.scroller.viewport()
    qtbot.waitUntil(research.events.add_button.isVisible)

    def span(widget: QWidget) -> tuple[int, int, int, int]:
        top_left = widget.mapTo(viewport, widget.rect().topLeft())
        return top_left.x(), top_left.y(), widget.width(), widget.height()

    wanted = [
        *research.events.findChildren(QWidget, "chip"),
        research.events.add_button,
        research.tags.chip("displacement"),
        *host.inspector.provenance.findChildren(QPushButton),
    ]
    for widget in wanted:
        x, _y, width, _height = span(widget)
        assert x >= 0 and x + width <= viewport.width(), widget.accessibleName() or widget

    def add_button_inside_its_row() -> bool:  # the row grows once the layout has settled
        _x, events_top, _w, events_height = span(research.events)
        _x, add_top, _w, add_height = span(research.events.add_button)
        return add_top + add_height <= events_top + events_height

    qtbot.waitUntil(add_button_inside_its_row)
    _x, events_top, _w, events_height = span(research.events)
    assert events_top + events_height <= span(research.perspectives)[1]


def test_a_photo_shows_what_it_says_about_itself(
    host: Host, archive: Archive, tmp_path: Path
) -> None:
    exif = Image.Exif()
    exif[0x010E] = "Refugees cross the Hakari bridge."
    exif[0x013B] = "Anna Petrosyan"
    exif[0x8298] = "Photo agency 2023"
    path = tmp_path / "bridge.jpg"
    Image.new("RGB", (64, 48), (90, 120, 150)).save(path, exif=exif.tobytes())
    report_ = archive.import_paths([path])
    source_id = report_.imported[0].source_id
    host.inspector.show_source(source_id)
    inspector = host.inspector

    assert inspector.photo_section.isVisible()
    facts = {
        label.accessibleName(): label.text()
        for label in inspector.photo.findChildren(QLabel)
        if label.accessibleName()
    }
    assert facts["Caption"] == "Refugees cross the Hakari bridge."
    assert facts["Creator"] == "Anna Petrosyan"
    assert facts["Copyright"] == "Photo agency 2023"


def test_no_source_shows_an_empty_inspector(host: Host, store_document: StoreDocument) -> None:
    host.inspector.show_source(store_document(report()))
    host.inspector.show_source(None)

    assert host.inspector.source_id is None
    assert host.inspector.empty.isVisible()


@pytest.mark.qt_log_ignore("This plugin does not support")  # the completer's list is a popup
def test_a_new_perspective_typed_in_the_inspector_is_described_first_or_not_made(
    host: Host,
    archive: Archive,
    store_document: StoreDocument,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from archive_app.gui import research_dialogs
    from archive_app.gui.research_dialogs import PerspectiveFields

    source_id = store_document(report())
    host.inspector.show_source(source_id)
    perspectives = host.inspector.research.perspectives
    answers = iter([None, PerspectiveFields("Op-ed", "Opinion pieces", "#7b1fa2")])
    monkeypatch.setattr(
        research_dialogs, "ask_perspective", lambda _parent, _title, _fields: next(answers)
    )
    before = dump_database(archive)
    for attempt in range(2):
        qtbot.mouseClick(perspectives.add_button, Qt.MouseButton.LeftButton)
        qtbot.keyClicks(perspectives.entry, "Op-ed")
        qtbot.keyClick(perspectives.entry, Qt.Key.Key_Return)
        if attempt == 0:
            assert dump_database(archive) == before
            assert host.undo_stack.count() == 0
    qtbot.waitUntil(lambda: perspectives.names() == ["Op-ed"])
    assert perspectives.chip("Op-ed").color is not None
    assert perspectives.chip("Op-ed").color.name() == "#7b1fa2"
    assert archive.perspectives.get("Op-ed").description == "Opinion pieces"
    assert host.undo_stack.count() == 1
    host.undo_stack.undo()
    qtbot.waitUntil(lambda: perspectives.names() == [])
    assert archive.perspectives.all() == []
    assert host.errors == []
