"""How a query was understood, when it was read otherwise than typed: the query written back
as it is searched, and a note in plain words for each repair (a quote not closed, ``title:``
with nothing after it, ``published:2019-13``, which is no date). Search never fails on a query;
this is how it says what it did instead."""

from __future__ import annotations

from dataclasses import dataclass

from archive_app.core.messages import QT_TRANSLATE_NOOP, Message
from archive_app.core.search.compile import DATE_FIELDS, date_bounds
from archive_app.core.search.syntax import And, Field, Node, Not, Or, Phrase, Word, read, written


@dataclass(frozen=True)
class QueryReading:
    tree: Node | None
    understood: str = ""
    """The query as searched, written in the query language ('' when read as typed)."""
    notes: tuple[str, ...] = ()
    """What was read otherwise than typed, and how."""


def read_query(text: str) -> QueryReading:
    reading = read(text)
    notes = [*reading.notes, *_date_notes(reading.tree)]
    if not notes:
        return QueryReading(reading.tree)
    understood = written(reading.tree) if reading.tree is not None else ""
    return QueryReading(reading.tree, understood, tuple(dict.fromkeys(notes)))


def _date_notes(node: Node | None) -> list[str]:
    if isinstance(node, Field):
        value = node.value
        if node.name in DATE_FIELDS and isinstance(value, Word | Phrase):
            if date_bounds(value.text) is None:
                return [
                    Message(
                        QT_TRANSLATE_NOOP(
                            "core",
                            "“{value}” is not a date, so “{field}:{value}” is searched as words. "
                            "Dates are a year (2019), a month (2019-11), a day (2019-11-19) or a "
                            "range (2019-09..2019-11).",
                        ),
                        value=value.text,
                        field=node.name,
                    )
                ]
            return []
        return _date_notes(value)
    if isinstance(node, Not):
        return _date_notes(node.child)
    if isinstance(node, And | Or):
        return [note for child in node.children for note in _date_notes(child)]
    return []
