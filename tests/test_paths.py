"""The one resource locator, and what the offline bundle keeps (packaging/trim.py)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from conftest import LANGUAGES, ROOT

from leaflet_app import paths

sys.path.insert(0, str(ROOT / "packaging"))
import trim  # noqa: E402


def locate(env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    code = "from leaflet_app import paths; print(paths.data_root())"
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT,
                          env={**env, "PATH": "/usr/bin:/bin"}, timeout=60)


def test_source_checkout_finds_the_top_level_folders() -> None:
    assert paths.data_root() == ROOT
    assert paths.leaflets_dir() == ROOT / "resources" / "leaflets"
    assert paths.translations_dir() == ROOT / "translations"
    assert paths.icon_path().is_file() and paths.licences_dir().is_dir()


def test_the_application_wears_the_icon(qapp) -> None:
    from PySide6.QtWidgets import QApplication

    from leaflet_app import APP_ID
    from leaflet_app.app import application

    application()
    icon = QApplication.windowIcon()
    assert not icon.isNull()
    image = icon.pixmap(32, 32).toImage()
    assert len({image.pixel(x, y) for x in range(32) for y in range(32)}) > 5  # drawn, not empty
    assert QApplication.desktopFileName() == APP_ID


def test_override_is_used_and_a_missing_folder_is_named(tmp_path: Path) -> None:
    copy = tmp_path / "data"
    (copy / "resources" / "leaflets").mkdir(parents=True)
    assert locate({"LEAFLET_APP_DATA": str(copy)}).stdout.strip() == str(copy)


def test_nothing_found_names_every_place_looked(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(paths, "_candidates", lambda: [tmp_path / "a", tmp_path / "b"])
    paths.data_root.cache_clear()
    try:
        with pytest.raises(FileNotFoundError, match=r"looked in: .*a, .*b"):
            paths.data_root()
    finally:
        paths.data_root.cache_clear()


@pytest.mark.parametrize(
    ("dest", "kept"),
    [
        ("PySide6/Qt/plugins/platforms/libqxcb.so", True),
        ("PySide6/Qt/plugins/platforms/libqwayland.so", True),
        ("PySide6/Qt/plugins/platforms/libqvnc.so", False),  # pulls in QtNetwork
        ("PySide6/Qt/plugins/tls/libqopensslbackend.so", False),
        ("PySide6/Qt/plugins/platforminputcontexts/libqtvirtualkeyboardplugin.so", False),  # QtQuick
        ("PySide6/Qt/plugins/imageformats/libqsvg.so", True),
        ("PySide6/Qt/plugins/imageformats/libqtiff.so", False),
        ("PySide6/plugins/platforms/qwindows.dll", True),  # Windows layout
        ("PySide6\\plugins\\tls\\qschannelbackend.dll", False),
        ("PySide6/Qt/plugins/texttospeech/libqtexttospeech_speechd.so", True),  # read aloud
        ("PySide6/Qt/translations/qtbase_pl.qm", True),
        ("PySide6/Qt/translations/qtbase_pt_BR.qm", True),
        ("PySide6/Qt/translations/qtbase_de.qm", False),
        ("PySide6/Qt/translations/qtdeclarative_pl.qm", False),
    ],
)
def test_bundle_keeps_only_what_the_app_uses(dest: str, kept: bool) -> None:
    assert trim.keep_qt_file(dest, LANGUAGES) is kept


def test_qt_libraries_stay_only_while_a_kept_binary_links_to_them() -> None:
    links = {
        "QtWidgets.abi3.so": ["libQt6Widgets.so.6", "libQt6Gui.so.6"],
        "libQt6Widgets.so.6": ["libQt6Gui.so.6"],
        "libQt6Gui.so.6": ["libQt6Core.so.6", "libc.so.6"],
        "libQt6Core.so.6": [],
        "libQt6Network.so.6": ["libQt6Core.so.6"],  # its TLS plugin was dropped
        "libQt6Quick.so.6": ["libQt6Qml.so.6"],
        "libQt6Qml.so.6": ["libQt6Network.so.6"],
    }
    entries = [(f"PySide6/Qt/lib/{n}" if n.startswith("lib") else f"PySide6/{n}", n, "BINARY") for n in links]
    kept = {e[1] for e in trim.prune_qt_libraries(entries, links.__getitem__)}
    assert kept == {"QtWidgets.abi3.so", "libQt6Widgets.so.6", "libQt6Gui.so.6", "libQt6Core.so.6"}
    # Read aloud bundled: QtTextToSpeech links QtNetwork, which must then stay.
    links["QtTextToSpeech.abi3.so"] = ["libQt6TextToSpeech.so.6"]
    links["libQt6TextToSpeech.so.6"] = ["libQt6Network.so.6"]
    entries = [(f"PySide6/Qt/lib/{n}" if n.startswith("lib") else f"PySide6/{n}", n, "BINARY") for n in links]
    kept = {e[1] for e in trim.prune_qt_libraries(entries, links.__getitem__)}
    assert {"libQt6TextToSpeech.so.6", "libQt6Network.so.6"} <= kept and "libQt6Quick.so.6" not in kept


def test_babel_keeps_each_language_its_parents_and_root() -> None:
    locales = trim.babel_locales(["en", "pt", "pa", "sr_Latn"])
    assert {"root", "en", "pt", "pa", "sr_Latn", "sr"} <= locales
    assert trim.keep_babel_file("babel/locale-data/pt.dat", locales)
    assert not trim.keep_babel_file("babel/locale-data/de.dat", locales)
    assert trim.keep_babel_file("babel/global.dat", locales)
