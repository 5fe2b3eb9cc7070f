"""A body's MinHash signature is made without datasketch (whose SciPy costs each import worker
more than its pages): it must be the very signature datasketch makes, or stored signatures
would no longer match new ones."""

from __future__ import annotations

import random

import numpy as np
from datasketch import MinHash

from archive_app.core.reuse.texts import shingles, signature, similarity


def _datasketch_signature(body: str) -> bytes:
    minhash = MinHash(num_perm=128, scheme="affine32")
    minhash.update_batch([run.encode("utf-8") for run in shingles(body)])
    return bytes(minhash.hashvalues.astype(np.uint32).tobytes())


def _body(rng: random.Random, words: list[str]) -> str:
    return " ".join(rng.choice(words) for _ in range(rng.randint(40, 2_000)))


def test_the_signature_is_the_one_datasketch_makes() -> None:
    rng = random.Random(5)
    words = [
        "Şuşa",
        "Xankəndi",
        "Степанакерт",
        "convoy",
        "corridor",
        "the",
        "of",
        "and",
        "refugees",
        "2023",
        "ceasefire",
    ]
    for _ in range(40):
        body = _body(rng, words)
        assert signature(body) == _datasketch_signature(body)


def test_a_republished_story_keeps_a_close_signature() -> None:
    rng = random.Random(8)
    words = [f"word{n}" for n in range(500)]
    story = _body(rng, words)
    republished = "A new opening line of our own. " + story
    mine, theirs = signature(story), signature(republished)
    assert mine is not None and theirs is not None
    agreeing = np.mean(np.frombuffer(mine, np.uint32) == np.frombuffer(theirs, np.uint32))
    assert abs(agreeing - similarity(story, republished)) < 0.15
    assert signature("too short to compare") is None
