"""Output to a pipe that closes early (``archive-app import DIR | head -3``).

Unix tools stop writing quietly when the reader goes away. Here the work must not stop with the
output: an import still finishes and keeps every file. So once the pipe is gone, what a command
prints is dropped, and the command carries on to its end.
"""

from __future__ import annotations

import contextlib
import io
import os
import sys
from collections.abc import Iterator
from typing import TextIO, cast


class ClosedPipeGuard(io.TextIOBase):
    """Standard output that drops what is written once its reader has gone."""

    def __init__(self, stream: TextIO) -> None:
        super().__init__()
        self._stream = stream
        self.reader_gone = False

    def write(self, text: str) -> int:
        if not self.reader_gone:
            try:
                self._stream.write(text)
            except BrokenPipeError:
                self._drop_the_rest()
        return len(text)

    def flush(self) -> None:
        if not self.reader_gone:
            try:
                self._stream.flush()
            except BrokenPipeError:
                self._drop_the_rest()

    def isatty(self) -> bool:
        return self._stream.isatty()

    def fileno(self) -> int:
        return self._stream.fileno()

    @property
    def encoding(self) -> str:  # type: ignore[override]
        return self._stream.encoding

    def _drop_the_rest(self) -> None:
        """Point the descriptor at /dev/null too, so the interpreter's last flush of the real
        stream at exit finds nowhere to fail."""
        self.reader_gone = True
        with contextlib.suppress(OSError, ValueError, io.UnsupportedOperation):
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, self._stream.fileno())
            os.close(devnull)


@contextlib.contextmanager
def quiet_on_closed_pipe() -> Iterator[ClosedPipeGuard]:
    """Guard ``sys.stdout`` for the length of a command."""
    original = sys.stdout
    guard = ClosedPipeGuard(original)
    sys.stdout = cast(TextIO, guard)
    try:
        yield guard
    finally:
        guard.flush()  # what is still buffered meets a closed pipe here, not at exit
        sys.stdout = original
