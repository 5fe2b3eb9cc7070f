"""Adding documents to the index with each text analysed once.

Whoosh analyses a text field with ``spelling=True`` twice: once for its terms, and once more
(without the stemming filter) for the words of its ``spell_`` field, so each title, body,
caption and note was tokenised, shaped and folded twice. :class:`OnePassWriter` shapes the
words of such a field once and takes both from each word (:func:`.analysis.word_terms`, cached
per word). The postings it gives Whoosh's pool are the very tuples Whoosh's own
``add_document`` gives, so the index is the same, byte for byte
(``tests/core/test_one_pass_writing.py`` builds one both ways and compares them).
"""

from __future__ import annotations

from typing import Any

from whoosh.formats import Characters, Positions
from whoosh.writing import SegmentWriter

from archive_app.core.search.ahead import AnalysedAhead, Posting, content_postings
from archive_app.core.search.analysis import content_analyzer
from archive_app.core.search.term_writing import OneLoopCodec

_POSTING_SIZE = 150
"""Whoosh's estimate of a pooled posting's bytes besides its field name, term and value."""


class OnePassWriter(SegmentWriter):  # type: ignore[misc]
    """Whoosh's segment writer, analysing the texts of :func:`.analysis.content_analyzer`
    once (fields of other analyzers are indexed as Whoosh indexes them), and writing terms
    with :class:`.term_writing.OneLoopCodec` unless given another codec. A text some worker
    analysed already is taken from ``analysed_ahead`` instead (:mod:`.ahead`)."""

    def __init__(
        self,
        index: Any,
        *,
        codec: Any = None,
        analysed_ahead: AnalysedAhead | None = None,
        **options: Any,
    ) -> None:
        super().__init__(index, codec=codec or OneLoopCodec(), **options)
        self._ahead = analysed_ahead
        if any(field.vector for _, field in self.schema.items()):
            raise ValueError("term vectors are not written by this writer")
        content = content_analyzer()
        self._one_pass = {
            name: field.analyzer == content and type(field.format) in (Positions, Characters)
            for name, field in self.schema.items()
        }

    def add_document(self, **fields: Any) -> None:
        """What Whoosh's ``SegmentWriter.add_document`` does (boosts, ``_stored_`` values,
        lengths, columns), with one analysis for a content field and its spelling field."""
        self._check_state()
        schema = self.schema
        docnum = self.docnum
        docboost = self._doc_boost(fields)
        fieldnames = sorted(name for name in fields if not name.startswith("_"))
        self._check_fields(schema, fieldnames)
        perdocwriter = self.perdocwriter
        perdocwriter.start_doc(docnum)
        try:
            for fieldname in fieldnames:
                value = fields[fieldname]
                if value is None:
                    continue
                field = schema[fieldname]
                length = 0
                if field.indexed:
                    if self._one_pass[fieldname] and isinstance(value, str):
                        postings, spelling = self._analysed(value, field.format)
                    else:
                        postings = list(field.index(value))
                        spelling = _spellable(field, value)
                    fieldboost = self._field_boost(fields, fieldname, docboost)
                    if field.scorable:
                        length = sum(posting[1] for posting in postings)
                    self._pool(
                        fieldname,
                        [
                            (fieldname, term, docnum, weight * fieldboost, value_bytes)
                            for term, _, weight, value_bytes in postings
                        ],
                    )
                    if spelling:
                        # Whoosh gives each spelling posting document 0, weight 1 and the
                        # value of the field's last posting: kept, so the index is the same.
                        spell_field = field.spelling_fieldname(fieldname)
                        last_value = postings[-1][3]
                        self._pool(
                            spell_field,
                            [(spell_field, word, 0, 1, last_value) for word in spelling],
                        )
                stored_value = fields.get(f"_stored_{fieldname}", value)
                perdocwriter.add_field(
                    fieldname, field, stored_value if field.stored else None, length
                )
                if field.column_type and stored_value is not None:
                    column_value = field.to_column_value(stored_value)
                    perdocwriter.add_column_value(fieldname, field.column_type, column_value)
        except Exception:
            perdocwriter.cancel_doc()
            raise
        perdocwriter.finish_doc()
        self._added = True
        self.docnum += 1

    def _analysed(self, text: str, field_format: Any) -> tuple[list[Posting], list[bytes]]:
        if self._ahead is not None:
            analysed = self._ahead.take(text, field_format)
            if analysed is not None:
                return analysed
        return content_postings(text, field_format)

    def _pool(self, fieldname: str, items: list[tuple[str, bytes, int, float, bytes]]) -> None:
        """What Whoosh's ``PostingPool.add`` does for each of a field's postings, at once: the
        pool is written to a run on disk once it holds more than its memory limit (by Whoosh's
        estimate of each posting's size), so a rebuild's memory stays bounded."""
        pool = self.pool
        pool.fieldnames.add(fieldname)
        pool.current.extend(items)
        pool.currentsize += sum(
            _POSTING_SIZE + len(fieldname) + 2 * len(item[1]) + len(item[4] or b"")
            for item in items
        )
        if pool.currentsize > pool.limit:
            pool.save()


def _spellable(field: Any, value: Any) -> list[bytes]:
    """The spelling words Whoosh adds for a field analysed its own way ([] if it keeps none)."""
    if not field.separate_spelling():
        return []
    return [word.encode("utf-8") for word in field.spellable_words(value)]
