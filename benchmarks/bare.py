"""The bare PySide6 baseline for bench.py: the leaflet's HTML in six tabs of QTextBrowser, nothing else.

It imports PySide6 and the standard library only (never leaflet_app), so it measures what Qt and
Python cost on this machine. The HTML of every language is rendered beforehand by bench.py and
passed in a JSON file: ``{"en": {"rtl": false, "tabs": [[title, html], ...]}, ...}``.

  python bare.py startup FILE.png SECTIONS.json     show English, save a picture after the first paint
  python bare.py work SECTIONS.json ROUNDS          time switches and toggles, print JSON figures
"""

from __future__ import annotations

import json
import resource
import sys
import time

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication, QTabWidget, QTextBrowser

# Accessibility mode, as near as a bare window gets: larger text, white on black.
LARGE_POINT_SIZE = 20.0


class Bare:
    def __init__(self, languages: dict) -> None:
        self.languages = languages
        self.tabs = QTabWidget()
        self.browsers: list[QTextBrowser] = []
        for title, html in languages["en"]["tabs"]:
            b = QTextBrowser()
            b.setHtml(html)
            self.browsers.append(b)
            self.tabs.addTab(b, title)
        self.normal_font = QFont(self.tabs.font())
        self.normal_palette = QPalette(self.tabs.palette())
        self.large = False

    def set_language(self, code: str) -> None:
        lang = self.languages[code]
        for i, (b, (title, html)) in enumerate(zip(self.browsers, lang["tabs"], strict=True)):
            b.setHtml(html)
            self.tabs.setTabText(i, title)
        direction = Qt.LayoutDirection.RightToLeft if lang["rtl"] else Qt.LayoutDirection.LeftToRight
        self.tabs.setLayoutDirection(direction)

    def toggle(self) -> None:
        self.large = not self.large
        font = QFont(self.normal_font)
        palette = QPalette(self.normal_palette)
        if self.large:
            font.setPointSizeF(LARGE_POINT_SIZE)
            for role in (QPalette.ColorRole.Window, QPalette.ColorRole.Base, QPalette.ColorRole.Button):
                palette.setColor(role, QColor("black"))
            for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text, QPalette.ColorRole.ButtonText):
                palette.setColor(role, QColor("white"))
        self.tabs.setFont(font)
        self.tabs.setPalette(palette)


class PaintSeen(QObject):
    def __init__(self, widget) -> None:
        super().__init__()
        self.painted = False
        widget.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.painted = True
        return False


CPU: dict[str, list[float]] = {}  # the processor time of each timed change, by what was timed


def timed(action, widget, seen: PaintSeen, what: str = "") -> float:
    """The same frame as bench.py's: the change, the posted events, and a paint. Returns the
    wall-clock milliseconds; the process's CPU milliseconds go into ``CPU[what]``."""
    seen.painted = False
    c = time.process_time()
    t = time.perf_counter()
    action()
    QApplication.processEvents()
    if not seen.painted:
        widget.repaint()
    wall = (time.perf_counter() - t) * 1000
    CPU.setdefault(what, []).append((time.process_time() - c) * 1000)
    return wall


def startup(png: str, sections: str) -> None:
    app = QApplication([])
    bare = Bare(json.load(open(sections, encoding="utf-8")))

    class First(QObject):
        def eventFilter(self, watched, event) -> bool:
            if event.type() == QEvent.Type.Paint:
                watched.removeEventFilter(self)
                QTimer.singleShot(0, lambda: (bare.tabs.grab().save(png), app.exit(0)))
            return False

    first = First()
    bare.tabs.installEventFilter(first)
    bare.tabs.resize(1280, 800)
    bare.tabs.show()
    app.exec()


def work(sections: str, rounds: int) -> None:
    QApplication([])
    languages = json.load(open(sections, encoding="utf-8"))
    bare = Bare(languages)
    bare.tabs.resize(1280, 800)
    bare.tabs.show()
    QApplication.processEvents()
    seen = PaintSeen(bare.tabs)
    bare.tabs.setCurrentIndex(1)  # the section bench.py shows in the app (law-and-guidance)
    first = {code: timed(lambda c=code: bare.set_language(c), bare.tabs, seen) for code in languages if code != "en"}
    for code in languages:  # every language seen in both displays, for the peak memory
        bare.set_language(code)
        bare.toggle()
        bare.toggle()
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    switch = {code: [] for code in languages}
    for _ in range(rounds):
        for code in languages:
            switch[code].append(timed(lambda c=code: bare.set_language(c), bare.tabs, seen, "switch"))
    toggle = {}
    for code in ("en", "pl", "ar", "ur"):
        bare.set_language(code)
        toggle[code] = [timed(bare.toggle, bare.tabs, seen, "toggle") for _ in range(2 * rounds)]
    json.dump({"first": first, "switch": switch, "toggle": toggle, "rss_mib": rss,
               "switch_cpu": CPU["switch"], "toggle_cpu": CPU["toggle"]}, sys.stdout)


if __name__ == "__main__":
    if sys.argv[1] == "startup":
        startup(sys.argv[2], sys.argv[3])
    else:
        work(sys.argv[2], int(sys.argv[3]))
