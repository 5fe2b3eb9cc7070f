"""The figures behind the reuse thresholds (core/reuse/images.py and texts.py).

    python benchmarks/reuse_thresholds.py [--corpus ../shared/corpus]

Photos: every real photo of ``corpus/photos-dev`` goes through the image importer (so the
fingerprint is taken as at import: upright, from the thumbnail-sized picture); then copies of
each are made (half size, quality 30, 10% cropped off one side, 5% off every side, grey, a
logo bar over the bottom 10%, a logo box in a corner) and fingerprinted the same way. Prints
the distances between different photos (the camera sample stored under several EXIF
orientations counts as one photo) and between each photo and its copies, and how many
copies the thresholds take.

Texts: the bodies of the real articles of ``corpus/articles-dev``, the most similar pairs;
and the fixture wire story against its republication and against a heavier rewrite.
"""

from __future__ import annotations

import argparse
import io
import itertools
import sys
from collections.abc import Callable
from pathlib import Path

from PIL import Image, ImageDraw

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from archive_app.core.reuse.images import is_same_photo  # noqa: E402
from archive_app.core.reuse.texts import similarity  # noqa: E402
from archive_app.importers import html, image  # noqa: E402
from archive_app.importers.image_fingerprint import split_fingerprint  # noqa: E402
from tests.fixtures.make_copies import WIRE_PARAGRAPHS, republished, wire_story  # noqa: E402

Hashes = tuple[int, int]


def fingerprint_of(data: bytes) -> Hashes | None:
    return split_fingerprint(str(image.extract(data).metadata.get("fingerprint", "")))


def as_jpeg(picture: Image.Image, quality: int = 92) -> bytes:
    buffer = io.BytesIO()
    picture.convert("RGB").save(buffer, "JPEG", quality=quality)
    return buffer.getvalue()


def crop_side(picture: Image.Image) -> Image.Image:
    return picture.crop((0, 0, picture.width * 9 // 10, picture.height))


def crop_all(picture: Image.Image) -> Image.Image:
    dx, dy = picture.width // 20, picture.height // 20
    return picture.crop((dx, dy, picture.width - dx, picture.height - dy))


def bar(picture: Image.Image) -> Image.Image:
    stamped = picture.convert("RGB")
    draw = ImageDraw.Draw(stamped)
    draw.rectangle((0, stamped.height * 9 // 10, stamped.width, stamped.height), fill=(200, 0, 0))
    return stamped


def corner_logo(picture: Image.Image) -> Image.Image:
    stamped = picture.convert("RGB")
    w, h = stamped.size
    ImageDraw.Draw(stamped).rectangle((w * 3 // 4, h // 20, w * 19 // 20, h * 3 // 20), "white")
    return stamped


COPIES: dict[str, Callable[[Image.Image], bytes]] = {
    "half size": lambda p: as_jpeg(p.resize((max(1, p.width // 2), max(1, p.height // 2)))),
    "quality 30": lambda p: as_jpeg(p, 30),
    "10% off one side": lambda p: as_jpeg(crop_side(p)),
    "5% off every side": lambda p: as_jpeg(crop_all(p)),
    "grey": lambda p: as_jpeg(p.convert("L")),
    "logo bar 10%": lambda p: as_jpeg(bar(p)),
    "logo box in a corner": lambda p: as_jpeg(corner_logo(p)),
}


def distance(first: Hashes, second: Hashes) -> tuple[int, int]:
    return (first[0] ^ second[0]).bit_count(), (first[1] ^ second[1]).bit_count()


def photos(folder: Path) -> None:
    originals: dict[str, Hashes] = {}
    upright: dict[str, Image.Image] = {}
    for path in sorted(folder.iterdir()):
        data = path.read_bytes()
        try:
            document = image.extract(data, name=path.name)
        except Exception as error:  # a file the importer refuses is not a photo to compare
            print(f"  left out {path.name}: {error}")
            continue
        hashes = split_fingerprint(str(document.metadata.get("fingerprint", "")))
        if hashes is None:
            print(f"  no fingerprint (too plain): {path.name}")
            continue
        originals[path.name] = hashes
        assert document.thumbnail is not None
        upright[path.name] = Image.open(io.BytesIO(document.thumbnail)).convert("RGB")
    same_photo = [n for n in originals if "orientation__landscape" in n]
    same_photo_portrait = [n for n in originals if "orientation__portrait" in n]
    different = [
        (a, b)
        for a, b in itertools.combinations(originals, 2)
        if not ({a, b} <= set(same_photo) or {a, b} <= set(same_photo_portrait))
    ]
    pairs = sorted((distance(originals[a], originals[b]), a, b) for a, b in different)
    pairs.sort(key=lambda p: sum(p[0]))
    wrongly = sum(is_same_photo(*d) for d, _, _ in pairs)
    print(f"\n{len(originals)} photos, {len(pairs)} pairs of different photos:")
    for bits, a, b in pairs[:5]:
        print(f"  phash {bits[0]:2d} + dhash {bits[1]:2d}   {a} / {b}")
    print(f"  called the same photo: {wrongly}")
    for group in (same_photo, same_photo_portrait):
        bits = [distance(originals[a], originals[b]) for a, b in itertools.combinations(group, 2)]
        print(f"  one photo under {len(group)} EXIF orientations: worst {max(bits, key=sum)}")
    print("\ncopies (phash + dhash bits from the original; worst, median; taken by the limits):")
    for name, make in COPIES.items():
        found = []
        for key, picture in upright.items():
            copy = fingerprint_of(make(picture))
            if copy is not None:
                found.append(distance(originals[key], copy))
        found.sort(key=sum)
        taken = sum(is_same_photo(*bits) for bits in found)
        print(
            f"  {name:22s} worst {found[-1]}, median {found[len(found) // 2]}, "
            f"taken {taken} of {len(found)}"
        )


def texts(folder: Path) -> None:
    bodies = {}
    for path in sorted(folder.glob("*.html")):
        body = html.extract(path.read_bytes(), name=path.name).body
        if body:
            bodies[path.name[:12]] = body
    pairs = sorted(
        ((similarity(bodies[a], bodies[b]), a, b) for a, b in itertools.combinations(bodies, 2)),
        reverse=True,
    )
    print(f"\n{len(bodies)} real articles, {len(pairs)} pairs; the most similar:")
    for shared, a, b in pairs[:5]:
        print(f"  {shared:.3f}  {a} / {b}")
    rewrite = "\n\n".join([*WIRE_PARAGRAPHS[:3], "A paragraph of our own.", *WIRE_PARAGRAPHS[5:]])
    print(
        f"  fixture story republished (new first line, one paragraph cut): "
        f"{similarity(wire_story(), republished()):.3f}"
    )
    print(
        f"  fixture story with two paragraphs replaced by one: "
        f"{similarity(wire_story(), rewrite):.3f}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    args = parser.parse_args()
    photos(args.corpus / "photos-dev")
    texts(args.corpus / "articles-dev" / "html")


if __name__ == "__main__":
    main()
