"""A photo's perceptual fingerprint: what stays the same when the photo is copied.

Agencies and sites resize a photo, recompress it, crop its edges, turn it grey or stamp a logo
bar on it; its SHA-256 changes every time, its fingerprint very little. The fingerprint is two
64-bit hashes of the upright picture (after EXIF orientation) from imagehash: a DCT hash
(``phash``: the coarse shape of light and dark) and a difference hash (``dhash``: which
neighbour is brighter). Requiring both to be close keeps two different photos of a similar
scene apart; :mod:`archive_app.core.reuse.images` has the thresholds and the figures behind them.

A picture with almost no detail (a blank frame, a flat colour) has no meaningful fingerprint:
any two of them would match, so it gets none.

imagehash (with numpy and scipy), and Pillow itself, are imported by the first fingerprint, not
when the program starts: the import writes fingerprints the workers took without loading them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PIL import Image

FINGERPRINT_VERSION = 1
"""Raised whenever the hashing changes: stored fingerprints of another version are recomputed."""

_PLAIN_SIDE = 32
_PLAIN_DEVIATION = 8.0
"""Below this standard deviation of grey (0-255) at 32 × 32 a picture counts as plain."""


def fingerprint(upright: Image.Image) -> str:
    """The 32-hex-digit fingerprint (phash then dhash) of an upright picture; '' when it is too
    plain to tell copies from other pictures."""
    from PIL import ImageStat

    grey = upright.convert("L")
    if ImageStat.Stat(grey.resize((_PLAIN_SIDE, _PLAIN_SIDE))).stddev[0] < _PLAIN_DEVIATION:
        return ""
    import imagehash

    return f"{imagehash.phash(grey)}{imagehash.dhash(grey)}"


def split_fingerprint(text: str) -> tuple[int, int] | None:
    """The phash and dhash of a fingerprint as unsigned integers; None for no fingerprint."""
    if len(text) != 32:
        return None
    return int(text[:16], 16), int(text[16:], 16)


def signed(value: int) -> int:
    """An unsigned 64-bit hash as SQLite stores it (a signed 64-bit integer)."""
    return value - (1 << 64) if value >= 1 << 63 else value
