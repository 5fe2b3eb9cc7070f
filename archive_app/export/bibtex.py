"""CSL-JSON items as biblatex entries (UTF-8; LaTeX's special characters escaped)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from archive_app.export import write_atomically
from archive_app.importers.reference_types import BIBTEX_TYPES

CONTAINER_FIELDS = {
    "article": "journaltitle",
    "report": "institution",
    "incollection": "booktitle",
    "inproceedings": "booktitle",
    "thesis": "institution",
}
LATEX_ESCAPES = {
    "\\": r"\textbackslash{}",
    "{": r"\{",
    "}": r"\}",
    "&": r"\&",
    "%": r"\%",
    "$": r"\$",
    "#": r"\#",
    "_": r"\_",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
}
VERBATIM_FIELDS = {"url", "doi"}


def write_bibtex(items: list[dict[str, Any]], path: Path) -> int:
    text = "\n".join(bibtex_entry(item) for item in items)
    write_atomically(path, text.encode("utf-8"))
    return len(items)


def bibtex_entry(item: dict[str, Any]) -> str:
    entry_type = BIBTEX_TYPES.get(item["type"], "misc")
    fields: list[tuple[str, str]] = []
    if item["type"] == "article-newspaper":
        fields.append(("entrysubtype", "newspaper"))
    if item.get("author"):
        fields.append(("author", " and ".join(_bibtex_name(name) for name in item["author"])))
    for csl_field, bib_field in (("title", "title"),):
        if item.get(csl_field):
            fields.append((bib_field, escape_latex(item[csl_field])))
    if item.get("container-title"):
        container = CONTAINER_FIELDS.get(entry_type, "organization")
        fields.append((container, escape_latex(item["container-title"])))
    if item.get("issued"):
        fields.append(("date", _iso(item["issued"])))
    if item.get("URL"):
        fields.append(("url", item["URL"]))
    if item.get("accessed"):
        fields.append(("urldate", _iso(item["accessed"])))
    if item.get("DOI"):
        fields.append(("doi", item["DOI"]))
    if item.get("language"):
        fields.append(("langid", escape_latex(item["language"])))
    if item.get("keyword"):
        fields.append(("keywords", escape_latex(item["keyword"])))
    if item.get("note"):
        fields.append(("annotation", escape_latex(item["note"])))
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields)
    return f"@{entry_type}{{{item['id']},\n{body}\n}}\n"


def escape_latex(text: str) -> str:
    return "".join(LATEX_ESCAPES.get(ch, ch) for ch in text)


def _bibtex_name(name: dict[str, str]) -> str:
    if "literal" in name:
        return "{" + escape_latex(name["literal"]) + "}"
    return f"{escape_latex(name['family'])}, {escape_latex(name.get('given', ''))}".rstrip(", ")


def _iso(date: dict[str, Any]) -> str:
    return "-".join(f"{part:02d}" for part in date["date-parts"][0])
