"""Test set-up: offscreen Qt, settings in a temporary folder, English at the start of each test."""

from __future__ import annotations

import array
import contextlib
import math
import os
import shutil
import subprocess
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# The leaflet cache (leaflet_cache.py) of this test run, never the user's own; subprocesses too.
os.environ["XDG_CACHE_HOME"] = __import__("tempfile").mkdtemp(prefix="leaflet-test-cache-")

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


@contextlib.contextmanager
def listening(env: dict[str, str], capture: Path) -> Iterator[Path]:
    """Record into ``capture`` what the sound server's null sink plays while the block runs."""
    with capture.open("wb") as out:
        listener = subprocess.Popen(["parec", "-d", "speakers.monitor", "--raw", "--format=s16le",
                                     "--channels=1", "--rate=22050"], env=env, stdout=out)
        try:
            yield capture
        finally:
            listener.terminate()
            listener.wait(10)


def rms(pcm: bytes) -> float:
    """Loudness of 16-bit PCM (silence is 0)."""
    samples = array.array("h", pcm)
    return math.sqrt(sum(s * s for s in samples) / max(1, len(samples)))


@pytest.fixture
def sound_server(tmp_path: Path):
    """A private PulseAudio server whose only output is a null sink ("speakers")."""
    if shutil.which("pulseaudio") is None or shutil.which("parec") is None:
        pytest.skip("pulseaudio and pulseaudio-utils are not installed (./dev.sh test installs them)")
    socket = tmp_path / "native"
    env = dict(os.environ, HOME=str(tmp_path), XDG_RUNTIME_DIR=str(tmp_path), PULSE_SERVER=f"unix:{socket}",
               QT_QPA_PLATFORM="offscreen")
    server = subprocess.Popen(
        ["pulseaudio", "-n", "--daemonize=no", "--exit-idle-time=-1", "--disable-shm=yes", "--use-pid-file=no",
         "-F", "/dev/null", "--load=module-null-sink sink_name=speakers",
         f"--load=module-native-protocol-unix socket={socket} auth-anonymous=1"],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 10
    while not socket.exists() and time.monotonic() < deadline and server.poll() is None:
        time.sleep(0.05)
    assert socket.exists(), "the PulseAudio server did not start"
    yield env
    server.terminate()
    server.wait(10)
