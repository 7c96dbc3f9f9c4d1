"""Start-up work that is easy to bring back by accident: PySide's source scan of every import,
and its compiling of the signature support it carries inside its library.

Each check runs the real command line in a fresh interpreter (the test process has long since
imported PySide6) and watches ``inspect.getsource``, which PySide's ``__feature__`` import hook
calls to read a module's whole source file, or ``compile``, which Shiboken calls for each of its
embedded modules.
"""

from __future__ import annotations

import json
import marshal
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

WATCH = """
import inspect, json, sys
read = []
_getsource = inspect.getsource
def getsource(obj):
    read.append(getattr(obj, "__name__", "?"))
    return _getsource(obj)
inspect.getsource = getsource
{body}
print(json.dumps(read))
"""


def _sources_read(body: str, tmp_path: Path) -> list[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", HOME=str(tmp_path), XDG_CACHE_HOME=str(tmp_path / "cache"),
               PYTHONPATH=f"{ROOT}{os.pathsep}{tmp_path}")
    done = subprocess.run([sys.executable, "-c", WATCH.format(body=body)], env=env, capture_output=True, text=True,
                          timeout=120, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_opening_the_window_reads_no_source_file_for_pyside(tmp_path) -> None:
    picture = tmp_path / "window.png"
    read = _sources_read(f"from leaflet_app.cli import main\nmain(['--screenshot', {str(picture)!r}])", tmp_path)
    assert picture.stat().st_size > 0
    ours = [name for name in read if name.startswith("leaflet_app")]
    assert ours == [], f"PySide's import hook read the source of {ours}"
    assert len(read) <= 3, read  # at most what the command line imports before Qt: argparse, logging...


def test_without_the_start_up_step_pyside_reads_each_module(tmp_path) -> None:
    """The scan the app avoids is real: a module importing PySide6 after it has loaded is read whole."""
    (tmp_path / "uses_qt.py").write_text("from PySide6.QtCore import QObject\n", encoding="utf-8")
    assert "uses_qt" in _sources_read("import PySide6.QtCore\nimport uses_qt", tmp_path)
    assert "uses_qt" not in _sources_read(
        "from leaflet_app.pyside_start import load_pyside\nload_pyside()\nimport uses_qt", tmp_path)


COMPILED = """
import builtins, json, sys
compiled = []
_compile = builtins.compile
def compile(source, filename, *args, **kwargs):
    compiled.append(filename)
    return _compile(source, filename, *args, **kwargs)
builtins.compile = compile
from leaflet_app.pyside_start import load_pyside
load_pyside()
from PySide6.QtCore import QSize
try:
    QSize("wide", "tall")  # the error names the signatures: the support modules at work
except TypeError as error:
    message = str(error)
print(json.dumps([[f for f in compiled if f.startswith("shibokensupport/")], message,
                  builtins.compile is compile]))
"""


def _load_pyside(tmp_path: Path) -> tuple[list[str], str, bool]:
    env = dict(os.environ, HOME=str(tmp_path), XDG_CACHE_HOME=str(tmp_path / "cache"), PYTHONPATH=str(ROOT))
    done = subprocess.run([sys.executable, "-c", COMPILED], env=env, capture_output=True, text=True, timeout=120,
                          cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    compiled, message, restored = json.loads(done.stdout.strip().splitlines()[-1])
    return compiled, message, restored


def test_pyside_compiles_its_signature_support_once(tmp_path) -> None:
    from leaflet_app.pyside_start import record_path

    first, message, restored = _load_pyside(tmp_path)
    assert len(first) >= 10, first  # Shiboken's embedded modules: compiled, the first time
    assert "Supported signatures:" in message and "QSize.__init__(w: int, h: int, /)" in message
    assert restored, "compile is Python's own again once PySide has loaded"
    env = dict(os.environ, XDG_CACHE_HOME=str(tmp_path / "cache"))
    record = Path(subprocess.run([sys.executable, "-c", "from leaflet_app.pyside_start import record_path as r; "
                                  "print(r())"], env=env, capture_output=True, text=True, cwd=ROOT).stdout.strip())
    assert record.parent == tmp_path / "cache" / "leaflet-viewer" and record.name == record_path().name
    assert record.stat().st_size > 10_000
    again, same_message, _ = _load_pyside(tmp_path)
    assert again == [] and same_message == message  # recalled, and working as before
    good = marshal.loads(record.read_bytes())
    record.write_bytes(marshal.dumps({**good, "shibokensupport/old.py:10:42": marshal.dumps(compile("", "x", "exec"))}))
    again, _, _ = _load_pyside(tmp_path)
    assert again == [] and marshal.loads(record.read_bytes()) == good  # an older PySide's code let go
    for damage in (b"", b"not marshal at all", record.read_bytes()[: record.stat().st_size // 2],
                   marshal.dumps({key: b"rubbish" for key in good}), marshal.dumps({key: marshal.dumps(42) for key in good}),
                   marshal.dumps([1, 2, 3])):
        record.write_bytes(damage)
        compiled, damaged_message, _ = _load_pyside(tmp_path)
        assert damaged_message == message  # a damaged record is compiled again, never used
        assert len(compiled) >= 10
        assert record.stat().st_size > 10_000  # and made again


def test_no_module_asks_for_a_pyside_feature() -> None:
    """Sparing the scan is right only while no module switches PySide's names (snake_case...)."""
    users = [str(p.relative_to(ROOT)) for p in (ROOT / "leaflet_app").rglob("*.py")
             if "__feature__" in p.read_text(encoding="utf-8") and p.name != "pyside_start.py"]
    assert users == []


SHOW = """
import os, sys, time
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from PySide6.QtWidgets import QApplication
from leaflet_app.app import application, default_leaflet, languages, warm_after_first_paint
from leaflet_app.ui.main_window import MainWindow
app = application()
window = MainWindow(default_leaflet(), languages(), None)
{warm}
window.show()
end = time.monotonic() + 10
while time.monotonic() < end and not window.centralWidget().isVisible():
    app.processEvents()
for _ in range(50):
    app.processEvents()
    time.sleep(0.01)
print("QAccessible" in vars(sys.modules["PySide6.QtGui"]), "QTranslator" in vars(sys.modules["PySide6.QtCore"]))
"""


def _classes_made(warm: str, tmp_path: Path) -> str:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", HOME=str(tmp_path), XDG_CACHE_HOME=str(tmp_path / "cache"),
               PYTHONPATH=str(ROOT))
    done = subprocess.run([sys.executable, "-c", SHOW.format(warm=warm)], env=env, capture_output=True, text=True,
                          timeout=120, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    return done.stdout.split("\n")[-2]


def test_the_classes_of_a_first_switch_are_made_once_the_window_has_painted(tmp_path) -> None:
    """The screen-reader announcement and Qt's own translations, which the first switch into
    another language needs and the first paint does not, are ready before anyone switches."""
    assert _classes_made("warmer = warm_after_first_paint(window, languages())", tmp_path) == "True True"
    assert _classes_made("", tmp_path) == "False False"  # not made by the first paint itself
