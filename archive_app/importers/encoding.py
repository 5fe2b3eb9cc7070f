"""Turn the bytes of a text or web page into a str, whatever encoding they were written in.

The order matters (measured on this project's samples): a byte-order mark decides; then strict
UTF-8, which never succeeds by accident on real single-byte text; then an encoding the file
declares (an HTML ``<meta charset>``); then Turkish, which charset-normalizer reads as
windows-1252 (ğ ş ı become ð þ ý); then, for text in Latin letters, the code page whose reading
fits the language of its plain ASCII words best (:func:`_latin_code_page`); and only then
statistical detection, which took ISO-8859-2 Polish for ISO-8859-10, ISO-8859-15 French for
windows-1252 (€ became ¤), Mac Roman Spanish for windows-1257 and an English op-ed in
windows-1252 for cp852.
"""

from __future__ import annotations

import codecs
from collections import Counter
from dataclasses import dataclass

from archive_app.core.errors import UnsupportedFormatError
from archive_app.core.messages import QT_TRANSLATE_NOOP, Message

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# In windows-1254 / ISO-8859-9 these bytes are ğ Ğ ı İ ş Ş; in windows-1252 they are ð Ð ý Ý þ Þ.
_TURKISH_ONLY_BYTES = frozenset(b"\xf0\xd0\xfd\xdd\xfe\xde")
# Every letter byte of Turkish in windows-1254 (plus â î û of loanwords and × ÷ are not letters).
_TURKISH_LETTER_BYTES = frozenset(
    b"\xe7\xc7\xf0\xd0\xfd\xdd\xf6\xd6\xfe\xde\xfc\xdc\xe2\xc2\xee\xce\xfb\xdb"
)


@dataclass(frozen=True)
class DecodedText:
    text: str
    encoding: str


def decode_bytes(data: bytes, declared: str | None = None) -> DecodedText:
    """Decode ``data``; raise :class:`UnsupportedFormatError` when it is not text at all."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return DecodedText(data[len(bom) :].decode(encoding, errors="replace"), encoding)
    utf16 = _bomless_utf16(data)
    if utf16 is not None:
        return utf16
    if _looks_binary(data[:65536]):
        raise UnsupportedFormatError(
            Message(QT_TRANSLATE_NOOP("core", "The file holds binary data, not text."))
        )
    try:
        return DecodedText(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    if declared:
        decoded = _try_declared(data, declared)
        if decoded is not None:
            return decoded
    if _looks_turkish(data):
        return DecodedText(_decode_single_byte(data, "cp1254", "iso-8859-9"), "cp1254")
    return _latin_code_page(data) or _detect(data)


def _try_declared(data: bytes, declared: str) -> DecodedText | None:
    try:
        name = codecs.lookup(declared.strip().strip("\"'")).name
    except LookupError:
        return None
    if name in {"utf-8", "ascii"}:
        return None  # strict UTF-8 already failed: the declaration is wrong
    try:
        return DecodedText(data.decode(name), name)
    except UnicodeDecodeError:
        return None


def _bomless_utf16(data: bytes) -> DecodedText | None:
    """UTF-16 without a byte-order mark: one byte of each pair (the high byte) takes very few
    values (0x00 for Latin, 0x04 for Cyrillic …), which single-byte text never does."""
    sample = data[:4096]
    if len(sample) < 8:
        return None
    for high_bytes, encoding in ((sample[1::2], "utf-16-le"), (sample[0::2], "utf-16-be")):
        common = Counter(high_bytes).most_common(2)
        if sum(count for _, count in common) >= 0.9 * len(high_bytes):
            try:
                decoded = data.decode(encoding)
            except UnicodeDecodeError:
                continue
            if _mostly_printable(decoded[:2048]):
                return DecodedText(decoded, encoding)
    return None


def _mostly_printable(text: str) -> bool:
    printable = sum(1 for char in text if char.isprintable() or char in "\n\r\t")
    return printable >= 0.97 * len(text)


_TEXT_CONTROLS = frozenset(b"\t\n\r\f\v\x1b")
_BINARY_CONTROLS = bytes(byte for byte in range(0x20) if byte not in _TEXT_CONTROLS)


def _looks_binary(sample: bytes) -> bool:
    """Zero bytes, or many control characters: no text file looks like that."""
    if b"\x00" in sample:
        return True
    controls = len(sample) - len(sample.translate(None, _BINARY_CONTROLS))
    return controls > len(sample) * 0.05


def _looks_turkish(data: bytes) -> bool:
    letters = {byte for byte in data if byte >= 0xC0}
    return bool(letters & _TURKISH_ONLY_BYTES) and letters <= _TURKISH_LETTER_BYTES


def _decode_single_byte(data: bytes, encoding: str, fallback: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        return data.decode(fallback, errors="replace")


LATIN_CODE_PAGES = (
    "cp1252",
    "iso8859_15",
    "cp1250",
    "iso8859_2",
    "mac_roman",
    "cp1257",
    "iso8859_13",
    "iso8859_10",
    "cp850",
    "cp852",
    "cp775",
)
"""Code pages for Latin letters, the most common first (the first of equally good readings
wins)."""

LATIN_ALPHABETS = {
    "en": "",
    "fr": "àâæçéèêëîïôœùûüÿ",
    "es": "áéíñóúü",
    "pt": "áàâãçéêíóôõú",
    "it": "àèéìíîòóùú",
    "de": "äöüß",
    "nl": "éëïèöü",
    "pl": "ąćęłńóśźż",
    "cs": "áčďéěíňóřšťúůýž",
    "sk": "áäčďéíĺľňóôŕšťúýž",
    "hu": "áéíóöőúüű",
    "ro": "ăâîșțşţ",
    "hr": "čćđšž",
    "sl": "čšž",
    "lt": "ąčęėįšųūž",
    "lv": "āčēģīķļņšūž",
    "et": "äõöüšž",
    "fi": "äöåšž",
    "sv": "åäö",
    "da": "æøå",
    "no": "æøå",
    "is": "áðéíóúýþæö",
    "ca": "àçèéíïòóúü·",
    "az": "çəğıöşü",
}
"""The letters beyond ASCII that each language written in Latin letters uses."""

_PUNCTUATION = frozenset("“”‘’‚„–—…«»¿¡•·‹›†‡\xa0")
_COMMON_SIGNS = frozenset("€£§©®°™")
_INNER_MARKS = frozenset("’'·")


def _latin_code_page(data: bytes) -> DecodedText | None:
    """Text mostly in ASCII letters: the language of those words says which letters beyond
    ASCII to expect, and the code page whose reading gives those (and punctuation where
    punctuation belongs, no stray signs) wins. None for other text."""
    from archive_app.importers.language import detect_language

    ascii_words = bytes(byte if byte < 0x80 else 0x20 for byte in data).decode("ascii")
    ascii_letters = sum(1 for char in ascii_words if char.isalpha())
    if ascii_letters < 0.8 * sum(1 for byte in data if byte >= 0x80 or chr(byte).isalpha()):
        return None
    language, _ = detect_language(ascii_words)
    alphabet = LATIN_ALPHABETS.get(language)
    if alphabet is None:
        return None
    readings: list[tuple[float, int, str, str]] = []
    for order, encoding in enumerate(LATIN_CODE_PAGES):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        readings.append((_implausibility(text, alphabet), order, encoding, text))
    if not readings:
        return None
    _, _, encoding, text = min(readings)
    return DecodedText(text, encoding)


def _implausibility(text: str, alphabet: str) -> float:
    """How unlike real text in a language with ``alphabet`` a reading is: letters foreign
    to it, punctuation inside words, stray signs and control characters."""
    cost = 0.0
    for index, char in enumerate(text):
        if char.isascii():
            continue
        inside = (
            0 < index < len(text) - 1 and text[index - 1].isalpha() and text[index + 1].isalpha()
        )
        if char.isalpha():
            cost += 0 if char.lower() in alphabet else 2
        elif char in _PUNCTUATION:
            cost += 2 if inside and char not in _INNER_MARKS else 0
        elif char in _COMMON_SIGNS:
            cost += 2 if inside else 0.5
        else:
            cost += 5
    return cost


def _detect(data: bytes) -> DecodedText:
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise UnsupportedFormatError(
            Message(
                QT_TRANSLATE_NOOP("core", "The file is not text in any encoding the archive knows.")
            )
        )
    return DecodedText(str(best), best.encoding)
