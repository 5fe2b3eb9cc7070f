"""Writing a segment's terms in one loop: the bytes Whoosh's own codec writes, with less work.

Whoosh writes each term of a segment through a postings writer, a block buffer, a term info
and the terms' hash table, some twenty calls a term, even for a term with one posting. A commit
of an import's pages has about as many terms as postings (most words of a page are new to the
commit, and each word has a spelling term beside it), so that was most of a commit's time.
:class:`OneLoopCodec` writes a term whose postings fit in one block (every term of an import's
commit, and all but the commonest of a merge's) in a few lines; longer lists go through
Whoosh's own writer. The files are the ones Whoosh writes, byte for byte
(``tests/core/test_one_pass_writing.py`` builds an index both ways and compares).
"""

from __future__ import annotations

import hashlib
import struct
import zlib
from array import array
from collections.abc import Callable, Iterable
from functools import lru_cache
from pickle import dumps
from typing import Any

from whoosh.codec.whoosh3 import (
    WHOOSH3_HEADER_MAGIC,
    W3Codec,
    W3FieldWriter,
    W3TermInfo,
    _lenfield,
)
from whoosh.filedb.filetables import md5_hash
from whoosh.system import pack_int, pack_long, pack_ushort
from whoosh.util.numeric import length_to_byte
from whoosh.util.numlists import delta_encode

Item = tuple[str, bytes, int, float, bytes | None]
"""A posting as Whoosh's pool gives it: field, term, document, weight, encoded value."""

_length_byte = lru_cache(maxsize=4096)(length_to_byte)
GATHER_BYTES = 1 << 20
_KEY_AND_VALUE_LENGTHS = struct.Struct("!ii")
_FLOAT32 = struct.Struct("f")
"""How Whoosh's hash file writes the lengths of a key and its value before them."""


@lru_cache(maxsize=65_536, typed=True)
def _block_info(
    *, count: int, last_id: int, max_weight: float, compression: int, min_byte: int, max_byte: int
) -> bytes:
    """A block's header: most are alike (one posting, weight 1, in one of a commit's pages).
    Typed, as a weight of 1 and one of 1.0 pickle apart."""
    return dumps((count, last_id, max_weight, compression, min_byte, max_byte), 2)


class OneLoopCodec(W3Codec):  # type: ignore[misc]
    """Whoosh's codec (W3), writing the terms of a segment with :class:`_OneLoopTermsWriter`."""

    def field_writer(self, storage: Any, segment: Any) -> W3FieldWriter:
        return _OneLoopTermsWriter(self, storage, segment)


class _OneLoopTermsWriter(W3FieldWriter):  # type: ignore[misc]
    def __init__(self, codec: Any, storage: Any, segment: Any) -> None:
        super().__init__(codec, storage, segment)
        hashing = self._tindex.hashfn
        self._hash: Callable[[bytes], int] = _md5_hash if hashing is md5_hash else hashing

    def add_postings(self, schema: Any, lengths: Any, items: Iterable[Item]) -> None:
        """Write the postings (sorted by field, term and document) of a segment whose
        per-document ``lengths`` are written already."""
        self._postings_out = _Appending(self._postfile)
        self._terms_out = _Appending(self._tindex.dbfile)
        fieldname = term = None
        postings: list[Item] = []
        field_lengths: _FieldLengths | None = None
        for item in items:
            if item[1] != term or item[0] != fieldname:
                if postings:
                    assert field_lengths is not None
                    self._write_term(postings, field_lengths)
                    postings = []
                if item[0] != fieldname:
                    if fieldname is not None:
                        self.finish_field()
                    fieldname = item[0]
                    self.start_field(fieldname, schema[fieldname])
                    field_lengths = _FieldLengths(lengths, fieldname, self._format)
                term = item[1]
            postings.append(item)
        if postings:
            assert field_lengths is not None
            self._write_term(postings, field_lengths)
        if fieldname is not None:
            self.finish_field()
        self._postings_out.flush()
        self._terms_out.flush()

    def _write_term(self, postings: list[Item], lengths: _FieldLengths) -> None:
        """Write one term's postings: in one block here, or longer lists by Whoosh's code."""
        term = postings[0][1]
        codec = self._codec
        if len(postings) == 1 and codec._inlinelimit <= 1 <= codec._blocklimit:
            self._write_one_posting(term, postings[0], lengths)
            return
        if max(codec._inlinelimit, 1) <= len(postings) <= codec._blocklimit:
            self._write_one_block(term, postings, lengths)
            return
        self._postings_out.flush()
        self._terms_out.flush()
        self.start_term(term)
        for _, _, docnum, weight, value in postings:
            self.add(docnum, weight, value or b"", lengths.of(docnum))
        self.finish_term()
        self._postings_out.resume()
        self._terms_out.resume()

    def _write_one_block(self, term: bytes, postings: list[Item], lengths: _FieldLengths) -> None:
        """What ``W3PostingsWriter`` writes for a list of one (last) block, and the term's
        entry ``W3FieldWriter.finish_term`` adds."""
        ids = [posting[2] for posting in postings]
        raw_weights = [posting[3] for posting in postings]
        weights = array("f", raw_weights)
        values = [posting[4] for posting in postings if posting[4]]
        max_weight = max((0, *raw_weights))
        min_length, max_length = lengths.extremes(ids)

        if weights.count(1.0) == len(weights):
            stored_weights: Any = None
        elif weights.count(weights[0]) == len(weights):
            stored_weights = weights[0]
        else:
            stored_weights = tuple(weights)
        fixed_size = lengths.value_size
        if fixed_size is None or fixed_size < 0:
            stored_values: Any = tuple(values)
        elif fixed_size == 0:
            stored_values = None
        else:
            stored_values = b"".join(values)
        data = dumps((tuple(delta_encode(ids)), stored_weights, stored_values), 2)
        entry = W3TermInfo._struct.pack(
            False,
            sum(weights),
            len(ids),
            0 if min_length is None else _length_byte(min_length),
            _length_byte(max_length),
            max(0, max_weight),
            ids[0],
            ids[-1],
        )
        self._add_block(
            term,
            data,
            entry,
            count=len(ids),
            last_id=ids[-1],
            max_weight=max_weight,
            min_byte=_length_byte(min_length),
            max_byte=_length_byte(max_length),
        )

    def _write_one_posting(self, term: bytes, posting: Item, lengths: _FieldLengths) -> None:
        """:meth:`_write_one_block` for a term in one document (most of a commit's terms),
        without the lists: the same bytes."""
        docnum, weight, value = posting[2], posting[3], posting[4]
        single = weight if weight == 1.0 else _FLOAT32.unpack(_FLOAT32.pack(weight))[0]
        max_weight = max(0, weight)
        length_byte = _length_byte(lengths.of(docnum))
        fixed_size = lengths.value_size
        if fixed_size is None or fixed_size < 0:
            stored_values: Any = (value,) if value else ()
        elif fixed_size == 0:
            stored_values = None
        else:
            stored_values = value or b""
        data = dumps(((docnum,), None if single == 1.0 else single, stored_values), 2)
        entry = W3TermInfo._struct.pack(
            False, single, 1, length_byte, length_byte, max_weight, docnum, docnum
        )
        self._add_block(
            term,
            data,
            entry,
            count=1,
            last_id=docnum,
            max_weight=max_weight,
            min_byte=length_byte,
            max_byte=length_byte,
        )

    def _add_block(
        self,
        term: bytes,
        data: bytes,
        entry: bytes,
        *,
        count: int,
        last_id: int,
        max_weight: float,
        min_byte: int | None,
        max_byte: int,
    ) -> None:
        """Write a term's block of postings, its ``data`` compressed as the codec asks under the
        header Whoosh gives a block (the count of postings, the last document, the greatest
        weight, the shortest and longest lengths as bytes), then the term's ``entry`` in the
        terms' table, which ends with where the block is."""
        compression = self._codec._compression
        if compression:
            data = zlib.compress(data, compression)
        info = _block_info(
            count=count,
            last_id=last_id,
            max_weight=max_weight,
            compression=compression,
            min_byte=min_byte,
            max_byte=max_byte,
        )
        contents = info + data
        block = WHOOSH3_HEADER_MAGIC + pack_int(-len(contents)) + contents
        offset = self._postings_out.add(block)
        self._add_entry(
            pack_ushort(self._fieldid) + term, entry + pack_long(offset) + pack_int(len(block))
        )

    def _add_entry(self, key: bytes, entry: bytes) -> None:
        """What ``OrderedHashWriter.add`` does with a term's entry (keys come in order)."""
        terms = self._tindex
        lengths = _KEY_AND_VALUE_LENGTHS.pack(len(key), len(entry))
        position = self._terms_out.add(lengths + key + entry)
        terms.index.append(position)
        hashed = self._hash(key)
        terms.buckets[hashed & 255].append((hashed, position))
        terms.lastkey = key


class _Appending:
    """What is written at the end of one of Whoosh's files, gathered and written in large
    pieces: where each piece lands is counted rather than asked of the file."""

    def __init__(self, file: Any) -> None:
        self._file = file
        self._pieces: list[bytes] = []
        self._gathered = 0
        self._end = int(file.tell())

    def add(self, piece: bytes) -> int:
        """Append ``piece``; where in the file it begins."""
        offset = self._end
        self._pieces.append(piece)
        self._end += len(piece)
        self._gathered += len(piece)
        if self._gathered > GATHER_BYTES:
            self.flush()
        return offset

    def flush(self) -> None:
        if self._pieces:
            self._file.write(b"".join(self._pieces))
            self._pieces.clear()
            self._gathered = 0

    def resume(self) -> None:
        """Go on after others wrote to the file (everything gathered is written by then)."""
        self._end = int(self._file.tell())


def _md5_hash(key: bytes) -> int:
    """Whoosh's ``md5_hash`` (the low 32 bits of the key's MD5), without a detour through
    hexadecimal digits."""
    return int.from_bytes(hashlib.md5(key, usedforsecurity=False).digest()[12:], "big")


class _FieldLengths:
    """A field's length in each document of the segment, read once per document (none at
    all for a field that keeps no lengths, such as a spelling field), and its format's
    value size."""

    def __init__(self, lengths: Any, fieldname: str, field_format: Any) -> None:
        kept = lengths is not None and lengths.has_column(_lenfield(fieldname))
        self._lengths = lengths if kept else None
        self._fieldname = fieldname
        self._known: dict[int, int] = {}
        self.value_size = field_format.fixed_value_size()
        """The size of each posting's value in the field's format (None: they vary)."""

    def of(self, docnum: int) -> int:
        if self._lengths is None:
            return 0
        length = self._known.get(docnum)
        if length is None:
            length = self._known[docnum] = (
                self._lengths.doc_field_length(docnum, self._fieldname) or 0
            )
        return length

    def extremes(self, docnums: list[int]) -> tuple[int | None, int]:
        """The shortest and longest non-zero lengths (None and 0 when there are none), as a
        block of postings records them."""
        if self._lengths is None:
            return None, 0
        found = [length for length in map(self.of, docnums) if length]
        return (min(found), max(found)) if found else (None, 0)
