"""Sources as CSL-JSON items (https://citationstyles.org/), the form every other citation
export here is made from: BibTeX and RIS read these items, and citeproc formats them.

How a source becomes an item:

- ``type``: an article or text from a news site is ``article-newspaper``, one with only a web
  address a ``webpage``, a PDF a ``report``, a photo a ``graphic``, another text a
  ``manuscript``; a reference imported from a reference manager keeps the type it came with.
- ``author``: ``family`` and ``given`` names (a particle such as "de" or "van" stays with the
  family name), or ``literal`` for organisations ("Reuters", "Ministry of Defence").
- ``issued``: the published date with its own precision (a year, a month or a day).
- ``accessed``: when the page was captured, else when it was imported.
"""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path
from typing import Any

from archive_app.core.model import Source
from archive_app.export import write_atomically

ORGANISATION_WORDS = {
    "agency",
    "associated",
    "bureau",
    "center",
    "centre",
    "committee",
    "council",
    "desk",
    "editorial",
    "government",
    "group",
    "inc",
    "institute",
    "ltd",
    "ministry",
    "news",
    "office",
    "organization",
    "organisation",
    "press",
    "radio",
    "service",
    "staff",
    "team",
    "tv",
    "union",
    "wire",
}
# Lower-case words that join the parts of an organisation's name ("Defender of Armenia").
ORGANISATION_JOINERS = {"of", "for", "the", "and", "&", "on"}
FAMILY_PARTICLES = {"de", "del", "della", "der", "di", "da", "du", "la", "le", "van", "von"}
TYPES_BY_KIND = {"article": "webpage", "pdf": "report", "image": "graphic", "text": "manuscript"}


def csl_item(source: Source) -> dict[str, Any]:
    """One source as a CSL-JSON item; its ``id`` is :func:`citation_key`."""
    item: dict[str, Any] = {"id": citation_key(source), "type": csl_type(source)}
    if source.title:
        item["title"] = source.title
    authors = [csl_name(name) for name in source.authors if name.strip()]
    if authors:
        item["author"] = authors
    if source.site_name:
        item["container-title"] = source.site_name
    issued = date_parts(source.published)
    if issued:
        item["issued"] = {"date-parts": [issued]}
    if source.source_url:
        item["URL"] = source.source_url
    accessed = date_parts(accessed_at(source))
    if accessed:
        item["accessed"] = {"date-parts": [accessed]}
    if source.language:
        item["language"] = source.language
    for field in ("DOI", "publisher", "volume", "issue", "page", "ISBN", "ISSN"):
        value = source.metadata.get("reference", {}).get(field)
        if value:
            item[field] = value
    if source.tags:
        item["keyword"] = ", ".join(tag.name for tag in source.tags)
    if source.notes:
        item["note"] = source.notes
    return item


def write_csl_json(sources: list[Source], path: Path) -> int:
    items = [csl_item(source) for source in sources]
    write_atomically(path, (json.dumps(items, ensure_ascii=False, indent=2) + "\n").encode())
    return len(items)


def csl_type(source: Source) -> str:
    imported_type = source.metadata.get("reference", {}).get("type")
    if isinstance(imported_type, str) and imported_type:
        return imported_type
    if source.kind in {"article", "text"} and source.site_name:
        return "article-newspaper"
    if source.kind in {"article", "text"} and source.source_url:
        return "webpage"
    return TYPES_BY_KIND.get(source.kind, "manuscript")


def csl_name(name: str) -> dict[str, str]:
    """A byline as a CSL name: ``family``/``given``, or ``literal`` for an organisation."""
    clean = " ".join(name.split())
    if "," in clean:
        family, given = (part.strip() for part in clean.split(",", 1))
        return {"family": family, "given": given} if given else {"literal": family}
    words = clean.split(" ")
    if (
        len(words) == 1
        or {w.strip(".").casefold() for w in words} & ORGANISATION_WORDS
        or set(words[1:-1]) & ORGANISATION_JOINERS
    ):
        return {"literal": clean}
    family_start = len(words) - 1
    while family_start > 1 and words[family_start - 1].casefold() in FAMILY_PARTICLES:
        family_start -= 1
    return {"family": " ".join(words[family_start:]), "given": " ".join(words[:family_start])}


def date_parts(value: str) -> list[int]:
    """``2020`` → [2020], ``2020-09`` → [2020, 9], a day or a date-time → [y, m, d]."""
    match = re.match(r"^(\d{4})(?:-(\d\d)(?:-(\d\d))?)?", value)
    if not match:
        return []
    return [int(part) for part in match.groups() if part is not None]


def accessed_at(source: Source) -> str:
    captured = source.metadata.get("captured_at")
    return captured if isinstance(captured, str) and captured else source.provenance.imported_at


def citation_key(source: Source) -> str:
    """A readable key that stays the same from one export to the next: the first author's
    family name (else the site, else the kind), the year and the source's id (``deWaal2020-12``)."""
    name = ""
    if source.authors:
        parts = csl_name(source.authors[0])
        name = parts.get("family") or parts.get("literal", "")
    stem = _ascii_letters(name) or _ascii_letters(source.site_name) or source.kind
    year = source.published[:4] if source.published[:4].isdigit() else "nd"
    return f"{stem[:24]}{year}-{source.id}"


def _ascii_letters(text: str) -> str:
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return "".join(ch for ch in folded.title() if ch.isalnum())
