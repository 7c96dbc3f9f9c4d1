"""Settings survive a restart; nonsense falls back to defaults; a broken file is set aside."""

from __future__ import annotations

import logging
from pathlib import Path

from conftest import LANGUAGES
from PySide6.QtCore import QCoreApplication, QEvent, QSettings

from leaflet_app.settings import open_settings
from leaflet_app.ui.main_window import MainWindow


def make_window(qtbot, leaflet) -> MainWindow:
    w = MainWindow(leaflet, LANGUAGES, open_settings())
    qtbot.addWidget(w)
    w.restore()
    return w


def test_language_and_section_are_remembered(qtbot, leaflet) -> None:
    first = make_window(qtbot, leaflet)
    first.set_language("ro")
    first.show_section("findings")
    first.close()
    first.deleteLater()  # gone, as at the end of a process
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    from leaflet_app.i18n import translator

    translator().set_language("en")  # as in a new process: only the settings can bring Romanian back
    second = make_window(qtbot, leaflet)
    assert second.view.current_section() == "findings"
    from leaflet_app.i18n import current_language

    assert current_language() == "ro"
    assert second.recent[0] == "ro"


def test_nonsense_values_fall_back_with_a_log_line(qtbot, leaflet, caplog) -> None:
    s = open_settings()
    s.setValue("language", "klingon")
    s.setValue("section", 42)
    s.setValue("display/scale", "huge")
    s.setValue("display/scheme", "neon")
    s.setValue("display/spacing", "perhaps")
    s.sync()
    with caplog.at_level(logging.WARNING):
        w = make_window(qtbot, leaflet)
    from leaflet_app.i18n import current_language

    assert current_language() == "en"
    assert w.view.current_section() == "what-is-an-scr"
    assert w.display.scale == 1.0 and w.display.scheme == "auto" and not w.display.spacing
    text = caplog.text
    for key in ("language", "section", "display/scale", "display/scheme", "display/spacing"):
        assert f"Ignoring stored {key}=" in text


def test_unreadable_settings_file_is_set_aside_and_rebuilt(isolated_settings: Path, caplog) -> None:
    path = Path(open_settings().fileName())
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"[General\nlanguage=\xff\xfe\x00[[[\n=\n")
    with caplog.at_level(logging.WARNING):
        s = open_settings()
    s.setValue("language", "pl")
    s.sync()
    assert s.status() == QSettings.Status.NoError
    aside = list(path.parent.glob(path.name + ".broken-*"))
    assert len(aside) == 1, "Qt reports this file as unreadable: it must be kept, not deleted"
    assert "set aside" in caplog.text
    assert aside[0].read_bytes().startswith(b"[General")
    assert QSettings(str(path), QSettings.Format.IniFormat).value("language") == "pl"
