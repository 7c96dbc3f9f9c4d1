"""The one resource locator: finds ``resources/`` and ``translations/`` wherever the app runs.

Three layouts, one rule: the data root is the folder that holds ``resources/leaflets``.
- an installed wheel (``pip install .``) or a PyInstaller bundle: the folders are package data,
  ``leaflet_app/resources`` and ``leaflet_app/translations``, beside this module (in a
  PyInstaller bundle, the bundle's ``leaflet_app`` folder);
- a source checkout or editable install: the folders sit at the top of the repository, beside
  the ``leaflet_app`` package (pyproject.toml maps them into the package when a wheel is built).
``LEAFLET_APP_DATA`` overrides both (a folder holding ``resources/`` and ``translations/``).
"""

from __future__ import annotations

import os
import sys
from functools import cache
from pathlib import Path

DATA_DIR_NAME = "leaflet-viewer"
PACKAGE = "leaflet_app"


def _package_dir() -> Path | None:
    """The package folder as a real path (fonts are handed to Qt by file name), if it is one.

    This module's own folder: a wheel, an editable install and a bundle all keep the package as
    files (``importlib.resources`` would say the same, and takes milliseconds to import)."""
    root = Path(__file__).resolve().parent
    return root if root.is_dir() else None  # not e.g. a zip file


def _candidates() -> list[Path]:
    roots: list[Path] = []
    override = os.environ.get("LEAFLET_APP_DATA")
    if override:
        roots.append(Path(override))
    package = _package_dir()
    if package is not None:
        roots.append(package)  # wheel or bundle: leaflet_app/resources
    if getattr(sys, "frozen", False):
        roots.append(Path(getattr(sys, "_MEIPASS", Path(sys.executable).parent)) / PACKAGE)
    roots.append(Path(__file__).resolve().parent.parent)  # source checkout: <repo>/resources
    return roots


@cache
def data_root() -> Path:
    """The folder holding ``resources/`` and ``translations/``."""
    for root in _candidates():
        if (root / "resources" / "leaflets").is_dir():
            return root
    tried = ", ".join(str(p) for p in _candidates())
    raise FileNotFoundError(f"Leaflet Viewer's data folder was not found (looked in: {tried})")


def resources_dir() -> Path:
    return data_root() / "resources"


def translations_dir() -> Path:
    return data_root() / "translations"


def leaflets_dir() -> Path:
    return resources_dir() / "leaflets"


def fonts_dir() -> Path:
    return resources_dir() / "fonts"


def licences_dir() -> Path:
    """Licence texts of the app and of what ships with it (shown by the About page)."""
    return resources_dir() / "licences"


def icon_path() -> Path:
    """The application icon (SVG)."""
    return resources_dir() / "icons" / "leaflet-viewer.svg"


DEFAULT_LEAFLET = "scr"
DOMAIN = "leaflet"


def cache_dir() -> Path:
    """The app's folder in the user's cache (records that only save time; any may be deleted).

    Where Qt's ``GenericCacheLocation`` is, found without Qt: PySide's own start-up is cached
    here (``pyside_start``), before PySide is loaded."""
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local") / "cache"
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Caches"
    else:
        xdg = os.environ.get("XDG_CACHE_HOME", "")
        base = Path(xdg) if os.path.isabs(xdg) else Path.home() / ".cache"
    return base / DATA_DIR_NAME
