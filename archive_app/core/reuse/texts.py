"""Near-duplicate stories: MinHash with locality-sensitive hashing over word shingles.

A wire story republished elsewhere keeps most of its sentences; a new headline, a cut
paragraph or a different boilerplate changes only a few of its five-word runs (shingles). The
share of shingles two bodies have in common (Jaccard similarity) is estimated from their
MinHash signatures (datasketch, 128 permutations), and LSH over bands of the signatures
(:mod:`.story_index`) finds the candidates without comparing every pair. The similarity shown
is then computed exactly from the two bodies. numpy is imported when a signature is first made,
not when the program starts; a signature is made as datasketch makes it, without datasketch.

Thresholds, measured with ``benchmarks/reuse_thresholds.py`` (Dec 2026): among the 61 real
articles of ``corpus/articles-dev`` (1,830 pairs, several of one site) the most similar two share
0.015 of their shingles; the fixture wire story republished with an opening line of its own and
one paragraph of ten cut shares 0.82 with the original, with two paragraphs replaced by one of
its own 0.77. :data:`MIN_SIMILARITY` (0.5) lies far from both; LSH is set to the same threshold.
"""

from __future__ import annotations

import difflib
import hashlib
import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from archive_app.importers.document import BLOCK_SEPARATOR

SIGNATURE_VERSION = 1
"""Raised whenever shingling or hashing changes: stored signatures of another are remade."""

TEXT_KINDS = ("article", "pdf", "text")
"""The kinds of document whose bodies are signed and compared."""

MIN_SIMILARITY = 0.5
SHINGLE_WORDS = 5
MIN_WORDS = 40
"""Shorter bodies (a caption, a note) are not compared: a few shared phrases would match."""

_PERMUTATIONS = 128
_SEED = 1
_FMIX32 = (16, 0x85EBCA6B, 13, 0xC2B2AE35, 16)
"""MurmurHash3's 32-bit finalizer, which datasketch's affine32 scheme mixes each hash with."""
_WORD = re.compile(r"\w+")


def shingles(body: str) -> set[str]:
    """The body's runs of :data:`SHINGLE_WORDS` words, case folded; empty for a short body."""
    words = _WORD.findall(body.casefold())
    if len(words) < MIN_WORDS:
        return set()
    # Each run read from SHINGLE_WORDS staggered copies of the list: a fifth faster than slicing.
    runs = zip(*(words[start:] for start in range(SHINGLE_WORDS)), strict=False)
    return set(map(" ".join, runs))


def signature(body: str) -> bytes | None:
    """The MinHash signature of a body, as stored; None for a body too short to compare.

    Computed as datasketch's ``MinHash(num_perm=128, scheme="affine32")`` computes it (SHA-1's
    first four bytes, mixed, then 128 affine permutations), in numpy alone: importing
    datasketch loads SciPy, which cost each import worker more time than its pages did.
    """
    runs = shingles(body)
    if not runs:
        return None
    import numpy as np

    sha1 = hashlib.sha1
    first_bytes = b"".join([sha1(run.encode("utf-8")).digest()[:4] for run in runs])
    hashes = np.frombuffer(first_bytes, dtype="<u4").astype(np.uint32)  # one copy, writable
    shift1, multiply1, shift2, multiply2, shift3 = (np.uint32(n) for n in _FMIX32)
    hashes = (hashes ^ (hashes >> shift1)) * multiply1
    hashes = (hashes ^ (hashes >> shift2)) * multiply2
    hashes = hashes ^ (hashes >> shift3)
    a, b = _permutations()
    return bytes((hashes.reshape(-1, 1) * a + b).min(axis=0).astype(np.uint32).tobytes())


@cache
def _permutations() -> Any:
    """datasketch's affine32 permutations for its default seed: odd multipliers ``a`` and
    offsets ``b``, drawn as ``MinHash._init_permutations`` draws them."""
    import numpy as np

    draw = np.random.RandomState(_SEED)
    a = draw.randint(0, 1 << 31, _PERMUTATIONS, dtype=np.uint32) * np.uint32(2) + np.uint32(1)
    b = draw.randint(0, 1 << 32, _PERMUTATIONS, dtype=np.uint32)
    return a, b


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
