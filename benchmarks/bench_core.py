"""Import throughput and search latency of an Archive, beside raw Whoosh on the same texts.

    python benchmarks/bench_core.py [--n 2000] [--queries 150] [--seed 7]

Generates N articles of realistic length as text files, then measures in one run:
(a) ``Archive.import_paths`` throughput in docs/s, and raw Whoosh indexing the same texts with
the same schema (no files stored, no database, no worker processes);
(b) search latency p50/p95 over varied queries through ``Archive.search`` (hits with
snippets), and raw Whoosh parsing the same queries and highlighting the same hits.
Prints figures and ratios; asserts nothing (these machines are shared and noisy).
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
from pathlib import Path

from generate import COMMON_WORDS, TOPICS
from whoosh import highlight, index
from whoosh.qparser import AndGroup, MultifieldParser

from archive_app.core.archive import Archive
from archive_app.core.index import build_schema

PLACES = [
    "Stepanakert",
    "Khankendi",
    "Xankəndi",
    "Shusha",
    "Shushi",
    "Şuşa",
    "Lachin",
    "Goris",
    "Agdam",
    "Ağdam",
    "Martakert",
    "Kornidzor",
    "Hakari",
    "Baku",
    "Yerevan",
    "Hadrut",
]


def make_article(rng: random.Random, number: int) -> str:
    place = rng.choice(PLACES)
    title = f"{rng.choice(TOPICS).capitalize()} near {place}: {rng.choice(TOPICS)} {number}"
    paragraphs = []
    for _ in range(rng.randint(8, 14)):
        sentences = []
        for _ in range(rng.randint(3, 5)):
            words = [
                rng.choice(PLACES)
                if rng.random() < 0.04
                else rng.choice(TOPICS)
                if rng.random() < 0.15
                else rng.choice(COMMON_WORDS)
                for _ in range(rng.randint(10, 22))
            ]
            sentences.append(" ".join(words).capitalize() + ".")
        paragraphs.append(" ".join(sentences))
    return title + "\n\n" + "\n\n".join(paragraphs) + "\n"


def make_queries(rng: random.Random, count: int) -> list[str]:
    shapes = [
        lambda: rng.choice(TOPICS),
        lambda: rng.choice(PLACES),
        lambda: f"{rng.choice(TOPICS)} {rng.choice(PLACES)}",
        lambda: f"{rng.choice(TOPICS)} {rng.choice(TOPICS)}",
        lambda: f'"{rng.choice(COMMON_WORDS)} {rng.choice(TOPICS)}"',
        lambda: f"title:{rng.choice(TOPICS)}",
        lambda: f"{rng.choice(TOPICS)[:4]}*",
        lambda: f"{rng.choice(TOPICS)} OR {rng.choice(TOPICS)}",
        lambda: f"{rng.choice(TOPICS)} -{rng.choice(TOPICS)}",
        lambda: f"{rng.choice(TOPICS)}~",
    ]
    return [shapes[i % len(shapes)]() for i in range(count)]


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


def bench_archive(folder: Path, workdir: Path, queries: list[str]) -> tuple[float, list[float]]:
    with Archive.open(workdir / "archive") as archive:
        start = time.perf_counter()
        report = archive.import_paths([folder])
        elapsed = time.perf_counter() - start
        assert not report.failed, report.failed[:3]
        latencies = []
        for query in queries:
            began = time.perf_counter()
            archive.search(query, limit=20)
            latencies.append(time.perf_counter() - began)
    return elapsed, latencies


def bench_raw_whoosh(
    files: list[Path], workdir: Path, queries: list[str]
) -> tuple[float, list[float]]:
    folder = workdir / "raw-index"
    folder.mkdir()
    start = time.perf_counter()
    ix = index.create_in(folder, build_schema())
    writer = ix.writer(limitmb=256)
    for number, path in enumerate(files):
        text = path.read_text(encoding="utf-8")
        title = text.split("\n", 1)[0]
        writer.add_document(id=str(number), kind="text", title=title, body=text)
    writer.commit()
    elapsed = time.perf_counter() - start
    parser = MultifieldParser(["title", "body"], ix.schema, group=AndGroup)
    latencies = []
    with ix.searcher() as searcher:
        for query in queries:
            began = time.perf_counter()
            results = searcher.search(parser.parse(query), limit=20, terms=True)
            results.fragmenter = highlight.ContextFragmenter(maxchars=220, surround=60)
            for hit in results:
                hit.highlights("body", top=2)
            latencies.append(time.perf_counter() - began)
    ix.close()
    return elapsed, latencies


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--n", type=int, default=2000, help="articles to generate (2000)")
    parser.add_argument("--queries", type=int, default=150, help="queries to time (150)")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    with tempfile.TemporaryDirectory(prefix="bench-core-") as temporary:
        workdir = Path(temporary)
        folder = workdir / "articles"
        folder.mkdir()
        files = []
        for number in range(args.n):
            path = folder / f"article-{number:06d}.txt"
            path.write_text(make_article(rng, number), encoding="utf-8")
            files.append(path)
        words = sum(len(p.read_text(encoding="utf-8").split()) for p in files[:200]) / min(
            200, len(files)
        )
        queries = make_queries(rng, args.queries)
        print(f"{args.n} articles, about {words:.0f} words each; {len(queries)} queries")

        ours_import, ours_latency = bench_archive(folder, workdir, queries)
        raw_import, raw_latency = bench_raw_whoosh(files, workdir, queries)

    ours_rate, raw_rate = args.n / ours_import, args.n / raw_import
    print("\n(a) import                      archive      raw whoosh   ratio")
    ratio = ours_rate / raw_rate
    print(f"    docs/s                     {ours_rate:8.1f}     {raw_rate:8.1f}      {ratio:5.2f}")
    print(f"    seconds                    {ours_import:8.1f}     {raw_import:8.1f}")
    print("\n(b) search (20 hits, snippets)  archive      raw whoosh   ratio")
    for label, fraction in (("p50", 0.5), ("p95", 0.95)):
        ours, raw = (
            percentile(ours_latency, fraction) * 1000,
            percentile(raw_latency, fraction) * 1000,
        )
        print(
            f"    {label} ms                     {ours:8.1f}     {raw:8.1f}      {ours / raw:5.2f}"
        )
    print(
        f"    mean ms                    {statistics.mean(ours_latency) * 1000:8.1f}     "
        f"{statistics.mean(raw_latency) * 1000:8.1f}"
    )


if __name__ == "__main__":
    main()
