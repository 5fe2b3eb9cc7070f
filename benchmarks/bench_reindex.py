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
peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"parts": parts, "peak_mb": peak_mb}))
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


def rebuild(code: Path, folder: Path, stop_at: float) -> dict[str, object]:
    """Rebuild the index of the archive in ``folder`` from nothing with the program in ``code``,
    in a process of its own; its seconds (per part, when stopped and continued) and peak MB."""
    for derived in ("index", "index.new", "index.old"):
        shutil.rmtree(folder / derived, ignore_errors=True)
    result = subprocess.run(
        [sys.executable, "-c", CHILD, str(code), str(folder), str(stop_at)],
        capture_output=True,
        text=True,
        check=True,
    )
    figures: dict[str, object] = json.loads(result.stdout.strip().splitlines()[-1])
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--n", type=int, default=100_000, help="sources (100000)")
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--baseline", type=Path, help="folder holding the program before")
    parser.add_argument("--stop-at", type=float, default=0.0, help="cancel this far in, go on")
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
    print(f"  {'':<14} {'seconds':>9} {'sources/s':>10} {'peak MB':>8}")
    for label, code in programs.items():
        figures = rebuild(code, folder, args.stop_at if label == "this program" else 0.0)
        parts = [float(part) for part in figures["parts"]]  # type: ignore[attr-defined]
        seconds = sum(parts)
        split = " + ".join(f"{part:.0f}" for part in parts) if len(parts) > 1 else ""
        print(
            f"  {label:<14} {seconds:9.1f} {args.n / seconds:10.1f} "
            f"{float(str(figures['peak_mb'])):8.0f}  {split}"
        )


if __name__ == "__main__":
    main()
