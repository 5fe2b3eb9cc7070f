"""Near-duplicate stories: MinHash with locality-sensitive hashing over word shingles.

A wire story republished elsewhere keeps most of its sentences; a new headline, a cut
paragraph or a different boilerplate changes only a few of its five-word runs (shingles). The
share of shingles two bodies have in common (Jaccard similarity) is estimated from their
MinHash signatures (datasketch, 128 permutations), and LSH over bands of the signatures
(:mod:`.story_index`) finds the candidates without comparing every pair. The similarity shown
is then computed exactly from the two bodies. datasketch (which brings scipy) and numpy, some
60 MB, are imported when a signature is first made, not when the program starts.

Thresholds, measured with ``benchmarks/reuse_thresholds.py`` (Dec 2026): among the 61 real
articles of ``corpus/articles-dev`` (1,830 pairs, several of one site) the most similar two share
0.015 of their shingles; the fixture wire story republished with an opening line of its own and
one paragraph of ten cut shares 0.82 with the original, with two paragraphs replaced by one of
its own 0.77. :data:`MIN_SIMILARITY` (0.5) lies far from both; LSH is set to the same threshold.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

from archive_app.importers.document import BLOCK_SEPARATOR

SIGNATURE_VERSION = 1
"""Raised whenever shingling or hashing changes: stored signatures of another are remade."""

MIN_SIMILARITY = 0.5
SHINGLE_WORDS = 5
MIN_WORDS = 40
"""Shorter bodies (a caption, a note) are not compared: a few shared phrases would match."""

_PERMUTATIONS = 128
_SCHEME = "affine32"
_WORD = re.compile(r"\w+")


def shingles(body: str) -> set[str]:
    """The body's runs of :data:`SHINGLE_WORDS` words, case folded; empty for a short body."""
    words = _WORD.findall(body.casefold())
    if len(words) < MIN_WORDS:
        return set()
    return {" ".join(words[i : i + SHINGLE_WORDS]) for i in range(len(words) - SHINGLE_WORDS + 1)}


def signature(body: str) -> bytes | None:
    """The MinHash signature of a body, as stored; None for a body too short to compare."""
    runs = shingles(body)
    if not runs:
        return None
    import numpy as np
    from datasketch import MinHash

    minhash = MinHash(num_perm=_PERMUTATIONS, scheme=_SCHEME)
    minhash.update_batch([run.encode("utf-8") for run in runs])
    return bytes(minhash.hashvalues.astype(np.uint32).tobytes())


def similarity(first_body: str, second_body: str) -> float:
    """The exact share of shingles two bodies have in common (0 to 1)."""
    first, second = shingles(first_body), shingles(second_body)
    if not first or not second:
        return 0.0
    return len(first & second) / len(first | second)


@dataclass(frozen=True)
class ParagraphChange:
    """A paragraph only one of two versions of a story has: ``side`` is "this" or "other"."""

    side: str
    text: str


def paragraph_changes(this_body: str, other_body: str) -> list[ParagraphChange]:
    """The paragraphs that differ between two versions of a story, in reading order."""
    these = [p for p in this_body.split(BLOCK_SEPARATOR) if p.strip()]
    others = [p for p in other_body.split(BLOCK_SEPARATOR) if p.strip()]
    matcher = difflib.SequenceMatcher(
        a=[_comparable(p) for p in these], b=[_comparable(p) for p in others], autojunk=False
    )
    changes: list[ParagraphChange] = []
    for tag, this_start, this_end, other_start, other_end in matcher.get_opcodes():
        if tag == "equal":
            continue
        changes.extend(ParagraphChange("this", text) for text in these[this_start:this_end])
        changes.extend(ParagraphChange("other", text) for text in others[other_start:other_end])
    return changes


def _comparable(paragraph: str) -> str:
    return " ".join(_WORD.findall(paragraph.casefold()))
