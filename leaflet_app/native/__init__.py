"""Native pieces that Python cannot provide through PySide6: the screen-reader interface of the
section pages (``page_accessible.cpp``, built by ``python -m leaflet_app.native.build``)."""

from __future__ import annotations

import sys
from pathlib import Path

LIBRARY_NAME = "libleaflet_page_accessible.so"
# The dynamic property that asks for the pages' own interface (set on each SectionPage).
PAGE_PROPERTY = "leafletPage"
# How many paragraphs above the section's heading hold the leaflet's title (the first section).
TITLE_PROPERTY = "leafletTitleBlocks"

_installed: bool | None = None


def library_path() -> Path:
    """Beside this module: in a source checkout, a wheel and the bundle alike."""
    return Path(__file__).resolve().parent / LIBRARY_NAME


def install_page_accessible() -> bool:
    """Have Qt ask the pages' own accessible interface (language, headings, links). Call once Qt's
    widgets are loaded: the library takes PySide6's Qt from the process. Without the library
    (not built, or not Linux) Qt's own interface stays, and this says so once."""
    global _installed
    if _installed is None:
        _installed = False
        path = library_path()
        if sys.platform.startswith("linux") and path.exists():
            import ctypes

            import PySide6.QtWidgets  # noqa: F401 - the Qt the library links must be PySide6's

            try:
                _installed = bool(ctypes.CDLL(str(path)).leaflet_install_page_accessible())
            except (OSError, AttributeError) as error:
                print(f"leaflet-app: screen readers get Qt's plain text interface ({error})", file=sys.stderr)
        elif sys.platform.startswith("linux"):
            print(f"leaflet-app: {path.name} is not built (python -m leaflet_app.native.build): screen readers "
                  "hear the text without its language, headings or links", file=sys.stderr)
    return _installed
