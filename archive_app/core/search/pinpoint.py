"""Where a hit's matched words are in its text, for its snippet, from the words' posting blocks.

Whoosh highlights a field that keeps each word's characters (``body``, ``caption``) without
reading the text through the analyzer again: it asks each matched word's posting list for the
word's characters in each hit. It walks the list to each hit with its matcher, unpickling every
block on the way: 20 ms a search at 100,000 sources, the first time and every time. Here each
word's characters for the hits are read from only the blocks that hold them
(:func:`.postings.term_values`), once for the page.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from whoosh import highlight

from archive_app.core.search.postings import in_segments, term_values


class PinpointHighlighter(highlight.Highlighter):  # type: ignore[misc]
    """Whoosh's highlighter, the characters of matched words read from posting blocks."""

    @staticmethod
    def _load_chars(results: Any, fieldname: str, texts: Any, to_bytes: Any) -> None:
        """As Whoosh's: for each hit, each matched word's (position, start, end) characters,
        in ``results._char_cache[fieldname]``, where its highlighting reads them."""
        cache: dict[int, dict[str, Any]] = {docnum: {} for _, docnum in results.top_n}
        results._char_cache[fieldname] = cache
        searcher = results.searcher
        decode = searcher.schema[fieldname].format.decoder("characters")
        for text in texts:
            term = (fieldname, to_bytes(text))
            documents = sorted(set(results.termdocs[term]).intersection(cache))
            for docnum, value in _values(searcher, term, documents):
                cache[docnum][text] = decode(value)


def _values(searcher: Any, term: tuple[str, bytes], documents: list[int]) -> list[tuple[int, Any]]:
    """Each document's value of the term, from the segment that holds the document."""
    found: list[tuple[int, Any]] = []
    for leaf, offset, local in in_segments(searcher.leaf_searchers(), np.array(documents)):
        values = term_values(leaf.reader(), *term, local)
        found += [
            (int(docnum) + offset, value) for docnum, value in zip(local, values, strict=True)
        ]
    return found
