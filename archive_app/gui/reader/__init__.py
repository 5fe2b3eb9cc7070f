"""The reader pane: one source as a person reads it, with the search's matches marked."""

from archive_app.gui.reader.pane import ReaderPane

__all__ = ["ReaderPane"]
