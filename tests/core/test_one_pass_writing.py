"""Documents written with each text analysed once (``core/search/writing.py``) make the index
Whoosh's own ``add_document`` makes: the same terms in every field (the ``spell_`` fields too),
the same postings with their weights, positions and characters, the same field lengths, stored
fields and columns, and the same segment files byte for byte. On the corpus's saved pages and on
sources in other languages and scripts, with captions, notes and edge cases of word shape."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from whoosh import index as whoosh_index
from whoosh.writing import SegmentWriter

from archive_app.core.archive import Archive
from archive_app.core.index import build_schema
from archive_app.core.search.analysis import analysis_language
from archive_app.core.search.documents import documents_for
from archive_app.core.search.writing import OnePassWriter
from archive_app.importers.document import Block, Caption, ExtractedDocument
from tests.helpers import StoreDocument

SOURCES_IN_OTHER_SCRIPTS = [
    ("ru", "Бои под Степанакертом", "Жители Степанакерта ушли из города. Ёлка у дома."),
    ("az", "Xankəndidə vəziyyət", "Şuşa'da və Ağdam'da atəşkəs pozuldu; Karabağ'da sakitlik."),
    ("hy", "Ստեփանակերտի լուրեր", "Ստեփանակերտում և Շուշիում մարդիկ սպասում են։"),
    ("ja", "巨大地震の被害", "東京で巨大地震。被害は大きい 地震 と 津波。"),
    ("he", "חֲדָשׁוֹת מהעיר", "הַמִּלְחָמָה נמשכה; אנשים עזבו את העיר."),
    ("uk", "Новини з Харкова", "Харків, Харкові, Харкова: обстріли тривали."),
    ("fr", "L'armée et l'État", "L'offensive d'hier: aujourd'hui les soldats sont partis."),
    ("", "The", "_Shusha_ and **Stepanakert** e.g. U.N. 3.5 km; it's Shusha's; don't."),
]


@pytest.fixture
def archive_of_pages(corpus: Path, archive: Archive, store_document: StoreDocument) -> Archive:
    archive.import_paths(sorted((corpus / "articles-dev" / "html").glob("*.html")))
    for language, title, body in SOURCES_IN_OTHER_SCRIPTS:
        store_document(
            ExtractedDocument(
                kind="article",
                title=title,
                language=language,
                blocks=[Block("heading", title), Block("paragraph", body)],
                captions=[Caption(text=body[:40], credit="Photo: Ağdam Press")],
                notes=[f"{body} — {title}"],
            )
        )
    return archive


def _build(folder: Path, documents: list[dict[str, Any]], writer_class: type) -> Any:
    folder.mkdir()
    ix = whoosh_index.create_in(folder, build_schema())
    writer = writer_class(ix, compound=False)  # a file per part, to compare
    for document in documents:
        with analysis_language(document.get("lang", "")):
            writer.add_document(**document)
    writer.commit()
    return ix


def _postings(reader: Any) -> dict[tuple[str, bytes], list[tuple[int, float, bytes]]]:
    postings = {}
    for fieldname, term in reader.all_terms():
        matcher = reader.postings(fieldname, term)
        walked = []
        while matcher.is_active():
            walked.append((matcher.id(), matcher.weight(), matcher.value()))
            matcher.next()
        postings[(fieldname, term)] = walked
    return postings


def _per_document(reader: Any) -> list[tuple[dict[str, Any], dict[str, int], dict[str, Any]]]:
    schema = reader.schema
    scored = [name for name in schema.names() if schema[name].scorable]
    columns = [name for name in schema.names() if schema[name].column_type]
    return [
        (
            reader.stored_fields(doc),
            {name: reader.doc_field_length(doc, name) for name in scored},
            {name: reader.column_reader(name)[doc] for name in columns},
        )
        for doc in reader.all_doc_ids()
    ]


def _segment_files(folder: Path) -> dict[str, bytes]:
    """The segment's files by what follows the segment's random id in their names."""
    files = {path.name.split(".", 1)[1]: path.read_bytes() for path in folder.glob("MAIN_*.*")}
    assert len(files) > 5, files.keys()
    return files


@pytest.mark.slow
def test_one_pass_writes_the_index_whoosh_writes(archive_of_pages: Archive, tmp_path: Path) -> None:
    ids = [int(row[0]) for row in archive_of_pages.database.query("SELECT id FROM sources")]
    documents = list(documents_for(archive_of_pages.database, ids).values())
    assert {document.get("lang", "") for document in documents} >= {"en", "ru", "ja", "hy"}

    whooshs = _build(tmp_path / "whoosh", documents, SegmentWriter)
    ours = _build(tmp_path / "one-pass", documents, OnePassWriter)

    with whooshs.reader() as expected, ours.reader() as found:
        expected_postings = _postings(expected)
        assert _postings(found) == expected_postings
        assert _per_document(found) == _per_document(expected)
        for fieldname in expected.schema.scorable_names():
            assert found.field_length(fieldname) == expected.field_length(fieldname)
    spelled = {term for fieldname, term in expected_postings if fieldname == "spell_body"}
    assert {"степанакерта", "xankendide", "shusha"} <= {word.decode() for word in spelled}
    assert len(expected_postings) > 20_000
    assert _segment_files(tmp_path / "one-pass") == _segment_files(tmp_path / "whoosh")
