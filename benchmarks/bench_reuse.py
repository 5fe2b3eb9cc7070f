"""What finding reused photos costs: fingerprinting at import, lookup and grouping at scale.

    python benchmarks/bench_reuse.py [--photos 40] [--n 100000] [--seed 7]

(a) Import cost: ``--photos`` generated camera-sized JPEGs (3000 × 2000) are read by the image
    importer as an import does; the fingerprint's share of that time is printed beside the
    whole ``Archive.import_paths`` time per photo. Limit: at most 10%.
(b) Lookup: an archive whose ``--n`` image sources have fingerprints (those of 2,000 generated
    pictures, each also stored as a grey, resized copy, the rest random hashes: generating
    100,000 pictures would take most of an hour); the copies of one photo are found with
    ``Reuse.same_photo``. Limit: 50 ms.
(c) Grouping: ``Reuse.photo_groups`` over all of them. Limit: 30 s. The processor time is
    printed beside the wall-clock time, with the load average: on a shared machine the
    wall-clock time grows with the load.
Prints figures; asserts nothing (these machines are shared and noisy).
"""

from __future__ import annotations

import argparse
import io
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

from PIL import Image

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from archive_app.core.archive import Archive  # noqa: E402
from archive_app.importers import image  # noqa: E402
from archive_app.importers.image_fingerprint import (  # noqa: E402
    fingerprint,
    signed,
    split_fingerprint,
)
from tests.fixtures.make_copies import grey, photo_file, resized, scene  # noqa: E402

GENERATED = 2000


def import_cost(count: int, folder: Path) -> None:
    files = []
    for number in range(count):
        picture = scene(number, (3000, 2000))
        path = folder / f"photo-{number}.jpg"
        path.write_bytes(photo_file(picture, caption=f"Photo {number}."))
        files.append(path)
    extract_times, fingerprint_times = [], []
    for path in files:
        data = path.read_bytes()
        started = time.perf_counter()
        document = image.extract(data, name=path.name)
        extract_times.append(time.perf_counter() - started)
        assert document.thumbnail is not None
        upright = Image.open(io.BytesIO(document.thumbnail))
        upright.load()
        started = time.perf_counter()
        fingerprint(upright)
        fingerprint_times.append(time.perf_counter() - started)
    with tempfile.TemporaryDirectory() as archive_folder, Archive.open(archive_folder) as archive:
        started = time.perf_counter()
        report = archive.import_paths(files)
        per_photo = (time.perf_counter() - started) / len(report.imported)
    extract = statistics.median(extract_times)
    cost = statistics.median(fingerprint_times)
    print(f"(a) {count} photos of 3000 × 2000:")
    print(f"    image importer per photo (median)   {extract * 1000:7.1f} ms")
    print(f"    of which the fingerprint (median)    {cost * 1000:7.1f} ms")
    print(f"    whole import per photo               {per_photo * 1000:7.1f} ms")
    print(f"    fingerprint / importer               {cost / extract:7.1%}   (limit 10%)")
    print(f"    fingerprint / whole import           {cost / per_photo:7.1%}")


def fill(archive: Archive, count: int, rng: random.Random) -> list[int]:
    """``count`` image sources with fingerprints; the ids of the generated originals."""
    hashes: list[tuple[int, int]] = []
    for number in range(min(GENERATED, count // 2)):
        picture = scene(1000 + number, (480, 320))
        for version in (picture, grey(resized(picture))):
            found = split_fingerprint(fingerprint(version))
            assert found is not None
            hashes.append(found)
    while len(hashes) < count:
        hashes.append((rng.getrandbits(64), rng.getrandbits(64)))
    with archive.database.transaction() as connection:
        connection.executemany(
            "INSERT INTO sources (id, kind, title, sha256, imported_at, modified_at) "
            "VALUES (?, 'image', ?, ?, '2026-12-01', '2026-12-01')",
            ((i + 1, f"Photo {i + 1}", f"{i + 1:064x}") for i in range(len(hashes))),
        )
        connection.executemany(
            "INSERT INTO image_fingerprints (source_id, version, phash, dhash) VALUES (?, 1, ?, ?)",
            ((i + 1, signed(p), signed(d)) for i, (p, d) in enumerate(hashes)),
        )
    return list(range(1, min(GENERATED, count // 2) * 2, 2))


def lookup_and_grouping(count: int, rng: random.Random) -> None:
    with tempfile.TemporaryDirectory() as folder, Archive.open(folder) as archive:
        started = time.perf_counter()
        originals = fill(archive, count, rng)
        print(
            f"\n(b) {count} fingerprinted images (filled in {time.perf_counter() - started:.0f} s)"
        )
        started = time.perf_counter()
        archive.reuse.same_photo(originals[0])
        first = (time.perf_counter() - started) * 1000
        print(f"    first lookup, reading all fingerprints   {first:7.1f} ms")
        timings, found = [], 0
        for source_id in rng.sample(originals, 200):
            started = time.perf_counter()
            groups = archive.reuse.same_photo(source_id)
            timings.append(time.perf_counter() - started)
            found += bool(groups and len(groups[0].showings) >= 2)
        timings.sort()
        p50, p95 = timings[len(timings) // 2], timings[int(len(timings) * 0.95)]
        print(
            f"    lookup p50 / p95 (200 photos)            {p50 * 1000:7.1f} / "
            f"{p95 * 1000:.1f} ms   (limit 50 ms)"
        )
        print(f"    photos whose copy was found              {found} of 200")
        started, cpu_started = time.perf_counter(), time.process_time()
        groups = archive.reuse.photo_groups()
        elapsed = time.perf_counter() - started
        cpu = time.process_time() - cpu_started
        sizes = statistics.mean(len(g.showings) for g in groups) if groups else 0
        print(f"(c) grouping all                             {elapsed:7.1f} s   (limit 30 s)")
        print(f"    processor time, all threads              {cpu:7.1f} s   (load {_load()})")
        made = min(GENERATED, count // 2)
        print(
            f"    groups found                             {len(groups)} "
            f"(mean size {sizes:.2f}; {made} made)"
        )


def _load() -> str:
    """The machine's load average: on a shared machine, wall-clock time is inflated by it."""
    return f"{os.getloadavg()[0]:.1f} on {os.cpu_count()} cores"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--photos", type=int, default=40)
    parser.add_argument("--n", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        import_cost(args.photos, Path(folder))
    lookup_and_grouping(args.n, random.Random(args.seed))


if __name__ == "__main__":
    main()
