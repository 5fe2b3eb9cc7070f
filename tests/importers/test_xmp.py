"""XMP packets read safely into a flat dictionary (shared by the photo and PDF importers)."""

from __future__ import annotations

import pytest

from archive_app.importers.xmp import (
    XMP_MAX_BYTES,
    XmpError,
    first_text,
    parse_xmp,
    text_list,
    xmp_date,
)

RDF_OPEN = (
    '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF '
    'xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
)
RDF_CLOSE = "</rdf:RDF></x:xmpmeta>"


def packet(description: str) -> bytes:
    return (RDF_OPEN + description + RDF_CLOSE).encode()


def test_reads_attributes_arrays_alternatives_and_structures() -> None:
    xmp = parse_xmp(
        packet(
            '<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" '
            'xmlns:xap="http://ns.adobe.com/xap/1.0/" '
            'xmlns:Iptc4xmpCore="http://iptc.org/std/Iptc4xmpCore/1.0/xmlns/" '
            'xmlns:my="http://example.org/my-schema/" xap:CreatorTool="Lightroom">'
            "<dc:title><rdf:Alt><rdf:li xml:lang='hy'>Շուշի</rdf:li>"
            "<rdf:li xml:lang='x-default'>Shusha</rdf:li></rdf:Alt></dc:title>"
            "<dc:subject><rdf:Bag><rdf:li>war</rdf:li><rdf:li> </rdf:li>"
            "<rdf:li>Karabakh</rdf:li></rdf:Bag></dc:subject>"
            "<dc:creator><rdf:Seq><rdf:li>One</rdf:li><rdf:li>Two</rdf:li></rdf:Seq></dc:creator>"
            "<Iptc4xmpCore:CreatorContactInfo rdf:parseType='Resource'>"
            "<Iptc4xmpCore:CiAdrCity>Baku</Iptc4xmpCore:CiAdrCity>"
            "</Iptc4xmpCore:CreatorContactInfo>"
            "<my:Rating>  4 </my:Rating>"
            "<dc:source rdf:resource='https://example.org/photo'/>"
            "</rdf:Description>"
        )
    )

    assert xmp == {
        "xmp:CreatorTool": "Lightroom",
        "dc:title": "Shusha",
        "dc:subject": ["war", "Karabakh"],
        "dc:creator": ["One", "Two"],
        "Iptc4xmpCore:CreatorContactInfo/Iptc4xmpCore:CiAdrCity": "Baku",
        "my:Rating": "4",
        "dc:source": "https://example.org/photo",
    }
    assert first_text(xmp, "dc:creator") == "One"
    assert text_list(xmp, "dc:title") == ["Shusha"]
    assert first_text(xmp, "dc:missing") == ""


def test_an_alternative_without_x_default_gives_its_first_text() -> None:
    xmp = parse_xmp(
        packet(
            '<rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:rights><rdf:Alt>'
            "<rdf:li xml:lang='az'>Müəllif hüququ</rdf:li><rdf:li xml:lang='en'>Copyright</rdf:li>"
            "</rdf:Alt></dc:rights></rdf:Description>"
        )
    )

    assert xmp == {"dc:rights": "Müəllif hüququ"}


def test_padding_and_a_packet_wrapper_are_tolerated() -> None:
    data = b'<?xpacket begin="\xef\xbb\xbf" id="W5M0MpCehiHzreSzNTczkc9d"?>\n' + packet(
        '<rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/" dc:format="image/jpeg"/>'
    )
    data += b"\n" + b" " * 2000 + b'<?xpacket end="w"?>' + b"\x00\x00"

    assert parse_xmp(data) == {"dc:format": "image/jpeg"}


@pytest.mark.parametrize("data", [b"", b"not xml", b"<x:xmpmeta><unclosed", b"<a>&undefined;</a>"])
def test_unreadable_packets_raise_xmp_error(data: bytes) -> None:
    with pytest.raises(XmpError):
        parse_xmp(data)


def test_an_oversized_packet_is_refused_unread() -> None:
    with pytest.raises(XmpError, match="larger than"):
        parse_xmp(b" " * (XMP_MAX_BYTES + 1))


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("2020-10-04T09:15:00+04:00", "2020-10-04T09:15:00+04:00"),
        ("2020-10-04T09:15:00.25Z", "2020-10-04T09:15:00+00:00"),
        ("2020-10-04T09:15", "2020-10-04T09:15:00"),
        ("2020-10-04", "2020-10-04"),
        ("2020-10", "2020-10"),
        ("2020", "2020"),
        ("0000-00-00", ""),
        ("2020-13-40", ""),
        ("2020:10:04 09:15:00", ""),
        ("soon", ""),
    ],
)
def test_xmp_dates(text: str, iso: str) -> None:
    assert xmp_date(text) == iso
