"""How an exception is put to the person: the one boundary between errors and the window.

Errors a person can act on (:class:`ArchiveError`) show their plain message. Anything else is a
bug: it is logged with its traceback and shown as an internal error, with the traceback folded
away under "details".
"""

from __future__ import annotations

import logging
import traceback
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

from archive_app.core.errors import ArchiveError
from archive_app.gui.core_text import translated

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ErrorReport:
    message: str
    details: str
    is_bug: bool


def describe_error(error: BaseException) -> ErrorReport:
    if isinstance(error, ArchiveError):
        return ErrorReport(translated(error.message), error.detail, is_bug=False)
    details = "".join(traceback.format_exception(error))
    log.error("internal error:\n%s", details)
    return ErrorReport(
        QCoreApplication.translate(
            "errors",
            "Something went wrong inside the program (a bug): {name}: {error}. Your archive is "
            "safe; the details are in the log.",
        ).format(name=type(error).__name__, error=error),
        details,
        is_bug=True,
    )
