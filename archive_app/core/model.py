"""What the archive hands out: plain, read-only records of sources and what hangs off them."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from archive_app.importers.document import SourceKind


@dataclass(frozen=True)
class BlockSpan:
    """A block of a source's body: ``body[start:end]`` is its text."""

    kind: str
    level: int
    start: int
    end: int


@dataclass(frozen=True)
class Page:
    number: int
    text: str
    start: int


@dataclass(frozen=True)
class CaptionRecord:
    """A caption a source gives: a figure of an article, or an image's own caption."""

    id: int
    text: str
    credit: str = ""
    alt: str = ""
    src: str = ""
    image_source_id: int | None = None
    after_block: int | None = None


@dataclass(frozen=True)
class Appearance:
    """Where an image source appears: the article that shows it and the caption it gives."""

    source_id: int
    title: str
    caption: str
    credit: str


@dataclass(frozen=True)
class Provenance:
    sha256: str
    original_name: str
    original_ext: str
    size: int
    mime_type: str
    importer_version: str
    imported_at: str
    source_url: str


@dataclass(frozen=True)
class NamedRef:
    """An event, perspective or tag as attached to a source or an annotation."""

    id: int
    name: str
    color: str = ""


@dataclass(frozen=True)
class Annotation:
    """A note on a part of a source (W3C Web Annotation): a text range or a region.

    For ``target == "text"``: ``quote_exact`` with ``quote_prefix``/``quote_suffix`` (a
    TextQuoteSelector) and ``start``/``end`` offsets in the body (a TextPositionSelector). For
    ``"region"``: ``x, y, width, height`` relative to the image or the PDF ``page`` (0..1).
    ``anchor_status``: ``"anchored"``, or after re-extraction ``"fuzzy"`` (found again with small
    changes) or ``"orphaned"`` (not found; kept as it was).
    """

    id: int
    source_id: int
    target: str
    note: str
    created_at: str
    modified_at: str
    quote_exact: str = ""
    quote_prefix: str = ""
    quote_suffix: str = ""
    start: int | None = None
    end: int | None = None
    page: int | None = None
    x: float | None = None
    y: float | None = None
    width: float | None = None
    height: float | None = None
    anchor_status: str = "anchored"
    tags: list[NamedRef] = field(default_factory=list)
    events: list[NamedRef] = field(default_factory=list)
    perspectives: list[NamedRef] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class Source:
    id: int
    kind: SourceKind
    title: str
    authors: list[str]
    site_name: str
    source_url: str
    published: str
    language: str
    body: str
    blocks: list[BlockSpan]
    notes: str
    metadata: dict[str, Any]
    extraction_notes: list[str]
    provenance: Provenance
    modified_at: str
    has_thumbnail: bool
    captions: list[CaptionRecord] = field(default_factory=list)
    appears_in: list[Appearance] = field(default_factory=list)
    tags: list[NamedRef] = field(default_factory=list)
    events: list[NamedRef] = field(default_factory=list)
    perspectives: list[NamedRef] = field(default_factory=list)
    annotations: list[Annotation] = field(default_factory=list)
    capture: dict[str, Any] | None = None

    @property
    def pages(self) -> list[Page]:
        """A PDF's pages with their text and where each starts in the body."""
        return [
            Page(span.level, self.body[span.start : span.end], span.start)
            for span in self.blocks
            if span.kind == "page"
        ]

    def page_at(self, offset: int) -> int | None:
        """The page number holding body offset ``offset`` (None for sources without pages)."""
        number = None
        for page in self.pages:
            if page.start > offset:
                break
            number = page.number
        return number

    @property
    def images(self) -> list[CaptionRecord]:
        """An article's figures (its captions that are not the source's own)."""
        return [c for c in self.captions if c.image_source_id != self.id]

    def to_dict(self) -> dict[str, Any]:
        """Everything known about the source, as ``archive-app show --json`` prints it."""
        data: dict[str, Any] = {
            "id": self.id,
            "kind": self.kind,
            "title": self.title,
            "authors": self.authors,
            "site_name": self.site_name,
            "source_url": self.source_url,
            "published": self.published,
            "language": self.language,
            "body": self.body,
            "blocks": [asdict(block) for block in self.blocks],
            "notes": self.notes,
            "captions": [{"text": c.text, "credit": c.credit} for c in self.captions],
            "tags": [t.name for t in self.tags],
            "events": [e.name for e in self.events],
            "perspectives": [p.name for p in self.perspectives],
            "annotations": [a.to_dict() for a in self.annotations],
            "provenance": {**asdict(self.provenance), "capture": self._capture_summary()},
            "captured_at": self.capture["captured_at"] if self.capture else None,
            "extraction_notes": self.extraction_notes,
            "modified_at": self.modified_at,
            "metadata": self.metadata,
        }
        if self.kind == "pdf":
            data["pages"] = [{"number": p.number, "text": p.text} for p in self.pages]
        if "ocr" in self.metadata:
            ocr = self.metadata["ocr"]
            data["ocr"] = {
                key: ocr[key] for key in ("engine", "version", "languages", "confidence")
            }
        if self.kind == "article":
            data["images"] = [
                {"id": c.image_source_id, "caption": c.text, "credit": c.credit, "src": c.src}
                for c in self.images
            ]
        if self.kind == "image":
            data.update(image_essentials(self.metadata))
            data["appears_in"] = [asdict(a) for a in self.appears_in]
        return data

    def _capture_summary(self) -> dict[str, Any] | None:
        if self.capture is None:
            return None
        keys = ("method", "url", "final_url", "status", "captured_at", "payload_sha256", "tls")
        return {key: self.capture[key] for key in keys}


IMAGE_ESSENTIALS = ("caption", "creator", "credit", "copyright", "taken_at", "camera", "gps")


def image_essentials(metadata: dict[str, Any]) -> dict[str, Any]:
    return {key: metadata.get(key) for key in IMAGE_ESSENTIALS}
