#!/usr/bin/env python3
"""Soak: does memory stay flat over a day of kiosk use? (Prints figures; not a timed test.)

  .venv/bin/python benchmarks/soak.py [SWITCHES]       # default 10,000

Inside the event loop, switches the language across all 17 languages SWITCHES times and toggles
accessibility mode every 10th switch, printing the resident memory every 1,000 switches. The goal:
growth from switch 1,000 to the last ≤ 2 MiB. A bare PySide6 window (six QTextBrowsers whose HTML
is replaced, with a layout-direction flip, as often) is measured the same way in a fresh process,
for comparison.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

GOAL_MIB = 2.0
EVERY = 1000


def rss_mib() -> float:
    """Resident memory now (not the peak): pages in use, from /proc (Linux)."""
    with open("/proc/self/statm") as f:
        resident_pages = int(f.read().split()[1])
    return resident_pages * os.sysconf("SC_PAGE_SIZE") / 2**20


def drive(steps: int, step, label: str) -> list[float]:
    """Run ``step(i)`` for i in 0..steps-1, one per turn of the event loop; RSS every EVERY."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    samples: list[float] = []
    started = time.perf_counter()
    i = 0

    def tick() -> None:
        nonlocal i
        step(i)
        i += 1
        if i % EVERY == 0:
            samples.append(rss_mib())
            print(f"{label:<14} {i:>6} switches  RSS {samples[-1]:7.1f} MiB  "
                  f"({time.perf_counter() - started:6.1f} s)", flush=True)
        if i < steps:
            QTimer.singleShot(0, tick)
        else:
            app.quit()

    QTimer.singleShot(0, tick)
    app.exec()
    return samples


def leaflet_viewer(steps: int) -> list[float]:
    from leaflet_app.app import application, default_leaflet, languages, settle_memory
    from leaflet_app.ui.main_window import MainWindow

    application()
    langs = languages()
    w = MainWindow(default_leaflet(), langs, None)
    w.resize(1280, 800)
    w.show()
    w.show_section("law-and-guidance")
    settle_memory()

    def step(i: int) -> None:
        w.set_language(langs[(i + 1) % len(langs)])
        if i % 10 == 9:
            w.toggle_accessibility_mode()

    return drive(steps, step, "Leaflet Viewer")


def bare(steps: int) -> list[float]:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication, QTabWidget, QTextBrowser

    from leaflet_app.app import default_leaflet
    from leaflet_app.i18n import localizer
    from leaflet_app.render import LeafletRenderer

    app = QApplication.instance() or QApplication([])
    from leaflet_app.fonts import FAMILY_FILES, ensure_family

    for family in FAMILY_FILES:  # the same fonts as the app, so no script falls back to system fonts
        ensure_family(family)
    lf = default_leaflet()
    r = LeafletRenderer(lf)
    codes = ["en", "pl", "ar", "ur", "bn"]
    pages = {c: [r.section_html(s, localizer(c).pgettext, localizer(c).direction_name) for s in lf.sections]
             for c in codes}
    tabs = QTabWidget()
    browsers = []
    for s in lf.sections:
        b = QTextBrowser()
        tabs.addTab(b, s.heading.text)
        browsers.append(b)
    tabs.resize(1280, 800)
    tabs.show()

    def step(i: int) -> None:
        code = codes[(i + 1) % len(codes)]
        for b, html in zip(browsers, pages[code], strict=True):
            b.setHtml(html)
        app.setLayoutDirection(Qt.LayoutDirection.RightToLeft if localizer(code).rtl
                               else Qt.LayoutDirection.LeftToRight)

    return drive(steps, step, "bare PySide6")


def report(label: str, samples: list[float]) -> float:
    growth = samples[-1] - samples[0]
    print(f"{label}: RSS {samples[0]:.1f} MiB at {EVERY} switches, {samples[-1]:.1f} MiB at "
          f"{EVERY * len(samples)}: growth {growth:+.2f} MiB")
    return growth


if __name__ == "__main__":
    if sys.argv[1:2] == ["--bare"]:
        report("bare PySide6", bare(int(sys.argv[2])))
        sys.exit(0)
    steps = int(sys.argv[1]) if sys.argv[1:] else 10_000
    print(f"Soak on {os.uname().machine} {os.cpu_count()} CPUs, {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}")
    subprocess.run([sys.executable, __file__, "--bare", str(steps)], check=True)
    growth = report("Leaflet Viewer", leaflet_viewer(steps))
    verdict = "within" if growth <= GOAL_MIB else "OVER"
    print(f"Leaflet Viewer growth {growth:+.2f} MiB: {verdict} the goal of {GOAL_MIB} MiB")
    sys.exit(0 if growth <= GOAL_MIB else 1)
