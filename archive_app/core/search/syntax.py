"""Reading the query language into a tree, forgivingly: any text gives a tree, never an error.

The language (see :mod:`archive_app.core.search.help`): words, ``"phrases"``, ``OR``, ``AND``,
``NOT`` (``ANDNOT`` too) and ``-word``, parentheses, ``field:value`` with a word, a phrase or a
parenthesised group as the value. ``OR`` binds tighter than the implicit ``AND``
(``Khankendi OR Stepanakert blockade`` wants the blockade and either name), as in web search
engines.

What does not fit is read as words: an unclosed quote runs to the end, an unclosed parenthesis
closes at the end, a stray ``)`` or an operator with nothing to work on is passed over, a field
name with no value (``title:``) or that the archive does not know (``foo:bar``) is a word.
Nesting deeper than :data:`MAX_DEPTH` is flattened, so no query can exhaust the stack. Each
such repair is noted in plain words (:func:`read`), so that the person sees how the query was
understood.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from types import UnionType
from typing import Literal

from archive_app.core.messages import QT_TRANSLATE_NOOP, Message

MAX_DEPTH = 12
FIELD_NAMES = frozenset(
    {
        "title",
        "author",
        "caption",
        "body",
        "note",
        "site",
        "tag",
        "event",
        "perspective",
        "kind",
        "status",
        "reliability",
        "credibility",
        "sensitive",
        "place",
        "lang",
        "published",
        "year",
    }
)

TokenKind = Literal["word", "phrase", "field", "open", "close", "or", "and", "not", "minus"]
_OPERATORS: dict[str, TokenKind] = {"OR": "or", "AND": "and", "NOT": "not", "ANDNOT": "not"}
_TOKEN = re.compile(
    r"""
    (?P<space>\s+)
    | (?P<open>\()
    | (?P<close>\))
    | "(?P<phrase>[^"]*)"?
    | (?P<field>[A-Za-z]+):(?=[^\s)])
    | (?P<minus>-)(?=[^\s)])
    | (?P<plus>\+)
    | (?P<word>[^\s()"]+)
    """,
    re.VERBOSE,
)


@dataclass(frozen=True)
class Token:
    kind: TokenKind
    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Word:
    """A word as typed, perhaps with ``*``/``?`` (wildcard) or ``~``/``~2`` (fuzzy).
    ``start``/``end``: where it is in the query text."""

    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Phrase:
    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Field:
    """``name:value``; ``start``/``end`` cover the whole of it in the query text."""

    name: str
    value: Node
    start: int
    end: int


@dataclass(frozen=True)
class Not:
    child: Node


@dataclass(frozen=True)
class And:
    children: tuple[Node, ...]


@dataclass(frozen=True)
class Or:
    children: tuple[Node, ...]


Node = Word | Phrase | Field | Not | And | Or


@dataclass(frozen=True)
class Reading:
    """A query as it was read: its tree, and what was read otherwise than typed, in words."""

    tree: Node | None
    notes: tuple[str, ...] = ()


def parse(text: str) -> Node | None:
    """The tree of ``text``; None when it holds nothing to search for."""
    return read(text).tree


def read(text: str) -> Reading:
    """The tree of ``text`` with a note for each part read otherwise than typed."""
    notes: list[str] = []
    tree = _Parser(_balanced(tokenize(text, notes), notes), notes).parse()
    return Reading(tree, tuple(dict.fromkeys(notes)))


def written(node: Node) -> str:
    """A tree written back in the query language, as it will be searched: parentheses where
    the reading needs them, every quote closed."""
    if isinstance(node, Word):
        return node.text
    if isinstance(node, Phrase):
        return f'"{node.text}"'
    if isinstance(node, Field):
        return f"{node.name}:{_grouped(node.value, And | Or)}"
    if isinstance(node, Not):
        return f"-{_grouped(node.child, And | Or)}"
    if isinstance(node, Or):
        return " OR ".join(_grouped(child, And) for child in node.children)
    return " ".join(written(child) for child in node.children)


def _grouped(node: Node, needs_parentheses: type | UnionType) -> str:
    text = written(node)
    return f"({text})" if isinstance(node, needs_parentheses) else text


def tokenize(text: str, notes: list[str] | None = None) -> list[Token]:
    """The tokens of ``text``; what is read otherwise than typed is said in ``notes``."""
    said = notes if notes is not None else []
    tokens = []
    for match in _TOKEN.finditer(text):
        kind = match.lastgroup
        start, end = match.span()
        if kind == "phrase":
            tokens.append(Token("phrase", match.group("phrase"), start, end))
            if not match.group(0).endswith('"') or end - start == 1:
                said.append(
                    Message(
                        QT_TRANSLATE_NOOP(
                            "core",
                            "A quote was not closed: the phrase runs to the end of the query.",
                        )
                    )
                )
        elif kind == "word" and match.group(0).endswith(":") and _is_field(match.group(0)[:-1]):
            said.append(
                Message(
                    QT_TRANSLATE_NOOP(
                        "core", "“{field}” has nothing after it, so it is searched as a word."
                    ),
                    field=match.group(0),
                )
            )
            tokens.append(Token("word", match.group(0), start, end))
        elif kind == "field" and match.group("field").lower() in FIELD_NAMES:
            tokens.append(Token("field", match.group("field").lower(), start, end))
        elif kind in ("open", "close", "minus"):
            tokens.append(Token(kind, match.group(0), start, end))  # type: ignore[arg-type]
        elif kind in ("word", "field"):
            word = match.group(0)
            tokens.append(Token(_OPERATORS.get(word, "word"), word, start, end))
    return _merge_unknown_fields(tokens, said)


def _is_field(name: str) -> bool:
    return name.lower() in FIELD_NAMES


def _merge_unknown_fields(tokens: list[Token], notes: list[str]) -> list[Token]:
    """``foo:`` the regex took as a word prefix is joined to the word after it (``foo:bar``)."""
    merged: list[Token] = []
    for token in tokens:
        previous = merged[-1] if merged else None
        if (
            previous is not None
            and previous.kind == "word"
            and previous.text.endswith(":")
            and token.kind == "word"
            and previous.end == token.start
        ):
            merged[-1] = Token("word", previous.text + token.text, previous.start, token.end)
            notes.append(
                Message(
                    QT_TRANSLATE_NOOP(
                        "core", "“{field}” is not a field, so “{words}” is searched as words."
                    ),
                    field=previous.text,
                    words=merged[-1].text,
                )
            )
        else:
            merged.append(token)
    return merged


def _balanced(tokens: list[Token], notes: list[str]) -> list[Token]:
    """The tokens without stray closing parentheses and without nesting past MAX_DEPTH."""
    kept: list[Token] = []
    depth = 0
    dropped: list[bool] = []
    for token in tokens:
        if token.kind == "open":
            dropped.append(depth >= MAX_DEPTH)
            if dropped[-1]:
                continue
            depth += 1
        elif token.kind == "close":
            if not dropped:
                notes.append(
                    Message(QT_TRANSLATE_NOOP("core", "A “)” without its “(” was left out."))
                )
                continue
            if dropped.pop():
                continue
            depth -= 1
        kept.append(token)
    if depth:
        notes.append(
            Message(
                QT_TRANSLATE_NOOP(
                    "core", "A “(” was not closed: it is closed at the end of the query."
                )
            )
        )
    return kept


class _Parser:
    def __init__(self, tokens: list[Token], notes: list[str]) -> None:
        self.tokens = tokens
        self.position = 0
        self.notes = notes

    def parse(self) -> Node | None:
        return self._sequence()

    def _peek(self, ahead: int = 0) -> Token | None:
        index = self.position + ahead
        return self.tokens[index] if index < len(self.tokens) else None

    def _starts_operand(self, ahead: int) -> bool:
        token = self._peek(ahead)
        return token is not None and token.kind not in ("close", "or", "and")

    def _sequence(self) -> Node | None:
        """Items that must all match, up to the end or the ``)`` closing this group."""
        items: list[Node] = []
        while (token := self._peek()) is not None:
            if token.kind == "close":
                break
            if token.kind in ("and", "or"):
                self.notes.append(
                    Message(
                        QT_TRANSLATE_NOOP(
                            "core", "“{word}” has nothing before it to join: left out."
                        ),
                        word=token.text,
                    )
                )
                self.position += 1
                continue
            item = self._either()
            if item is not None:
                items.append(item)
        return _combined(And, items)

    def _either(self) -> Node | None:
        """``a OR b OR c``."""
        options = [self._unary()]
        while (token := self._peek()) is not None and token.kind == "or":
            if not self._starts_operand(1):
                self.notes.append(
                    Message(
                        QT_TRANSLATE_NOOP(
                            "core", "“{word}” has nothing after it to join: left out."
                        ),
                        word=token.text,
                    )
                )
                self.position += 1
                break
            self.position += 1
            options.append(self._unary())
        return _combined(Or, [option for option in options if option is not None])

    def _unary(self) -> Node | None:
        negations = 0
        while (token := self._peek()) is not None and token.kind in ("not", "minus"):
            self.position += 1
            negations += 1
        if not self._starts_operand(0):
            if negations:
                self.notes.append(
                    Message(
                        QT_TRANSLATE_NOOP(
                            "core", "“NOT” or “-” has nothing after it, so it is left out."
                        )
                    )
                )
            return None
        node = self._atom()
        if node is None or negations % 2 == 0:
            return node
        return Not(node)

    def _atom(self) -> Node | None:
        token = self.tokens[self.position]
        self.position += 1
        if token.kind == "open":
            inner = self._sequence()
            if (closing := self._peek()) is not None and closing.kind == "close":
                self.position += 1
            return inner
        if token.kind == "phrase":
            return Phrase(token.text, token.start, token.end)
        if token.kind == "field":
            return self._field(token)
        return Word(token.text, token.start, token.end)

    def _field(self, name: Token) -> Node:
        value_token = self._peek()
        if value_token is None or value_token.kind not in ("word", "phrase", "open"):
            return Word(name.text + ":", name.start, name.end)
        start = self.position
        value = self._atom()
        end = self.tokens[self.position - 1].end if self.position > start else name.end
        if value is None:
            return Word(name.text + ":", name.start, name.end)
        return Field(name.text, value, name.start, end)


def _combined(kind: type[And] | type[Or], items: list[Node]) -> Node | None:
    if not items:
        return None
    if len(items) == 1:
        return items[0]
    return kind(tuple(items))
