"""An archive's parts are made when first read, once, whichever threads read them."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest

from archive_app.core.archive import Archive
from archive_app.core.lazy import made_on_first_use

READERS = 8


class Holder:
    def __init__(self) -> None:
        self.made = 0
        self.fail_next = False

    @made_on_first_use
    def part(self) -> object:
        """A part that takes a while to make, as a part that loads its modules does."""
        self.made += 1
        if self.fail_next:
            self.fail_next = False
            raise OSError("could not be made")
        time.sleep(0.05)
        return object()


def test_threads_reading_a_part_at_once_share_the_one_made() -> None:
    holder = Holder()
    start = threading.Barrier(READERS)
    seen: list[object] = []

    def read() -> None:
        start.wait()
        seen.append(holder.part)

    threads = [threading.Thread(target=read) for _ in range(READERS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert holder.made == 1
    assert len(seen) == READERS
    assert all(part is seen[0] for part in seen)


def test_a_part_that_could_not_be_made_is_made_when_next_read() -> None:
    holder = Holder()
    holder.fail_next = True

    with pytest.raises(OSError, match="could not be made"):
        _ = holder.part

    assert holder.part is holder.part
    assert holder.made == 2


def test_each_archive_has_parts_of_its_own(tmp_path: Path) -> None:
    with Archive.open(tmp_path / "one") as one, Archive.open(tmp_path / "two") as two:
        assert one.events is one.events
        assert one.events is not two.events
        assert one.trash.database is one.database
