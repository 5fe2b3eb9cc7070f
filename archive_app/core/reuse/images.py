"""Finding copies of a photo among its fingerprints, by Hamming distance.

Two fingerprints are of the same photo when their DCT hashes differ in at most
:data:`MAX_PHASH_BITS` bits, their difference hashes in at most :data:`MAX_DHASH_BITS`, and both
together in at most :data:`MAX_TOTAL_BITS` (of 128). The figures behind these numbers, measured
with ``benchmarks/reuse_thresholds.py`` (which prints them again), Dec 2026:

- 47 real photos of ``corpus/photos-dev`` (two were too plain to fingerprint), 1,069 pairs of
  different photos (the samples of one photo under several EXIF orientations differ in at most
  4 + 2 bits and count as one): the closest two differ in 18 + 18 bits (two 100 × 75 camera
  thumbnails), the next in 18 + 24 and 24 + 18. None is taken for the same photo; the margin
  to the limit is 8 bits.
- Copies of each of them, fingerprinted as the importer does: half size, quality 30 and grey
  differ in at most 4 + 3 bits, all taken; a logo bar over the bottom 10% in at most 14 + 4,
  all taken; a logo box in a corner 42 of 47 taken; 5% cropped off every side 41 of 47; 10%
  cropped off one side 22 of 47 (a crop moves every edge the difference hash sees).

Precision comes first: for uniformly random hashes the limits would pair about one in 5·10⁹
pairs, so about one false pair among 100,000 photos; looser limits that take more one-sided
crops come within 4 bits of the closest different photos.

The lookup is a scan of packed 64-bit arrays with numpy's popcount: at these radii (a quarter
of the bits) a BK-tree or multi-index hashing visits nearly every entry anyway, and the scan
finds the copies of one photo among 100,000 in well under a millisecond
(``benchmarks/bench_reuse.py``). Grouping all of them compares every pair in blocks.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

MAX_PHASH_BITS = 16
MAX_DHASH_BITS = 20
MAX_TOTAL_BITS = 28
_BLOCK_ROWS = 32

Hashes = npt.NDArray[np.uint64]


@dataclass(frozen=True)
class Fingerprinted:
    """An image source and its two hashes (unsigned 64-bit)."""

    source_id: int
    phash: int
    dhash: int


def is_same_photo(phash_bits: int, dhash_bits: int) -> bool:
    return (
        phash_bits <= MAX_PHASH_BITS
        and dhash_bits <= MAX_DHASH_BITS
        and phash_bits + dhash_bits <= MAX_TOTAL_BITS
    )


class FingerprintIndex:
    """Every fingerprint of an archive, packed for Hamming-distance lookups."""

    def __init__(self, entries: Sequence[Fingerprinted]) -> None:
        self.ids = np.fromiter((e.source_id for e in entries), dtype=np.int64, count=len(entries))
        self.phashes: Hashes = np.fromiter(
            (e.phash for e in entries), dtype=np.uint64, count=len(entries)
        )
        self.dhashes: Hashes = np.fromiter(
            (e.dhash for e in entries), dtype=np.uint64, count=len(entries)
        )

    def __len__(self) -> int:
        return len(self.ids)

    def copies_of(self, phash: int, dhash: int) -> list[tuple[int, int]]:
        """(source id, distance in bits of 128) of every fingerprint of the same photo,
        nearest first, including an identical one."""
        phash_bits = np.bitwise_count(self.phashes ^ np.uint64(phash))
        dhash_bits = np.bitwise_count(self.dhashes ^ np.uint64(dhash))
        found = np.flatnonzero(_same(phash_bits, dhash_bits))
        distances = phash_bits[found].astype(np.int64) + dhash_bits[found]
        order = np.lexsort((self.ids[found], distances))
        return [(int(self.ids[found[i]]), int(distances[i])) for i in order]

    def pairs(self) -> Iterator[tuple[int, int]]:
        """Every pair of source ids whose fingerprints are of the same photo (each pair once)."""
        count = len(self.ids)
        for start in range(0, count, _BLOCK_ROWS):
            stop = min(start + _BLOCK_ROWS, count)
            rows = slice(start, stop)
            columns = slice(start, count)
            phash_bits = np.bitwise_count(
                self.phashes[rows, np.newaxis] ^ self.phashes[np.newaxis, columns]
            )
            dhash_bits = np.bitwise_count(
                self.dhashes[rows, np.newaxis] ^ self.dhashes[np.newaxis, columns]
            )
            row_offsets, column_offsets = np.nonzero(_same(phash_bits, dhash_bits))
            for row, column in zip(row_offsets.tolist(), column_offsets.tolist(), strict=True):
                first, second = start + row, start + column
                if first < second:
                    yield int(self.ids[first]), int(self.ids[second])


def _same(
    phash_bits: npt.NDArray[np.uint8], dhash_bits: npt.NDArray[np.uint8]
) -> npt.NDArray[np.bool_]:
    total = phash_bits.astype(np.uint16) + dhash_bits
    return (
        (phash_bits <= MAX_PHASH_BITS) & (dhash_bits <= MAX_DHASH_BITS) & (total <= MAX_TOTAL_BITS)
    )


def signed(value: int) -> int:
    """An unsigned 64-bit hash as SQLite stores it (a signed 64-bit integer)."""
    return value - (1 << 64) if value >= 1 << 63 else value


def unsigned(value: int) -> int:
    return value + (1 << 64) if value < 0 else value
