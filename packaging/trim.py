"""What the offline bundle keeps of Qt and Babel: rules used by ``leaflet-viewer.spec``.

PyInstaller's PySide6 hooks collect every plugin a module *might* load, and those plugins pull in
whole Qt libraries (the VNC platform and TLS plugins bring QtNetwork, the virtual keyboard brings
QtQuick and QtQml). The app draws widgets with Fusion on xcb, Wayland or offscreen, reads PNG and
SVG, and speaks (when the read-aloud add-ons are installed) through QtTextToSpeech/QtMultimedia.
Everything else is left out here, and the smoke tests run the built bundle to prove it still works.

Read aloud plays PCM through ``QAudioSink``, whose PulseAudio (and PipeWire) output lives in
libQt6Multimedia itself: QtMultimedia's FFmpeg media plugin (FFmpeg's libraries, and QtQuick and
QtQml, which it links) is only for playing and recording media files, so it stays out. eSpeak NG
keeps the voices and dictionaries of the shipped languages only.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable, Iterable
from pathlib import Path, PurePosixPath

# Plugin folders dropped whole (under PySide6/Qt/plugins): network, QML, embedded-display and
# desktop-theme plugins nothing in the app uses; platform themes would drag in GTK; "multimedia"
# holds only the FFmpeg media backend (media files, cameras), which QAudioSink does not use.
DROPPED_PLUGIN_KINDS = {
    "designer", "egldeviceintegrations", "generic", "multimedia", "networkinformation",
    "platformthemes", "qmllint", "qmltooling", "sqldrivers", "tls", "vectorimageformats",
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
# OpenSSL's TLS library: PyInstaller's QtNetwork hook adds it for the TLS plugin (dropped), which
# loads it at run time; nothing links it. (Its libcrypto stays: Python's hashlib links that.)
OPENSSL_TLS = re.compile(r"^libssl(\.so[.\d]*|-[\w-]+\.dll)$")


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
    if OPENSSL_TLS.match(path.name):
        return False
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


def prune_libraries(binaries: list[tuple[str, str, str]], kept: list[tuple[str, str, str]],
                    imports_of: Callable[[str], Iterable[str]]) -> list[tuple[str, str, str]]:
    """Of ``kept``, drop the libraries that no kept binary links to any more.

    ``binaries`` are all of PyInstaller's (destination, source, kind) entries, ``kept`` those left
    after the plugins were filtered; ``imports_of(source)`` names the libraries a binary links to.
    A library that only dropped plugins needed goes with them (QtNetwork with the TLS plugin,
    QtQuick and FFmpeg with the media plugin, GTK with the platform theme); one that a kept module
    needs stays (QtMultimedia links QtNetwork). Binaries that nothing links to (Python modules,
    plugins, libraries loaded by path such as eSpeak NG's) stay, except Qt libraries.
    """
    def name(entry: tuple[str, str, str]) -> str:
        return PurePosixPath(entry[0].replace("\\", "/")).name

    def links(entry: tuple[str, str, str]) -> list[str]:
        if entry[2] not in ("BINARY", "EXTENSION"):
            return []
        return [PurePosixPath(lib.replace("\\", "/")).name for lib in imports_of(entry[1])]

    linked = {entry[0]: links(entry) for entry in binaries}
    libraries = {lib for names in linked.values() for lib in names}
    libraries |= {name(e) for e in binaries if QT_LIBRARY.match(name(e))}
    by_name = {name(e): e for e in kept}
    todo = [e for e in kept if name(e) not in libraries]
    needed: set[str] = set()
    while todo:
        entry = todo.pop()
        for lib in linked.get(entry[0], ()):
            if lib in by_name and lib not in needed:
                needed.add(lib)
                todo.append(by_name[lib])
    return [e for e in kept if name(e) not in libraries or name(e) in needed]


def espeak_files(data: Path, voices: Iterable[str]) -> set[str]:
    """The files of eSpeak NG's data folder (relative paths) that ``voices`` need: the phoneme
    tables and intonations, and each voice's file under ``lang/`` and its dictionary.

    A voice's dictionary is named by its ``dictionary`` line, or else by its first ``language``
    up to a hyphen (``language fr-fr``: ``fr_dict``).
    """
    keep = {"phontab", "phonindex", "phondata", "intonations"}
    for voice in voices:
        found = [p for p in (data / "lang").rglob(voice) if p.is_file()]
        if not found:
            raise ValueError(f"eSpeak NG has no voice file for '{voice}' in {data / 'lang'}")
        settings: dict[str, str] = {}
        for line in found[0].read_text(encoding="utf-8").splitlines():
            key, _, value = line.strip().partition(" ")
            settings.setdefault(key, value.split()[0] if value.split() else "")
        dictionary = settings.get("dictionary") or settings.get("language", voice).split("-")[0]
        if not (data / f"{dictionary}_dict").is_file():
            raise ValueError(f"eSpeak NG voice '{voice}' needs {dictionary}_dict, which is missing")
        keep |= {found[0].relative_to(data).as_posix(), f"{dictionary}_dict"}
    return keep


def keep_espeak_file(dest: str, data_files: set[str], library: str) -> bool:
    """Whether a file of the ``espeakng_loader`` package is kept: its library once (the wheel
    ships three copies under the link names; ``library`` is the one it loads) and the data files
    the shipped voices need."""
    path = PurePosixPath(dest.replace("\\", "/"))
    if not path.parts or path.parts[0] != "espeakng_loader":
        return True
    if "espeak-ng-data" in path.parts:
        return "/".join(path.parts[path.parts.index("espeak-ng-data") + 1:]) in data_files
    if path.name.startswith(("libespeak-ng", "espeak-ng")) and path.suffix != ".py":
        return path.name == library
    return True


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
