#!/usr/bin/env python3
"""Read aloud: time from the button to the first audio buffer, per language (goal: < 150 ms).

  .venv/bin/python benchmarks/speech.py

"First use" is the first press in a fresh process: it loads eSpeak NG, its voice and the audio
output (speech is never loaded at start-up). "Warm" is a later press, in each language, reading
the first paragraph of the first section. The baseline is eSpeak NG alone (ctypes, the same
paragraph, no Qt, no text preparation), measured in the same run: the ratio is what the app
adds. The output is the recording output (a sound card's clock); when QtMultimedia finds an
audio device, opening it is timed too. Speech also adds nothing to start-up: the last line
checks that opening the window loads none of it.
"""

from __future__ import annotations

import contextlib
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

FIRST_USE = r"""
import sys, time
sys.path.insert(0, sys.argv[1])
from leaflet_app.app import application
app = application()
from leaflet_app.speech.controller import ReadAloud
from leaflet_app.speech.output import Recorder
device = sys.argv[2] == "device"
reader = ReadAloud(system_engines=()) if device else ReadAloud(output_factory=lambda: Recorder(speed=1), system_engines=())
reader.set_section(["Proszę zadzwonić do biura, jeśli mają Państwo pytania."], "pl")
first = []
reader.audioStarted.connect(lambda: first.append(time.perf_counter()))
t0 = time.perf_counter()
reader.play()
print((first[0] - t0) * 1000)
reader.stop()
"""

STARTUP_MODULES = r"""
import sys
sys.path.insert(0, sys.argv[1])
from leaflet_app.app import application, default_leaflet, languages
from leaflet_app.ui.main_window import MainWindow
app = application()
w = MainWindow(default_leaflet(), languages(), None)
w.restore(); w.show(); app.processEvents()
loaded = [m for m in ("PySide6.QtMultimedia", "PySide6.QtTextToSpeech", "espeakng_loader",
                      "leaflet_app.speech.espeak") if m in sys.modules]
print(", ".join(loaded) or "none")
"""


def first_use(output: str, env: dict[str, str] | None = None, runs: int = 5) -> list[float]:
    return [float(subprocess.run([sys.executable, "-c", FIRST_USE, str(ROOT), output], capture_output=True,
                                 text=True, check=True, env=env).stdout.split()[-1]) for _ in range(runs)]


@contextlib.contextmanager
def sound_server():
    """A private PulseAudio server with a null sink (as in the tests), or None without one."""
    if shutil.which("pulseaudio") is None:
        yield None
        return
    with tempfile.TemporaryDirectory() as tmp:
        socket = Path(tmp) / "native"
        env = dict(os.environ, HOME=tmp, XDG_RUNTIME_DIR=tmp, PULSE_SERVER=f"unix:{socket}")
        server = subprocess.Popen(
            ["pulseaudio", "-n", "--daemonize=no", "--exit-idle-time=-1", "--disable-shm=yes",
             "--use-pid-file=no", "-F", "/dev/null", "--load=module-null-sink sink_name=speakers",
             f"--load=module-native-protocol-unix socket={socket} auth-anonymous=1"],
            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 10
        while not socket.exists() and time.monotonic() < deadline:
            time.sleep(0.05)
        try:
            yield env if socket.exists() else None
        finally:
            server.terminate()
            server.wait(10)


def main() -> None:
    from PySide6.QtCore import QEventLoop, QTimer

    from leaflet_app.app import application, default_leaflet, languages
    from leaflet_app.speech.controller import ReadAloud
    from leaflet_app.speech.espeak import engine
    from leaflet_app.speech.output import Recorder
    from leaflet_app.speech.recording import section_blocks

    print(f"{platform.node()} · {platform.processor() or platform.machine()} · {os.cpu_count()} cores · "
          f"{datetime.now(UTC):%Y-%m-%d %H:%M} UTC")
    cold = first_use("recorder")
    print(f"first use, recording output (fresh process, Polish sentence): median {statistics.median(cold):.1f} ms, "
          f"max {max(cold):.1f} ms over {len(cold)} runs")
    with sound_server() as env:
        if env is None:
            print("first use, speakers: no pulseaudio here to give QtMultimedia a (null) sound card")
        else:
            cold = first_use("device", env)
            print(f"first use, speakers (QtMultimedia on a PulseAudio null sink): median "
                  f"{statistics.median(cold):.1f} ms, max {max(cold):.1f} ms over {len(cold)} runs")

    application()
    leaflet = default_leaflet()
    reader = ReadAloud(output_factory=lambda: Recorder(speed=1), system_engines=())
    stamps: list[float] = []
    reader.audioStarted.connect(lambda: stamps.append(time.perf_counter()))
    print(f"{'lang':5}{'chars':>6}{'app ms':>9}{'eSpeak ms':>11}{'ratio':>7}")
    worst = 0.0
    for language in languages():
        paragraph = section_blocks(leaflet, leaflet.sections[0].id, language)[1]
        app_ms, raw_ms = [], []
        for _ in range(5):
            reader.set_section([paragraph], language)
            stamps.clear()
            t0 = time.perf_counter()
            reader.play()
            app_ms.append((stamps[0] - t0) * 1000)
            reader.stop()
            t0 = time.perf_counter()
            engine().synthesize(paragraph, language)
            raw_ms.append((time.perf_counter() - t0) * 1000)
        a, r = statistics.median(app_ms), statistics.median(raw_ms)
        worst = max(worst, max(app_ms))
        print(f"{language:5}{len(paragraph):>6}{a:>9.1f}{r:>11.1f}{a / r:>7.2f}")
    print(f"slowest warm press: {worst:.1f} ms (goal < 150 ms)")

    from PySide6.QtMultimedia import QMediaDevices

    if QMediaDevices.defaultAudioOutput().isNull():
        print("audio device: none found here (QtMultimedia); the device's own start-up is not timed")
    else:
        from leaflet_app.speech.output import DeviceOutput

        out = DeviceOutput()
        t0 = time.perf_counter()
        out.start(b"\0\0" * 2205, 22050)
        print(f"audio device: opening {QMediaDevices.defaultAudioOutput().description()!r} "
              f"and starting 0.1 s took {(time.perf_counter() - t0) * 1000:.1f} ms")
        loop = QEventLoop()
        QTimer.singleShot(200, loop.quit)
        loop.exec()
        out.stop()
    loaded = subprocess.run([sys.executable, "-c", STARTUP_MODULES, str(ROOT)], capture_output=True, text=True,
                            check=True).stdout.strip()
    print(f"speech modules loaded by opening the window: {loaded}")


if __name__ == "__main__":
    main()
