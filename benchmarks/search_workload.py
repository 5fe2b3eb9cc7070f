"""The queries ``bench_search`` times: the hand-written ones of its workload and as many more
drawn from the words its generated articles are written in, of every kind a person types while
searching (plain words, phrases, fields, dates, wildcards, fuzzy words, OR/NOT, labels)."""

from __future__ import annotations

import random
import re
from collections.abc import Callable

SURNAMES = ["Petrosyan", "Aliyev", "Kucera", "Smith", "Hakobyan"]
LABEL_FIELDS = [
    'event:"Second Karabakh War"',
    'event:"Blockade of the Lachin corridor"',
    'perspective:"Azerbaijani government"',
    'perspective:"International wire"',
    "tag:civilians",
    "tag:drones",
]
_PLAIN = re.compile(r"[A-Za-z]+( [A-Za-z]+)*")


def is_plain(query: str) -> bool:
    """Only words, all of which must match: the part of the workload any engine answers alike."""
    return bool(_PLAIN.fullmatch(query))


def generated_queries(topics: list[str], places: list[str], count: int, seed: int) -> list[str]:
    """``count`` queries, the same for the same seed; half of them plain words."""
    rng = random.Random(seed)
    single_places = [place for place in places if place.isascii() and place.isalpha()]

    def topic() -> str:
        return rng.choice(topics)

    def misspelled(word: str) -> str:
        cut = rng.randrange(1, len(word) - 1)
        return word[:cut] + word[cut + 1 :]

    plain: list[Callable[[], str]] = [
        topic,
        lambda: f"{topic()} {topic()}",
        lambda: f"{rng.choice(single_places)} {topic()}",
        lambda: f"{topic()} {topic()} {topic()}",
    ]
    other: list[Callable[[], str]] = [
        lambda: f'"{topic()} {topic()}"',
        lambda: f"title:{topic()}",
        lambda: f"caption:{topic()}",
        lambda: f"author:{rng.choice(SURNAMES)} {topic()}",
        lambda: f"{topic()} published:{rng.randint(2020, 2024)}",
        lambda: f"{topic()[:5]}*",
        lambda: f"{misspelled(topic())}~",
        lambda: f"{topic()} OR {topic()} -{rng.choice(single_places)}",
        lambda: f"{rng.choice(LABEL_FIELDS)} {topic()}",
        lambda: f"kind:{rng.choice(['pdf', 'text', 'image'])} {topic()}",
        lambda: rng.choice(places),
    ]
    queries: dict[str, None] = {}
    while len(queries) < count:
        kinds = plain if len(queries) % 2 == 0 else other
        queries[rng.choice(kinds)()] = None
    return list(queries)
