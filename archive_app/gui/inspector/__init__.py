"""The inspector pane: a source's metadata, research links and provenance."""

from archive_app.gui.inspector.pane import InspectorPane

__all__ = ["InspectorPane"]
