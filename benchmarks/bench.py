#!/usr/bin/env python3
"""Benchmarks that print figures beside a bare PySide6 baseline measured in the same run (not tests).

  .venv/bin/python benchmarks/bench.py             # start-up, then switch/toggle/memory
  .venv/bin/python benchmarks/bench.py startup     # or: work
  .venv/bin/python benchmarks/bench.py work --rounds 10 --runs 5

The baseline (benchmarks/bare.py) imports only PySide6: six QTextBrowser tabs holding the same
leaflet HTML the app shows (rendered here beforehand). Against it:

- start-up: start -> first painted window (``--screenshot``; timed by ``first_paint.py`` once
  the window's first paint pass is done), against the bare tabbed window in English; runs
  alternate, medians compared. The whole run, PNG writing and exit included, is printed too;
- language switch: the app's ``set_language`` against setting the language's HTML into the six
  browsers and flipping the layout direction;
- accessibility toggle: against a larger font and white-on-black palette on the bare window;
- peak RSS once every language has been seen in both displays.

A switch or toggle is timed as one frame: the change, the posted events (deferred layouts, the
repaint into the backing store), and a repaint if nothing painted yet. Absolute figures vary
about 2x between machines; the ratio is what to compare. The machine and date are printed.
Python modules are byte-compiled first, as an installed app has them.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BARE = Path(__file__).resolve().parent / "bare.py"
FIRST_PAINT = Path(__file__).resolve().parent / "first_paint.py"
sys.path.insert(0, str(ROOT))
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"} | {"QT_QPA_PLATFORM": "offscreen"}
os.environ["QT_QPA_PLATFORM"] = "offscreen"


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    import PySide6

    now = datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC")
    return (f"{now}; {cpu}, {os.cpu_count()} cores; {platform.system()} {platform.release()}; "
            f"Python {platform.python_version()}; PySide6 {PySide6.__version__}; QT_QPA_PLATFORM=offscreen")


def row(name: str, app: float, bare: float, unit: str = "ms", goal: float | None = None) -> None:
    ratio = app / bare if bare else float("inf")
    verdict = "" if goal is None else ("  ok" if ratio <= goal else f"  over the {goal}x goal")
    print(f"  {name:<44} app {app:8.1f} {unit}   bare {bare:8.1f} {unit}   {ratio:5.2f}x{verdict}")


def row_abs(name: str, app: list[float], bare: list[float], goal_ms: float) -> None:
    a95, b95 = percentile(app, 95), percentile(bare, 95)
    verdict = "  ok" if a95 <= goal_ms else f"  over {goal_ms:.0f} ms"
    print(f"  {name:<34} app median {statistics.median(app):5.1f} p95 {a95:5.1f} ms   "
          f"bare median {statistics.median(bare):5.1f} p95 {b95:5.1f} ms   p95 {a95 / b95:5.2f}x{verdict}")


# --- the leaflet's HTML for the baseline ---------------------------------------------------------
def sections_json(path: Path) -> None:
    from leaflet_app.app import default_leaflet, languages
    from leaflet_app.i18n import localizer
    from leaflet_app.render import LeafletRenderer

    leaflet = default_leaflet()
    renderer = LeafletRenderer(leaflet)
    out = {}
    for code in languages():
        lang = localizer(code)
        tabs = [[lang.pgettext(s.id, s.heading.text), renderer.section_html(s, lang.pgettext, lang.direction_name)]
                for s in leaflet.sections]
        out[code] = {"rtl": lang.rtl, "tabs": tabs}
    path.write_text(json.dumps(out), encoding="utf-8")


# --- start-up ------------------------------------------------------------------------------------
def startup(sections: Path, runs: int) -> None:
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "leaflet_app")], env=ENV, check=True,
                   stdout=subprocess.DEVNULL)
    paint = {"app": [], "bare": []}
    whole = {"app": [], "bare": []}
    cpu = {"app": [], "bare": []}

    def run(which: str, command: list[str], **kw) -> None:
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        t0 = time.time()
        done = subprocess.run([sys.executable, str(FIRST_PAINT), repr(t0), *command], env=ENV, check=True,
                              stderr=subprocess.PIPE, text=True, **kw)
        whole[which].append((time.time() - t0) * 1000)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu[which].append((after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime) * 1000)
        said = [line.split()[1] for line in done.stderr.splitlines() if line.startswith("first-paint-ms ")]
        if not said:
            raise SystemExit(f"{which}: no first paint was reported:\n{done.stderr}")
        paint[which].append(float(said[0]))

    with tempfile.TemporaryDirectory() as tmp:
        png = str(Path(tmp) / "x.png")
        for _ in range(runs):  # alternate, so a busy moment on the machine falls on both
            run("app", ["-m", "leaflet_app", "--screenshot", png], cwd=ROOT)
            run("bare", [str(BARE), "startup", png, str(sections)])
    med = {k: {w: statistics.median(v[w]) for w in v} for k, v in (("paint", paint), ("whole", whole), ("cpu", cpu))}
    print(f"Start-up, English at 1280x800: median of {runs} alternating runs")
    row("start -> first paint (the goal)", med["paint"]["app"], med["paint"]["bare"], goal=1.25)
    row("the same, fastest run of each (least disturbed)", min(paint["app"]), min(paint["bare"]))
    pairs = [a / b for a, b in zip(paint["app"], paint["bare"], strict=True)]  # each app run and the bare run after it
    print(f"  {'the same, median of the runs side by side':<44} {statistics.median(pairs):40.2f}x"
          f"  (middle half {percentile(pairs, 25):.2f}-{percentile(pairs, 75):.2f}x)")
    row("start -> picture written -> process ended", med["whole"]["app"], med["whole"]["bare"])
    row("CPU time of the whole run", med["cpu"]["app"], med["cpu"]["bare"])
    print(f"  {'(first paint, all runs, app)':<44} {' '.join(f'{x:.0f}' for x in paint['app'])}")
    print(f"  {'(first paint, all runs, bare)':<44} {' '.join(f'{x:.0f}' for x in paint['bare'])}")


# --- switch, toggle, memory ----------------------------------------------------------------------
class _PaintSeen:
    def __init__(self, widget) -> None:
        from PySide6.QtCore import QEvent, QObject

        seen = self

        class Filter(QObject):
            def eventFilter(self, watched, event) -> bool:
                if event.type() == QEvent.Type.Paint:
                    seen.painted = True
                return False

        self.painted = False
        self.filter = Filter()
        widget.installEventFilter(self.filter)


CPU: dict[str, list[float]] = {}  # the processor time of each timed change, by what was timed


def _timed(action, window, seen: _PaintSeen, what: str = "") -> float:
    """Wall-clock milliseconds of one change as one frame; its CPU milliseconds go into ``CPU``
    (less disturbed than wall time when other processes share the cores)."""
    from PySide6.QtWidgets import QApplication

    seen.painted = False
    c = time.process_time()
    t = time.perf_counter()
    action()
    QApplication.processEvents()  # deferred layouts and the repaint, as the event loop runs them
    if not seen.painted:
        window.repaint()  # no frame was painted yet: paint one, inside the timing
    wall = (time.perf_counter() - t) * 1000
    CPU.setdefault(what, []).append((time.process_time() - c) * 1000)
    return wall


def app_work(rounds: int) -> None:
    """In a process of its own: the same sequence as bare.py's ``work``; prints JSON."""
    import resource

    from PySide6.QtWidgets import QApplication

    from leaflet_app.app import application, default_leaflet, languages, settle_memory
    from leaflet_app.ui.main_window import MainWindow
    from leaflet_app.ui.script_warmer import ScriptWarmer
    from leaflet_app.warm import CatalogueWarmer, make_classes_for_the_first_switch

    application()
    langs = languages()
    w = MainWindow(default_leaflet(), langs, None)
    w.resize(1280, 800)
    w.show()
    QApplication.processEvents()
    settle_memory()  # as leaflet-app does once its window is built
    seen = _PaintSeen(w.centralWidget())
    w.show_section("law-and-guidance")
    QApplication.processEvents()
    # As leaflet-app does after its first paint: every catalogue read on a worker thread, and the
    # Qt classes a first switch needs made, then each other script drawn unseen (ui/script_warmer.py).
    # Waited for here, as a person's first switch comes seconds later, when it has long finished.
    catalogues = CatalogueWarmer(langs, w.leaflet).start()
    catalogues.wait()
    make_classes_for_the_first_switch()
    scripts = ScriptWarmer(w, langs, catalogues.finished).start()  # each other script drawn, unseen
    while not scripts.done:
        QApplication.processEvents()
    first = {c: _timed(lambda c=c: w.set_language(c), w, seen) for c in langs if c != "en"}
    for code in langs:
        w.set_language(code)
        w.toggle_accessibility_mode()
        w.toggle_accessibility_mode()
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    switch: dict[str, list[float]] = {c: [] for c in langs}
    for _ in range(rounds):
        for code in langs:
            switch[code].append(_timed(lambda c=code: w.set_language(c), w, seen, "switch"))
    toggle = {}
    for code in ("en", "pl", "ar", "ur"):
        w.set_language(code)
        toggle[code] = [_timed(w.toggle_accessibility_mode, w, seen, "toggle") for _ in range(2 * rounds)]
    json.dump({"first": first, "switch": switch, "toggle": toggle, "rss_mib": rss,
               "switch_cpu": CPU["switch"], "toggle_cpu": CPU["toggle"]}, sys.stdout)


def _run_json(args: list[str]) -> dict:
    out = subprocess.run([sys.executable, *args], env=ENV, cwd=ROOT, check=True, capture_output=True, text=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def work(sections: Path, rounds: int, runs: int) -> None:
    apps, bares = [], []
    for _ in range(runs):  # alternate whole processes: the machine is shared
        apps.append(_run_json([__file__, "app-work", "--rounds", str(rounds)]))
        bares.append(_run_json([str(BARE), "work", str(sections), str(rounds)]))

    def pooled(results: list[dict], key: str, codes=None) -> list[float]:
        return [ms for r in results for c, v in r[key].items() if codes is None or c in codes for ms in v]

    def firsts(results: list[dict], codes=None) -> list[float]:
        return [ms for r in results for c, ms in r["first"].items() if codes is None or c in codes]

    n = rounds * runs
    print(f"Language switch, warm ({n} switches into each language; p95 goal 16 ms, one 60 Hz frame)")
    row_abs("all 17 languages in turn", pooled(apps, "switch"), pooled(bares, "switch"), 16)
    for code, name in (("en", "English"), ("pl", "Polish"), ("ar", "Arabic"), ("ur", "Urdu")):
        row_abs(f"into {name}", pooled(apps, "switch", {code}), pooled(bares, "switch", {code}), 16)
    print(f"First switch into each language (catalogues read and other scripts drawn ahead as in the app; page cold), {runs} processes")
    row_abs("16 languages", firsts(apps), firsts(bares), 16)
    row_abs("into Urdu", firsts(apps, {"ur"}), firsts(bares, {"ur"}), 16)
    print(f"Accessibility toggle, warm ({2 * n} toggles per language)")
    for code, name in (("en", "English"), ("pl", "Polish"), ("ar", "Arabic"), ("ur", "Urdu")):
        row_abs(name, pooled(apps, "toggle", {code}), pooled(bares, "toggle", {code}), 16)
    print("CPU time of the same changes (the process's own processor time: less disturbed by a busy machine)")
    for key, name in (("switch_cpu", "language switch, all languages"), ("toggle_cpu", "toggle, en pl ar ur")):
        app_cpu = [ms for r in apps for ms in r[key]]
        bare_cpu = [ms for r in bares for ms in r[key]]
        row_abs(name, app_cpu, bare_cpu, 16)
    print("Peak memory (max RSS) after all 17 languages in both displays, median of processes")
    row("peak RSS", statistics.median(r["rss_mib"] for r in apps), statistics.median(r["rss_mib"] for r in bares),
        unit="MiB", goal=1.5)


if __name__ == "__main__":
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("which", nargs="*", help="startup, work (switch, toggle, memory) or both")
    p.add_argument("--runs", type=int, default=0, help="start-up runs, and processes for the work (15, 3)")
    p.add_argument("--rounds", type=int, default=10, help="switches into each language per process (10)")
    args = p.parse_args()
    args.which = args.which or ["startup", "work"]
    if not set(args.which) <= {"startup", "work", "app-work"}:
        p.error(f"unknown benchmark in {args.which}: use startup and/or work")
    if args.which == ["app-work"]:
        app_work(args.rounds)
        sys.exit(0)
    print(f"Machine: {machine()}; load average {' '.join(f'{x:.1f}' for x in os.getloadavg())}")
    print("Figures: app = Leaflet Viewer, bare = six QTextBrowser tabs in bare PySide6, same run; ratio app/bare")
    with tempfile.TemporaryDirectory() as tmp:
        sections = Path(tmp) / "sections.json"
        sections_json(sections)
        if "startup" in args.which:
            startup(sections, args.runs or 15)
        if "work" in args.which:
            work(sections, args.rounds, args.runs or 3)
