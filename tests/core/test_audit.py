"""The audit trail: every kind of change is recorded with before and after, undo and redo are
entries of their own, and the hash chain shows rows altered, removed or inserted behind the
program's back."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from archive_app.core.annotations import Region
from archive_app.core.archive import Archive
from archive_app.core.audit import AuditEntry
from archive_app.core.check import check_archive
from archive_app.importers.document import ExtractedDocument
from tests.helpers import StoreDocument

TEXT = "Stepanakert, which Azerbaijan calls Khankendi, was shelled on 27 September 2020."


@pytest.fixture
def article(import_texts: Callable[..., list[int]]) -> int:
    return import_texts({"oped.txt": TEXT})[0]


def last(archive: Archive, source_id: int | None = None) -> AuditEntry:
    return archive.audit.entries(source_id)[-1]


def test_an_import_is_recorded_with_the_file_and_its_hash(archive: Archive, article: int) -> None:
    entry = last(archive, article)
    assert entry.action == "import"
    assert entry.source_ids == [article]
    assert entry.changes[0]["sha256"] == archive.get(article).provenance.sha256
    assert entry.who


def test_a_metadata_edit_records_before_after_who_and_reason(
    archive: Archive, article: int
) -> None:
    archive.audit.set_investigator("Leyla Mammadova")
    before = archive.get(article).title
    archive.update_source(article, title="Shelling of Stepanakert", reason="headline of the print")
    entry = last(archive, article)
    assert (entry.action, entry.who, entry.reason) == (
        "edit",
        "Leyla Mammadova",
        "headline of the print",
    )
    assert entry.changes[0]["before"]["title"] == before
    assert entry.changes[0]["after"]["title"] == "Shelling of Stepanakert"
    assert any("“Shelling of Stepanakert”" in line for line in entry.change_lines())


def test_every_kind_of_change_is_in_the_trail(
    archive: Archive, article: int, store_document: StoreDocument
) -> None:
    image = store_document(ExtractedDocument(kind="image", title="Shelled street"))
    war, _ = archive.events.create("2nd Karabakh War", start="2020-09-27")
    side, _ = archive.perspectives.create("Armenian government")
    archive.assignments.add_to_sources([article], events=[war.id], perspectives=[side.id])
    annotation, _ = archive.annotations.add_quote(article, "Khankendi", note="the other name")
    archive.annotations.edit_note(annotation.id, "the Azerbaijani name")
    archive.annotations.add_region(image, Region(0.1, 0.1, 0.2, 0.2), note="crater")
    archive.verification.verify(article, status="verified", reliability="B", reason="wire copy")
    archive.verification.mark_sensitive([image], graphic=True, reason="bodies visible")
    archive.places.set_place(image, "Shusha", precision="town")
    archive.aliases.add(["Stepanakert", "Khankendi"], note="Armenian / Azerbaijani")
    archive.events.edit(war.id, name="44-day war")
    described = [entry.description for entry in archive.audit.entries()]
    for expected in (
        "New event “2nd Karabakh War”",
        "Edit annotation note",
        "Verification of source",
        "Marked graphic",
        "Place of source",
        "Alias",
    ):
        assert any(expected in text for text in described), expected
    note_edit = next(e for e in archive.audit.entries() if e.description == "Edit annotation note")
    assert note_edit.changes[0]["before"]["note"] == "the other name"
    assert note_edit.changes[0]["after"]["note"] == "the Azerbaijani name"
    assert note_edit.source_ids == [article]
    grading = next(e for e in archive.audit.entries(article) if e.reason == "wire copy")
    assert grading.changes[0]["rows"][0]["reliability"] == "B"
    assert [e.reason for e in archive.audit.entries(image) if e.reason] == ["bodies visible"]
    assert not archive.audit.verify()


def test_undo_and_redo_are_entries_of_their_own(archive: Archive, article: int) -> None:
    annotation, _ = archive.annotations.add_quote(article, "Khankendi", note="first")
    change = archive.annotations.edit_note(annotation.id, "second")
    count = len(archive.audit.entries())
    change.undo()
    change.redo()
    undo, redo = archive.audit.entries()[count:]
    assert (undo.action, undo.description) == ("undo", "Undo: Edit annotation note")
    assert undo.changes[0]["after"]["note"] == "first"
    assert (redo.action, redo.changes[0]["after"]["note"]) == ("redo", "second")
    assert undo.source_ids == redo.source_ids == [article]


def test_the_program_cannot_change_the_trail(archive: Archive, article: int) -> None:
    with pytest.raises(sqlite3.IntegrityError, match="cannot be changed"):
        archive.database.connection.execute("UPDATE audit_log SET who = 'someone else'")
    with pytest.raises(sqlite3.IntegrityError, match="cannot be changed"):
        archive.database.connection.execute("DELETE FROM audit_log")


def tamper(archive_path: Path, *statements: str) -> None:
    """Change the database behind the program's back, as another tool would."""
    connection = sqlite3.connect(archive_path / "archive.db")
    connection.execute("DROP TRIGGER audit_log_no_update")
    connection.execute("DROP TRIGGER audit_log_no_delete")
    for statement in statements:
        connection.execute(statement)
    connection.commit()
    connection.close()


@pytest.fixture
def edited_archive(archive_path: Path, tmp_path: Path) -> Path:
    """An archive with five entries in its trail, closed."""
    text = tmp_path / "oped.txt"
    text.write_text(TEXT, encoding="utf-8")
    with Archive.open(archive_path, workers=1) as archive:
        source_id = archive.import_paths([text]).new_source_ids[0]
        for title in ("One", "Two", "Three", "Four"):
            archive.update_source(source_id, title=title)
        assert len(archive.audit.entries()) == 5
        assert check_archive(archive).healthy
    return archive_path


TAMPERING = {
    "altered": (
        "UPDATE audit_log SET changes = replace(changes, 'Two', 'Deux') WHERE id = 3",
        "entry 3 was changed",
    ),
    "removed": ("DELETE FROM audit_log WHERE id = 2", "entries 2 to 2 are missing"),
    "removed at the end": ("DELETE FROM audit_log WHERE id = 5", "should end at entry 5"),
    "inserted": (
        "INSERT INTO audit_log (id, at, who, action, description, previous_hash, hash) "
        "SELECT 6, at, who, action, 'forged', hash, hash FROM audit_log WHERE id = 5",
        "entry 6 was changed",
    ),
    "reordered": ("UPDATE audit_log SET id = id + 10 WHERE id = 4", "does not follow"),
}


@pytest.mark.parametrize(("statement", "found"), TAMPERING.values(), ids=TAMPERING.keys())
def test_check_finds_tampering(edited_archive: Path, statement: str, found: str) -> None:
    tamper(edited_archive, statement)
    with Archive.open(edited_archive, workers=1) as archive:
        report = check_archive(archive)
    assert not report.healthy
    assert any(
        problem.startswith("audit trail:") and found in problem for problem in report.problems
    )


def test_an_untouched_trail_checks_clean(edited_archive: Path) -> None:
    with Archive.open(edited_archive, workers=1) as archive:
        assert archive.audit.verify() == []
        assert len(archive.audit.head()) == 64


def test_finding_annotations_again_is_recorded(archive: Archive, article: int) -> None:
    annotation, _ = archive.annotations.add_quote(article, "Khankendi")
    archive.annotations.reanchor(article)
    entry = last(archive, article)
    assert entry.description == "Annotations found again in the re-extracted text"
    assert entry.changes[0]["row_id"] == annotation.id
    assert entry.changes[0]["after"]["anchor_status"] == "anchored"
