"""PySide6 loaded for a quick start: called once, before the modules that use Qt are imported.

PySide replaces Python's ``__import__`` with a hook for its ``__feature__`` switches
(``from __feature__ import snake_case``). The first time an import statement names a module
after PySide6 has loaded, the hook reads that module's whole source file to see whether it
mentions "PySide6" (PYSIDE-2029), so that modules which never asked for a feature are switched
back to plain names. At start-up that is about 90 modules, ours and the standard library's:
10-13 ms of file reading on this machine, 7 % of the start-up.

The app uses no ``__feature__`` anywhere (a test checks it), so no module needs switching: the
scan is answered without reading the file. A module that does ask for a feature still gets it,
because the ``from __feature__ import`` statement sets its flag itself. If a PySide release
no longer has the scan, nothing is changed.
"""

from __future__ import annotations

import sys


def _no_feature_switching(module: object) -> bool:
    return False  # "does not use PySide6": leave the module out of feature switching


def load_pyside() -> None:
    """Import PySide6 and spare its import hook the source scan (see the module's notes)."""
    import PySide6.QtCore  # noqa: F401 - installs PySide's import hook and ``__feature__``

    feature = sys.modules.get("__feature__")
    if callable(getattr(feature, "_mod_uses_pyside", None)):
        feature._mod_uses_pyside = _no_feature_switching  # type: ignore[union-attr]
