"""Reading web archives: a crawl's WARC with many pages, and a large WARC read as a stream.

    PYTHONPATH=. python benchmarks/bench_web_archives.py [--pages 40] [--filler-mb 300]

(a) ``Archive.import_paths`` on a WARC of N pages (each with two photos, a script, a style
sheet and a tracking pixel): seconds and pages/s, beside warcio alone iterating the same records
(the floor: decompressing and parsing, nothing extracted or stored).
(b) ``extract_pages`` on a WARC with a large incompressible record added: seconds and the
Python heap's peak (tracemalloc), to show it stays flat whatever the file's size.
Prints figures; asserts nothing (these machines are shared and noisy).
"""

from __future__ import annotations

import argparse
import tempfile
import time
import tracemalloc
from pathlib import Path

from warcio.archiveiterator import ArchiveIterator

from archive_app.core.archive import Archive
from archive_app.importers import extract_pages
from tests.fixtures import make_captures as captures


def warcio_floor(path: Path) -> float:
    started = time.perf_counter()
    with path.open("rb") as stream:
        for record in ArchiveIterator(stream):
            record.content_stream().read()
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--pages", type=int, default=40)
    parser.add_argument("--filler-mb", type=int, default=300)
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        crawl = captures.write_warc(root / "crawl.warc.gz", pages=options.pages)
        size = crawl.stat().st_size / (1 << 20)
        floor = warcio_floor(crawl)
        with Archive.open(root / "archive", workers=2) as archive:
            started = time.perf_counter()
            report = archive.import_paths([crawl])
            took = time.perf_counter() - started
        pages = len([o for o in report.imported if o.kind == "article"])
        print(
            f"(a) WARC of {options.pages} pages, {size:.1f} MB: {pages} articles imported in "
            f"{took:.2f} s ({pages / took:.1f} pages/s); warcio alone reads it in {floor:.2f} s"
        )
        large = captures.write_warc(root / "large.warc.gz")
        captures.append_filler(large, options.filler_mb << 20)
        extract_pages(captures.write_warc(root / "warm.warc.gz"), "warc", root / "warm")
        tracemalloc.start()
        started = time.perf_counter()
        documents = extract_pages(large, "warc", root / "spill")
        took = time.perf_counter() - started
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        floor = warcio_floor(large)
        print(
            f"(b) WARC of {large.stat().st_size >> 20} MB: {len(documents)} page read in "
            f"{took:.2f} s, Python heap peak {peak / (1 << 20):.1f} MB; "
            f"warcio alone reads it in {floor:.2f} s"
        )


if __name__ == "__main__":
    main()
