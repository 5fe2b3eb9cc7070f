"""Annotating in the window: the annotation list beside the reader, the editor for a note and
its labels, and what connects them to the reader and the archive."""
