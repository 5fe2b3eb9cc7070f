"""The body of a web page as a reader sees it, kept as blocks (headings, paragraphs, quotes, lists).

trafilatura finds the main text and hands it back as a small XML tree (``head``, ``p``, ``list`` /
``item``, ``quote``, ``code``, ``table`` / ``row`` / ``cell``). This module turns that tree into
:class:`Block` objects, then removes what trafilatura lets through but a reader would not count as
the article: the headline and standfirst repeated at the top, teaser links ("READ MORE: ..."),
"Advertisement" and copyright lines, and headings left at the end with nothing under them.
"""

from __future__ import annotations

import re
from collections import Counter
from copy import deepcopy

import trafilatura
from lxml.html import HtmlElement
from trafilatura.settings import Document

from archive_app.importers.document import Block
from archive_app.importers.html_boilerplate import is_boilerplate_line, is_teaser
from archive_app.importers.html_text import element_text, same_text, text_key
from archive_app.importers.html_walk import walk_blocks
from archive_app.importers.text_normal import normalize_inline, normalize_text

_HEADING_LEVEL = re.compile(r"h([1-6])")
_DEFAULT_HEADING_LEVEL = 2
_SECTION_HEADINGS = {"h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
# The headline is looked for among the first few blocks.
_HEADLINE_SEARCH = 4
# A part of the page whose text is more than half link text is a list of links.
_MAX_LINK_SHARE = 0.5
_MIN_CONTAINER_PARAGRAPHS = 2


def main_text_blocks(tree: HtmlElement, *, title: str, description: str) -> list[Block]:
    """The article's blocks from a (boilerplate-pruned) page tree; [] when there is no text."""
    blocks = _trafilatura_blocks(tree)
    paragraphs = _paragraph_keys(tree)
    blocks = _with_split_parts(tree, blocks, paragraphs) if blocks else _whole_page(tree)
    blocks = _with_missing_headings(_structured(tree, blocks), paragraphs)
    blocks = [block for block in blocks if not _is_noise(block)]
    blocks = _drop_headline(blocks, title=title, description=description)
    return _drop_trailing_headings(blocks)


def trafilatura_blocks(tree: HtmlElement, *, title: str, description: str) -> list[Block]:
    """The article as trafilatura alone finds it in ``tree``, without the headline repeated
    above it: what :mod:`html_safeguard` compares our rules' result with."""
    return _drop_headline(_trafilatura_blocks(tree), title=title, description=description)


def _trafilatura_blocks(tree: HtmlElement) -> list[Block]:
    """Only the result's XML body is read: asked for text output, trafilatura leaves the body
    as it is instead of also writing it out as plain text (its output for Python)."""
    result = trafilatura.bare_extraction(
        tree,
        output_format="txt",
        fast=True,
        include_comments=False,
        include_tables=True,
        with_metadata=False,
    )
    body = result.body if isinstance(result, Document) else None
    return _blocks(body) if body is not None else []


def _structured(tree: HtmlElement, blocks: list[Block]) -> list[Block]:
    """When trafilatura gives back the whole page as one run of lines (its fallback for pages
    that are not articles), the page's own headings and list items say more."""
    if len(blocks) != 1 or "\n" not in blocks[0].text:
        return blocks
    walked = _whole_page(tree)
    same_words = text_key(" ".join(block.text for block in walked)) == text_key(blocks[0].text)
    return walked if same_words else blocks


def _whole_page(tree: HtmlElement) -> list[Block]:
    """Not an article (an index page, a list of links): whatever text the page shows."""
    body = tree.find(".//body")
    return walk_blocks(body if body is not None else tree)


def _with_split_parts(
    tree: HtmlElement, blocks: list[Block], paragraphs: list[tuple[HtmlElement, str]]
) -> list[Block]:
    """Add the parts of an article that sites split over several containers of the same kind
    (``<div class="article-body">`` … advertisement … ``<div class="article-body">``), where
    trafilatura keeps only the first."""
    container = _main_container(paragraphs, blocks)
    if container is None or not container.get("class", "").strip():
        return blocks
    before: list[Block] = []
    after: list[Block] = []
    seen = {text_key(block.text) for block in blocks}
    passed = False
    for part in tree.iter(container.tag):
        if part is container:
            passed = True
        elif part.get("class") == container.get("class") and _separate(part, container):
            text = _without_link_lists(part)
            found = [block for block in walk_blocks(text) if text_key(block.text) not in seen]
            seen.update(text_key(block.text) for block in found)
            (after if passed else before).extend(found)
    return before + blocks + after


def _with_missing_headings(
    blocks: list[Block], paragraphs: list[tuple[HtmlElement, str]]
) -> list[Block]:
    """Put back the section headings trafilatura sometimes drops: headings that stand between
    two extracted paragraphs in the article's container."""
    container = _main_container(paragraphs, blocks)
    if container is None:
        return blocks
    index_of = {text_key(block.text): index for index, block in enumerate(blocks)}
    inserts: dict[int, list[Block]] = {}
    pending: list[Block] = []
    last: int | None = None
    for child in container:
        key = text_key(element_text(child)) if isinstance(child.tag, str) else ""
        if key in index_of:
            if last is not None and pending:
                inserts.setdefault(last, []).extend(pending)
            last, pending = index_of[key], []
        elif child.tag in _SECTION_HEADINGS and key:
            pending.append(Block("heading", element_text(child), _SECTION_HEADINGS[child.tag]))
    if not inserts:
        return blocks
    result: list[Block] = []
    for index, block in enumerate(blocks):
        result.append(block)
        result.extend(inserts.get(index, []))
    return result


def _paragraph_keys(tree: HtmlElement) -> list[tuple[HtmlElement, str]]:
    """Each ``<p>`` of the page by its parent, with its words (:func:`text_key`): read once,
    for the two searches of the article's container."""
    return [
        (parent, text_key(element_text(paragraph)))
        for paragraph in tree.iter("p")
        if (parent := paragraph.getparent()) is not None
    ]


def _main_container(
    paragraphs: list[tuple[HtmlElement, str]], blocks: list[Block]
) -> HtmlElement | None:
    """The element whose own paragraphs are most of the extracted ones."""
    keys = {text_key(block.text) for block in blocks if block.kind == "paragraph"}
    parents: Counter[HtmlElement] = Counter(parent for parent, key in paragraphs if key in keys)
    if not parents:
        return None
    container, count = parents.most_common(1)[0]
    return container if count >= _MIN_CONTAINER_PARAGRAPHS else None


def _separate(first: HtmlElement, second: HtmlElement) -> bool:
    """Neither element holds the other."""
    return not _holds(first, second) and not _holds(second, first)


def _holds(outer: HtmlElement, inner: HtmlElement) -> bool:
    return any(ancestor is outer for ancestor in inner.iterancestors())


def _without_link_lists(element: HtmlElement) -> HtmlElement:
    """A copy of ``element`` without its lists of links (teasers for other articles)."""
    copy = deepcopy(element)
    for region in list(copy.iter("ul", "ol", "div", "section", "aside", "p", "h2", "h3", "h4")):
        if region.getparent() is not None and _link_share(region) > _MAX_LINK_SHARE:
            region.drop_tree()
    return copy


def _link_share(element: HtmlElement) -> float:
    text = len(element_text(element))
    links = sum(len(element_text(link)) for link in element.iter("a"))
    return links / text if text else 1.0


def _blocks(element: HtmlElement, list_depth: int = 0) -> list[Block]:
    blocks: list[Block] = []
    _add_loose_text(blocks, element.text)
    for child in element:
        tag = child.tag
        if tag == "head":
            blocks += _piece("heading", child, _heading_level(child))
        elif tag == "p":
            blocks += _piece("paragraph", child)
        elif tag == "quote":
            blocks += _quote(child)
        elif tag == "code":
            blocks += _piece("preformatted", child)
        elif tag == "list":
            blocks += _list_items(child, list_depth + 1)
        elif tag == "table":
            blocks += _table_rows(child)
        elif tag not in {"graphic", "lb"}:
            blocks += _blocks(child, list_depth)
        _add_loose_text(blocks, child.tail)
    return blocks


def _piece(kind: str, element: HtmlElement, level: int = 0) -> list[Block]:
    text = _flowing(element)
    return [Block(kind, text, level)] if text else []  # type: ignore[arg-type]


def _flowing(element: HtmlElement) -> str:
    """Running text: line breaks (``<br>``, ``lb``) kept, other white space collapsed."""
    return normalize_text(_inline_text(element))


def _quote(element: HtmlElement) -> list[Block]:
    """A quote of several paragraphs stays one quote, its paragraphs on lines of their own."""
    inner = [_flowing(child) for child in element if child.tag in {"p", "quote"}]
    lines = [_flowing_own_text(element), *inner]
    text = "\n".join(line for line in lines if line)
    return [Block("quote", text)] if text else []


def _flowing_own_text(element: HtmlElement) -> str:
    parts = [element.text or ""]
    for child in element:
        if child.tag not in {"p", "quote"}:
            parts.append(_inline_text(child))
        parts.append(child.tail or "")
    return normalize_text("".join(parts))


def _list_items(element: HtmlElement, depth: int) -> list[Block]:
    blocks: list[Block] = []
    for item in element:
        if item.tag != "item":
            continue
        blocks += _piece("list_item", item, depth)
        for nested in item:
            if nested.tag == "list":
                blocks += _list_items(nested, depth + 1)
    return blocks


def _table_rows(element: HtmlElement) -> list[Block]:
    """A table becomes one paragraph per row, its cells separated by " | "."""
    blocks: list[Block] = []
    for row in element.iter("row"):
        cells = [normalize_inline(_inline_text(cell)) for cell in row if cell.tag == "cell"]
        text = " | ".join(cell for cell in cells if cell)
        if text:
            blocks.append(Block("paragraph", text))
    return blocks


def _inline_text(element: HtmlElement) -> str:
    """The text of an element and its inline children; ``lb`` is a line break, lists are skipped."""
    parts = [element.text or ""]
    for child in element:
        if child.tag == "lb":
            parts.append("\n")
        elif child.tag not in {"list", "table"}:
            parts.append(_inline_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


def _add_loose_text(blocks: list[Block], text: str | None) -> None:
    text = normalize_text(text or "")
    if text:
        blocks.append(Block("paragraph", text))


def _heading_level(element: HtmlElement) -> int:
    match = _HEADING_LEVEL.fullmatch(element.get("rend", ""))
    return int(match.group(1)) if match else _DEFAULT_HEADING_LEVEL


def _is_noise(block: Block) -> bool:
    return is_boilerplate_line(block.text) or is_teaser(block.text, kind=block.kind)


def _drop_headline(blocks: list[Block], *, title: str, description: str) -> list[Block]:
    """The headline (and a standfirst set as a heading) repeated above the text; and, when the
    headline comes a few blocks down, the stray blocks above it (a teaser from a side column)."""
    for index, block in enumerate(blocks[:_HEADLINE_SEARCH]):
        if block.kind in {"heading", "paragraph"} and same_text(block.text, title):
            rest = blocks[index + 1 :]
            if rest and rest[0].kind == "heading" and same_text(rest[0].text, description):
                rest = rest[1:]
            return rest
    return blocks


def _drop_trailing_headings(blocks: list[Block]) -> list[Block]:
    """A heading with nothing after it introduces no section: it is a link to another article."""
    end = len(blocks)
    while end > 0 and blocks[end - 1].kind == "heading":
        end -= 1
    return blocks[:end]
