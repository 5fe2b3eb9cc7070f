"""The window (PySide6). Calls the core; the core never calls back into it."""
