"""Export and backup speed on a generated archive, beside plain baselines.

    python benchmarks/bench_export.py [--n 300] [--seed 7]

Imports N generated articles (text files), tags them with an event and two perspectives and
annotates every fifth, then times each export format over the whole archive, a backup (beside
``tar`` of the same folder and SQLite's own backup alone) and a restore (beside untarring).
Prints figures; asserts nothing (these machines are shared and noisy).
"""

from __future__ import annotations

import argparse
import random
import sqlite3
import subprocess
import tempfile
import time
from pathlib import Path

from bench_core import make_article

from archive_app.core.archive import Archive
from archive_app.export.backup import back_up, restore
from archive_app.export.formats import ExportJob, export
from archive_app.export.selection import Selection

FILES = {
    "csl-json": "out.json",
    "bibtex": "out.bib",
    "ris": "out.ris",
    "csv": "out.csv",
    "qdpx": "out.qdpx",
    "annotations": "out.jsonld",
}


def timed(work: object) -> float:
    start = time.perf_counter()
    work()  # type: ignore[operator]
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=300)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    with tempfile.TemporaryDirectory() as scratch:
        root = Path(scratch)
        texts = root / "texts"
        texts.mkdir()
        for number in range(args.n):
            (texts / f"a{number}.txt").write_text(make_article(rng, number), encoding="utf-8")
        with Archive.open(root / "archive") as archive:
            archive.import_paths([texts])
            ids = archive.source_ids()
            war, _ = archive.events.create("War", start="2020")
            archive.perspectives.create("A")
            archive.perspectives.create("B")
            archive.assignments.add_to_sources(ids, events=[war.id], perspectives=["A", "B"])
            for source_id in ids[::5]:
                archive.annotations.add_text(source_id, 10, 60, note="checked")
            print(f"{len(ids)} sources, {len(ids[::5])} annotations")
            runs = [*FILES.items(), ("report", "out.html"), ("report", "out.pdf")]
            for name, file_name in runs:
                path = root / file_name
                job = ExportJob(archive, Selection(), path)
                start = time.perf_counter()
                export(name, job)
                seconds = time.perf_counter() - start
                size = path.stat().st_size / 1e6
                print(f"export {name:<12} {file_name:<11} {seconds:6.2f} s  {size:6.2f} MB")
            backup_seconds = timed(lambda: back_up(archive.path, root / "backup.tar"))
            sqlite_seconds = timed(
                lambda: _sqlite_backup(archive.path / "archive.db", root / "c.db")
            )
        tar_seconds = timed(
            lambda: subprocess.run(
                ["tar", "-cf", str(root / "plain.tar"), "-C", str(root / "archive"), "."],
                check=True,
            )
        )
        print(
            f"backup         {backup_seconds:6.2f} s   (baseline: tar of the folder "
            f"{tar_seconds:.2f} s; SQLite backup alone {sqlite_seconds:.2f} s)"
        )
        restore_seconds = timed(lambda: restore(root / "backup.tar", root / "restored"))
        (root / "untarred").mkdir()
        untar_seconds = timed(
            lambda: subprocess.run(
                ["tar", "-xf", str(root / "plain.tar"), "-C", str(root / "untarred")], check=True
            )
        )
        print(
            f"restore        {restore_seconds:6.2f} s   (baseline: untar {untar_seconds:.2f} s; "
            "ours checks every checksum and rebuilds the index)"
        )


def _sqlite_backup(source: Path, target: Path) -> None:
    reader = sqlite3.connect(f"{source.as_uri()}?mode=ro", uri=True)
    writer = sqlite3.connect(target)
    reader.backup(writer)
    writer.close()
    reader.close()


if __name__ == "__main__":
    main()
