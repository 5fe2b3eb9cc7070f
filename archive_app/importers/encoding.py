"""Turn the bytes of a text or web page into a str, whatever encoding they were written in.

The order matters (measured on this project's samples): a byte-order mark decides; then strict
UTF-8, which never succeeds by accident on real single-byte text; then an encoding the file
declares (an HTML ``<meta charset>``); then Turkish, which charset-normalizer reads as
windows-1252 (ğ ş ı become ð þ ý); and only then statistical detection.
"""

from __future__ import annotations

import codecs
from collections import Counter
from dataclasses import dataclass

from archive_app.core.errors import UnsupportedFormatError

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
        raise UnsupportedFormatError("The file holds binary data, not text.")
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
    return _detect(data)


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


def _detect(data: bytes) -> DecodedText:
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise UnsupportedFormatError("The file is not text in any encoding the archive knows.")
    return DecodedText(str(best), best.encoding)
