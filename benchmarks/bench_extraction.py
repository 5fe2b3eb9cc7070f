"""How well and how fast the web-page importer reads real news pages.

Three measurements on the shared corpus of saved news pages (``articles-dev``):

1. Quality: our importer's ``document.body`` against the body a reader sees (the corpus's
   ``ground-truth.json``), scored as the Zyte article-extraction benchmark scores (see the corpus
   README): 4-token shingles over runs of Unicode letters and digits, per-page true and false
   positives and false negatives normalised to sum to one, precision and recall averaged over
   pages, F1 from the two averages. trafilatura's plain ``extract()`` is scored the same way in
   the same run, as the baseline.
2. Speed of the importer alone, in pages per second.
3. A whole import of the folder into a fresh archive, timed beside Recoll indexing the same
   folder (``recollindex`` from Debian's ``recollcmd``), where Recoll is installed: once through
   ``Archive.import_paths`` in this process, and once as a person runs it,
   ``archive-app import FOLDER --archive PATH`` in a process of its own (its start-up included).
   With ``--baseline TREE`` (a checkout of an earlier commit, e.g. ``git worktree add --detach
   /tmp/base COMMIT``), that tree's ``archive-app import`` is timed too, turn about with ours,
   ``--runs`` times each: the speed-up in one run on one machine.

Run from the repository root: ``.venv/bin/python benchmarks/bench_extraction.py``.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from installed import compile_like_an_install

REPO = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = REPO.parent / "shared" / "corpus" / "articles-dev"
SHINGLE = 4
WORST = 10

_TOKEN = re.compile(r"[^\W_]+")


@dataclass(frozen=True)
class PageScore:
    page: str
    precision: float
    recall: float

    @property
    def f1(self) -> float:
        return harmonic_mean(self.precision, self.recall)


@dataclass(frozen=True)
class Scores:
    pages: list[PageScore]
    seconds: float
    cpu_seconds: float

    @property
    def precision(self) -> float:
        return sum(page.precision for page in self.pages) / len(self.pages)

    @property
    def recall(self) -> float:
        return sum(page.recall for page in self.pages) / len(self.pages)

    @property
    def f1(self) -> float:
        return harmonic_mean(self.precision, self.recall)


def harmonic_mean(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def shingles(text: str) -> Counter[tuple[str, ...]]:
    """Every run of four consecutive word tokens, with repeats counted; a text shorter than four
    tokens is one shingle of what it has."""
    tokens = _TOKEN.findall(text)
    count = max(1, len(tokens) - SHINGLE + 1)
    return Counter(
        shingle for start in range(count) if (shingle := tuple(tokens[start : start + SHINGLE]))
    )


def score_page(page: str, extracted: str, truth: str) -> PageScore:
    """Precision and recall of one page. Nothing extracted where the truth has text scores zero
    precision; nothing extracted where nothing is expected scores perfectly."""
    found, expected = shingles(extracted), shingles(truth)
    true_positives = sum((found & expected).values())
    false_positives = sum(found.values()) - true_positives
    false_negatives = sum(expected.values()) - true_positives
    total = true_positives + false_positives + false_negatives
    if total == 0 or false_positives == false_negatives == 0:
        return PageScore(page, 1.0, 1.0)
    tp, fp, fn = (value / total for value in (true_positives, false_positives, false_negatives))
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    return PageScore(page, precision, recall)


def score_extractor(
    extractor: Callable[[Path, bytes], str], pages: list[Path], truth: dict[str, str]
) -> Scores:
    scored = []
    seconds = cpu_seconds = 0.0
    for page in pages:
        data = page.read_bytes()
        started, cpu_started = time.perf_counter(), time.process_time()
        text = extractor(page, data)
        seconds += time.perf_counter() - started
        cpu_seconds += time.process_time() - cpu_started
        scored.append(score_page(page.stem, text, truth[page.stem]))
    return Scores(scored, seconds, cpu_seconds)


def halves(scores: Scores) -> tuple[Scores, Scores]:
    """The pages split in two fixed halves (alternately, in the order of their names): rules are
    tuned on the first and kept only if they also help on the second, which they were not
    written for."""
    tuning = [page for index, page in enumerate(scores.pages) if index % 2 == 0]
    held_out = [page for index, page in enumerate(scores.pages) if index % 2 == 1]
    return Scores(tuning, 0.0, 0.0), Scores(held_out, 0.0, 0.0)


def our_importer(page: Path, data: bytes) -> str:
    from archive_app.importers.html import extract

    return extract(data, name=page.name, path=page).body


def trafilatura_plain(page: Path, data: bytes) -> str:
    import trafilatura

    return trafilatura.extract(data) or ""


def trafilatura_without_comments(page: Path, data: bytes) -> str:
    import trafilatura

    return trafilatura.extract(data, include_comments=False) or ""


def print_scores(label: str, scores: Scores) -> None:
    figures = f"precision {scores.precision:.4f}  recall {scores.recall:.4f}  F1 {scores.f1:.4f}"
    print(f"{label:<46} {figures}")


def print_worst(scores: Scores) -> None:
    print(f"\nWorst {WORST} pages (ours):")
    for page in sorted(scores.pages, key=lambda score: score.f1)[:WORST]:
        figures = f"F1 {page.f1:.3f}  precision {page.precision:.3f}  recall {page.recall:.3f}"
        print(f"  {figures}  {page.page}")


def measure_quality(pages: list[Path], truth: dict[str, str]) -> None:
    ours = score_extractor(our_importer, pages, truth)
    plain = score_extractor(trafilatura_plain, pages, truth)
    without_comments = score_extractor(trafilatura_without_comments, pages, truth)
    print(f"Body extraction on {len(pages)} pages")
    print_scores("archive_app.importers.html", ours)
    print_scores("trafilatura extract() (baseline)", plain)
    print_scores("trafilatura extract(include_comments=False)", without_comments)
    for label, ours_half, plain_half in zip(
        ("tuning half", "held-out half"), halves(ours), halves(plain), strict=True
    ):
        print(
            f"  {label} ({len(ours_half.pages)} pages): ours F1 {ours_half.f1:.4f}, "
            f"trafilatura alone {plain_half.f1:.4f}"
        )
    print_worst(ours)
    print(
        f"\nSpeed: {len(pages) / ours.seconds:.1f} pages/s with our importer "
        f"({ours.seconds:.2f} s), {len(pages) / plain.seconds:.1f} pages/s with trafilatura alone"
    )
    print(
        f"Per core (pages per CPU second): {len(pages) / ours.cpu_seconds:.1f} with our "
        f"importer, {len(pages) / plain.cpu_seconds:.1f} with trafilatura alone"
    )


@dataclass(frozen=True)
class Timing:
    """Wall-clock seconds, and CPU seconds of this process and the processes it started and
    waited for (our workers, recollindex): the figure a loaded shared machine disturbs least."""

    pages: int
    seconds: float
    cpu_seconds: float

    @property
    def per_core(self) -> float:
        return self.pages / self.cpu_seconds

    def __str__(self) -> str:
        return (
            f"{self.seconds:.2f} s, {self.pages / self.seconds:.1f} pages/s; "
            f"{self.cpu_seconds:.2f} CPU s, {self.per_core:.1f} pages per CPU second"
        )


class CpuClock:
    """CPU seconds used by this process and its finished children since it started."""

    def __init__(self) -> None:
        self.started = self._now()

    @staticmethod
    def _now() -> float:
        children = resource.getrusage(resource.RUSAGE_CHILDREN)
        return time.process_time() + children.ru_utime + children.ru_stime

    def elapsed(self) -> float:
        return self._now() - self.started


def time_archive_import(folder: Path, workspace: Path) -> Timing | None:
    """How long importing ``folder`` into a fresh archive takes, workers started and stopped
    included; None when the core cannot do it yet."""
    try:
        from archive_app.core import Archive
    except ImportError as error:
        print(f"\nArchive import: skipped, the archive core is not available ({error}).")
        return None
    started, cpu = time.perf_counter(), CpuClock()
    with Archive.open(workspace / "archive") as archive:
        report = archive.import_paths([folder], progress=None, cancel=None)
    timing = Timing(len(report.outcomes), time.perf_counter() - started, cpu.elapsed())
    print(
        f"\nArchive import of {folder}: {timing} "
        f"({len(report.imported)} imported, {len(report.failed)} failed)"
    )
    for failure in report.failed[:WORST]:
        print(f"  failed: {failure}")
    return timing


CLI_ENTRY = "import sys; from {module} import main; sys.exit(main())"
"""What the ``archive-app`` script runs, here with a tree's package first on the path."""


def entry_module(tree: Path) -> str:
    """The module ``archive-app`` starts at in ``tree``: a baseline tree from before
    ``archive_app.entry`` starts at ``archive_app.cli``. (Asked of the tree, not of Python: an
    editable install of this tree would lend the baseline its ``entry`` module.)"""
    return (
        "archive_app.entry" if (tree / "archive_app" / "entry.py").is_file() else "archive_app.cli"
    )


def time_cli_import(
    folder: Path, workspace: Path, tree: Path = REPO, label: str = "archive-app import"
) -> Timing | None:
    """``archive-app import FOLDER --archive PATH`` into a fresh archive, as a process of its
    own, with ``tree``'s package: the interpreter's start-up and the command line's imports are
    part of the time (its modules compiled to bytecode first, as an install leaves them)."""
    compile_like_an_install(tree / "archive_app")
    archive = Path(tempfile.mkdtemp(prefix="cli-archive-", dir=workspace))
    entry = CLI_ENTRY.format(module=entry_module(tree))
    command = [sys.executable, "-c", entry, "import", "--json", str(folder)]
    command += ["--archive", str(archive)]
    environment = os.environ | {"PYTHONPATH": str(tree)}
    started, cpu = time.perf_counter(), CpuClock()
    result = subprocess.run(command, capture_output=True, text=True, check=False, env=environment)
    seconds, cpu_seconds = time.perf_counter() - started, cpu.elapsed()
    if result.returncode not in (0, 1):
        print(f"archive-app import failed ({result.returncode}): {result.stderr.strip()[-500:]}")
        return None
    outcomes = json.loads(result.stdout)
    timing = Timing(len(outcomes), seconds, cpu_seconds)
    imported = sum(1 for outcome in outcomes if outcome["status"] == "imported")
    print(f"{label} (a process of its own): {timing} ({imported} imported)")
    return timing


def time_recoll(folder: Path, workspace: Path) -> Timing | None:
    """Seconds for ``recollindex`` to index ``folder`` with a fresh configuration."""
    recollindex = shutil.which("recollindex")
    if recollindex is None:
        print("Recoll: skipped, recollindex is not installed (Debian: apt-get install recollcmd).")
        return None
    config = workspace / "recoll"
    config.mkdir()
    # No spelling dictionary: aspell has no data for the C locale and would only add an error.
    (config / "recoll.conf").write_text(f"topdirs = {folder}\nnoaspell = 1\n", encoding="utf-8")
    started, cpu = time.perf_counter(), CpuClock()
    result = subprocess.run(
        [recollindex, "-c", str(config)], capture_output=True, text=True, check=False
    )
    timing = Timing(len(list(folder.glob("*.htm*"))), time.perf_counter() - started, cpu.elapsed())
    if result.returncode != 0:
        print(f"Recoll: recollindex failed ({result.returncode}): {result.stderr.strip()[-500:]}")
        return None
    print(f"Recoll index of {folder}: {timing}")
    return timing


def measure_import(folder: Path, baseline: Path | None, runs: int) -> None:
    with tempfile.TemporaryDirectory(prefix="bench-extraction-") as temporary:
        workspace = Path(temporary)
        ours = time_archive_import(folder, workspace)
        command_line = time_cli_import(folder, workspace)
        if baseline is not None:
            compare_with_baseline(folder, workspace, baseline, runs)
        recoll = time_recoll(folder, workspace)
    if recoll is None:
        return
    for label, timing in (("Archive import", ours), ("archive-app import", command_line)):
        if timing is not None:
            print(
                f"{label} / Recoll index: {timing.seconds / recoll.seconds:.2f} in time, "
                f"{recoll.per_core / timing.per_core:.2f} in pages per CPU second"
            )


def compare_with_baseline(folder: Path, workspace: Path, baseline: Path, runs: int) -> None:
    """Time ``archive-app import`` of the baseline tree and of ours, turn about, and print the
    medians and how many times faster ours is."""
    timings: dict[str, list[Timing]] = {"baseline": [], "ours": []}
    for _ in range(runs):
        for label, tree in (("baseline", baseline), ("ours", REPO)):
            timing = time_cli_import(folder, workspace, tree, f"{label} archive-app import")
            if timing is None:
                return
            timings[label].append(timing)
    medians = {
        label: (
            statistics.median(timing.seconds for timing in found),
            statistics.median(timing.cpu_seconds for timing in found),
        )
        for label, found in timings.items()
    }
    (base_seconds, base_cpu), (our_seconds, our_cpu) = medians["baseline"], medians["ours"]
    print(
        f"Medians of {runs}: baseline ({baseline}) {base_seconds:.2f} s, {base_cpu:.2f} CPU s; "
        f"ours {our_seconds:.2f} s, {our_cpu:.2f} CPU s: "
        f"{base_seconds / our_seconds:.2f} times as fast in time, "
        f"{base_cpu / our_cpu:.2f} in CPU seconds"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument(
        "--corpus", type=Path, default=DEFAULT_CORPUS, help="the articles-dev folder"
    )
    parser.add_argument(
        "--no-import", action="store_true", help="skip the archive and Recoll timing"
    )
    parser.add_argument(
        "--baseline",
        type=Path,
        help="a checkout of an earlier commit whose archive-app import is timed beside ours",
    )
    parser.add_argument(
        "--runs", type=int, default=3, help="imports of each tree with --baseline; medians shown"
    )
    arguments = parser.parse_args(argv)
    corpus: Path = arguments.corpus
    truth_file = corpus / "ground-truth.json"
    if not truth_file.is_file() or not (corpus / "html").is_dir():
        print(f"The corpus is not at {corpus} (no ground-truth.json and html/ there).")
        print("Nothing to measure.")
        return 0
    sys.path.insert(0, str(REPO))
    truth = {
        page: entry.get("articleBody", "")
        for page, entry in json.loads(truth_file.read_text("utf-8")).items()
    }
    pages = sorted(page for page in (corpus / "html").glob("*.html") if page.stem in truth)
    measure_quality(pages, truth)
    if not arguments.no_import:
        measure_import(corpus / "html", arguments.baseline, arguments.runs)
    return 0


if __name__ == "__main__":
    sys.exit(main())
