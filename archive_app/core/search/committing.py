"""The writer of the index writer's commits: Whoosh's segment writer, writing a document's texts
with one analysis (:mod:`.writing`) and a commit's terms in one loop (:mod:`.term_writing`), and
leaving their postings uncompressed (:data:`COMMIT_COMPRESSION`): most terms of a commit have a
posting or two, which compression does not shrink, and compressing them took a quarter of a
commit's time. A segment is a tenth larger until a merge in idle time rewrites it compressed.

(Whoosh also asked the disk, for every posting of a field that keeps no lengths, such as the
spelling fields, whether the lengths' file exists: :mod:`.term_writing` asks once per field.)
"""

from __future__ import annotations

from typing import Any

from archive_app.core.search.ahead import AnalysedAhead
from archive_app.core.search.term_writing import OneLoopCodec
from archive_app.core.search.writing import OnePassWriter

COMMIT_COMPRESSION = 0


class CommitWriter(OnePassWriter):
    """A writer for one commit of the index writer, taking the bodies workers analysed from
    ``analysed_ahead``."""

    def __init__(
        self, index: Any, *, timeout: float, analysed_ahead: AnalysedAhead | None = None
    ) -> None:
        super().__init__(
            index,
            timeout=timeout,
            codec=OneLoopCodec(compression=COMMIT_COMPRESSION),
            analysed_ahead=analysed_ahead,
        )
