#!/usr/bin/env python3
"""Benchmarks that print figures (not timed tests): start-up, language switch, accessibility toggle.

  .venv/bin/python benchmarks/bench.py            # all
  .venv/bin/python benchmarks/bench.py switch     # one of: startup switch toggle cold

Start-up is compared with a bare PySide6 window showing the same text in six tabs. Switch and
toggle time the full work of one change, as one frame of the event loop: the change itself, then
the posted events (deferred layouts, and the repaint of the window into its backing store).
If the change left no paint pending, the window is repainted inside the timing all the same, so a
frame is never left out.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

BARE = r"""
import sys, time
t0 = time.perf_counter()
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QTabWidget, QTextBrowser
sys.path.insert(0, sys.argv[2])
from leaflet_app.app import default_leaflet
from leaflet_app.render import LeafletRenderer, identity
app = QApplication([])
lf = default_leaflet(); r = LeafletRenderer(lf)
tabs = QTabWidget()
for s in lf.sections:
    b = QTextBrowser(); b.setHtml(r.section_html(s, identity)); tabs.addTab(b, s.heading.text)
class F(QObject):
    def eventFilter(self, o, e):
        if e.type() == QEvent.Type.Paint:
            QTimer.singleShot(0, lambda: (tabs.grab().save(sys.argv[1]), app.exit(0)))
            o.removeEventFilter(self)
        return False
f = F(); tabs.installEventFilter(f); tabs.resize(1280, 800); tabs.show(); app.exec()
"""


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def summary(name: str, ms: list[float]) -> None:
    print(f"{name:<42} n={len(ms):<4} median {statistics.median(ms):6.2f} ms   p95 {percentile(ms, 95):6.2f} ms"
          f"   max {max(ms):6.2f} ms")


def startup(runs: int = 7) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        png = str(Path(tmp) / "x.png")
        app_times, bare_times = [], []
        for _ in range(runs):
            t = time.perf_counter()
            subprocess.run([sys.executable, "-m", "leaflet_app", "--screenshot", png], cwd=ROOT, check=True)
            app_times.append((time.perf_counter() - t) * 1000)
            t = time.perf_counter()
            subprocess.run([sys.executable, "-c", BARE, png, str(ROOT)], cwd=ROOT, check=True)
            bare_times.append((time.perf_counter() - t) * 1000)
    summary("start -> screenshot written (Leaflet Viewer)", app_times)
    summary("start -> screenshot written (bare PySide6)", bare_times)
    print(f"{'ratio of medians':<42} {statistics.median(app_times) / statistics.median(bare_times):.2f}x")


def _window():
    from PySide6.QtWidgets import QApplication

    from leaflet_app.app import application, default_leaflet, languages, settle_memory
    from leaflet_app.ui.main_window import MainWindow

    application()
    w = MainWindow(default_leaflet(), languages(), None)
    w.resize(1280, 800)
    w.show()
    QApplication.processEvents()
    settle_memory()  # as leaflet-app does once its window is built
    return w


def _close(window) -> None:
    """Close a benchmark's window, so the next one measures a single window, as in the app."""
    from PySide6.QtCore import QCoreApplication, QEvent
    from PySide6.QtWidgets import QApplication

    from leaflet_app.i18n import translator

    window.close()
    window.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    QApplication.processEvents()
    translator().set_language("en")


class _PaintSeen:
    """Notes whether the window painted (its backing store was brought up to date)."""

    def __init__(self, window) -> None:
        from PySide6.QtCore import QEvent, QObject

        seen = self

        class Filter(QObject):
            def eventFilter(self, watched, event) -> bool:
                if event.type() == QEvent.Type.Paint:
                    seen.painted = True
                return False

        self.painted = False
        self.filter = Filter()
        window.centralWidget().installEventFilter(self.filter)


def _timed(action, window) -> float:
    from PySide6.QtWidgets import QApplication

    seen = getattr(window, "_bench_paint_seen", None) or _PaintSeen(window)
    window._bench_paint_seen = seen
    seen.painted = False
    t = time.perf_counter()
    action()
    QApplication.processEvents()  # deferred layouts and the repaint, as the event loop runs them
    if not seen.painted:
        window.repaint()  # no frame was painted yet: paint one, inside the timing
    return (time.perf_counter() - t) * 1000


def switch(rounds: int = 20) -> None:
    from leaflet_app.app import languages

    w = _window()
    langs = languages()
    w.show_section("law-and-guidance")
    for code in langs:  # warm: catalogues parsed and fonts loaded once, as after first use
        w.set_language(code)
    by_language: dict[str, list[float]] = {code: [] for code in langs}
    for _ in range(rounds):
        for code in langs:
            by_language[code].append(_timed(lambda c=code: w.set_language(c), w))
    summary("language switch, all 17 in turn (warm)", [ms for v in by_language.values() for ms in v])
    summary("  into the 16 other than Urdu", [ms for c, v in by_language.items() if c != "ur" for ms in v])
    summary("  into Arabic (right-to-left, Naskh)", by_language["ar"])
    summary("  into Urdu (right-to-left, Nastaliq)", by_language["ur"])
    _close(w)


def toggle(rounds: int = 40) -> None:
    w = _window()
    for language in ("en", "pl", "ar", "ur"):
        w.set_language(language)
        for _ in range(2):  # warm: fonts and documents for both displays exist once
            w.toggle_accessibility_mode()
        ms = [_timed(w.toggle_accessibility_mode, w) for _ in range(rounds)]
        summary(f"accessibility mode toggle ({language}, warm)", ms)
    _close(w)


def cold() -> None:
    """First visits: each language shown for the first time (its page built and laid out, its
    texts shaped), then the memory held once every language has been seen in both displays."""
    import resource

    from PySide6.QtWidgets import QApplication

    if QApplication.instance() is not None:  # warmed by another benchmark: measure in a new process
        subprocess.run([sys.executable, __file__, "cold"], check=True)
        return
    from leaflet_app.app import languages

    w = _window()
    w.show_section("law-and-guidance")
    first: dict[str, float] = {}
    for code in languages():
        if code != "en":
            first[code] = _timed(lambda c=code: w.set_language(c), w)
    summary("first switch into each language (cold)", list(first.values()))
    print(f"{'  into Urdu, first time':<42} {first['ur']:6.2f} ms")
    for code in languages():
        w.set_language(code)
        w.toggle_accessibility_mode()
        w.toggle_accessibility_mode()
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{'peak memory, all 17 languages x 2 displays':<42} {rss:.0f} MiB")
    _close(w)


if __name__ == "__main__":
    which = sys.argv[1:] or ["startup", "switch", "toggle", "cold"]
    for name in which:
        {"startup": startup, "switch": switch, "toggle": toggle, "cold": cold}[name]()
