"""Native pieces that Python cannot provide through PySide6: the screen-reader interface of the
section pages (``page_accessible.cpp``, built by ``python -m leaflet_app.native.build`` into the
extension module ``_page_accessible``)."""

from __future__ import annotations

import importlib
import sys
from pathlib import Path

LIBRARY_NAME = "_page_accessible.abi3.so"
# The dynamic property that asks for the pages' own interface (set on each SectionPage).
PAGE_PROPERTY = "leafletPage"
# How many paragraphs above the section's heading hold the leaflet's title (the first section).
TITLE_PROPERTY = "leafletTitleBlocks"

_installed: bool | None = None


def library_path() -> Path:
    """Beside this module: in a source checkout, a wheel and the bundle alike."""
    return Path(__file__).resolve().parent / LIBRARY_NAME


def install_page_accessible() -> bool:
    """Have Qt ask the pages' own accessible interface (language, headings, links): importing the
    module installs it. Call once Qt's widgets are loaded: the module takes PySide6's Qt from the
    process. Without it (not built, or not Linux) Qt's own interface stays, and this says so once."""
    global _installed
    if _installed is None:
        _installed = False
        if sys.platform.startswith("linux"):
            import PySide6.QtWidgets  # noqa: F401 - the Qt the module links must be PySide6's

            try:
                # By a computed name: PyInstaller must not analyse it (it would bundle the Qt the
                # module was linked against on the build machine); the spec ships it as data.
                importlib.import_module(f"{__name__}._page_accessible")
                _installed = True
            except ImportError as error:
                print(f"leaflet-app: screen readers hear the text without its language, headings or links "
                      f"({error}; build it with python -m leaflet_app.native.build)", file=sys.stderr)
    return _installed
