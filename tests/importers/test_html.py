"""The web-page importer, on pages written for these tests in the styles of several CMSs, and on
the shared corpus of real saved news pages where it is present."""

from __future__ import annotations

import codecs
import pickle
import shutil
from pathlib import Path

import pytest
from PIL import Image

from archive_app.core.errors import ExtractionError, ImportFailure, UnsupportedFormatError
from archive_app.importers import html
from archive_app.importers.document import Block, ExtractedDocument, ExtractedImage
from tests.fixtures.make_pages import save_complete_page


def read_page(folder: Path, name: str) -> ExtractedDocument:
    path = folder / "html" / name
    return html.extract(path.read_bytes(), name=name, path=path)


def page_from(markup: str, *, name: str = "page.html") -> ExtractedDocument:
    return html.extract(markup.encode("utf-8"), name=name)


def blocks_of(document: ExtractedDocument, kind: str) -> list[Block]:
    return [block for block in document.blocks if block.kind == kind]


def figure_with(document: ExtractedDocument, words: str) -> ExtractedImage:
    matches = [image for image in document.images if words in image.caption]
    assert len(matches) == 1, [image.caption for image in document.images]
    return matches[0]


@pytest.fixture
def oped(fixtures: Path) -> ExtractedDocument:
    return read_page(fixtures, "wordpress_oped.html")


@pytest.fixture
def news(fixtures: Path) -> ExtractedDocument:
    return read_page(fixtures, "news_jsonld.html")


@pytest.fixture
def drupal(fixtures: Path) -> ExtractedDocument:
    return read_page(fixtures, "drupal_credit.html")


def test_importer_version() -> None:
    assert html.IMPORTER_VERSION == "html/1"


# Metadata ---------------------------------------------------------------------------------------


def test_wordpress_metadata(oped: ExtractedDocument) -> None:
    assert oped.kind == "article"
    assert oped.title == "The Road Through Lachin Was a Lifeline. Now It Is a Memory."
    assert oped.authors == ["Lusine Arakelyan"]
    assert oped.site_name == "Caucasus Ledger"
    assert oped.published == "2023-10-02T04:15:00+00:00"
    assert oped.source_url == "https://caucasus-ledger.example/2023/10/02/lachin-road-lifeline/"
    assert oped.language == "en"
    assert oped.mime_type == "text/html"
    assert oped.metadata["description"].startswith("An opinion on the nine-month blockade")


def test_json_ld_news_article_metadata(news: ExtractedDocument) -> None:
    assert news.title == "Azerbaijan raises flag over Shusha as ceasefire takes hold"
    assert news.authors == ["Tamar Okropiridze", "Daniel Hirsch"]  # not the publisher itself
    assert news.site_name == "Meridian Wire"
    assert news.published == "2020-11-10T14:32:00+00:00"
    assert news.metadata["modified"] == "2020-11-10T18:05:00+00:00"
    assert news.source_url == "https://meridianwire.example/world/2020/11/10/shusha-ceasefire"
    assert news.language == "en"


def test_byline_and_time_element_metadata(drupal: ExtractedDocument) -> None:
    assert drupal.title == 'One day of "local measures": how Baku describes the September operation'
    assert drupal.authors == ["Aytan Rzayeva"]
    assert drupal.site_name == "Southgate Review"
    assert drupal.published == "2023-09-20T09:00:00+04:00"
    assert drupal.source_url == "https://southgate-review.example/analysis/local-measures-karabakh"


@pytest.mark.parametrize(
    "head",
    [
        # a CMS that escapes its meta values twice
        '<meta property="og:title" content="Baku says &amp;quot;local measures&amp;quot; ended">',
        # JSON-LD written with HTML entities in its strings
        '<script type="application/ld+json">{"@type": "NewsArticle",'
        ' "headline": "Baku says &quot;local measures&quot; ended"}</script>',
        "<title>Baku says &amp;quot;local measures&amp;quot; ended</title>",
    ],
)
def test_entities_left_in_a_title_are_decoded(head: str) -> None:
    document = page_from(
        f"""<html><head>{head}</head><body><article>
        <p>Officials in Baku said the operation was over and that the local measures had met
        every one of their aims within a day.</p></article></body></html>"""
    )
    assert document.title == 'Baku says "local measures" ended'


def test_an_apostrophe_written_as_a_number_is_decoded_in_site_and_author() -> None:
    document = page_from(
        """<html><head><title>Report</title>
        <meta property="og:site_name" content="People&amp;#039;s Voice">
        <meta name="author" content="Ay&amp;#351;e O&amp;#039;Neill">
        </head><body><h1>Report</h1>
        <p>Text about the town of Shusha and the road to it.</p></body></html>"""
    )
    assert (document.site_name, document.authors) == ("People's Voice", ["Ayşe O'Neill"])


def test_authors_are_a_clean_list() -> None:
    document = page_from(
        """<html><head><title>Shusha</title>
        <meta property="og:site_name" content="Meridian Wire">
        <meta name="author"
              content="By Sona Grigoryan and Daniel Hirsch, Meridian Wire; Sona Grigoryan">
        </head><body><h1>Shusha</h1>
        <p>Text about the town of Shusha and the road to it.</p></body></html>"""
    )
    assert document.authors == ["Sona Grigoryan", "Daniel Hirsch"]


def test_author_page_address_is_not_an_author() -> None:
    document = page_from(
        """<html><head><title>Aghdam</title>
        <meta property="article:author" content="https://example.org/author/aytan-rzayeva/">
        </head><body><p class="byline">By Aytan Rzayeva</p>
        <p>Aghdam was rebuilt after the war with a new master plan for the whole town.</p>
        </body></html>"""
    )
    assert document.authors == ["Aytan Rzayeva"]


def test_page_without_metadata_takes_title_from_file_name() -> None:
    document = page_from(
        "<html><body><p>Only a few words.</p></body></html>", name="lachin_notes.html"
    )
    assert document.title == "lachin notes"
    assert document.body == "Only a few words."


# Body -------------------------------------------------------------------------------------------


def test_title_is_not_repeated_as_first_block(
    oped: ExtractedDocument, news: ExtractedDocument
) -> None:
    assert oped.blocks[0].text.startswith("For nine months the only road")
    assert news.blocks[0].text.startswith("BAKU/YEREVAN")
    assert all(block.text != news.title for block in news.blocks)


def test_headings_quotes_and_lists_are_blocks(
    oped: ExtractedDocument, news: ExtractedDocument
) -> None:
    headings = blocks_of(oped, "heading")
    assert [block.text for block in headings] == [
        "What the blockade did to ordinary life",
        "The exodus",
        "What comes next",
    ]
    assert all(block.level == 2 for block in headings)
    assert [block.text for block in blocks_of(oped, "quote")] == [
        "We did not expect the world to save us. We expected it to notice."
    ]
    items = blocks_of(oped, "list_item")
    assert len(items) == 3
    assert items[0] == Block(
        "list_item", "28 September: the de facto authorities announce their dissolution.", 1
    )
    assert Block("heading", "What the deal says", 3) in news.blocks
    assert len(blocks_of(news, "list_item")) == 3


@pytest.mark.parametrize(
    "boilerplate",
    [
        "We use cookies",
        "Politics",
        "Sign up",
        "newsletter",
        "Share this",
        "Advertisement",
        "Related posts",
        "Ceasefire agreed after one day",
        "journalist from Yerevan",  # the author bio box
        "All rights reserved",
        "By Lusine Arakelyan",
    ],
)
def test_wordpress_boilerplate_is_left_out(oped: ExtractedDocument, boilerplate: str) -> None:
    assert boilerplate not in oped.body


@pytest.mark.parametrize(
    "boilerplate",
    [
        "cookie",
        "Accept all",
        "Most read",
        "helicopter",  # a "most read" headline
        "Finally some peace",  # a comment
        "Comments (3)",
        "Share on",
        "morning briefing",
        "Advertisement",
        "Copyright",
        "Nagorno-Karabakh\n",  # the kicker above the headline
    ],
)
def test_news_boilerplate_is_left_out(news: ExtractedDocument, boilerplate: str) -> None:
    assert boilerplate not in news.body


def test_drupal_furniture_is_left_out(drupal: ExtractedDocument) -> None:
    for boilerplate in ("Skip to main content", "Home", "Tags", "editors@southgate-review.example"):
        assert boilerplate not in drupal.body
    assert "The gap between these accounts" in drupal.body


def test_captions_stay_out_of_the_body(oped: ExtractedDocument, drupal: ExtractedDocument) -> None:
    assert "Hakari bridge checkpoint in September 2023" not in oped.body
    assert "Refugees arriving in Goris" not in oped.body
    assert "The road into Xankendi" not in drupal.body
    assert "Ministry of Culture" not in drupal.body


def test_text_is_normalised() -> None:
    document = page_from(
        "<html><head><title>T</title></head><body><article><p>The \ufb01rst   convoy\u00a0"
        "reached Stepanakert\u200b on 18 September, after months of waiting.</p></article>"
        "</body></html>"
    )
    assert (
        document.body
        == "The first convoy reached Stepanakert on 18 September, after months of waiting."
    )


# Figures ----------------------------------------------------------------------------------------


def test_wordpress_captions_are_split_from_credits(oped: ExtractedDocument) -> None:
    checkpoint = figure_with(oped, "Hakari")
    assert checkpoint.caption == "Cars queue at the Hakari bridge checkpoint in September 2023."
    assert checkpoint.credit == "Gohar Avetisyan/Caucasus Ledger"
    assert checkpoint.alt == ""  # the alt text only repeated the caption
    assert checkpoint.after_block == 0
    assert checkpoint.src.endswith("/2023/10/lachin-checkpoint-1024x683.jpg")
    goris = figure_with(oped, "Goris")
    assert goris.caption == "Refugees arriving in Goris on 26 September 2023"
    assert goris.credit == "Narek Simonyan/AFP via Getty Images"
    assert goris.alt == "Refugees arriving in Goris"
    assert oped.blocks[goris.after_block or 0].text.startswith(
        "International organisations did notice"
    )


def test_only_the_articles_figures_are_kept(
    oped: ExtractedDocument, news: ExtractedDocument
) -> None:
    assert len(oped.images) == 2  # no logo, author portrait or related-post thumbnail
    assert len(news.images) == 2


def test_separate_credit_elements(news: ExtractedDocument, drupal: ExtractedDocument) -> None:
    lead = news.images[0]
    assert lead.caption == "Azerbaijani soldiers raise a flag in Shusha on 10 November 2020."
    assert lead.credit == "Kamran Huseynli/Meridian Wire"
    assert lead.after_block == -1
    mosque = figure_with(drupal, "mosque in Aghdam")
    assert mosque.caption == "The restored mosque in Aghdam, a town left in ruins after 1993."
    assert mosque.credit == "Ministry of Culture of Azerbaijan"
    assert mosque.alt == "The mosque in Aghdam"


def test_repeated_caption_appears_once(news: ExtractedDocument) -> None:
    protest = figure_with(news, "parliament in Yerevan")
    assert protest.caption == "Protesters inside the parliament in Yerevan early on Tuesday."
    assert protest.credit == "Sona Grigoryan/Meridian Wire"
    assert protest.src == "https://meridianwire.example/images/2020/11/yerevan-protest.jpg"


def test_other_caption_markup(drupal: ExtractedDocument) -> None:
    road = figure_with(drupal, "Xankendi")
    assert (road.caption, road.credit) == ("The road into Xankendi, 21 September 2023", "APA")
    mission = figure_with(drupal, "UN mission")
    assert (mission.caption, mission.credit) == (
        "A UN mission visits Khankendi on 1 October 2023.",
        "UN Photo",
    )
    assert [image.after_block for image in drupal.images] == [-1, 3, 6]


def test_alt_and_title_stand_in_for_a_missing_caption() -> None:
    document = page_from(
        """<html><head><title>Fuzuli airport</title></head><body><article>
        <p>The new airport in Fuzuli received its first flight in September 2021.</p>
        <img src="https://example.org/fuzuli.jpg" alt="The terminal at Fuzuli. Photo: APA">
        <img src="https://example.org/runway.jpg" title="The runway seen from the tower">
        <img src="https://example.org/IMG_0042.jpg" alt="IMG_0042">
        <p>Officials said the airport would serve visitors to Shusha, forty kilometres north.</p>
        </article></body></html>"""
    )
    assert [(image.caption, image.credit) for image in document.images] == [
        ("The terminal at Fuzuli.", "APA"),
        ("The runway seen from the tower", ""),
        ("", ""),
    ]


# Web page, complete -----------------------------------------------------------------------------


def test_saved_page_images_get_local_paths(fixtures: Path, tmp_path: Path) -> None:
    page = save_complete_page(tmp_path)
    document = html.extract(page.read_bytes(), name=page.name, path=page)
    files = (tmp_path / "Shusha_files").resolve()
    local = [image.local_path for image in document.images]
    assert local == [str(files / "cathedral front.jpg"), str(files / "scaffolding.jpg"), None]
    cathedral, scaffolding, remote_map = document.images
    assert cathedral.src == "./Shusha_files/cathedral%20front.jpg"
    assert (cathedral.caption, cathedral.credit) == (
        "The cathedral's damaged dome in May 2021.",
        "Armen Karapetyan",
    )
    assert scaffolding.credit == "Highland Herald"
    assert remote_map.src == "https://highland-herald.example/media/map-shusha.png"
    assert document.source_url == "https://highland-herald.example/culture/2021/05/ghazanchetsots"


def test_saved_page_without_its_folder(fixtures: Path, tmp_path: Path) -> None:
    page = tmp_path / "Shusha.html"
    shutil.copyfile(fixtures / "html" / "saved_complete.html", page)
    document = html.extract(page.read_bytes(), name=page.name, path=page)
    assert [image.local_path for image in document.images] == [None, None, None]
    assert document.images[0].src == "./Shusha_files/cathedral%20front.jpg"


def test_files_outside_the_page_folder_are_not_read(tmp_path: Path) -> None:
    folder = tmp_path / "pages"
    folder.mkdir()
    Image.new("RGB", (200, 200), "white").save(tmp_path / "private.jpg")
    page = folder / "page.html"
    page.write_text(
        "<html><head><title>T</title></head><body><article><p>Shusha, Stepanakert and the "
        "road between them, as described by people who lived there.</p>"
        '<figure><img src="../private.jpg"><figcaption>Outside</figcaption></figure>'
        "</article></body></html>",
        encoding="utf-8",
    )
    document = html.extract(page.read_bytes(), name=page.name, path=page)
    assert [image.local_path for image in document.images] == [None]


# Encodings --------------------------------------------------------------------------------------


def test_windows_1251_russian_page(fixtures: Path) -> None:
    document = read_page(fixtures, "russian_cp1251.html")
    assert document.title == "Миротворцы в Карабахе: итоги трёх лет"
    assert document.authors == ["Андрей Соколов"]
    assert document.site_name == "Кавказский обозреватель"
    assert document.language == "ru"
    assert document.metadata["encoding"] == "cp1251"
    assert "Степанакерта, который в Азербайджане называют Ханкенди" in document.body
    assert (
        Block(
            "quote", "Наша задача — защищать мирное население, а не воевать на чьей-либо стороне."
        )
        in document.blocks
    )
    assert "Популярное" not in document.body


def test_iso_8859_9_turkish_page(fixtures: Path) -> None:
    document = read_page(fixtures, "turkish_iso8859_9.html")
    assert document.title == "Karabağ'da yeniden yapılanma: Ağdam ve Fuzuli'de ilk yıl"
    assert document.authors == ["Zeynep Yıldırım"]
    assert document.published == "2021-11-08"
    assert document.language == "tr"
    assert "Şuşa ise Azerbaycan'ın kültür başkenti ilan edildi." in document.body
    assert Block("heading", "Mayınlar en büyük engel", 2) in document.blocks


def test_azerbaijani_page(fixtures: Path) -> None:
    document = read_page(fixtures, "azerbaijani.html")
    assert document.title == "Xankəndidə ilk dövlət bayrağı: bir günün xronikası"
    assert document.authors == ["Kamran Hüseynli"]
    assert document.site_name == "Qafqaz Xəbər"
    assert document.language == "az"
    assert "Şuşa, Xocalı və Ağdərə" in document.body
    assert Block("heading", "Şuşadan Xankəndiyə", 2) in document.blocks
    flag = document.images[0]
    assert (flag.caption, flag.credit, flag.after_block) == (
        "Xankəndidə bayraq mərasimi.",
        "AZƏRTAC",
        1,
    )


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_pages(fixtures: Path, encoding: str) -> None:
    markup = (fixtures / "html" / "azerbaijani.html").read_text(encoding="utf-8")
    document = html.extract(markup.encode(encoding), name="azerbaijani.html")
    assert document.title == "Xankəndidə ilk dövlət bayrağı: bir günün xronikası"
    assert "Şuşa, Xocalı və Ağdərə" in document.body


def test_declared_charset() -> None:
    assert html.declared_charset(b'<meta charset="windows-1251">') == "windows-1251"
    assert (
        html.declared_charset(
            b'<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-9">'
        )
        == "iso-8859-9"
    )
    assert (
        html.declared_charset(b'<?xml version="1.0" encoding="ISO-8859-9"?><html>') == "ISO-8859-9"
    )
    assert html.declared_charset(b"<html><p>no declaration</p></html>") is None


def test_xhtml_with_xml_declaration() -> None:
    markup = (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        '<html xmlns="http://www.w3.org/1999/xhtml" xml:lang="hy">'
        "<head><title>Shushi</title></head><body><h1>Shushi</h1><p>The cathedral of Shushi was "
        "damaged twice in October 2020, and its restoration became a subject of dispute.</p>"
        "</body></html>"
    )
    document = html.extract(markup.encode("utf-8"), name="shushi.xhtml")
    assert document.mime_type == "application/xhtml+xml"
    assert document.language == "hy"
    assert document.body.startswith("The cathedral of Shushi")


def test_a_page_reads_the_same_with_a_byte_order_mark_and_without() -> None:
    markup = (
        "<html lang='ru'><head><title>Горис</title></head><body><h1>Горис</h1><p>Беженцы из "
        "Степанакерта прибыли в Горис. Колонна машин медленно двигалась к границе.</p>"
        "</body></html>"
    ).encode()
    plain = html.extract(markup, name="goris.html")
    marked = html.extract(codecs.BOM_UTF8 + markup, name="goris.html")
    assert plain.body.startswith("Беженцы из Степанакерта")
    assert (marked.title, marked.blocks, marked.language) == (
        plain.title,
        plain.blocks,
        plain.language,
    )


# Pages that are not articles, and files that are not pages --------------------------------------


def test_index_page_imports_its_text(fixtures: Path) -> None:
    document = read_page(fixtures, "index_page.html")
    assert document.title == "Karabakh coverage"
    assert [block.text for block in document.blocks] == [
        "Ceasefire agreed after one day of fighting",
        "Refugees arrive in Goris",
        "Baku announces reconstruction plan for Aghdam",
    ]
    assert document.notes == []


def test_page_without_text_gets_a_note(fixtures: Path) -> None:
    document = read_page(fixtures, "empty_page.html")
    assert document.title == "Page not found"
    assert document.blocks == []
    assert document.notes == [
        "The page has no readable text; only its title and metadata were imported."
    ]


@pytest.mark.parametrize("data", [b"", b"   \n\t  "])
def test_empty_file_is_refused_with_a_reason(data: bytes) -> None:
    with pytest.raises(ExtractionError, match="empty"):
        html.extract(data, name="empty.html")


def test_binary_file_is_refused_with_a_reason() -> None:
    with pytest.raises(UnsupportedFormatError, match="binary"):
        html.extract(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), name="photo.html")


@pytest.mark.parametrize(
    "data",
    [
        b"<html><body><p>Unclosed <b>bold <div>text about Aghdam <table><tr><td>cell",
        b"<<<>>>&&&;;;<!--",
        b"</html></body></p>",
        b"<p>" * 5000,
        b"plain text without any markup at all, about Lachin",
        "<html><body><p>Ошибка \udcff</p></body></html>".encode("utf-8", "surrogateescape"),
    ],
)
def test_broken_pages_give_a_document_or_a_reason(data: bytes) -> None:
    try:
        document = html.extract(data, name="broken.html")
    except ImportFailure as failure:
        assert failure.message
    else:
        assert document.blocks or document.notes


def test_document_pickles(news: ExtractedDocument) -> None:
    assert pickle.loads(pickle.dumps(news)) == news


# The shared corpus of real pages ----------------------------------------------------------------


def test_every_corpus_page_extracts(corpus: Path) -> None:
    pages = sorted((corpus / "articles-dev" / "html").glob("*.html"))
    assert pages
    for page in pages:
        document = html.extract(page.read_bytes(), name=page.name, path=page)
        assert document.body.strip(), page.name
        assert document.title, page.name
