"""A source's language as a person types it (``ru``, ``RU``, ``rus``, ``ru-RU``, ``Russian``,
``русский``) put in its stored form, the ISO 639-1 code, from CLDR's language names and its
aliases of ISO 639-2 and 639-3 codes (as shipped by babel, imported when a language is first
typed: the window starts without it)."""

from __future__ import annotations

import re
from functools import lru_cache

from archive_app.core.errors import InvalidInputError
from archive_app.core.messages import QT_TRANSLATE_NOOP, Message

NAMES_ALWAYS_IN = "en"
"""Names in English are understood whatever the language of the window."""


def language_code(text: str, names_in: str = NAMES_ALWAYS_IN) -> str:
    """The ISO 639-1 code of the language ``text`` names: a code of two or three letters in
    any case (with a region or script after it, or not), or a name in English or in the
    language ``names_in`` (the window's). '' stays '' (no language). Raises
    :class:`InvalidInputError` for anything else."""
    typed = " ".join(text.split())
    if not typed:
        return ""
    codes = _codes(names_in)
    code = codes.get(typed.casefold()) or codes.get(re.split(r"[-_]", typed.casefold())[0])
    if code is None:
        raise InvalidInputError(
            Message(
                QT_TRANSLATE_NOOP(
                    "core",
                    "'{text}' is not a language the archive knows. Give its ISO 639-1 code "
                    "(ru, hy, az, tr, en …) or its name.",
                ),
                text=typed,
            )
        )
    return code


@lru_cache(maxsize=4)
def _codes(names_in: str) -> dict[str, str]:
    """Every way of naming a language that has an ISO 639-1 code, case-folded, to its code."""
    from babel.core import get_global

    two_letter = {code for code in _names(NAMES_ALWAYS_IN) if len(code) == 2 and code.isalpha()}
    codes = {code: code for code in two_letter}
    aliases = {str(alias): str(target) for alias, target in get_global("language_aliases").items()}
    codes.update(
        (alias, target)
        for alias, target in aliases.items()
        if target in two_letter and len(alias) == 3 and alias.isalpha()
    )
    for locale in dict.fromkeys((NAMES_ALWAYS_IN, _known_locale(names_in))):
        for code, name in _names(locale).items():
            if code in two_letter:
                codes.setdefault(name.casefold(), code)
    return codes


def _names(locale: str) -> dict[str, str]:
    """Languages by code, named in ``locale``."""
    from babel import Locale

    return {str(code): str(name) for code, name in Locale.parse(locale).languages.items()}


def _known_locale(code: str) -> str:
    """``code`` when CLDR has names in it, else English."""
    from babel import Locale

    try:
        Locale.parse(code)
    except (ValueError, TypeError):
        return NAMES_ALWAYS_IN
    return code
