"""Guard against the PySide6 6.12.0 + Python 3.11 crash (DESIGN §6): many void Qt calls must not
abort the interpreter. Runs in a subprocess, since the failure is a fatal error, not an exception."""

from __future__ import annotations

import os
import subprocess
import sys

SCRIPT = """
from PySide6.QtWidgets import QApplication, QWidget, QLabel
app = QApplication([])
w = QWidget(); label = QLabel(w)
for i in range(20000):
    w.setWindowTitle(f"t{i}")
    label.setText("x")
print("survived", i + 1)
"""


def test_twenty_thousand_void_calls_do_not_abort_python() -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True, env=env, timeout=120)
    assert result.returncode == 0, f"Python aborted (binding bug?): {result.stderr[-500:]}"
    assert "survived 20000" in result.stdout
