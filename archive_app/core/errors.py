"""The one hierarchy of errors a person can act on.

Anything that derives from :class:`ArchiveError` carries a plain message that the window shows in
its error dialog and the command line prints to stderr. Any other exception is a bug: it is logged
with its traceback and shown as such.
"""

from __future__ import annotations


class ArchiveError(Exception):
    """An error with a message meant for the person using the program."""

    def __init__(self, message: str, *, detail: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.detail = detail

    def __str__(self) -> str:
        return self.message


class ArchiveLockedError(ArchiveError):
    """Another process has the archive open."""


class ReadOnlyError(ArchiveError):
    """A write through an archive opened only for reading (beside the window that holds it)."""


class NoArchiveError(ArchiveError):
    """The folder given holds no archive, and the command only makes use of one."""


class ArchiveDamagedError(ArchiveError):
    """The archive folder exists but its database cannot be read."""


class ArchiveVersionError(ArchiveError):
    """The archive was written by a newer version of the program."""


class NotFoundError(ArchiveError):
    """A source, event, perspective, tag, annotation or saved search that does not exist."""


class InvalidInputError(ArchiveError):
    """A value given by the user that cannot be accepted (a bad date, a quote not in the text)."""


class DiskFullError(ArchiveError):
    """The disk holding the archive has no room left."""


class CancelledError(ArchiveError):
    """The person cancelled long work before it finished; nothing was half-done."""


class ImportFailure(ArchiveError):
    """One file could not be imported; the rest of an import goes on."""


class UnsupportedFormatError(ImportFailure):
    """The file's content is of a kind the archive does not read."""


class ExtractionError(ImportFailure):
    """The file is of a known kind but is damaged, encrypted, too large or hostile."""


class OcrUnavailableError(ArchiveError):
    """Text cannot be read from pictures: Tesseract or one of its language packs is missing."""


class CaptureError(ArchiveError):
    """A web page could not be captured: a refused address, a network or server failure."""
