"""A restore onto a disk that fills up stops with a clear message and leaves nothing behind;
with room, the same backup restores whole.

The disk is a 1 MB tmpfs in a private user and mount namespace (``unshare -rm``), as in
``tests/core/test_disk_full.py``; skipped where the kernel does not allow such namespaces."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from archive_app.core.archive import Archive
from archive_app.export.backup import back_up
from tests.helpers import DISK_FULL_SENTENCE, namespaces_work, write_file

pytestmark = [
    pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux mount namespaces"),
    pytest.mark.skipif(not namespaces_work(), reason="unprivileged namespaces are not allowed"),
]


def test_a_full_disk_stops_the_restore_cleanly(archive: Archive, tmp_path: Path) -> None:
    words = DISK_FULL_SENTENCE.split()
    for number in range(6):
        body = " ".join(words[(number + i) % len(words)] for i in range(40_000))
        write_file(tmp_path / "in", f"dispatch-{number}.txt", f"Dispatch {number}\n\n{body}\n")
    assert not archive.import_paths([tmp_path / "in"]).failed
    backup = tmp_path / "archive.tar"
    back_up(archive.path, backup)
    assert backup.stat().st_size > 1_500_000
    disk, out = tmp_path / "disk", tmp_path / "out"
    disk.mkdir()
    out.mkdir()
    command = f"{sys.executable} -m archive_app"
    script = f"""
        set -u
        mount -t tmpfs -o size=1m tmpfs {disk}
        {command} restore {backup} {disk}/restored > /dev/null 2> {out}/full.err
        echo $? > {out}/full.code
        ls -A {disk} > {out}/left.txt
        mount -o remount,size=64m {disk}
        {command} restore {backup} {disk}/restored > {out}/room.txt 2>&1
        echo $? > {out}/room.code
    """
    subprocess.run(["unshare", "-rm", "sh", "-c", script], check=True, timeout=600)
    assert (out / "full.code").read_text().strip() == "1"
    error = (out / "full.err").read_text()
    assert "The disk is full" in error and "Traceback" not in error
    assert (out / "left.txt").read_text() == ""
    assert (out / "room.code").read_text().strip() == "0"
    assert "Restored 6 sources and 6 originals" in (out / "room.txt").read_text()
