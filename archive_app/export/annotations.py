"""Annotations as W3C Web Annotation JSON-LD (https://www.w3.org/TR/annotation-model/).

The file is one ``AnnotationCollection`` whose first ``AnnotationPage`` holds every
``Annotation``. Each annotation has:

- ``body``: the note as a ``TextualBody`` (purpose ``commenting``, Markdown), each tag as a
  ``TextualBody`` with purpose ``tagging``, each event and perspective as a ``TextualBody``
  with purpose ``classifying`` whose ``id`` names the kind (``urn:archive-app:event:…``);
- ``target``: the source, identified by the SHA-256 of its original file
  (``urn:sha256:<hash>``, with ``via`` the web address it came from when known), and a
  selector: ``TextQuoteSelector`` + ``TextPositionSelector`` for a passage (offsets in the
  extracted text), a Media Fragments ``xywh=percent:`` ``FragmentSelector`` for an image
  region, and for a PDF region a page ``FragmentSelector`` (RFC 3778, ``page=N``) refined by
  the region.

Annotation ids are stable across exports: a name-based UUID of the source's hash and the
annotation's id. Filtering by event includes its sub-events; an annotation is included when
it, or the source it is on, carries one of the events (and likewise for perspectives).
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Collection, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from archive_app import __version__
from archive_app.core.db import now_iso
from archive_app.core.model import Annotation, NamedRef
from archive_app.export import write_atomically

if TYPE_CHECKING:
    from archive_app.core.archive import Archive
    from archive_app.core.research import Ref

CONTEXT = "http://www.w3.org/ns/anno.jsonld"
MEDIA_FRAGMENTS = "http://www.w3.org/TR/media-frags/"
PDF_FRAGMENTS = "http://tools.ietf.org/rfc/rfc3778"
ID_NAMESPACE = uuid.UUID("5b0c8f8e-3f4e-4d0a-9a57-6d1d2f1c9e41")
RESOURCE_TYPES = {"image": "Image"}


def export_annotations(
    archive: Archive,
    path: Path,
    *,
    events: Sequence[Ref] = (),
    perspectives: Sequence[Ref] = (),
    source_ids: Collection[int] | None = None,
) -> int:
    """Write the annotations (optionally only those of some events and perspectives, and of
    the sources ``source_ids``) to ``path`` as JSON-LD, atomically; how many were written."""
    collection = annotation_collection(
        archive, events=events, perspectives=perspectives, source_ids=source_ids
    )
    text = json.dumps(collection, ensure_ascii=False, indent=2) + "\n"
    write_atomically(path, text.encode("utf-8"))
    return int(collection["total"])


def annotation_collection(
    archive: Archive,
    *,
    events: Sequence[Ref] = (),
    perspectives: Sequence[Ref] = (),
    source_ids: Collection[int] | None = None,
) -> dict[str, Any]:
    """The JSON-LD document, as a dictionary."""
    annotations = _selected(archive, events, perspectives)
    if source_ids is not None:
        annotations = [a for a in annotations if a.source_id in source_ids]
    sources = _sources(archive, {annotation.source_id for annotation in annotations})
    items = [
        to_web_annotation(annotation, sources[annotation.source_id]) for annotation in annotations
    ]
    page_id = f"urn:uuid:{uuid.uuid4()}"
    return {
        "@context": CONTEXT,
        "id": f"urn:uuid:{uuid.uuid4()}",
        "type": "AnnotationCollection",
        "label": f"Annotations exported from the archive at {archive.path.name}",
        "generator": {"type": "Software", "name": f"archive-app {__version__}"},
        "generated": _timestamp(now_iso()),
        "total": len(items),
        "first": {"id": page_id, "type": "AnnotationPage", "startIndex": 0, "items": items},
        "last": page_id,
    }


def to_web_annotation(annotation: Annotation, source: dict[str, Any]) -> dict[str, Any]:
    """One annotation as a W3C ``Annotation``; ``source`` holds the source's ``sha256``,
    ``kind``, ``mime_type``, ``title`` and ``source_url``."""
    stable_name = f"{source['sha256']}/{annotation.id}"
    result: dict[str, Any] = {
        "id": f"urn:uuid:{uuid.uuid5(ID_NAMESPACE, stable_name)}",
        "type": "Annotation",
        "motivation": _motivation(annotation),
        "created": _timestamp(annotation.created_at),
        "modified": _timestamp(annotation.modified_at),
    }
    bodies = _bodies(annotation)
    if bodies:
        result["body"] = bodies
    result["target"] = {
        "type": "SpecificResource",
        "source": _resource(source),
        "selector": _selector(annotation),
    }
    return result


def _bodies(annotation: Annotation) -> list[dict[str, Any]]:
    bodies: list[dict[str, Any]] = []
    if annotation.note:
        bodies.append(
            {
                "type": "TextualBody",
                "purpose": "commenting",
                "value": annotation.note,
                "format": "text/markdown",
            }
        )
    bodies += [
        {"type": "TextualBody", "purpose": "tagging", "value": t.name} for t in annotation.tags
    ]
    bodies += [_classifying("event", ref) for ref in annotation.events]
    bodies += [_classifying("perspective", ref) for ref in annotation.perspectives]
    return bodies


def _classifying(kind: str, ref: NamedRef) -> dict[str, Any]:
    return {
        "id": f"urn:archive-app:{kind}:{quote(ref.name, safe='')}",
        "type": "TextualBody",
        "purpose": "classifying",
        "value": ref.name,
    }


def _motivation(annotation: Annotation) -> str:
    if annotation.note:
        return "commenting"
    if annotation.tags or annotation.events or annotation.perspectives:
        return "classifying"
    return "highlighting"


def _resource(source: dict[str, Any]) -> dict[str, Any]:
    resource: dict[str, Any] = {
        "id": f"urn:sha256:{source['sha256']}",
        "type": RESOURCE_TYPES.get(source["kind"], "Text"),
    }
    if source["mime_type"]:
        resource["format"] = source["mime_type"]
    if source["title"]:
        resource["label"] = source["title"]
    if source["source_url"]:
        resource["via"] = source["source_url"]
    return resource


def _selector(annotation: Annotation) -> dict[str, Any] | list[dict[str, Any]]:
    if annotation.target == "text":
        return [
            {
                "type": "TextQuoteSelector",
                "exact": annotation.quote_exact,
                "prefix": annotation.quote_prefix,
                "suffix": annotation.quote_suffix,
            },
            {"type": "TextPositionSelector", "start": annotation.start, "end": annotation.end},
        ]
    region = {
        "type": "FragmentSelector",
        "conformsTo": MEDIA_FRAGMENTS,
        "value": "xywh=percent:" + ",".join(_percent(value) for value in _box(annotation)),
    }
    if annotation.page is None:
        return region
    return {
        "type": "FragmentSelector",
        "conformsTo": PDF_FRAGMENTS,
        "value": f"page={annotation.page}",
        "refinedBy": region,
    }


def _box(annotation: Annotation) -> tuple[float, float, float, float]:
    return (
        annotation.x or 0.0,
        annotation.y or 0.0,
        annotation.width or 0.0,
        annotation.height or 0.0,
    )


def _percent(fraction: float) -> str:
    return f"{fraction * 100:.4f}".rstrip("0").rstrip(".")


def _timestamp(stored: str) -> str:
    """A stored UTC moment in the form xsd:dateTime examples use (``…Z``)."""
    return stored.replace("+00:00", "Z")


def _selected(
    archive: Archive, events: Sequence[Ref], perspectives: Sequence[Ref]
) -> list[Annotation]:
    annotations = archive.annotations.all()
    if events:
        wanted = archive.events.with_descendants(events)
        carriers = archive.listing.sources_carrying("event", wanted)
        annotations = [a for a in annotations if _carried(a, a.events, carriers, wanted)]
    if perspectives:
        wanted = {archive.perspectives.get(ref).id for ref in perspectives}
        carriers = archive.listing.sources_carrying("perspective", wanted)
        annotations = [a for a in annotations if _carried(a, a.perspectives, carriers, wanted)]
    return annotations


def _carried(
    annotation: Annotation, refs: list[NamedRef], carriers: set[int], wanted: set[int]
) -> bool:
    return annotation.source_id in carriers or any(ref.id in wanted for ref in refs)


def _sources(archive: Archive, source_ids: set[int]) -> dict[int, dict[str, Any]]:
    described = {}
    for source_id in source_ids:
        source = archive.get(source_id)
        described[source_id] = {
            "sha256": source.provenance.sha256,
            "kind": source.kind,
            "mime_type": source.provenance.mime_type,
            "title": source.title,
            "source_url": source.source_url,
        }
    return described
