"""Backup and restore: a consistent copy while the archive is open, every checksum checked on
the way back, identical search results, and hostile backups refused with nothing written
outside the target."""

from __future__ import annotations

import hashlib
import io
import json
import tarfile
import threading
from pathlib import Path

import pytest

from archive_app.core.archive import Archive
from archive_app.core.check import check_archive
from archive_app.core.errors import ArchiveError, CancelledError
from archive_app.core.index import BATCH_SIZE
from archive_app.core.progress import Progress
from archive_app.export.backup import back_up, restore
from tests.export.conftest import Filled

QUERIES = ("Shusha", "Stepanakert", "ceasefire", "tag:exodus", 'event:"Second Karabakh War"')


def results(archive: Archive) -> dict[str, list[int]]:
    return {query: [hit.id for hit in archive.search(query).hits] for query in QUERIES}


def test_backup_while_open_restores_an_identical_archive(
    archive: Archive, filled: Filled, tmp_path: Path
) -> None:
    before = results(archive)
    seen: list[Progress] = []
    report = back_up(archive.path, tmp_path / "archive.tar", progress=seen.append)
    assert (report.originals, report.missing) == (4, [])
    assert seen[-1].done == seen[-1].total == 4
    archive.update_source(filled.wire, title="Changed after the backup")

    restored = restore(tmp_path / "archive.tar", tmp_path / "restored")
    assert (restored.sources, restored.originals) == (4, 4)
    restored_names = {p.name for p in (tmp_path / "restored").iterdir()}
    assert {"archive.db", "index", "originals"} <= restored_names
    assert ".restoring" not in restored_names
    with Archive.open(tmp_path / "restored", workers=1) as copy:
        assert check_archive(copy).healthy
        assert results(copy) == before
        assert copy.get(filled.wire).title == "Ceasefire signed"
        assert copy.annotations.get(filled.photo_region).note == "The damaged dome"


def test_compressed_backup_and_cancel(archive: Archive, filled: Filled, tmp_path: Path) -> None:
    back_up(archive.path, tmp_path / "archive.tar.gz")
    with tarfile.open(tmp_path / "archive.tar.gz", "r:gz") as tar:
        assert tar.getnames()[0] == "archive.db" and tar.getnames()[-1] == "manifest.json"
    cancel = threading.Event()
    cancel.set()
    with pytest.raises(CancelledError):
        back_up(archive.path, tmp_path / "never.tar", cancel=cancel)
    assert not (tmp_path / "never.tar").exists()
    assert not list(tmp_path.glob(".never.tar*"))


def _hostile(tmp_path: Path, members: list[tarfile.TarInfo | tuple[str, bytes]]) -> Path:
    """A backup file with the given members and a manifest listing every file's checksum."""
    path = tmp_path / "hostile.tar"
    files = {}
    with tarfile.open(path, "w") as tar:
        for member in members:
            if isinstance(member, tarfile.TarInfo):
                tar.addfile(member)
                continue
            name, data = member
            files[name] = hashlib.sha256(data).hexdigest()
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
        manifest = json.dumps({"format": "archive-app-backup", "version": 1, "files": files})
        info = tarfile.TarInfo("manifest.json")
        info.size = len(manifest)
        tar.addfile(info, io.BytesIO(manifest.encode()))
    return path


def _link(name: str, kind: bytes, target: str = "") -> tarfile.TarInfo:
    info = tarfile.TarInfo(name)
    info.type = kind
    info.linkname = target
    return info


@pytest.mark.parametrize(
    ("members", "reason"),
    [
        ([("../escaped.txt", b"x")], "leads out of its folder"),
        ([("/tmp/absolute.txt", b"x")], "absolute path"),
        ([_link("archive.db", tarfile.SYMTYPE, "/etc/passwd")], "link"),
        ([_link("archive.db", tarfile.LNKTYPE, "../outside")], "link"),
        ([_link("originals/ab/dev", tarfile.CHRTYPE)], "device"),
        ([("archive.db", b"db"), ("notes/evil.sh", b"rm -rf")], "unexpected file"),
    ],
)
def test_hostile_backups_are_refused_and_write_nothing(
    tmp_path: Path, members: list[tarfile.TarInfo | tuple[str, bytes]], reason: str
) -> None:
    backup = _hostile(tmp_path, members)
    before = sorted(tmp_path.rglob("*"))
    with pytest.raises(ArchiveError, match=reason):
        restore(backup, tmp_path / "target")
    assert sorted(tmp_path.rglob("*")) == before
    assert not (tmp_path.parent / "escaped.txt").exists()


def test_damaged_backups_are_refused(archive: Archive, filled: Filled, tmp_path: Path) -> None:
    good = tmp_path / "good.tar"
    back_up(archive.path, good)
    data = good.read_bytes()

    truncated = tmp_path / "truncated.tar"
    truncated.write_bytes(data[: len(data) // 2])
    with pytest.raises(ArchiveError, match=r"not a whole backup|lacks|no manifest"):
        restore(truncated, tmp_path / "t1")
    assert not (tmp_path / "t1").exists()

    with tarfile.open(good) as tar:
        database = tar.extractfile("archive.db")
        assert database is not None
        original = database.read()
    flipped = tmp_path / "flipped.tar"
    flipped.write_bytes(data.replace(original[:4096], bytes(4096), 1))
    with pytest.raises(ArchiveError, match="does not match its checksum"):
        restore(flipped, tmp_path / "t2")
    assert not (tmp_path / "t2").exists()

    occupied = tmp_path / "occupied"
    occupied.mkdir()
    (occupied / "keep.txt").write_text("mine")
    with pytest.raises(ArchiveError, match="not empty"):
        restore(good, occupied)
    assert [p.name for p in occupied.iterdir()] == ["keep.txt"]


@pytest.mark.parametrize("stage", ["Checking and unpacking", "Indexing"])
def test_a_restore_cancelled_by_the_person_leaves_nothing_behind(
    archive: Archive, tmp_path: Path, stage: str
) -> None:
    """Cancelled while the members are unpacked, or while the restored archive's index is
    rebuilt (two batches of sources, so that the cancel is seen between them): either way the
    folder the restore made is gone and the empty folder it was given is empty again."""
    notes = tmp_path / "notes"
    notes.mkdir()
    for number in range(BATCH_SIZE + 1):
        (notes / f"note-{number}.txt").write_text(f"Note {number}\n\nSeen at checkpoint {number}.")
    assert len(archive.import_paths([notes]).imported) == BATCH_SIZE + 1
    back_up(archive.path, tmp_path / "archive.tar")
    restores = tmp_path / "restores"
    (restores / "empty").mkdir(parents=True)
    for target in (restores / "new", restores / "empty"):
        cancel = threading.Event()

        def cancel_at_stage(step: Progress, cancel: threading.Event = cancel) -> None:
            if step.message == stage:
                cancel.set()

        with pytest.raises(CancelledError):
            restore(tmp_path / "archive.tar", target, progress=cancel_at_stage, cancel=cancel)
    assert [path.name for path in restores.iterdir()] == ["empty"]
    assert not list((restores / "empty").iterdir())
