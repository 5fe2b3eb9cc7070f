"""What a page says about one of its pictures: caption, credit and alt text.

Content systems mark captions up in many ways: ``<figure>/<figcaption>``, WordPress's
``wp-caption`` with ``wp-caption-text``, ``<span class="caption">`` after the picture, a separate
``<p class="credit">``, a ``data-caption`` attribute. When none is there, the ``alt`` or ``title``
text stands in. The credit is split from the caption text (:func:`split_credit`) unless the page
gives it in an element of its own.
"""

from __future__ import annotations

import re
from copy import deepcopy
from dataclasses import dataclass

from lxml.html import HtmlElement

from archive_app.importers.credits import split_credit, strip_credit_label
from archive_app.importers.html_text import element_text, same_text
from archive_app.importers.text_normal import normalize_inline

_CAPTION_CLASS = re.compile(
    r"(?:^|[\s_-])(?:[a-z]*caption[a-z]*|legend|image-?text|photo-?text|img-?desc|figure-?text)"
    r"(?:$|[\s_-])",
    re.IGNORECASE,
)
_CREDIT_CLASS = re.compile(
    r"(?:^|[\s_-])(?:[a-z]*credits?|copyright|photographer|image-?source|photo-?source"
    r"|attribution)(?:$|[\s_-])",
    re.IGNORECASE,
)
# Wrappers that hold one picture and its caption when there is no <figure>.
_FIGURE_CLASS = re.compile(
    r"(?:^|[\s_-])(?:wp-caption|wp-block-image|figure|image|img|photo|picture|media|inline-?image"
    r"|article-?image|image-?block|image-?wrapper|photo-?wrapper)(?:$|[\s_-])",
    re.IGNORECASE,
)
_FIGURE_SEARCH_DEPTH = 6
_SIBLING_SEARCH_DEPTH = 3
_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+")
_COUNTER = re.compile(r"^\s*\d+\s*(?:of|/|из)\s*\d+\s*")


@dataclass(frozen=True)
class FigureText:
    """``stand_in`` tells that the caption is the alt or title text, for want of a caption."""

    caption: str = ""
    credit: str = ""
    alt: str = ""
    stand_in: bool = False


def figure_text(image: HtmlElement, *, page_title: str = "") -> FigureText:
    """Caption, credit and alt text for ``image`` (an ``<img>``) from the markup around it.

    ``page_title`` is not taken for a caption when it is only the alt text (blog software puts
    the post's title in the alt text of every picture)."""
    alt = normalize_inline(image.get("alt", ""))
    unit = figure_unit(image)
    caption_element, credit_element = _caption_elements(image, unit)
    written = _caption_text(caption_element, credit_element) or _data_caption(image, unit)
    caption, credit = split_credit(_without_counter(written)) if written else ("", "")
    if credit_element is not None:
        credit = strip_credit_label(element_text(credit_element)) or credit
    stand_in = not caption
    if stand_in:
        alternative = _readable(alt) or _readable(image.get("title", ""))
        if not same_text(alternative, page_title):
            caption, found = split_credit(alternative)
            credit = credit or found
    return FigureText(
        caption=_once(caption), credit=credit, alt=alt, stand_in=stand_in and bool(caption)
    )


def figure_unit(image: HtmlElement) -> HtmlElement | None:
    """The element that holds this picture and its caption: its ``<figure>``, or a wrapper such
    as WordPress's ``div.wp-caption`` that holds a caption and no other picture."""
    node = image.getparent()
    for _ in range(_FIGURE_SEARCH_DEPTH):
        if node is None or node.tag in {"body", "article", "main"}:
            return None
        if node.tag == "figure":
            return node
        named = _FIGURE_CLASS.search(node.get("class", "")) is not None
        if named and _single_picture(node) and _find_caption(node) is not None:
            return node
        node = node.getparent()
    return None


def _single_picture(element: HtmlElement) -> bool:
    return sum(1 for _ in element.iter("img")) == 1


def _caption_elements(
    image: HtmlElement, unit: HtmlElement | None
) -> tuple[HtmlElement | None, HtmlElement | None]:
    """The caption and the separate credit element, inside the figure or right after the picture."""
    scopes = [unit] if unit is not None else []
    scopes += _following_siblings(image)
    caption = credit = None
    for scope in scopes:
        caption = caption if caption is not None else _find_caption(scope)
        credit = credit if credit is not None else _find_credit(scope, inside=caption)
        if caption is not None:
            break
    if caption is not None and credit is None:
        credit = _credit_after(caption)
    return caption, credit


def _credit_after(caption: HtmlElement) -> HtmlElement | None:
    """A credit element right after the caption (``<p class="credit">`` in many CMS themes)."""
    following = caption.getnext()
    if following is None or not isinstance(following.tag, str):
        return None
    return following if _is_credit(following) else None


def _following_siblings(image: HtmlElement) -> list[HtmlElement]:
    """The element right after the picture (or after its link or wrapper), where pages without
    figure markup put a ``<span class="caption">``."""
    siblings = []
    node: HtmlElement | None = image
    for _ in range(_SIBLING_SEARCH_DEPTH):
        if node is None:
            break
        following = node.getnext()
        if (
            following is not None
            and isinstance(following.tag, str)
            and following.find(".//img") is None
        ):
            siblings.append(following)
        node = node.getparent()
    return siblings


def _find_caption(scope: HtmlElement) -> HtmlElement | None:
    for element in scope.iter():
        if not isinstance(element.tag, str):
            continue
        if element.tag == "figcaption" or element.get("itemprop") == "caption":
            return element
        if _CAPTION_CLASS.search(element.get("class", "")) and element.find(".//img") is None:
            return element
    return None


def _find_credit(scope: HtmlElement, *, inside: HtmlElement | None) -> HtmlElement | None:
    for element in scope.iter():
        if not isinstance(element.tag, str) or element is inside:
            continue
        if _is_credit(element):
            return element
    return None


def _is_credit(element: HtmlElement) -> bool:
    marked = element.tag == "cite" or element.get("itemprop") in {"copyrightHolder", "creditText"}
    named = _CREDIT_CLASS.search(element.get("class", "")) is not None
    return (marked or named) and bool(element_text(element))


def _caption_text(caption: HtmlElement | None, credit: HtmlElement | None) -> str:
    """The caption's text without the credit element it may hold."""
    if caption is None:
        return ""
    if credit is None or not any(node is caption for node in credit.iterancestors()):
        return element_text(caption)
    position = list(caption.iter()).index(credit)
    trimmed = deepcopy(caption)
    list(trimmed.iter())[position].drop_tree()
    return element_text(trimmed)


def _data_caption(image: HtmlElement, unit: HtmlElement | None) -> str:
    for element in (image, unit):
        if element is not None and element.get("data-caption"):
            return normalize_inline(element.get("data-caption", ""))
    return ""


def _without_counter(caption: str) -> str:
    """Galleries number their captions: "1of4Grass Valley's …", "2 / 12 Shusha …"."""
    return _COUNTER.sub("", caption)


def _readable(text: str) -> str:
    """Alt or title text written for people, not a file name ("flos-jewels-01", "IMG_0042")."""
    text = normalize_inline(text)
    return text if " " in text else ""


def _once(caption: str) -> str:
    """A caption that the markup repeats ("Shusha. Shusha.", two copies for two screen sizes)
    said once."""
    half = len(caption) // 2
    if len(caption) % 2 == 1 and caption[:half] == caption[half + 1 :]:
        return caption[:half]
    sentences = _SENTENCE_END.split(caption)
    unique = list(dict.fromkeys(sentences))
    return " ".join(unique) if len(unique) < len(sentences) else caption
