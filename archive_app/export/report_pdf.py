"""An event report as PDF, written with fpdf2 in DejaVu Sans: a font free to embed whose
glyphs cover Latin with Azerbaijani ə and ı, Cyrillic and Armenian, the scripts this archive's
sources are in. It needs the DejaVu fonts on the system (Debian: ``fonts-dejavu-core``)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from fpdf import FPDF

from archive_app.core.errors import ArchiveError
from archive_app.core.messages import QT_TRANSLATE_NOOP, Message
from archive_app.export import write_atomically
from archive_app.export.report import EMPTY, Entry, Report, Section

FONT_FOLDERS = (
    Path("/usr/share/fonts/truetype/dejavu"),
    Path("/usr/share/fonts/dejavu"),
    Path("/usr/share/fonts/TTF"),
    Path("/usr/local/share/fonts"),
    Path("/Library/Fonts"),
    Path.home() / "Library" / "Fonts",
    Path.home() / ".local" / "share" / "fonts",
)
FONT_FILES = {"": "DejaVuSans.ttf", "B": "DejaVuSans-Bold.ttf", "I": "DejaVuSans-Oblique.ttf"}
FAMILY = "DejaVu"
STRIPE = (242, 242, 242)
TABLE: dict[str, Any] = {
    "text_align": "LEFT",
    "line_height": 5.5,
    "borders_layout": "HORIZONTAL_LINES",
    "cell_fill_mode": "ROWS",
    "cell_fill_color": STRIPE,
}
GREY = (110, 110, 110)
KEEP_WITH_HEADING = 30  # mm: a heading that would have less below it starts a new page
BLACK = (34, 34, 34)


def find_fonts() -> dict[str, Path]:
    """The DejaVu Sans files by style; raises :class:`ArchiveError` saying what to install."""
    for folder in FONT_FOLDERS:
        found = {style: folder / name for style, name in FONT_FILES.items()}
        if all(path.is_file() for path in found.values()):
            return found
    raise ArchiveError(
        Message(
            QT_TRANSLATE_NOOP(
                "core",
                "A PDF report needs the DejaVu fonts (for Armenian, Cyrillic and "
                "Azerbaijani letters). Install them (Debian/Ubuntu: apt install "
                "fonts-dejavu-core), or export the report as .html instead.",
            )
        )
    )


def write_report_pdf(report: Report, path: Path) -> None:
    write_atomically(path, bytes(render_pdf(report)))


def render_pdf(report: Report) -> bytearray:
    pdf = FPDF(format="A4")
    pdf.set_margins(20, 18, 20)
    pdf.set_auto_page_break(auto=True, margin=18)
    for style, font in find_fonts().items():
        pdf.add_font(FAMILY, style, str(font))
    pdf.set_title(report.title)
    pdf.set_creator("archive-app")
    pdf.add_page()
    pdf.set_font(FAMILY, "B", 20)
    pdf.multi_cell(0, 9, report.title, new_x="LMARGIN", new_y="NEXT", align="L")
    _small(pdf, report.subtitle)
    for paragraph in report.description.split("\n\n"):
        _text(pdf, paragraph)
    _small(
        pdf,
        f"{report.source_count} sources · citations in {report.style} · "
        f"made {report.generated_at[:10]} by archive-app",
    )
    if not report.sections:
        _text(pdf, EMPTY)
    else:
        _coverage(pdf, report)
    for section in report.sections:
        _section(pdf, section)
    return pdf.output()


def _heading(pdf: FPDF, text: str, color: str = "#444444") -> None:
    pdf.ln(5)
    if pdf.get_y() > pdf.h - pdf.b_margin - KEEP_WITH_HEADING:
        pdf.add_page()
    pdf.set_fill_color(*_rgb(color))
    pdf.rect(pdf.l_margin, pdf.get_y() + 1, 2.2, 6, style="F")
    pdf.set_x(pdf.l_margin + 4)
    pdf.set_font(FAMILY, "B", 14)
    pdf.multi_cell(0, 8, text, new_x="LMARGIN", new_y="NEXT", align="L")
    pdf.ln(1)


def _text(pdf: FPDF, text: str, *, indent: float = 0, style: str = "", size: float = 10.5) -> None:
    if not text:
        return
    pdf.set_font(FAMILY, style, size)
    pdf.set_x(pdf.l_margin + indent)
    pdf.multi_cell(0, 5.2, text, new_x="LMARGIN", new_y="NEXT", align="L")


def _small(pdf: FPDF, text: str) -> None:
    pdf.set_text_color(*GREY)
    _text(pdf, text, size=9)
    pdf.set_text_color(*BLACK)


def _coverage(pdf: FPDF, report: Report) -> None:
    _heading(pdf, "Coverage")
    pdf.set_font(FAMILY, "", 9.5)
    pdf.set_fill_color(*STRIPE)
    with pdf.table(col_widths=(50, 15, 25, 25), **TABLE) as table:
        table.row(["Perspective", "Sources", "First", "Last"])
        for section in report.sections:
            table.row([section.perspective, str(len(section.entries)), section.first, section.last])
    if report.timeline:
        pdf.ln(3)
        with pdf.table(col_widths=(22, 40, 80), **TABLE) as table:
            table.row(["Published", "Perspective", "Title"])
            for row in report.timeline:
                table.row([row.published, row.perspectives, row.title])


def _section(pdf: FPDF, section: Section) -> None:
    _heading(pdf, section.perspective, section.color or "#888888")
    _text(pdf, section.description)
    for entry in section.entries:
        _entry(pdf, entry)


def _entry(pdf: FPDF, entry: Entry) -> None:
    pdf.ln(2)
    _text(pdf, entry.citation)
    for quote in entry.quotes:
        page = f" (p. {quote.page})" if quote.page else ""
        _text(pdf, f"“{quote.text}”{page}", indent=8, style="I")
        _text(pdf, quote.note, indent=12, size=9.5)
    for picture in entry.pictures:
        if picture.path is not None:
            pdf.set_x(pdf.l_margin + 8)
            pdf.image(str(picture.path), w=60)
        caption = " — ".join(part for part in (picture.caption, picture.credit) if part)
        pdf.set_text_color(*GREY)
        _text(pdf, caption, indent=8, size=9)
        pdf.set_text_color(*BLACK)


def _rgb(color: str) -> tuple[int, int, int]:
    value = color.lstrip("#")
    if len(value) == 3:
        value = "".join(ch * 2 for ch in value)
    try:
        return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)
    except ValueError:
        return 136, 136, 136
