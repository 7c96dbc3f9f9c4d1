#!/usr/bin/env python3
"""The README's screenshots (docs/screenshots/*.png), made by the app's own --screenshot.

  python scripts/readme_screenshots.py

Each picture is one run of the command line, offscreen, so what the README shows is what the
app draws (the bundled fonts only, whatever the machine has). PDF pages: pdf_screenshots.py.
"""

from __future__ import annotations

import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "screenshots"

# name: command-line arguments
SHOTS: dict[str, list[str]] = {
    "en": ["--language", "en"],
    "ur": ["--language", "ur"],
    "bn": ["--language", "bn"],
    "el": ["--language", "el"],
    "pa": ["--language", "pa"],
    "ar-contact": ["--language", "ar", "--section", "contact"],
    "pl-contact": ["--language", "pl", "--section", "contact"],
    "en-accessible": ["--language", "en", "--accessible"],
    "ur-accessible": ["--language", "ur", "--accessible"],
    "bn-accessible": ["--language", "bn", "--accessible"],
    "ur-small-laptop": ["--language", "ur", "--accessible", "--section", "contact", "--size", "1024x600"],
    "ro-portrait-kiosk": ["--kiosk", "--language", "ro", "--size", "1080x1920"],
    "kiosk-attract": ["--kiosk", "--kiosk-attract", "--size", "1080x1920"],
    "kiosk-ar": ["--kiosk", "--language", "ar", "--section", "contact"],
    "kiosk-ro": ["--kiosk", "--language", "ro"],
}


def shoot(name: str, args: list[str]) -> str:
    target = OUT / f"{name}.png"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    command = [sys.executable, "-m", "leaflet_app", *args, "--screenshot", str(target)]
    done = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    return f"{target.relative_to(ROOT)}: " + ("ok" if done.returncode == 0 else f"failed: {done.stderr.strip()}")


def main() -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    with ThreadPoolExecutor(max_workers=2) as pool:
        for line in pool.map(lambda item: shoot(*item), SHOTS.items()):
            print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
