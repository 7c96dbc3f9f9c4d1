"""What the offline bundle keeps of Qt and Babel: rules used by ``leaflet-viewer.spec``.

PyInstaller's PySide6 hooks collect every plugin a module *might* load, and those plugins pull in
whole Qt libraries (the VNC platform and TLS plugins bring QtNetwork, the virtual keyboard brings
QtQuick and QtQml). The app draws widgets with Fusion on xcb, Wayland or offscreen, reads PNG and
SVG, and speaks (when the read-aloud add-ons are installed) through QtTextToSpeech/QtMultimedia.
Everything else is left out here, and the smoke tests run the built bundle to prove it still works.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable, Iterable
from pathlib import PurePosixPath

# Plugin folders dropped whole (under PySide6/Qt/plugins): network, QML, embedded-display and
# desktop-theme plugins nothing in the app uses; platform themes would drag in GTK.
DROPPED_PLUGIN_KINDS = {
    "designer", "egldeviceintegrations", "generic", "networkinformation", "platformthemes",
    "qmllint", "qmltooling", "sqldrivers", "tls", "vectorimageformats",
    "wayland-graphics-integration-server",
}
# Within the kept folders, only these plugins (by stem, without "lib" and the suffix).
KEPT_PLUGINS = {
    "platforms": {"qxcb", "qwayland", "qoffscreen", "qminimal", "qwindows", "qdirect2d"},
    "imageformats": {"qsvg", "qico"},
    "platforminputcontexts": {"composeplatforminputcontextplugin", "ibusplatforminputcontextplugin"},
}
# A Qt library, by file name (Linux and Windows).
QT_LIBRARY = re.compile(r"^(lib)?Qt6\w+(\.so\.6|\.dll)$")


def _plugin_parts(dest: PurePosixPath) -> tuple[str, str] | None:
    parts = dest.parts
    for i in range(len(parts) - 2):
        # PySide6/Qt/plugins/<kind>/<file> on Linux, PySide6/plugins/<kind>/<file> on Windows
        if parts[i] == "plugins" and i >= 1 and parts[i - 1] in ("Qt", "PySide6"):
            return parts[i + 1], parts[-1]
    return None


def _stem(filename: str) -> str:
    stem = filename.split(".")[0]
    return stem[3:] if stem.startswith("lib") else stem


def keep_qt_file(dest: str, languages: Iterable[str]) -> bool:
    """Whether a bundled file (its destination path inside the bundle) is kept."""
    path = PurePosixPath(dest.replace("\\", "/"))
    plugin = _plugin_parts(path)
    if plugin is not None:
        kind, filename = plugin
        if kind in DROPPED_PLUGIN_KINDS:
            return False
        wanted = KEPT_PLUGINS.get(kind)
        return wanted is None or _stem(filename) in wanted
    if "translations" in path.parts and path.suffix == ".qm":
        # Only Qt's own strings (qtbase) in the shipped languages (pt_PT: Qt's pt_BR stands in).
        match = re.fullmatch(r"qtbase_([a-z]{2,3})(_[A-Z]{2})?\.qm", path.name)
        wanted = {code.split("_")[0] for code in languages}
        return bool(match) and match.group(1) in wanted
    return True


def prune_qt_libraries(binaries: list[tuple[str, str, str]],
                       imports_of: Callable[[str], Iterable[str]]) -> list[tuple[str, str, str]]:
    """Drop the Qt libraries that no kept binary links to.

    ``binaries`` are PyInstaller's (destination, source, kind) entries after the plugins were
    filtered; ``imports_of(source)`` names the libraries a binary links to. A library that only a
    dropped plugin needed (QtNetwork for the TLS plugin, QtQuick for the virtual keyboard) goes;
    one that a kept module needs stays (QtMultimedia links QtNetwork when read-aloud is bundled).
    """
    def name(entry: tuple[str, str, str]) -> str:
        return PurePosixPath(entry[0].replace("\\", "/")).name

    qt = {name(e): e for e in binaries if QT_LIBRARY.match(name(e))}
    needed: set[str] = set()
    todo = [e for e in binaries if name(e) not in qt]
    while todo:
        entry = todo.pop()
        for lib in imports_of(entry[1]):
            lib = PurePosixPath(lib.replace("\\", "/")).name
            if lib in qt and lib not in needed:
                needed.add(lib)
                todo.append(qt[lib])
    return [e for e in binaries if name(e) not in qt or name(e) in needed]


def babel_locales(languages: Iterable[str]) -> set[str]:
    """The Babel locales the app can load: each shipped language, what it inherits from, root."""
    from babel.core import get_global

    parents: dict[str, str] = get_global("parent_exceptions")
    keep = {"root", "en"}  # names of languages are shown in English too
    for code in languages:
        name = code
        while name and name != "root":
            keep.add(name)
            name = parents.get(name) or name.rpartition("_")[0]
    return keep


def keep_babel_file(dest: str, locales: set[str]) -> bool:
    path = PurePosixPath(dest.replace("\\", "/"))
    if path.parent.name != "locale-data" or path.suffix != ".dat":
        return True
    return path.stem in locales


def drop_dangling_links(entries: list[tuple[str, str, str]], kept: Iterable[tuple[str, str, str]]) -> list:
    """PyInstaller links some libraries into the top folder (SYMLINK entries, the link target being
    relative to the link): drop the links whose target was left out."""
    present = {posixpath.normpath(e[0].replace("\\", "/")) for e in kept}

    def target(entry: tuple[str, str, str]) -> str:
        dest = entry[0].replace("\\", "/")
        return posixpath.normpath(posixpath.join(posixpath.dirname(dest), entry[1].replace("\\", "/")))

    return [e for e in entries if e[2] != "SYMLINK" or target(e) in present]
