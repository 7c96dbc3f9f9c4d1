#!/usr/bin/env python3
"""How long a PDF takes, beside the plain-text export and a bare Qt PDF of the same text, all
measured in this run (figures, not a timed test).

  .venv/bin/python benchmarks/export.py [repeats]

Rows: every language as a PDF (A4), bilingual (English and the language), large print; the
plain-text export of the same language; and a baseline: the English leaflet's HTML printed by a
bare QTextDocument.print() to a QPdfWriter, with no fonts chosen, no QR codes and no page
furniture. Ratios are to that baseline. The first export of each language also reads its
catalogue and shapes its script for the first time; the median is of later runs.
"""

from __future__ import annotations

import os
import platform
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PySide6.QtGui import QPdfWriter, QTextDocument  # noqa: E402

from leaflet_app.app import application, default_leaflet, languages  # noqa: E402
from leaflet_app.export import PdfOptions, write_pdf  # noqa: E402
from leaflet_app.i18n import localizer  # noqa: E402
from leaflet_app.render import LeafletRenderer, identity  # noqa: E402


def timed(work, repeats: int) -> tuple[float, float]:
    """(first run, median of the others) in milliseconds."""
    times = []
    for _ in range(repeats + 1):
        t0 = time.perf_counter()
        work()
        times.append((time.perf_counter() - t0) * 1000)
    return times[0], statistics.median(times[1:])


def measure(code: str, leaflet, renderer: LeafletRenderer, out: Path, repeats: int) -> dict[str, float]:
    lang = localizer(code)

    def pdf(name: str, **options) -> None:
        write_pdf(leaflet, out / f"{name}.pdf", PdfOptions(code, **options))

    def text() -> None:
        (out / f"{code}.txt").write_text(renderer.plain_text(lang.pgettext, lang.direction_name), encoding="utf-8")

    first, one = timed(lambda: pdf(code), repeats)
    return {
        "first": first,
        "pdf": one,
        "bilingual": timed(lambda: pdf(f"{code}-bi", bilingual=True), repeats)[1],
        "large": timed(lambda: pdf(f"{code}-large", large_print=True), repeats)[1],
        "text": timed(text, repeats)[1],
    }


def main() -> None:
    repeats = int(sys.argv[1]) if len(sys.argv) > 1 else 3
    application()
    leaflet = default_leaflet()
    renderer = LeafletRenderer(leaflet)
    out = Path(tempfile.mkdtemp(prefix="leaflet-bench-"))

    def bare_pdf() -> None:
        doc = QTextDocument()
        doc.setHtml("".join(renderer.section_html(s, identity) for s in leaflet.sections))
        writer = QPdfWriter(str(out / "bare.pdf"))
        doc.print_(writer)
        del writer

    _, base = timed(bare_pdf, repeats)
    print(f"{datetime.now(UTC):%Y-%m-%d %H:%M} UTC, {platform.node()}, {platform.processor() or platform.machine()}, "
          f"Python {platform.python_version()}, median of {repeats} runs after the first")
    print(f"baseline: bare QTextDocument.print() of the English HTML to a PDF: {base:.1f} ms\n")
    print(f"{'language':<9}{'PDF':>9}{'ratio':>7}{'first':>9}{'bilingual':>11}{'large print':>13}{'text':>8}")
    totals = {"pdf": 0.0, "text": 0.0}
    for code in languages():
        row = measure(code, leaflet, renderer, out, repeats)
        totals["pdf"] += row["pdf"]
        totals["text"] += row["text"]
        print(f"{code:<9}{row['pdf']:>7.1f}ms{row['pdf'] / base:>6.1f}x{row['first']:>7.1f}ms{row['bilingual']:>9.1f}ms"
              f"{row['large']:>11.1f}ms{row['text']:>6.2f}ms")
    n = len(languages())
    print(f"\nmean PDF {totals['pdf'] / n:.1f} ms ({totals['pdf'] / n / base:.1f}x the bare Qt PDF), "
          f"mean plain text {totals['text'] / n:.2f} ms")


if __name__ == "__main__":
    main()
