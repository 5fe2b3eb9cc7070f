"""How fast and how well OCR reads scans in the scripts of the region.

Scans are drawn by ``tests/fixtures/make_scans.py`` (DejaVu Sans, turned slightly, noised, as a
phone photo or a flatbed scan would be), so the words on every page are known.

1. Per script (Latin, Cyrillic, Armenian, Georgian): word accuracy (the share of drawn words read
   exactly) and pages per second, reading with the archive's default languages (the region's
   five at once) against the baseline of Tesseract given the one right language.
2. A whole scanned PDF imported into a fresh archive: pages per second through the worker pool,
   rendering with pdftoppm included.
3. Whether photos could be read automatically: the words and seconds OCR spends on the shared
   corpus's camera photos (``photos-dev``, none of them a document) beside our document scans.

Run from the repository root: ``PYTHONPATH=. .venv/bin/python benchmarks/bench_ocr.py [--pages N]``.
Measured here (Tesseract 5.3.0, two shared cores, Dec 2026): word accuracy 1.000 for Latin,
Cyrillic and Georgian, 0.941 for Armenian (its ligature "և" is misread), the same as with the
one right language; 0.9 to 2.6 pages/s with five languages against 2.7 to 5.3 with one; a
12-page scanned PDF imported at 1.65 pages/s. Of 43 camera photos, 41 gave no word and 2 a
few words of noise, against 17 to 40 words per document scan: telling documents apart is easy,
but reading every photo of an import costs half a second to a second each, so photos are read
when asked.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

from archive_app.core.archive import Archive
from archive_app.importers.ocr import load_picture, recognise_image, tesseract_version
from archive_app.importers.ocr_languages import REGION_LANGUAGES
from tests.fixtures.make_scans import (
    STATEMENTS,
    image_only_pdf,
    script_scan,
    statement_words,
    word_accuracy,
)

PHOTOS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "photos-dev"


def read_script(script: str, languages: tuple[str, ...], pages: int) -> tuple[float, float]:
    """Mean word accuracy and pages per second over ``pages`` scans of ``script``."""
    scans = [script_scan(script, seed=seed, angle=(seed % 3 - 1) * 1.2) for seed in range(pages)]
    expected = statement_words(script)
    started = time.perf_counter()
    accuracies = [word_accuracy(expected, recognise_image(scan, languages).text) for scan in scans]
    seconds = time.perf_counter() - started
    return sum(accuracies) / len(accuracies), pages / seconds


def import_scan(pages: int) -> tuple[float, float]:
    """Pages per second importing a scanned PDF of ``pages`` pages, and its word accuracy."""
    scripts = sorted(STATEMENTS)
    scans = [script_scan(scripts[n % len(scripts)], seed=n) for n in range(pages)]
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "scan.pdf"
        path.write_bytes(image_only_pdf(scans))
        with Archive.open(Path(folder) / "archive") as archive:
            started = time.perf_counter()
            [source_id] = archive.import_paths([path]).new_source_ids
            seconds = time.perf_counter() - started
            texts = [page.text for page in archive.get(source_id).pages]
    accuracy = sum(
        word_accuracy(statement_words(scripts[n % len(scripts)]), text)
        for n, text in enumerate(texts)
    ) / len(texts)
    return pages / seconds, accuracy


def photos_without_text(folder: Path) -> None:
    """How many words OCR finds in photos that are not documents, and what it costs."""
    photos = sorted(folder.glob("*.jpg"))
    started = time.perf_counter()
    counts = [
        len(recognise_image(load_picture(p.read_bytes()), REGION_LANGUAGES).words) for p in photos
    ]
    seconds = time.perf_counter() - started
    with_words = [count for count in counts if count]
    print(
        f"{len(photos)} camera photos: {len(photos) - len(with_words)} without a word, "
        f"{len(with_words)} with {', '.join(map(str, with_words)) or 'none'} words; "
        f"{seconds / max(len(photos), 1):.2f} s per photo"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--pages", type=int, default=3, help="scans per script (default 3)")
    args = parser.parse_args()
    version = tesseract_version()
    if not version:
        sys.exit("Tesseract is not installed: sudo apt-get install tesseract-ocr ...")
    print(f"Tesseract {version}; default languages {'+'.join(REGION_LANGUAGES)}")
    print(f"{'script':10} {'accuracy':>9} {'pages/s':>8}   baseline (one language)")
    for script, (language, _) in sorted(STATEMENTS.items()):
        accuracy, speed = read_script(script, REGION_LANGUAGES, args.pages)
        alone_accuracy, alone_speed = read_script(script, (language,), args.pages)
        print(
            f"{script:10} {accuracy:9.3f} {speed:8.2f}   "
            f"{language}: {alone_accuracy:.3f} at {alone_speed:.2f} pages/s"
        )
    pages = args.pages * len(STATEMENTS)
    speed, accuracy = import_scan(pages)
    print(
        f"import of a {pages}-page scanned PDF (A4, rendered at 300 dpi): {speed:.2f} pages/s, "
        f"word accuracy {accuracy:.3f}"
    )
    if PHOTOS.is_dir():
        photos_without_text(PHOTOS)


if __name__ == "__main__":
    main()
