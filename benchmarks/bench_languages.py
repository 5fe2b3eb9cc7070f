"""Today's analysis against the analysis before languages (index schema 3), in one run.

    python benchmarks/bench_languages.py [--baseline 4df1428] [--n 400] [--queries 60]
                                         [--search-n 2000] [--rounds 1]

The code before languages stays reachable through git: the baseline commit is exported (``git
archive``) into a temporary folder, and each benchmark runs twice, once with that code first on
``PYTHONPATH`` and once with this tree's:
- ``bench_core.py``: import throughput and search p50/p95 (limits: throughput ≥ 0.8×);
- ``bench_search.py``: search p50/p95/p99 on a larger archive (limit: p95 ≤ 1.25×), and the size
  of its index folder (limit: ≤ 1.4×);
- ``bench_gui.py``: start-up of the window (limit: within 10%);
and first the gazetteer: building its table and the first lookup, with the peak memory each
adds (limit: 60 MB); the runs with languages use that table. Prints both sides; asserts
nothing.
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
TREE = HERE.parent


def export_baseline(commit: str, folder: Path) -> Path:
    archive = subprocess.run(
        ["git", "-C", str(TREE), "archive", "--format=tar", commit],
        check=True,
        capture_output=True,
    ).stdout
    subprocess.run(["tar", "-x", "-C", str(folder)], input=archive, check=True)
    return folder


def run(code: Path, script: str, *arguments: str, cache: Path | None = None) -> str:
    """A benchmark's output; ``cache``: the user's cache folder (where the gazetteer is)."""
    environment = {**os.environ, "PYTHONPATH": f"{code}:{code / 'benchmarks'}"}
    if cache is not None:
        environment["XDG_CACHE_HOME"] = str(cache)
    environment.setdefault("QT_QPA_PLATFORM", "offscreen")
    done = subprocess.run(
        [sys.executable, str(code / "benchmarks" / script), *arguments],
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )
    return done.stdout + (done.stderr[-2000:] if done.returncode else "")


def index_sizes(pattern: str) -> dict[str, int]:
    """Bytes of each cached bench_search archive's index, by folder name."""
    sizes = {}
    for folder in Path(tempfile.gettempdir()).glob(pattern):
        index = folder / "index"
        if index.is_dir():
            sizes[folder.name] = sum(f.stat().st_size for f in index.iterdir() if f.is_file())
    return sizes


def gazetteer_figures(cache: Path) -> None:
    """Build the gazetteer's table in ``cache`` (as the first search would), with figures."""
    sys.path.insert(0, str(TREE))
    from archive_app.core.search.gazetteer import Gazetteer, build_table, gazetteer_path

    table = gazetteer_path({"XDG_CACHE_HOME": str(cache), "HOME": str(cache)})
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    started = time.perf_counter()
    build_table(table)
    built = time.perf_counter() - started
    after_build = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    settings = _Settings()
    started = time.perf_counter()
    Gazetteer(table, settings).expansion("Stepanakert")
    lookup = (time.perf_counter() - started) * 1000
    after_lookup = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    size = table.stat().st_size / 1e6
    print(f"gazetteer: built in {built:.1f} s, table {size:.0f} MB on disk")
    print(
        f"  peak memory: +{after_build - before:.0f} MB building, "
        f"+{after_lookup - after_build:.0f} MB looking up"
    )
    print(f"  first lookup: {lookup:.1f} ms")


class _Settings:
    def __init__(self) -> None:
        self.values: dict[str, str] = {}

    def setting(self, key: str, default: str = "") -> str:
        return self.values.get(key, default)

    def set_setting(self, key: str, value: str) -> None:
        self.values[key] = value


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--baseline", default="4df1428", help="commit before languages")
    parser.add_argument("--n", default="400", help="articles for bench_core (400)")
    parser.add_argument("--queries", default="60", help="queries for bench_core (60)")
    parser.add_argument("--search-n", default="2000", help="sources for bench_search (2000)")
    parser.add_argument("--rounds", default="1", help="rounds of bench_search (1)")
    parser.add_argument("--gui-sizes", default="1000", help="archive sizes for bench_gui")
    parser.add_argument("--skip", nargs="*", default=[], help="core, search, gui")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder, tempfile.TemporaryDirectory() as cache:
        gazetteer_figures(Path(cache))
        baseline = export_baseline(args.baseline, Path(folder))
        sides = (("before languages", baseline, None), ("with languages", TREE, Path(cache)))
        if "core" not in args.skip:
            for label, code, home in sides:
                print(f"=== bench_core, {label}")
                print(
                    run(code, "bench_core.py", "--n", args.n, "--queries", args.queries, cache=home)
                )
        if "search" not in args.skip:
            for label, code, home in sides:
                print(f"=== bench_search, {label}")
                print(
                    run(
                        code,
                        "bench_search.py",
                        "--n",
                        args.search_n,
                        "--rounds",
                        args.rounds,
                        cache=home,
                    )
                )
            for name, size in sorted(
                index_sizes(f"archive-bench-search-*n{args.search_n}-*").items()
            ):
                print(f"index of {name}: {size / 1e6:.1f} MB")
        if "gui" not in args.skip:
            for label, code, home in sides:
                print(f"=== bench_gui, {label}")
                print(run(code, "bench_gui.py", "--sizes", args.gui_sizes, cache=home))


if __name__ == "__main__":
    main()
