"""Sentences the core writes for a person, translatable by the window without the core knowing Qt.

A :class:`Message` is the English sentence itself (a ``str``, so the command line prints it and
every caller that compares or joins text goes on working) that also remembers its template and
arguments. The window looks the template up in the catalogue under the context ``"core"`` and
fills in the arguments again (``gui/core_text.py``); a template is marked for the catalogue with
:func:`QT_TRANSLATE_NOOP`, which ``pyside6-lupdate`` finds in the core's files as in the window's::

    raise InvalidInputError(
        Message(QT_TRANSLATE_NOOP("core", "There is no source with id {id}."), id=source_id)
    )

Whole numbers are written with thousands separators here (``1,234``) and in the locale's way in
the window. Templates avoid plural endings ("imported: {count}") so one template reads right
for any number in every language.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

CONTEXT = "core"
"""The catalogue context of every core message."""


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Mark ``text`` for the catalogue under ``context`` without translating it: the window
    translates it where it is shown, with ``QCoreApplication.translate(context, text)``."""
    return text


def fill(
    template: str, args: Mapping[str, object], number: Callable[[int], str] = "{:,}".format
) -> str:
    """``template`` with its ``{name}`` fields filled from ``args``; whole numbers written by
    ``number``. A template without arguments is returned as it is (it may hold braces)."""
    if not args:
        return template
    values = {
        name: number(value) if isinstance(value, int) and not isinstance(value, bool) else value
        for name, value in args.items()
    }
    return template.format(**values)


class Message(str):
    """An English sentence for a person that the window can translate: see the module."""

    template: str
    args: dict[str, object]

    def __new__(cls, template: str, **args: object) -> Message:
        message = super().__new__(cls, fill(template, args))
        message.template = template
        message.args = args
        return message

    def __reduce__(self) -> tuple[Any, ...]:
        """Pickled as its template and arguments (a worker process sends failures back)."""
        return (_rebuilt, (self.template, self.args))


def sentences(*parts: Message) -> Message:
    """Sentences said one after another, each translated on its own."""
    names = {f"part{number}": part for number, part in enumerate(parts)}
    return Message(" ".join(f"{{{name}}}" for name in names), **names)


def _rebuilt(template: str, args: dict[str, object]) -> Message:
    return Message(template, **args)
