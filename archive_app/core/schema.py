"""The database schema, as numbered migrations applied in order.

``MIGRATIONS[n]`` takes a database from version ``n`` to ``n + 1``; ``PRAGMA user_version`` holds
the version. The database is copied aside before any migration runs (see :mod:`.db`).
"""

from __future__ import annotations

SCHEMA_V1 = """
CREATE TABLE sources (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('article', 'pdf', 'image', 'text')),
    title TEXT NOT NULL DEFAULT '',
    authors TEXT NOT NULL DEFAULT '[]',           -- JSON array of names
    site_name TEXT NOT NULL DEFAULT '',
    source_url TEXT NOT NULL DEFAULT '',
    published TEXT NOT NULL DEFAULT '',           -- partial ISO date or ISO date-time
    language TEXT NOT NULL DEFAULT '',
    body TEXT NOT NULL DEFAULT '',
    blocks TEXT NOT NULL DEFAULT '[]',            -- JSON [[kind, level, start, end], ...]
    notes TEXT NOT NULL DEFAULT '',               -- the researcher's notes (Markdown)
    metadata TEXT NOT NULL DEFAULT '{}',          -- JSON: what the importer read, raw
    extraction_notes TEXT NOT NULL DEFAULT '[]',  -- JSON array of sentences
    sha256 TEXT NOT NULL UNIQUE,
    original_name TEXT NOT NULL DEFAULT '',
    original_ext TEXT NOT NULL DEFAULT '',
    size INTEGER NOT NULL DEFAULT 0,
    mime_type TEXT NOT NULL DEFAULT '',
    importer_version TEXT NOT NULL DEFAULT '',
    imported_at TEXT NOT NULL,
    modified_at TEXT NOT NULL,
    has_thumbnail INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX sources_kind ON sources (kind);
CREATE INDEX sources_published ON sources (published);
CREATE INDEX sources_imported ON sources (imported_at);

-- A caption a source states: a figure of an article (image_source_id: the imported image, if
-- the page saved it), or an image's own embedded caption (source_id = image_source_id).
CREATE TABLE captions (
    id INTEGER PRIMARY KEY,
    source_id INTEGER NOT NULL REFERENCES sources (id) ON DELETE CASCADE,
    image_source_id INTEGER REFERENCES sources (id) ON DELETE SET NULL,
    position INTEGER NOT NULL DEFAULT 0,
    text TEXT NOT NULL DEFAULT '',
    credit TEXT NOT NULL DEFAULT '',
    alt TEXT NOT NULL DEFAULT '',
    src TEXT NOT NULL DEFAULT '',
    after_block INTEGER
);
CREATE INDEX captions_source ON captions (source_id);
CREATE INDEX captions_image ON captions (image_source_id);

CREATE TABLE events (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    name TEXT NOT NULL UNIQUE COLLATE NOCASE,
    parent_id INTEGER REFERENCES events (id) ON DELETE RESTRICT,
    start_date TEXT NOT NULL DEFAULT '',
    end_date TEXT NOT NULL DEFAULT '',
    place TEXT NOT NULL DEFAULT '',
    description TEXT NOT NULL DEFAULT ''
);
CREATE INDEX events_parent ON events (parent_id);

CREATE TABLE perspectives (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    name TEXT NOT NULL UNIQUE COLLATE NOCASE,
    description TEXT NOT NULL DEFAULT '',
    color TEXT NOT NULL DEFAULT ''
);

CREATE TABLE tags (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    name TEXT NOT NULL UNIQUE COLLATE NOCASE
);

CREATE TABLE source_events (
    source_id INTEGER NOT NULL REFERENCES sources (id) ON DELETE CASCADE,
    event_id INTEGER NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    PRIMARY KEY (source_id, event_id)
) WITHOUT ROWID;
CREATE INDEX source_events_event ON source_events (event_id);

CREATE TABLE source_perspectives (
    source_id INTEGER NOT NULL REFERENCES sources (id) ON DELETE CASCADE,
    perspective_id INTEGER NOT NULL REFERENCES perspectives (id) ON DELETE CASCADE,
    PRIMARY KEY (source_id, perspective_id)
) WITHOUT ROWID;
CREATE INDEX source_perspectives_perspective ON source_perspectives (perspective_id);

CREATE TABLE source_tags (
    source_id INTEGER NOT NULL REFERENCES sources (id) ON DELETE CASCADE,
    tag_id INTEGER NOT NULL REFERENCES tags (id) ON DELETE CASCADE,
    PRIMARY KEY (source_id, tag_id)
) WITHOUT ROWID;
CREATE INDEX source_tags_tag ON source_tags (tag_id);

-- A note on a part of a source: a text range (W3C TextQuoteSelector + TextPositionSelector),
-- or a region (relative rectangle) of an image or of a PDF page. ``anchor_status`` says whether
-- a text range was found again after the body was re-extracted ('fuzzy': found with small
-- changes; 'orphaned': not found, kept as it was). Research-model ids are AUTOINCREMENT so an
-- undone delete can put a row back under its old id without meeting a newer row there.
CREATE TABLE annotations (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    source_id INTEGER NOT NULL REFERENCES sources (id) ON DELETE CASCADE,
    target TEXT NOT NULL CHECK (target IN ('text', 'region')),
    quote_exact TEXT NOT NULL DEFAULT '',
    quote_prefix TEXT NOT NULL DEFAULT '',
    quote_suffix TEXT NOT NULL DEFAULT '',
    start_offset INTEGER,
    end_offset INTEGER,
    page INTEGER,
    x REAL, y REAL, width REAL, height REAL,
    note TEXT NOT NULL DEFAULT '',
    anchor_status TEXT NOT NULL DEFAULT 'anchored'
        CHECK (anchor_status IN ('anchored', 'fuzzy', 'orphaned')),
    created_at TEXT NOT NULL,
    modified_at TEXT NOT NULL
);
CREATE INDEX annotations_source ON annotations (source_id);

CREATE TABLE annotation_events (
    annotation_id INTEGER NOT NULL REFERENCES annotations (id) ON DELETE CASCADE,
    event_id INTEGER NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    PRIMARY KEY (annotation_id, event_id)
) WITHOUT ROWID;

CREATE TABLE annotation_perspectives (
    annotation_id INTEGER NOT NULL REFERENCES annotations (id) ON DELETE CASCADE,
    perspective_id INTEGER NOT NULL REFERENCES perspectives (id) ON DELETE CASCADE,
    PRIMARY KEY (annotation_id, perspective_id)
) WITHOUT ROWID;

CREATE TABLE annotation_tags (
    annotation_id INTEGER NOT NULL REFERENCES annotations (id) ON DELETE CASCADE,
    tag_id INTEGER NOT NULL REFERENCES tags (id) ON DELETE CASCADE,
    PRIMARY KEY (annotation_id, tag_id)
) WITHOUT ROWID;

CREATE TABLE alias_groups (
    id INTEGER PRIMARY KEY,
    note TEXT NOT NULL DEFAULT ''
);

CREATE TABLE aliases (
    id INTEGER PRIMARY KEY,
    group_id INTEGER NOT NULL REFERENCES alias_groups (id) ON DELETE CASCADE,
    name TEXT NOT NULL UNIQUE COLLATE NOCASE
);
CREATE INDEX aliases_group ON aliases (group_id);

CREATE TABLE saved_searches (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE COLLATE NOCASE,
    query TEXT NOT NULL,
    sort TEXT NOT NULL DEFAULT 'relevance',
    created_at TEXT NOT NULL
);

CREATE TABLE settings (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;

-- Sources whose index document is behind the database. Written in the same transaction as the
-- change; removed once the index has committed it. Whatever is left after a crash is caught
-- up when the archive next opens.
-- ``ticket`` grows with every change, so the indexer removes a row only if nothing changed
-- the source again while it was being indexed.
CREATE TABLE index_queue (
    source_id INTEGER PRIMARY KEY,
    ticket INTEGER NOT NULL DEFAULT 0
);
"""

OCR_PAGES = """
-- The words OCR read on a page pictured (a scan, a photographed notice), with their boxes, so a
-- search hit can be marked on the page image. ``words`` is a JSON list of
-- [start, end, left, top, width, height, confidence]: offsets in the page's text, a box relative
-- to the page (0 to 1), Tesseract's confidence (0 to 100).
CREATE TABLE ocr_pages (
    source_id INTEGER NOT NULL REFERENCES sources (id) ON DELETE CASCADE,
    page INTEGER NOT NULL,
    width INTEGER NOT NULL,
    height INTEGER NOT NULL,
    confidence REAL NOT NULL,
    words TEXT NOT NULL,
    PRIMARY KEY (source_id, page)
) WITHOUT ROWID;
"""


# References imported from reference managers (RIS, BibTeX, CSL-JSON) are sources of a new kind.
# SQLite cannot alter a CHECK constraint, and rebuilding ``sources`` would cascade deletes into
# every table that refers to it, so the constraint's text is edited in place, as SQLite's
# documentation describes for changes that leave the stored data valid. Putting the new kind
# at the front of the list keeps this edit working whatever kinds other migrations add.
ADD_REFERENCE_KIND = """
PRAGMA writable_schema = ON;
UPDATE sqlite_master
    SET sql = replace(sql, 'CHECK (kind IN (', 'CHECK (kind IN (''reference'', ')
    WHERE type = 'table' AND name = 'sources'
        AND instr(sql, char(39) || 'reference' || char(39)) = 0;
PRAGMA writable_schema = RESET;
"""


REUSE_FINGERPRINTS = """
-- Perceptual fingerprints of image sources (see core/reuse): phash and dhash as signed 64-bit
-- integers, both NULL for a picture too plain to compare. A row per image that has been looked
-- at; images without one are fingerprinted in the background (archives made before).
CREATE TABLE image_fingerprints (
    source_id INTEGER PRIMARY KEY REFERENCES sources (id) ON DELETE CASCADE,
    version INTEGER NOT NULL,
    phash INTEGER,
    dhash INTEGER
);

-- MinHash signatures of the bodies of texts, articles and PDFs (near-duplicate stories);
-- ``body_length`` tells when a body was re-extracted and the signature must be made again.
-- ``signature`` is NULL for a body too short to compare.
CREATE TABLE text_fingerprints (
    source_id INTEGER PRIMARY KEY REFERENCES sources (id) ON DELETE CASCADE,
    version INTEGER NOT NULL,
    body_length INTEGER NOT NULL,
    signature BLOB
);

-- A counter per table above, raised by every change to it: lookups keep the fingerprints in
-- memory and read them again only when the counter has moved.
CREATE TABLE fingerprint_generations (
    kind TEXT PRIMARY KEY,
    generation INTEGER NOT NULL
) WITHOUT ROWID;
INSERT INTO fingerprint_generations (kind, generation) VALUES ('image', 0), ('text', 0);
CREATE TRIGGER image_fingerprints_inserted AFTER INSERT ON image_fingerprints BEGIN
    UPDATE fingerprint_generations SET generation = generation + 1 WHERE kind = 'image';
END;
CREATE TRIGGER image_fingerprints_updated AFTER UPDATE ON image_fingerprints BEGIN
    UPDATE fingerprint_generations SET generation = generation + 1 WHERE kind = 'image';
END;
CREATE TRIGGER image_fingerprints_deleted AFTER DELETE ON image_fingerprints BEGIN
    UPDATE fingerprint_generations SET generation = generation + 1 WHERE kind = 'image';
END;
CREATE TRIGGER text_fingerprints_inserted AFTER INSERT ON text_fingerprints BEGIN
    UPDATE fingerprint_generations SET generation = generation + 1 WHERE kind = 'text';
END;
CREATE TRIGGER text_fingerprints_updated AFTER UPDATE ON text_fingerprints BEGIN
    UPDATE fingerprint_generations SET generation = generation + 1 WHERE kind = 'text';
END;
CREATE TRIGGER text_fingerprints_deleted AFTER DELETE ON text_fingerprints BEGIN
    UPDATE fingerprint_generations SET generation = generation + 1 WHERE kind = 'text';
END;
"""

# How a source was captured from the web (live over HTTP, or read from a MHTML, SingleFile,
# WARC or WACZ file). ``container_sha256``/``container_ext`` name the web archive file the source
# was read from when that file is not the source's own original (a WARC holding many pages is
# stored once; each page's own bytes are its source's original). ``tls``, ``http_headers`` and
# ``details`` are JSON.
CAPTURES = """
CREATE TABLE captures (
    source_id INTEGER PRIMARY KEY REFERENCES sources (id) ON DELETE CASCADE,
    method TEXT NOT NULL,
    url TEXT NOT NULL DEFAULT '',
    final_url TEXT NOT NULL DEFAULT '',
    status INTEGER,
    captured_at TEXT NOT NULL DEFAULT '',
    payload_sha256 TEXT NOT NULL DEFAULT '',
    tls TEXT,
    http_headers TEXT NOT NULL DEFAULT '[]',
    details TEXT NOT NULL DEFAULT '{}',
    container_sha256 TEXT NOT NULL DEFAULT '',
    container_ext TEXT NOT NULL DEFAULT '',
    container_name TEXT NOT NULL DEFAULT ''
);
CREATE INDEX captures_container ON captures (container_sha256);
"""


EVIDENCE = """
-- The audit trail: append-only, each entry chained to the one before by ``previous_hash``
-- (see core/audit.py). The triggers refuse updates and deletes, so only a hand outside the
-- program can change it, and ``check`` then finds the broken chain.
CREATE TABLE audit_log (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    at TEXT NOT NULL,
    who TEXT NOT NULL,
    action TEXT NOT NULL,
    description TEXT NOT NULL,
    source_ids TEXT NOT NULL DEFAULT '[]',        -- JSON array of the sources it concerns
    changes TEXT NOT NULL DEFAULT '[]',           -- JSON: rows before and after
    reason TEXT NOT NULL DEFAULT '',
    previous_hash TEXT NOT NULL,
    hash TEXT NOT NULL
);
-- Which entries concern which source, for a source's history (derived from source_ids).
CREATE TABLE audit_sources (
    source_id INTEGER NOT NULL,
    entry_id INTEGER NOT NULL,
    PRIMARY KEY (source_id, entry_id)
) WITHOUT ROWID;

-- The last entry, so that removing entries from the end shows too.
CREATE TABLE audit_head (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    entry_id INTEGER NOT NULL,
    hash TEXT NOT NULL
);
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'the audit trail cannot be changed'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'the audit trail cannot be changed'); END;

-- A source's verification grade, sensitivity and place; ``id`` is the source's id. Absent
-- means unverified, ungraded, not sensitive, no place.
CREATE TABLE source_evidence (
    id INTEGER PRIMARY KEY REFERENCES sources (id) ON DELETE CASCADE,
    status TEXT NOT NULL DEFAULT 'unverified'
        CHECK (status IN ('unverified', 'in progress', 'verified', 'disputed', 'false')),
    reliability TEXT NOT NULL DEFAULT '' CHECK (reliability IN ('', 'A', 'B', 'C', 'D', 'E', 'F')),
    credibility TEXT NOT NULL DEFAULT '' CHECK (credibility IN ('', '1', '2', '3', '4', '5', '6')),
    graphic INTEGER NOT NULL DEFAULT 0,
    identifiable INTEGER NOT NULL DEFAULT 0,
    place_name TEXT NOT NULL DEFAULT '',
    latitude REAL,
    longitude REAL,
    place_precision TEXT NOT NULL DEFAULT ''
        CHECK (place_precision IN ('', 'exact', '100 m', '1 km', 'town', 'region'))
);

-- Sources moved to the trash: every row that was theirs, as the journal recorded it, so a
-- restore puts them back under their ids. Their originals stay until the trash is emptied.
CREATE TABLE trash (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    source_id INTEGER NOT NULL UNIQUE,
    title TEXT NOT NULL,
    kind TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    original_ext TEXT NOT NULL,
    trashed_at TEXT NOT NULL,
    rows TEXT NOT NULL
);

-- The highest source id ever given, so a new source never takes the id of one in the trash
-- or of one whose history the audit trail keeps.
CREATE TABLE source_id_high_water (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    value INTEGER NOT NULL
);
INSERT INTO source_id_high_water (id, value) SELECT 1, coalesce(max(id), 0) FROM sources;
CREATE TRIGGER sources_high_water AFTER INSERT ON sources
BEGIN
    UPDATE source_id_high_water SET value = max(value, NEW.id) WHERE id = 1;
END;
"""

MIGRATIONS: tuple[str, ...] = (
    SCHEMA_V1,
    OCR_PAGES,
    ADD_REFERENCE_KIND,
    REUSE_FINGERPRINTS,
    CAPTURES,
    EVIDENCE,
)
SCHEMA_VERSION = len(MIGRATIONS)
