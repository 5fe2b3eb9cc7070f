"""Near-duplicate stories: MinHash with locality-sensitive hashing over word shingles.

A wire story republished elsewhere keeps most of its sentences; a new headline, a cut
paragraph or a different boilerplate changes only a few of its five-word runs (shingles). The
share of shingles two bodies have in common (Jaccard similarity) is estimated from their
MinHash signatures (datasketch, 128 permutations), and LSH finds the candidates without
comparing every pair. The similarity shown is then computed exactly from the two bodies.

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
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Any

import numpy as np

from archive_app.importers.document import BLOCK_SEPARATOR

if TYPE_CHECKING:
    from datasketch import MinHash

SIGNATURE_VERSION = 1
"""Raised whenever shingling or hashing changes: stored signatures of another are remade."""

MIN_SIMILARITY = 0.5
SHINGLE_WORDS = 5
MIN_WORDS = 40
"""Shorter bodies (a caption, a note) are not compared: a few shared phrases would match."""

_PERMUTATIONS = 128
_SCHEME = "affine32"
_SEED = 1
_FMIX32 = tuple(np.uint32(n) for n in (16, 0x85EBCA6B, 13, 0xC2B2AE35, 16))
"""MurmurHash3's 32-bit finalizer, which datasketch's affine32 scheme mixes each hash with."""
_WORD = re.compile(r"\w+")


def shingles(body: str) -> set[str]:
    """The body's runs of :data:`SHINGLE_WORDS` words, case folded; empty for a short body."""
    words = _WORD.findall(body.casefold())
    if len(words) < MIN_WORDS:
        return set()
    return {" ".join(words[i : i + SHINGLE_WORDS]) for i in range(len(words) - SHINGLE_WORDS + 1)}


def signature(body: str) -> bytes | None:
    """The MinHash signature of a body, as stored; None for a body too short to compare.

    Computed as datasketch's ``MinHash(num_perm=128, scheme="affine32")`` computes it (SHA-1's
    first four bytes, mixed, then 128 affine permutations), in numpy alone: importing
    datasketch loads SciPy, which cost each import worker more time than its pages did.
    """
    runs = shingles(body)
    if not runs:
        return None
    hashes = np.fromiter(
        (int.from_bytes(hashlib.sha1(run.encode("utf-8")).digest()[:4], "little") for run in runs),
        dtype=np.uint32,
        count=len(runs),
    )
    shift1, multiply1, shift2, multiply2, shift3 = _FMIX32
    hashes = (hashes ^ (hashes >> shift1)) * multiply1
    hashes = (hashes ^ (hashes >> shift2)) * multiply2
    hashes = hashes ^ (hashes >> shift3)
    a, b = _permutations()
    return bytes((hashes.reshape(-1, 1) * a + b).min(axis=0).astype(np.uint32).tobytes())


def similarity(first_body: str, second_body: str) -> float:
    """The exact share of shingles two bodies have in common (0 to 1)."""
    first, second = shingles(first_body), shingles(second_body)
    if not first or not second:
        return 0.0
    return len(first & second) / len(first | second)


class SignatureIndex:
    """LSH over the signatures of an archive's bodies: the candidates for being one story."""

    def __init__(self, signatures: Iterable[tuple[int, bytes]]) -> None:
        from datasketch import MinHashLSH

        self._lsh = MinHashLSH(threshold=MIN_SIMILARITY, num_perm=_PERMUTATIONS)
        self._signatures: dict[int, MinHash] = {}
        with self._lsh.insertion_session() as session:
            for source_id, stored in signatures:
                minhash = _minhash(stored)
                self._signatures[source_id] = minhash
                session.insert(source_id, minhash, check_duplication=False)

    def __len__(self) -> int:
        return len(self._signatures)

    def candidates(self, source_id: int) -> list[int]:
        """Other sources whose signatures suggest the same story (to be checked exactly)."""
        minhash = self._signatures.get(source_id)
        if minhash is None:
            return []
        return sorted(int(key) for key in self._lsh.query(minhash) if key != source_id)

    def closest(self, source_id: int, limit: int) -> list[int]:
        """At most ``limit`` candidates, those whose signatures agree most with this one's:
        a story republished hundreds of times is compared word by word with its closest
        copies only."""
        candidates = self.candidates(source_id)
        if len(candidates) <= limit:
            return candidates
        own = self._signatures[source_id]
        ranked = sorted(candidates, key=lambda other: -own.jaccard(self._signatures[other]))
        return sorted(ranked[:limit])

    def source_ids(self) -> list[int]:
        return sorted(self._signatures)


def _minhash(stored: bytes) -> MinHash:
    """A stored signature as a MinHash, sharing one set of permutations: making them anew for
    each (a random draw in numpy) held the interpreter long enough to stall the window."""
    from datasketch import MinHash

    values = np.frombuffer(stored, dtype=np.uint32).astype(np.uint64)
    return MinHash(
        num_perm=_PERMUTATIONS,
        hashvalues=values,
        permutations=_permutations(),
        scheme=_SCHEME,
    )


@cache
def _permutations() -> Any:
    """datasketch's affine32 permutations for its default seed: odd multipliers ``a`` and
    offsets ``b``, drawn as ``MinHash._init_permutations`` draws them."""
    draw = np.random.RandomState(_SEED)
    a = draw.randint(0, 1 << 31, _PERMUTATIONS, dtype=np.uint32) * np.uint32(2) + np.uint32(1)
    b = draw.randint(0, 1 << 32, _PERMUTATIONS, dtype=np.uint32)
    return np.array([a, b])


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
