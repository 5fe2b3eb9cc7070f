"""The figures of an article: which pictures belong to it, where they sit in the text, and, for a
page saved by a browser as "Web page, complete", which file beside the page each one is.

Pictures count when they are inside the article's part of the page (the element that holds the
extracted text and the headline); logos, avatars, icons and tracking pixels do not. Nothing is
ever fetched: a picture that exists only on the web keeps its address in ``src``.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urljoin, urlparse

from lxml.html import HtmlElement

from archive_app.importers.document import Block, ExtractedImage
from archive_app.importers.html_captions import FigureText, figure_text, figure_unit
from archive_app.importers.html_text import element_text, same_text, text_key

_BLOCK_TAGS = ("p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "td", "div")
_LAZY_SOURCES = (
    "data-src",
    "data-lazy-src",
    "data-original",
    "data-lazy",
    "data-url",
    "data-hi-res-src",
)
_PLACEHOLDER = re.compile(
    r"(?:blank|spacer|holder|preloader|transparent|pixel|loading|lazy)[^/]*$", re.IGNORECASE
)
_DECORATION = re.compile(
    r"(?:^|[\s_/.-])(?:avatar|logo|icon|icons|sprite|emoji|badge|pixel|spacer|gravatar|author-?photo"
    r"|headshot|profile-?pic|tracking|beacon|author|authors|byline|social|share|facebook|twitter"
    r"|linkedin|whatsapp|telegram|print|email|rss)(?:$|[\s_/.-])",
    re.IGNORECASE,
)
_MIN_SIDE = 60
_LINK_SEARCH_DEPTH = 3
_PICTURE_SUFFIXES = (".jpg", ".jpeg", ".png", ".gif", ".webp", ".tif", ".tiff", ".avif", ".bmp")


def article_figures(
    tree: HtmlElement,
    blocks: list[Block],
    *,
    page_path: Path | None,
    base_url: str,
    title: str = "",
    authors: Sequence[str] = (),
    resources: Mapping[str, str] | None = None,
) -> list[ExtractedImage]:
    """The pictures of the article in ``tree`` in page order, each with its caption, credit,
    position in ``blocks`` and, for a saved page's own files, the file's absolute path (found
    beside ``page_path``, or in ``resources`` by the picture's address for a web archive).
    ``title`` and ``authors`` help tell figures from the author's portrait and alt texts that
    only repeat the headline."""
    region, positions = _article_region(tree, blocks)
    found: list[_Found] = []
    seen: set[str] = set()
    after_block: int | None = -1 if positions else None
    for element in region.iter():
        after_block = positions.get(element, after_block)
        if (
            element.tag != "img"
            or _is_decoration(element, authors)
            or _is_teaser(element, base_url)
        ):
            continue
        source = _source(element)
        address = _address(source, base_url)
        if not source or source.startswith("data:") or address in seen:
            continue
        seen.add(address)
        found.append(_Found(figure_text(element, page_title=title), source, address, after_block))
    repeated = _repeated_stand_ins([figure.text for figure in found])
    return [
        figure.image(page_path, resources or {}, keep_caption=figure.text.caption not in repeated)
        for figure in found
    ]


@dataclass(frozen=True)
class _Found:
    """A picture found in the article, before the captions of all pictures are compared."""

    text: FigureText
    source: str
    address: str
    after_block: int | None

    def image(
        self, page_path: Path | None, resources: Mapping[str, str], *, keep_caption: bool
    ) -> ExtractedImage:
        local = _local_file(self.source, page_path)
        saved_with_page = local is not None or _in_saved_folder(self.source)
        local = local or resources.get(self.address)
        caption = self.text.caption if keep_caption else ""
        alt = self.text.alt
        repeats_caption = same_text(alt, caption) or same_text(alt, f"{caption} {self.text.credit}")
        return ExtractedImage(
            src=self.source if saved_with_page else self.address,
            caption=caption,
            credit=self.text.credit,
            alt="" if repeats_caption else alt,
            local_path=local,
            after_block=self.after_block,
        )


def _repeated_stand_ins(texts: list[FigureText]) -> set[str]:
    """Alt texts that several pictures share say nothing about any one of them."""
    counts = Counter(text.caption for text in texts if text.stand_in)
    return {caption for caption, count in counts.items() if count > 1}


def _article_region(
    tree: HtmlElement, blocks: list[Block]
) -> tuple[HtmlElement, dict[HtmlElement, int]]:
    """The element that holds the article's text and headline, and the elements in it that
    carry each block (element → block index)."""
    positions = _block_elements(tree, blocks)
    body = tree.find(".//body")
    fallback = body if body is not None else tree
    if not positions:
        return _holding_text(fallback, blocks), {}
    region = _common_ancestor(list(positions))
    if region in positions and region.getparent() is not None:
        region = region.getparent()  # a single block: its figures sit beside it
    headline = tree.find(".//h1")
    if headline is not None:
        wider = _common_ancestor([region, headline])
        if wider.tag not in {"body", "html"}:
            region = wider
    return region, positions


def _holding_text(root: HtmlElement, blocks: list[Block]) -> HtmlElement:
    """The deepest element whose text holds the first and the last block (for text that is not
    in elements of its own, such as paragraphs separated only by ``<br>``)."""
    if not blocks:
        return root
    first, last = text_key(blocks[0].text), text_key(blocks[-1].text)
    node = root
    while True:
        inner = next((child for child in node if _holds_both(child, first, last)), None)
        if inner is None:
            return node
        node = inner


def _holds_both(element: HtmlElement, first: str, last: str) -> bool:
    if not isinstance(element.tag, str):
        return False
    text = text_key(element_text(element))
    return first in text and last in text


def _block_elements(tree: HtmlElement, blocks: list[Block]) -> dict[HtmlElement, int]:
    """Map the page elements whose text is a block's text to that block's index, in order."""
    wanted: dict[str, list[int]] = {}
    for index, block in enumerate(blocks):
        wanted.setdefault(text_key(block.text), []).append(index)
    positions: dict[HtmlElement, int] = {}
    for element in tree.iter(*_BLOCK_TAGS):
        if element.tag == "div" and not _has_own_text(element):
            continue
        indices = wanted.get(text_key(element_text(element)))
        if indices:
            positions[element] = indices.pop(0)
    return positions


def _has_own_text(element: HtmlElement) -> bool:
    """Text directly in the element, not only in its children (a paragraph without ``<p>``)."""
    return bool((element.text or "").strip()) or any(
        (child.tail or "").strip() for child in element
    )


def _common_ancestor(elements: list[HtmlElement]) -> HtmlElement:
    paths = [[*reversed(list(element.iterancestors())), element] for element in elements]
    common = paths[0][0]
    for level in zip(*paths, strict=False):
        if all(node is level[0] for node in level):
            common = level[0]
        else:
            break
    return common


def _is_decoration(image: HtmlElement, authors: Sequence[str]) -> bool:
    """Logos, avatars, icons, tracking pixels, the author's portrait: not part of the story."""
    names = " ".join(image.get(attribute, "") for attribute in ("class", "id", "src"))
    if _DECORATION.search(names) or image.get("role") == "presentation":
        return True
    if any(same_text(image.get("alt", ""), author) for author in authors):
        return True
    return any(
        _number(image.get(side)) < _MIN_SIDE for side in ("width", "height") if image.get(side)
    )


def _is_teaser(image: HtmlElement, page_url: str) -> bool:
    """A thumbnail that links to another article ("Related", "Most read"), not a figure."""
    if figure_unit(image) is not None:
        return False
    for ancestor in list(image.iterancestors())[:_LINK_SEARCH_DEPTH]:
        if ancestor.tag == "a":
            target = ancestor.get("href", "").strip()
            return bool(target) and not _links_to_picture_or_page(target, page_url)
    return False


def _links_to_picture_or_page(target: str, page_url: str) -> bool:
    """A link to the picture itself (a lightbox) or to this same page."""
    path = urlparse(target).path.lower()
    if target.startswith("#") or path.endswith(_PICTURE_SUFFIXES):
        return True
    return bool(page_url) and _without_fragment(urljoin(page_url, target)) == _without_fragment(
        page_url
    )


def _without_fragment(url: str) -> str:
    return url.partition("#")[0]


def _number(value: str | None) -> float:
    match = re.match(r"\s*(\d+(?:\.\d+)?)", value or "")
    return float(match.group(1)) if match else float("inf")


def _source(image: HtmlElement) -> str:
    """The picture's address: ``src``, unless that is a placeholder for a lazily loaded one."""
    source = str(image.get("src") or "").strip()
    if source and not source.startswith("data:") and not _PLACEHOLDER.search(source):
        return source
    for attribute in _LAZY_SOURCES:
        lazy = str(image.get(attribute) or "").strip()
        if lazy:
            return lazy
    srcset = str(image.get("data-srcset") or image.get("srcset") or "").strip()
    return srcset.split(",")[0].split()[0] if srcset else source


def _address(source: str, base_url: str) -> str:
    return urljoin(base_url, source) if base_url else source


def _in_saved_folder(source: str) -> bool:
    """``X_files/photo.jpg``: a file a browser saved with the page, even when it is missing now
    (then its address on the original site is unknown, so it is kept as written)."""
    parsed = urlparse(source)
    if parsed.scheme or parsed.netloc:
        return False
    folders = [part for part in unquote(parsed.path).split("/") if part not in {"", "."}][:-1]
    return bool(folders) and folders[0].endswith("_files")


def _local_file(source: str, page_path: Path | None) -> str | None:
    """The file a saved page's picture points to, when it is inside the page's folder."""
    if page_path is None:
        return None
    parsed = urlparse(source)
    if parsed.scheme not in {"", "file"} or parsed.netloc or source.startswith("/"):
        return None
    folder = page_path.parent.resolve()
    candidate = (folder / unquote(parsed.path)).resolve()
    if folder not in candidate.parents or not candidate.is_file():
        return None
    return str(candidate)
