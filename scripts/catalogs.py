#!/usr/bin/env python3
"""The translation workflow as named commands (run from the repository root).

  python scripts/catalogs.py extract [OUT.pot]  # code + leaflet source -> translations/leaflet.pot
  python scripts/catalogs.py update    # extract, then merge the template into every .po
  python scripts/catalogs.py init LANG # start a catalogue for a new language
  python scripts/catalogs.py compile   # check every .po compiles (syntax, placeholders) and
                                       # write .mo files to build/mo/ for tools that want them

The app reads the .po files themselves, so the draft ("fuzzy") marks reach the screen; see
leaflet_app/catalogues.py.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from leaflet_app import paths  # noqa: E402

POT = ROOT / "translations" / f"{paths.DOMAIN}.pot"
COMMON = ["--no-wrap"]


def pybabel(*args: str) -> None:
    cmd = [sys.executable, "-m", "babel.messages.frontend", *args]
    subprocess.run(cmd, cwd=ROOT, check=True)


def extract(output: Path = POT) -> None:
    pybabel(
        "extract", "-F", "babel.cfg", "-o", str(output), "--sort-by-file",
        "--add-comments=TRANSLATORS:", "--keyword=N_", "--keyword=pgettext:1c,2",
        "--project=Leaflet Viewer", "--version=1",
        "--copyright-holder=Northamptonshire Safeguarding Children Board", *COMMON, ".",
    )


def update() -> None:
    extract()
    pybabel("update", "-i", str(POT), "-d", "translations", "-D", paths.DOMAIN,
            "--no-fuzzy-matching", "--ignore-obsolete", *COMMON)


def init(language: str) -> None:
    pybabel("init", "-i", str(POT), "-d", "translations", "-D", paths.DOMAIN, "-l", language, *COMMON)


def compile_all() -> None:
    out = ROOT / "build" / "mo"
    for po in sorted((ROOT / "translations").glob(f"*/LC_MESSAGES/{paths.DOMAIN}.po")):
        lang = po.parent.parent.name
        target = out / lang / "LC_MESSAGES"
        target.mkdir(parents=True, exist_ok=True)
        pybabel("compile", "--use-fuzzy", "--statistics", "-i", str(po), "-o", str(target / f"{paths.DOMAIN}.mo"), "-l", lang)


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in {"extract", "update", "init", "compile"}:
        print(__doc__)
        return 2
    command, rest = argv[0], argv[1:]
    if command == "extract" and rest:
        extract(Path(rest[0]).resolve())
    elif command == "init":
        if len(rest) != 1:
            print("usage: catalogs.py init LANG")
            return 2
        init(rest[0])
    else:
        {"extract": extract, "update": update, "compile": compile_all}[command]()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
