"""How fast the window opens on large archives, and how much memory it takes.

    python benchmarks/bench_gui.py [--sizes 1000 10000 100000] [--cache DIR]

For each size, an archive of that many sources is generated once (rows stored through the core,
then one index rebuild) and kept under ``--cache`` for the next run. Each measurement runs in a
fresh process, as a person starting the program would: from the process's start to the first
painted window, to the source list painted with its rows (and the processor time spent until
then, which other work on a shared machine changes less), and the process's peak memory
(``resource.getrusage``). Then, once the window's background work is done, the first article is
chosen as a person would: the time until the reader has shown it and looked up its copies
elsewhere in the archive (the same photo, the same story), and the peak memory after that.
Each size is started ``--runs`` times (3) and the medians are printed, after the program's
modules are compiled to bytecode as an install does. Prints figures beside the limits the design
sets (1 s to the painted list, 400 MB at 100,000 sources); asserts nothing (these machines are
shared and noisy).
"""

from __future__ import annotations

import time

PROCESS_START = time.perf_counter()

import argparse  # noqa: E402 - the clock starts before anything is imported
import json  # noqa: E402
import os  # noqa: E402
import random  # noqa: E402
import resource  # noqa: E402
import statistics  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import TYPE_CHECKING  # noqa: E402

from installed import compile_like_an_install  # noqa: E402

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

    from archive_app.gui.main_window import MainWindow

SIZES = (1_000, 10_000, 100_000)
BATCH = 5_000
KINDS = ("article", "article", "article", "pdf", "image", "text")
SITES = ("Wire service", "Ministry of Foreign Affairs", "Opinion Desk", "State news agency")
WORDS = [
    "Stepanakert",
    "Khankendi",
    "Shusha",
    "Lachin",
    "corridor",
    "Hakari",
    "bridge",
    "convoy",
    "ceasefire",
    "offensive",
    "refugees",
    "shelling",
    "humanitarian",
    "checkpoint",
    "evacuation",
    "statement",
    "ministry",
    "civilians",
    "border",
    "enclave",
    "reintegration",
    "peacekeepers",
    "negotiations",
    "agreement",
    "troops",
    "displacement",
    "the",
    "of",
    "and",
    "to",
    "in",
    "a",
    "that",
    "was",
    "for",
    "on",
    "with",
    "as",
    "by",
    "officials",
    "said",
    "residents",
    "road",
]


def generate(path: Path, count: int) -> None:
    """An archive of ``count`` sources: database rows through the core, then one reindex."""
    from generate import store_generated

    from archive_app.core.archive import Archive
    from archive_app.importers.document import Block, ExtractedDocument

    rng = random.Random(count)
    with Archive.open(path, workers=1) as archive:
        events = [archive.events.create(f"Event {n}", start=f"20{10 + n}")[0].id for n in range(8)]
        perspectives = [archive.perspectives.create(f"Perspective {n}")[0].id for n in range(4)]
        for start in range(0, count, BATCH):
            ids = []
            with archive.database.transaction() as connection:
                for number in range(start, min(count, start + BATCH)):
                    document = ExtractedDocument(
                        kind=rng.choice(KINDS),  # type: ignore[arg-type]
                        title=" ".join(rng.choices(WORDS, k=rng.randint(4, 10))).capitalize(),
                        site_name=rng.choice(SITES),
                        authors=[f"Reporter {rng.randint(1, 400)}"],
                        published=f"{rng.randint(1991, 2025)}-{rng.randint(1, 12):02}",
                        blocks=[Block("paragraph", " ".join(rng.choices(WORDS, k=80)))],
                    )
                    ids.append(store_generated(connection, document, number))
                connection.execute("DELETE FROM index_queue")
            archive.assignments.add_to_sources(
                ids[::3], events=[rng.choice(events)], perspectives=[rng.choice(perspectives)]
            )
        archive.index.wait_until_indexed()
        archive.reindex()


def cached_archive(cache: Path, count: int) -> Path:
    path = cache / f"gui-{count}"
    ready = path / ".complete"
    if not ready.exists():
        import shutil

        shutil.rmtree(path, ignore_errors=True)
        started = time.perf_counter()
        print(f"  generating an archive of {count:,} sources…", flush=True)
        generate(path, count)
        ready.touch()
        print(f"  generated in {time.perf_counter() - started:.0f} s", flush=True)
    settle(path)
    return path


def settle(path: Path) -> None:
    """Open and close the archive once, so that an index of an older schema is rebuilt (and a
    lagging one caught up) here rather than inside the timed start, and fingerprint what lacks
    a fingerprint, as importing does (the generated sources are stored without)."""
    from archive_app.core.archive import Archive

    with Archive.open(path) as archive:
        archive.reuse.backfill()


def measure(path: Path) -> dict[str, float]:
    """In this (fresh) process: open the archive and the window, wait for the painted list."""
    from PySide6.QtCore import QEvent, QObject, QTimer

    from archive_app.core.archive import Archive
    from archive_app.gui.main_window import MainWindow
    from archive_app.gui.qt_start import make_application
    from archive_app.gui.settings import AppSettings
    from archive_app.gui.sources.model import KIND_ROLE

    app = make_application([])
    figures: dict[str, float] = {}
    archive = Archive.open(path)
    figures["archive_open"] = time.perf_counter() - PROCESS_START
    settings = AppSettings.in_file(Path(tempfile.mkdtemp()) / "settings.ini")
    window = MainWindow(archive, settings)
    rows = archive.count_sources()

    class PaintWatch(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint:
                now = time.perf_counter() - PROCESS_START
                figures.setdefault("first_paint", now)
                if window.source_list.model.rowCount() == rows:
                    figures.setdefault("list_painted", now)
                    figures.setdefault("cpu_to_list", cpu_seconds())
                    QTimer.singleShot(0, app.quit)
            return False

    watch = PaintWatch()
    window.source_list.table.viewport().installEventFilter(watch)
    window.show()
    QTimer.singleShot(120_000, app.quit)
    app.exec()
    window.source_list.table.scrollToBottom()
    app.processEvents()
    figures["peak_rss_mb"] = peak_rss_mb()
    wait_for_background_work(app, window)
    model = window.source_list.model
    article = next(row for row in range(rows) if model.index(row, 0).data(KIND_ROLE) == "article")
    started = time.perf_counter()
    window.source_list.table.selectRow(article)
    wait_for_background_work(app, window)
    figures["source_read"] = time.perf_counter() - started
    figures["peak_after_reading_mb"] = peak_rss_mb()
    window.close()
    archive.close()
    return figures


def start_and_measure(path: Path, environment: dict[str, str]) -> dict[str, float]:
    output = subprocess.run(
        [sys.executable, __file__, "--measure", str(path)],
        capture_output=True,
        text=True,
        env=environment,
        check=True,
    ).stdout
    figures: dict[str, float] = json.loads(output.strip().splitlines()[-1])
    return figures


def cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def wait_for_background_work(app: QApplication, window: MainWindow) -> None:
    from PySide6.QtCore import QEventLoop

    while window.tasks.running:
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
        time.sleep(0.005)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=list(SIZES))
    parser.add_argument(
        "--cache",
        type=Path,
        default=Path(tempfile.gettempdir()) / "archive-app-bench",
        help="where generated archives are kept between runs",
    )
    parser.add_argument("--runs", type=int, default=3, help="starts per size; medians shown")
    parser.add_argument("--measure", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure is not None:
        print(json.dumps(measure(args.measure)))
        return
    compile_like_an_install()
    environment = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    print(f"{'sources':>9}  {'archive open':>12}  {'first paint':>11}  {'list painted':>12}  "
          f"{'CPU to list':>11}  {'peak memory':>11}  {'source read':>11}  "
          f"{'peak after':>10}")  # fmt: skip
    for count in args.sizes:
        path = cached_archive(args.cache, count)
        runs = [start_and_measure(path, environment) for _ in range(args.runs)]
        figures = {key: statistics.median(run[key] for run in runs) for key in runs[0]}
        print(
            f"{count:>9,}  {figures['archive_open']:>10.2f} s  {figures['first_paint']:>9.2f} s  "
            f"{figures['list_painted']:>10.2f} s  {figures['cpu_to_list']:>9.2f} s  "
            f"{figures['peak_rss_mb']:>8.0f} MB  "
            f"{figures['source_read']:>9.2f} s  {figures['peak_after_reading_mb']:>7.0f} MB",
            flush=True,
        )
    print(
        f"Medians of {args.runs} starts. Limits: first paint and list painted under 1 s, "
        f"peak memory at most 400 MB at 100,000 sources."
    )


if __name__ == "__main__":
    main()
