"""Text is normalised once, at extraction: NFKC, one kind of space, no control characters."""

from __future__ import annotations

import re
import unicodedata

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200b\u200e\u200f\ufeff\u00ad]")
_BLANK_LINES = re.compile(r"\n{3,}")


def normalize_inline(text: str) -> str:
    """One line of text: NFKC (so "ﬂ" becomes "fl"), all white space collapsed to one space."""
    text = unicodedata.normalize("NFKC", text)
    return " ".join(_CONTROL.sub("", text).split())  # str.split's white space is re's \s


def normalize_text(text: str) -> str:
    """Text whose line breaks matter: NFKC, spaces collapsed, at most one blank line in a row."""
    text = unicodedata.normalize("NFKC", text.replace("\r\n", "\n").replace("\r", "\n"))
    text = _CONTROL.sub("", text)
    lines = [" ".join(line.split()) for line in text.split("\n")]
    return _BLANK_LINES.sub("\n\n", "\n".join(lines)).strip()
