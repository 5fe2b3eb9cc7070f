"""Near-duplicate stories: MinHash with locality-sensitive hashing over word shingles.

A wire story republished elsewhere keeps most of its sentences; a new headline, a cut
paragraph or a different boilerplate changes only a few of its five-word runs (shingles). The
share of shingles two bodies have in common (Jaccard similarity) is estimated from their
MinHash signatures (datasketch, 128 permutations), and LSH over bands of the signatures (in
numpy arrays) finds the candidates without comparing every pair. The similarity shown is then
computed exactly from the two bodies. datasketch (which brings scipy) and numpy, some 60 MB,
are imported when a signature is first made or read, not when the program starts.

Thresholds, measured with ``benchmarks/reuse_thresholds.py`` (Dec 2026): among the 61 real
articles of ``corpus/articles-dev`` (1,830 pairs, several of one site) the most similar two share
0.015 of their shingles; the fixture wire story republished with an opening line of its own and
one paragraph of ten cut shares 0.82 with the original, with two paragraphs replaced by one of
its own 0.77. :data:`MIN_SIMILARITY` (0.5) lies far from both; LSH is set to the same threshold.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

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


BANDS = 25
BAND_ROWS = 5
"""LSH's bands: what datasketch's ``MinHashLSH`` chooses for :data:`MIN_SIMILARITY` and 128
permutations. Two signatures are candidates when all five values of any band agree."""


class SignatureIndex:
    """LSH over the signatures of an archive's bodies: the candidates for being one story.

    The signatures are one array of 32-bit values (512 bytes a source) and each band a sorted
    array of 64-bit keys. For 100,000 sources that is about 80 MB, built in a second or two;
    datasketch's ``MinHashLSH``, with a MinHash object per source and 25 hash tables of byte
    strings, took about 800 MB and 15 s."""

    def __init__(self, signatures: Iterable[tuple[int, bytes]]) -> None:
        """``signatures``: (source id, stored signature) in order of source id."""
        import numpy as np

        ids: list[int] = []
        values = bytearray()
        for source_id, stored in signatures:
            ids.append(source_id)
            values += stored
        self._ids = np.array(ids, dtype=np.int64)
        self._values = np.frombuffer(values, dtype=np.uint32).reshape(-1, _PERMUTATIONS)
        self._bands = []
        for band in range(BANDS):
            keys = _band_keys(self._values, band)
            order = np.argsort(keys, kind="stable").astype(np.int32)
            self._bands.append((keys[order], order))

    def __len__(self) -> int:
        return len(self._ids)

    def candidates(self, source_id: int) -> list[int]:
        """Other sources whose signatures suggest the same story (to be checked exactly)."""
        row = self._row(source_id)
        if row is None:
            return []
        import numpy as np

        found: set[int] = set()
        for band, (keys, order) in enumerate(self._bands):
            key = _band_keys(self._values[row : row + 1], band)[0]
            rows = order[np.searchsorted(keys, key) : np.searchsorted(keys, key, side="right")]
            columns = slice(band * BAND_ROWS, (band + 1) * BAND_ROWS)
            same = np.all(self._values[rows, columns] == self._values[row, columns], axis=1)
            found.update(rows[same].tolist())
        found.discard(row)
        return sorted(int(self._ids[other]) for other in found)

    def closest(self, source_id: int, limit: int) -> list[int]:
        """At most ``limit`` candidates, those whose signatures agree most with this one's:
        a story republished hundreds of times is compared word by word with its closest
        copies only."""
        candidates = self.candidates(source_id)
        if len(candidates) <= limit:
            return candidates
        import numpy as np

        own = self._values[self._row(source_id)]
        others = self._values[np.searchsorted(self._ids, candidates)]
        agreeing = np.count_nonzero(others == own, axis=1).tolist()
        ranked = sorted(zip(candidates, agreeing, strict=True), key=lambda pair: -pair[1])
        return sorted(other for other, _ in ranked[:limit])

    def source_ids(self) -> list[int]:
        return [int(source_id) for source_id in self._ids]

    def _row(self, source_id: int) -> int | None:
        import numpy as np

        row = int(np.searchsorted(self._ids, source_id))
        return row if row < len(self._ids) and self._ids[row] == source_id else None


def _band_keys(values: Any, band: int) -> Any:
    """One 64-bit key per signature from the values of one band: equal values, equal keys
    (candidates are then compared value by value, so a rare collision adds nothing)."""
    import numpy as np

    keys = np.zeros(len(values), dtype=np.uint64)
    for column in range(band * BAND_ROWS, (band + 1) * BAND_ROWS):
        keys = keys * np.uint64(0x100000001B3) ^ values[:, column].astype(np.uint64)
    return keys


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
