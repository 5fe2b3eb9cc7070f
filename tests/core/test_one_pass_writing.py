"""Documents written with each text analysed once (``core/search/writing.py``) make the index
Whoosh's own ``add_document`` makes: the same terms in every field (the ``spell_`` fields too),
the same postings with their weights, positions and characters, the same field lengths, stored
fields and columns, and the same segment files byte for byte. On the corpus's saved pages and on
sources in other languages and scripts, with captions, notes and edge cases of word shape."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from whoosh import index as whoosh_index
from whoosh.codec.whoosh3 import W3Codec
from whoosh.writing import SegmentWriter

from archive_app.core.archive import Archive
from archive_app.core.index import build_schema
from archive_app.core.keeping import KeptFile, record_source
from archive_app.core.search.analysis import analysis_language
from archive_app.core.search.committing import COMMIT_COMPRESSION
from archive_app.core.search.documents import documents_for
from archive_app.core.search.term_writing import OneLoopCodec
from archive_app.core.search.writing import OnePassWriter
from archive_app.core.store import FileDigest
from archive_app.importers.document import Block, Caption, ExtractedDocument
from tests.helpers import CORPUS, SOURCES_IN_OTHER_SCRIPTS, index_documents, index_postings

BLOCK_LIMIT = 128
"""Postings in a block of Whoosh's codec (W3Codec's default)."""


@pytest.fixture(scope="module")
def pages_archive(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An archive of the corpus's pages and of the sources in other scripts (closed)."""
    if not CORPUS.is_dir():
        pytest.skip(f"the shared corpus is not at {CORPUS}")
    folder = tmp_path_factory.mktemp("pages") / "archive"
    with Archive.open(folder) as archive:
        archive.import_paths(sorted((CORPUS / "articles-dev" / "html").glob("*.html")))
        with archive.database.transaction() as connection:
            for number, (language, title, body) in enumerate(SOURCES_IN_OTHER_SCRIPTS):
                document = ExtractedDocument(
                    kind="article",
                    title=title,
                    language=language,
                    blocks=[Block("heading", title), Block("paragraph", body)],
                    captions=[Caption(text=body[:40], credit="Photo: Ağdam Press")],
                    notes=[f"{body} — {title}"],
                )
                digest = FileDigest(f"{number:064x}", 10)
                record_source(connection, KeptFile(Path(f"{number}.txt"), digest, document, "t"))
    return folder


def _documents_of(archive: Archive) -> list[dict[str, Any]]:
    ids = [int(row[0]) for row in archive.database.query("SELECT id FROM sources ORDER BY id")]
    return list(documents_for(archive.database, ids).values())


@pytest.fixture(scope="module")
def documents(pages_archive: Path) -> list[dict[str, Any]]:
    """The index documents of the pages archive's sources."""
    with Archive.open(pages_archive) as archive:
        found = _documents_of(archive)
    assert {document.get("lang", "") for document in found} >= {"en", "ru", "ja", "hy"}
    return found


def _build(folder: Path, commits: list[list[dict[str, Any]]], writer: Callable[[Any], Any]) -> Any:
    """An index of one segment: each list of documents committed, then all merged."""
    folder.mkdir()
    ix = whoosh_index.create_in(folder, build_schema())
    for documents in commits:
        adding = writer(ix)
        for document in documents:
            with analysis_language(document.get("lang", "")):
                adding.add_document(**document)
        adding.commit(merge=False)
    if len(commits) > 1:
        writer(ix).commit(optimize=True)
    return ix


def _segment_files(folder: Path) -> dict[str, bytes]:
    """The segment's files by what follows the segment's random id in their names."""
    files = {path.name.split(".", 1)[1]: path.read_bytes() for path in folder.glob("MAIN_*.*")}
    assert len(files) > 5, files.keys()
    return files


def _compare_contents(whooshs: Any, ours: Any) -> dict[tuple[str, bytes], list[Any]]:
    """Assert that two indexes hold the same postings, lengths and stored fields; the
    postings."""
    with whooshs.reader() as expected, ours.reader() as found:
        expected_postings = index_postings(expected)
        assert index_postings(found) == expected_postings
        assert index_documents(found) == index_documents(expected)
        for fieldname in expected.schema.scorable_names():
            assert found.field_length(fieldname) == expected.field_length(fieldname)
    return expected_postings


def _compare(whooshs: Any, ours: Any, folder: Path) -> None:
    expected_postings = _compare_contents(whooshs, ours)
    spelled = {term.decode() for fieldname, term in expected_postings if fieldname == "spell_body"}
    assert {"степанакерта", "xankendide", "shusha"} <= spelled
    longest = max(len(postings) for postings in expected_postings.values())
    assert longest > 2 * BLOCK_LIMIT  # lists of several blocks, written by Whoosh's code
    assert _segment_files(folder / "one-pass") == _segment_files(folder / "whoosh")


@pytest.mark.slow
def test_one_pass_writes_the_index_whoosh_writes(
    documents: list[dict[str, Any]], tmp_path: Path
) -> None:
    """As a rebuild writes: one large commit, compressed (ours with the pool written to runs
    on disk as it fills, as a rebuild's is when it reaches its memory limit)."""
    commits = [documents * 4]
    whooshs = _build(tmp_path / "whoosh", commits, lambda ix: SegmentWriter(ix, compound=False))
    ours = _build(
        tmp_path / "one-pass", commits, lambda ix: OnePassWriter(ix, compound=False, limitmb=1)
    )
    _compare(whooshs, ours, tmp_path)


@pytest.mark.slow
def test_commits_and_their_merge_write_what_whoosh_writes(
    documents: list[dict[str, Any]], tmp_path: Path
) -> None:
    """As the index writer writes: small uncompressed commits, then a merge of them."""
    commits = [documents[start : start + 15] for start in range(0, len(documents), 15)] * 4

    def whooshs_writer(ix: Any) -> Any:
        return SegmentWriter(ix, compound=False, codec=W3Codec(compression=COMMIT_COMPRESSION))

    def our_writer(ix: Any) -> Any:
        return OnePassWriter(ix, compound=False, codec=OneLoopCodec(compression=COMMIT_COMPRESSION))

    whooshs = _build(tmp_path / "whoosh", commits, whooshs_writer)
    ours = _build(tmp_path / "one-pass", commits, our_writer)
    _compare(whooshs, ours, tmp_path)


@pytest.mark.slow
def test_a_reindex_writes_the_index_whooshs_writer_writes(
    pages_archive: Path, tmp_path: Path
) -> None:
    with Archive.open(pages_archive) as archive:
        archive.reindex()
        documents = _documents_of(archive)
        whooshs = _build(tmp_path / "whoosh", [documents], SegmentWriter)
        with archive.index.searcher() as searcher:
            assert searcher.doc_count() == len(documents)
        _compare_contents(whooshs, whoosh_index.open_dir(pages_archive / "index"))
