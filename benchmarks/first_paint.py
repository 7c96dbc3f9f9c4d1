"""Run a program that shows a window, and say when that window was first painted.

  python first_paint.py T0 -m leaflet_app --screenshot x.png
  python first_paint.py T0 bare.py startup x.png sections.json

T0 is the ``time.time()`` the caller read just before starting this process. The first window
the program shows is watched: once its first paint has been done (all its widgets, in the
same pass), the milliseconds since T0 are written to standard error as ``first-paint-ms N``.
What the program does after that (grabbing, writing the PNG, exiting) is not in the figure.
Only ``QWidget.show`` is wrapped, for both programs alike; nothing else in them is changed.
"""

from __future__ import annotations

import runpy
import sys
import time

T0 = float(sys.argv[1])
target = sys.argv[2:]

from PySide6.QtCore import QEvent, QObject, QTimer  # noqa: E402 - after T0 is read
from PySide6.QtWidgets import QWidget  # noqa: E402

_show = QWidget.show


class _FirstPaint(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.done = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and not self.done:
            self.done = True
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self.report)  # after the paint pass that has just begun
        return False

    def report(self) -> None:
        print(f"first-paint-ms {(time.time() - T0) * 1000:.1f}", file=sys.stderr, flush=True)


_watch = _FirstPaint()


def _watched_show(self: QWidget) -> None:
    if self.isWindow() and not _watch.done and QWidget.show is _watched_show:
        QWidget.show = _show  # one window only
        self.installEventFilter(_watch)
    _show(self)


QWidget.show = _watched_show
if target[0] == "-m":
    sys.argv = [target[1], *target[2:]]
    runpy.run_module(target[1], run_name="__main__", alter_sys=True)
else:
    sys.argv = target
    runpy.run_path(target[0], run_name="__main__")
