"""The offline bundle, the .deb and the wheel, built and run as an IT officer would.

Slow (a PyInstaller build, a wheel installed into a fresh virtual environment): marked
``packaging``; ``./dev.sh test`` and CI run them, ``-m "not packaging"`` leaves them out.
The bundle runs with an empty environment (``env -i``, a fresh HOME, no Python on the PATH)
under ``strace``, which must show no internet socket.
"""

from __future__ import annotations

import importlib.util
import re
import shutil
import subprocess
import sys
import tarfile
import wave
from pathlib import Path

import pytest
from conftest import LANGUAGES, ROOT, listening, rms
from PySide6.QtGui import QImage
from test_kiosk_x11 import TOOLS as X11_TOOLS
from test_kiosk_x11 import check_kiosk_x11

from leaflet_app import __version__
from leaflet_app.speech.espeak import VOICES

sys.path.insert(0, str(ROOT / "packaging"))
import build  # noqa: E402

pytestmark = pytest.mark.packaging


@pytest.fixture(scope="module")
def dist(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("dist")
    subprocess.run([sys.executable, str(ROOT / "packaging" / "build.py"), "--fast", "--dist", str(folder)],
                   check=True, cwd=ROOT, capture_output=True, timeout=900)
    return folder


def bare_run(program: Path, *args: str, home: Path, strace_log: Path | None = None,
             cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """Run with nothing but HOME and the offscreen platform: no PATH, no virtual environment."""
    command = ["env", "-i", f"HOME={home}", "QT_QPA_PLATFORM=offscreen"]
    if strace_log is not None:
        # Network calls, and the files opened (to see what the bundle reads from where).
        command += [shutil.which("strace") or "strace", "-f", "-e", "trace=network,openat", "-o", str(strace_log)]
    return subprocess.run([*command, str(program), *args], capture_output=True, text=True,
                          cwd=cwd or home, timeout=120)


def internet_sockets(strace_log: Path) -> list[str]:
    return [line for line in strace_log.read_text().splitlines() if re.search(r"AF_INET6?\b", line)]


def assert_real_window(png: Path, size: tuple[int, int] = (1280, 800)) -> None:
    image = QImage(str(png))
    assert (image.width(), image.height()) == size, png
    small = image.scaled(64, 40)  # a cheap census of the colours
    colours = {small.pixel(x, y) for x in range(small.width()) for y in range(small.height())}
    assert len(colours) > 30, f"{png.name} looks blank ({len(colours)} colours)"


def test_bundle_holds_the_app_data_and_no_network_or_qml(dist: Path) -> None:
    internal = build.bundle_path(dist) / "_internal"
    data = internal / "leaflet_app"
    assert (data / "resources" / "leaflets" / "scr" / "leaflet.md").is_file()
    for code in LANGUAGES[1:]:
        assert (data / "translations" / code / "LC_MESSAGES" / "leaflet.po").is_file(), code
    assert (data / "resources" / "fonts" / "NotoNastaliqUrdu-Regular.ttf").is_file()
    licences = {p.name for p in (data / "resources" / "licences").iterdir()}
    assert {"LGPL-3.0.txt", "GPL-3.0.txt", "Babel-BSD-3-Clause.txt", "markdown-it-py-MIT.txt",
            "Python-LICENSE.txt", "README.txt"} <= licences
    assert (data / "resources" / "fonts" / "OFL.txt").is_file()
    qm = {p.name for p in internal.rglob("*.qm")}
    assert {"qtbase_pl.qm", "qtbase_ar.qm", "qtbase_pt_BR.qm"} <= qm
    assert not any(n.startswith(("qt_help", "qtdeclarative", "assistant", "designer")) for n in qm)
    assert [p for p in internal.rglob("*") if p.is_symlink() and not p.exists()] == []  # no dangling links
    names = [p.name for p in internal.rglob("*")]
    # Read aloud (PySide6-Addons) brings QtNetwork (QtMultimedia links it); without it, QtNetwork
    # has no reason to be there. QtMultimedia's FFmpeg media plugin, and FFmpeg, QtQml and QtQuick
    # that it links, are left out (QAudioSink plays without them), as is GTK.
    read_aloud = importlib.util.find_spec("PySide6.QtMultimedia") is not None
    banned = "WebEngine|Pdf|VirtualKeyboard|Qml|Quick|FFmpeg" + ("" if read_aloud else "|Network")
    unwanted = [n for n in names if re.match(rf"(lib)?Qt6({banned})|libav(codec|format|util)|libgtk", n)]
    assert unwanted == []
    plugin_kinds = {p.name for p in (internal / "PySide6" / "Qt" / "plugins").iterdir()}
    assert "platforms" in plugin_kinds
    assert not plugin_kinds & {"tls", "networkinformation", "qmltooling", "multimedia", "platformthemes"}
    if importlib.util.find_spec("espeakng_loader") is not None:  # eSpeak NG: the shipped voices only
        espeak = internal / "espeakng_loader"
        assert {p.name for p in espeak.glob("*espeak-ng*") if p.is_file()} == {"libespeak-ng.so"}
        dictionaries = {p.name.removesuffix("_dict") for p in (espeak / "espeak-ng-data").glob("*_dict")}
        assert dictionaries == {VOICES[code].split("-")[0] for code in LANGUAGES}
    locales = {p.stem for p in (internal / "babel" / "locale-data").glob("*.dat")}
    assert set(LANGUAGES) | {"root"} <= locales and len(locales) < 40


def test_bundle_runs_with_an_empty_environment_and_opens_no_internet_socket(dist: Path, tmp_path: Path) -> None:
    app = build.bundle_path(dist) / "leaflet-app"
    home = tmp_path / "home"
    home.mkdir()
    logs = tmp_path / "strace"
    logs.mkdir()
    runs: list[tuple[str, subprocess.CompletedProcess[str]]] = []

    def run(name: str, *args: str) -> subprocess.CompletedProcess[str]:
        result = bare_run(app, *args, home=home, strace_log=logs / f"{name}.log")
        assert result.returncode == 0, f"{name}: {result.stderr}"
        runs.append((name, result))
        return result

    assert run("version", "--version").stdout.strip() == f"leaflet-app {__version__}"
    listing = run("list", "--list-languages").stdout
    assert len(listing.strip().splitlines()) == 1 + len(LANGUAGES) and "اردو" in listing
    for code, words in (("ur", "سنگین"), ("ar", "مراجعة")):
        run(f"export-{code}", "--language", code, "--export", str(tmp_path / f"{code}.txt"))
        assert words in (tmp_path / f"{code}.txt").read_text(encoding="utf-8")
    if importlib.util.find_spec("espeakng_loader") is not None:  # read aloud is in the bundle
        for code in ("ur", "pl"):
            wav = tmp_path / f"{code}.wav"
            run(f"speak-{code}", "--language", code, "--section", "contact", "--speak", str(wav))
            with wave.open(str(wav)) as sound:
                assert sound.getnframes() > sound.getframerate(), f"{code}: less than a second of speech"
    pdf = tmp_path / "ar.pdf"
    run("export-pdf", "--language", "ar", "--export", str(pdf))
    assert pdf.read_bytes().startswith(b"%PDF") and pdf.stat().st_size > 10_000
    for code in LANGUAGES:
        run(f"screenshot-{code}", "--language", code, "--screenshot", str(tmp_path / f"{code}.png"))
        assert_real_window(tmp_path / f"{code}.png")
    kiosk_png = tmp_path / "kiosk.png"
    run("kiosk", "--kiosk", "--kiosk-config", str(ROOT / "packaging" / "kiosk.example.toml"),
        "--language", "ar", "--screenshot", str(kiosk_png))
    assert_real_window(kiosk_png)
    for name, result in runs:
        assert "Traceback" not in result.stderr, f"{name}: {result.stderr}"
    sockets = {name: internet_sockets(logs / f"{name}.log") for name, _ in runs}
    assert {name: lines for name, lines in sockets.items() if lines} == {}
    # strace did watch, and Qt's own Polish strings and the Urdu font came from inside the bundle.
    internal = re.escape(str(app.parent / "_internal"))
    assert re.search(rf'openat\(.*"{internal}/PySide6/Qt/translations/qtbase_pl\.qm".* = \d+$',
                     (logs / "screenshot-pl.log").read_text(), re.MULTILINE)
    assert re.search(rf'openat\(.*"{internal}/leaflet_app/resources/fonts/NotoNastaliqUrdu-Regular\.ttf".* = \d+$',
                     (logs / "screenshot-ur.log").read_text(), re.MULTILINE)


needs_read_aloud = pytest.mark.skipif(
    importlib.util.find_spec("espeakng_loader") is None or importlib.util.find_spec("PySide6.QtMultimedia") is None,
    reason="read aloud (PySide6-Addons, espeakng-loader) is not installed, so not bundled")


@needs_read_aloud
def test_bundle_reads_aloud_in_every_shipped_language_as_the_full_voice_data_does(dist: Path, tmp_path: Path,
                                                                                   leaflet) -> None:
    """eSpeak NG's data is cut to the shipped voices: a section in each language, spoken by the
    bundle, lasts as long as with the complete data installed here (to 1%: eSpeak's output also
    depends a little on what the process spoke before; a missing dictionary changes it by far more)."""
    from leaflet_app.speech.recording import section_blocks, speak_blocks

    app = build.bundle_path(dist) / "leaflet-app"
    home = tmp_path / "home"
    home.mkdir()
    for code in LANGUAGES:
        wav = tmp_path / f"{code}.wav"
        result = bare_run(app, "--language", code, "--section", "findings", "--speak", str(wav), home=home)
        assert result.returncode == 0, f"{code}: {result.stderr}"
        with wave.open(str(wav)) as sound:
            heard = sound.readframes(sound.getnframes())
        assert rms(heard) > 1000, f"{code}: silence"
        recorder, _order = speak_blocks(section_blocks(leaflet, "findings", code), code)
        assert len(recorder.recorded) > 20 * 2 * recorder.sample_rate, f"{code}: under 20 s with the full data"
        assert abs(len(heard) / len(recorder.recorded) - 1) < 0.01, f"{code}: the bundle speaks differently"


@needs_read_aloud
def test_bundle_reads_aloud_through_pulseaudio_without_ffmpeg(dist: Path, sound_server, tmp_path: Path) -> None:
    """The built bundle, in an empty environment but for the sound server's address, reads a
    heading to a PulseAudio null sink; its monitor hears it."""
    app = build.bundle_path(dist) / "leaflet-app"
    with listening(sound_server, tmp_path / "heard.raw") as capture:
        result = subprocess.run(["env", "-i", f"HOME={tmp_path}", f"PULSE_SERVER={sound_server['PULSE_SERVER']}",
                                 str(app), "--sound-check", "--language", "ar"],
                                capture_output=True, text=True, cwd=tmp_path, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("read aloud through Null Output with eSpeak NG"), result.stdout
    assert rms(capture.read_bytes()) > 300, "the null sink's monitor heard the heading"
    assert "Traceback" not in result.stderr


@pytest.mark.skipif(any(shutil.which(t) is None for t in X11_TOOLS), reason=f"needs {', '.join(X11_TOOLS)}")
def test_bundle_kiosk_on_a_real_x_server_cannot_be_escaped(dist: Path) -> None:
    """The bundle's own xcb platform plugin, under Xvfb and openbox (packaging/check-kiosk-x11.sh)."""
    check_kiosk_x11(str(build.bundle_path(dist) / "leaflet-app"))


def test_bundle_tells_a_screen_reader_the_language_of_its_text(dist: Path) -> None:
    """The pages' own accessible interface (leaflet_app/native) is in the bundle and loads there:
    read on the real AT-SPI bus, the bundle's Urdu contact page says its language run by run."""
    from test_screen_reader import _missing, assert_contact_page_read_in, probe

    if _missing():
        pytest.skip(f"needs {', '.join(_missing())}")
    bundle = build.bundle_path(dist)
    assert (bundle / "_internal" / "leaflet_app" / "native" / "_page_accessible.abi3.so").is_file()
    assert_contact_page_read_in("ur", probe("ur", app=str(bundle / "leaflet-app"), args="--section contact"))


def test_archive_holds_the_bundle(dist: Path) -> None:
    archive = build.archive_path(dist)
    assert archive.name == f"leaflet-viewer-{__version__}-linux-x86_64.tar.xz"
    with tarfile.open(archive) as tar:
        names = set(tar.getnames())
    bundle = build.bundle_path(dist)
    expected = {"leaflet-viewer"} | {f"leaflet-viewer/{p.relative_to(bundle).as_posix()}" for p in bundle.rglob("*")}
    assert names == expected


def test_deb_validates_installs_runs_and_leaves_nothing_behind(dist: Path, tmp_path: Path) -> None:
    deb = build.deb_path(dist)
    assert deb.name == f"leaflet-viewer_{__version__}_amd64.deb"
    contents = subprocess.run(["dpkg-deb", "--contents", str(deb)], capture_output=True, text=True, check=True).stdout
    assert "./usr/bin/leaflet-app -> ../../opt/leaflet-viewer/leaflet-app" in contents
    for path in (f"./usr/share/applications/{build.APP_ID}.desktop", f"./usr/share/metainfo/{build.APP_ID}.metainfo.xml",
                 "./usr/share/icons/hicolor/scalable/apps/leaflet-viewer.svg",
                 "./usr/share/icons/hicolor/48x48/apps/leaflet-viewer.png", "./opt/leaflet-viewer/leaflet-app"):
        assert path in contents, path
    # Every dependency names a real Debian package (dev.sh installs them for the tests).
    depends = subprocess.run(["dpkg-deb", "--field", str(deb), "Depends"], capture_output=True, text=True,
                             check=True).stdout
    for package in (d.split()[0] for d in depends.split(",")):
        status = subprocess.run(["dpkg-query", "-W", "-f=${Status}", package], capture_output=True, text=True)
        assert "installed" in status.stdout, f"dependency {package} is not a package installed here"

    # Installed into a private root (no change to this machine), run, then purged.
    root = tmp_path / "root"
    (root / "var" / "lib" / "dpkg" / "updates").mkdir(parents=True)
    (root / "var" / "lib" / "dpkg" / "info").mkdir()
    (root / "var" / "lib" / "dpkg" / "status").touch()
    dpkg = ["dpkg", f"--root={root}", "--force-not-root", "--force-depends", "--force-script-chrootless"]
    subprocess.run([*dpkg, "--install", str(deb)], check=True, capture_output=True)
    desktop = root / "usr" / "share" / "applications" / f"{build.APP_ID}.desktop"
    check = subprocess.run(["desktop-file-validate", str(desktop)], capture_output=True, text=True)
    assert check.returncode == 0 and "error" not in check.stdout, check.stdout
    metainfo = root / "usr" / "share" / "metainfo" / f"{build.APP_ID}.metainfo.xml"
    check = subprocess.run(["appstreamcli", "validate", "--no-net", str(metainfo)], capture_output=True, text=True)
    assert check.returncode == 0, check.stdout + check.stderr
    assert "Icon=leaflet-viewer" in desktop.read_text() and "Exec=leaflet-app" in desktop.read_text()
    home = tmp_path / "home"
    home.mkdir()
    command = root / "usr" / "bin" / "leaflet-app"
    result = bare_run(command, "--version", home=home)
    assert result.stdout.strip() == f"leaflet-app {__version__}", result.stderr
    result = bare_run(command, "--language", "ur", "--export", str(tmp_path / "ur.txt"), home=home)
    assert result.returncode == 0 and "سنگین" in (tmp_path / "ur.txt").read_text(encoding="utf-8")
    subprocess.run([*dpkg, "--purge", "leaflet-viewer"], check=True, capture_output=True)
    left = [p for p in root.rglob("*") if not p.is_relative_to(root / "var" / "lib" / "dpkg")]
    assert [p for p in left if not p.is_dir()] == []
    assert not (root / "opt" / "leaflet-viewer").exists()


def test_wheel_installs_into_a_fresh_venv_and_runs_from_anywhere(tmp_path: Path) -> None:
    wheels = tmp_path / "wheels"
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(wheels), str(ROOT)],
                   check=True, capture_output=True, timeout=300)
    wheel = next(wheels.glob("leaflet_viewer-*.whl"))
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, timeout=300)
    subprocess.run([str(venv / "bin" / "python"), "-m", "pip", "install", "-q", str(wheel)],
                   check=True, capture_output=True, timeout=600)
    home = tmp_path / "home"
    home.mkdir()
    where = bare_run(venv / "bin" / "python", "-c", "from leaflet_app import paths; print(paths.data_root())",
                     home=home)
    assert Path(where.stdout.strip()).is_relative_to(venv), where.stdout + where.stderr
    result = bare_run(venv / "bin" / "leaflet-app", "--language", "ar", "--export", str(tmp_path / "ar.txt"),
                      home=home)
    assert result.returncode == 0, result.stderr
    assert "مراجعة" in (tmp_path / "ar.txt").read_text(encoding="utf-8")
    result = bare_run(venv / "bin" / "leaflet-app", "--language", "bn", "--screenshot", str(tmp_path / "bn.png"),
                      home=home)
    assert result.returncode == 0, result.stderr
    assert_real_window(tmp_path / "bn.png")

