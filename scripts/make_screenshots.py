"""Build a sample archive from resources/sample/ and render the README's screenshots.

    python scripts/make_screenshots.py [--out docs/screenshots] [--scale 1]

Draws the sample photos (resources/sample/photos/, with captions and credits in EXIF and XMP),
imports the sample articles, notes and photos into a new archive in a temporary folder, adds
events, perspectives and tags as a researcher would, and renders the windows offscreen with
``QWidget.grab()``: the main window with a search, the image grid, the import report, the
welcome view, and the research views (compare, timeline, alias editor).
"""

from __future__ import annotations

import argparse
import math
import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PIL import Image, ImageDraw, ImageFilter

if TYPE_CHECKING:
    from PySide6.QtGui import QPalette

    from archive_app.core.archive import Archive
    from archive_app.core.importing import ImportReport
    from archive_app.gui.main_window import MainWindow
    from archive_app.gui.settings import AppSettings

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "resources" / "sample"
WINDOW_SIZE = (1440, 880)
TIMELINE_WINDOW_HEIGHT = 1060  # the timeline docked under panes of the usual height

Scene = Callable[[ImageDraw.ImageDraw, int, int], None]


# The photos: simple drawn scenes, each with the caption and credit a photo agency would embed


def _sky(draw: ImageDraw.ImageDraw, width: int, height: int, top: tuple[int, int, int]) -> None:
    for y in range(height):
        shade = y / height
        draw.line(
            [(0, y), (width, y)],
            fill=tuple(int(c + (235 - c) * shade) for c in top),  # type: ignore[arg-type]
        )


def _mountains(draw: ImageDraw.ImageDraw, width: int, base: int, color: tuple[int, ...]) -> None:
    points = [(0, base)]
    for step in range(0, width + 80, 80):
        points.append((step, base - 90 - int(60 * math.sin(step / 130.0)) - (step * 7) % 50))
    points.append((width, base + 400))
    points.append((0, base + 400))
    draw.polygon(points, fill=color)


def _car(draw: ImageDraw.ImageDraw, x: int, y: int, color: tuple[int, int, int]) -> None:
    draw.rounded_rectangle((x, y, x + 46, y + 18), 5, fill=color)
    draw.rounded_rectangle((x + 9, y - 11, x + 35, y + 2), 4, fill=color)
    draw.rectangle((x + 12, y - 8, x + 32, y - 1), fill=(200, 220, 235))
    draw.rectangle((x + 4, y - 6, x + 42, y - 2), outline=(60, 60, 60), width=1)
    for wheel in (x + 10, x + 36):
        draw.ellipse((wheel - 6, y + 12, wheel + 6, y + 24), fill=(30, 30, 30))


def bridge_convoy(draw: ImageDraw.ImageDraw, width: int, height: int) -> None:
    _sky(draw, width, height, (120, 160, 205))
    _mountains(draw, width, 330, (96, 118, 92))
    draw.rectangle((0, 470, width, height), fill=(70, 96, 120))  # the river
    draw.polygon([(0, 430), (width, 395), (width, 425), (0, 462)], fill=(120, 120, 118))
    for x in range(40, width, 95):  # the bridge's piers and rail
        top = 430 - x * 35 // width
        draw.rectangle((x, top + 28, x + 14, height), fill=(105, 104, 100))
    draw.line([(0, 426), (width, 391)], fill=(80, 80, 80), width=3)
    colors = [(190, 40, 40), (240, 240, 235), (40, 70, 140), (90, 90, 90), (220, 180, 40)]
    for index, x in enumerate(range(20, width - 60, 66)):
        _car(draw, x, 408 - x * 35 // width, colors[index % len(colors)])


def checkpoint_tents(draw: ImageDraw.ImageDraw, width: int, height: int) -> None:
    _sky(draw, width, height, (150, 175, 200))
    _mountains(draw, width, 300, (120, 128, 100))
    draw.rectangle((0, 360, width, height), fill=(150, 140, 110))
    for x in (80, 330, 580):
        draw.polygon([(x, 470), (x + 110, 370), (x + 220, 470)], fill=(235, 235, 225))
        draw.polygon([(x + 90, 470), (x + 110, 420), (x + 130, 470)], fill=(120, 110, 90))
        draw.rectangle((x + 100, 350, x + 140, 362), fill=(200, 30, 40))
    for n in range(14):  # people queueing
        x = 60 + n * 52
        y = 520 + (n % 3) * 8
        draw.ellipse((x, y - 48, x + 16, y - 32), fill=(90, 70, 55))
        draw.rounded_rectangle((x - 4, y - 32, x + 20, y + 8), 6, fill=colors_of(n))


def colors_of(n: int) -> tuple[int, int, int]:
    return [(60, 80, 140), (140, 50, 50), (70, 110, 70), (120, 100, 60)][n % 4]


def city_on_hills(draw: ImageDraw.ImageDraw, width: int, height: int) -> None:
    _sky(draw, width, height, (220, 150, 110))
    _mountains(draw, width, 320, (110, 100, 110))
    draw.rectangle((0, 400, width, height), fill=(95, 110, 80))
    for index, x in enumerate(range(30, width - 40, 48)):
        tall = 60 + (index * 37) % 120
        draw.rectangle((x, 420 - tall, x + 38, 430), fill=(205, 195, 180))
        for row in range(420 - tall + 10, 420, 18):
            for column in (x + 7, x + 22):
                draw.rectangle((column, row, column + 8, row + 9), fill=(120, 130, 150))


def mountain_road(draw: ImageDraw.ImageDraw, width: int, height: int) -> None:
    _sky(draw, width, height, (110, 150, 200))
    _mountains(draw, width, 260, (90, 110, 95))
    _mountains(draw, width, 380, (70, 95, 70))
    road = [(width // 2 - 20, 330), (width // 2 + 20, 330), (width - 80, height), (80, height)]
    draw.polygon(road, fill=(95, 95, 95))
    for y in range(350, height, 40):
        draw.rectangle((width // 2 - 3, y, width // 2 + 3, y + 18), fill=(240, 220, 90))
    _car(draw, width // 2 - 70, 470, (230, 230, 230))
    _car(draw, width // 2 + 30, 400, (40, 80, 150))


# Where each photo goes under resources/sample/: the bridge photo is saved with the wire story
# that shows it (a browser's "Web page, complete" folder), so the reader shows it in the article.
PHOTOS: dict[str, tuple[Scene, str, str, str]] = {
    "articles/wire-exodus-2023-09-25_files/hakari-bridge-convoy.jpg": (
        bridge_convoy,
        "Cars queue on the approach to the Hakari bridge as people leave Nagorno-Karabakh for "
        "Armenia, 25 September 2023.",
        "Sample Photo Agency",
        "2023:09:25 16:40:00",
    ),
    "photos/kornidzor-registration.jpg": (
        checkpoint_tents,
        "Volunteers register arrivals from Stepanakert at the Kornidzor centre, 28 September 2023.",
        "R. Demir",
        "2023:09:28 10:15:00",
    ),
    "photos/khankendi-view.jpg": (
        city_on_hills,
        "A view of Khankendi at dusk, two days after the ceasefire.",
        "Caspian State News",
        "2023:09:22 19:05:00",
    ),
    "photos/lachin-road.jpg": (
        mountain_road,
        "The road through the Lachin corridor, the only route from the region to Armenia.",
        "Meridian Wire",
        "2023:09:24 08:30:00",
    ),
}


def write_photos(folder: Path) -> list[Path]:
    """Draw the sample photos with their captions, credits and dates embedded."""
    paths = []
    for name, (scene, caption, credit, taken) in PHOTOS.items():
        image = Image.new("RGB", (960, 640))
        scene(ImageDraw.Draw(image), *image.size)
        image = image.filter(ImageFilter.SMOOTH)
        exif = Image.Exif()
        exif[0x010E] = caption  # ImageDescription
        exif[0x013B] = credit  # Artist
        exif.get_ifd(0x8769)[0x9003] = taken  # DateTimeOriginal
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        image.save(path, "JPEG", quality=86, exif=exif, xmp=_xmp(caption, credit))
        paths.append(path)
    return paths


def _xmp(caption: str, credit: str) -> bytes:
    return (
        '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF '
        'xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
        '<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" '
        'xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/">'
        f'<dc:description><rdf:Alt><rdf:li xml:lang="x-default">{caption}</rdf:li></rdf:Alt>'
        f"</dc:description><dc:creator><rdf:Seq><rdf:li>{credit}</rdf:li></rdf:Seq>"
        f'</dc:creator><dc:rights><rdf:Alt><rdf:li xml:lang="x-default">© 2023 {credit}'
        "</rdf:li></rdf:Alt></dc:rights>"
        f"<photoshop:Credit>{credit}</photoshop:Credit>"
        "</rdf:Description></rdf:RDF></x:xmpmeta>"
    ).encode()


# The sample archive


PERSPECTIVES = {
    "Azerbaijani government": "#2e7d32",
    "Armenian government": "#c62828",
    "International wire": "#1565c0",
    "Op-ed": "#7b1fa2",
}
# File name prefix → its perspective, events and tags.
LABELS = {
    "az-statement": ("Azerbaijani government", ["September offensive"], ["ceasefire terms"]),
    "az-news": ("Azerbaijani government", ["September offensive"], ["reintegration"]),
    "am-statement": ("Armenian government", ["September offensive"], ["casualties"]),
    "am-refugees": ("Armenian government", ["Exodus over the Hakari bridge"], ["displacement"]),
    "wire-ceasefire": ("International wire", ["September offensive"], ["ceasefire terms"]),
    "wire-exodus": ("International wire", ["Exodus over the Hakari bridge"], ["displacement"]),
    "oped": ("Op-ed", ["Exodus over the Hakari bridge", "Blockade of the Lachin corridor"], []),
    "field-notes": ("", ["Exodus over the Hakari bridge"], ["displacement"]),
    "hakari-bridge": ("International wire", ["Exodus over the Hakari bridge"], ["displacement"]),
    "kornidzor": ("", ["Exodus over the Hakari bridge"], ["displacement"]),
    "khankendi": ("Azerbaijani government", ["September offensive"], []),
    "lachin-road": ("International wire", ["Blockade of the Lachin corridor"], []),
}


def build_archive(folder: Path) -> Archive:
    from archive_app.core.archive import Archive

    archive = Archive.open(folder)
    conflict, _ = archive.events.create("Nagorno-Karabakh conflict", start="1988")
    war, _ = archive.events.create(
        "Second Karabakh War", parent=conflict.id, start="2020-09-27", end="2020-11-10"
    )
    archive.events.create("Battle of Shusha", parent=war.id, start="2020-11", end="2020-11")
    archive.events.create(
        "Blockade of the Lachin corridor", parent=conflict.id, start="2022-12", end="2023-09"
    )
    archive.events.create(
        "September offensive", parent=conflict.id, start="2023-09-19", end="2023-09-20"
    )
    archive.events.create(
        "Exodus over the Hakari bridge", parent=conflict.id, start="2023-09-24", end="2023-10-01"
    )
    for name, color in PERSPECTIVES.items():
        archive.perspectives.create(name, color=color)
    archive.aliases.add(
        ["Khankendi", "Stepanakert", "Xankəndi"],
        note="Khankendi and Xankəndi in Azerbaijani sources, Stepanakert in Armenian ones",
    )
    archive.aliases.add(["Shusha", "Shushi", "Şuşa"])
    archive.saved_searches.add("Khankendi / Stepanakert since 2023", "Stepanakert published:>2023")
    archive.saved_searches.add("The Hakari bridge", '"Hakari bridge"')
    return archive


def label_sources(archive: Archive, report: ImportReport) -> None:
    for outcome in report.imported:
        assert outcome.source_id is not None
        name = Path(outcome.path).name
        prefix = next((key for key in LABELS if name.startswith(key)), None)
        if prefix is None:
            continue
        perspective, events, tags = LABELS[prefix]
        archive.assignments.add_to_sources(
            [outcome.source_id],
            events=events,
            perspectives=[perspective] if perspective else [],
            tags=tags,
        )


# Rendering


def dark_palette() -> QPalette:
    """A dark desktop palette, to show that the window follows it."""
    from PySide6.QtGui import QColor, QPalette

    palette = QPalette()
    roles = QPalette.ColorRole
    for role, color in {
        roles.Window: "#2b2d30",
        roles.WindowText: "#e6e6e6",
        roles.Base: "#1e1f22",
        roles.AlternateBase: "#26282b",
        roles.Text: "#e6e6e6",
        roles.Button: "#35373b",
        roles.ButtonText: "#e6e6e6",
        roles.Highlight: "#2f65ca",
        roles.HighlightedText: "#ffffff",
        roles.ToolTipBase: "#3c3f41",
        roles.ToolTipText: "#e6e6e6",
        roles.PlaceholderText: "#8c8f94",
        roles.Mid: "#55585c",
        roles.Midlight: "#45484c",
        roles.Dark: "#1a1b1d",
        roles.Light: "#4a4d51",
        roles.Link: "#6ea8ff",
    }.items():
        palette.setColor(role, QColor(color))
    return palette


def settle(condition: Callable[[], bool], timeout: float = 60.0) -> None:
    """Run the event loop until ``condition`` holds, then a little longer for painting."""
    from PySide6.QtCore import QEventLoop, QTimer

    def turn() -> None:
        loop = QEventLoop()
        QTimer.singleShot(50, loop.quit)
        loop.exec()

    waited = 0.0
    while not condition():
        turn()
        waited += 0.05
        if waited > timeout:
            raise TimeoutError("the window did not get there in time")
    for _ in range(6):
        turn()


def open_window(archive: Archive, settings: AppSettings) -> MainWindow:
    from archive_app.gui.main_window import MainWindow

    window = MainWindow(archive, settings)
    window.resize(*WINDOW_SIZE)
    window.show()
    return window


def close_window(window: MainWindow) -> None:
    window.close()
    window.deleteLater()


def shoot_welcome(work: Path, settings: AppSettings, out: Path) -> None:
    empty = build_archive(work / "new" / "Karabakh 2023")
    window = open_window(empty, settings)
    settle(window.welcome.isVisible)
    window.grab().save(str(out / "welcome.png"))
    close_window(window)
    empty.close()


def import_samples(window: MainWindow, archive: Archive) -> None:
    """Import the sample folders, then label the sources as a researcher would."""
    window.import_paths([SAMPLE / "articles", SAMPLE / "notes", SAMPLE / "photos"])
    settle(lambda: window.import_report is not None)
    assert window.import_report is not None
    report = window.import_report.report
    assert not report.failed, report.failed
    window.import_report.close()
    label_sources(archive, report)
    window.refresh()


def shoot_import_report(window: MainWindow, work: Path, out: Path) -> None:
    """A second import: a new note, two files already there and two that fail."""
    incoming = work / "incoming"
    incoming.mkdir()
    (incoming / "scan-2023-09-30.pdf").write_bytes(b"%PDF-1.7\n1 0 obj <<>>\ntruncated")
    (incoming / "timeline.xlsx").write_bytes(b"PK\x03\x04 a spreadsheet")
    (incoming / "interview-goris-2023-09-30.md").write_text(
        "---\ntitle: Interview notes, Goris\nauthor: R. Demir\npublished: 2023-09-30\n---\n"
        "A family from Stepanakert describes thirty hours on the road to the Hakari bridge.\n",
        encoding="utf-8",
    )
    previous = window.import_report
    duplicates = [
        SAMPLE / "articles" / "oped-2023-10-10.html",
        *sorted(SAMPLE.glob("photos/*"))[:1],
    ]
    window.import_paths([incoming, *duplicates])
    settle(lambda: window.import_report is not previous)
    dialog = window.import_report
    assert dialog is not None
    dialog.resize(900, 320)
    settle(dialog.isVisible)
    dialog.grab().save(str(out / "import-report.png"))
    dialog.close()


def show_search(window: MainWindow, query: str, title_start: str) -> None:
    """Search as a person types, and open the hit whose title starts with ``title_start``."""
    from PySide6.QtCore import Qt

    window.search_bar.set_query(query)
    model = window.source_list.model
    settle(lambda: window.source_list.searching and model.rowCount() > 0)
    row = next(
        r for r in range(model.rowCount()) if model.index(r, 1).data().startswith(title_start)
    )
    source_id = model.source_id(row)
    window.source_list.select_ids([source_id])
    window.source_list.table.setFocus(Qt.FocusReason.OtherFocusReason)
    settle(lambda: window.reader.source_id == source_id)


def shoot_image_grid(window: MainWindow, out: Path) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from archive_app.gui.sources.model import THUMBNAIL_ROLE

    window.search_bar.clear()
    settle(lambda: not window.source_list.searching)
    images = window.sidebar.summary_model.index_of(("kind", "image"))
    position = window.sidebar.visualRect(images).center()
    QTest.mouseClick(window.sidebar.viewport(), Qt.MouseButton.LeftButton, pos=position)
    model = window.source_list.model
    settle(lambda: window.source_list.mode == "grid" and model.rowCount() == 4)
    window.source_list.select_ids([model.source_id(0)])
    settle(lambda: window.reader.source_id == model.source_id(0))
    settle(lambda: all(model.index(r, 0).data(THUMBNAIL_ROLE) for r in range(model.rowCount())))
    window.grab().save(str(out / "image-grid.png"))


# The research views: compare, timeline, aliases

# The passages a researcher marked: (title start, quote, note, the perspective the passage
# speaks for when it is not its source's). A wire story that relays Baku's position is marked
# "Azerbaijani government", so the compare view shows it under that perspective too.
PASSAGES = [
    (
        "Statement on local anti-terror",
        "Local anti-terror measures began today",
        "Baku's name for the offensive: measures against armed formations, not a war.",
        "",
    ),
    (
        "Statement on local anti-terror",
        "Civilians are not targets.",
        "Same morning, opposite claim.",
        "",
    ),
    (
        "Statement on the military aggression",
        "Azerbaijan has launched a large-scale military operation against the people of "
        "Nagorno-Karabakh.",
        "“Aggression” against a people, where Baku speaks of formations.",
        "",
    ),
    (
        "Statement on the military aggression",
        "an attempt at the ethnic cleansing of Nagorno-Karabakh",
        "First use of “ethnic cleansing” in these sources.",
        "",
    ),
    (
        "Ceasefire announced",
        "Officials in Stepanakert, the region's main city, which Azerbaijan calls Khankendi",
        "The wire gives both names.",
        "",
    ),
    (
        "Ceasefire announced",
        "what it called anti-terror measures",
        "Baku's term, kept at arm's length.",
        "Azerbaijani government",
    ),
    (
        "Xankəndi residents",
        "a second round of talks on reintegration",
        "“Reintegration”: the government's word for the talks.",
        "",
    ),
    (
        "Humanitarian situation",
        "More than 50,000 forcibly displaced people from Nagorno-Karabakh have crossed into "
        "Armenia since the opening of the road",
        "“Forcibly displaced”: the government's framing, and its count.",
        "",
    ),
    (
        "Humanitarian situation",
        "The people of Artsakh did not leave their homes by choice.",
        "Artsakh: the Armenian name for the region.",
        "",
    ),
    (
        "Thousands leave",
        "more than 6,600 people had crossed the Hakari bridge into Armenia by the evening",
        "Day one: 6,600. Two days later Yerevan counts 50,000.",
        "",
    ),
    (
        "Thousands leave",
        "Azerbaijan said residents would be offered reintegration and that roads were open in "
        "both directions.",
        "Baku's position, as the wire relays it.",
        "Azerbaijani government",
    ),
    (
        "Two days that ended",
        "Each side has its own word for what happened.",
        "The op-ed's thesis, and this archive's.",
        "",
    ),
    (
        "Two days that ended",
        "In Baku it is the restoration of sovereignty over Khankendi and the end of a separatist "
        "regime; in Yerevan it is ethnic cleansing and the loss of Stepanakert.",
        "",
        "",
    ),
    (
        "Field notes, Kornidzor",
        "nobody here says Khankendi",
        "What people on the road call the city.",
        "",
    ),
]
# Regions marked on photos: (title start, x, y, width, height, note).
REGIONS = [
    (
        "Volunteers register arrivals",
        0.05,
        0.55,
        0.9,
        0.3,
        "The registration queue; faces visible, ask before publishing.",
    ),
    ("A view of Khankendi", 0.0, 0.3, 1.0, 0.4, "State media's calm city, two days after."),
]


def annotate_for_comparison(archive: Archive) -> None:
    """Mark the passages where each side tells the offensive and the exodus in its own words."""
    from archive_app.core.annotations import Region

    titles = {archive.get(source_id).title: source_id for source_id in archive.source_ids()}

    def source(start: str) -> int:
        return next(source_id for title, source_id in titles.items() if title.startswith(start))

    for title, quote, note, perspective in PASSAGES:
        archive.annotations.add_quote(
            source(title), quote, note=note, perspectives=[perspective] if perspective else []
        )
    for title, x, y, width, height, note in REGIONS:
        archive.annotations.add_region(source(title), Region(x, y, width, height), note=note)


def choose_event(window: MainWindow, name: str) -> int:
    """Click an event in the sidebar, as a researcher would; its id."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    event_id = window.archive.events.get(name).id
    entry = window.sidebar.summary_model.index_of(("event", event_id))
    position = window.sidebar.visualRect(entry).center()
    QTest.mouseClick(window.sidebar.viewport(), Qt.MouseButton.LeftButton, pos=position)
    settle(lambda: window.source_list.view.key == event_id)
    return event_id


def shoot_compare(window: MainWindow, out: Path) -> None:
    """The exodus told four ways: the Azerbaijani side only as the wire relays it."""
    window.search_bar.clear()
    event_id = choose_event(window, "Exodus over the Hakari bridge")
    window.commands.compare.trigger()
    view = window.workspace.compare
    settle(lambda: view.comparison is not None and view.comparison.event.id == event_id)
    window.grab().save(str(out / "compare-view.png"))
    window.workspace.close_compare()


def shoot_timeline(window: MainWindow, out: Path) -> None:
    """The timeline docked under the panes, the exodus clicked and its sources listed."""
    from datetime import date

    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    dock = window.timeline_dock
    window.resize(WINDOW_SIZE[0], TIMELINE_WINDOW_HEIGHT)
    window.commands.timeline.trigger()
    window.resizeDocks([dock], [430], Qt.Orientation.Vertical)
    settle(lambda: bool(dock.view.timeline.rows))
    canvas = dock.view.canvas
    canvas.zoom_to(date(2023, 9, 14), date(2023, 10, 12))
    event_id = window.archive.events.get("Exodus over the Hakari bridge").id
    position = canvas.row_rect(event_id).center()
    QTest.mouseClick(canvas.viewport(), Qt.MouseButton.LeftButton, pos=position)
    model = window.source_list.model
    settle(lambda: window.source_list.view.key == event_id and model.rowCount() == 5)
    window.source_list.select_ids([model.source_id(0)])
    settle(lambda: window.reader.source_id == model.source_id(0))
    window.grab().save(str(out / "timeline.png"))
    window.commands.timeline.trigger()
    window.resize(*WINDOW_SIZE)


def shoot_alias_editor(window: MainWindow, out: Path) -> None:
    window.archive.aliases.new_group(
        ["Aghdere", "Ağdərə", "Martakert"],
        note="Aghdere and Ağdərə in Azerbaijani sources, Martakert in Armenian ones",
    )
    window.commands.aliases.trigger()
    editor = window.alias_editor
    assert editor is not None
    editor.resize(820, 440)
    settle(editor.isVisible)
    editor.grab().save(str(out / "alias-editor.png"))
    editor.close()


# Annotating: passages of an article, regions of a photo

ARTICLE_PASSAGE = (
    "Many said they did not expect to return.",
    "The wire's own reporting: no one is named. Compare the field notes from Kornidzor.",
    "International wire",
    ["displacement"],
)
# Regions on the bridge photo: (x, y, width, height, note, perspective).
PHOTO_REGIONS = [
    (0.02, 0.56, 0.3, 0.14, "Lead cars loaded with mattresses, as the wire story says.",
     "International wire"),
    (0.52, 0.64, 0.44, 0.3, "The Hakari bridge: the only crossing into Armenia left open.",
     "Armenian government"),
    (0.04, 0.2, 0.5, 0.3, "The ridge hides the corridor road; nothing in the frame dates it.", ""),
]  # fmt: skip


def source_titled(archive: Archive, start: str, kind: str | None = None) -> int:
    return next(
        source_id
        for source_id in archive.source_ids()
        if archive.get(source_id).title.startswith(start)
        and (kind is None or archive.get(source_id).kind == kind)
    )


def open_source(window: MainWindow, source_id: int) -> None:
    """Show all sources, open one, and turn the tabs beside the reader to its annotations,
    with the reader given the most room."""
    window.main_splitter.setSizes([240, 560, 640])
    window.reader_splitter.setSizes([545, 295])
    window.show_sources([source_id])
    settle(lambda: window.reader.source_id == source_id)
    window.details.show_annotations()


def shoot_annotated_article(window: MainWindow, archive: Archive, out: Path) -> None:
    """The wire story with its passages marked in their perspectives' colours."""
    article = source_titled(archive, "Thousands leave")
    quote, note, perspective, tags = ARTICLE_PASSAGE
    marked, _change = archive.annotations.add_quote(
        article, quote, note=note, perspectives=[perspective], tags=tags
    )
    window.search_bar.clear()
    open_source(window, article)
    window.reader.refresh_annotations()
    settle(lambda: window.annotation_panel.model.rowCount() == 3)
    window.annotation_panel.select(marked.id, announce=False)
    window.reader.refresh_annotations(marked.id)
    view = window.reader.text_reader.view
    first, _end = min(view.marks("annotations"))
    view.scroll_to(first)
    settle(lambda: True)
    window.grab().save(str(out / "annotated-article.png"))


def shoot_annotated_image(window: MainWindow, archive: Archive, out: Path) -> None:
    """The bridge photo with three regions, one per perspective and one of the researcher's."""
    from archive_app.core.annotations import Region

    photo = source_titled(archive, "Cars queue on the approach", kind="image")
    marked = []
    for x, y, width, height, note, perspective in PHOTO_REGIONS:
        region, _change = archive.annotations.add_region(
            photo,
            Region(x, y, width, height),
            note=note,
            perspectives=[perspective] if perspective else [],
        )
        marked.append(region.id)
    canvas = window.reader.image_reader.canvas
    open_source(window, photo)
    settle(lambda: canvas.picture_size.width() == 960)
    window.reader_splitter.setSizes([578, 262])
    height = window.reader.image_reader.splitter.height()
    window.reader.image_reader.splitter.setSizes([height - 110, 110])
    window.annotation_panel.select(marked[0], announce=False)
    window.reader.refresh_annotations(marked[0])
    settle(lambda: len(canvas.region_items) == len(PHOTO_REGIONS))
    window.grab().save(str(out / "annotated-image.png"))


def render(out: Path) -> None:
    from PySide6.QtCore import QEvent
    from PySide6.QtWidgets import QApplication

    from archive_app.gui.qt_start import make_application
    from archive_app.gui.settings import AppSettings

    app = make_application(sys.argv[:1])
    app.setStyle("Fusion")
    app.setApplicationDisplayName("Research Archive")
    out.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="archive-screenshots-"))
    write_photos(SAMPLE)
    settings = AppSettings.in_file(work / "settings.ini")
    shoot_welcome(work, settings, out)
    archive = build_archive(work / "Karabakh 2023")
    window = open_window(archive, settings)
    import_samples(window, archive)
    shoot_import_report(window, work, out)
    show_search(window, "Stepanakert", "Thousands leave")
    window.grab().save(str(out / "main-window.png"))
    shoot_image_grid(window, out)
    annotate_for_comparison(archive)
    shoot_annotated_article(window, archive, out)
    shoot_annotated_image(window, archive, out)
    shoot_compare(window, out)
    shoot_timeline(window, out)
    shoot_alias_editor(window, out)
    close_window(window)
    light = app.palette()
    app.setPalette(dark_palette())
    dark = open_window(archive, settings)
    show_search(dark, "Stepanakert", "Thousands leave")
    dark.grab().save(str(out / "main-window-dark.png"))
    close_window(dark)
    app.setPalette(light)
    archive.close()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--scale", type=float, default=1.0, help="device pixel ratio")
    arguments = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ["QT_SCALE_FACTOR"] = str(arguments.scale)
    sys.path.insert(0, str(ROOT))
    render(arguments.out)
