"""CSL-JSON items as RIS records (the tagged format every reference manager reads)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import rispy

from archive_app.export import write_atomically
from archive_app.importers.reference_types import RIS_TYPES


class _PlainRisWriter(rispy.RisWriter):  # type: ignore[misc]
    """rispy's writer without the "1." line it puts before each record by default, which
    reference managers do not expect."""

    def set_header(self, count: int) -> str:
        return ""


def write_ris(items: list[dict[str, Any]], path: Path) -> int:
    records = [ris_record(item) for item in items]
    write_atomically(path, rispy.dumps(records, implementation=_PlainRisWriter).encode("utf-8"))
    return len(items)


def ris_record(item: dict[str, Any]) -> dict[str, Any]:
    """One item as rispy's record: ``TY AU TI T2 PY DA UR Y2 LA KW N1`` (and ``DO``, ``ID``)."""
    record: dict[str, Any] = {
        "type_of_reference": RIS_TYPES.get(item["type"], "GEN"),
        "id": item["id"],
    }
    if item.get("author"):
        record["authors"] = [_ris_name(name) for name in item["author"]]
    if item.get("title"):
        record["title"] = item["title"]
    if item.get("container-title"):
        record["secondary_title"] = item["container-title"]
    if item.get("issued"):
        parts = item["issued"]["date-parts"][0]
        record["year"] = str(parts[0])
        record["date"] = _ris_date(parts)
    if item.get("URL"):
        record["urls"] = [item["URL"]]
    if item.get("accessed"):
        record["access_date"] = _ris_date(item["accessed"]["date-parts"][0])
    if item.get("DOI"):
        record["doi"] = item["DOI"]
    if item.get("language"):
        record["language"] = item["language"]
    if item.get("keyword"):
        record["keywords"] = [word.strip() for word in item["keyword"].split(",")]
    if item.get("note"):
        record["notes"] = [item["note"]]
    return record


def _ris_name(name: dict[str, str]) -> str:
    if "literal" in name:
        return name["literal"]
    return f"{name['family']}, {name.get('given', '')}".rstrip(", ")


def _ris_date(parts: list[int]) -> str:
    """RIS dates are ``YYYY/MM/DD/`` with empty parts left blank."""
    padded = [f"{parts[0]:04d}", *(f"{part:02d}" for part in parts[1:])]
    padded += [""] * (3 - len(padded))
    return "/".join(padded) + "/"
