"""Finding an annotated passage again after a source's text was extracted anew.

A text annotation keeps what the W3C Web Annotation model calls a TextQuoteSelector (the quoted
text with up to :data:`CONTEXT_CHARS` characters before and after it) and a
TextPositionSelector (character offsets). When the body changes, :func:`locate` tries, in
order: the old offsets; the exact quote anywhere, the occurrence whose surroundings agree best
with the stored prefix and suffix winning; and a fuzzy match that tolerates small edits (a
changed letter, a collapsed space, a corrected word). Offsets count Unicode code points
(Python string indices), as the W3C model asks.

Pure functions on strings: no database here.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from difflib import Match, SequenceMatcher
from typing import Literal

CONTEXT_CHARS = 32
FUZZY_MIN_SIMILARITY = 0.75
FUZZY_CANDIDATES = 5
MIN_CONTEXT_AGREEMENT = 6

AnchorStatus = Literal["anchored", "fuzzy"]


@dataclass(frozen=True)
class TextQuote:
    """The quoted text and what surrounds it."""

    exact: str
    prefix: str = ""
    suffix: str = ""


@dataclass(frozen=True)
class Anchor:
    """Where a quote was found: ``text[start:end]``; ``"fuzzy"`` when that text differs a
    little from the quote."""

    start: int
    end: int
    status: AnchorStatus
    similarity: float = 1.0


def quote_at(text: str, start: int, end: int) -> TextQuote:
    """The quote selector for ``text[start:end]``."""
    return TextQuote(
        exact=text[start:end],
        prefix=text[max(0, start - CONTEXT_CHARS) : start],
        suffix=text[end : end + CONTEXT_CHARS],
    )


def occurrences(text: str, exact: str) -> list[tuple[int, int]]:
    """Every place ``exact`` appears in ``text`` (overlapping ones too). When it appears
    nowhere as typed, runs of whitespace match any whitespace (a quote typed or pasted with
    line breaks still finds the passage)."""
    if not exact:
        return []
    found: list[tuple[int, int]] = []
    position = text.find(exact)
    while position != -1:
        found.append((position, position + len(exact)))
        position = text.find(exact, position + 1)
    if found:
        return found
    words = exact.split()
    if not words:
        return []
    pattern = re.compile(r"\s+".join(re.escape(word) for word in words))
    return [(match.start(), match.end()) for match in pattern.finditer(text)]


def locate(
    text: str, quote: TextQuote, start: int | None = None, end: int | None = None
) -> Anchor | None:
    """Where ``quote`` is in ``text`` now, or None when it cannot be found."""
    if start is not None and end is not None and text[start:end] == quote.exact:
        return Anchor(start, end, "anchored")
    hint = start if start is not None else 0
    exact_spans = occurrences(text, quote.exact)
    if not exact_spans:
        return _fuzzy(text, quote, hint)
    best = max(exact_spans, key=lambda span: _rank(text, quote, span, hint))
    exact = Anchor(best[0], best[1], "anchored")
    if _in_context(text, quote, best):
        return exact
    # The words are there, but nowhere in their old surroundings: the passage itself may have
    # changed a little while the same words appear elsewhere.
    fuzzy = _fuzzy(text, quote, hint)
    if fuzzy is not None and _in_context(text, quote, (fuzzy.start, fuzzy.end)):
        return fuzzy
    return exact


def _in_context(text: str, quote: TextQuote, span: tuple[int, int]) -> bool:
    """Whether enough of the stored context surrounds ``span`` to be more than chance (a
    space or a full stop agrees almost anywhere)."""
    needed = min(MIN_CONTEXT_AGREEMENT, len(quote.prefix) + len(quote.suffix))
    return context_agreement(text, quote, span) >= needed


def _rank(text: str, quote: TextQuote, span: tuple[int, int], hint: int) -> tuple[int, int]:
    """Better when the surroundings agree with the stored context, then when nearer the old
    place."""
    return context_agreement(text, quote, span), -abs(span[0] - hint)


def context_agreement(text: str, quote: TextQuote, span: tuple[int, int]) -> int:
    """How many characters of the stored prefix and suffix match around ``span``."""
    before = text[max(0, span[0] - len(quote.prefix)) : span[0]]
    after = text[span[1] : span[1] + len(quote.suffix)]
    return _common_tail(before, quote.prefix) + _common_head(after, quote.suffix)


def _common_head(a: str, b: str) -> int:
    count = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        count += 1
    return count


def _common_tail(a: str, b: str) -> int:
    return _common_head(a[::-1], b[::-1])


def _fuzzy(text: str, quote: TextQuote, hint: int) -> Anchor | None:
    exact = quote.exact
    if len(exact.strip()) < 3:
        return None
    spans = {_bracketed(text, quote)} | {
        _refine(text, exact, guess) for guess in _likely_starts(text, exact, hint)
    }
    scored = [
        (similarity(exact, text[span[0] : span[1]]), span) for span in spans if span is not None
    ]
    good = [(score, span) for score, span in scored if score >= FUZZY_MIN_SIMILARITY]
    if not good:
        return None
    context = len(quote.prefix) + len(quote.suffix) or 1

    def weight(item: tuple[float, tuple[int, int]]) -> tuple[float, int]:
        """Alike and in the old surroundings beats merely alike; then nearer the old place."""
        agreement = context_agreement(text, quote, item[1]) / context
        return item[0] + agreement, -abs(item[1][0] - hint)

    score, span = max(good, key=weight)
    return Anchor(span[0], span[1], "fuzzy", round(score, 3))


def similarity(a: str, b: str) -> float:
    """0..1, how alike two strings are (difflib's ratio)."""
    return SequenceMatcher(None, a, b, autojunk=False).ratio()


def _bracketed(text: str, quote: TextQuote) -> tuple[int, int] | None:
    """The text between the stored prefix and suffix, when both are still there and what lies
    between them is about as long as the quote."""
    if not quote.prefix or not quote.suffix:
        return None
    length = len(quote.exact)
    position = text.find(quote.prefix)
    while position != -1:
        start = position + len(quote.prefix)
        end = text.find(quote.suffix, start)
        if end != -1 and length // 2 <= end - start <= 2 * length + 8:
            return start, end
        position = text.find(quote.prefix, position + 1)
    return None


def _likely_starts(text: str, exact: str, hint: int) -> list[int]:
    """Where the quote probably begins now: short pieces of it vote for the start their
    place implies; the best-voted places and the one nearest the old place are returned."""
    gram = 5 if len(exact) >= 10 else max(2, len(exact) // 2)
    bucket = max(8, len(exact) // 10)
    votes: Counter[int] = Counter()
    pieces: dict[str, list[int]] = {}
    for offset in range(len(exact) - gram + 1):
        pieces.setdefault(exact[offset : offset + gram], []).append(offset)
    for piece, offsets in pieces.items():
        position = text.find(piece)
        while position != -1:
            for offset in offsets:
                votes[(position - offset) // bucket] += 1
            position = text.find(piece, position + 1)
    if not votes:
        return []
    smoothed = {
        key: votes[key - 1] + votes[key] + votes[key + 1] for key in votes if votes[key] > 1
    } or dict(votes)
    best = sorted(smoothed, key=lambda key: (-smoothed[key], abs(key * bucket - hint)))
    nearest = min(smoothed, key=lambda key: abs(key * bucket - hint))
    return [key * bucket for key in {*best[:FUZZY_CANDIDATES], nearest}]


def _refine(text: str, exact: str, guess: int) -> tuple[int, int] | None:
    """The span near ``guess`` that lines up best with ``exact``."""
    length = len(exact)
    margin = max(16, length // 2)
    window_start = max(0, guess - margin)
    window = text[window_start : guess + length + margin]
    matcher = SequenceMatcher(None, exact, window, autojunk=False)
    blocks = [block for block in matcher.get_matching_blocks() if block.size >= 2]
    if not blocks:
        return None
    chain = _dense_chain(blocks, length)
    first, last = chain[0], chain[-1]
    start = max(0, first.b - first.a)
    end = min(len(window), last.b + last.size + (length - last.a - last.size))
    return window_start + start, window_start + end


def _dense_chain(blocks: list[Match], length: int) -> list[Match]:
    """The run of matching blocks around the longest one whose gaps in the text stay close to
    their gaps in the quote; blocks further off are chance matches of common letters."""
    slack = max(8, length // 4)
    core = max(range(len(blocks)), key=lambda index: blocks[index].size)
    low = high = core
    while low > 0 and _close(blocks[low - 1], blocks[low], slack):
        low -= 1
    while high < len(blocks) - 1 and _close(blocks[high], blocks[high + 1], slack):
        high += 1
    return blocks[low : high + 1]


def _close(left: Match, right: Match, slack: int) -> bool:
    gap_in_quote = right.a - (left.a + left.size)
    gap_in_text = right.b - (left.b + left.size)
    return abs(gap_in_text - gap_in_quote) <= slack
