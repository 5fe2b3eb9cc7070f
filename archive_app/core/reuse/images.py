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

import os
from collections.abc import Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor

import numpy as np
import numpy.typing as npt

MAX_PHASH_BITS = 16
MAX_DHASH_BITS = 20
MAX_TOTAL_BITS = 28
_TILE = 512
"""Fingerprints compared with as many others at once: buffers of about 2.5 MB."""

Hashes = npt.NDArray[np.uint64]


def is_same_photo(phash_bits: int, dhash_bits: int) -> bool:
    return (
        phash_bits <= MAX_PHASH_BITS
        and dhash_bits <= MAX_DHASH_BITS
        and phash_bits + dhash_bits <= MAX_TOTAL_BITS
    )


class FingerprintIndex:
    """Every fingerprint of an archive, packed for Hamming-distance lookups."""

    def __init__(self, rows: Sequence[tuple[int, int, int]]) -> None:
        """The index of ``(source id, phash, dhash)`` rows as SQLite stores them (signed
        64-bit hashes), in any order: packed by numpy, without a Python object per row."""
        stored = np.array(rows, dtype=np.int64).reshape(-1, 3)
        stored = stored[np.argsort(stored[:, 0], kind="stable")]
        self.ids = np.ascontiguousarray(stored[:, 0])
        self.phashes: Hashes = np.ascontiguousarray(stored[:, 1]).view(np.uint64)
        self.dhashes: Hashes = np.ascontiguousarray(stored[:, 2]).view(np.uint64)

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

    def hashes_of(self, source_ids: list[int]) -> dict[int, tuple[int, int]]:
        """The phash and dhash of those of ``source_ids`` that are in the index."""
        positions = np.searchsorted(self.ids, source_ids).tolist()
        count = len(self.ids)
        return {
            source_id: (int(self.phashes[position]), int(self.dhashes[position]))
            for source_id, position in zip(source_ids, positions, strict=True)
            if position < count and int(self.ids[position]) == source_id
        }

    def pairs(self) -> Iterator[tuple[int, int]]:
        """Every pair of source ids whose fingerprints are of the same photo (each pair once).

        Tiles of :data:`_TILE` × :data:`_TILE` fingerprints are compared by phash, in buffers
        small enough to stay in the processor's cache; the few pairs close enough are then
        checked by dhash. Rows of tiles run on several threads (numpy lets go of the GIL)."""
        starts = range(0, len(self.ids), _TILE)
        with ThreadPoolExecutor(max_workers=min(4, os.cpu_count() or 1)) as pool:
            for firsts, seconds in pool.map(self._pairs_from_rows, starts):
                yield from zip(firsts.tolist(), seconds.tolist(), strict=True)

    def _pairs_from_rows(self, row_start: int) -> tuple[npt.NDArray[np.int64], ...]:
        """The pairs whose first fingerprint is one of the :data:`_TILE` from ``row_start``."""
        count = len(self.ids)
        differing = np.empty((_TILE, _TILE), dtype=np.uint64)
        bits = np.empty((_TILE, _TILE), dtype=np.uint8)
        close = np.empty((_TILE, _TILE), dtype=np.bool_)
        found_first, found_second = [], []
        rows = self.phashes[row_start : row_start + _TILE, np.newaxis]
        for column_start in range(row_start, count, _TILE):
            columns = self.phashes[np.newaxis, column_start : column_start + _TILE]
            tile = (slice(0, rows.shape[0]), slice(0, columns.shape[1]))
            np.bitwise_xor(rows, columns, out=differing[tile])
            np.bitwise_count(differing[tile], out=bits[tile])
            np.less_equal(bits[tile], MAX_PHASH_BITS, out=close[tile])
            row_offsets, column_offsets = np.nonzero(close[tile])
            first, second = row_start + row_offsets, column_start + column_offsets
            later = first < second
            phash_bits = bits[tile][row_offsets[later], column_offsets[later]]
            first, second = first[later], second[later]
            dhash_bits = np.bitwise_count(self.dhashes[first] ^ self.dhashes[second])
            same = _same(phash_bits, dhash_bits)
            found_first.append(self.ids[first[same]])
            found_second.append(self.ids[second[same]])
        return np.concatenate(found_first), np.concatenate(found_second)


Bits = npt.NDArray[np.uint8]


def _same(phash_bits: Bits, dhash_bits: Bits) -> npt.NDArray[np.bool_]:
    total = phash_bits.astype(np.uint16) + dhash_bits
    close = (phash_bits <= MAX_PHASH_BITS) & (dhash_bits <= MAX_DHASH_BITS)
    return close & (total <= MAX_TOTAL_BITS)
