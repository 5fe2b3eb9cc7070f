"""A full disk: the import stops with a clear message, what was stored is whole, and once
space is freed the archive opens, catches its index up and imports the rest.

The disk is a 3 MB tmpfs mounted in a private user and mount namespace (``unshare -rm``), so
the test needs no privileges; it is skipped where the kernel does not allow such namespaces.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers import DISK_FULL_SENTENCE, namespaces_work, write_file

pytestmark = [
    pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux mount namespaces"),
    pytest.mark.skipif(not namespaces_work(), reason="unprivileged namespaces are not allowed"),
]


def _dispatches(folder: Path, count: int) -> None:
    words = DISK_FULL_SENTENCE.split()
    for number in range(count):
        body = " ".join(words[(number + i) % len(words)] for i in range(25_000))
        write_file(folder, f"dispatch-{number:02d}.txt", f"Dispatch {number}\n\n{body}\n")


def test_a_full_disk_stops_the_import_cleanly_and_loses_nothing(tmp_path: Path) -> None:
    incoming, disk, out = tmp_path / "in", tmp_path / "disk", tmp_path / "out"
    _dispatches(incoming, 30)
    disk.mkdir()
    out.mkdir()
    archive = disk / "archive"
    command = f"{sys.executable} -m archive_app"
    script = f"""
        set -u
        mount -t tmpfs -o size=3m tmpfs {disk}
        {command} import --json --archive {archive} {incoming} > {out}/first.json 2> {out}/first.err
        echo $? > {out}/first.code
        {command} check --archive {archive} > {out}/check.txt 2>&1
        mount -o remount,size=64m {disk}
        {command} import --json --archive {archive} {incoming} > {out}/second.json 2> /dev/null
        echo $? > {out}/second.code
        {command} check --archive {archive} > {out}/healthy.txt 2>&1
        echo $? > {out}/healthy.code
        {command} search --json --archive {archive} Kornidzor > {out}/search.json
    """
    subprocess.run(["unshare", "-rm", "sh", "-c", script], check=True, timeout=600)

    first = json.loads((out / "first.json").read_text())
    assert (out / "first.code").read_text().strip() == "1"
    assert "The disk holding the archive" in (out / "first.err").read_text()
    assert "is full" in (out / "first.err").read_text()
    stored = [row for row in first if row["status"] == "imported"]
    assert 0 < len(stored) < 30
    assert "Traceback" not in (out / "check.txt").read_text()

    second = json.loads((out / "second.json").read_text())
    assert (out / "second.code").read_text().strip() == "0"
    assert sum(row["status"] == "duplicate" for row in second) == len(stored)
    assert sum(row["status"] == "imported" for row in second) == 30 - len(stored)
    assert (out / "healthy.code").read_text().strip() == "0"
    assert "30 sources checked: healthy." in (out / "healthy.txt").read_text()
    assert json.loads((out / "search.json").read_text())["total"] == 30
