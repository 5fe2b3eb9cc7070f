"""One rule for counting an event's sources everywhere: the sources about it or about any of
its sub-events, each once, in the event list, the sidebar and an ``event:`` search alike."""

from __future__ import annotations

from collections.abc import Callable

from archive_app.core.archive import Archive


def test_an_event_counts_its_sub_events_sources_once_everywhere(
    archive: Archive, import_texts: Callable[..., list[int]]
) -> None:
    war_report, battle_report, both = import_texts(
        {
            "war.txt": "War\n\nThe offensive began at dawn.",
            "battle.txt": "Battle\n\nThe town fell after two days.",
            "both.txt": "Both\n\nThe offensive ended with the fall of the town.",
        }
    )
    war, _ = archive.events.create("2nd Karabakh War", start="2020-09-27")
    battle, _ = archive.events.create("Battle of Shusha", parent=war.id, start="2020-11")
    archive.assignments.add_to_sources([war_report, both], events=[war.id])
    archive.assignments.add_to_sources([battle_report, both], events=[battle.id])

    listed = {event.name: event.source_count for event in archive.events.all()}
    in_sidebar = {event.name: event.count for event in archive.listing.summary().events}
    searched = {
        name: archive.search(f'event:"{name}"').total
        for name in ("2nd Karabakh War", "Battle of Shusha")
    }

    assert listed == in_sidebar == searched == {"2nd Karabakh War": 3, "Battle of Shusha": 2}
    assert archive.events.get(war.id).source_count == 3
    assert archive.events.get(war.id).own_source_count == 2
