"""The core's sentences in the window's language: a :class:`~archive_app.core.messages.Message`
is looked up in the catalogue by its template (context ``"core"``) and its arguments filled in
again, numbers in the locale's way; arguments that are messages themselves are translated too.
Plain text (a title, a path, an English sentence nobody marked) is shown as it is."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale

from archive_app.core.messages import CONTEXT, Message, fill


def stored_text(text: str) -> str:
    """A sentence the archive stored as English (an importer's note on a source) in the
    window's language, when it is one of the core's fixed sentences."""
    return QCoreApplication.translate(CONTEXT, text)


def translated(text: str) -> str:
    """``text`` in the window's language, when it is a core message."""
    if not isinstance(text, Message):
        return text
    args = {
        name: translated(value) if isinstance(value, str) else value
        for name, value in text.args.items()
    }
    return fill(QCoreApplication.translate(CONTEXT, text.template), args, QLocale().toString)
