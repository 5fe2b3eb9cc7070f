"""Rebuilding the index of a large archive: time and peak memory, beside the program before.

    python benchmarks/bench_reindex.py [--n 100000] [--baseline DIR] [--seed 11]

Builds (once; cached in the temp folder, keyed by n and seed) an archive of N generated
articles of 600-900 words (``bench_search``'s writer), stored in SQLite only. Then rebuilds its
index from nothing in a fresh process, as opening an archive without an index does, and prints
the seconds and the peak resident memory of that process. With ``--baseline DIR`` (a copy of
the program's ``archive_app`` package from before, e.g. ``git archive main archive_app | tar -x
-C DIR``) the same rebuild is run with that code too, and both are printed side by side.
With ``--stop-at FRACTION`` the rebuild is first cancelled that far in and then continued, as a
person does who cancels and reopens the archive; the two parts are timed apart.
Asserts nothing: shared machines are noisy.
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from bench_search import Writer
from generate import store_generated

from archive_app.core.archive import Archive

REPO = Path(__file__).resolve().parent.parent

CHILD = """
import json, resource, shutil, sys, threading, time
from pathlib import Path
sys.path.insert(0, sys.argv[1])
from archive_app.core.archive import Archive
from archive_app.core.errors import CancelledError
folder, stop_at = Path(sys.argv[2]), float(sys.argv[3])
parts = []
cancel = threading.Event()
def progress(step):
    if stop_at and step.total and step.done >= stop_at * step.total:
        cancel.set()
for attempt in ("first", "continued"):
    started = time.perf_counter()
    try:
        with Archive.open(folder, workers=1, progress=progress, cancel=cancel):
            pass
    except CancelledError:
        pass
    parts.append(time.perf_counter() - started)
    if not cancel.is_set():
        break
    cancel.clear()
    stop_at = 0.0
usage = resource.getrusage(resource.RUSAGE_SELF)
cpu = usage.ru_utime + usage.ru_stime
figures = {"parts": parts, "peak_mb": usage.ru_maxrss / 1024, "cpu": cpu}
print(json.dumps(figures))
"""


def build(folder: Path, n: int, seed: int) -> None:
    """Fill a new archive with n generated sources (database only; the index is made by the
    rebuilds measured)."""
    rng = random.Random(seed)
    started = time.perf_counter()
    with Archive.open(folder, workers=1) as archive:
        writer = Writer(rng)
        with archive.database.transaction() as connection:
            for number in range(n):
                store_generated(connection, writer.document(number), number)
            connection.execute("DELETE FROM index_queue")
    print(f"  {n} sources stored in {time.perf_counter() - started:.0f} s")
    (folder / "bench-complete").write_text(str(n))


def start_rebuild(code: Path, archive: Path, folder: Path, stop_at: float) -> subprocess.Popen[str]:
    """Rebuild the index of a copy of ``archive``'s database in ``folder`` from nothing, with
    the program in ``code``, in a process of its own."""
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir()
    shutil.copyfile(archive / "archive.db", folder / "archive.db")
    return subprocess.Popen(
        [sys.executable, "-c", CHILD, str(code), str(folder), str(stop_at)],
        stdout=subprocess.PIPE,
        text=True,
    )


def figures_of(process: subprocess.Popen[str]) -> dict[str, Any]:
    """A rebuild's seconds (per part, when stopped and continued), CPU seconds and peak MB."""
    output, _ = process.communicate()
    if process.returncode != 0:
        raise SystemExit(f"a rebuild failed ({process.returncode})")
    figures: dict[str, Any] = json.loads(output.strip().splitlines()[-1])
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--n", type=int, default=100_000, help="sources (100000)")
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--baseline", type=Path, help="folder holding the program before")
    parser.add_argument("--stop-at", type=float, default=0.0, help="cancel this far in, go on")
    parser.add_argument(
        "--together", action="store_true", help="run both rebuilds at once (each on one core)"
    )
    args = parser.parse_args()
    folder = Path(tempfile.gettempdir()) / f"archive-bench-reindex-n{args.n}-s{args.seed}"
    if not (folder / "bench-complete").exists():
        shutil.rmtree(folder, ignore_errors=True)
        print(f"Building an archive of {args.n} sources in {folder}")
        build(folder, args.n, args.seed)
    programs = {"this program": REPO}
    if args.baseline is not None:
        programs = {"before": args.baseline, **programs}
    print(f"\nRebuilding the index of {args.n} sources from nothing")
    running: dict[str, subprocess.Popen[str]] = {}
    figures: dict[str, dict[str, Any]] = {}
    for label, code in programs.items():
        stop_at = args.stop_at if label == "this program" else 0.0
        work = folder.with_name(f"{folder.name}-{label.replace(' ', '-')}")
        running[label] = start_rebuild(code, folder, work, stop_at)
        if not args.together:
            figures[label] = figures_of(running[label])
    for label, process in running.items():
        figures[label] = figures.get(label) or figures_of(process)
    print(f"  {'':<14} {'seconds':>9} {'CPU s':>9} {'sources/CPU s':>14} {'peak MB':>8}")
    for label, result in figures.items():
        parts = [float(part) for part in result["parts"]]
        split = " + ".join(f"{part:.0f}" for part in parts) if len(parts) > 1 else ""
        print(
            f"  {label:<14} {sum(parts):9.1f} {result['cpu']:9.1f} "
            f"{args.n / result['cpu']:14.1f} {result['peak_mb']:8.0f}  {split}"
        )


if __name__ == "__main__":
    main()
