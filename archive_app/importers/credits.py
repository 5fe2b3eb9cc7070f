"""Tell a photo's caption from its credit, as captions on news pages and in photo metadata mix them.

A caption such as ``"Soldiers in Shusha. Photo: Narek Simonyan/AFP"`` is two things: what the
picture shows and who took it. Researchers compare both (the same photo under another caption,
the same agency on both sides), so the archive keeps them apart. Used by the web-page importer
and meant for the image importer too.

The credit comes back without its label: ``"Photo: X"``, ``"Photograph: X"``, ``"Credit: X"``,
``"(Photo by X)"``, ``"- photo X"`` and ``"© X"`` all give ``"X"``; ``"X/Getty Images"`` and
``"AP Photo/X"`` stay as they are, since the agency is part of the credit.
"""

from __future__ import annotations

import re

from archive_app.importers.text_normal import normalize_inline

# Words that introduce a credit, in the languages of the sources this archive is for.
_LABEL = (
    r"(?:photo(?:graph)?s?|pictures?|pics?|images?|credits?|photo\s+credits?|image\s+credits?"
    r"|source|foto(?:graf|ğraf)?|фото(?:графия)?|снимок|şəkil|görsel|resim|լուսանկար(?:ը)?)"
)
# "Photo: X", "Photograph by X", "Credit - X", "Фото: X".
_LABELLED = re.compile(
    rf"(?P<label>{_LABEL})\s*(?P<mark>:|by\b|\.{{2,}}|…|-|–|—)\s*(?P<credit>.+)$", re.IGNORECASE
)
# "... - photo X" / "... | photo X": a dash or bar, then the label without a colon.
_DASHED = re.compile(rf"\s+[-–—|]\s*{_LABEL}\s+(?P<credit>.+)$", re.IGNORECASE)
_COPYRIGHT = re.compile(r"(?:©|\(c\)|copyright\b)\s*(?P<credit>.+)$", re.IGNORECASE)
_COURTESY = re.compile(
    r"(?:(?:photos?|images?|pictures?)\s+)?courtesy(?:\s+of)?\s+(?P<credit>.+)$", re.IGNORECASE
)
_BRACKETED_END = re.compile(r"\s*[(\[](?P<inner>[^()\[\]]+)[)\]]\s*\.?$")
# "Karen Minasyan/AFP via Getty Images", "AP Photo/Hayk Baghdasaryan", "Reuters/Aziz Karimov".
_NAME = r"[^\W\d_][\w.'’&-]*(?:\s+[\w.'’&-]+){0,5}"
_SLASHED = re.compile(rf"^(?P<credit>{_NAME}\s*/\s*{_NAME}(?:\s+via\s+{_NAME})?)\.?$")
_AGENCIES = (
    "AFP",
    "AP",
    "Associated Press",
    "Reuters",
    "EPA",
    "EPA-EFE",
    "Getty Images",
    "Anadolu Agency",
    "Anadolu",
    "TASS",
    "Sputnik",
    "RIA Novosti",
    "AzerTac",
    "APA",
    "Armenpress",
    "PAN Photo",
    "Photolure",
    "Shutterstock",
    "Alamy",
    "Wikimedia Commons",
)
_AGENCY = re.compile(
    r"^(?:" + "|".join(re.escape(name) for name in _AGENCIES) + r")(?:\s+(?:photos?|images?))?$",
    re.IGNORECASE,
)
# Where a caption's sentence ends and a credit may begin.
_SEGMENT_BREAK = re.compile(r"(?<=[.!?…])\s+|\s+[|•·]\s+|\s+[-–—]\s+|\s*\n\s*|\s+(?=©)")
_DASHES = frozenset("-–—")
# "Reuters. Soldiers in Shusha": a sentence after the name ("A. Petrosyan" is an initial).
_SENTENCE_INSIDE = re.compile(r"\w{3,}[.!?]\s+\S")
_TRAILING_JUNK = " \t-–—|:;,/•·"
_CREDIT_MAX_WORDS = 12
_CREDIT_MAX_CHARS = 120
# Lower-case words that do occur in credits ("Aziz Karimov for The Guardian via Getty Images").
_NAME_PARTICLES = frozenset(
    {
        "via",
        "for",
        "of",
        "the",
        "and",
        "by",
        "de",
        "del",
        "van",
        "von",
        "der",
        "al",
        "bin",
        "ibn",
        "courtesy",
        "file",
        "photo",
        "photos",
        "handout",
        "pool",
        "staff",
        "und",
        "et",
        "и",
        "və",
    }
)


def split_credit(text: str) -> tuple[str, str]:
    """Split a caption into ``(caption, credit)``; the credit is ``""`` when there is none.

    Both parts are normalised with :func:`normalize_inline`. A text that is nothing but a credit
    (``"Photo: Reuters"``) gives ``("", "Reuters")``.
    """
    text = normalize_inline(text)
    if not text:
        return "", ""
    for finder in (_bracketed_credit, _trailing_credit, _dashed_credit, _leading_credit):
        found = finder(text)
        if found is not None:
            caption, credit = found
            return caption.strip(_TRAILING_JUNK), credit
    return text, ""


def strip_credit_label(text: str) -> str:
    """The credit in a separate credit element: ``"Photo: AFP"`` and ``"© AFP"`` give ``"AFP"``."""
    text = normalize_inline(text)
    credit = _credit_in(text, labelled_only=False)
    return credit if credit is not None else _clean(text)


def _bracketed_credit(text: str) -> tuple[str, str] | None:
    """``"Soldiers in Shusha (Photo by X/AFP)"``: a credit in brackets at the end."""
    match = _BRACKETED_END.search(text)
    if match is None:
        return None
    credit = _credit_in(match.group("inner"), labelled_only=False)
    if credit is None:
        return None
    return text[: match.start()], credit


def _trailing_credit(text: str) -> tuple[str, str] | None:
    """A credit after the caption's last sentences or separator, or the whole text if it is one."""
    for start in _segment_starts(text):
        credit = _credit_in(text[start:], labelled_only=False)
        if credit is not None:
            return text[:start], credit
    return None


def _leading_credit(text: str) -> tuple[str, str] | None:
    """``"Photo: Reuters. Soldiers in Shusha."``: an explicitly labelled credit first."""
    starts = _segment_starts(text)
    if len(starts) < 2:
        return None
    credit = _credit_in(text[: starts[1]], labelled_only=True)
    if credit is None:
        return None
    return text[starts[1] :], credit


def _dashed_credit(text: str) -> tuple[str, str] | None:
    """``"Shusha after the fighting - photo Aziz Karimov"``."""
    match = _DASHED.search(text)
    if match is None:
        return None
    credit = _clean(match.group("credit"))
    if not _plausible_credit(credit, explicit=False):
        return None
    return text[: match.start()], credit


def _segment_starts(text: str) -> list[int]:
    return [0] + [match.end() for match in _SEGMENT_BREAK.finditer(text)]


def _credit_in(segment: str, *, labelled_only: bool) -> str | None:
    """The credit a segment states, or None when the segment is not (only) a credit."""
    segment = segment.strip(_TRAILING_JUNK + " ")
    if not segment:
        return None
    for pattern in (_LABELLED, _COPYRIGHT, _COURTESY):
        match = pattern.match(segment)
        if match is not None:
            credit = _clean(match.group("credit"))
            explicit = pattern is not _LABELLED or match.group("mark") not in _DASHES
            return credit if _plausible_credit(credit, explicit=explicit) else None
    if labelled_only:
        return None
    if _SLASHED.match(segment) or _AGENCY.match(segment.rstrip(".")):
        credit = _clean(segment)
        return credit if _plausible_credit(credit, explicit=False) else None
    return None


def _plausible_credit(credit: str, *, explicit: bool) -> bool:
    """Credits are short and name people and agencies: "Soldiers and/or civilians" is a sentence.
    After an explicit label ("Photo: getty") a credit may be written in lower case."""
    words = credit.replace("/", " ").split()
    if not words or len(words) > _CREDIT_MAX_WORDS or len(credit) > _CREDIT_MAX_CHARS:
        return False
    if _SENTENCE_INSIDE.search(credit):
        return False
    if all(word.lower() in _NAME_PARTICLES for word in words):
        return False
    return explicit or not any(word[:1].islower() and word not in _NAME_PARTICLES for word in words)


def _clean(credit: str) -> str:
    return normalize_inline(credit).strip(_TRAILING_JUNK + ".").strip()
