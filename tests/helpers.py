"""What the tests share, in one module: files to import, archives filled through the core as
an import fills them, a database dump and an index's contents to compare, a story of events
and perspectives, PDFs, and the command line run in-process. Fixtures are in the conftest
files; they use these."""

from __future__ import annotations

import io
import json
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

import pytest
from PIL import Image, ImageDraw

from archive_app.cli import main
from archive_app.core.archive import Archive
from archive_app.core.keeping import KeptFile, record_source
from archive_app.core.store import FileDigest
from archive_app.importers.document import Block, ExtractedDocument, SourceKind

PROJECT_ROOT = Path(__file__).resolve().parent.parent
CORPUS = PROJECT_ROOT.parent / "shared" / "corpus"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


# Files and archives


def write_file(folder: Path, name: str, content: str | bytes) -> Path:
    """Write a file for a test; text is written as UTF-8."""
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, str):
        path.write_text(content, encoding="utf-8")
    else:
        path.write_bytes(content)
    return path


class StoreDocument(Protocol):
    def __call__(
        self,
        document: ExtractedDocument,
        original: Path | None = None,
        figure_images: dict[int, int] | None = None,
    ) -> int: ...


def dump_database(archive: Archive) -> dict[str, list[tuple[object, ...]]]:
    """Every row of every table (but the index queue, the id and fingerprint-generation
    counters, and the audit trail, which only grows), to assert that a refused change changed
    nothing and that an undo restores exactly what was there."""
    tables = [
        str(row[0])
        for row in archive.database.query(
            "SELECT name FROM sqlite_master WHERE type = 'table' "
            "AND name NOT IN ('index_queue', 'sqlite_sequence', 'fingerprint_generations') "
            "AND name NOT LIKE 'audit%' "
            "ORDER BY name"
        )
    ]
    return {
        table: sorted(
            (tuple(row) for row in archive.database.query(f"SELECT * FROM {table}")), key=repr
        )
        for table in tables
    }


SOURCES_IN_OTHER_SCRIPTS = [
    ("ru", "Бои под Степанакертом", "Жители Степанакерта ушли из города. Ёлка у дома."),
    ("az", "Xankəndidə vəziyyət", "Şuşa'da və Ağdam'da atəşkəs pozuldu; Karabağ'da sakitlik."),
    ("hy", "Ստեփանակերտի լուրեր", "Ստեփանակերտում և Շուշիում մարդիկ սպասում են։"),
    ("ja", "巨大地震の被害", "東京で巨大地震。被害は大きい 地震 と 津波。"),
    ("he", "חֲדָשׁוֹת מהעיר", "הַמִּלְחָמָה נמשכה; אנשים עזבו את העיר."),
    ("uk", "Новини з Харкова", "Харків, Харкові, Харкова: обстріли тривали."),
    ("fr", "L'armée et l'État", "L'offensive d'hier: aujourd'hui les soldats sont partis."),
    ("", "The", "_Shusha_ and **Stepanakert** e.g. U.N. 3.5 km; it's Shusha's; don't."),
]
"""Sources in the region's languages and scripts, with the word shapes analysis must keep:
(language, title, body)."""


def index_postings(reader: Any) -> dict[tuple[str, bytes], list[tuple[int, float, bytes]]]:
    """Every term of a Whoosh index reader, by field, with its postings (document, weight,
    encoded value)."""
    postings = {}
    for fieldname, term in reader.all_terms():
        matcher = reader.postings(fieldname, term)
        walked = []
        while matcher.is_active():
            walked.append((matcher.id(), matcher.weight(), matcher.value()))
            matcher.next()
        postings[(fieldname, term)] = walked
    return postings


def index_documents(reader: Any) -> list[tuple[dict[str, Any], dict[str, int], dict[str, Any]]]:
    """Each document of a Whoosh index reader: its stored fields, field lengths and columns."""
    schema = reader.schema
    scored = [name for name in schema.names() if schema[name].scorable]
    columns = [name for name in schema.names() if schema[name].column_type]
    return [
        (
            reader.stored_fields(doc),
            {name: reader.doc_field_length(doc, name) for name in scored},
            {name: reader.column_reader(name)[doc] for name in columns},
        )
        for doc in reader.all_doc_ids()
    ]


def add_sources(
    archive: Archive, titles: list[str], *, kind: SourceKind = "text", site: str = ""
) -> list[int]:
    """Record one source per title as an import records a file, all in one transaction and
    without writing their originals (so thousands are quick), indexed; their ids in order."""
    first = int(str(archive.database.scalar("SELECT coalesce(max(id), 0) FROM sources")))
    ids = []
    with archive.database.transaction() as connection:
        for number, title in enumerate(titles, start=first + 1):
            document = ExtractedDocument(
                kind=kind,
                title=title,
                site_name=site,
                blocks=[Block("paragraph", f"{title}. Source number {number}.")],
            )
            digest = FileDigest(f"{number:064x}", 10)
            kept = KeptFile(Path(f"{number}.txt"), digest, document, "test")
            ids.append(record_source(connection, kept))
    archive.index.notify(wait=True)
    return ids


def write_photo(folder: Path, name: str, color: tuple[int, int, int]) -> Path:
    """A small JPEG of a coloured sky over a hill."""
    image = Image.new("RGB", (640, 420), color)
    draw = ImageDraw.Draw(image)
    draw.ellipse((-200, 250, 840, 700), fill=(60, 110, 60))
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=80)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_bytes(buffer.getvalue())
    return path


# A story: a conflict with sub-events and perspectives


def note(title: str, site: str, published: str, body: str) -> str:
    date_line = f"published: {published}\n" if published else ""
    return f"---\ntitle: {title}\nsite: {site}\n{date_line}---\n{body}\n"


STORY = {
    "az.md": note(
        "Local anti-terror measures begin",
        "Caspian State News",
        "2023-09-19",
        "Measures target only military positions near Khankendi. Civilians are not targets.",
    ),
    "am.md": note(
        "Military aggression against Nagorno-Karabakh",
        "Government Press Office",
        "2023-09-19T17:45:00+04:00",
        "Stepanakert is under fire. There are casualties among civilians.",
    ),
    "wire.md": note(
        "Ceasefire after a day of fighting",
        "Meridian Wire",
        "2023-09-20",
        "Officials in Stepanakert agreed to lay down arms. Baku said it restored sovereignty.",
    ),
    "exodus.md": note(
        "Thousands leave as the road opens",
        "Meridian Wire",
        "2023-09-25",
        "Cars queued for hours on the road to the Hakari bridge.",
    ),
    "notes.md": note(
        "Field notes, Kornidzor",
        "",
        "",
        "Families say they left Stepanakert on the 24th. Nobody here says Khankendi.",
    ),
    "oped.md": note(
        "Two days that ended a republic",
        "The Evening Ledger",
        "2023-10-10",
        "The blockade lasted nine months. The exodus was watched but not prevented.",
    ),
}


@dataclass(frozen=True)
class Story:
    """A conflict with two sub-events, four perspectives and the STORY's sources by name."""

    conflict: int
    offensive: int
    exodus: int
    blockade: int
    sources: dict[str, int]


def build_story(archive: Archive, import_texts: Callable[..., list[int]]) -> Story:
    conflict, _ = archive.events.create("Nagorno-Karabakh conflict", start="1988")
    offensive, _ = archive.events.create(
        "September offensive", parent=conflict.id, start="2023-09-19", end="2023-09-20"
    )
    exodus, _ = archive.events.create(
        "Exodus", parent=conflict.id, start="2023-09-24", end="2023-10"
    )
    blockade, _ = archive.events.create(
        "Blockade of the Lachin corridor", parent=conflict.id, start="2022-12", end="2023-09"
    )
    for name in ("Azerbaijani government", "Armenian government", "International wire", "Op-ed"):
        archive.perspectives.create(name)
    ids = dict(zip(STORY, import_texts(STORY), strict=True))
    assign = archive.assignments.add_to_sources
    assign([ids["az.md"]], events=[offensive.id], perspectives=["Azerbaijani government"])
    assign([ids["am.md"]], events=[offensive.id], perspectives=["Armenian government"])
    assign([ids["wire.md"]], events=[offensive.id], perspectives=["International wire"])
    assign([ids["exodus.md"]], events=[exodus.id], perspectives=["International wire"])
    assign([ids["notes.md"]], events=[exodus.id])
    assign([ids["oped.md"]], events=[exodus.id, blockade.id], perspectives=["Op-ed"])
    return Story(conflict.id, offensive.id, exodus.id, blockade.id, ids)


# PDFs


def write_pdf(path: Path, pages: list[list[str]]) -> None:
    """A PDF of text lines, drawn by Qt (imported here: the core's tests need no Qt)."""
    from PySide6.QtGui import QFont, QPageSize, QPainter, QPdfWriter

    writer = QPdfWriter(str(path))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setResolution(72)
    painter = QPainter(writer)
    painter.setFont(QFont("DejaVu Sans", 12))
    for number, lines in enumerate(pages):
        if number:
            writer.newPage()
        for row, line in enumerate(lines):
            painter.drawText(72, 90 + row * 24, line)
    painter.end()


PDF_PAGES = [
    ["Situation report, page one", "Access to the region remained limited."],
    ["Page two", "Supplies were scarce."],
    ["Page three", "The last crossing from Xankəndi was the Hakari bridge."],
    ["Page four", "Aid agencies asked for access."],
]


def pdf_document(pages: list[list[str]], notes: list[str] | None = None) -> ExtractedDocument:
    return ExtractedDocument(
        kind="pdf",
        title="Situation report",
        authors=["Field office"],
        published="2023-10",
        blocks=[Block("page", "\n".join(lines), level=n) for n, lines in enumerate(pages, 1)],
        notes=notes or [],
    )


# The command line


class Cli:
    """``archive-app --archive PATH ARGS...``, run in-process: its exit status, what it printed
    to stdout and what to stderr."""

    def __init__(self, archive_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        self.archive_path = archive_path
        self.capsys = capsys

    def __call__(self, *args: str) -> tuple[int, str, str]:
        self.capsys.readouterr()
        code = main(["--archive", str(self.archive_path), *args])
        captured = self.capsys.readouterr()
        return code, captured.out, captured.err

    def json(self, *args: str) -> object:
        """What a command run with ``--json`` printed; it must succeed."""
        code, out, err = self(*args)
        assert code == 0, err
        return json.loads(out)

    def dump(self) -> dict[str, list[tuple[object, ...]]]:
        """Every row of the archive's database (see :func:`tests.conftest.dump_database`)."""
        with Archive.open(self.archive_path, workers=1) as archive:
            return dump_database(archive)


DISK_FULL_SENTENCE = (  # the words of the files that fill a small disk
    "the convoy crossed the Hakari bridge toward Kornidzor while officials in Stepanakert "
    "counted the families who had left the city before the ceasefire took hold"
)


def namespaces_work() -> bool:
    """Whether unprivileged user and mount namespaces work here (the full-disk tests mount a
    small tmpfs in one)."""
    if shutil.which("unshare") is None:
        return False
    return (
        subprocess.run(["unshare", "-rm", "true"], capture_output=True, check=False).returncode == 0
    )


def run_python(script: str) -> subprocess.CompletedProcess[str]:
    """Run ``script`` in a fresh interpreter (Qt offscreen), its output kept as text."""
    return subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        check=False,
    )


def descendants(pid: int) -> dict[int, int]:
    """Every process below ``pid``, with its parent."""
    parents = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            parents[int(entry.name)] = int(stat.rsplit(")", 1)[1].split()[1])
    found: dict[int, int] = {}
    frontier = [pid]
    while frontier:
        parent = frontier.pop()
        for child, its_parent in parents.items():
            if its_parent == parent:
                found[child] = parent
                frontier.append(child)
    return found
