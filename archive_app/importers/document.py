"""What every importer returns: the contract between importers and the archive.

Importers are pure: bytes (and, for a saved web page, its folder of images) in, an
:class:`ExtractedDocument` out. They know nothing of the database or the index. The document
must pickle (it travels back from a worker process) and all text in it is already normalised
with :func:`archive_app.importers.text_normal.normalize_text` / ``normalize_block``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

SourceKind = Literal["article", "pdf", "image", "text", "reference"]
SOURCE_KINDS: tuple[SourceKind, ...] = ("article", "pdf", "image", "text", "reference")

BlockKind = Literal["heading", "paragraph", "quote", "list_item", "preformatted", "page"]

BLOCK_SEPARATOR = "\n\n"


@dataclass(frozen=True)
class Block:
    """One piece of the body as a reader sees it.

    ``level`` is the heading level (1-6) for headings, the nesting depth for list items and the
    page number (from 1) for the ``page`` blocks of a PDF. The body of a document is its blocks'
    texts joined with :data:`BLOCK_SEPARATOR`; character offsets (annotations, hits) refer to it.
    """

    kind: BlockKind
    text: str
    level: int = 0


@dataclass(frozen=True)
class ExtractedImage:
    """A figure in an article: where it came from and what the page says about it.

    ``local_path`` is set when the image is a file saved with the page (a browser's
    "Web page, complete" folder); the archive imports it as an image source of its own. Images
    that exist only as remote URLs keep ``src`` and are never fetched. ``after_block`` is the index
    of the block the figure follows in the body (-1: before the first block; None: unknown).
    """

    src: str = ""
    caption: str = ""
    credit: str = ""
    alt: str = ""
    local_path: str | None = None
    after_block: int | None = None


@dataclass(frozen=True)
class Caption:
    """A caption that a source states about itself (an image's embedded caption)."""

    text: str
    credit: str = ""


@dataclass
class ExtractedDocument:
    """Everything an importer could read from one file.

    ``published`` is ISO 8601 and may be partial: ``2023``, ``2023-09``, ``2023-09-19`` or a full
    date-time. ``metadata`` must be JSON-serialisable; for images it holds the essentials under
    the keys ``caption, creator, credit, copyright, taken_at, camera, gps`` (``{"lat", "lon"}``)
    plus ``width``/``height``, and raw ``exif``/``iptc``/``xmp`` dictionaries. ``notes`` are
    plain sentences about what could not be read ("This PDF has no text layer (scanned?)").
    ``thumbnail`` is a JPEG made by the image importer, stored under ``derived/``.

    ``capture`` is where, when and how a web page was captured (``method``, ``url``,
    ``final_url``, ``status``, ``captured_at``, ``payload_sha256``, ``tls``, ``http_headers``).
    ``payload_path`` is set for a page read out of a web archive (WARC, WACZ) that holds many:
    the file with the page's own bytes, stored as its original beside the archive file.
    """

    kind: SourceKind
    title: str = ""
    authors: list[str] = field(default_factory=list)
    site_name: str = ""
    source_url: str = ""
    published: str = ""
    language: str = ""
    blocks: list[Block] = field(default_factory=list)
    images: list[ExtractedImage] = field(default_factory=list)
    captions: list[Caption] = field(default_factory=list)
    metadata: dict[str, Any] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    thumbnail: bytes | None = None
    mime_type: str = ""
    tags: list[str] = field(default_factory=list)
    """Tags the file gives itself (a Markdown file's front matter): applied at import."""
    capture: dict[str, Any] | None = None
    payload_path: str | None = None
    text_signature: bytes | None = None
    """The body's MinHash signature, made in the worker process so that the writer, which
    shares the window's process, only stores it; ``b""`` for a body too short to compare,
    None when not made yet."""
    analysed_body: bytes | None = None
    """The body analysed for the search index, in the worker process too, so that the index
    writer only writes it (:mod:`archive_app.core.search.ahead`); None when not made."""

    @property
    def body(self) -> str:
        return BLOCK_SEPARATOR.join(block.text for block in self.blocks)

    def block_spans(self) -> list[tuple[Block, int, int]]:
        """Each block with its start and end character offsets in :attr:`body`."""
        spans = []
        offset = 0
        for block in self.blocks:
            end = offset + len(block.text)
            spans.append((block, offset, end))
            offset = end + len(BLOCK_SEPARATOR)
        return spans
