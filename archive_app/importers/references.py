"""References from reference managers (Zotero, JabRef, Mendeley, Citavi): RIS, BibTeX and
CSL-JSON files, read into one :class:`Reference` per record.

Pure, like every importer: text in, references out. Each format is read into a CSL-JSON item
(the form the citation exports write too), and each reference keeps its own record's text as
its original (the RIS or BibTeX record as it stands in the file; a CSL-JSON item written out
with sorted keys), so its SHA-256 says whether the same record came in before.
"""

from __future__ import annotations

import json
import re
import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from archive_app.core.errors import ImportFailure
from archive_app.core.messages import QT_TRANSLATE_NOOP, Message
from archive_app.importers.document import Block, ExtractedDocument
from archive_app.importers.reference_types import CSL_TYPE_OF_BIBTEX, CSL_TYPE_OF_RIS
from archive_app.importers.text_normal import normalize_inline, normalize_text

ReferenceFormat = Literal["ris", "bibtex", "csl-json"]
SUFFIXES: dict[str, ReferenceFormat] = {
    ".ris": "ris",
    ".bib": "bibtex",
    ".bibtex": "bibtex",
    ".json": "csl-json",
    ".csljson": "csl-json",
}
MIME_TYPES: dict[ReferenceFormat, str] = {
    "ris": "application/x-research-info-systems",
    "bibtex": "application/x-bibtex",
    "csl-json": "application/vnd.citationstyles.csl+json",
}
RECORD_SUFFIXES: dict[ReferenceFormat, str] = {"ris": ".ris", "bibtex": ".bib", "csl-json": ".json"}
KEPT_FIELDS = ("DOI", "publisher", "volume", "issue", "page", "ISBN", "ISSN", "keyword")
_RIS_RECORD = re.compile(r"^TY  - .*?^ER  -[^\n]*(?:\n|$)", re.M | re.S)
_BIBTEX_ENTRY = re.compile(r"^@(?!comment\b|string\b|preamble\b)\w+\s*[{(]", re.M | re.I)


@dataclass(frozen=True)
class Reference:
    """One record: ``item`` is it as CSL-JSON; ``record`` its own text (its original);
    ``attachment`` the file the record names, as written there."""

    format: ReferenceFormat
    item: dict[str, Any]
    record: bytes
    attachment: str = ""

    @property
    def title(self) -> str:
        return str(self.item.get("title", ""))

    @property
    def year(self) -> str:
        parts = self.item.get("issued", {}).get("date-parts", [[]])
        return str(parts[0][0]) if parts and parts[0] else ""

    @property
    def doi(self) -> str:
        return str(self.item.get("DOI", "")).strip().lower().removeprefix("https://doi.org/")

    @property
    def notes(self) -> str:
        return str(self.item.get("note", ""))

    def document(self) -> ExtractedDocument:
        """The reference as a metadata-only source; its abstract is its searchable text."""
        abstract = normalize_text(str(self.item.get("abstract", "")))
        kept = {key: self.item[key] for key in KEPT_FIELDS if self.item.get(key)}
        return ExtractedDocument(
            kind="reference",
            title=normalize_inline(self.title),
            authors=[name for name in map(byline, self.item.get("author", [])) if name],
            site_name=normalize_inline(
                str(self.item.get("container-title") or self.item.get("publisher") or "")
            ),
            source_url=str(self.item.get("URL", "")),
            published=partial_date(self.item.get("issued")),
            language=str(self.item.get("language", "")),
            blocks=[Block("paragraph", abstract)] if abstract else [],
            metadata={"reference": {"type": self.item.get("type", "document"), **kept}},
            mime_type=MIME_TYPES[self.format],
        )


def reference_format(head: bytes, suffix: str) -> ReferenceFormat | None:
    """Whether a file is a reference list, from its name and its first bytes."""
    text = head.decode("utf-8", "ignore").lstrip("\ufeff \r\n\t")
    chosen = SUFFIXES.get(suffix)
    if chosen == "csl-json":
        return chosen if text[:1] in "[{" and '"type"' in text else None
    if chosen is not None:
        return chosen
    if text.startswith("TY  - "):
        return "ris"
    return None


def read_references(path: Path, file_format: ReferenceFormat) -> list[Reference]:
    """Every record of the file. Raises :class:`ImportFailure` when it cannot be read."""
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ImportFailure(
            Message(
                QT_TRANSLATE_NOOP("core", "The reference file is not UTF-8 text ({reason})."),
                reason=error.reason,
            )
        ) from error
    readers = {"ris": _read_ris, "bibtex": _read_bibtex, "csl-json": _read_csl_json}
    references = readers[file_format](text)
    if not references:
        raise ImportFailure(
            Message(
                QT_TRANSLATE_NOOP("core", "No references were found in this {format} file."),
                format=file_format.upper(),
            )
        )
    return references


# RIS


def _read_ris(text: str) -> list[Reference]:
    import rispy  # here, not at the top: the window imports this module and rarely reads RIS

    references = []
    for match in _RIS_RECORD.finditer(text.replace("\r\n", "\n")):
        record = match.group(0)
        try:
            [entry] = rispy.loads(record)
        except (OSError, ValueError) as error:
            raise ImportFailure(
                Message(
                    QT_TRANSLATE_NOOP("core", "A RIS record cannot be read: {error}"),
                    error=str(error),
                )
            ) from error
        attachments = entry.get("file_attachments1") or entry.get("file_attachments2") or ""
        references.append(Reference("ris", _ris_item(entry), record.encode(), _first(attachments)))
    return references


def _ris_item(entry: dict[str, Any]) -> dict[str, Any]:
    item: dict[str, Any] = {
        "type": CSL_TYPE_OF_RIS.get(str(entry.get("type_of_reference", "")), "document")
    }
    _put(item, "title", entry.get("title") or entry.get("primary_title"))
    names = entry.get("authors") or entry.get("first_authors") or []
    if names:
        item["author"] = [name_parts(name) for name in names]
    _put(
        item,
        "container-title",
        entry.get("secondary_title") or entry.get("journal_name") or entry.get("alternate_title3"),
    )
    issued = _ris_date(entry.get("date", "")) or _ris_date(
        entry.get("year") or entry.get("publication_year") or ""
    )
    if issued:
        item["issued"] = {"date-parts": [issued]}
    accessed = _ris_date(entry.get("access_date", ""))
    if accessed:
        item["accessed"] = {"date-parts": [accessed]}
    _put(item, "URL", _first(entry.get("urls", [])))
    _put(item, "DOI", entry.get("doi"))
    _put(item, "language", entry.get("language"))
    _put(item, "abstract", entry.get("abstract") or entry.get("notes_abstract"))
    _put(item, "publisher", entry.get("publisher"))
    _put(item, "volume", entry.get("volume"))
    _put(item, "issue", entry.get("number"))
    if entry.get("keywords"):
        item["keyword"] = ", ".join(entry["keywords"])
    if entry.get("notes"):
        item["note"] = "\n\n".join(entry["notes"])
    return item


def _ris_date(value: str) -> list[int]:
    numbers = [int(part) for part in re.split(r"[/-]", value.strip()) if part.isdigit()]
    if not numbers or not 1000 <= numbers[0] <= 9999:
        return []
    return numbers[:3]


# BibTeX


def _read_bibtex(text: str) -> list[Reference]:
    starts = [match.start() for match in _BIBTEX_ENTRY.finditer(text)]
    references = []
    ends = [*starts[1:], len(text)] if starts else []
    for start, end in zip(starts, ends, strict=True):
        record = text[start:end].rstrip() + "\n"
        with warnings.catch_warnings():
            # bibtexparser 1.4 calls pyparsing names that pyparsing 3.3 deprecates
            warnings.simplefilter("ignore", DeprecationWarning)
            # imported here: with pyparsing it costs the window's start 55 ms it rarely needs
            import bibtexparser
            from bibtexparser.bparser import BibTexParser
            from bibtexparser.customization import convert_to_unicode

            parser = BibTexParser(common_strings=True, ignore_nonstandard_types=False)
            parser.customization = convert_to_unicode
            entries = bibtexparser.loads(record, parser).entries
        if not entries:
            raise ImportFailure(
                Message(
                    QT_TRANSLATE_NOOP("core", "A BibTeX entry cannot be read: {record}…"),
                    record=repr(record[:60]),
                )
            )
        entry = entries[0]
        references.append(
            Reference("bibtex", _bibtex_item(entry), record.encode(), _bibtex_file(entry))
        )
    return references


def _bibtex_item(entry: dict[str, str]) -> dict[str, Any]:
    entry_type = entry.get("ENTRYTYPE", "misc").lower()
    csl_type = CSL_TYPE_OF_BIBTEX.get(entry_type, "document")
    if entry.get("entrysubtype", "").lower() == "newspaper":
        csl_type = "article-newspaper"
    item: dict[str, Any] = {"type": csl_type}
    _put(item, "title", entry.get("title"))
    if entry.get("author"):
        item["author"] = [name_parts(name) for name in re.split(r"\s+and\s+", entry["author"])]
    container = (
        entry.get("journaltitle")
        or entry.get("journal")
        or entry.get("booktitle")
        or entry.get("institution")
        or entry.get("organization")
    )
    _put(item, "container-title", container)
    issued = _bibtex_date(entry)
    if issued:
        item["issued"] = {"date-parts": [issued]}
    accessed = _ris_date(entry.get("urldate", ""))
    if accessed:
        item["accessed"] = {"date-parts": [accessed]}
    _put(item, "URL", entry.get("url"))
    _put(item, "DOI", entry.get("doi"))
    _put(item, "language", entry.get("langid") or entry.get("language"))
    _put(item, "abstract", entry.get("abstract"))
    _put(item, "publisher", entry.get("publisher"))
    _put(item, "volume", entry.get("volume"))
    _put(item, "issue", entry.get("number"))
    _put(item, "page", entry.get("pages"))
    _put(item, "keyword", entry.get("keywords"))
    _put(item, "note", entry.get("annotation") or entry.get("annote") or entry.get("note"))
    return item


MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")


def _bibtex_date(entry: dict[str, str]) -> list[int]:
    date = _ris_date(entry.get("date", ""))
    if date:
        return date
    year = _ris_date(entry.get("year", ""))
    month = entry.get("month", "").strip().lower()[:3]
    if year and month.isdigit():
        return [*year, int(month)]
    if year and month in MONTHS:
        return [*year, MONTHS.index(month) + 1]
    return year


def _bibtex_file(entry: dict[str, str]) -> str:
    """Zotero and JabRef write ``file = {Description:path/to/file.pdf:application/pdf}``."""
    value = _first(entry.get("file", "").split(";"))
    parts = value.split(":")
    return parts[1] if len(parts) >= 3 else value


# CSL-JSON


def _read_csl_json(text: str) -> list[Reference]:
    try:
        data = json.loads(text)
    except ValueError as error:
        raise ImportFailure(
            Message(
                QT_TRANSLATE_NOOP("core", "The CSL-JSON file cannot be read: {error}"),
                error=str(error),
            )
        ) from error
    items = data.get("items", []) if isinstance(data, dict) else data
    if not isinstance(items, list) or not all(
        isinstance(item, dict) and "type" in item for item in items
    ):
        raise ImportFailure(
            Message(
                QT_TRANSLATE_NOOP("core", "This JSON file is not a CSL-JSON list of references.")
            )
        )
    references = []
    for item in items:
        record = json.dumps(item, ensure_ascii=False, sort_keys=True, indent=1) + "\n"
        clean = {key: value for key, value in item.items() if key != "id"}
        references.append(Reference("csl-json", clean, record.encode()))
    return references


# Names and dates


def name_parts(name: str) -> dict[str, str]:
    """``Family, Given`` (or an organisation without a comma) as a CSL name."""
    clean = " ".join(name.replace("{", "").replace("}", "").split())
    if "," in clean:
        family, given = (part.strip() for part in clean.split(",", 1))
        return {"family": family, "given": given} if given else {"literal": family}
    return {"literal": clean}


def byline(name: dict[str, str] | str) -> str:
    """A CSL name as the archive writes bylines: "Given Family", or the organisation."""
    if isinstance(name, str):
        return normalize_inline(name)
    if name.get("literal"):
        return normalize_inline(name["literal"])
    parts = (name.get("given", ""), name.get("non-dropping-particle", ""), name.get("family", ""))
    return normalize_inline(" ".join(part for part in parts if part))


def partial_date(issued: object) -> str:
    """CSL ``issued`` as the archive's partial date: ``2020``, ``2020-09`` or ``2020-09-27``."""
    if not isinstance(issued, dict):
        return ""
    parts = issued.get("date-parts") or [[]]
    numbers = [int(part) for part in parts[0] if str(part).isdigit()][:3] if parts else []
    if not numbers:
        return str(issued.get("raw") or issued.get("literal") or "")[:10]
    return "-".join([f"{numbers[0]:04d}", *(f"{n:02d}" for n in numbers[1:])])


def _put(item: dict[str, Any], key: str, value: object) -> None:
    if isinstance(value, str) and value.strip():
        item[key] = value.strip()


def _first(values: list[str] | str) -> str:
    if isinstance(values, str):
        return values.strip()
    return values[0].strip() if values else ""
