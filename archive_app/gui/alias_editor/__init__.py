"""The alias editor: groups of names for one place or thing, with a note on who uses which."""

from archive_app.gui.alias_editor.editor import AliasEditor

__all__ = ["AliasEditor"]
