"""Finding the files of an import (folders walked, a saved page's own folder left to its page)
and saying plainly why a file cannot be read."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path

from archive_app.core.messages import QT_TRANSLATE_NOOP, Message
from archive_app.importers.document import ExtractedDocument, SourceKind
from archive_app.importers.sniff import (
    HTML_SUFFIXES,
    IMAGE_SUFFIXES,
    MARKDOWN_SUFFIXES,
    MHTML_SUFFIXES,
    READABLE_FORMATS,
    TEXT_SUFFIXES,
    WEB_ARCHIVE_SUFFIXES,
)


def collect_files(
    paths: list[Path], archive_folder: Path, fail: Callable[[str, str], None]
) -> Iterator[Path]:
    """Files under ``paths`` in a stable order. A folder saved with a web page is left to its
    page, and the archive's own folder is never walked (importing a folder that holds it)."""
    for path in paths:
        if path.is_dir():
            yield from _walk(path, archive_folder, fail)
        elif path.is_file():
            yield path
        elif path.exists():
            fail(str(path), "This is not a regular file.")
        else:
            fail(str(path), "There is no file or folder at this path.")


def _walk(folder: Path, archive_folder: Path, fail: Callable[[str, str], None]) -> Iterator[Path]:
    def on_error(error: OSError) -> None:
        fail(str(error.filename or folder), os_reason(error))

    if folder.resolve() == archive_folder:
        return
    for root, dirs, files in os.walk(folder, onerror=on_error):
        page_stems = {
            Path(name).stem for name in files if Path(name).suffix.lower() in HTML_SUFFIXES
        }
        dirs[:] = sorted(
            d
            for d in dirs
            if not d.startswith(".")
            and not _is_saved_page_folder(d, page_stems)
            and (Path(root) / d).resolve() != archive_folder
        )
        for name in sorted(files):
            if not name.startswith("."):
                yield Path(root) / name


def _is_saved_page_folder(name: str, page_stems: set[str]) -> bool:
    for marker in ("_files", "-Dateien", "_archivos", "_fichiers", "-filer"):
        if name.endswith(marker) and name[: -len(marker)] in page_stems:
            return True
    return False


def unsupported_reason(path: Path) -> Message:
    suffix = path.suffix.lower()
    named = HTML_SUFFIXES | TEXT_SUFFIXES | MARKDOWN_SUFFIXES | IMAGE_SUFFIXES | MHTML_SUFFIXES
    if suffix in named | WEB_ARCHIVE_SUFFIXES | {".pdf"}:
        return Message(
            QT_TRANSLATE_NOOP(
                "core",
                "The file is named {suffix} but its content is not what that name says; "
                "the archive reads {formats}.",
            ),
            suffix=suffix,
            formats=READABLE_FORMATS,
        )
    if suffix:
        return Message(
            QT_TRANSLATE_NOOP(
                "core", "The archive does not read '{suffix}' files. It reads {formats}."
            ),
            suffix=suffix,
            formats=READABLE_FORMATS,
        )
    return Message(
        QT_TRANSLATE_NOOP(
            "core", "The archive does not read files of this kind. It reads {formats}."
        ),
        formats=READABLE_FORMATS,
    )


def os_reason(error: OSError) -> Message:
    if isinstance(error, PermissionError):
        return Message(QT_TRANSLATE_NOOP("core", "The file cannot be read: permission denied."))
    return Message(
        QT_TRANSLATE_NOOP("core", "The file cannot be read: {reason}."),
        reason=error.strerror or str(error),
    )


def too_large(kind: SourceKind, path: Path, size: int) -> ExtractedDocument:
    """A file too large to read is still kept, with its name as title and a note why."""
    return ExtractedDocument(
        kind=kind,
        title=path.stem.replace("_", " "),
        notes=[
            f"The file is {size / (1 << 30):.1f} GB, too large to read its contents; "
            "the original is kept but its text is not searchable."
        ],
    )
