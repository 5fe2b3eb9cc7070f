"""What is carried when sources or events are dragged inside the window.

Sources dragged from the list or the grid carry their ids; an event dragged in the sidebar
carries its id. Both are our own MIME types, so a drop from another program is never taken for
them (and dropped files still mean "import").
"""

from __future__ import annotations

import json
from collections.abc import Sequence

from PySide6.QtCore import QByteArray, QMimeData

SOURCE_IDS = "application/x-archive-app-source-ids"
EVENT_ID = "application/x-archive-app-event-id"


def source_ids_mime(ids: Sequence[int], titles: Sequence[str] = ()) -> QMimeData:
    """Sources on their way to a drop; their titles go along as plain text."""
    mime = QMimeData()
    mime.setData(SOURCE_IDS, QByteArray(json.dumps([int(i) for i in ids]).encode()))
    if titles:
        mime.setText("\n".join(titles))
    return mime


def dropped_source_ids(mime: QMimeData) -> list[int]:
    return _ints(mime, SOURCE_IDS)


def event_mime(event_id: int, name: str) -> QMimeData:
    mime = QMimeData()
    mime.setData(EVENT_ID, QByteArray(json.dumps([event_id]).encode()))
    mime.setText(name)
    return mime


def dropped_event_id(mime: QMimeData) -> int | None:
    ids = _ints(mime, EVENT_ID)
    return ids[0] if ids else None


def _ints(mime: QMimeData, kind: str) -> list[int]:
    if not mime.hasFormat(kind):
        return []
    try:
        values = json.loads(bytes(mime.data(kind).data()).decode())
    except (UnicodeDecodeError, json.JSONDecodeError):
        return []
    if not isinstance(values, list):
        return []
    return [value for value in values if isinstance(value, int) and not isinstance(value, bool)]
