"""The index of story signatures finds the candidates datasketch's own LSH finds."""

from __future__ import annotations

import random

import numpy as np
from datasketch import MinHash, MinHashLSH

from archive_app.core.reuse.story_index import BAND_ROWS, BANDS, SignatureIndex
from archive_app.core.reuse.texts import MIN_SIMILARITY, signature

VOCABULARY = (
    "the convoy reached the corridor at dawn while officials said that refugees and "
    "peacekeepers waited near the bridge after shelling of the border villages during the "
    "ceasefire talks in the enclave ministry statement troops negotiations"
)
WORDS = VOCABULARY.split()


def stories(count: int, seed: int) -> dict[int, str]:
    """``count`` stories of 120 words; a third of them copied with a share of their words
    changed (from a few to most), so that candidates are found at every similarity."""
    rng = random.Random(seed)
    bodies: dict[int, str] = {}
    for number in range(count):
        words = rng.choices(WORDS, k=120)
        bodies[2 * number] = " ".join(words)
        if number % 3 == 0:
            changed = list(words)
            for position in rng.sample(range(120), rng.randint(2, 60)):
                changed[position] = rng.choice(WORDS)
            bodies[2 * number + 1] = " ".join(changed)
    return bodies


def as_minhash(stored: bytes) -> MinHash:
    values = np.frombuffer(stored, dtype=np.uint32).astype(np.uint64)
    return MinHash(num_perm=128, hashvalues=values, scheme="affine32")


def test_the_bands_are_those_datasketch_chooses() -> None:
    lsh = MinHashLSH(threshold=MIN_SIMILARITY, num_perm=128)
    assert (lsh.b, lsh.r) == (BANDS, BAND_ROWS)


def test_the_candidates_and_the_closest_are_those_of_datasketch() -> None:
    signatures = {source_id: signature(body) for source_id, body in stories(300, 16).items()}
    stored = {source_id: made for source_id, made in signatures.items() if made is not None}
    index = SignatureIndex(stored.items())
    lsh = MinHashLSH(threshold=MIN_SIMILARITY, num_perm=128)
    minhashes = {source_id: as_minhash(made) for source_id, made in stored.items()}
    for source_id, minhash in minhashes.items():
        lsh.insert(source_id, minhash)
    with_candidates = 0
    for source_id, minhash in minhashes.items():
        expected = sorted(key for key in lsh.query(minhash) if key != source_id)
        assert index.candidates(source_id) == expected
        ranked = sorted(expected, key=lambda other: -minhash.jaccard(minhashes[other]))
        assert index.closest(source_id, 1) == sorted(ranked[:1])
        with_candidates += bool(expected)
    assert with_candidates >= 20
    assert index.source_ids() == sorted(stored)
    assert index.candidates(10_000) == []


def test_an_archive_without_signatures_has_no_candidates() -> None:
    index = SignatureIndex([])
    assert len(index) == 0
    assert index.candidates(1) == []
    assert index.closest(1, 5) == []
