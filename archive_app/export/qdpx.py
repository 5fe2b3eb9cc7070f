"""A REFI-QDA project (``.qdpx``): the exchange format of ATLAS.ti, NVivo, MAXQDA, QualCoder.

The file is a ZIP holding ``project.qde`` (XML in the ``urn:QDA-XML:project:1.0`` namespace,
valid against the REFI-QDA Project schema of March 2019) and ``sources/``, the files it refers
to as ``internal://<name>``:

- the code system: three uncodable codes, *Events* (with the event tree nested under it),
  *Perspectives* (with their colours) and *Tags*, each holding its labels as codes;
- each source: an article, a text or a reference as a ``TextSource`` over its extracted text;
  a PDF as a ``PDFSource`` with its original and a text ``Representation``; a photo as a
  ``PictureSource`` with its original. The labels a source carries are its codings, its notes a
  ``Note``, and its site, authors, published date and web address variables;
- each annotation: a passage as a ``PlainTextSelection`` whose ``startPosition`` and
  ``endPosition`` count characters (Unicode code points) of the exported text, exactly as the
  archive's offsets do; a photo region as a ``PictureSelection`` in pixels; a PDF region as a
  ``PDFSelection`` in PDF points from the page's lower-left corner. Its labels are codings of the
  selection, its note a ``Note`` it refers to.

Every GUID is a name-based UUID of what it stands for (a source's SHA-256, an annotation's id,
an event's id), so a second export of the same archive matches the first.
"""

from __future__ import annotations

import uuid
import zipfile
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from lxml import etree
from PIL import Image
from pypdf import PdfReader
from pypdf.errors import PyPdfError

from archive_app import __version__
from archive_app.core.errors import CancelledError
from archive_app.core.messages import QT_TRANSLATE_NOOP, Message
from archive_app.core.model import Annotation, NamedRef, Source
from archive_app.core.progress import CancelToken, ProgressCallback, is_cancelled, report_progress
from archive_app.export import open_atomically

if TYPE_CHECKING:
    from archive_app.core.archive import Archive

NAMESPACE = "urn:QDA-XML:project:1.0"
GUID_NAMESPACE = uuid.UUID("0d3c5a8e-8f0e-4b7e-9f41-3b8f2a6c7d15")
VARIABLES = ("Site", "Authors", "Published", "URL")
A4 = (595.0, 842.0)  # PDF points: the page size assumed when a PDF's own cannot be read


def guid(*parts: object) -> str:
    return str(uuid.uuid5(GUID_NAMESPACE, "/".join(str(part) for part in parts)))


def write_qdpx(
    archive: Archive,
    sources: list[Source],
    path: Path,
    progress: ProgressCallback | None = None,
    cancel: CancelToken | None = None,
) -> int:
    """Write the sources, their annotations and the code system to ``path``; how many
    sources were written."""
    builder = _ProjectBuilder(archive)
    with open_atomically(path) as handle, zipfile.ZipFile(handle, "w") as package:
        for done, source in enumerate(sources, start=1):
            if is_cancelled(cancel):
                raise CancelledError(
                    Message(
                        QT_TRANSLATE_NOOP("core", "The export was cancelled; no file was written.")
                    )
                )
            builder.add_source(source, package)
            report_progress(
                progress,
                done,
                len(sources),
                Message(QT_TRANSLATE_NOOP("core", "Writing the project")),
            )
        project = builder.project()
        package.writestr(
            "project.qde",
            etree.tostring(project, xml_declaration=True, encoding="utf-8", pretty_print=True),
            compress_type=zipfile.ZIP_DEFLATED,
        )
    return len(sources)


def _element(parent: Any, tag: str, **attributes: object) -> Any:
    values = {key: str(value) for key, value in attributes.items() if value not in (None, "")}
    return etree.SubElement(parent, f"{{{NAMESPACE}}}{tag}", values)


class _ProjectBuilder:
    def __init__(self, archive: Archive) -> None:
        self.archive = archive
        self.root = etree.Element(
            f"{{{NAMESPACE}}}Project",
            {"name": archive.path.name, "origin": f"archive-app {__version__}"},
            nsmap={None: NAMESPACE},
        )
        self.sources = etree.Element(f"{{{NAMESPACE}}}Sources")
        self.notes = etree.Element(f"{{{NAMESPACE}}}Notes")

    def project(self) -> Any:
        users = _element(self.root, "Users")
        _element(users, "User", guid=guid("user"), name="archive-app")
        self._code_book()
        variables = _element(self.root, "Variables")
        for name in VARIABLES:
            _element(
                variables, "Variable", guid=guid("variable", name), name=name, typeOfVariable="Text"
            )
        if len(self.sources):
            self.root.append(self.sources)
        if len(self.notes):
            self.root.append(self.notes)
        return self.root

    def _code_book(self) -> None:
        codes = _element(_element(self.root, "CodeBook"), "Codes")
        events = _element(
            codes, "Code", guid=guid("code", "events"), name="Events", isCodable="false"
        )
        self._event_codes(events, self.archive.events.tree())
        perspectives = _element(
            codes, "Code", guid=guid("code", "perspectives"), name="Perspectives", isCodable="false"
        )
        for perspective in self.archive.perspectives.all():
            code = _element(
                perspectives,
                "Code",
                guid=_label_guid("perspective", perspective.id),
                name=perspective.name,
                isCodable="true",
                color=perspective.color,
            )
            if perspective.description:
                _element(code, "Description").text = perspective.description
        tags = _element(codes, "Code", guid=guid("code", "tags"), name="Tags", isCodable="false")
        for tag in self.archive.tags.all():
            _element(tags, "Code", guid=_label_guid("tag", tag.id), name=tag.name, isCodable="true")

    def _event_codes(self, parent: Any, nodes: Iterable[Any]) -> None:
        for node in nodes:
            event = node.event
            code = _element(
                parent,
                "Code",
                guid=_label_guid("event", event.id),
                name=event.name,
                isCodable="true",
            )
            dates = " – ".join(part for part in (event.start, event.end) if part)
            description = " · ".join(
                part for part in (dates, event.place, event.description) if part
            )
            if description:
                _element(code, "Description").text = description
            self._event_codes(code, node.children)

    # Sources

    def add_source(self, source: Source, package: zipfile.ZipFile) -> None:
        source_guid = guid("source", source.provenance.sha256)
        attributes = {"guid": source_guid, "name": source.title or f"Source {source.id}"}
        if source.kind == "image":
            element = _element(
                self.sources, "PictureSource", **attributes, path=self._original(source, package)
            )
            size = _picture_size(self.archive, source)
            for annotation in source.annotations:
                if annotation.target == "region":
                    corners = _corners(annotation, size, from_bottom=False)
                    self._region_selection(element, "PictureSelection", annotation, source, corners)
        elif source.kind == "pdf":
            element = _element(
                self.sources, "PDFSource", **attributes, path=self._original(source, package)
            )
            sizes = _page_sizes(self.archive, source)
            for annotation in source.annotations:
                if annotation.target == "region":
                    page = annotation.page or 1
                    corners = _corners(annotation, sizes.get(page, A4), from_bottom=True)
                    self._region_selection(
                        element, "PDFSelection", annotation, source, corners, page=page
                    )
            representation = _element(
                element,
                "Representation",
                guid=guid("representation", source.provenance.sha256),
                name=attributes["name"],
                plainTextPath=self._plain_text(source, package),
            )
            self._text_selections(representation, source)
        else:
            element = _element(
                self.sources,
                "TextSource",
                **attributes,
                plainTextPath=self._plain_text(source, package),
            )
            self._text_selections(element, source)
        self._codings(
            element, ("source", source.id), _labels(source.events, source.perspectives, source.tags)
        )
        if source.notes:
            self._note_ref(
                element, ("source-note", source.provenance.sha256), source.notes, "Notes"
            )
        self._variables(element, source)

    def _original(self, source: Source, package: zipfile.ZipFile) -> str:
        name = f"{guid('file', source.provenance.sha256)}{source.provenance.original_ext}"
        package.write(self.archive.original_path(source), f"sources/{name}")
        return f"internal://{name}"

    def _plain_text(self, source: Source, package: zipfile.ZipFile) -> str:
        name = f"{guid('text', source.provenance.sha256)}.txt"
        package.writestr(
            f"sources/{name}", source.body.encode("utf-8"), compress_type=zipfile.ZIP_DEFLATED
        )
        return f"internal://{name}"

    def _text_selections(self, parent: Any, source: Source) -> None:
        for annotation in source.annotations:
            if annotation.target != "text" or annotation.start is None or annotation.end is None:
                continue
            selection = _element(
                parent,
                "PlainTextSelection",
                guid=_annotation_guid(source, annotation),
                name=annotation.quote_exact[:80],
                startPosition=annotation.start,
                endPosition=annotation.end,
                creationDateTime=annotation.created_at,
                modifiedDateTime=annotation.modified_at,
            )
            self._annotation_body(selection, source, annotation)

    def _region_selection(
        self,
        parent: Any,
        tag: str,
        annotation: Annotation,
        source: Source,
        corners: tuple[int, int, int, int],
        **extra: object,
    ) -> None:
        first_x, first_y, second_x, second_y = corners
        selection = _element(
            parent,
            tag,
            guid=_annotation_guid(source, annotation),
            name=annotation.note[:80],
            **extra,
            firstX=first_x,
            firstY=first_y,
            secondX=second_x,
            secondY=second_y,
            creationDateTime=annotation.created_at,
        )
        self._annotation_body(selection, source, annotation)

    def _annotation_body(self, selection: Any, source: Source, annotation: Annotation) -> None:
        labels = _labels(annotation.events, annotation.perspectives, annotation.tags)
        self._codings(selection, ("annotation", source.provenance.sha256, annotation.id), labels)
        if annotation.note:
            key = ("annotation-note", source.provenance.sha256, annotation.id)
            self._note_ref(selection, key, annotation.note, annotation.quote_exact[:80] or "Note")

    def _codings(
        self, parent: Any, owner: tuple[object, ...], labels: list[tuple[str, NamedRef]]
    ) -> None:
        for kind, ref in labels:
            coding = _element(parent, "Coding", guid=guid("coding", *owner, kind, ref.id))
            _element(coding, "CodeRef", targetGUID=_label_guid(kind, ref.id))

    def _note_ref(self, parent: Any, key: tuple[object, ...], text: str, name: str) -> None:
        note_guid = guid(*key)
        note = _element(self.notes, "Note", guid=note_guid, name=name)
        _element(note, "PlainTextContent").text = text
        _element(parent, "NoteRef", targetGUID=note_guid)

    def _variables(self, parent: Any, source: Source) -> None:
        values = dict(
            zip(
                VARIABLES,
                (source.site_name, "; ".join(source.authors), source.published, source.source_url),
                strict=True,
            )
        )
        for name, value in values.items():
            if value:
                holder = _element(parent, "VariableValue")
                _element(holder, "VariableRef", targetGUID=guid("variable", name))
                _element(holder, "TextValue").text = value


def _labels(
    events: list[NamedRef], perspectives: list[NamedRef], tags: list[NamedRef]
) -> list[tuple[str, NamedRef]]:
    return (
        [("event", ref) for ref in events]
        + [("perspective", ref) for ref in perspectives]
        + [("tag", ref) for ref in tags]
    )


def _label_guid(kind: str, label_id: int) -> str:
    return guid("code", kind, label_id)


def _annotation_guid(source: Source, annotation: Annotation) -> str:
    return guid("selection", source.provenance.sha256, annotation.id)


def _corners(
    annotation: Annotation, size: tuple[float, float], *, from_bottom: bool
) -> tuple[int, int, int, int]:
    """The region's upper-left and lower-right corners in the picture's pixels, or in PDF
    points measured from the page's lower-left corner (``from_bottom``)."""
    width, height = size
    left, top = annotation.x or 0.0, annotation.y or 0.0
    right, bottom = left + (annotation.width or 0.0), top + (annotation.height or 0.0)
    if from_bottom:
        top, bottom = 1 - top, 1 - bottom
    return round(left * width), round(top * height), round(right * width), round(bottom * height)


def _picture_size(archive: Archive, source: Source) -> tuple[float, float]:
    width, height = source.metadata.get("width"), source.metadata.get("height")
    if isinstance(width, int) and isinstance(height, int):
        return float(width), float(height)
    try:
        with Image.open(archive.original_path(source)) as image:
            return float(image.width), float(image.height)
    except OSError:
        return 1000.0, 1000.0


def _page_sizes(archive: Archive, source: Source) -> dict[int, tuple[float, float]]:
    try:
        reader = PdfReader(archive.original_path(source))
        return {
            number: (float(page.mediabox.width), float(page.mediabox.height))
            for number, page in enumerate(reader.pages, start=1)
        }
    except (OSError, PyPdfError):  # a PDF pypdf cannot read: regions fall back to an A4 page
        return {}
