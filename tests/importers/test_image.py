"""The photo importer: captions and credits by trust, dates, places, thumbnails, bad files."""

from __future__ import annotations

import io
import json
import pickle
import struct
from pathlib import Path

import pytest
from PIL import Image, ImageFile

from archive_app.core.errors import ExtractionError, UnsupportedFormatError
from archive_app.importers import image
from archive_app.importers.document import Caption
from archive_app.importers.image_facts import camera_name, first_sentence, is_boilerplate
from tests.fixtures import make_images as photos

STEPANAKERT_GPS = ((39.0, 48.0, 55.08), "N", (46.0, 45.0, 6.84), "E")
FULL_EXIF = {
    "description": "EXIF description of the scene.",
    "artist": "Exif Artist",
    "copyright_notice": "Copyright Exif Artist",
    "taken": "2020:10:04 09:15:00",
    "offset": "+04:00",
    "make": "Canon",
    "model": "Canon EOS 5D Mark IV",
    "gps": STEPANAKERT_GPS,
}
FULL_XMP = {
    "description": "XMP description of the scene.",
    "creators": ["Xmp Creator", "Second Creator"],
    "credit": "XMP Credit Agency",
    "rights": "XMP rights holder",
    "title": "XMP title",
    "created": "2020-10-05T10:00:00+04:00",
    "keywords": ["Karabakh", "shelling"],
    "city": "Stepanakert",
    "country": "Azerbaijan",
}
FULL_IPTC = {
    120: photos.CAPTION,
    80: photos.PHOTOGRAPHER,
    110: photos.CREDIT,
    116: "© 2020 Anahit Sargsyan",
    5: "KARABAKH-CONFLICT",
    105: "Shelling of Stepanakert",
    25: ["Stepanakert", "Khankendi"],
    55: "20201006",
    60: "120000+0400",
    90: "Stepanakert",
    101: "Nagorno-Karabakh",
}


def everything_jpeg() -> bytes:
    return photos.jpeg(
        exif=photos.exif_block(**FULL_EXIF),
        xmp=photos.xmp_packet(**FULL_XMP),
        iptc=photos.iptc_block(FULL_IPTC),
    )


def test_reads_the_essentials_from_a_photo_desk_jpeg() -> None:
    document = image.extract(everything_jpeg(), name="stepanakert.jpg")
    metadata = document.metadata

    assert document.kind == "image"
    assert document.mime_type == "image/jpeg"
    assert metadata["caption"] == photos.CAPTION
    assert metadata["creator"] == photos.PHOTOGRAPHER
    assert metadata["credit"] == photos.CREDIT
    assert metadata["copyright"] == "© 2020 Anahit Sargsyan"
    assert metadata["taken_at"] == "2020-10-04T09:15:00+04:00"
    assert metadata["camera"] == "Canon EOS 5D Mark IV"
    assert metadata["gps"] == {"lat": 39.8153, "lon": 46.7519}
    assert (metadata["width"], metadata["height"], metadata["format"]) == (640, 480, "JPEG")
    assert metadata["keywords"] == ["Stepanakert", "Khankendi"]
    assert metadata["location"] == "Stepanakert, Nagorno-Karabakh"
    assert metadata["headline"] == "Shelling of Stepanakert"


def test_the_caption_becomes_a_caption_and_its_first_sentence_the_title() -> None:
    document = image.extract(everything_jpeg(), name="stepanakert.jpg")

    assert document.captions == [Caption(photos.CAPTION, photos.CREDIT)]
    assert document.title == "Smoke rises over Stepanakert (Khankendi) on Oct. 4, 2020."
    assert document.authors == [photos.PHOTOGRAPHER]
    assert document.published == "2020-10-04"


def test_raw_exif_iptc_and_xmp_are_kept_as_readable_json() -> None:
    metadata = image.extract(everything_jpeg()).metadata

    assert metadata["exif"]["Artist"] == "Exif Artist"
    assert metadata["exif"]["GPSLatitude"] == "39, 48, 55.08"
    assert metadata["exif"]["DateTimeOriginal"] == "2020:10:04 09:15:00"
    assert metadata["iptc"]["By-line"] == photos.PHOTOGRAPHER
    assert metadata["iptc"]["Keywords"] == ["Stepanakert", "Khankendi"]
    assert metadata["xmp"]["photoshop:Credit"] == "XMP Credit Agency"
    assert metadata["xmp"]["dc:creator"] == ["Xmp Creator", "Second Creator"]
    assert json.loads(json.dumps(metadata)) == metadata


def test_the_result_pickles() -> None:
    document = image.extract(everything_jpeg())

    assert pickle.loads(pickle.dumps(document)) == document


def test_without_iptc_xmp_is_trusted_before_exif() -> None:
    data = photos.jpeg(
        exif=photos.exif_block(**FULL_EXIF),
        xmp=photos.xmp_packet(**FULL_XMP),
    )
    document = image.extract(data)
    metadata = document.metadata

    assert metadata["caption"] == "XMP description of the scene."
    assert metadata["creator"] == "Xmp Creator; Second Creator"
    assert metadata["credit"] == "XMP Credit Agency"
    assert metadata["copyright"] == "XMP rights holder"
    assert metadata["taken_at"] == "2020-10-04T09:15:00+04:00"
    assert document.captions == [Caption("XMP description of the scene.", "XMP Credit Agency")]
    assert document.authors == ["Xmp Creator", "Second Creator"]
    assert metadata["location"] == "Stepanakert, Azerbaijan"
    assert metadata["keywords"] == ["Karabakh", "shelling"]


def test_exif_alone_still_gives_caption_creator_and_copyright() -> None:
    document = image.extract(photos.jpeg(exif=photos.exif_block(**FULL_EXIF)))
    metadata = document.metadata

    assert metadata["caption"] == "EXIF description of the scene."
    assert metadata["creator"] == "Exif Artist"
    assert metadata["credit"] == ""
    assert metadata["copyright"] == "Copyright Exif Artist"
    assert document.captions == [Caption("EXIF description of the scene.", "Exif Artist")]


@pytest.mark.parametrize(
    "junk",
    ["OLYMPUS DIGITAL CAMERA", "SONY DSC", "KODAK Digital Still Camera", "   ", "Canon", "<KENOX>"],
)
def test_camera_boilerplate_is_not_a_caption(junk: str) -> None:
    data = photos.jpeg(exif=photos.exif_block(description=junk, make="Canon", model="PowerShot"))
    document = image.extract(data, name="IMG_0042.JPG")

    assert document.metadata["caption"] == ""
    assert document.captions == []
    assert document.title == "IMG 0042"


def test_a_credit_written_into_the_caption_is_split_off() -> None:
    data = photos.jpeg(
        iptc=photos.iptc_block({120: "Soldiers in Shusha. Photo: Karen Minasyan/AFP"})
    )
    document = image.extract(data)

    assert document.captions == [Caption("Soldiers in Shusha.", "Karen Minasyan/AFP")]
    assert document.title == "Soldiers in Shusha."
    assert document.metadata["caption"] == "Soldiers in Shusha. Photo: Karen Minasyan/AFP"


def test_a_blank_iptc_caption_gives_way_to_the_next_source() -> None:
    data = photos.jpeg(
        exif=photos.exif_block(description="OLYMPUS DIGITAL CAMERA"),
        xmp=photos.xmp_packet(description="Refugees on the Lachin road."),
        iptc=photos.iptc_block({120: "   "}),
    )

    assert image.extract(data).metadata["caption"] == "Refugees on the Lachin road."


def test_without_a_caption_the_title_is_the_object_name_then_the_headline() -> None:
    named = photos.jpeg(iptc=photos.iptc_block({5: "Shusha cathedral", 105: "Headline"}))
    headlined = photos.jpeg(xmp=photos.xmp_packet(headline="Damage in Ganja"))

    assert image.extract(named, name="a.jpg").title == "Shusha cathedral"
    assert image.extract(headlined, name="a.jpg").title == "Damage in Ganja"


@pytest.mark.parametrize(
    ("gps", "expected"),
    [
        (((39.0, 48.0, 55.08), "N", (46.0, 45.0, 6.84), "E"), {"lat": 39.8153, "lon": 46.7519}),
        (((33.0, 51.0, 0.0), "S", (151.0, 12.0, 36.0), "E"), {"lat": -33.85, "lon": 151.21}),
        (((40.0, 42.0, 46.08), "N", (74.0, 0.0, 21.6), "W"), {"lat": 40.7128, "lon": -74.006}),
        (((22.0, 54.0, 0.0), "S", (43.0, 12.0, 0.0), "W"), {"lat": -22.9, "lon": -43.2}),
        (((39.0, 75.0, 0.0), "N", (46.0, 45.0, 0.0), "E"), None),
        (((95.0, 0.0, 0.0), "N", (46.0, 45.0, 0.0), "E"), None),
        (((0.0, 0.0, 0.0), "N", (0.0, 0.0, 0.0), "E"), None),
    ],
    ids=["north-east", "south-east", "north-west", "south-west", "bad-minutes", "bad-lat", "0,0"],
)
def test_gps_becomes_signed_decimal_degrees(
    gps: tuple[tuple[float, float, float], str, tuple[float, float, float], str],
    expected: dict[str, float] | None,
) -> None:
    document = image.extract(photos.jpeg(exif=photos.exif_block(gps=gps)))

    assert document.metadata["gps"] == expected


def test_gps_from_xmp_when_exif_has_none() -> None:
    xmp = photos.xmp_packet(latitude="39,48.918N", longitude="46,45.114E")

    assert image.extract(photos.jpeg(xmp=xmp)).metadata["gps"] == {"lat": 39.8153, "lon": 46.7519}


def test_dates_come_from_xmp_or_iptc_when_exif_has_none() -> None:
    from_xmp = photos.jpeg(xmp=photos.xmp_packet(created="2020-11-08T14:30:00+04:00"))
    from_iptc = photos.jpeg(iptc=photos.iptc_block({55: "20201110", 60: "013000+0400"}))
    day_only = photos.jpeg(iptc=photos.iptc_block({55: "20201110"}))

    assert image.extract(from_xmp).metadata["taken_at"] == "2020-11-08T14:30:00+04:00"
    assert image.extract(from_iptc).metadata["taken_at"] == "2020-11-10T01:30:00+04:00"
    assert image.extract(day_only).published == "2020-11-10"


def test_blank_and_zero_exif_dates_are_ignored() -> None:
    for blank in ("0000:00:00 00:00:00", "    :  :     :  :  "):
        document = image.extract(photos.jpeg(exif=photos.exif_block(taken=blank)))
        assert document.metadata["taken_at"] == ""
        assert document.published == ""


def test_a_photo_without_metadata_has_empty_essentials_and_the_file_name_as_title() -> None:
    document = image.extract(photos.jpeg(), name="folder/leaflet_2020-10.jpg")
    metadata = document.metadata

    assert document.title == "leaflet 2020 10"
    assert [metadata[key] for key in ("caption", "creator", "credit", "copyright")] == [""] * 4
    assert metadata["gps"] is None
    assert metadata["taken_at"] == ""
    assert document.captions == []
    assert document.notes == []


def test_the_thumbnail_is_a_jpeg_at_most_512_pixels_long() -> None:
    document = image.extract(photos.jpeg(photos.picture((2000, 1000))))

    assert photos.thumbnail_of(document).size == (512, 256)
    assert (document.metadata["width"], document.metadata["height"]) == (2000, 1000)


def test_a_small_picture_is_not_enlarged() -> None:
    assert photos.thumbnail_of(image.extract(photos.jpeg(photos.picture((120, 80))))).size == (
        120,
        80,
    )


def test_the_thumbnail_is_shown_upright_and_the_size_is_as_shown() -> None:
    sideways = Image.new("RGB", (200, 100), "red")
    sideways.paste((0, 0, 255), (100, 0, 200, 100))
    document = image.extract(photos.jpeg(sideways, exif=photos.exif_block(orientation=6)))
    thumbnail = photos.thumbnail_of(document).convert("RGB")

    assert thumbnail.size == (100, 200)
    red, _, blue = thumbnail.getpixel((50, 20))
    assert red > 200 and blue < 50
    red, _, blue = thumbnail.getpixel((50, 180))
    assert blue > 200 and red < 50
    assert (document.metadata["width"], document.metadata["height"]) == (100, 200)
    assert document.metadata["orientation"] == 6


@pytest.mark.parametrize(
    ("image_format", "mime"),
    [("PNG", "image/png"), ("WEBP", "image/webp"), ("TIFF", "image/tiff")],
)
def test_png_webp_and_tiff_carry_exif_and_xmp(image_format: str, mime: str) -> None:
    exif = photos.exif_block(artist="Exif Artist", make="NIKON CORPORATION", model="NIKON D850")
    xmp = photos.xmp_packet(description="Checkpoint near Lachin.", credit="Agency")
    document = image.extract(photos.saved(photos.picture(), image_format, exif=exif, xmp=xmp))

    assert document.mime_type == mime
    assert document.metadata["format"] == image_format
    assert document.metadata["caption"] == "Checkpoint near Lachin."
    assert document.metadata["creator"] == "Exif Artist"
    assert document.metadata["camera"] == "NIKON D850"
    assert document.captions == [Caption("Checkpoint near Lachin.", "Agency")]
    assert photos.thumbnail_of(document).size == (512, 384)


def test_tiff_carries_iptc() -> None:
    iptc = photos.iptc_block({120: "Aghdam mosque.", 80: "Rustam Aliyev"})
    document = image.extract(photos.saved(photos.picture(), "TIFF", iptc=iptc))

    assert document.captions == [Caption("Aghdam mosque.", "Rustam Aliyev")]


def test_a_transparent_gif_gets_a_white_background_and_a_frame_count() -> None:
    frames = [Image.new("RGBA", (40, 40), colour) for colour in ((255, 0, 0, 0), "green", "blue")]
    frames[0].paste((255, 0, 0, 255), (0, 0, 20, 40))
    buffer = io.BytesIO()
    frames[0].save(buffer, "GIF", save_all=True, append_images=frames[1:], disposal=2)
    document = image.extract(buffer.getvalue())
    thumbnail = photos.thumbnail_of(document).convert("RGB")

    assert document.mime_type == "image/gif"
    assert document.metadata["frames"] == 3
    assert min(thumbnail.getpixel((35, 20))) > 240
    assert thumbnail.getpixel((5, 20))[0] > 200


@pytest.mark.parametrize("mode", ["L", "1", "CMYK", "I;16", "LA", "P"])
def test_every_kind_of_pixel_makes_a_thumbnail(mode: str) -> None:
    picture = photos.picture((64, 48))
    converted = picture.convert("I").convert(mode) if mode == "I;16" else picture.convert(mode)
    image_format = "TIFF" if mode == "CMYK" else "PNG"
    document = image.extract(photos.saved(converted, image_format))

    assert photos.thumbnail_of(document).size == (64, 48)


def test_bmp_imports() -> None:
    document = image.extract(photos.saved(photos.picture(), "BMP"), name="map.bmp")

    assert document.metadata["format"] == "BMP"
    assert photos.thumbnail_of(document).size == (512, 384)


def test_a_cut_off_jpeg_imports_what_is_there_with_a_note() -> None:
    data = photos.jpeg()

    document = image.extract(data[: len(data) // 2])

    assert document.notes == [
        "The JPEG file is incomplete or damaged; "
        "the part of the picture that could be read was imported."
    ]
    assert photos.thumbnail_of(document).size == (512, 384)
    assert ImageFile.LOAD_TRUNCATED_IMAGES is False


def test_a_cut_off_png_imports_what_is_there_with_a_note() -> None:
    data = photos.saved(photos.picture(), "PNG")

    document = image.extract(data[: len(data) // 2])

    assert "The PNG file is incomplete or damaged" in document.notes[0]


@pytest.mark.parametrize(("width", "height"), [(100_000, 100_000), (12_500, 12_500)])
def test_a_decompression_bomb_is_refused(width: int, height: int) -> None:
    before = Image.MAX_IMAGE_PIXELS
    with pytest.raises(ExtractionError, match=r"^The picture is too large to open safely"):
        image.extract(photos.png_header(width, height), name="bomb.png")

    assert before == Image.MAX_IMAGE_PIXELS


def test_random_bytes_named_jpg_are_not_an_image() -> None:
    with pytest.raises(UnsupportedFormatError) as failure:
        image.extract(bytes(range(256)) * 8, name="photo.jpg")

    assert str(failure.value).startswith(
        "This file is not a picture in a format the archive reads although its name is photo.jpg;"
    )


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (b"\xff\xd8\xff\xe0" + bytes(600), "JPEG"),
        (b"\x89PNG\r\n\x1a\n" + bytes(100), "PNG"),
        (b"GIF89a" + bytes(3), "GIF"),
    ],
)
def test_a_damaged_image_fails_with_one_plain_reason(data: bytes, kind: str) -> None:
    with pytest.raises(ExtractionError) as failure:
        image.extract(data)

    assert str(failure.value) == f"The {kind} file is damaged and its picture cannot be read."


def test_pillow_warnings_become_a_note_and_never_escape() -> None:
    exif_pointing_past_the_end = (
        b"II*\x00" + struct.pack("<IH", 8, 1) + struct.pack("<HHII", 270, 2, 400, 5000) + bytes(4)
    )
    payload = b"Exif\x00\x00" + exif_pointing_past_the_end
    data = photos.jpeg()
    data = data[:2] + b"\xff\xe1" + struct.pack(">H", len(payload) + 2) + payload + data[2:]

    document = image.extract(data)

    assert document.notes == [
        "The file has small defects; everything that could be read was imported."
    ]
    assert document.metadata["warnings"] == ["Tag data larger than file. Skipping tag 270"]


def test_damaged_xmp_is_left_out_with_a_note() -> None:
    data = photos.jpeg(
        exif=photos.exif_block(description="Burnt house in Kalbajar."),
        xmp=b"<x:xmpmeta xmlns:x='adobe:ns:meta/'><rdf:RDF unclosed",
    )
    document = image.extract(data)

    assert document.metadata["caption"] == "Burnt house in Kalbajar."
    assert document.notes == ["The photo's XMP data is damaged and was left out."]


def test_an_xml_bomb_in_xmp_is_not_expanded() -> None:
    entities = "".join(
        f'<!ENTITY e{level} "{("&e" + str(level - 1) + ";") * 10}">' for level in range(1, 10)
    )
    packet = (
        f'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e0 "boom">{entities}]>'
        '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF '
        'xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description '
        'xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:description>&e9;</dc:description>'
        "</rdf:Description></rdf:RDF></x:xmpmeta>"
    ).encode()
    document = image.extract(photos.jpeg(xmp=packet))

    assert len(json.dumps(document.metadata)) < 10_000
    assert "boom" not in document.metadata["caption"]


def test_an_external_entity_in_xmp_is_not_read() -> None:
    packet = (
        b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY secret SYSTEM "file:///etc/hostname">]>'
        b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF '
        b'xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description '
        b'xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:description>Caption &secret;'
        b"</dc:description></rdf:Description></rdf:RDF></x:xmpmeta>"
    )
    document = image.extract(photos.jpeg(xmp=packet))

    hostname = Path("/etc/hostname")
    secret = hostname.read_text().strip() if hostname.exists() else "no-such-host-name"
    assert document.metadata["caption"] == "Caption"
    assert secret not in json.dumps(document.metadata)


@pytest.mark.parametrize(
    ("make", "model", "camera"),
    [
        ("Canon", "Canon EOS 40D", "Canon EOS 40D"),
        ("NIKON CORPORATION", "NIKON D300", "NIKON D300"),
        ("OLYMPUS IMAGING CORP.", "E-P3", "OLYMPUS E-P3"),
        (
            "EASTMAN KODAK COMPANY",
            "KODAK CX7530 ZOOM DIGITAL CAMERA",
            "KODAK CX7530 ZOOM DIGITAL CAMERA",
        ),
        ("Apple", "iPhone 11 Pro Max", "Apple iPhone 11 Pro Max"),
        ("Apple", "", "Apple"),
        ("", "", ""),
    ],
)
def test_camera_names_do_not_repeat_the_make(make: str, model: str, camera: str) -> None:
    assert camera_name(make, model) == camera


@pytest.mark.parametrize(
    ("caption", "title"),
    [
        ("One sentence only", "One sentence only"),
        ("Gen. Ivanov visits Shusha. He met residents.", "Gen. Ivanov visits Shusha."),
        ("Ruins in Aghdam, Nov. 20, 2020. The town was empty.", "Ruins in Aghdam, Nov. 20, 2020."),
    ],
)
def test_the_title_is_the_captions_first_sentence(caption: str, title: str) -> None:
    assert first_sentence(caption) == title


def test_a_very_long_first_sentence_is_cut_at_a_word() -> None:
    title = first_sentence("A " + "very " * 40 + "long caption.")

    assert title.startswith("A very very")
    assert title.endswith(" very…")
    assert len(title) <= 121


@pytest.mark.parametrize(
    ("text", "junk"),
    [("OLYMPUS DIGITAL CAMERA", True), ("", True), ("12345", True), ("Aghdam", False)],
)
def test_boilerplate(text: str, junk: bool) -> None:
    assert is_boilerplate(text) is junk
