"""The guard against PySide6 6.12.0's stray releases of None on Python 3.11 keeps a process
alive through millions of Qt calls (without it, this script aborts with none_dealloc)."""

from __future__ import annotations

from tests.helpers import run_python

SCRIPT = """
from archive_app.gui.qt_start import prepare_qt
prepare_qt()
from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication, QLabel

class Emitter(QObject):
    flag = Signal(bool)

app = QApplication([])
label = QLabel()
emitter = Emitter()
for number in range(300_000):
    label.setText("Stepanakert")
    emitter.flag.emit(number % 2 == 0)
print("survived")
"""


def test_a_long_run_of_qt_calls_does_not_abort_the_interpreter() -> None:
    result = run_python(SCRIPT)
    assert (result.returncode, result.stdout.strip()) == (0, "survived"), result.stderr[-500:]
