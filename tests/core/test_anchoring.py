"""Finding annotated passages again when a source's text is extracted anew."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from archive_app.core.anchoring import TextQuote, locate, occurrences, quote_at
from archive_app.core.archive import Archive

TEXT = (
    "On 27 September 2020 fighting broke out along the line of contact. "
    "Stepanakert was shelled the same day. Officials in Baku called it a counter-offensive. "
    "By 8 November the town of Shusha had changed hands, and on 10 November a ceasefire "
    "was signed. Stepanakert was shelled again in the last days of the war."
)


def quote_of(text: str, passage: str, nth: int = 0) -> tuple[TextQuote, int, int]:
    start = -1
    for _ in range(nth + 1):
        start = text.index(passage, start + 1)
    end = start + len(passage)
    return quote_at(text, start, end), start, end


def test_quote_at_keeps_32_characters_of_context() -> None:
    quote, start, end = quote_of(TEXT, "called it a counter-offensive")
    assert quote.exact == "called it a counter-offensive"
    assert quote.prefix == TEXT[start - 32 : start]
    assert quote.suffix == TEXT[end : end + 32]
    assert quote_at(TEXT, 0, 2).prefix == ""


def test_unchanged_text_anchors_at_the_same_offsets() -> None:
    quote, start, end = quote_of(TEXT, "Shusha had changed hands")
    assert locate(TEXT, quote, start, end) == locate(TEXT, quote) is not None
    anchor = locate(TEXT, quote, start, end)
    assert anchor is not None
    assert (anchor.start, anchor.end, anchor.status) == (start, end, "anchored")


def test_moved_text_is_found_by_its_quote() -> None:
    quote, start, end = quote_of(TEXT, "Shusha had changed hands")
    changed = "Updated 11 November. " + TEXT
    anchor = locate(changed, quote, start, end)
    assert anchor is not None
    assert changed[anchor.start : anchor.end] == "Shusha had changed hands"
    assert anchor.status == "anchored"


def test_a_repeated_quote_is_told_apart_by_its_context() -> None:
    quote, start, end = quote_of(TEXT, "Stepanakert was shelled", nth=1)
    changed = "Updated. " + TEXT
    anchor = locate(changed, quote, start, end)
    assert anchor is not None
    assert anchor.start == changed.rindex("Stepanakert was shelled")
    first_quote, first_start, first_end = quote_of(TEXT, "Stepanakert was shelled")
    first = locate(changed, first_quote, first_start, first_end)
    assert first is not None
    assert first.start == changed.index("Stepanakert was shelled")


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ("the town of Shusha had changed hands", "the town of Shushi had changed hands"),
        ("the town of Shusha had changed hands", "the town of Shusha (Şuşa) had changed hands"),
        (
            "fighting broke out along the line of contact",
            "fighting broke out along the contact line",
        ),
    ],
)
def test_small_changes_are_found_by_a_fuzzy_match(before: str, after: str) -> None:
    quote, start, end = quote_of(TEXT, before)
    changed = TEXT.replace(before, after).replace("On 27 September", "On Sunday 27 September")
    anchor = locate(changed, quote, start, end)
    assert anchor is not None
    assert anchor.status == "fuzzy"
    found = changed[anchor.start : anchor.end]
    assert found == after or after.startswith(found)
    assert anchor.similarity >= 0.75


def test_a_changed_passage_is_not_confused_with_the_same_words_elsewhere() -> None:
    quote, start, end = quote_of(TEXT, "Shusha")
    changed = TEXT.replace("town of Shusha", "town of Shushi") + " Shusha is Şuşa in Azerbaijani."
    anchor = locate(changed, quote, start, end)
    assert anchor is not None
    assert (changed[anchor.start : anchor.end], anchor.status) == ("Shushi", "fuzzy")


def test_changed_spacing_alone_keeps_the_passage_anchored() -> None:
    quote, start, end = quote_of(TEXT, "the town of Shusha had changed hands")
    changed = TEXT.replace("town of Shusha", "town of\n Shusha")
    anchor = locate(changed, quote, start, end)
    assert anchor is not None
    assert changed[anchor.start : anchor.end] == "the town of\n Shusha had changed hands"
    assert anchor.status == "anchored"


def test_a_passage_that_is_gone_is_not_found() -> None:
    quote, start, end = quote_of(TEXT, "Officials in Baku called it a counter-offensive.")
    changed = TEXT.replace("Officials in Baku called it a counter-offensive. ", "")
    assert locate(changed, quote, start, end) is None


def test_occurrences_fall_back_to_flexible_whitespace() -> None:
    assert len(occurrences(TEXT, "Stepanakert was shelled")) == 2
    [(start, end)] = occurrences(TEXT, "line of\ncontact")
    assert TEXT[start:end] == "line of contact"
    assert occurrences(TEXT, "Khankendi") == []


def test_reanchor_after_re_extraction(
    archive: Archive, import_texts: Callable[..., list[int]]
) -> None:
    [source_id] = import_texts({"war.txt": TEXT})
    kept, _ = archive.annotations.add_quote(source_id, "a ceasefire was signed", note="truce")
    renamed, _ = archive.annotations.add_quote(
        source_id, "the town of Shusha had changed hands", note="Shusha falls"
    )
    lost, _ = archive.annotations.add_quote(
        source_id, "Officials in Baku called it a counter-offensive.", note="framing"
    )
    body = archive.get(source_id).body
    new_body = "Editor's note: this report was updated.\n\n" + body.replace(
        "Shusha had", "Shushi had"
    ).replace("Officials in Baku called it a counter-offensive. ", "")
    with archive.database.transaction() as connection:
        connection.execute("UPDATE sources SET body = ? WHERE id = ?", (new_body, source_id))

    results = {result.annotation_id: result for result in archive.annotations.reanchor(source_id)}

    assert {key: value.status for key, value in results.items()} == {
        kept.id: "anchored",
        renamed.id: "fuzzy",
        lost.id: "orphaned",
    }
    after = {a.id: a for a in archive.annotations.of_source(source_id)}
    assert new_body[after[kept.id].start : after[kept.id].end] == "a ceasefire was signed"
    assert after[renamed.id].quote_exact == "the town of Shushi had changed hands"
    assert after[renamed.id].anchor_status == "fuzzy"
    assert after[lost.id].anchor_status == "orphaned"
    assert after[lost.id].quote_exact == "Officials in Baku called it a counter-offensive."
    assert after[lost.id].note == "framing"
    assert archive.search("Shushi").total == 1
