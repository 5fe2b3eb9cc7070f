"""The candidates for being one story: LSH over bands of the stored MinHash signatures.

The signatures (:func:`.texts.signature`) are held in one array of 32-bit values, 512 bytes a
source, and each of the 25 bands as a sorted array of 64-bit keys. For 100,000 sources that is
about 80 MB, built in a second or so; datasketch's ``MinHashLSH``, with a MinHash object per
source and 25 hash tables of byte strings, took about 800 MB and 15 s. The candidates are
those datasketch's LSH finds (``tests/core/test_story_index.py`` compares them).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

BANDS = 25
BAND_ROWS = 5
"""LSH's bands: what datasketch's ``MinHashLSH`` chooses for :data:`.texts.MIN_SIMILARITY` and 128
permutations. Two signatures are candidates when all five values of any band agree."""


class SignatureIndex:
    """LSH over the signatures of an archive's bodies: the candidates for being one story."""

    def __init__(self, signatures: Iterable[tuple[int, bytes]]) -> None:
        """``signatures``: (source id, stored signature) in order of source id."""
        import numpy as np

        ids: list[int] = []
        values = bytearray()
        for source_id, stored in signatures:
            ids.append(source_id)
            values += stored
        self._ids = np.array(ids, dtype=np.int64)
        self._values = (
            np.frombuffer(values, dtype=np.uint32).reshape(len(ids), -1)
            if ids
            else np.zeros((0, BANDS * BAND_ROWS), dtype=np.uint32)
        )
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
