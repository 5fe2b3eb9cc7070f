"""The queries behind the source list and the sidebar (core/listing.py)."""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

import pytest
from PIL import Image

from archive_app.core.archive import Archive
from archive_app.core.listing import (
    SORT_COLUMNS,
    View,
    display_rows,
    ordered_ids,
    sidebar_summary,
)
from archive_app.core.thumbnails import ensure_thumbnail, thumbnail_path
from tests.helpers import write_file


@pytest.fixture
def three(import_texts: Callable[..., list[int]]) -> list[int]:
    """Three text sources: "Bravo" (2023-09-19), "alpha" (undated), "Charlie" (2020-10-01)."""
    return import_texts(
        {
            "b.md": "---\ntitle: Bravo\npublished: 2023-09-19\nsite: Wire service\n---\nOne.",
            "a.md": "---\ntitle: alpha\nauthor: Zara Q\n---\nTwo.",
            "c.md": "---\ntitle: Charlie\npublished: 2020-10-01\nsite: Army Daily\n---\nThree.",
        }
    )


def _link(archive: Archive, sql: str, rows: list[tuple[object, ...]]) -> None:
    with archive.database.transaction() as connection:
        connection.executemany(sql, rows)


def _research(archive: Archive, ids: list[int]) -> None:
    """Events (a war with a battle under it), two perspectives and a tag, linked to sources."""
    bravo, alpha, charlie = ids
    _link(
        archive,
        "INSERT INTO events (id, name, parent_id, start_date) VALUES (?, ?, ?, ?)",
        [(1, "Second Karabakh War", None, "2020-09-27"), (2, "Battle of Shusha", 1, "2020-11")],
    )
    _link(
        archive,
        "INSERT INTO perspectives (id, name, color) VALUES (?, ?, ?)",
        [(1, "Op-ed", "#7b1fa2"), (2, "International wire", "#1565c0")],
    )
    _link(archive, "INSERT INTO tags (id, name) VALUES (?, ?)", [(1, "displacement")])
    _link(
        archive,
        "INSERT INTO source_events (source_id, event_id) VALUES (?, ?)",
        [(charlie, 2), (alpha, 1), (charlie, 1)],
    )
    _link(
        archive,
        "INSERT INTO source_perspectives (source_id, perspective_id) VALUES (?, ?)",
        [(bravo, 2), (alpha, 1)],
    )
    _link(archive, "INSERT INTO source_tags (source_id, tag_id) VALUES (?, ?)", [(bravo, 1)])
    _link(
        archive,
        "INSERT INTO saved_searches (name, query, created_at) VALUES (?, ?, ?)",
        [("Shusha", "Shusha OR Shushi", "2026-01-01")],
    )


def test_sorting_by_title_ignores_case_both_ways(archive: Archive, three: list[int]) -> None:
    bravo, alpha, charlie = three
    assert ordered_ids(archive.database, sort="title") == [alpha, bravo, charlie]
    assert ordered_ids(archive.database, sort="title", descending=True) == [charlie, bravo, alpha]


def test_undated_sources_come_last_whichever_way_dates_are_sorted(
    archive: Archive, three: list[int]
) -> None:
    bravo, alpha, charlie = three
    assert ordered_ids(archive.database, sort="published") == [charlie, bravo, alpha]
    assert ordered_ids(archive.database, sort="published", descending=True) == [
        bravo,
        charlie,
        alpha,
    ]


def test_every_column_sorts_every_source(archive: Archive, three: list[int]) -> None:
    _research(archive, three)
    for column in SORT_COLUMNS:
        for descending in (False, True):
            assert sorted(ordered_ids(archive.database, sort=column, descending=descending)) == (
                sorted(three)
            )


def test_sorting_by_perspective_puts_sources_without_one_last(
    archive: Archive, three: list[int]
) -> None:
    bravo, alpha, charlie = three
    _research(archive, three)
    assert ordered_ids(archive.database, sort="perspectives") == [bravo, alpha, charlie]


def test_an_event_view_includes_its_sub_events(archive: Archive, three: list[int]) -> None:
    _bravo, alpha, charlie = three
    _research(archive, three)
    war = ordered_ids(archive.database, View("event", 1), sort="title")
    assert war == [alpha, charlie]
    assert ordered_ids(archive.database, View("event", 2), sort="title") == [charlie]


def test_kind_perspective_and_tag_views(archive: Archive, three: list[int]) -> None:
    bravo, alpha, charlie = three
    _research(archive, three)
    assert ordered_ids(archive.database, View("kind", "text"), sort="title") == [
        alpha,
        bravo,
        charlie,
    ]
    assert ordered_ids(archive.database, View("kind", "image")) == []
    assert ordered_ids(archive.database, View("perspective", 2)) == [bravo]
    assert ordered_ids(archive.database, View("tag", 1)) == [bravo]


def test_a_view_of_hits_keeps_their_order_or_sorts_them(archive: Archive, three: list[int]) -> None:
    _bravo, alpha, charlie = three
    hits = View.of_ids([charlie, alpha])
    assert ordered_ids(archive.database, hits, sort=None) == [charlie, alpha]
    assert ordered_ids(archive.database, hits, sort="title") == [alpha, charlie]


def test_display_rows_carry_what_the_list_shows(archive: Archive, three: list[int]) -> None:
    bravo, alpha, charlie = three
    _research(archive, three)
    rows = display_rows(archive.database, [bravo, charlie, 999_999])
    assert set(rows) == {bravo, charlie}
    assert rows[bravo].title == "Bravo"
    assert rows[bravo].site == "Wire service"
    assert rows[bravo].published == "2023-09-19"
    assert [p.name for p in rows[bravo].perspectives] == ["International wire"]
    assert rows[bravo].perspectives[0].color == "#1565c0"
    assert rows[charlie].events == ["Second Karabakh War", "Battle of Shusha"]
    assert display_rows(archive.database, [alpha])[alpha].authors == ["Zara Q"]


def test_sidebar_counts_sources_per_kind_event_perspective_and_tag(
    archive: Archive, three: list[int]
) -> None:
    _research(archive, three)
    summary = sidebar_summary(archive.database)
    assert summary.total == 3
    assert summary.kinds == {"article": 0, "pdf": 0, "image": 0, "text": 3, "reference": 0}
    events = {event.name: event for event in summary.events}
    assert events["Second Karabakh War"].count == 2  # alpha, and charlie (also via the battle)
    assert events["Battle of Shusha"].count == 1
    assert events["Battle of Shusha"].parent_id == 1
    assert [(p.name, p.count, p.color) for p in summary.perspectives] == [
        ("International wire", 1, "#1565c0"),
        ("Op-ed", 1, "#7b1fa2"),
    ]
    assert [(t.name, t.count) for t in summary.tags] == [("displacement", 1)]
    assert [(s.name, s.query) for s in summary.saved_searches] == [("Shusha", "Shusha OR Shushi")]


def test_an_empty_archive_has_an_empty_summary(archive: Archive) -> None:
    summary = sidebar_summary(archive.database)
    assert summary.total == 0
    assert summary.events == []
    assert ordered_ids(archive.database) == []
    assert display_rows(archive.database, []) == {}


def test_a_missing_thumbnail_is_made_again_from_the_original(
    archive: Archive, tmp_path: Path
) -> None:
    buffer = io.BytesIO()
    Image.new("RGB", (900, 600), (40, 120, 200)).save(buffer, "JPEG")
    photo = write_file(tmp_path / "in", "photo.jpg", buffer.getvalue())
    report = archive.import_paths([photo])
    source = archive.get(report.new_source_ids[0])
    path = thumbnail_path(archive.derived, source.provenance.sha256)
    path.unlink()
    made = ensure_thumbnail(
        archive.store, archive.derived, source.provenance.sha256, source.provenance.original_ext
    )
    assert made == path
    with Image.open(made) as thumbnail:
        assert max(thumbnail.size) == 512
