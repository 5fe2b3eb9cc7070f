"""What a live capture may fetch: which addresses, how much, for how long."""

from __future__ import annotations

import ssl
from dataclasses import dataclass
from urllib.parse import urlsplit

from archive_app import __version__
from archive_app.core.errors import CaptureError
from archive_app.core.messages import QT_TRANSLATE_NOOP, Message

USER_AGENT = f"archive-app/{__version__} (research archive; captures a page for its reader)"


@dataclass(frozen=True)
class CapturePolicy:
    """Limits of one capture. ``verify`` is True (the system's trusted certificates) or an
    SSL context trusting others (a test's own authority); certificates are always verified."""

    max_resource_bytes: int = 20 << 20
    max_capture_bytes: int = 100 << 20
    connect_timeout: float = 10.0
    read_timeout: float = 30.0
    total_timeout: float = 120.0
    max_redirects: int = 10
    max_images: int = 40
    verify: ssl.SSLContext | bool = True


def check_url(url: str) -> str:
    """The address if a capture may fetch it; else a :class:`CaptureError` saying why."""
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError as error:
        raise CaptureError(
            Message(
                QT_TRANSLATE_NOOP("core", "'{url}' is not a web address ({error})."),
                url=str(url),
                error=str(error),
            )
        ) from error
    if parts.scheme.lower() not in ("http", "https"):
        scheme = f"'{parts.scheme}:' addresses" if parts.scheme else "addresses without http://"
        raise CaptureError(
            Message(
                QT_TRANSLATE_NOOP(
                    "core", "Only http:// and https:// pages can be captured, not {scheme} ({url})."
                ),
                scheme=str(scheme),
                url=str(url),
            )
        )
    if parts.username is not None or parts.password is not None:
        raise CaptureError(
            Message(
                QT_TRANSLATE_NOOP(
                    "core",
                    "The address holds a user name or password; the archive does not send "
                    "credentials and would keep them in its records. Remove them from the "
                    "address.",
                )
            )
        )
    if not parts.hostname or port == 0:
        raise CaptureError(
            Message(QT_TRANSLATE_NOOP("core", "'{url}' names no host to fetch from."), url=str(url))
        )
    return url.strip()
