"""Boilerplate: the parts of a news page around the article that a reader skips.

Two passes. Before extraction, :func:`prune_boilerplate` removes page regions whose markup names
them (``class="newsletter-signup"``, ``id="most-read"``, ``role="navigation"``), unless the region
holds a large part of the page's text (a wrapper called ``"article has-comments"`` is not a comment
box). After extraction, :func:`is_boilerplate_line` and :func:`is_teaser` judge single blocks that
slip through: "Advertisement", copyright lines, "READ MORE: ..." links to other articles.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from lxml.etree import XPath
from lxml.html import HtmlElement

from archive_app.importers.html_text import element_text

# Class and id words that name a region of a page that is not the article. A word is matched
# between separators ("c-share__button", "most-read", "newsletterSignup" does not count).
_REGION_WORDS = (
    r"newsletters?|subscribe|subscription|signup|sign-up|cookies?|cookie-?banner|consent|gdpr"
    r"|related|recommended|recommendations|most-?read|most-?popular|most-?viewed|popular|trending"
    r"|share|shares|sharing|share-?buttons|social|social-?links|comments?|comment-?list|disqus"
    r"|author-?bio|author-?box|bio-?box|about-?the-?author|advert|advertisement|adverts|ads|ad-?slot"
    r"|ad|ad-?unit|ad-?container|dfp|promo|promotion|sponsored|outbrain|taboola|breadcrumbs?|paywall"
    r"|more-?stories|read-?more|also-?read|read-?next|up-?next|newsletter-?signup|nav|navbar"
    r"|navigation|menu|site-?header|site-?footer|footer|sidebar|rail|skip-?link|tags|tag-?list"
    r"|byline-?social|print-?button|print-?header|print-?footer|print-?only|reprints?"
    r"|latest-?news|latest-?stories|more-?news"
)
# Classes that hide an element on every screen (not "hidden-xs" or "hide-on-mobile").
_HIDDEN_CLASSES = frozenset(
    {"hide", "hidden", "is-hidden", "visually-hidden", "sr-only", "screen-reader-text", "invisible"}
)
_REGION_NAME = re.compile(rf"(?:^|[\s_-])(?:{_REGION_WORDS})(?:$|[\s_-])", re.IGNORECASE)
_REGION_ROLES = frozenset(
    {"navigation", "banner", "contentinfo", "complementary", "search", "dialog"}
)
_REGION_TAGS = frozenset({"nav", "form", "button", "select", "iframe", "dialog"})
# Only elements that can be judged (by a tag, or attributes that name them) are looked at: an
# XPath picks them in C.
_REGION_CANDIDATES = XPath(
    "descendant-or-self::*[@*" + "".join(f" or self::{tag}" for tag in sorted(_REGION_TAGS)) + "]"
)
_UNREAD = XPath("//script[not(contains(@type, 'json'))] | //style | //meta | //link")
_CAPTION_CANDIDATES = XPath("descendant-or-self::*[self::figcaption or @class or @id]")
_CAPTION_NAME = re.compile(
    r"(?:^|[\s_-])(?:[a-z]*caption[a-z]*|credits?|photo-?credits?|image-?credits?)(?:$|[\s_-])",
    re.IGNORECASE,
)
_MAX_CAPTION_LENGTH = 600
# A region that holds more than this share of the page's paragraph text is kept whatever its name.
_MAX_PRUNED_SHARE = 0.3

_BOILERPLATE_LINE = re.compile(
    r"^(?:advertisement|advertising|ad|sponsored(?: content)?|adverti[sz]ement\W*scroll to continue"
    r"|scroll to continue(?: with content)?|continue reading(?: (?:below|the main story))?"
    r"|(?:the )?(?:story|article) continues (?:below|after)(?: (?:the )?advertisement)?"
    r"|skip (?:to|past) (?:main )?(?:content|advertisement)|enlarge this image|toggle caption"
    r"|(?:hide|show) caption|image \d+ of \d+|loading\W*|please enable javascript.*"
    r"|(?:share|tweet|email|print)(?: this)?(?: (?:article|story|page))?"
    r"|share on (?:facebook|twitter|x|whatsapp|linkedin|telegram).*"
    r"|follow us on .*|sign up for (?:our|the) .*newsletter.*|subscribe to (?:our|the) .*"
    r"|we use cookies.*|this (?:web)?site uses cookies.*|accept(?: all)? cookies"
    r"|order reprints|print article|click here\b.*|(?:copyright|\(c\))\s.*\d{4}.*|©.*"
    r"|.{0,80}\ball rights reserved\b.{0,120})\W*$",
    re.IGNORECASE,
)
_TEASER = re.compile(
    r"^(?:read more|see more|read also|also read|more on this(?: story)?"
    r"|related(?: articles?| stories)?|recommended|more|watch|listen|don'?t miss|must read"
    r"|trending|editor'?s picks?|see also"
    r"|read next|up next|latest|more from [^:]{1,40}|read the full story|click here[^:]{0,60})"
    r"\s*[:|»>]",
    re.IGNORECASE,
)
_TEASER_HEADINGS = re.compile(
    r"^(?:related|more (?:stories|news|from .{1,40})|most (?:read|popular|viewed)|trending(?: now)?"
    r"|recommended(?: for you)?|you (?:may|might) also like|read (?:more|next)|don'?t miss"
    r"|latest (?:news|stories)|top stories|comments?|leave a (?:comment|reply)|share this.*"
    r"|sign up.*|newsletter|about the author)\W*$",
    re.IGNORECASE,
)
_SHORT_LINE = 200
# "By Anna Petrosyan", "By ANNA PETROSYAN and Aziz Karimov - 20 September 2023"; not "By the end…".
_BYLINE = re.compile(
    r"^by\s+(?-i:[A-ZÀ-ÞА-ЯƏŞÇĞÜÖİ][\w.'’-]*)(?:\s+(?:(?-i:[A-ZÀ-ÞА-ЯƏŞÇĞÜÖİ][\w.'’-]*)|and|&|,))*"
    r"\s*(?:[-–—|,•·]\s*(?P<rest>.*))?$",
    re.IGNORECASE,
)
_BYLINE_LENGTH = 100
_BYLINE_REST_WORDS = 6


def prune_boilerplate(tree: HtmlElement, *, paragraph_chars: int | None = None) -> HtmlElement:
    """Remove, in place, the regions of ``tree`` whose markup marks them as boilerplate.
    ``paragraph_chars`` is the page's :func:`paragraph_text_length`, when it is known."""
    body = tree.find(".//body")
    root = body if body is not None else tree
    total = paragraph_text_length(root) if paragraph_chars is None else paragraph_chars
    _drop(
        _REGION_CANDIDATES(root),
        lambda element: _names_boilerplate(element) and not _holds_article(element, total),
    )
    return tree


def remove_captions(tree: HtmlElement) -> HtmlElement:
    """Remove, in place, figure captions and photo credits: they belong to the figures, which
    are read separately, and would otherwise break into the body as stray paragraphs."""
    _drop(
        _CAPTION_CANDIDATES(tree),
        lambda element: element.tag == "figcaption" or _names_caption(element),
    )
    return tree


def remove_unread(tree: HtmlElement) -> HtmlElement:
    """Remove, in place, what the main text is never read from: scripts and style sheets, but
    not the JSON data a script can hold (JSON-LD, which trafilatura reads for its forum check
    and fallback text), and ``<meta>`` and ``<link>`` elements, a fifth of a news page's
    elements, which hold no text. trafilatura removes them too, but only after copying the page
    three times and searching it with a score of paths (on a news page scripts are most of its
    bytes). The figures are read with them in place: the element that follows a picture
    decides its caption."""
    for element in _UNREAD(tree):
        element.drop_tree()  # keeps the text after the element: it belongs to the parent
    return tree


def _drop(candidates: list[HtmlElement], unwanted: Callable[[HtmlElement], bool]) -> None:
    """Remove the ``unwanted`` ones of ``candidates`` (elements in page order, so parents are
    judged before their children); the insides of a removed element are not looked at."""
    removed: set[HtmlElement] = set()
    for element in candidates:
        if element in removed or element.getparent() is None:
            continue
        if unwanted(element):
            removed.update(element.iter())
            element.drop_tree()  # keeps the text after the element: it belongs to the parent


def is_boilerplate_line(text: str) -> bool:
    """A block that is page furniture: "Advertisement", "Share this article", a copyright line,
    a byline ("By ANNA PETROSYAN - 2023-09-20") that the metadata already holds."""
    if len(text) > _SHORT_LINE:
        return False
    return _BOILERPLATE_LINE.match(text) is not None or _is_byline(text)


def is_teaser(text: str, *, kind: str) -> bool:
    """A link to another article set in the text: "READ MORE: ...", "Related: ...", or a heading
    such as "Most read" that opens a list of them."""
    if _TEASER.match(text):
        return True
    return kind == "heading" and _TEASER_HEADINGS.match(text) is not None


def _is_byline(text: str) -> bool:
    match = _BYLINE.match(text) if len(text) <= _BYLINE_LENGTH else None
    if match is None:
        return False
    rest_text = match.group("rest") or ""
    rest = rest_text.split()
    if not rest:
        return True
    names_only = all(word[:1].isupper() or not word[:1].isalpha() for word in rest)
    dated = any(character.isdigit() for character in rest_text)
    return len(rest) <= _BYLINE_REST_WORDS and (names_only or dated)


def _names_boilerplate(element: HtmlElement) -> bool:
    if element.tag in _REGION_TAGS:
        return True
    if element.get("role", "").lower() in _REGION_ROLES:
        return True
    if _is_hidden(element):
        return True
    return _region_named(_class_and_id(element))


def _is_hidden(element: HtmlElement) -> bool:
    if element.get("hidden") is not None:
        return True
    if "display:none" in element.get("style", "").replace(" ", "").lower():
        return True
    return not _HIDDEN_CLASSES.isdisjoint(element.get("class", "").lower().split())


def _names_caption(element: HtmlElement) -> bool:
    if not _caption_named(_class_and_id(element)):
        return False
    short = len(element_text(element)) <= _MAX_CAPTION_LENGTH
    return short and len(element.findall(".//p")) <= 1


def _class_and_id(element: HtmlElement) -> str:
    return f"{element.get('class', '')} {element.get('id', '')}"


# Remembered: a page repeats its class names on many elements, and a site on all its pages.
@lru_cache(maxsize=4096)
def _region_named(names: str) -> bool:
    return _REGION_NAME.search(names) is not None


@lru_cache(maxsize=4096)
def _caption_named(names: str) -> bool:
    return _CAPTION_NAME.search(names) is not None


def _holds_article(element: HtmlElement, total: int) -> bool:
    if element.tag in {"body", "main", "article", "html"}:
        return True
    if element.find(".//h1") is not None and element.tag not in _REGION_TAGS:
        return True
    return total > 0 and paragraph_text_length(element) > total * _MAX_PRUNED_SHARE


def paragraph_text_length(element: HtmlElement) -> int:
    """The characters of text in the paragraphs (``<p>``) of ``element``."""
    return sum(len(element_text(paragraph)) for paragraph in element.iter("p"))
