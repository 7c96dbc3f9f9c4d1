#!/usr/bin/env python3
"""The offline bundle's size beside the floor: a bare PySide6 window (a few text tabs) bundled by
the same PyInstaller with its defaults, measured in the same run. Goal: ratio at most 1.1.

The floor is built in its own virtual environment (build/size/bare-venv) holding only
PySide6-Essentials (the version installed here) and the pinned build requirements: PyInstaller's
hooks collect whatever Qt plugins are installed, so a bare window built beside PySide6-Addons
would carry some of them and flatter the ratio.

  .venv/bin/python benchmarks/bundle_size.py           # builds both (about a minute)
  .venv/bin/python benchmarks/bundle_size.py --reuse   # measure what build/size/ already holds

Prints both sizes, the ratio, and what takes the room in each (largest groups of files).
"""

from __future__ import annotations

import argparse
import datetime as dt
import platform
import subprocess
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORK = ROOT / "build" / "size"
GOAL = 1.1

# Groups for "what takes the room", matched in order against the path inside _internal/.
GROUPS = (
    ("Qt: ICU data and libraries", ("libicu",)),
    ("read aloud: QtMultimedia, QtTextToSpeech, QtNetwork", ("libQt6Multimedia", "libQt6TextToSpeech",
                                                             "libQt6Network", "libQt6Concurrent")),
    ("read aloud: FFmpeg, QtQuick, QtQml (left out)", ("libavcodec", "libavformat", "libavutil", "libsw",
                                                      "libQt6FFmpeg", "libQt6Qml", "libQt6Quick")),
    ("Qt: libraries", ("PySide6/Qt/lib/",)),
    ("Qt: plugins", ("PySide6/Qt/plugins/",)),
    ("Qt: translations", ("PySide6/Qt/translations/",)),
    ("PySide6/Shiboken bindings", ("PySide6/", "shiboken6/")),
    ("Python: libpython", ("libpython",)),
    ("Python: standard library", ("python3", "base_library.zip", "lib-dynload")),
    ("app: fonts", ("leaflet_app/resources/fonts/",)),
    ("app: leaflet, catalogues, licences, themes, icon", ("leaflet_app/",)),
    ("Babel (CLDR locale data)", ("babel/",)),
    ("read aloud: eSpeak NG voices and library", ("espeakng_loader/",)),
    ("read aloud: PulseAudio client and the codecs it links", (
        "libpulse", "libsndfile", "libFLAC", "libvorbis", "libopus", "libogg", "libmpg123", "libmp3lame",
        "libasyncns")),
    ("printing: CUPS client and its TLS, DNS-SD libraries", (
        "libcups", "libgnutls", "libnettle", "libhogweed", "libgmp", "libp11-kit", "libtasn1", "libunistring",
        "libidn2", "libavahi")),
    ("system libraries (X11, GLib, fontconfig…)", ("",)),
)
# The program itself (top folder): PyInstaller's launcher with the Python modules (PYZ) inside.
PROGRAM = "program: launcher and Python modules (PYZ)"


def build_app() -> Path:
    dist = WORK / "app"
    subprocess.run([sys.executable, str(ROOT / "packaging" / "build.py"), "--no-archive", "--no-deb",
                    "--dist", str(dist)], check=True, cwd=ROOT, stdout=subprocess.DEVNULL)
    return dist / "leaflet-viewer"


def bare_python() -> Path:
    """A virtual environment with PySide6-Essentials only (made once, from pip's cache if it can)."""
    from importlib.metadata import version

    venv = WORK / "bare-venv"
    python = venv / "bin" / "python"
    if not python.exists():
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        subprocess.run([str(python), "-m", "pip", "install", "-q", f"PySide6-Essentials=={version('PySide6-Essentials')}",
                        "-r", str(ROOT / "packaging" / "requirements-build.txt")], check=True)
    return python


def build_bare() -> Path:
    subprocess.run(
        [str(bare_python()), "-m", "PyInstaller", "--noconfirm", "--log-level", "ERROR", "--onedir", "--name", "bare",
         "--distpath", str(WORK / "bare"), "--workpath", str(WORK / "bare-work"), "--specpath", str(WORK),
         str(ROOT / "benchmarks" / "bare_pyside6_app.py")],
        check=True, cwd=ROOT,
    )
    return WORK / "bare" / "bare"


def size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def groups(folder: Path) -> Counter[str]:
    found: Counter[str] = Counter()
    for p in folder.rglob("*"):
        if not p.is_file() or p.is_symlink():
            continue
        if p.parent == folder and p.name not in ("LICENSE", "README.txt"):
            found[PROGRAM] += p.stat().st_size
            continue
        rel = p.relative_to(folder).as_posix().removeprefix("_internal/")
        for name, prefixes in GROUPS:
            if any(rel.startswith(x) or (x and f"/{x}" in f"/{rel}") for x in prefixes):
                found[name] += p.stat().st_size
                break
    return found


def mib(n: int) -> str:
    return f"{n / 2**20:7.1f} MiB"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--reuse", action="store_true", help="do not build; measure build/size/")
    args = parser.parse_args()
    if args.reuse:
        app, bare = WORK / "app" / "leaflet-viewer", WORK / "bare" / "bare"
    else:
        app, bare = build_app(), build_bare()
    import PyInstaller

    app_size, bare_size = size(app), size(bare)
    ratio = app_size / bare_size
    print(f"{dt.date.today()}  {platform.node()}  Python {platform.python_version()}  PyInstaller "
          f"{PyInstaller.__version__}")
    print(f"bare PySide6 bundle (6 text tabs, Essentials only): {mib(bare_size)}")
    print(f"Leaflet Viewer bundle:                           {mib(app_size)}")
    verdict = "within" if ratio <= GOAL else "OVER"
    print(f"ratio: {ratio:.2f}x  ({verdict} the {GOAL}x goal)")
    addons = [name for name in ("QtTextToSpeech", "QtMultimedia") if any(app.rglob(f"*{name}*"))]
    espeak = any(app.rglob("espeakng_loader"))
    print(f"read-aloud parts inside: {', '.join(addons + (['espeakng-loader'] if espeak else [])) or 'none'}")
    app_groups, bare_groups = groups(app), groups(bare)
    print(f"\n{'what takes the room':56} {'viewer':>11} {'bare':>11}")
    for name in [PROGRAM] + [name for name, _ in GROUPS]:
        print(f"{name:56} {mib(app_groups[name])} {mib(bare_groups[name])}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
