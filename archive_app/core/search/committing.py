"""The writer of the index writer's commits: Whoosh's segment writer without two costs that an
import paid for every term of every commit and that bought it nothing.

- Postings are left uncompressed (:data:`COMMIT_COMPRESSION`): most terms of a commit have a
  posting or two, which compression does not shrink, and compressing them took a quarter of a
  commit's time. A segment is a tenth larger until a merge in idle time rewrites it compressed.
- Whoosh reads each posting's field length when it writes the posting, and for a field that
  keeps no lengths (the spelling fields, half of an import's terms) it asked the disk again,
  for every posting, whether the lengths' file exists: here it is asked once per field.
"""

from __future__ import annotations

from typing import Any

from whoosh.codec.whoosh3 import W3PerDocReader

from archive_app.core.search.term_writing import OneLoopCodec
from archive_app.core.search.writing import OnePassWriter

COMMIT_COMPRESSION = 0


class CommitWriter(OnePassWriter):
    """A writer for one commit of the index writer (texts analysed once: see
    :mod:`.search.writing`)."""

    def __init__(self, index: Any, *, timeout: float) -> None:
        super().__init__(index, timeout=timeout, codec=OneLoopCodec(compression=COMMIT_COMPRESSION))

    def per_document_reader(self) -> W3PerDocReader:
        """The new segment's lengths, read when its postings are written."""
        return _ColumnsKnownOnce(self.storage, self.get_segment())


class _ColumnsKnownOnce(W3PerDocReader):  # type: ignore[misc]
    """A segment's per-document reader that looks for each column's file once."""

    def __init__(self, storage: Any, segment: Any) -> None:
        super().__init__(storage, segment)
        self._columns: dict[str, bool] = {}

    def has_column(self, fieldname: str) -> bool:
        found = self._columns.get(fieldname)
        if found is None:
            found = self._columns[fieldname] = bool(super().has_column(fieldname))
        return found
