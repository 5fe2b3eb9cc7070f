"""The query language, explained once for every place that shows it: the command line's
``search --help`` (:func:`query_help_text`) and the window's tooltip and help page
(:func:`query_help_html`, which the window gives its ``translate`` so the help speaks its
language)."""

from __future__ import annotations

import html
import textwrap
from collections.abc import Callable
from dataclasses import dataclass

from archive_app.core.messages import QT_TRANSLATE_NOOP, Message

EXAMPLE_COLUMNS = 24
ALIASES_ON_THE_COMMAND_LINE = "see `archive-app alias`"
HEADING = QT_TRANSLATE_NOOP("core", "Searching")


@dataclass(frozen=True)
class SyntaxEntry:
    example: str
    """A query; marked for the catalogue when its words are examples, not syntax."""
    meaning: str
    """English, marked for the catalogue."""


QUERY_SYNTAX: tuple[SyntaxEntry, ...] = (
    SyntaxEntry(
        QT_TRANSLATE_NOOP("core", "refugees bridge"),
        QT_TRANSLATE_NOOP(
            "core",
            "sources with all the words, best first (words in titles and captions count most)",
        ),
    ),
    SyntaxEntry(
        QT_TRANSLATE_NOOP("core", '"Hakari bridge"'), QT_TRANSLATE_NOOP("core", "the exact phrase")
    ),
    SyntaxEntry(
        QT_TRANSLATE_NOOP("core", "Khankendi OR Stepanakert"),
        QT_TRANSLATE_NOOP(
            "core", "either word; OR binds tighter than the plain AND, use ( ) to group otherwise"
        ),
    ),
    SyntaxEntry(
        QT_TRANSLATE_NOOP("core", "ceasefire -Russia"),
        QT_TRANSLATE_NOOP("core", "without a word (also: NOT Russia)"),
    ),
    SyntaxEntry(
        QT_TRANSLATE_NOOP("core", "evacuat*  Xank?ndi"),
        QT_TRANSLATE_NOOP("core", "any ending; any one letter"),
    ),
    SyntaxEntry(
        QT_TRANSLATE_NOOP("core", "Shusha~  Shusha~2"),
        QT_TRANSLATE_NOOP("core", "spellings one (or two) letters off"),
    ),
    SyntaxEntry(
        "title:  author:  caption:  body:  note:  site:",
        QT_TRANSLATE_NOOP(
            "core",
            'one field only: title:Stepanakert  author:"de Waal"  title:(truce OR ceasefire)',
        ),
    ),
    SyntaxEntry(
        "tag:  event:  perspective:",
        QT_TRANSLATE_NOOP(
            "core",
            'labels of the source or of its annotations: event:"Second Karabakh War" '
            "(with its sub-events)  perspective:Op-ed  tag:cease*",
        ),
    ),
    SyntaxEntry(
        "kind:pdf  lang:hy",
        QT_TRANSLATE_NOOP(
            "core",
            "kind: article, pdf, image or text; language (ISO 639-1 code: en, ru, hy, az …)",
        ),
    ),
    SyntaxEntry(
        "status:verified  reliability:B",
        QT_TRANSLATE_NOOP(
            "core",
            "verification (unverified, in-progress, verified, disputed, false), source "
            "reliability A–F, credibility:1–6, sensitive:graphic or identifiable, place:Shusha",
        ),
    ),
    SyntaxEntry(
        "published:2023",
        QT_TRANSLATE_NOOP(
            "core",
            "a year, month or day; published:2020-09..2020-11  published:>2023-09-19 "
            "(also < >= <=)",
        ),
    ),
)

QUERY_NOTES: tuple[str, ...] = (
    QT_TRANSLATE_NOOP(
        "core",
        "Case, accents and vowel marks do not matter: Xankəndi finds Xankendi, Ağdam finds "
        "Agdam, حبيبي finds حَبيبي; ş and ç read as sh and ch, so Şuşa finds Shusha, not Susa.",
    ),
    QT_TRANSLATE_NOOP(
        "core",
        "Word endings do not matter in the language of each source: refugee finds refugees, "
        "беженцы finds беженцев, Karabağ finds Karabağ'da, Xankəndi finds Xankəndidə.",
    ),
    QT_TRANSLATE_NOOP(
        "core",
        "Scripts meet: Stepanakert finds Степанакерт and Ստեփանակերտ; Chinese and Japanese "
        "words are found inside longer runs (地震 in 巨大地震).",
    ),
    QT_TRANSLATE_NOOP(
        "core",
        "Place names find their other names: your alias groups first ({aliases}), then the "
        "built-in gazetteer for a capitalised name of one place; a name of several places "
        "(Susa) is searched as typed until you choose which place you mean (the search offers "
        "the places). Each hit says which name or form it matched.",
    ),
    QT_TRANSLATE_NOOP("core", "Anything that cannot be read as above is searched as plain words."),
)


def _notes(aliases: str) -> list[Message]:
    """The notes, saying where alias groups are edited (``aliases``) in the place shown."""
    return [Message(note, aliases=aliases) for note in QUERY_NOTES]


def query_help_text(width: int = 79) -> str:
    """The query language as plain text for a terminal, wrapped to ``width`` columns."""
    indent = " " * (EXAMPLE_COLUMNS + 4)
    lines = ["query language:"]
    for entry in QUERY_SYNTAX:
        meaning = textwrap.wrap(entry.meaning, width - len(indent))
        if len(entry.example) <= EXAMPLE_COLUMNS:
            lines.append(f"  {entry.example.ljust(EXAMPLE_COLUMNS)}  {meaning[0]}")
            meaning = meaning[1:]
        else:
            lines.append(f"  {entry.example}")
        lines.extend(indent + line for line in meaning)
    lines.append("")
    for note in _notes(ALIASES_ON_THE_COMMAND_LINE):
        lines.extend(textwrap.wrap(note, width, initial_indent="  ", subsequent_indent="  "))
    return "\n".join(lines) + "\n"


def query_help_html(
    aliases: str = ALIASES_ON_THE_COMMAND_LINE, translate: Callable[[str], str] = str
) -> str:
    """The query language as rich text (a tooltip or a help page); ``aliases`` says where
    alias groups are edited; ``translate`` puts each English sentence (a marked template, or a
    :class:`Message`) in the reader's language."""
    rows = "".join(
        f"<tr><td><code>{html.escape(translate(Message(entry.example)))}</code></td>"
        f"<td>{html.escape(translate(Message(entry.meaning)))}</td></tr>"
        for entry in QUERY_SYNTAX
    )
    notes = "".join(f"<p>{html.escape(translate(note))}</p>" for note in _notes(aliases))
    return f"<b>{html.escape(translate(Message(HEADING)))}</b><table>{rows}</table>{notes}"
