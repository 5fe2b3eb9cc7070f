"""Each format through the whole import: worker processes, store, database, index, `show`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from archive_app.cli import main
from archive_app.core.archive import Archive
from archive_app.core.check import check_archive
from tests.fixtures import make_images, make_pdfs
from tests.fixtures.make_pages import save_complete_page
from tests.helpers import write_file


def test_a_saved_page_becomes_an_article_with_its_pictures_as_linked_image_sources(
    archive: Archive, tmp_path: Path
) -> None:
    page = save_complete_page(tmp_path)
    report = archive.import_paths([tmp_path])
    assert [Path(o.path).name for o in report.outcomes] == ["Shusha.html"]
    outcome = report.imported[0]
    assert len(outcome.images) == 2
    article = archive.get(outcome.source_id or 0)
    assert article.kind == "article"
    figures = {figure.text: figure for figure in article.images}
    dome = figures["The cathedral's damaged dome in May 2021."]
    assert dome.credit == "Armen Karapetyan"
    assert dome.image_source_id in outcome.images
    remote = next(f for f in article.images if f.image_source_id is None)
    assert remote.src.startswith("https://highland-herald.example/")
    image = archive.get(dome.image_source_id or 0)
    assert image.kind == "image"
    assert [a.source_id for a in image.appears_in] == [article.id]
    assert archive.thumbnail_path(image) is not None
    hits = archive.search('caption:"damaged dome"')
    assert {hit.id for hit in hits.hits} == {article.id, image.id}
    assert archive.search("Karapetyan").total >= 1
    assert page.exists()
    assert check_archive(archive).healthy


def test_a_pdf_with_ligatures_is_found_by_the_plain_words_with_its_page(
    archive: Archive, tmp_path: Path
) -> None:
    write_file(tmp_path, "ligatures.pdf", make_pdfs.ligature_pdf())
    write_file(tmp_path, "night.pdf", make_pdfs.article_pdf())
    report = archive.import_paths([tmp_path])
    assert len(report.imported) == 2
    assert archive.search("flight").total == 1
    assert archive.search("fire").total == 1
    monitor = archive.search("monitor")
    assert monitor.total == 1
    assert monitor.hits[0].page == 3
    source = archive.get(monitor.hits[0].id)
    assert [page.number for page in source.pages] == [1, 2, 3]
    assert source.authors == ["Anna Petrosyan", "Elvin Aliyev", "Mary Smith"]


def test_a_photo_shows_its_caption_credit_date_camera_and_position(
    archive_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    exif = make_images.exif_block(
        description="Refugees cross the Hakari bridge toward Kornidzor.",
        artist="Photo Agency",
        copyright_notice="Copyright 2023 Photo Agency",
        taken="2023:09:26 10:15:00",
        make="Canon",
        model="Canon EOS R6",
        gps=((39.0, 30.0, 0.0), "N", (46.0, 15.0, 0.0), "E"),
    )
    photo = write_file(tmp_path, "bridge.jpg", make_images.jpeg(exif=exif))
    assert main(["import", "--archive", str(archive_path), str(photo)]) == 0
    capsys.readouterr()
    assert main(["show", "--json", "--archive", str(archive_path), "1"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown["kind"] == "image"
    assert shown["caption"] == "Refugees cross the Hakari bridge toward Kornidzor."
    assert shown["creator"] == "Photo Agency"
    assert shown["copyright"] == "Copyright 2023 Photo Agency"
    assert shown["taken_at"].startswith("2023-09-26T10:15")
    assert shown["camera"] == "Canon EOS R6"
    assert shown["gps"] == {"lat": pytest.approx(39.5), "lon": pytest.approx(46.25)}
    assert shown["captions"][0]["text"] == "Refugees cross the Hakari bridge toward Kornidzor."


def test_content_decides_the_importer_and_a_broken_file_does_not_stop_the_rest(
    archive: Archive, tmp_path: Path
) -> None:
    write_file(tmp_path, "really-a-pdf.txt", make_pdfs.article_pdf())
    png = make_images.saved(make_images.picture(), "PNG")
    write_file(tmp_path, "really-a-png.jpg", png)
    write_file(tmp_path, "broken.pdf", make_pdfs.corrupt_pdf())
    write_file(tmp_path, "not-a-photo.jpg", b"\x00\x01 random bytes that are no picture" * 20)
    write_file(tmp_path, "note.txt", "A note\n\nStill imported.")
    report = archive.import_paths([tmp_path])
    kinds = {Path(o.path).name: o.kind for o in report.imported}
    assert kinds == {"really-a-pdf.txt": "pdf", "really-a-png.jpg": "image", "note.txt": "text"}
    reasons = {Path(o.path).name: o.error for o in report.failed}
    assert set(reasons) == {"broken.pdf", "not-a-photo.jpg"}
    assert all(reason.endswith(".") and "Traceback" not in reason for reason in reasons.values())


def test_every_corpus_pdf_and_photo_goes_through_the_pool(corpus: Path, tmp_path: Path) -> None:
    with Archive.open(tmp_path / "archive") as archive:
        report = archive.import_paths([corpus / "pdfs-dev", corpus / "photos-dev"])
        failed = {Path(o.path).name: o.error for o in report.failed}
        assert set(failed) == {
            "files.json",
            "005-libreoffice-writer-password__libreoffice-writer-password.pdf",
        }
        assert (
            "password" in failed["005-libreoffice-writer-password__libreoffice-writer-password.pdf"]
        )
        assert len(report.imported) == 15 + 49
        assert check_archive(archive).healthy
