"""The one resource locator: finds ``resources/`` and ``translations/`` wherever the app runs.

Three layouts are supported:
- a source checkout or editable install: the folders sit beside the ``leaflet_app`` package;
- an installed wheel: they are installed as data under ``<prefix>/share/leaflet-viewer``;
- a PyInstaller bundle: they are unpacked under ``sys._MEIPASS``.
"""

from __future__ import annotations

import os
import sys
from functools import cache
from pathlib import Path

DATA_DIR_NAME = "leaflet-viewer"


def _candidates() -> list[Path]:
    roots: list[Path] = []
    override = os.environ.get("LEAFLET_APP_DATA")
    if override:
        roots.append(Path(override))
    if getattr(sys, "frozen", False):
        roots.append(Path(getattr(sys, "_MEIPASS", Path(sys.executable).parent)))
    roots.append(Path(__file__).resolve().parent.parent)
    roots.append(Path(sys.prefix) / "share" / DATA_DIR_NAME)
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


DEFAULT_LEAFLET = "scr"
DOMAIN = "leaflet"
