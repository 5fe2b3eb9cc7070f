"""What the benchmarks make their archives of: the words of generated news about the conflict,
and storing a generated document as a source without an original file."""

from __future__ import annotations

import sqlite3

from archive_app.core.sources import insert_captions, insert_source
from archive_app.core.store import FileDigest
from archive_app.importers.document import ExtractedDocument


def words(text: str) -> list[str]:
    """The words of a text, for writing word lists as prose."""
    return text.split()


TOPICS = words(
    "ceasefire offensive refugees corridor blockade convoy shelling negotiations humanitarian "
    "peacekeepers checkpoint evacuation statement ministry civilians casualties drone "
    "artillery bridge border enclave reintegration sovereignty displacement landmines "
    "agreement troops"
)
COMMON_WORDS = words(
    "the of and to in a that was for on with as by at from it his they were their said had "
    "have has been which would after more about who when there than into other some could "
    "over also only before through people days week government officials reported according "
    "local city road region area residents families night morning spokesman told agency "
    "earlier later while under between during against since many several"
)


def store_generated(
    connection: sqlite3.Connection, document: ExtractedDocument, number: int
) -> int:
    """Store generated document ``number`` as a source with its captions, inside the caller's
    transaction: no original file, a made-up SHA-256. Its new id."""
    source_id = insert_source(
        connection,
        document,
        digest=FileDigest(f"{number:064x}", len(document.body)),
        original_name=f"generated-{number}",
        original_ext="",
        importer_version="bench",
        has_thumbnail=False,
    )
    insert_captions(connection, source_id, document, {})
    return source_id
