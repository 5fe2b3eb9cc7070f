"""The safeguard on our extraction rules, on pages of every shape: where the rules would lose the
article, trafilatura's text is kept with a note; where they only tidy, nothing changes."""

from __future__ import annotations

import pytest

from archive_app.importers import html
from archive_app.importers.document import ExtractedDocument

PARAGRAPHS = [
    "The ceasefire announced on Tuesday held through the night in most of the region, "
    "according to residents reached by telephone in three towns along the front line.",
    "Aid convoys that had waited for a week at the checkpoint began to move in the morning, "
    "carrying flour, medicine and fuel for the hospital generators.",
    "Officials on both sides described the first day as calm, though each accused the other "
    "of isolated violations near the villages to the north of the river.",
    "Monitors from the mission said they would publish a full account of the night once they "
    "had visited the positions named in the reports they received.",
    "Families who had sheltered in basements for days came out to queue for bread, and some "
    "shops opened their shutters for the first time since the fighting began.",
]


def _page(body: str, title: str = "Ceasefire holds through the first night") -> bytes:
    return (
        f"<!doctype html><html lang='en'><head><title>{title}</title></head>"
        f"<body><header><nav><a href='/'>Home</a> <a href='/world'>World</a></nav></header>"
        f"<h1>{title}</h1>{body}<footer><p>© 2023 Meridian Wire</p></footer></body></html>"
    ).encode()


def _extract(body: str) -> ExtractedDocument:
    return html.extract(_page(body), name="page.html")


def _kept_paragraphs(document: ExtractedDocument) -> int:
    return sum(paragraph in document.body for paragraph in PARAGRAPHS)


def test_an_article_split_into_paywall_sections_is_kept_whole_with_a_note() -> None:
    # Condé Nast's magazines mark every section of a story's body class="paywall".
    body = "".join(
        f'<div class="body__inner-container paywall"><p>{text}</p></div>' for text in PARAGRAPHS
    )
    document = _extract(f"<article>{body}</article>")

    assert _kept_paragraphs(document) == len(PARAGRAPHS)
    [note] = document.notes
    assert note.startswith("The archive's rules for leaving out page furniture kept only 0 of")


def test_a_report_in_containers_named_like_advert_slots_is_kept_with_a_note() -> None:
    body = "".join(f'<div class="story-text ad-slot"><p>{text}</p></div>' for text in PARAGRAPHS)
    document = _extract(f"<main>{body}</main>")

    assert _kept_paragraphs(document) == len(PARAGRAPHS)
    assert "characters of text found on this page" in document.notes[0]


def test_an_arabic_report_written_without_paragraph_tags_is_not_lost() -> None:
    arabic = [
        "أعلنت السلطات المحلية صباح اليوم عن فتح الطريق أمام قوافل المساعدات الإنسانية بعد أسبوع "
        "من الانتظار عند نقطة التفتيش، وقال السكان إن الليلة مرت بهدوء في معظم البلدات.",
        "وأكد مسؤولون من الجانبين أن اليوم الأول من وقف إطلاق النار كان هادئا، رغم تبادل "
        "الاتهامات بخروقات محدودة قرب القرى الواقعة شمال النهر.",
        "وقالت بعثة المراقبين إنها ستنشر تقريرا كاملا بعد زيارة المواقع التي وردت في البلاغات.",
    ]
    body = "".join(f'<div class="share-text">{text}<br><br></div>' for text in arabic)
    document = html.extract(
        _page(f"<article>{body}</article>", title="فتح الطريق أمام القوافل"), name="page.html"
    )

    assert all(text in document.body for text in arabic)


def test_a_well_made_article_is_left_to_our_rules_without_a_note() -> None:
    paragraphs = "".join(f"<p>{text}</p>" for text in PARAGRAPHS)
    related = (
        '<aside class="related"><h2>Related</h2><ul>'
        + "".join(f'<li><a href="/a{n}">Another story number {n}</a></li>' for n in range(8))
        + "</ul></aside>"
    )
    document = _extract(f"<article>{paragraphs}</article>{related}")

    assert _kept_paragraphs(document) == len(PARAGRAPHS)
    assert "Another story" not in document.body
    assert document.notes == []


@pytest.mark.parametrize(
    "body",
    [
        "<article><p>Too short to judge.</p></article>",
        '<div class="newsletter-signup"><p>Sign up for our newsletter.</p></div>',
    ],
)
def test_a_page_with_little_text_is_not_second_guessed(body: str) -> None:
    document = _extract(body)

    assert not any("page furniture" in note for note in document.notes)
