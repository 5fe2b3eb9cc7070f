"""How long work reports progress and learns that it should stop. The core knows no threads:
the window and the command line pass a callback and a cancel flag (a ``threading.Event`` will do).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from archive_app.core.import_report import FileOutcome


@dataclass(frozen=True)
class Progress:
    """``done`` of ``total`` steps; ``outcome`` is set when an import has just finished a file."""

    done: int
    total: int
    message: str = ""
    outcome: FileOutcome | None = None


ProgressCallback = Callable[[Progress], None]


class CancelToken(Protocol):
    def is_set(self) -> bool: ...


def report_progress(
    progress: ProgressCallback | None,
    done: int,
    total: int,
    message: str = "",
    outcome: FileOutcome | None = None,
) -> None:
    if progress is not None:
        progress(Progress(done, total, message, outcome))


def is_cancelled(cancel: CancelToken | None) -> bool:
    return cancel is not None and cancel.is_set()
