"""Turning a query tree (:mod:`.syntax`) into a Whoosh query, expanding it on the way.

- Words and phrases are analysed as the index was (folded, stemmed), in every language the
  archive's sources are in, and transliterated (:func:`.analysis.query_forms`): each word
  matches any of its forms. A word with no index terms (a stop word) asks for nothing and is
  left out.
- Aliases: a run of words, a phrase or part of one that is a name of an alias group also finds
  the group's other names (``Stepanakert`` → ``Stepanakert OR Khankendi OR "Xankəndi"``), in
  whichever fields the words are searched.
- Place names: a run of words that is no alias but a name in the gazetteer finds the place's
  other names the same way (see :mod:`.gazetteer` for when it does not).
- Wildcards and fuzzy words are expanded against the archive's own unstemmed words (the
  spelling fields), and each word found is searched by its stem, so ``evacuat*`` finds
  "evacuated" although the index holds the stem "evacu".
- ``tag:``, ``event:`` and ``perspective:`` names become ids (see :mod:`.labels`) and
  match the label on the source or on any of its annotations.
- A value that cannot be read (``published:2023-13``) is searched as the words it is made of.
"""

from __future__ import annotations

import fnmatch
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from functools import lru_cache
from itertools import chain, islice, product
from typing import Any, cast

from whoosh import query as wq
from whoosh.matching import AndNotMatcher
from whoosh.reading import IndexReader

from archive_app.core.aliases import AliasGroup, AliasMatch, AliasTable, Key, name_key
from archive_app.core.dates import date_range
from archive_app.core.errors import InvalidInputError
from archive_app.core.messages import QT_TRANSLATE_NOOP, Message
from archive_app.core.research import Kind
from archive_app.core.search.analysis import fold, name_analyzer, query_forms
from archive_app.core.search.gazetteer import MAX_NAME_WORDS, Gazetteer, PlaceChoice
from archive_app.core.search.labels import Labels
from archive_app.core.search.languages import primary_language, word_forms
from archive_app.core.search.syntax import And, Field, Node, Not, Or, Phrase, Word

CONTENT_FIELDS = ("title", "body", "caption", "note")
NAME_FIELDS = ("author", "site", "place")
DEFAULT_FIELDS = CONTENT_FIELDS + NAME_FIELDS
LABEL_FIELDS: dict[str, tuple[str, str]] = {
    "tag": ("tag", "annotation_tag"),
    "event": ("event", "annotation_event"),
    "perspective": ("perspective", "annotation_perspective"),
}
DATE_FIELDS = frozenset({"published", "year"})
GRADE_FIELDS = frozenset({"status", "reliability", "credibility", "sensitive"})
KINDS = {
    "article": "article",
    "articles": "article",
    "web": "article",
    "pdf": "pdf",
    "pdfs": "pdf",
    "image": "image",
    "images": "image",
    "photo": "image",
    "photos": "image",
    "text": "text",
    "texts": "text",
    "reference": "reference",
    "references": "reference",
}
MAX_EXPANSION = 500
"""At most this many words for one wildcard or fuzzy word..."""
MAX_EXPANSION_PER_QUERY = 2000
"""...and for all of a query's together, so no query can grow without end."""
MAX_PHRASE_VARIANTS = 16
NOTHING: wq.Query = wq.NullQuery
"""A part of a query that matches no source (``event:`` naming no event)."""

_FUZZY = re.compile(r"^(?P<word>.+?)~(?P<distance>[0-9]?)$")
_WORD_CHARS = re.compile(r"\w+")
_DATE_RANGE = re.compile(r"^(?P<start>[^.]*)\.\.(?P<end>[^.]*)$")
_DATE_COMPARISON = re.compile(r"^(?P<op>[<>]=?)(?P<date>.+)$")

Part = Any
"""A compiled part: a Whoosh query, None (asks for nothing: leave it out) or NOTHING."""


class _AndNotMatcher(AndNotMatcher):  # type: ignore[misc]
    """Whoosh 2.7.5's AndNotMatcher checks its first document against the excluded ones only
    when both start on the same document, so a document whose exclusion starts on an earlier
    one slipped through (``water -Goris`` finding a text about Goris). This one checks it."""

    def _find_first(self) -> None:
        if self.a.is_active() and self.b.is_active():
            self._find_next()


class Excluding(wq.AndNot):  # type: ignore[misc]
    """Documents of ``a`` that ``b`` does not match: Whoosh's AndNot with the matcher fixed."""

    def matcher(self, searcher: Any, context: Any = None) -> Any:
        kept = self.a.matcher(searcher, context)
        excluded = self.b.matcher(searcher, searcher.boolean_context())
        return _AndNotMatcher(kept, excluded)


@dataclass(frozen=True)
class _TextScope:
    fields: tuple[str, ...]

    @property
    def content(self) -> tuple[str, ...]:
        return tuple(f for f in self.fields if f in CONTENT_FIELDS)


@dataclass(frozen=True)
class _FilterScope:
    field: str


_Scope = _TextScope | _FilterScope
DEFAULT_SCOPE = _TextScope(DEFAULT_FIELDS)


@dataclass
class CompiledQuery:
    """``query``: None when the text asks for nothing; NOTHING when it cannot match.
    ``scored``: it has words to rank by. ``alias_groups``: groups its words expanded to.
    ``words``: the plain words typed, for spelling suggestions."""

    query: Any
    scored: bool = False
    alias_groups: list[AliasGroup] = field(default_factory=list)
    words: list[Word] = field(default_factory=list)
    place_choices: list[PlaceChoice] = field(default_factory=list)
    """Names typed that several places have, none of them chosen: searched as typed."""


class QueryCompiler:
    """Compiles one query against one index reader, alias table and set of label names."""

    def __init__(
        self,
        reader: Any,
        aliases: AliasTable,
        labels: Labels,
        gazetteer: Gazetteer | None = None,
        held: dict[tuple[str, str], bool] | None = None,
    ) -> None:
        """``held``: which terms the reader's fields hold, as far as known (kept by the caller
        while the reader stays the same, so that later queries need not ask again)."""
        self.reader = reader
        self.aliases = aliases
        self.gazetteer = gazetteer
        self.labels = labels
        self.languages = archive_languages(reader)
        self._result = CompiledQuery(None)
        self._budget = MAX_EXPANSION_PER_QUERY
        self._held: dict[tuple[str, str], bool] = {} if held is None else held

    def compile(self, node: Node | None) -> CompiledQuery:
        self._result = CompiledQuery(None)
        self._budget = MAX_EXPANSION_PER_QUERY
        if node is not None:
            self._result.query = self._node(node, DEFAULT_SCOPE, negated=False)
        return self._result

    # The tree

    def _node(self, node: Node, scope: _Scope, negated: bool) -> Part:
        if isinstance(node, And):
            return self._and(node.children, scope, negated)
        if isinstance(node, Or):
            return any_of([self._node(child, scope, negated) for child in node.children])
        if isinstance(node, Not):
            inner = self._node(node.child, scope, not negated)
            return None if inner is None or inner is NOTHING else wq.Not(inner)
        if isinstance(node, Field):
            return self._field(node, negated)
        if isinstance(scope, _FilterScope):
            return self._filter(scope.field, node.text, negated)
        if isinstance(node, Phrase):
            return self._phrase(node.text, scope, negated)
        return self._word(node, scope, negated)

    def _and(self, children: Sequence[Node], scope: _Scope, negated: bool) -> Part:
        """Children that must all match; runs of plain words are read together, so that a name
        of several words (Lachin Corridor) is recognised as an alias."""
        if isinstance(scope, _FilterScope):
            return all_of([self._node(child, scope, negated) for child in children])
        parts: list[Part] = []
        run: list[Word] = []
        for child in children:
            if isinstance(child, Word) and _is_plain(child):
                run.append(child)
                continue
            if run:
                parts.append(self._words(run, scope, negated))
                run = []
            parts.append(self._node(child, scope, negated))
        if run:
            parts.append(self._words(run, scope, negated))
        return all_of(parts)

    def _field(self, node: Field, negated: bool) -> Part:
        if node.name in DEFAULT_FIELDS:
            return self._node(node.value, _TextScope((node.name,)), negated)
        return self._node(node.value, _FilterScope(node.name), negated)

    # Words and phrases

    def _word(self, word: Word, scope: _TextScope, negated: bool) -> Part:
        if _is_plain(word):
            return self._words([word], scope, negated)
        if _FUZZY.match(word.text) and "*" not in word.text:
            return self._fuzzy(word.text, scope, negated)
        return self._wildcard(word.text, scope, negated)

    def _words(
        self, words: Sequence[Word], scope: _TextScope, negated: bool, spellable: bool = True
    ) -> Part:
        """Plain words that must all match, with any run of them that is an alias name also
        matching the group's other names."""
        if spellable and not negated:
            self._result.words.extend(words)
        keys = [name_key(word.text) for word in words]
        parts = []
        start = 0
        while start < len(words):
            match = self.aliases.match_words(keys, start) if scope.content else None
            if match is None and scope.content:
                match = self._place(words, start)
            length = 1 if match is None else match.length
            typed = all_of(
                [
                    self._terms_query([words[i].text], scope, negated)
                    for i in range(start, start + length)
                ]
            )
            if match is not None:
                typed_key = tuple(chain.from_iterable(keys[start : start + length]))
                typed = any_of([typed, *self._other_names(match.group, typed_key, scope, negated)])
            parts.append(typed)
            start += length
        return all_of(parts)

    def _place(self, words: Sequence[Word], start: int) -> AliasMatch | None:
        """The longest run of words from ``start`` that names one place in the gazetteer, as
        an alias group of its names; a name of several places is noted as a choice."""
        if self.gazetteer is None or not _capitalised(words[start].text):
            return None
        for length in range(min(MAX_NAME_WORDS, len(words) - start), 0, -1):
            typed = " ".join(word.text for word in words[start : start + length])
            found = self.gazetteer.expansion(typed)
            if isinstance(found, PlaceChoice):
                self._result.place_choices.append(found)
                return None
            if found is not None:
                place_id, names = found
                own = [name for name in names if self.aliases.group_of(name_key(name)) is None]
                group = AliasGroup(-place_id, (typed, *own), "gazetteer")
                return AliasMatch(group, length)
        return None

    def _other_names(
        self, group: AliasGroup, typed: Key, scope: _TextScope, negated: bool
    ) -> list[Part]:
        """A query for the names of ``group`` other than the one typed."""
        self._used(group)
        names = [name for name in group.names if name_key(name) and name_key(name) != typed]
        return [self._terms_query(names, scope, negated)] if names else []

    def _terms_query(self, texts: Sequence[str], scope: _TextScope, negated: bool) -> Part:
        """Any of ``texts`` in any field of the scope: their index terms in content fields,
        their unstemmed words in name fields; adjacent, where a text has several. The
        one-word texts of a field are one flat OR of terms (a place may have a hundred
        names). A stop word asks for nothing (in name fields too, unless only name fields
        are searched)."""
        if scope.content and not any(name_key(text) for text in texts):
            return None
        options = []
        held_anywhere = [
            forms
            for forms in (query_forms(text, self.languages) for text in texts)
            if all(any(self._holds(f, t) for f in scope.content for t in o) for o in forms)
        ]
        for fieldname in scope.content:
            single: set[str] = set()
            for all_forms in held_anywhere:
                forms = self._present(fieldname, all_forms)
                if forms is not None and len(forms) == 1:
                    single |= forms[0]
                elif forms is not None:
                    options.append(_sequence(fieldname, forms))
            options.append(_sequence(fieldname, [frozenset(single)]) if single else NOTHING)
        if len(scope.content) < len(scope.fields):
            options += [
                _sequence(f, terms) if all(self._holds(f, term) for term in terms) else NOTHING
                for f in scope.fields
                if f in NAME_FIELDS
                for terms in (name_terms(text) for text in texts)
            ]
        return self._scored(any_of(options), negated)

    def _phrase(self, text: str, scope: _TextScope, negated: bool) -> Part:
        variants = list(self._phrase_variants(text)) if scope.content else []
        options = [
            _sequence(f, self._present(f, terms)) for f in scope.content for terms in variants
        ]
        unstemmed = name_terms(text)
        options += [_sequence(f, unstemmed) for f in scope.fields if f in NAME_FIELDS]
        return self._scored(any_of(options), negated)

    def _phrase_variants(self, text: str) -> Iterator[list[frozenset[str]]]:
        """The phrase as typed first, then with alias names in place of names in it; each
        word as the set of its forms."""
        terms = name_key(text)
        forms = query_forms(text, self.languages)
        segments: list[list[list[frozenset[str]]]] = []
        start = 0
        while start < len(terms):
            match = self.aliases.match_terms(terms, start)
            if match is None:
                segments.append([[forms[start]]])
                start += 1
                continue
            group, key = match
            self._used(group)
            others = [n for n in group.names if name_key(n) not in (key, ())]
            segments.append(
                [forms[start : start + len(key)]]
                + [query_forms(n, self.languages) for n in dict.fromkeys(others)]
            )
            start += len(key)
        for choice in islice(product(*segments), MAX_PHRASE_VARIANTS):
            yield list(chain.from_iterable(choice))

    def _wildcard(self, text: str, scope: _TextScope, negated: bool) -> Part:
        pattern = fold(text.lower())
        if not pattern.strip("*?"):
            return None
        stems = sorted(self._forms_of(self._expand(pattern, scope.content)))
        options = [any_of([wq.Term(f, s) for s in stems]) for f in scope.content]
        options += [wq.Wildcard(f, pattern) for f in scope.fields if f in NAME_FIELDS]
        found = any_of(options)
        return self._scored(NOTHING if found is None else found, negated)

    def _fuzzy(self, text: str, scope: _TextScope, negated: bool) -> Part:
        match = _FUZZY.match(text)
        assert match is not None
        word = fold(match.group("word").lower())
        distance = min(2, int(match.group("distance") or 1))
        if len(name_key(word)) != 1:
            return self._words([Word(match.group("word"), 0, 0)], scope, negated, False)
        stems = self._forms_of(self._within(word, distance, scope.content))
        stems.update(query_forms(word, self.languages)[0])
        options = [any_of([wq.Term(f, s) for s in sorted(stems)]) for f in scope.content]
        options += [
            wq.FuzzyTerm(f, word, maxdist=distance, prefixlength=1)
            for f in scope.fields
            if f in NAME_FIELDS
        ]
        return self._scored(any_of(options), negated)

    def _expand(self, pattern: str, fields: Sequence[str]) -> set[str]:
        """The archive's words (unstemmed) that match a wildcard pattern, at most
        MAX_EXPANSION of them."""
        literal = re.split(r"[*?]", pattern, maxsplit=1)[0]
        matcher = re.compile(fnmatch.translate(pattern))
        limit = min(MAX_EXPANSION, self._budget)
        found: set[str] = set()
        for spelling in self._spelling_fields(fields):
            for raw in self.reader.expand_prefix(spelling, literal):
                word = raw.decode("utf-8") if isinstance(raw, bytes) else str(raw)
                if len(found) >= limit:
                    break
                if matcher.match(word):
                    found.add(word)
        self._budget -= len(found)
        return found

    def _within(self, word: str, distance: int, fields: Sequence[str]) -> set[str]:
        limit = min(MAX_EXPANSION, self._budget)
        found: set[str] = set()
        for spelling in self._spelling_fields(fields):
            found.update(islice(words_within(self.reader, spelling, word, distance), limit))
        found = set(islice(sorted(found), limit))
        self._budget -= len(found)
        return found

    def _present(self, fieldname: str, forms: list[frozenset[str]]) -> list[frozenset[str]] | None:
        """Each word's forms that the field holds, so that no term the index lacks is matched;
        None when the field lacks every form of one of the words (it cannot match)."""
        present = []
        for options in forms:
            held = frozenset(term for term in options if self._holds(fieldname, term))
            if not held:
                return None
            present.append(held)
        return present

    def _holds(self, fieldname: str, term: str) -> bool:
        """Whether the field holds the term (asked of the index once per query)."""
        known = self._held.get((fieldname, term))
        if known is None:
            known = self._held[(fieldname, term)] = (fieldname, term) in self.reader
        return known

    def _forms_of(self, words: set[str]) -> set[str]:
        """The index terms of words found in the archive's spelling fields."""
        return set(chain.from_iterable(word_forms(word, self.languages) for word in words))

    def _spelling_fields(self, fields: Sequence[str]) -> list[str]:
        schema = self.reader.schema
        return [schema[f].spelling_fieldname(f) for f in fields]

    def _scored(self, part: Part, negated: bool) -> Part:
        if part is not None and part is not NOTHING and not negated:
            self._result.scored = True
        return part

    def _used(self, group: AliasGroup) -> None:
        if all(group.id != used.id for used in self._result.alias_groups):
            self._result.alias_groups.append(group)

    # Filters: labels, kind, language, dates

    def _filter(self, name: str, value: str, negated: bool) -> Part:
        if name in LABEL_FIELDS:
            return label_query(self.labels, name, value)  # type: ignore[arg-type]
        if name == "kind":
            kind = KINDS.get(value.strip().lower())
            return NOTHING if kind is None else wq.Term("kind", kind)
        if name in GRADE_FIELDS:
            return wq.Term(name, grade_value(name, value))
        if name == "lang":
            code = value.strip().lower()
            return any_of([wq.Term("lang", code), wq.Prefix("lang", code + "-")])
        bounds = date_bounds(value)
        if bounds is None:
            words = [Word(w.group(0), -1, -1) for w in _WORD_CHARS.finditer(f"{name} {value}")]
            return self._words(words, DEFAULT_SCOPE, negated, spellable=False)
        return published_query(*bounds)


def grade_value(name: str, value: str) -> str:
    """A verification term as the index holds it: ``status:in-progress`` → ``in progress``,
    ``reliability:b`` → ``B``."""
    text = " ".join(value.replace("-", " ").replace("_", " ").split()).lower()
    return text.upper() if name == "reliability" else text


def label_query(labels: Labels, kind: Kind, value: str) -> Part:
    """Sources with a label ``value`` names, on themselves or on one of their annotations."""
    ids = labels.ids(kind, value)
    return ids_query(kind, ids)


def ids_query(kind: Kind, ids: set[int]) -> Part:
    if not ids:
        return NOTHING
    return any_of([wq.Term(f, str(i)) for f in LABEL_FIELDS[kind] for i in sorted(ids)])


def published_query(start: datetime | None, end: datetime | None) -> Any:
    return wq.DateRange("published", start, end)


def date_bounds(value: str) -> tuple[datetime | None, datetime | None] | None:
    """The first and last moment ``2023``, ``2020-09..2020-11``, ``>2023-09-19``, ``<=2021``
    and the like stand for (None: open); None if ``value`` is not such a date."""
    text = value.strip()
    try:
        if match := _DATE_RANGE.match(text):
            start, end = match.group("start").strip(), match.group("end").strip()
            if not (start or end):
                return None
            return (
                _first_moment(start) if start else None,
                _last_moment(end) if end else None,
            )
        if match := _DATE_COMPARISON.match(text):
            return _compared(match.group("op"), match.group("date").strip())
        return _first_moment(text), _last_moment(text)
    except InvalidInputError:
        return None


def _compared(op: str, text: str) -> tuple[datetime | None, datetime | None]:
    if op == ">":
        return _last_moment(text) + timedelta(microseconds=1), None
    if op == ">=":
        return _first_moment(text), None
    if op == "<":
        return None, _first_moment(text) - timedelta(microseconds=1)
    return None, _last_moment(text)


def _first_moment(text: str) -> datetime:
    first, _ = _range(text)
    return datetime.combine(first, time.min)


def _last_moment(text: str) -> datetime:
    _, last = _range(text)
    return datetime.combine(last, time.max)


def _range(text: str) -> tuple[date, date]:
    if len(text) > 10:
        raise InvalidInputError(
            Message(QT_TRANSLATE_NOOP("core", "'{text}' is not a date."), text=str(text))
        )
    return date_range(text)


def all_of(parts: Sequence[Part]) -> Part:
    """Parts that must all match; negated parts are taken away from the others."""
    if any(part is NOTHING for part in parts):
        return NOTHING
    present = [part for part in parts if part is not None]
    positive = [part for part in present if not isinstance(part, wq.Not)]
    negative = [part.query for part in present if isinstance(part, wq.Not)]
    if positive and negative:
        return Excluding(_joined(wq.And, positive), _joined(wq.Or, negative))
    if not present:
        return None
    return _joined(wq.And, present)


def any_of(parts: Sequence[Part]) -> Part:
    """Parts of which one must match (a part that asks for nothing is left out)."""
    present = [part for part in parts if part is not None]
    matching = [part for part in present if part is not NOTHING]
    if not present:
        return None
    if not matching:
        return NOTHING
    return _joined(wq.Or, matching)


def _joined(kind: Any, parts: list[Any]) -> Any:
    return parts[0] if len(parts) == 1 else kind(parts)


def _sequence(fieldname: str, words: Sequence[frozenset[str] | str] | None) -> Any:
    """Words in a row, each matching any of its forms (None: a word the field lacks)."""
    if words is None:
        return NOTHING
    if not words:
        return None
    forms = [sorted(word) if isinstance(word, frozenset) else [word] for word in words]
    if all(len(options) == 1 for options in forms):
        if len(forms) == 1:
            return wq.Term(fieldname, forms[0][0])
        return wq.Phrase(fieldname, [options[0] for options in forms])
    parts = [_joined(wq.Or, [wq.Term(fieldname, f) for f in options]) for options in forms]
    return parts[0] if len(parts) == 1 else wq.Sequence(parts)


def archive_languages(reader: Any) -> tuple[str, ...]:
    """The languages of the archive's sources, as the index knows them."""
    if "lang" not in reader.schema:
        return ()
    found = (raw.decode() if isinstance(raw, bytes) else str(raw) for raw in reader.lexicon("lang"))
    return tuple(sorted({primary_language(code) for code in found}))


@lru_cache(maxsize=4096)
def name_terms(text: str) -> tuple[str, ...]:
    """The terms of ``text`` in a name field (author, site): folded, not stemmed."""
    return tuple(token.text for token in name_analyzer()(text))


def _capitalised(text: str) -> bool:
    """Begins with a capital letter, or with a letter of a script without capitals."""
    first = text[:1]
    return first.isupper() or (first.isalpha() and first.lower() == first.upper())


def _is_plain(word: Word) -> bool:
    return "*" not in word.text and "?" not in word.text[:-1] and not _FUZZY.match(word.text)


def words_within(reader: Any, fieldname: str, word: str, distance: int) -> Iterator[str]:
    """The field's words (sharing the first letter) within ``distance`` edits of ``word``,
    where swapping two letters next to each other is one edit (Damerau-Levenshtein), as Whoosh
    documents ``terms_within``. Whoosh's own reader of a single segment finds them with an
    automaton that counts a swap as two edits: "presidnet~" found "president" in an archive
    of several segments and nothing once they were merged into one."""
    return cast(Iterator[str], IndexReader.terms_within(reader, fieldname, word, distance, 1))
