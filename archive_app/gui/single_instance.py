"""One window per person: a second launch hands its files to the running program and ends.

The first program listens on a local socket named after the user and the default archive
location (so tests and separate ``ARCHIVE_APP_HOME`` set-ups do not meet). A later launch
connects, sends one JSON line — the files it was given and the archive it was asked for — and
exits; the running program raises its window and imports the files.
"""

from __future__ import annotations

import getpass
import hashlib
import json
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

from archive_app.core.paths import default_archive_path

CONNECT_TIMEOUT_MS = 500
HANDOFF_TIMEOUT_MS = 3000


def instance_name() -> str:
    """The socket name shared by every launch of one person with one default archive."""
    key = f"{getpass.getuser()}\0{default_archive_path()}"
    return "archive-app-" + hashlib.sha256(key.encode()).hexdigest()[:16]


def hand_over(files: Sequence[Path], archive: Path | None, name: str | None = None) -> bool:
    """Give ``files`` (and the archive asked for) to a running program; False if none runs."""
    socket = QLocalSocket()
    socket.connectToServer(name or instance_name())
    if not socket.waitForConnected(CONNECT_TIMEOUT_MS):
        return False
    message = {
        "files": [str(path.expanduser().resolve()) for path in files],
        "archive": str(archive.expanduser().resolve()) if archive is not None else None,
    }
    socket.write(json.dumps(message).encode() + b"\n")
    delivered = socket.waitForBytesWritten(HANDOFF_TIMEOUT_MS)
    socket.disconnectFromServer()
    return delivered


class InstanceServer(QObject):
    """Listens for later launches; each one becomes :attr:`launched` on the GUI thread."""

    launched = Signal(list, object)
    """The files of a later launch (``list[Path]``) and the archive it asked for (or None)."""

    def __init__(self, name: str | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._server = QLocalServer(self)
        self._server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self._server.newConnection.connect(self._accept)
        self.name = name or instance_name()

    def listen(self) -> bool:
        """Start listening; a socket left by a program that crashed is removed first."""
        QLocalServer.removeServer(self.name)
        return self._server.listen(self.name)

    def close(self) -> None:
        self._server.close()

    def _accept(self) -> None:
        while self._server.hasPendingConnections():
            socket = self._server.nextPendingConnection()
            socket.readyRead.connect(lambda socket=socket: self._read(socket))
            socket.disconnected.connect(socket.deleteLater)

    def _read(self, socket: QLocalSocket) -> None:
        if not socket.canReadLine():
            return
        line = bytes(socket.readLine().data())
        try:
            message = json.loads(line)
            files = [Path(str(name)) for name in message.get("files", [])]
            archive = message.get("archive")
        except (ValueError, AttributeError, TypeError):
            return  # not a launch of ours: nothing to do
        self.launched.emit(files, Path(archive) if archive else None)
