"""The timeline: the event tree on a time axis with each perspective's coverage."""

from archive_app.gui.timeline.view import TimelineDock, TimelineView

__all__ = ["TimelineDock", "TimelineView"]
