"""Which character ranges of a text match a search query, so the reader can highlight them.

The words of the text go through the same analysis as the index (:mod:`.analysis`:
lower-cased, accent-folded, stemmed in the source's language, with a cross-script term beside
each word), and each query word is read as every form search gives it in that language, so what
is highlighted agrees with what search found: a search for ``xankendi`` highlights ``Xankəndi``,
``refugees`` highlights ``refugee``, and in a Russian source ``Степанакерт`` highlights
``Степанакерте`` and ``Stepanakert`` highlights it too. The query
is not read again here: the highlighter walks the tree that search parses
(:func:`.syntax.parse`), so both read every query alike:

- words and ``"phrases"`` are highlighted wherever they occur, ``OR`` or not;
- ``NOT word``, ``-word`` and everything inside ``NOT ( … )`` is not highlighted;
- ``field:word`` applies only to that field (``title:``, ``body:``, ``caption:``, ``note:``);
  metadata fields (``tag:``, ``author:``, ``published:`` …) highlight nothing;
- ``Stepan*`` and ``Xank?ndi`` match words by their folded form; ``word~`` matches words one
  edit away (``word~2``: two);
- place-name aliases: given a lookup, ``Stepanakert`` also highlights ``Khankendi`` and
  ``Xankəndi``, and each such match says which query word it stands for.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from whoosh.analysis import RegexTokenizer

from archive_app.core.search.analysis import (
    WordShapeFilter,
    analyze,
    fold,
    query_forms,
    word_pattern,
)
from archive_app.core.search.languages import index_forms, primary_language
from archive_app.core.search.syntax import And, Field, Node, Not, Or, Phrase, Word, parse

AliasLookup = Callable[[str], Sequence[str]]
"""Given a name, the other names of its alias group (empty when it has none)."""

TEXT_FIELDS = frozenset({"title", "body", "caption", "note"})
"""Fields whose words can be highlighted in a source's text."""

MAX_NAME_WORDS = 4
"""The longest alias name looked for among neighbouring query words."""
_BOOST = re.compile(r"\^[\d.]*$")
_FUZZY = re.compile(r"^(?P<word>.+?)~(?P<distance>\d*)$")


@dataclass(frozen=True)
class SearchTerm:
    """One thing to look for in a text: a word, a phrase, a wildcard pattern or a fuzzy word.

    ``stems`` are the analysed terms (more than one: a phrase, matched as adjacent words; for
    a fuzzy word, its stem and its folded form, either of which may be ``max_distance`` away).
    ``forms``: for each of those words, every term it is searched as in the source's language
    (a text word matches when its own term or its cross-script term is among them).
    ``field`` limits the term to one field (None: every text field). ``alias_of`` names the
    query word an alias stands in for.
    """

    text: str
    stems: tuple[str, ...] = ()
    field: str | None = None
    forms: tuple[frozenset[str], ...] = ()
    pattern: re.Pattern[str] | None = None
    max_distance: int = 0
    alias_of: str | None = None

    def applies_to(self, field_name: str) -> bool:
        return self.field is None or self.field == field_name


@dataclass(frozen=True)
class Match:
    """``text[start:end]`` matched ``term`` (the query word; an alias match names both)."""

    start: int
    end: int
    term: str
    alias_of: str | None = None


@dataclass(frozen=True)
class _Words:
    """The words of a text, column by column: where each starts and ends, its folded form, its
    stem, whether it is a stop word. A long text has hundreds of thousands of words: one object
    each would cost memory and keep the garbage collector, which stops every thread while it
    counts, busy (tuples of strings and numbers it stops counting after one look)."""

    starts: tuple[int, ...]
    ends: tuple[int, ...]
    folded: tuple[str, ...]
    stems: tuple[str, ...]
    crosses: tuple[str, ...]
    """Each word's cross-script term ('' when it has none)."""
    stopped: tuple[bool, ...]


@dataclass(frozen=True)
class QueryTerms:
    """A query read for highlighting in a source of ``language``; :meth:`find` gives the
    matches in one of its texts."""

    terms: tuple[SearchTerm, ...] = field(default_factory=tuple)
    language: str = ""

    def __bool__(self) -> bool:
        return bool(self.terms)

    def find(self, text: str, field_name: str = "body") -> list[Match]:
        """The non-overlapping matches in ``text``, in order, for terms that apply to
        ``field_name``."""
        terms = [term for term in self.terms if term.applies_to(field_name)]
        if not terms or not text:
            return []
        words = _words(text, self.language)
        found: list[Match] = []
        for term in terms:
            found.extend(_matches_of(term, words))
        return _without_overlaps(found)


def compile_query(query: str, aliases: AliasLookup | None = None, language: str = "") -> QueryTerms:
    """Read ``query`` for highlighting in a source of ``language`` (an ISO 639 code; '' for
    unknown). Never raises: what cannot be read is left out."""
    items = _positive_items(query)
    terms: list[SearchTerm] = []
    for item in items:
        term = _term(item.text, item.kind, item.field, language)
        if term is None:
            continue
        terms.append(term)
        if aliases is not None and item.kind == "phrase":
            terms.extend(_alias_terms(item.text, item.field, aliases, language))
    if aliases is not None:
        for run in _word_runs(items):
            terms.extend(_run_alias_terms(run, aliases, language))
    return QueryTerms(tuple(terms), primary_language(language))


def find_matches(
    text: str,
    query: str,
    field_name: str = "body",
    aliases: AliasLookup | None = None,
    language: str = "",
) -> list[Match]:
    """The matches of ``query`` in ``text``: :func:`compile_query` then :meth:`QueryTerms.find`."""
    return compile_query(query, aliases, language).find(text, field_name)


def aliases_matched(matches: Iterable[Match], text: str) -> dict[str, list[str]]:
    """For each query word that matched through an alias, the names found in ``text``."""
    found: dict[str, list[str]] = {}
    for match in matches:
        if match.alias_of is None:
            continue
        names = found.setdefault(match.alias_of, [])
        name = text[match.start : match.end]
        if name not in names:
            names.append(name)
    return found


# Reading the query


@dataclass(frozen=True)
class _Item:
    """A word or a phrase of the query that is not negated. Words with the same ``run`` stood
    next to each other, with nothing between them (so ``Lachin corridor`` can be a name)."""

    text: str
    kind: str
    field: str | None
    run: int


def _positive_items(query: str) -> list[_Item]:
    """The words and phrases of ``query`` that are not negated, read from the tree search
    parses. A field before a group applies to everything inside it."""
    items: list[_Item] = []
    _collect(parse(query), None, items, _Runs())
    return items


class _Runs:
    """Numbers the runs of neighbouring words: a new one wherever something stands between
    two words (an operator, a phrase, a negation, another field)."""

    def __init__(self) -> None:
        self.current = 0

    def next(self) -> int:
        self.current += 1
        return self.current


def _collect(node: Node | None, field_name: str | None, items: list[_Item], runs: _Runs) -> None:
    if isinstance(node, Word):
        items.append(_Item(node.text, "word", field_name, runs.current))
    elif isinstance(node, Phrase):
        items.append(_Item(node.text, "phrase", field_name, runs.next()))
        runs.next()
    elif isinstance(node, Field):
        runs.next()
        _collect(node.value, node.name, items, runs)
        runs.next()
    elif isinstance(node, Not):
        runs.next()
    elif isinstance(node, And):
        for child in node.children:
            _collect(child, field_name, items, runs)
    elif isinstance(node, Or):
        for child in node.children:
            runs.next()
            _collect(child, field_name, items, runs)
        runs.next()


def _term(text: str, kind: str, field_name: str | None, language: str) -> SearchTerm | None:
    if field_name is not None and field_name not in TEXT_FIELDS:
        return None
    if kind == "phrase":
        return _words_term(text, field_name, language)
    word = _BOOST.sub("", text.lstrip("+"))
    fuzzy = _FUZZY.match(word)
    if fuzzy is not None:
        stems = tuple(analyze(fuzzy.group("word")))
        distance = int(fuzzy.group("distance") or 1)
        if len(stems) != 1:
            return None
        folded = fold(fuzzy.group("word").lower())
        return SearchTerm(word, (*stems, folded), field_name, max_distance=distance)
    if "*" in word or "?" in word:
        return _wildcard_term(word, field_name)
    return _words_term(word, field_name, language)


def _words_term(
    text: str, field_name: str | None, language: str, alias_of: str | None = None
) -> SearchTerm | None:
    """A word, or words that must stand together, with the forms search gives each."""
    forms = tuple(query_forms(text, (primary_language(language),)))
    if not forms:
        return None
    return SearchTerm(text, tuple(analyze(text)), field_name, forms=forms, alias_of=alias_of)


def _wildcard_term(word: str, field_name: str | None) -> SearchTerm | None:
    folded = fold(word.lower())
    if not re.sub(r"[*?]", "", folded):
        return None  # a bare "*" would highlight every word
    regex = "".join(
        ".*" if char == "*" else "." if char == "?" else re.escape(char) for char in folded
    )
    return SearchTerm(word, (), field_name, pattern=re.compile(regex))


def _word_runs(items: list[_Item]) -> list[list[_Item]]:
    """The query's words grouped by the runs they stood in."""
    runs: dict[int, list[_Item]] = {}
    for item in items:
        if item.kind == "word":
            runs.setdefault(item.run, []).append(item)
    return list(runs.values())


def _run_alias_terms(run: list[_Item], aliases: AliasLookup, language: str) -> list[SearchTerm]:
    """Alias terms for names made of one or more neighbouring words of a run, the longest
    name first (``Lachin corridor`` before ``Lachin``)."""
    terms: list[SearchTerm] = []
    start = 0
    while start < len(run):
        for length in range(min(MAX_NAME_WORDS, len(run) - start), 0, -1):
            name = " ".join(item.text for item in run[start : start + length])
            found = _alias_terms(name, run[start].field, aliases, language)
            if found or length == 1:
                terms.extend(found)
                start += length
                break
    return terms


def _alias_terms(
    text: str, field_name: str | None, aliases: AliasLookup, language: str
) -> list[SearchTerm]:
    own = set(analyze(text))
    terms = []
    for name in aliases(text):
        term = _words_term(name, field_name, language, alias_of=text)
        if term is not None and term.stems and set(term.stems) != own:
            terms.append(term)
    return terms


# Finding the terms in a text


@lru_cache(maxsize=8)
def _words(text: str, language: str) -> _Words:
    """The words of ``text`` as the index sees them in a source of ``language``, with where
    each stands. The last few texts are remembered: finding as one types goes over the same
    body again and again."""
    starts: list[int] = []
    ends: list[int] = []
    folded: list[str] = []
    stems: list[str] = []
    crosses: list[str] = []
    stopped: list[bool] = []
    for token in _shaper()(text, chars=True, removestops=False):
        primary, cross = ("", "") if token.stopped else index_forms(token.text, language)
        starts.append(token.startchar)
        ends.append(token.endchar)
        folded.append(fold(text[token.startchar : token.endchar].lower()))
        stems.append(fold(primary))
        crosses.append(cross)
        stopped.append(bool(token.stopped))
    return _Words(
        tuple(starts), tuple(ends), tuple(folded), tuple(stems), tuple(crosses), tuple(stopped)
    )


@lru_cache(maxsize=1)
def _shaper() -> Any:
    """Words as the index's analyzer shapes them, before the language's forms."""
    return RegexTokenizer(word_pattern()) | WordShapeFilter()


def _matches_of(term: SearchTerm, words: _Words) -> list[Match]:
    label = term.alias_of or term.text
    alias_of = term.alias_of
    if len(term.forms) > 1:
        return [
            Match(start, end, label, alias_of) for start, end in _phrase_spans(term.forms, words)
        ]
    return [
        Match(words.starts[index], words.ends[index], label, alias_of)
        for index, (folded, stem, cross, stopped) in enumerate(
            zip(words.folded, words.stems, words.crosses, words.stopped, strict=True)
        )
        if not stopped and _word_matches(term, folded, stem, cross)
    ]


def _word_matches(term: SearchTerm, folded: str, stem: str, cross: str) -> bool:
    if term.pattern is not None:
        return bool(term.pattern.fullmatch(folded) or term.pattern.fullmatch(stem))
    if term.max_distance:
        wanted_stem, wanted_folded = term.stems
        return _near(stem, wanted_stem, term.max_distance) or _near(
            folded, wanted_folded, term.max_distance
        )
    return _is_form(stem, cross, term.forms[0])


def _is_form(stem: str, cross: str, forms: frozenset[str]) -> bool:
    """Whether a text word, by its term or its cross-script term, is one of ``forms``."""
    return stem in forms or (bool(cross) and cross in forms)


def _near(word: str, wanted: str, limit: int) -> bool:
    """Within ``limit`` edits, first letter equal (as Whoosh's fuzzy terms require)."""
    return word[:1] == wanted[:1] and _within_distance(word, wanted, limit)


def _phrase_spans(forms: tuple[frozenset[str], ...], words: _Words) -> list[tuple[int, int]]:
    """Where words of the given forms stand next to each other (stop words between them do
    not count, as in the index, whose positions skip them)."""
    content = [index for index, stopped in enumerate(words.stopped) if not stopped]
    size = len(forms)
    return [
        (words.starts[content[index]], words.ends[content[index + size - 1]])
        for index in range(len(content) - size + 1)
        if all(
            _is_form(
                words.stems[content[index + offset]],
                words.crosses[content[index + offset]],
                forms[offset],
            )
            for offset in range(size)
        )
    ]


def _within_distance(first: str, second: str, limit: int) -> bool:
    """Whether the Levenshtein distance between two words is at most ``limit``."""
    if abs(len(first) - len(second)) > limit:
        return False
    previous = list(range(len(second) + 1))
    for row, first_char in enumerate(first, start=1):
        current = [row]
        for column, second_char in enumerate(second, start=1):
            current.append(
                min(
                    previous[column] + 1,
                    current[column - 1] + 1,
                    previous[column - 1] + (first_char != second_char),
                )
            )
        if min(current) > limit:
            return False
        previous = current
    return previous[-1] <= limit


def _without_overlaps(matches: list[Match]) -> list[Match]:
    """Sorted by start; where two overlap, the earlier (and then the longer) one stays."""
    kept: list[Match] = []
    for match in sorted(matches, key=lambda m: (m.start, -(m.end - m.start))):
        if kept and match.start < kept[-1].end:
            continue
        kept.append(match)
    return kept
