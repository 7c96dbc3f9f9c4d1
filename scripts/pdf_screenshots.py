#!/usr/bin/env python3
"""Pictures of PDF pages for the README (docs/screenshots/pdf-*.png), made by the app itself.

Needs pdftoppm (poppler-utils). Run from the repository root: python scripts/pdf_screenshots.py
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from leaflet_app.cli import main  # noqa: E402

# name: (command-line flags, page to show; -1 = the last page, with the QR codes)
PAGES = {
    "en": (["--language", "en"], -1),
    "pl": (["--language", "pl"], 1),
    "ur": (["--language", "ur"], 1),
    "ar": (["--language", "ar"], -1),
    "bn": (["--language", "bn"], 1),
    "bilingual-ro": (["--language", "ro", "--bilingual"], 1),
    "large-print-en": (["--language", "en", "--large-print"], 1),
}
DPI = 60


def main_() -> None:
    out = ROOT / "docs" / "screenshots"
    with tempfile.TemporaryDirectory() as tmp:
        for name, (flags, page) in PAGES.items():
            pdf = Path(tmp) / f"{name}.pdf"
            if main(["--export", str(pdf), *flags]) != 0:
                raise SystemExit(f"export failed: {name}")
            if page < 0:
                info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
                page = int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))
            prefix = Path(tmp) / name
            subprocess.run(["pdftoppm", "-r", str(DPI), "-png", "-singlefile", "-f", str(page), "-l", str(page),
                            str(pdf), str(prefix)], check=True)
            (out / f"pdf-{name}.png").write_bytes(prefix.with_suffix(".png").read_bytes())
            print(f"docs/screenshots/pdf-{name}.png: page {page} of {name}")


if __name__ == "__main__":
    main_()
