"""The CPU the index writer spends per imported page: before, now, and with Whoosh's own writer.

    python benchmarks/bench_index_writer.py [--folder DIR] [--commit 15] [--rounds 3]
        [--baseline DIR]

Imports the saved pages of ``--folder`` (default: the shared corpus's ``articles-dev/html``)
into a temporary archive once, reads their index documents, and writes them into fresh indexes
in commits of ``--commit`` pages (about what an import's rounds commit), with:

- the index writer's ``CommitWriter`` of this tree;
- Whoosh's own writer (``SegmentWriter.add_document``, each text analysed twice: its terms, then
  its spelling field's words; Whoosh's codec writing the terms), uncompressed as our commits;
- with ``--baseline DIR`` (a copy of the program before, e.g. ``git archive main archive_app |
  tar -x -C DIR``), the baseline's ``CommitWriter``.

Each is timed in a process of its own, in turn, ``--rounds`` times; each process writes the
documents once to warm its caches (as in a long import) and then once timed. It prints the best
CPU per page of adding the documents and of committing them. With ``--baseline`` it also times
``archive-app import`` of the folder into a fresh archive with this tree and with the baseline,
in turn, and prints the best of three of each: the wall time, and the CPU of the program's own
process (where the index is written). Asserts nothing: shared machines are noisy.
"""

from __future__ import annotations

import argparse
import os
import pickle
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from whoosh import index as whoosh_index
from whoosh.codec.whoosh3 import W3Codec
from whoosh.writing import SegmentWriter

from archive_app.core.archive import Archive
from archive_app.core.index import build_schema
from archive_app.core.search.analysis import analysis_language
from archive_app.core.search.committing import COMMIT_COMPRESSION, CommitWriter
from archive_app.core.search.documents import documents_for

REPO = Path(__file__).resolve().parent.parent
CORPUS_PAGES = REPO.parent / "shared" / "corpus" / "articles-dev" / "html"


def open_writer(way: str, ix: Any) -> Any:
    """``ours``: the tree's commit writer; ``whoosh``: Whoosh's writer, uncompressed."""
    if way == "whoosh":
        return SegmentWriter(ix, timeout=10.0, codec=W3Codec(compression=COMMIT_COMPRESSION))
    return CommitWriter(ix, timeout=10.0)


def write_once(
    documents: list[dict[str, Any]], commit: int, way: str, folder: Path
) -> tuple[float, float]:
    """CPU seconds adding, and committing, every document into a fresh index."""
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir()
    ix = whoosh_index.create_in(folder, build_schema())
    adding = committing = 0.0
    for start in range(0, len(documents), commit):
        started = time.process_time()
        writer = open_writer(way, ix)
        for document in documents[start : start + commit]:
            with analysis_language(document.get("lang", "")):
                writer.update_document(**document)
        added = time.process_time()
        writer.commit(merge=False)
        adding += added - started
        committing += time.process_time() - added
    ix.close()
    return adding, committing


def writer_child(way: str, documents_file: Path, commit: int) -> None:
    """In a process whose ``archive_app`` is the tree to time: write once warm, once timed."""
    documents = pickle.loads(documents_file.read_bytes())
    with tempfile.TemporaryDirectory() as workspace:
        write_once(documents, commit, way, Path(workspace) / "index")
        adding, committing = write_once(documents, commit, way, Path(workspace) / "index")
    print(adding, committing)


def compare_writers(
    documents: list[dict[str, Any]], commit: int, rounds: int, baseline: Path | None
) -> None:
    ways = [("Whoosh's writer", REPO, "whoosh"), ("this tree", REPO, "ours")]
    if baseline is not None:
        ways.insert(0, ("baseline", baseline, "ours"))
    best: dict[str, tuple[float, float]] = {}
    with tempfile.TemporaryDirectory() as workspace:
        documents_file = Path(workspace) / "documents.pickle"
        documents_file.write_bytes(pickle.dumps(documents))
        for _ in range(rounds):
            for label, tree, way in ways:
                child = [sys.executable, __file__, "--writer-child", way, str(documents_file)]
                finished = subprocess.run(
                    [*child, "--commit", str(commit)],
                    check=True,
                    capture_output=True,
                    text=True,
                    env={**os.environ, "PYTHONPATH": str(tree)},
                    cwd=workspace,
                )
                adding, committing = (float(part) for part in finished.stdout.split())
                if label not in best or adding + committing < sum(best[label]):
                    best[label] = (adding, committing)
    pages = len(documents)
    print(f"index writer CPU per page, {pages} pages in commits of {commit}, best of {rounds}:")
    for label, (adding, committing) in best.items():
        add, commit_ms = adding * 1000 / pages, committing * 1000 / pages
        total = add + commit_ms
        print(f"  {label:16} add {add:5.2f} ms, commit {commit_ms:5.2f} ms, total {total:5.2f}")


IMPORT_PROGRAM = """
import atexit, resource, sys
from archive_app.entry import main

def own_cpu():
    usage = resource.getrusage(resource.RUSAGE_SELF)
    print(f"own CPU {usage.ru_utime + usage.ru_stime}", file=sys.stderr)

atexit.register(own_cpu)
sys.exit(main())
"""
"""``archive-app``, printing at exit the CPU its own process spent (the index writer's part is
in it; the extraction workers' is not)."""


def time_imports(folder: Path, baseline: Path, tries: int = 3) -> None:
    """``archive-app import`` of the folder with this tree and with the baseline, in turn."""
    from installed import compile_like_an_install

    compile_like_an_install()
    timings: dict[str, list[tuple[float, float]]] = {"baseline": [], "this tree": []}
    with tempfile.TemporaryDirectory() as workspace:
        for _ in range(tries):
            for label, tree in (("baseline", baseline), ("this tree", REPO)):
                archive = Path(workspace) / "archive"
                shutil.rmtree(archive, ignore_errors=True)
                arguments = ["--archive", str(archive), "import", str(folder)]
                started = time.perf_counter()
                finished = subprocess.run(
                    [sys.executable, "-c", IMPORT_PROGRAM, *arguments],
                    check=True,
                    capture_output=True,
                    text=True,
                    env={**os.environ, "PYTHONPATH": str(tree)},
                    cwd=workspace,  # not this tree: ``-c`` puts the working folder first
                )
                seconds = time.perf_counter() - started
                own_cpu = float(finished.stderr.rsplit("own CPU ", 1)[1])
                timings[label].append((seconds, own_cpu))
    print(f"archive-app import of {folder.name}, best of {tries}:")
    for label, runs in timings.items():
        seconds = min(wall for wall, _ in runs)
        own_cpu = min(cpu for _, cpu in runs)
        print(f"  {label:10} {seconds:5.2f} s wall, its own process {own_cpu:5.2f} s CPU")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--folder", type=Path, default=CORPUS_PAGES)
    parser.add_argument("--commit", type=int, default=15)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--baseline", type=Path)
    parser.add_argument("--writer-child", nargs=2, metavar=("WAY", "DOCUMENTS"))
    args = parser.parse_args(argv)
    if args.writer_child:
        way, documents_file = args.writer_child
        writer_child(way, Path(documents_file), args.commit)
        return 0
    with (
        tempfile.TemporaryDirectory() as workspace,
        Archive.open(Path(workspace) / "archive") as archive,
    ):
        archive.import_paths(sorted(args.folder.iterdir()))
        ids = [int(row[0]) for row in archive.database.query("SELECT id FROM sources")]
        documents = list(documents_for(archive.database, ids).values())
    compare_writers(documents, args.commit, args.rounds, args.baseline)
    if args.baseline is not None:
        time_imports(args.folder, args.baseline)
    return 0


if __name__ == "__main__":
    sys.exit(main())
