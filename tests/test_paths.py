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
        ("PySide6/Qt/plugins/multimedia/libffmpegmediaplugin.so", False),  # QAudioSink needs no media backend
        ("libssl.so.3", False),  # only the TLS plugin loads it
        ("libssl-3-x64.dll", False),
        ("libcrypto.so.3", True),  # hashlib
        ("PySide6/Qt/translations/qtbase_pl.qm", True),
        ("PySide6/Qt/translations/qtbase_pt_BR.qm", True),
        ("PySide6/Qt/translations/qtbase_de.qm", False),
        ("PySide6/Qt/translations/qtdeclarative_pl.qm", False),
    ],
)
def test_bundle_keeps_only_what_the_app_uses(dest: str, kept: bool) -> None:
    assert trim.keep_qt_file(dest, LANGUAGES) is kept


def test_libraries_stay_only_while_a_kept_binary_links_to_them() -> None:
    links = {
        "QtWidgets.abi3.so": ["libQt6Widgets.so.6", "libQt6Gui.so.6"],
        "libQt6Widgets.so.6": ["libQt6Gui.so.6"],
        "libQt6Gui.so.6": ["libQt6Core.so.6", "libc.so.6"],
        "libQt6Core.so.6": [],
        "libQt6Network.so.6": ["libQt6Core.so.6"],
        "libqopensslbackend.so": ["libQt6Network.so.6", "libssl.so.3"],  # TLS plugin: dropped
        "libssl.so.3": [],
        "libQt6Quick.so.6": ["libQt6Qml.so.6"],
        "libQt6Qml.so.6": ["libQt6Network.so.6"],
        "libqgtk3.so": ["libgtk-3.so.0"],  # platform theme: dropped, and GTK with it
        "libgtk-3.so.0": ["libcairo.so.2"],
        "libcairo.so.2": [],
        "libespeak-ng.so": [],  # loaded by path (ctypes): nothing links it, it stays
    }
    plugins = {"libqopensslbackend.so": "tls", "libqgtk3.so": "platformthemes"}

    def entries(names):
        return [(f"PySide6/Qt/plugins/{plugins[n]}/{n}" if n in plugins else f"PySide6/Qt/lib/{n}", n, "BINARY")
                for n in names]

    everything = entries(links)
    kept = [e for e in everything if e[1] not in plugins]
    left = {e[1] for e in trim.prune_libraries(everything, kept, links.__getitem__)}
    assert left == {"QtWidgets.abi3.so", "libQt6Widgets.so.6", "libQt6Gui.so.6", "libQt6Core.so.6",
                    "libespeak-ng.so"}
    # Read aloud bundled: QtMultimedia links QtNetwork, which must then stay (and only it).
    links["QtMultimedia.abi3.so"] = ["libQt6Multimedia.so.6"]
    links["libQt6Multimedia.so.6"] = ["libQt6Network.so.6", "libpulse.so.0"]
    links["libpulse.so.0"] = []
    links["libffmpegmediaplugin.so"] = ["libQt6Multimedia.so.6", "libQt6Quick.so.6", "libavcodec.so.61"]
    links["libavcodec.so.61"] = []
    plugins["libffmpegmediaplugin.so"] = "multimedia"
    everything = entries(links)
    kept = [e for e in everything if e[1] not in plugins]
    left = {e[1] for e in trim.prune_libraries(everything, kept, links.__getitem__)}
    assert {"libQt6Multimedia.so.6", "libQt6Network.so.6", "libpulse.so.0"} <= left
    assert not left & {"libQt6Quick.so.6", "libQt6Qml.so.6", "libavcodec.so.61", "libssl.so.3", "libgtk-3.so.0"}


def test_espeak_keeps_the_shipped_voices_their_dictionaries_and_one_library() -> None:
    espeakng_loader = pytest.importorskip("espeakng_loader")
    from leaflet_app.speech.espeak import VOICES

    data = Path(espeakng_loader.get_data_path())
    files = trim.espeak_files(data, set(VOICES.values()))
    dictionaries = {f.removesuffix("_dict") for f in files if f.endswith("_dict")}
    assert dictionaries == {"en", "ro", "pl", "lt", "lv", "hu", "pt", "es", "it", "bg", "el", "fr", "sk",
                            "ur", "ar", "pa", "bn"}
    assert {"lang/roa/pt", "lang/roa/fr", "lang/inc/ur", "phontab", "phondata", "intonations"} <= files
    keep = lambda dest: trim.keep_espeak_file(dest, files, "libespeak-ng.so")  # noqa: E731
    assert keep("espeakng_loader/espeak-ng-data/fr_dict") and keep("espeakng_loader/libespeak-ng.so")
    assert not keep("espeakng_loader/espeak-ng-data/ru_dict")
    assert not keep("espeakng_loader/espeak-ng-data/voices/!v/klatt")
    assert not keep("espeakng_loader/libespeak-ng.so.1") and keep("babel/locale-data/fr.dat")
    with pytest.raises(ValueError, match="no voice file for 'tlh'"):
        trim.espeak_files(data, {"tlh"})


def test_babel_keeps_each_language_its_parents_and_root() -> None:
    locales = trim.babel_locales(["en", "pt", "pa", "sr_Latn"])
    assert {"root", "en", "pt", "pa", "sr_Latn", "sr"} <= locales
    assert trim.keep_babel_file("babel/locale-data/pt.dat", locales)
    assert not trim.keep_babel_file("babel/locale-data/de.dat", locales)
    assert trim.keep_babel_file("babel/global.dat", locales)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the XDG rules are Linux's")
@pytest.mark.parametrize("xdg", [None, "/tmp/elsewhere-cache", "relative/cache"])
def test_the_cache_folder_is_where_qt_puts_the_generic_cache(tmp_path: Path, xdg: str | None) -> None:
    """Found without Qt (PySide's start-up is cached there before PySide loads), and in the
    same place as Qt's GenericCacheLocation: a relative XDG_CACHE_HOME is ignored, as the
    specification asks."""
    code = ("from PySide6.QtCore import QStandardPaths as S; from leaflet_app import paths; "
            "print(paths.cache_dir()); print(S.writableLocation(S.StandardLocation.GenericCacheLocation))")
    env = {"HOME": str(tmp_path), "PATH": "/usr/bin:/bin", **({"XDG_CACHE_HOME": xdg} if xdg else {})}
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, env=env, timeout=60)
    ours, qts = done.stdout.split()
    assert Path(ours) == Path(qts) / paths.DATA_DIR_NAME
    assert Path(ours).is_absolute()
