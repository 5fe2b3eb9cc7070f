"""Importing: reports per file, duplicates by SHA-256, bad input that loses nothing."""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest

from archive_app.core.archive import Archive
from archive_app.core.check import check_archive
from archive_app.core.progress import Progress
from tests.helpers import descendants, write_file

ARTICLE = "Thousands leave Stepanakert as road opens\n\nCars queued for hours on the only road.\n"


def test_a_text_file_becomes_a_source_with_its_original_kept(
    archive: Archive, tmp_path: Path
) -> None:
    path = write_file(tmp_path, "wire-2023-09-25.txt", ARTICLE)
    report = archive.import_paths([path])
    assert [o.status for o in report.outcomes] == ["imported"]
    source = archive.get(report.imported[0].source_id or 0)
    assert source.title == "Thousands leave Stepanakert as road opens"
    assert source.kind == "text"
    assert source.provenance.original_name == "wire-2023-09-25.txt"
    assert archive.original_path(source).read_bytes() == path.read_bytes()
    assert not os.access(archive.original_path(source), os.W_OK) or os.geteuid() == 0


def test_the_same_file_twice_makes_one_source_and_one_duplicate(
    archive: Archive, tmp_path: Path
) -> None:
    path = write_file(tmp_path, "a.txt", ARTICLE)
    copy = write_file(tmp_path, "copy-of-a.txt", ARTICLE)
    report = archive.import_paths([path, copy])
    assert [o.status for o in report.outcomes] == ["imported", "duplicate"]
    assert report.duplicates[0].duplicate_of == report.imported[0].source_id
    again = archive.import_paths([path])
    assert again.duplicates[0].duplicate_of == report.imported[0].source_id
    assert archive.count_sources() == 1


def test_bad_files_are_reported_and_the_rest_imported(archive: Archive, tmp_path: Path) -> None:
    folder = tmp_path / "mixed"
    for number in range(50):
        write_file(
            folder, f"good-{number:02d}.txt", f"Report {number}\n\nDispatch number {number}."
        )
    write_file(folder, "empty.txt", "")
    write_file(folder, "binary.txt", bytes(range(256)) * 8)
    write_file(folder, "spreadsheet.xlsx", b"PK\x03\x04 not a format we read")
    progress: list[Progress] = []
    report = archive.import_paths([folder], progress=progress.append)
    assert len(report.imported) == 50
    reasons = {Path(o.path).name: o.error for o in report.failed}
    assert reasons == {
        "empty.txt": "The file is empty.",
        "binary.txt": "The file holds binary data, not text.",
        "spreadsheet.xlsx": reasons["spreadsheet.xlsx"],
    }
    assert "does not read '.xlsx' files" in reasons["spreadsheet.xlsx"]
    assert progress[-1].done == progress[-1].total == 53
    assert sum(1 for p in progress if p.outcome is not None) == 53
    assert check_archive(archive).healthy


def test_a_path_that_does_not_exist_is_reported(archive: Archive, tmp_path: Path) -> None:
    report = archive.import_paths([tmp_path / "nowhere.txt"])
    assert report.failed[0].error == "There is no file or folder at this path."


def test_a_fifo_is_not_read(archive: Archive, tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    report = archive.import_paths([fifo])
    assert report.failed[0].error == "This is not a regular file."


def test_an_unreadable_file_is_reported_with_its_reason(archive: Archive, tmp_path: Path) -> None:
    readable = write_file(tmp_path, "open.txt", "Open\n\nFor everyone.")
    report = archive.import_paths([_unreadable_file(tmp_path), readable])
    assert report.failed[0].error == "The file cannot be read: permission denied."
    assert [Path(o.path).name for o in report.imported] == ["open.txt"]


def _unreadable_file(folder: Path) -> Path:
    """A file this process may not read. Root reads any file whatever its mode, but not a
    write-only kernel setting, so that stands in for a chmod 000 file when tests run as root."""
    if os.geteuid() == 0:
        return Path("/proc/sys/vm/compact_memory")
    secret = write_file(folder, "secret.txt", "Classified\n\nNot for you.")
    secret.chmod(0o000)
    return secret


def test_folders_are_walked_and_a_saved_page_folder_is_left_to_its_page(
    archive: Archive, tmp_path: Path
) -> None:
    folder = tmp_path / "saved"
    write_file(folder, "notes/a.txt", "A\n\nalpha")
    write_file(folder, "notes/deeper/b.md", "# B\n\nbeta")
    write_file(folder, ".hidden.txt", "hidden\n\nnever imported")
    write_file(folder, "page_files/readme.txt", "belongs to the saved page")
    write_file(
        folder, "page.html", "<html><head><title>Page</title></head><body><p>x</p></body></html>"
    )
    report = archive.import_paths([folder])
    names = sorted(Path(o.path).name for o in report.outcomes)
    assert names == ["a.txt", "b.md", "page.html"]


def test_a_folder_that_holds_the_archive_itself_is_imported_without_it(tmp_path: Path) -> None:
    write_file(tmp_path, "notes/field.txt", "Field notes\n\nGoris, 30 September.")
    with Archive.open(tmp_path / "archive", workers=1) as archive:
        archive.import_paths([write_file(tmp_path, "first.txt", "First\n\nA note.")])
        report = archive.import_paths([tmp_path])
    assert sorted(Path(o.path).name for o in report.outcomes) == ["field.txt", "first.txt"]
    assert [o.status for o in report.outcomes if o.path.endswith("first.txt")] == ["duplicate"]


def test_a_file_too_large_to_read_is_kept_with_a_note(archive: Archive, tmp_path: Path) -> None:
    archive.max_extract_bytes = 100
    path = write_file(tmp_path, "huge_transcript.txt", "word " * 100)
    report = archive.import_paths([path])
    source = archive.get(report.imported[0].source_id or 0)
    assert source.title == "huge transcript"
    assert "too large to read" in source.extraction_notes[0]
    assert archive.original_path(source).stat().st_size == 500


def test_cancel_stops_the_import_and_keeps_what_was_imported(
    archive: Archive, tmp_path: Path
) -> None:
    folder = tmp_path / "many"
    for number in range(40):
        write_file(folder, f"{number:02d}.txt", f"Item {number}\n\nText {number}.")
    cancel = threading.Event()

    def stop_after_five(progress: Progress) -> None:
        if (
            progress.outcome is not None
            and len([1 for o in report_so_far if o.status == "imported"]) >= 5
        ):
            cancel.set()
        if progress.outcome is not None:
            report_so_far.append(progress.outcome)

    report_so_far: list = []
    report = archive.import_paths([folder], progress=stop_after_five, cancel=cancel)
    assert report.cancelled
    assert 5 <= len(report.imported) < 40
    assert report.not_attempted == 40 - len(report.outcomes)
    assert archive.count_sources() == len(report.imported)
    for outcome in report.imported:
        assert archive.search(f'"Item {Path(outcome.path).stem.lstrip("0") or "0"}"').total >= 1
    assert check_archive(archive).healthy


def test_a_reader_that_takes_too_long_is_stopped(tmp_path: Path) -> None:
    """30 MB of text takes seconds to read; with a limit of 0.2 s its worker is stopped."""
    slow = write_file(tmp_path, "slow.txt", "Şuşa ﬂight Xankəndi road\n" * 1_000_000)
    quick = write_file(tmp_path, "quick.txt", "Quick\n\nshort")
    with Archive.open(tmp_path / "archive", extraction_timeout=0.2, workers=1) as archive:
        report = archive.import_paths([slow, quick])
    assert "took longer than 0.2 seconds" in report.failed[0].error
    assert Path(report.failed[0].path).name == "slow.txt"
    assert [Path(o.path).name for o in report.imported] == ["quick.txt"]


@pytest.mark.parametrize("name", ["report.txt", "report.md"])
def test_imported_text_is_searchable_at_once(archive: Archive, tmp_path: Path, name: str) -> None:
    archive.import_paths([write_file(tmp_path, name, "Shusha\n\nFighting near Şuşa continued.")])
    assert archive.search("shusha").total == 1


def test_the_message_for_a_file_it_cannot_read_names_every_photo_format(
    archive: Archive, tmp_path: Path
) -> None:
    path = write_file(tmp_path, "scan.xcf", b"gimp xcf v011\x00 not a format we read")

    [failed] = archive.import_paths([path]).failed

    assert "photos (JPEG, PNG, TIFF, WebP, GIF, BMP, HEIC)" in failed.error


def test_the_tags_of_a_markdown_file_are_applied_at_import(
    archive: Archive, tmp_path: Path
) -> None:
    archive.tags.create("Ceasefire")
    path = write_file(
        tmp_path, "notes.md", "---\ntags: [ceasefire, displacement]\n---\nNotes on the talks.\n"
    )

    [source_id] = archive.import_paths([path]).new_source_ids

    assert [tag.name for tag in archive.get(source_id).tags] == ["Ceasefire", "displacement"]
    assert [hit.id for hit in archive.search("tag:displacement").hits] == [source_id]


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="finds workers in /proc")
def test_an_import_that_lets_its_workers_go_ends_without_them_and_indexed(
    archive: Archive, tmp_path: Path
) -> None:
    """The command line imports once: its workers stop once the files are read, while the
    index catches up; what they read is kept and searchable, and a later import starts them
    again. The window's imports keep them ready."""
    before = set(descendants(os.getpid()))
    first = [
        write_file(tmp_path, f"wire{n}.txt", f"Convoy {n}\n\nTrucks at Lachin.") for n in (1, 2)
    ]

    kept_warm = archive.import_paths(first[:1])

    assert archive.pool.warm
    report = archive.import_paths(first[1:], let_workers_go=True)
    assert not archive.pool.warm
    assert set(descendants(os.getpid())) <= before
    later = archive.import_paths([write_file(tmp_path, "wire3.txt", "Convoy 3\n\nAt Lachin.")])
    assert [o.status for o in (*kept_warm.outcomes, *report.outcomes, *later.outcomes)] == [
        "imported"
    ] * 3
    assert archive.search("lachin").total == 3
