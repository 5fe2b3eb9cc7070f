"""A PDF's document information (title, author, dates) made into facts a researcher can cite.

Producers fill the Info dictionary carelessly: "untitled", "Microsoft Word - draft3.docx",
"anonymous", dates such as ``D:20230410074654Z07'46'``. What is clearly not a fact about the
document is dropped so that the next source (XMP, the first line of the first page, the file
name) can speak instead.
"""

from __future__ import annotations

import re
from datetime import datetime

from archive_app.importers.text_normal import normalize_inline

_PDF_DATE = re.compile(
    r"^(?:D:)?(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?\s*"
    r"(?:(Z)|([+-])(\d{2})'?(?:(\d{2})'?)?)?"
)
_APPLICATION_PREFIX = re.compile(
    r"^(?:Microsoft (?:Word|PowerPoint|Excel)|Word|PowerPoint|Excel)\s+-\s+", re.IGNORECASE
)
_FILE_NAME = re.compile(
    r"^[\w .()\[\]-]+\.(?:docx?|pptx?|xlsx?|odt|rtf|pdf|indd|qxp|pages|tex|dvi|txt)$",
    re.IGNORECASE,
)
_PLACEHOLDER_TITLES = frozenset(
    {"untitled", "untitled document", "document", "title", "no title", "unknown", "slide 1"}
)
_PLACEHOLDER_AUTHORS = frozenset(
    {"anonymous", "unknown", "user", "admin", "administrator", "author", "owner", "none"}
)
_AUTHOR_SEPARATORS = re.compile(r"\s*;\s*|\s+and\s+|\s*&\s*")


def document_title(text: str) -> str:
    """The Info or XMP title, or '' when it is a placeholder or a file name."""
    title = _APPLICATION_PREFIX.sub("", normalize_inline(text))
    if title.casefold() in _PLACEHOLDER_TITLES or _FILE_NAME.match(title):
        return ""
    return title


def split_authors(text: str) -> list[str]:
    """``"A; B"`` and ``"A and B"`` as ``["A", "B"]``, without placeholders like "anonymous"."""
    names = (normalize_inline(name) for name in _AUTHOR_SEPARATORS.split(text))
    return [name for name in names if name and name.casefold() not in _PLACEHOLDER_AUTHORS]


def pdf_date(text: str) -> str:
    """A PDF date (``D:20220403180542+02'00'``, possibly partial) as ISO 8601; '' if invalid."""
    match = _PDF_DATE.match(text.strip())
    if not match:
        return ""
    year, month, day, hour, minute, second, utc, sign, zone_hours, zone_minutes = match.groups()
    try:
        moment = datetime(
            int(year), int(month or 1), int(day or 1), int(hour or 0), int(minute or 0),
            int(second or 0),
        )  # fmt: skip
    except ValueError:
        return ""
    if month is None:
        return year
    if day is None:
        return f"{year}-{month}"
    if hour is None:
        return moment.date().isoformat()
    zone = ""
    if utc:
        zone = "+00:00"
    elif sign:
        zone = f"{sign}{zone_hours}:{zone_minutes or '00'}"
    return moment.isoformat() + zone
