"""Bodies analysed ahead by the extraction workers (``core/search/ahead.py``): the index writer
takes them instead of analysing the bodies itself, and the index is the one it would have
written, byte for byte; an analysis made for another text, language or field is not taken."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from whoosh import index as whoosh_index
from whoosh.formats import Positions

from archive_app.core.archive import Archive
from archive_app.core.index import build_schema
from archive_app.core.search.ahead import BODY_FORMAT, AnalysedAhead, analyse_body
from archive_app.core.search.analysis import analysis_language
from archive_app.core.search.committing import COMMIT_COMPRESSION
from archive_app.core.search.term_writing import OneLoopCodec
from archive_app.core.search.writing import OnePassWriter
from tests.helpers import SOURCES_IN_OTHER_SCRIPTS, index_documents, index_postings, write_file

SOURCES = [
    *SOURCES_IN_OTHER_SCRIPTS,
    ("EN", "Talks resumed", "Negotiators resumed talks on Monday; the ceasefire held."),
]


def _documents() -> list[dict[str, Any]]:
    return [
        {"id": str(number), "title": title, "body": body, "caption": body, "lang": language}
        for number, (language, title, body) in enumerate(SOURCES)
    ]


def _write(folder: Path, documents: list[dict[str, Any]], ahead: AnalysedAhead | None) -> None:
    folder.mkdir()
    ix = whoosh_index.create_in(folder, build_schema())
    writer = OnePassWriter(
        ix,
        compound=False,
        codec=OneLoopCodec(compression=COMMIT_COMPRESSION),
        analysed_ahead=ahead,
    )
    for document in documents:
        with analysis_language(document["lang"].lower()):
            writer.add_document(**document)
    writer.commit(merge=False)
    ix.close()


def _segment_files(folder: Path) -> dict[str, bytes]:
    return {path.name.split(".", 1)[1]: path.read_bytes() for path in folder.glob("MAIN_*.*")}


def test_bodies_analysed_ahead_make_the_index_the_writer_makes_itself(tmp_path: Path) -> None:
    documents = _documents()
    ahead = AnalysedAhead()
    for document in documents:
        analysis = analyse_body(document["body"], document["lang"])
        assert analysis is not None
        ahead.offer(document["body"], analysis)

    _write(tmp_path / "itself", documents, None)
    _write(tmp_path / "ahead", documents, ahead)

    assert ahead.taken == len(documents)  # each body; not its caption, of another field
    assert _segment_files(tmp_path / "ahead") == _segment_files(tmp_path / "itself")
    assert len(_segment_files(tmp_path / "itself")) > 5


def test_an_analysis_for_another_language_or_field_is_not_taken(tmp_path: Path) -> None:
    """A source whose language was changed before it was indexed is analysed anew."""
    documents = _documents()
    ahead = AnalysedAhead()
    for document in documents:
        analysis = analyse_body(document["body"], "tr")
        assert analysis is not None
        ahead.offer(document["body"], analysis)
    assert ahead.take(documents[0]["body"], Positions()) is None  # a field of another format

    _write(tmp_path / "itself", documents, None)
    _write(tmp_path / "ahead", documents, ahead)

    assert ahead.taken == 0
    assert _segment_files(tmp_path / "ahead") == _segment_files(tmp_path / "itself")


def test_the_oldest_analyses_are_let_go_beyond_what_may_be_held() -> None:
    texts = [f"Report number {number} from the front line." * 20 for number in range(6)]
    analyses = [analyse_body(text, "en") for text in texts]
    assert all(analyses)
    size = len(texts[0]) + len(analyses[0] or b"")
    ahead = AnalysedAhead(held_bytes=3 * size + size // 2)
    for text, analysis in zip(texts, analyses, strict=True):
        assert analysis is not None
        ahead.offer(text, analysis)

    with analysis_language("en"):
        kept = [ahead.take(text, BODY_FORMAT) is not None for text in texts]
    assert kept == [False, False, False, True, True, True]
    assert analyse_body("", "en") is None


def test_an_import_takes_each_body_its_workers_analysed(tmp_path: Path) -> None:
    """Through real workers: every body is taken from them, and the index holds what a
    reindex (which analyses every body itself) writes."""
    folder = tmp_path / "files"
    for number, (_, title, body) in enumerate(SOURCES):
        write_file(folder, f"{number}.md", f"# {title}\n\n{body}\n\n{body}\n")
    write_file(folder, "page.html", f"<html><body><article><p>{SOURCES[-1][2]}</p></article>")

    with Archive.open(tmp_path / "archive") as archive:
        report = archive.import_paths([folder])
        assert len(report.imported) == len(SOURCES) + 1
        assert archive.index.analysed_ahead.taken == len(SOURCES) + 1
        with archive.index.searcher() as searcher:
            imported = index_postings(searcher.reader()), index_documents(searcher.reader())
        assert archive.search("ёлка").total == 1

        archive.reindex()
        with archive.index.searcher() as searcher:
            assert (index_postings(searcher.reader()), index_documents(searcher.reader())) == (
                imported
            )
