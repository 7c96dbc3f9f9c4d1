"""Test set-up: offscreen Qt, settings in a temporary folder, English at the start of each test."""

from __future__ import annotations

import os
import shutil

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



def forget_loaded_data() -> None:
    """Drop what was read from the data folder, so the next read sees the folder now in effect."""
    from leaflet_app import catalogues, i18n, paths

    paths.data_root.cache_clear()
    catalogues.cached_catalogue.cache_clear()
    i18n.localizer.cache_clear()


@pytest.fixture
def data_copy(tmp_path: Path) -> Iterator[Path]:
    """A temporary copy of the app's data (leaflets, themes, catalogues; fonts linked), in effect
    for this test: bad files are made by editing the copy, never by mocking the loaders."""
    root = tmp_path / "data"
    (root / "resources").mkdir(parents=True)
    for sub in (ROOT / "resources").iterdir():
        if sub.name == "fonts":  # large and read-only here: linked, not copied
            (root / "resources" / sub.name).symlink_to(sub)
        elif sub.is_dir():
            shutil.copytree(sub, root / "resources" / sub.name)
    shutil.copytree(ROOT / "translations", root / "translations")
    old = os.environ.get("LEAFLET_APP_DATA")
    os.environ["LEAFLET_APP_DATA"] = str(root)
    forget_loaded_data()
    yield root
    translator().set_language(SOURCE_LANGUAGE)
    if old is None:
        os.environ.pop("LEAFLET_APP_DATA", None)
    else:
        os.environ["LEAFLET_APP_DATA"] = old
    forget_loaded_data()
    translator().set_language(SOURCE_LANGUAGE)
