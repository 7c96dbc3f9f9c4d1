"""Run a program that shows a window, and say when that window was first painted.

  python first_paint.py T0 -m leaflet_app --screenshot x.png
  python first_paint.py T0 bare.py startup x.png sections.json

T0 is the ``time.time()`` the caller read just before starting this process. The first window
the program shows is watched: once its first paint has been done (all its widgets, in the
same pass), the milliseconds since T0 are written to standard error as ``first-paint-ms N``.
What the program does after that (grabbing, writing the PNG, exiting) is not in the figure.

Nothing in the programs is changed but ``QWidget.show``, wrapped for both alike. It is wrapped
as the program itself imports ``PySide6.QtWidgets``, not before: PySide loaded early would
change what the program's own imports cost (PySide's import hook reads the source of every
module imported after it).
"""

from __future__ import annotations

import importlib.abc
import importlib.machinery
import os
import runpy
import sys
import time

T0 = float(sys.argv[1])
target = sys.argv[2:]
WIDGETS = "PySide6.QtWidgets"
_kept: list = []


def _report() -> None:
    print(f"first-paint-ms {(time.time() - T0) * 1000:.1f}", file=sys.stderr, flush=True)


def _watch_first_window(widgets) -> None:
    from PySide6.QtCore import QEvent, QObject, QTimer

    show = widgets.QWidget.show

    class FirstPaint(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint:
                watched.removeEventFilter(self)
                QTimer.singleShot(0, _report)  # after the paint pass that has just begun
            return False

    watcher = FirstPaint()
    _kept.append(watcher)  # alive after ``show`` is unwrapped

    def watched_show(self) -> None:
        if self.isWindow():
            widgets.QWidget.show = show  # one window only
            self.installEventFilter(watcher)
        show(self)

    widgets.QWidget.show = watched_show


class _Finder(importlib.abc.MetaPathFinder):
    """Lets the program import PySide6.QtWidgets as usual, then wraps ``show``."""

    def find_spec(self, name, path, target=None):
        if name != WIDGETS:
            return None
        sys.meta_path.remove(self)
        spec = importlib.machinery.PathFinder.find_spec(name, path)
        if spec is not None and spec.loader is not None:
            loader, original_exec = spec.loader, spec.loader.exec_module

            def exec_module(module) -> None:
                original_exec(module)
                _watch_first_window(module)

            loader.exec_module = exec_module  # type: ignore[method-assign]
        return spec


sys.meta_path.insert(0, _Finder())
if target[0] == "-m":
    sys.path[0] = os.getcwd()  # as ``python -m`` has it: the module from the folder it runs in
    sys.argv = [target[1], *target[2:]]
    runpy.run_module(target[1], run_name="__main__", alter_sys=True)
else:
    sys.argv = target
    runpy.run_path(target[0], run_name="__main__")
