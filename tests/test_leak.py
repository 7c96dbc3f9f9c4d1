"""Switching languages all day must not grow memory: one Qt translator at a time, no new objects."""

from __future__ import annotations

import gc

from conftest import LANGUAGES
from PySide6.QtCore import QCoreApplication, QTranslator
from shiboken6 import getAllValidWrappers


def qt_translators() -> list[QTranslator]:
    """Every QTranslator Qt still holds (a translator with a Qt parent outlives its Python name)."""
    return [o for o in getAllValidWrappers() if isinstance(o, QTranslator)]


def switch(window, times: int) -> None:
    for i in range(times):
        window.set_language(LANGUAGES[(i + 1) % len(LANGUAGES)])
        if i % 10 == 9:
            window.toggle_accessibility_mode()


def test_200_switches_leave_one_qt_translator_and_a_flat_object_count(window) -> None:
    switch(window, 200)  # warm: every language in both displays, its texts shaped and kept
    window.set_language("pl")
    gc.collect()
    objects, wrappers = len(gc.get_objects()), len(getAllValidWrappers())
    switch(window, 200)
    window.set_language("pl")
    gc.collect()
    assert len(qt_translators()) == 1
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Anuluj"  # Qt's own Polish catalogue
    assert len(getAllValidWrappers()) - wrappers <= 20, "Qt objects pile up with each switch"
    assert len(gc.get_objects()) - objects <= 500, "Python objects pile up with each switch"
    window.set_language("en")
    assert qt_translators() == [] and QCoreApplication.translate("QPlatformTheme", "Cancel") == "Cancel"
