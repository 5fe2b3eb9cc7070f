"""trafilatura's metadata guesses, made one field at a time (only the fields a page leaves to
guess), read each field exactly as its whole ``extract_metadata`` does: on every corpus page
and on pages that state nothing, so that an upgrade of trafilatura that changes its steps is
noticed here rather than as a changed title or date in someone's archive."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml.html import HtmlElement, document_fromstring
from trafilatura import extract_metadata

from archive_app.importers.encoding import decode_bytes
from archive_app.importers.html import declared_charset
from archive_app.importers.html_metadata import TrafilaturaGuesses

BARE_PAGES = [
    "<html><head><title>Shusha, a year on | OC Media</title></head>"
    "<body><h1>Shusha, a year on</h1><p>By Anna Petrosyan</p><p>Text.</p></body></html>",
    "<html><head><link rel='canonical' href='/news/2020/11/10/ceasefire'>"
    "<meta property='og:url' content='https://example.org/x'></head>"
    "<body><div class='byline'>Aziz Karimov</div><time datetime='2020-11-10'>10 Nov</time>"
    "<p>The ceasefire was signed on 10 November 2020.</p></body></html>",
    "<html><head><base href='https://example.org/2020/11/10/ceasefire'>"
    "</head><body><p>The ceasefire holds.</p></body></html>",
    "<html><head><meta name='twitter:site' content='@wirenews'></head>"
    "<body><p>Nothing else here.</p></body></html>",
]


def _guesses_and_whole(tree: HtmlElement) -> tuple[dict[str, str], dict[str, str]]:
    guesses = TrafilaturaGuesses(tree)
    fields = {
        "title": guesses.title(),
        "author": guesses.author(),
        "url": guesses.url(),
        "date": guesses.date(),
        "sitename": guesses.site_name(),
    }
    whole = extract_metadata(tree)
    return fields, {name: getattr(whole, name) or "" for name in fields}


def test_each_guess_is_extract_metadatas_field_on_the_corpus(corpus: Path) -> None:
    differences = {}
    for path in sorted((corpus / "articles-dev" / "html").glob("*.html")):
        data = path.read_bytes()
        tree = document_fromstring(decode_bytes(data, declared=declared_charset(data)).text)
        fields, whole = _guesses_and_whole(tree)
        if fields != whole:
            differences[path.stem] = (fields, whole)
    assert differences == {}


@pytest.mark.parametrize("markup", BARE_PAGES)
def test_each_guess_is_extract_metadatas_field_on_bare_pages(markup: str) -> None:
    fields, whole = _guesses_and_whole(document_fromstring(markup))
    assert fields == whole
    assert any(fields.values())
