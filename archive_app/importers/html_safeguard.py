"""The safeguard on our own extraction rules: they may tidy what trafilatura finds, never lose it.

Our rules (boilerplate regions pruned before extraction, single lines judged after it) were
written for the pages we had. On pages written differently they can throw an article away: a
magazine that marks every part of its body ``class="paywall"``, a report split into containers
named like an advert slot. So the text our rules keep is compared with what trafilatura alone
finds on the whole page; where ours is far shorter, trafilatura's text is kept and a note says
so, with both lengths, so nothing disappears without a reason the person can see.
"""

from __future__ import annotations

from collections.abc import Callable

from lxml.html import HtmlElement

from archive_app.importers.document import Block
from archive_app.importers.html_body import trafilatura_blocks
from archive_app.importers.html_boilerplate import remove_captions
from archive_app.importers.html_text import element_text

MIN_KEPT_SHARE = 0.5
"""Our rules must keep at least this share of trafilatura's text. On the 61 pages of the shared
corpus they keep 0.74 or more of it on every page; on pages they went wrong on, 0 to 0.03."""

MIN_CHARS = 200
"""Below this much text trafilatura's own result is too little to prefer."""


def safeguarded(
    ours: list[Block],
    whole_page: Callable[[], HtmlElement],
    *,
    text_bound: int,
    title: str,
    description: str,
) -> tuple[list[Block], str]:
    """``ours``, or trafilatura's blocks with a note saying why, when ours lost most of the
    text. ``text_bound`` is the page's :func:`text_length_bound`; ``whole_page`` gives the page
    as parsed (nothing pruned), asked for only when ours is far shorter than that bound."""
    kept = _length(ours)
    if kept >= text_bound * MIN_KEPT_SHARE:
        return ours, ""  # most of the page's paragraphs are kept: no need to ask trafilatura
    theirs = trafilatura_blocks(remove_captions(whole_page()), title=title, description=description)
    found = _length(theirs)
    if found < MIN_CHARS or kept >= found * MIN_KEPT_SHARE:
        return ours, ""
    note = (
        f"The archive's rules for leaving out page furniture kept only {kept:,} of the "
        f"{found:,} characters of text found on this page, so all of that text was kept "
        "instead; it may include some furniture."
    )
    return theirs, note


def _length(blocks: list[Block]) -> int:
    return sum(len(block.text) for block in blocks)


def text_length_bound(tree: HtmlElement, paragraph_chars: int) -> int:
    """A quick upper bound of what trafilatura finds on most pages: the text of the page's
    paragraphs (``paragraph_chars``), or, on a page that writes its text without ``<p>``, all
    of its text. (Asking trafilatura takes a second pass through the page, which would halve
    the import's speed.) ``tree`` is the whole page, nothing pruned yet."""
    if paragraph_chars >= MIN_CHARS:
        return paragraph_chars
    body = tree.find(".//body")
    return len(element_text(body if body is not None else tree))
