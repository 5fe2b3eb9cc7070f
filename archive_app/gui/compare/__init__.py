"""The compare view: how each perspective told an event, one column per perspective."""

from archive_app.gui.compare.view import CompareView

__all__ = ["CompareView"]
