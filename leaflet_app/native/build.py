"""Build the screen-reader interface of the section pages (page_accessible.cpp) into a Python
extension module beside this file: ``python -m leaflet_app.native.build`` (./dev.sh runs it).

Compiled against Qt's public headers (Debian: ``apt-get install g++ qt6-base-dev``, Qt 6.4) and
linked against PySide6's own Qt libraries, which the app has loaded before it loads this one. Qt
keeps binary compatibility within Qt 6, so the library built on 6.4 headers runs on PySide6's 6.11.
Without a compiler or the headers the app still runs; screen readers then get Qt's own interface
for the text (no language, headings or links) and the app says so once on stderr.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

HERE = Path(__file__).resolve().parent
SOURCE = HERE / "page_accessible.cpp"
# A Python extension module for the stable ABI (Python 3.11 and later): importing it loads it.
LIBRARY = HERE / "_page_accessible.abi3.so"
QT_MODULES = ("Core", "Gui", "Widgets")


def qt_include_dirs() -> list[Path]:
    """Qt's header folders: pkg-config's, or Debian's usual place."""
    try:
        flags = subprocess.run(["pkg-config", "--cflags-only-I", "Qt6Widgets"], capture_output=True, text=True,
                               check=True).stdout.split()
        dirs = [Path(f[2:]) for f in flags if f.startswith("-I")]
    except (OSError, subprocess.CalledProcessError):
        base = Path("/usr/include/x86_64-linux-gnu/qt6")
        dirs = [base] + [base / f"Qt{m}" for m in QT_MODULES]
    return [d for d in dirs if d.is_dir()]


def pyside_qt_lib_dir() -> Path:
    import PySide6

    return Path(PySide6.__file__).resolve().parent / "Qt" / "lib"


def build(force: bool = False) -> Path:
    if not force and LIBRARY.exists() and LIBRARY.stat().st_mtime >= SOURCE.stat().st_mtime:
        return LIBRARY
    compiler = shutil.which("g++") or shutil.which("c++")
    includes = qt_include_dirs()
    if compiler is None or not any((d / "QtGui" / "qaccessible.h").exists() or (d / "qaccessible.h").exists()
                                   for d in includes):
        raise SystemExit("Building the screen-reader interface needs a C++ compiler and Qt 6 headers "
                         "(Debian: apt-get install g++ qt6-base-dev)")
    python_include = sysconfig.get_paths()["include"]
    if not (Path(python_include) / "Python.h").exists():
        raise SystemExit("Building the screen-reader interface needs Python's headers (Debian: python3-dev)")
    libs = pyside_qt_lib_dir()
    partial = LIBRARY.with_suffix(".so.partial")
    command = [compiler, "-std=c++17", "-O2", "-fPIC", "-shared", "-fvisibility=hidden",
               "-DQT_NO_VERSION_TAGGING", "-DQT_NO_DEBUG", "-DQT_NO_KEYWORDS", f"-I{python_include}",
               *(f"-I{d}" for d in includes),
               str(SOURCE), "-o", str(partial), f"-L{libs}",
               *(f"-l:libQt6{m}.so.6" for m in QT_MODULES), "-Wl,--as-needed"]
    subprocess.run(command, check=True)
    partial.replace(LIBRARY)  # whole or not at all
    return LIBRARY


if __name__ == "__main__":
    print(build(force="--force" in sys.argv))
