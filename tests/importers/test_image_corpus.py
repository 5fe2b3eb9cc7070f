"""The photo importer on the shared corpus of real-world photos (skipped where it is absent)."""

from __future__ import annotations

import importlib.util
import json
import pickle
import re
from pathlib import Path

import pytest
from PIL import Image

from archive_app.core.errors import ExtractionError, ImportFailure, UnsupportedFormatError
from archive_app.importers import image
from tests.fixtures.make_images import mean_difference, thumbnail_of

CORPUS_PHOTOS = Path(__file__).resolve().parents[2].parent / "shared" / "corpus" / "photos-dev"
CORPUS_NAMES = sorted(path.name for path in CORPUS_PHOTOS.glob("*") if path.is_file())
HAVE_HEIF = importlib.util.find_spec("pillow_heif") is not None


@pytest.mark.parametrize("name", CORPUS_NAMES)
def test_every_corpus_photo_imports_or_fails_with_a_plain_reason(corpus: Path, name: str) -> None:
    data = (corpus / "photos-dev" / name).read_bytes()
    try:
        document = image.extract(data, name=name)
    except ImportFailure as failure:
        assert re.fullmatch(r"[A-Z][^\n]+\.", str(failure)), str(failure)
        assert name.startswith(("jpg__invalid__", "heic__")), f"{name}: {failure}"
        return
    thumbnail = thumbnail_of(document)
    assert max(thumbnail.size) <= image.THUMBNAIL_SIZE
    assert document.metadata["width"] > 0 and document.metadata["height"] > 0
    assert document.title
    json.dumps(document.metadata)
    pickle.dumps(document)


@pytest.mark.parametrize("name", [name for name in CORPUS_NAMES if name.startswith("jpg__gps__")])
def test_corpus_photos_with_gps(corpus: Path, name: str) -> None:
    document = image.extract((corpus / "photos-dev" / name).read_bytes(), name=name)
    gps = document.metadata["gps"]

    assert gps is not None
    assert 43.4 < gps["lat"] < 43.5 and 11.8 < gps["lon"] < 11.9  # Tuscany, north and east
    assert document.metadata["camera"] == "NIKON COOLPIX P6000"


def test_corpus_photos_in_the_western_hemisphere_have_negative_longitudes(corpus: Path) -> None:
    madrid = image.extract((corpus / "photos-dev" / "jpg__hdr__iphone_hdr_NO.jpg").read_bytes())

    assert madrid.metadata["gps"] == {
        "lat": pytest.approx(40.447, abs=1e-3),
        "lon": pytest.approx(-3.7248, abs=1e-3),
    }


@pytest.mark.parametrize("kind", ["landscape", "portrait"])
def test_corpus_orientations_all_give_the_same_upright_thumbnail(corpus: Path, kind: str) -> None:
    thumbnails = [
        thumbnail_of(
            image.extract(
                (corpus / "photos-dev" / f"jpg__orientation__{kind}_{n}.jpg").read_bytes()
            )
        )
        for n in (1, 3, 5, 7)
    ]
    upright = thumbnails[0].convert("L")
    for thumbnail in thumbnails[1:]:
        assert thumbnail.size == upright.size
        turned = thumbnail.convert("L")
        assert mean_difference(upright, turned) * 2 < min(
            mean_difference(upright, turned.transpose(Image.Transpose.ROTATE_180)),
            mean_difference(upright, turned.transpose(Image.Transpose.FLIP_LEFT_RIGHT)),
        )


def test_corpus_xmp_photo(corpus: Path) -> None:
    document = image.extract((corpus / "photos-dev" / "jpg__xmp__BlueSquare.jpg").read_bytes())

    assert document.captions[0].text.startswith("XMPFiles BlueSquare test file")
    assert document.metadata["object_name"] == "Blue Square Test File - .jpg"
    assert document.metadata["keywords"] == ["XMP", "Blue Square", "test file", "Photoshop", ".jpg"]


def test_corpus_camera_defaults_are_not_captions(corpus: Path) -> None:
    for name in ("jpg__tests__42_IndexError.jpg", "jpg__exif-org__sanyo-vpcg250.jpg"):
        document = image.extract((corpus / "photos-dev" / name).read_bytes(), name=name)
        assert document.captions == [], name


def test_corpus_invalid_jpegs_import_or_fail_clearly(corpus: Path) -> None:
    for path in sorted((corpus / "photos-dev").glob("jpg__invalid__*")):
        try:
            document = image.extract(path.read_bytes(), name=path.name)
        except ExtractionError as failure:
            assert str(failure).startswith("The JPEG file is damaged")
        else:
            assert document.thumbnail


def test_corpus_heic(corpus: Path) -> None:
    data = (corpus / "photos-dev" / "heic__IMG_5195.HEIC").read_bytes()
    if not HAVE_HEIF:
        with pytest.raises(UnsupportedFormatError, match="HEIC photos cannot be read"):
            image.extract(data)
        return
    document = image.extract(data, name="IMG_5195.HEIC")

    assert document.metadata["format"] == "HEIF"
    assert document.metadata["camera"] == "Apple iPhone 11 Pro Max"
    assert document.metadata["taken_at"] == "2021-04-11T15:47:53-05:00"
    assert document.metadata["gps"]["lon"] < 0
    assert max(thumbnail_of(document).size) == 512
