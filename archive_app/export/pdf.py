"""A small PDF writer for reports: headings, paragraphs, labelled facts and fixed-width lines,
on A4 pages with page numbers. Pure Python (fpdf2), so exports never need Qt.

Text is set in DejaVu Sans when the system has it (every script our sources use: Latin with
Azerbaijani ə, Cyrillic, Armenian); without it, in the PDF's built-in Helvetica, where letters
outside Latin-1 become '?'.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from fpdf import FPDF
from fpdf.enums import WrapMode, XPos, YPos

FONT_FOLDERS = (
    Path("/usr/share/fonts/truetype/dejavu"),
    Path("/usr/share/fonts/dejavu"),
    Path("/usr/local/share/fonts"),
    Path("/Library/Fonts"),
    Path("C:/Windows/Fonts"),
)
FONT_FILES = {"": "DejaVuSans.ttf", "B": "DejaVuSans-Bold.ttf"}
MONO_FILE = "DejaVuSansMono.ttf"
LINE = 5.0


class PdfReport:
    """A report written top to bottom; :meth:`to_bytes` gives the finished PDF."""

    def __init__(self, title: str) -> None:
        self._pdf = _Pages(title)
        self._pdf.set_title(title)
        self._pdf.set_auto_page_break(auto=True, margin=18)
        self._pdf.set_margins(18, 18, 18)
        self.unicode = _add_fonts(self._pdf)
        self._family = "DejaVu" if self.unicode else "Helvetica"
        self._mono = "DejaVuMono" if self.unicode else "Courier"
        self._pdf.add_page()

    def heading(self, text: str, level: int = 1) -> None:
        size = {1: 17, 2: 13}.get(level, 11)
        self._pdf.ln(2 if level > 1 else 0)
        self._pdf.set_font(self._family, "B", size)
        self._write(text, size * 0.5)
        self._pdf.ln(1)

    def paragraph(self, text: str, *, size: float = 10) -> None:
        self._pdf.set_font(self._family, "", size)
        self._write(text, LINE)

    def facts(self, rows: Sequence[tuple[str, str]]) -> None:
        """Labelled values in two columns; long values wrap in theirs."""
        label_width = 42
        for label, value in rows:
            self._pdf.set_font(self._family, "B", 9)
            top = self._pdf.get_y()
            self._pdf.multi_cell(label_width, LINE, self._text(label), new_x=XPos.RIGHT)
            self._pdf.set_xy(self._pdf.l_margin + label_width, top)
            self._pdf.set_font(self._family, "", 9)
            self._pdf.multi_cell(
                0, LINE, self._text(value or "—"), new_x=XPos.LMARGIN, new_y=YPos.NEXT
            )

    def fixed(self, text: str) -> None:
        """Fixed-width text (hashes), wrapped anywhere."""
        self._pdf.set_font(self._mono, "", 8)
        self._pdf.multi_cell(
            0, 4, self._text(text), new_x=XPos.LMARGIN, new_y=YPos.NEXT, wrapmode=WrapMode.CHAR
        )

    def rule(self) -> None:
        self._pdf.ln(2)
        y = self._pdf.get_y()
        self._pdf.line(self._pdf.l_margin, y, self._pdf.w - self._pdf.r_margin, y)
        self._pdf.ln(2)

    def to_bytes(self) -> bytes:
        return bytes(self._pdf.output())

    def _write(self, text: str, height: float) -> None:
        self._pdf.multi_cell(
            0, height, self._text(text), new_x=XPos.LMARGIN, new_y=YPos.NEXT, align="L"
        )

    def _text(self, text: str) -> str:
        if self.unicode:
            return text
        return text.encode("latin-1", "replace").decode("latin-1")


class _Pages(FPDF):
    """Pages with the report's title and the page number at the foot."""

    def __init__(self, title: str) -> None:
        super().__init__(format="A4")
        self.report_title = title

    def footer(self) -> None:
        self.set_y(-12)
        family = "DejaVu" if "dejavu" in self.fonts else "Helvetica"
        self.set_font(family, "", 7)
        title = self.report_title if family == "DejaVu" else "Report"
        self.cell(0, 5, f"{title} · page {self.page_no()}", align="C")


def _add_fonts(pdf: FPDF) -> bool:
    """Add DejaVu Sans (regular, bold) and Sans Mono if the system has them."""
    folder = next(
        (f for f in FONT_FOLDERS if all((f / name).exists() for name in FONT_FILES.values())),
        None,
    )
    if folder is None or not (folder / MONO_FILE).exists():
        return False
    for style, name in FONT_FILES.items():
        pdf.add_font("DejaVu", style, str(folder / name))
    pdf.add_font("DejaVuMono", "", str(folder / MONO_FILE))
    return True
