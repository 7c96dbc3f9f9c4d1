"""Test set-up: offscreen Qt, settings in a temporary folder, English at the start of each test."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from leaflet_app.fonts import use_bundled_fonts_only  # noqa: E402

use_bundled_fonts_only()  # as the app does, before pytest-qt creates the QApplication

from collections.abc import Iterator  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402
from PySide6.QtCore import QSettings  # noqa: E402

from leaflet_app.app import default_leaflet, languages  # noqa: E402
from leaflet_app.catalogues import SOURCE_LANGUAGE  # noqa: E402
from leaflet_app.content import Leaflet  # noqa: E402
from leaflet_app.i18n import translator  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
# The text of the printed leaflet, as received: the reference for "every sentence is kept".
SOURCE_TEXT = ROOT / "tests" / "data" / "scr-information-leaflet.txt"
LANGUAGES = languages()


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path: Path) -> Iterator[Path]:
    """Every test gets its own settings folder; nothing touches the user's real settings."""
    folder = tmp_path / "settings"
    folder.mkdir()
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    yield folder


@pytest.fixture(autouse=True)
def english_first(qapp) -> Iterator[None]:
    from leaflet_app.app import application

    application()
    translator().set_language(SOURCE_LANGUAGE)
    yield
    translator().set_language(SOURCE_LANGUAGE)


@pytest.fixture(scope="session")
def leaflet() -> Leaflet:
    return default_leaflet()


@pytest.fixture
def settings(isolated_settings: Path) -> QSettings:
    from leaflet_app.settings import open_settings

    return open_settings()


@pytest.fixture
def window(qtbot, leaflet, settings):
    from PySide6.QtCore import QSize

    from leaflet_app.ui.main_window import MainWindow

    w = MainWindow(leaflet, LANGUAGES, settings)
    qtbot.addWidget(w)
    w.restore()
    w.resize(QSize(1280, 800))
    w.show()
    qtbot.waitExposed(w)
    return w

