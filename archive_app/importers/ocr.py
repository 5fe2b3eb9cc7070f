"""Text read from pictures of pages with Tesseract: scans without a text layer, photographed
notices, screenshots.

One call reads one page (a PDF page rendered by poppler's ``pdftoppm``, or a picture) and gives
its text with every word's box on the page, so a search hit can be marked on the page image. It
runs in the worker processes, like every importer: a page that takes longer than its time limit
is given up, a picture too large to decode safely is refused and a large one is scaled down.

Tesseract is optional. Without it (or without a language pack) the call raises
:class:`OcrUnavailableError` naming the Debian/Ubuntu packages to install; everything else in
the archive works as before.
"""

from __future__ import annotations

import contextlib
import functools
import io
import os
import re
import shutil
import subprocess
import warnings
from collections.abc import Iterable
from pathlib import Path

from PIL import Image, ImageOps, UnidentifiedImageError

from archive_app.core.errors import ExtractionError, OcrUnavailableError
from archive_app.core.messages import QT_TRANSLATE_NOOP, Message
from archive_app.importers.image import MAX_PIXELS
from archive_app.importers.ocr_languages import install_command, package_name
from archive_app.importers.ocr_page import PAGE_TIME_LIMIT, OcrPage, OcrRequest, OcrWord
from archive_app.importers.text_normal import normalize_inline

ENGINE = "tesseract"
IMPORTER_VERSION = "ocr/1"

PAGE_DPI = 300
"""Tesseract reads best at about 300 dpi; PDF pages are rendered at that resolution."""

MAX_SIDE = 4200
"""Pictures with a longer side are scaled down first (an A4 page at 300 dpi is 3508 pixels)."""

MIN_WORD_CONFIDENCE = 20.0
"""Words Tesseract is less sure of than this are specks and scratches, not text."""

_PAGE_SIZE = re.compile(r"Page\s+\d+\s+size:\s+([\d.]+)\s+x\s+([\d.]+)\s+pts")
_LETTER_OR_DIGIT = re.compile(r"[^\W_]")


@functools.cache
def tesseract_version() -> str:
    """The installed Tesseract's version ("5.3.0"), or "" when it is not installed."""
    import pytesseract

    try:
        return str(pytesseract.get_tesseract_version())
    except (pytesseract.TesseractNotFoundError, OSError):
        return ""


def installed_languages() -> set[str]:
    """The language packs Tesseract can use (without ``osd``, which is not a language)."""
    if not tesseract_version():
        return set()
    import pytesseract

    return set(pytesseract.get_languages(config="")) - {"osd"}


def require_languages(languages: Iterable[str]) -> None:
    """Raise :class:`OcrUnavailableError` naming what to install when Tesseract or one of
    ``languages`` is missing."""
    wanted = list(languages)
    if not tesseract_version():
        raise OcrUnavailableError(
            Message(
                QT_TRANSLATE_NOOP(
                    "core",
                    "Text cannot be read from scans and photos because Tesseract OCR is not "
                    "installed. Install it with: {command}",
                ),
                command=install_command(wanted),
            )
        )
    missing = [language for language in wanted if language not in installed_languages()]
    if missing:
        packages = " ".join(package_name(language) for language in missing)
        raise OcrUnavailableError(
            Message(
                QT_TRANSLATE_NOOP(
                    "core",
                    "The OCR language pack for {languages} is not installed. "
                    "Install it with: sudo apt-get install {packages}",
                ),
                languages=", ".join(missing),
                packages=packages,
            )
        )


def recognise_file_page(path: Path, request: OcrRequest) -> OcrPage:
    """Read one page of the PDF or picture at ``path`` (a picture has only page 1)."""
    require_languages(request.languages)
    with path.open("rb") as handle:
        is_pdf = b"%PDF-" in handle.read(1024)
    if is_pdf:
        image = render_pdf_page(path, request.page, request.time_limit)
    else:
        image = load_picture(path.read_bytes())
    return recognise_image(image, request.languages, request.page, request.time_limit)


def render_pdf_page(path: Path, number: int, time_limit: float = PAGE_TIME_LIMIT) -> Image.Image:
    """Page ``number`` of a PDF as a greyscale picture at :data:`PAGE_DPI`, or less where the
    page is so large that it would exceed :data:`MAX_SIDE`."""
    if shutil.which("pdftoppm") is None:
        raise OcrUnavailableError(
            Message(
                QT_TRANSLATE_NOOP(
                    "core",
                    "Scanned PDF pages cannot be rendered for OCR because poppler is not "
                    "installed. Install it with: sudo apt-get install poppler-utils",
                )
            )
        )
    pages = ["-f", str(number), "-l", str(number)]
    resolution = _resolution(path, pages, time_limit)
    # Greyscale PGM: encoding a noisy scan as PNG takes many times longer than reading it.
    command = ["pdftoppm", *pages, "-r", f"{resolution:g}", "-gray", "-singlefile"]
    rendering = Message(QT_TRANSLATE_NOOP("core", "Rendering page {number}"), number=str(number))
    output = _run([*command, str(path)], time_limit, rendering)
    try:
        return Image.open(io.BytesIO(output))
    except (UnidentifiedImageError, OSError) as error:
        raise ExtractionError(
            Message(
                QT_TRANSLATE_NOOP("core", "Page {number} of the PDF could not be rendered."),
                number=str(number),
            )
        ) from error


def _resolution(path: Path, pages: list[str], time_limit: float) -> float:
    measuring = Message(QT_TRANSLATE_NOOP("core", "Measuring the page"))
    info = _run(["pdfinfo", *pages, str(path)], time_limit, measuring).decode("utf-8", "replace")
    size = _PAGE_SIZE.search(info)
    if size is None:
        return PAGE_DPI
    longest_inches = max(float(size.group(1)), float(size.group(2))) / 72
    return min(PAGE_DPI, MAX_SIDE / max(longest_inches, 0.01))


def _run(command: list[str], time_limit: float, what: Message) -> bytes:
    try:
        finished = subprocess.run(command, capture_output=True, timeout=time_limit, check=False)
    except subprocess.TimeoutExpired as error:
        raise ExtractionError(
            Message(
                QT_TRANSLATE_NOOP("core", "{what} took longer than {time_limit} seconds."),
                what=what,
                time_limit=f"{time_limit:g}",
            )
        ) from error
    if finished.returncode != 0:
        raise ExtractionError(
            Message(QT_TRANSLATE_NOOP("core", "{what} failed; the PDF may be damaged."), what=what),
            detail=finished.stderr.decode("utf-8", "replace")[-500:],
        )
    return finished.stdout


def load_picture(data: bytes) -> Image.Image:
    """A picture ready for OCR: upright, greyscale, its longer side at most :data:`MAX_SIDE`.
    A JPEG is decoded at a fraction of its size where that is enough; a picture that would still
    be too large to decode safely is refused."""
    if data[4:8] == b"ftyp":  # HEIC, as iPhones save photos
        with contextlib.suppress(ImportError):
            import pillow_heif

            pillow_heif.register_heif_opener()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", Image.DecompressionBombWarning)
        try:
            image = Image.open(io.BytesIO(data))
            image.draft("L", (MAX_SIDE, MAX_SIDE))
            width, height = image.size
            if width * height > MAX_PIXELS:
                raise ExtractionError(_too_large(width * height))
            image.load()
        except Image.DecompressionBombError as error:
            raise ExtractionError(_too_large(_declared_pixels(error))) from error
        except (UnidentifiedImageError, OSError, ValueError, SyntaxError) as error:
            raise ExtractionError(
                Message(
                    QT_TRANSLATE_NOOP("core", "The picture is damaged and its text cannot be read.")
                )
            ) from error
    upright = ImageOps.exif_transpose(image).convert("L")
    upright.thumbnail((MAX_SIDE, MAX_SIDE), Image.Resampling.LANCZOS)
    return upright


def _declared_pixels(error: Exception) -> int:
    """The pixel count in Pillow's "Image size (400000000 pixels) exceeds limit" message."""
    found = re.search(r"\d+", str(error))
    return int(found.group()) if found else 0


def _too_large(pixels: int) -> str:
    return (
        f"The picture is too large to read its text safely ({pixels / 1e6:.0f} megapixels; at "
        f"most {MAX_PIXELS / 1e6:.0f} can be read); scale it down or crop it to the part with "
        "text and try again."
    )


def recognise_image(
    image: Image.Image,
    languages: Iterable[str],
    number: int = 1,
    time_limit: float = PAGE_TIME_LIMIT,
) -> OcrPage:
    """The text and the words' boxes Tesseract finds in ``image``; an empty page for a picture
    without text. ``number`` is the page number the result carries."""
    import pytesseract

    # One thread per Tesseract: pages are read in parallel by the worker processes already,
    # and on a shared machine OpenMP's own threads make one page several times slower.
    os.environ["OMP_THREAD_LIMIT"] = "1"
    image = image.convert("L")
    image.thumbnail((MAX_SIDE, MAX_SIDE), Image.Resampling.LANCZOS)
    image.format = "BMP"  # handed to Tesseract uncompressed: PNG would take longer than OCR
    try:
        data = pytesseract.image_to_data(
            image,
            lang="+".join(languages),
            config="--psm 3",
            output_type=pytesseract.Output.DICT,
            timeout=time_limit,
        )
    except RuntimeError as error:  # pytesseract's way of saying the time limit was reached
        raise ExtractionError(
            Message(
                QT_TRANSLATE_NOOP(
                    "core",
                    "Reading the text of page {number} took longer than {time_limit} "
                    "seconds; it was skipped.",
                ),
                number=str(number),
                time_limit=f"{time_limit:g}",
            )
        ) from error
    except pytesseract.TesseractError as error:
        raise ExtractionError(
            Message(
                QT_TRANSLATE_NOOP("core", "Tesseract could not read page {number}."),
                number=str(number),
            ),
            detail=str(error),
        ) from error
    return _page_from_data(data, number, image.width, image.height)


def _page_from_data(data: dict[str, list[object]], number: int, width: int, height: int) -> OcrPage:
    """Lay out Tesseract's words as text: a space between words, a line break between lines
    and a blank line between paragraphs; remember where each word landed."""
    page = OcrPage(number, width=width, height=height)
    parts: list[str] = []
    length = 0
    previous_line: tuple[object, ...] | None = None
    for index, raw in enumerate(data["text"]):
        word = normalize_inline(str(raw))
        confidence = float(str(data["conf"][index]))
        if not _is_word(word, confidence):
            continue
        line = (data["block_num"][index], data["par_num"][index], data["line_num"][index])
        if previous_line is not None:
            separator = " " if line == previous_line else "\n"
            if line[:2] != previous_line[:2]:
                separator = "\n\n"
            parts.append(separator)
            length += len(separator)
        previous_line = line
        parts.append(word)
        page.words.append(
            OcrWord(
                length,
                length + len(word),
                round(_number(data["left"][index]) / width, 5),
                round(_number(data["top"][index]) / height, 5),
                round(_number(data["width"][index]) / width, 5),
                round(_number(data["height"][index]) / height, 5),
                round(confidence, 1),
            )
        )
        length += len(word)
    page.text = "".join(parts)
    if page.words:
        page.confidence = round(sum(w.confidence for w in page.words) / len(page.words), 1)
    return page


def _is_word(word: str, confidence: float) -> bool:
    return bool(word) and confidence >= MIN_WORD_CONFIDENCE and bool(_LETTER_OR_DIGIT.search(word))


def _number(value: object) -> float:
    return float(str(value))
