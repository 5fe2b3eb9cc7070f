"""A posting list read from Whoosh's blocks as arrays (``core/search/blocks.py``) is what
Whoosh's own matcher reads: the same documents, weights and values, for every term of an index
whose lists run to many blocks, with gaps between documents that fit a byte and gaps that do
not, words said once and words said several times."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest

from archive_app.core.archive import Archive
from archive_app.core.search.blocks import posting_arrays, posting_values
from archive_app.core.search.postings import posting_extent
from tests.helpers import add_sources

SOURCES = 1200


@pytest.fixture
def indexed(archive: Archive) -> Archive:
    titles = []
    for number in range(SOURCES):
        words = ["convoy"] + ["shelling"] * (number % 4) + ["corridor"] * (number % 2)
        words += ["ceasefire"] if number % 300 == 0 else []
        titles.append(" ".join(words))
    add_sources(archive, titles)
    archive.reindex()  # one segment of them all
    return archive


def _walked(matcher: Any) -> tuple[list[int], list[float], list[bytes]]:
    ids, weights, values = [], [], []
    while matcher.is_active():
        ids.append(matcher.id())
        weights.append(matcher.weight())
        values.append(matcher.value())
        matcher.next()
    return ids, weights, values


def test_every_posting_list_reads_as_whooshs_matcher_reads_it(indexed: Archive) -> None:
    compared = longest = 0
    with indexed.index.searcher() as searcher:
        for leaf, _ in searcher.leaf_searchers():
            reader = leaf.reader()
            for fieldname, text in reader.all_terms():
                extent = posting_extent(reader.postings(fieldname, text))
                if extent is None:  # kept in the term's entry, not in blocks
                    continue
                ids, weights, values = _walked(reader.postings(fieldname, text))
                found_ids, found_weights = posting_arrays(*extent)
                assert found_ids.tolist() == ids, (fieldname, text)
                assert found_weights.tolist() == weights, (fieldname, text)
                if reader.schema[fieldname].format.supports("positions"):
                    every_third = np.array(ids[::3], dtype=np.int64)
                    assert posting_values(*extent, every_third) == values[::3], (fieldname, text)
                compared += 1
                longest = max(longest, len(ids))
    assert compared > 20
    assert longest == SOURCES


def test_a_document_the_list_does_not_hold_is_refused(indexed: Archive) -> None:
    with indexed.index.searcher() as searcher:
        reader = searcher.leaf_searchers()[0][0].reader()
        extent = posting_extent(reader.postings("title", "ceasefir"))
        assert extent is not None
        held = posting_arrays(*extent)[0]
        for missing in (held[0] + 1, held[-1] + 1):
            with pytest.raises(ValueError, match="not in the posting list"):
                posting_values(*extent, np.array([held[0], missing]))
