"""XMP packets (Adobe's RDF/XML metadata in photos and PDFs) read into a flat dictionary.

Photos and PDFs carry XMP from many tools, some of it written by hand or damaged, so the packet
is parsed with lxml under a parser that expands no entities, loads no DTD and reaches no network
(an XML bomb stays a few unexpanded references). Pillow's own ``getxmp`` is not used: it needs
defusedxml, which the archive does not depend on.

The result maps ``prefix:Name`` (conventional prefixes, whatever the file declared) to a string
for a simple value or a language alternative (the ``x-default`` text), or to a list of strings
for an ordered or unordered array. One level of structure is kept as ``prefix:Name/prefix:Field``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import datetime
from typing import Any

from lxml import etree

from archive_app.importers.text_normal import normalize_inline

XmpValue = str | list[str]

XMP_MAX_BYTES = 4_000_000
_MAX_PROPERTIES = 300
_MAX_VALUE_CHARS = 2000
_MAX_LIST_ITEMS = 100

RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"

_PREFIXES = {
    "http://purl.org/dc/elements/1.1/": "dc",
    "http://ns.adobe.com/xap/1.0/": "xmp",
    "http://ns.adobe.com/xap/1.0/rights/": "xmpRights",
    "http://ns.adobe.com/xap/1.0/mm/": "xmpMM",
    "http://ns.adobe.com/photoshop/1.0/": "photoshop",
    "http://ns.adobe.com/exif/1.0/": "exif",
    "http://cipa.jp/exif/1.0/": "exifEX",
    "http://ns.adobe.com/tiff/1.0/": "tiff",
    "http://ns.adobe.com/pdf/1.3/": "pdf",
    "http://iptc.org/std/Iptc4xmpCore/1.0/xmlns/": "Iptc4xmpCore",
    "http://iptc.org/std/Iptc4xmpExt/2008-02-29/": "Iptc4xmpExt",
    "http://ns.adobe.com/exif/1.0/aux/": "aux",
    "http://ns.adobe.com/lightroom/1.0/": "lr",
}

_DATE = re.compile(
    r"^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?"
    r"(Z|[+-]\d{2}:\d{2})?)?)?)?$"
)


class XmpError(ValueError):
    """The packet is not readable XML/RDF."""


def parse_xmp(packet: bytes) -> dict[str, XmpValue]:
    """Every property of every ``rdf:Description`` in ``packet``; raises :class:`XmpError`."""
    if len(packet) > XMP_MAX_BYTES:
        raise XmpError(f"the XMP packet is larger than {XMP_MAX_BYTES} bytes")
    root = _parse_xml(packet)
    properties: dict[str, XmpValue] = {}
    for description in root.iter(f"{{{RDF}}}Description"):
        _read_description(description, properties, prefix="")
        if len(properties) >= _MAX_PROPERTIES:
            break
    return properties


def first_text(xmp: Mapping[str, XmpValue], key: str) -> str:
    """A property as one line of text: a list gives its first non-empty item."""
    value = xmp.get(key)
    if isinstance(value, list):
        return next((item for item in value if item), "")
    return value or ""


def text_list(xmp: Mapping[str, XmpValue], key: str) -> list[str]:
    """A property as a list of texts (a simple value gives a one-item list)."""
    value = xmp.get(key)
    if isinstance(value, list):
        return [item for item in value if item]
    return [value] if value else []


def xmp_date(text: str) -> str:
    """An XMP date (ISO 8601, possibly partial) in canonical form, or '' when it is not one."""
    match = _DATE.match(text.strip())
    if not match:
        return ""
    year, month, day, hour, minute, second, zone = match.groups()
    try:
        datetime(
            int(year), int(month or 1), int(day or 1), int(hour or 0), int(minute or 0),
            int(second or 0),
        )  # fmt: skip
    except ValueError:
        return ""
    if hour is None:
        return "-".join(part for part in (year, month, day) if part)
    zone = "+00:00" if zone == "Z" else (zone or "")
    return f"{year}-{month}-{day}T{hour}:{minute}:{second or '00'}{zone}"


def _parse_xml(packet: bytes) -> Any:
    start = packet.find(b"<")
    if start < 0:
        raise XmpError("the XMP packet holds no XML")
    parser = etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        huge_tree=False,
        remove_comments=True,
        remove_pis=True,
    )
    try:
        return etree.fromstring(packet[start:].rstrip(b"\x00 \t\r\n"), parser)
    except etree.XMLSyntaxError as error:
        raise XmpError(f"the XMP packet is not well-formed XML: {error}") from error


def _read_description(description: Any, properties: dict[str, XmpValue], prefix: str) -> None:
    for attribute, value in description.attrib.items():
        name = _qualified_name(attribute, description.nsmap)
        if name and not attribute.startswith(f"{{{RDF}}}"):
            _store(properties, prefix + name, _clean(value))
    for child in _elements(description):
        name = _qualified_name(child.tag, child.nsmap)
        if name:
            _read_property(child, properties, prefix + name, nested=bool(prefix))


def _read_property(
    element: Any, properties: dict[str, XmpValue], name: str, *, nested: bool
) -> None:
    resource = element.get(f"{{{RDF}}}resource")
    if resource is not None:
        _store(properties, name, _clean(resource))
        return
    children = _elements(element)
    if not children:
        _store(properties, name, _clean(element.text or ""))
        return
    container = children[0]
    if container.tag in (f"{{{RDF}}}Seq", f"{{{RDF}}}Bag"):
        _store(properties, name, _array_items(container))
    elif container.tag == f"{{{RDF}}}Alt":
        _store(properties, name, _default_alternative(container))
    elif not nested:
        structure = container if container.tag == f"{{{RDF}}}Description" else element
        _read_description(structure, properties, prefix=name + "/")


def _array_items(container: Any) -> list[str]:
    items = []
    for item in _elements(container)[:_MAX_LIST_ITEMS]:
        if item.tag == f"{{{RDF}}}li" and not _elements(item):
            text = _clean(item.text or "")
            if text:
                items.append(text)
    return items


def _default_alternative(container: Any) -> str:
    texts = [
        (item.get(XML_LANG, ""), _clean(item.text or ""))
        for item in _elements(container)
        if item.tag == f"{{{RDF}}}li"
    ]
    for language, text in texts:
        if language.lower() == "x-default" and text:
            return text
    return next((text for _, text in texts if text), "")


def _elements(element: Any) -> list[Any]:
    """Child elements only: entity references, left unexpanded, are not elements."""
    return [child for child in element if isinstance(child.tag, str)]


def _qualified_name(tag: str, declared: dict[str | None, str]) -> str:
    """``prefix:Name`` with the usual prefix of a known namespace, else the file's own."""
    if not tag.startswith("{"):
        return ""
    namespace, local = tag[1:].split("}", 1)
    prefix = _PREFIXES.get(namespace)
    if prefix is None:
        prefix = next((p for p, uri in declared.items() if uri == namespace and p), "ns")
    return f"{prefix}:{local}"


def _clean(text: str) -> str:
    return normalize_inline(text)[:_MAX_VALUE_CHARS]


def _store(properties: dict[str, XmpValue], name: str, value: XmpValue) -> None:
    if value and len(properties) < _MAX_PROPERTIES and name not in properties:
        properties[name] = value
