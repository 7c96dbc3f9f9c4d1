"""PySide6 loaded for a quick start: called once, before the modules that use Qt are imported.

Two things PySide does at every start cost the app time without giving it anything:

- **Compiling its signature support.** Shiboken carries the Python source of its
  ``shibokensupport`` package inside its library and compiles all 13 modules each time it is
  imported (``signature_bootstrap.EmbeddableZipImporter``): 14 ms here, 8 % of the start-up.
  While PySide6 is imported, the compiled code is kept in the user's cache folder, keyed by
  Python's bytecode version and each module's name, length and checksum, and used again next
  time. A record that is missing, unreadable or damaged is compiled again and rewritten.
- **Its import hook's source scan.** PySide replaces Python's ``__import__`` with a hook for its
  ``__feature__`` switches (``from __feature__ import snake_case``). The first time an import
  statement names a module after PySide6 has loaded, the hook reads that module's whole source
  file to see whether it mentions "PySide6" (PYSIDE-2029), so that modules which never asked for
  a feature are switched back to plain names: about 90 modules at start-up, 10-13 ms. The app
  uses no ``__feature__`` anywhere (a test checks it), so the scan is answered without reading
  the file. A module that does ask for a feature still gets it, because the
  ``from __feature__ import`` statement sets its flag itself.

If a PySide release no longer does either, nothing is changed.
"""

from __future__ import annotations

import builtins
import marshal
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from importlib.util import MAGIC_NUMBER
from pathlib import Path
from types import CodeType
from zlib import crc32

from leaflet_app.files import read_bytes_limited, replacing
from leaflet_app.paths import cache_dir

EMBEDDED = "shibokensupport/"  # the file names Shiboken compiles its embedded modules under
RECORD_LIMIT = 8 * 1024 * 1024


def record_path() -> Path:
    return cache_dir() / f"pyside-support-{MAGIC_NUMBER.hex()}.marshal"


def _read_record(path: Path) -> dict[str, bytes]:
    try:
        record = marshal.loads(read_bytes_limited(path, RECORD_LIMIT))
    except (OSError, ValueError, EOFError, TypeError):
        return {}
    if not isinstance(record, dict):
        return {}
    return {k: v for k, v in record.items() if isinstance(k, str) and isinstance(v, bytes)}


def _write_record(path: Path, record: dict[str, bytes]) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with replacing(path) as tmp:
            tmp.write_bytes(marshal.dumps(record))
    except OSError:
        pass  # a read-only or full cache: compiled again next time, as PySide does anyway


@contextmanager
def _compiled_once(path: Path) -> Iterator[None]:
    """While the block runs, Shiboken's embedded modules are compiled from the record if it has
    them (the same source, the same Python); the record is rewritten if anything had to be
    compiled, and then holds only what this PySide compiles (an older release's is let go)."""
    record = _read_record(path)
    used: dict[str, bytes] = {}
    compile_ = builtins.compile

    def compile_or_recall(source, filename, mode, *args, **kwargs):  # builtins.compile's signature
        if not (isinstance(filename, str) and filename.startswith(EMBEDDED) and mode == "exec"
                and isinstance(source, bytes | str) and not args and not kwargs):
            return compile_(source, filename, mode, *args, **kwargs)
        data = source if isinstance(source, bytes) else source.encode("utf-8")
        key = f"{filename}:{len(data)}:{crc32(data)}"
        if (kept := record.get(key)) is not None:
            try:
                code = marshal.loads(kept)
            except (ValueError, EOFError, TypeError):
                code = None
            if isinstance(code, CodeType) and code.co_filename == filename:
                used[key] = kept
                return code
        code = compile_(source, filename, mode)
        used[key] = marshal.dumps(code)
        return code

    builtins.compile = compile_or_recall
    try:
        yield
    finally:
        builtins.compile = compile_
    if used and used != record:
        _write_record(path, used)


def _no_feature_switching(module: object) -> bool:
    return False  # "does not use PySide6": leave the module out of feature switching


def load_pyside() -> None:
    """Import PySide6, its signature support compiled once, and spare its import hook the source
    scan (see the module's notes)."""
    if "PySide6.QtCore" not in sys.modules:
        with _compiled_once(record_path()):
            import PySide6.QtCore  # noqa: F401 - installs PySide's import hook and ``__feature__``

    feature = sys.modules.get("__feature__")
    if callable(getattr(feature, "_mod_uses_pyside", None)):
        feature._mod_uses_pyside = _no_feature_switching  # type: ignore[union-attr]
