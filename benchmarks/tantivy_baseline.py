"""The distance to the limit: the plain-word queries of ``bench_search`` answered by tantivy
(tantivy-py, installed for the benchmark only: ``pip install tantivy``) over the same texts, with
the same first page of 20 hits, a snippet for each and kind and year facet counts."""

from __future__ import annotations

import shutil
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from archive_app.core.archive import Archive

FACET_AGGREGATIONS = {
    "kind": {"terms": {"field": "kind"}},
    "year": {"terms": {"field": "year"}},
}


def tantivy_search(archive: Archive, folder: Path) -> Callable[[str], object] | None:
    """A function answering a plain-word query with tantivy, from an index of the archive's
    titles, bodies and captions built (once) in ``folder``; None when tantivy is not installed."""
    try:
        import tantivy
    except ImportError:
        print("tantivy: skipped, it is not installed (pip install tantivy)")
        return None
    builder = tantivy.SchemaBuilder()
    builder.add_text_field("title", stored=True, tokenizer_name="en_stem")
    builder.add_text_field("body", stored=True, tokenizer_name="en_stem")
    builder.add_text_field("kind", stored=True, fast=True, tokenizer_name="raw")
    builder.add_text_field("year", stored=True, fast=True, tokenizer_name="raw")
    schema = builder.build()
    complete = folder / "bench-complete"
    if not complete.exists():
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir(parents=True)
        _build(archive, tantivy.Index(schema, path=str(folder)))
        complete.write_text("done")
    index = tantivy.Index(schema, path=str(folder))
    index.reload()
    searcher = index.searcher()

    def search(query: str) -> object:
        parsed = index.parse_query(query, ["title", "body"], conjunction_by_default=True)
        hits = searcher.search(parsed, 20).hits
        snippets = tantivy.SnippetGenerator.create(searcher, parsed, schema, "body")
        page = [snippets.snippet_from_doc(searcher.doc(address)).to_html() for _, address in hits]
        return page, searcher.aggregate(parsed, FACET_AGGREGATIONS)

    return search


def _build(archive: Archive, index: Any) -> None:
    started = time.perf_counter()
    writer = index.writer(heap_size=128 << 20, num_threads=1)
    rows = archive.database.query(
        "SELECT s.title, s.body, s.kind, substr(s.published, 1, 4),"
        " (SELECT group_concat(c.text, ' ') FROM captions c WHERE c.source_id = s.id)"
        " FROM sources s"
    )
    for title, body, kind, year, captions in rows:
        writer.add_document(_document(title, f"{body}\n{captions or ''}", kind, year))
    writer.commit()
    writer.wait_merging_threads()
    print(f"  tantivy index of {len(rows)} sources built in {time.perf_counter() - started:.1f} s")


def _document(title: str, body: str, kind: str, year: str) -> Any:
    import tantivy

    return tantivy.Document(title=title, body=body, kind=kind, year=year or "undated")
