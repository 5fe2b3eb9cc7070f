"""The audit trail's cost: appending entries, verifying the hash chain, reading one source's
history, and moving sources to the trash and back.

    python benchmarks/bench_audit.py [--entries 50000] [--sources 2000]

Appends ENTRIES edit entries spread over SOURCES sources (as grading edits, each through the
journal in its own transaction, the way the window makes them), then times the chain check
(``AuditTrail.verify``), a source's history through the index table, and, as the baseline,
the same history found by scanning every entry's JSON list of sources. Prints figures; asserts
nothing (these machines are shared and noisy).
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from archive_app.core.archive import Archive
from archive_app.core.audit import record
from archive_app.core.sources import insert_source
from archive_app.core.store import FileDigest
from archive_app.importers.document import Block, ExtractedDocument


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=50_000)
    parser.add_argument("--sources", type=int, default=2_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder, Archive.open(Path(folder) / "a") as archive:
        ids = _sources(archive, args.sources)
        started = time.perf_counter()
        for number in range(args.entries):
            with archive.database.transaction() as connection:
                record(
                    connection,
                    action="edit",
                    description=f"Verification of source {ids[number % len(ids)]}",
                    source_ids=[ids[number % len(ids)]],
                    changes=[{"table": "source_evidence", "action": "update", "row_id": 1,
                              "before": {"status": "unverified"}, "after": {"status": "verified"}}],
                )  # fmt: skip
        append = time.perf_counter() - started
        print(f"append: {args.entries / append:,.0f} entries/s ({append:.1f} s)")
        started = time.perf_counter()
        problems = archive.audit.verify()
        print(
            f"verify chain of {args.entries:,}: {time.perf_counter() - started:.2f} s, {problems}"
        )
        indexed = _timed(lambda source_id: len(archive.audit.entries(source_id)), ids[:50])
        scanned = _timed(lambda source_id: _scan(archive, source_id), ids[:50])
        print(f"one source's history: {indexed * 1000:.1f} ms (index table)")
        print(f"baseline, JSON scan of every entry: {scanned * 1000:.1f} ms")
        started = time.perf_counter()
        change = archive.delete_sources(ids[:100])
        trashed = time.perf_counter() - started
        started = time.perf_counter()
        change.undo()
        restored = time.perf_counter() - started
        print(f"trash 100 sources: {trashed:.2f} s; restore them: {restored:.2f} s")


def _sources(archive: Archive, count: int) -> list[int]:
    ids = []
    with archive.database.transaction() as connection:
        for number in range(count):
            document = ExtractedDocument(
                kind="text", title=f"Report {number}", blocks=[Block("paragraph", "Text " * 200)]
            )
            ids.append(
                insert_source(
                    connection,
                    document,
                    digest=FileDigest(f"{number:064x}", 1000),
                    original_name=f"r{number}.txt",
                    original_ext=".txt",
                    importer_version="bench",
                    has_thumbnail=False,
                )
            )
    archive.index.notify(wait=True)
    return ids


def _scan(archive: Archive, source_id: int) -> int:
    rows = archive.database.query(
        "SELECT id FROM audit_log WHERE EXISTS "
        "(SELECT 1 FROM json_each(source_ids) WHERE value = ?)",
        (source_id,),
    )
    return len(rows)


def _timed(run: Callable[[int], int], ids: list[int]) -> float:
    times = []
    for source_id in ids:
        started = time.perf_counter()
        run(source_id)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


if __name__ == "__main__":
    main()
