"""Run a program that paints a window and grabs it (``--screenshot``), and say when it first painted.

  python first_paint.py T0 -m leaflet_app --screenshot x.png
  python first_paint.py T0 bare.py startup x.png sections.json

T0 is the ``time.time()`` the caller read just before starting this process. When the program
first grabs a widget, which both the app and the bare window do right after their first paint,
the milliseconds since T0 are written to standard error as ``first-paint-ms N``; the grab, the
PNG written after it and the process's exit are not counted in that figure. Only
``QWidget.grab`` is wrapped, for both programs alike; nothing else in them is changed.
"""

from __future__ import annotations

import runpy
import sys
import time

T0 = float(sys.argv[1])
target = sys.argv[2:]

from PySide6.QtWidgets import QWidget  # noqa: E402 - after T0 is read, as the program would

_grab = QWidget.grab
_painted: list[float] = []


def _timed_grab(self, *args):
    if not _painted:
        _painted.append((time.time() - T0) * 1000)
        print(f"first-paint-ms {_painted[0]:.1f}", file=sys.stderr, flush=True)
    return _grab(self, *args)


QWidget.grab = _timed_grab
if target[0] == "-m":
    sys.argv = [target[1], *target[2:]]
    runpy.run_module(target[1], run_name="__main__", alter_sys=True)
else:
    sys.argv = target
    runpy.run_path(target[0], run_name="__main__")
