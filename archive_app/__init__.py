"""A desktop research archive for sources about contested events."""

__version__ = "0.1.0"
APP_NAME = "Research Archive"
