"""What keeps the window responsive, fixed in place (speed itself is measured in benchmarks/):
what start-up leaves unloaded, and work moved off the GUI thread or ahead of need."""

from __future__ import annotations

import gc
import json
import subprocess
import sys
import threading
from pathlib import Path

from babel.numbers import format_percent as babel_percent
from conftest import LANGUAGES, ROOT

from leaflet_app import i18n
from leaflet_app.app import settle_memory_after_first_paint
from leaflet_app.catalogues import SOURCE_INFO, SOURCE_LANGUAGE, cached_catalogue, cldr_language_info
from leaflet_app.i18n import format_percent, localizer
from leaflet_app.ui.main_window import MainWindow
from leaflet_app.warm import CatalogueWarmer

# Not needed to show the English window: each is loaded when first used.
NOT_AT_START_UP = (
    "babel",  # catalogues, CLDR names and numbers of the other languages
    "segno",  # QR codes, drawn when the contact section is first shown
    "leaflet_app.qr",
    "leaflet_app.export",  # PDF and printing
    "PySide6.QtPrintSupport",
    "leaflet_app.speech",  # read aloud
    "PySide6.QtMultimedia",
    "PySide6.QtTextToSpeech",
    "leaflet_app.kiosk",
    "leaflet_app.ui.side_by_side",
    "leaflet_app.warm",  # started only after the first paint
    "hashlib",  # the fonts are hashed only by the full font check (loading OpenSSL takes ~8 ms)
    "statistics",  # only when a font's letter heights are measured
    "leaflet_app.ui.language_picker",  # the pages shown in the leaflet's place: made when opened
    "leaflet_app.ui.display_panel",
    "leaflet_app.ui.shortcuts_page",
    "leaflet_app.ui.about_page",
    "importlib.resources",  # the data folder is found beside the package (paths.py)
)

SHOW_AND_LIST_MODULES = """
import json, sys
sys.argv = ["leaflet-app", "--screenshot", sys.argv[1]]
from leaflet_app.cli import main
code = main()
print(json.dumps({"code": code, "modules": sorted(sys.modules)}))
"""


def test_the_english_window_starts_without_these_modules(tmp_path: Path) -> None:
    png = tmp_path / "start.png"
    out = subprocess.run([sys.executable, "-c", SHOW_AND_LIST_MODULES, str(png)], cwd=ROOT,
                         capture_output=True, text=True, timeout=120, check=True)
    result = json.loads(out.stdout.strip().splitlines()[-1])
    assert result["code"] == 0 and png.stat().st_size > 0  # the window was really painted
    loaded = [m for m in result["modules"] if m.split(".")[0] in {"babel", "segno"} or m.startswith(NOT_AT_START_UP)]
    assert loaded == []
    assert "leaflet_app.ui.main_window" in result["modules"]


def test_the_garbage_collector_runs_again_once_the_window_has_painted(window, qtbot) -> None:
    """Start-up runs without the collector (``cli.main``); the first paint brings it back."""
    gc.disable()
    try:
        settle_memory_after_first_paint(window)
        assert not gc.isenabled()
        window.centralWidget().update()
        qtbot.waitUntil(gc.isenabled)
    finally:
        gc.enable()
        gc.unfreeze()  # settle_memory froze the test session's objects: let them be collected


def test_english_facts_kept_for_start_up_are_those_of_babel() -> None:
    assert SOURCE_INFO == cldr_language_info(SOURCE_LANGUAGE)
    for value in (0.0, 0.005, 0.125, 0.5, 0.875, 0.994, 0.995, 1.0, 1.25, 1.5, 2.0, 3.0, 12.345):
        assert format_percent(value, SOURCE_LANGUAGE) == babel_percent(value, locale=SOURCE_LANGUAGE)
    assert format_percent(0.5, "ar") == babel_percent(0.5, locale="ar")


def test_catalogues_are_read_on_a_worker_and_the_picker_reads_none(qtbot, leaflet) -> None:
    cached_catalogue.cache_clear()
    localizer.cache_clear()
    window = MainWindow(leaflet, LANGUAGES, None)
    qtbot.addWidget(window)
    on_gui = cached_catalogue.cache_info().misses
    warmer = CatalogueWarmer(LANGUAGES).start()
    assert warmer.thread is not threading.main_thread()
    assert warmer.wait(timeout=60)
    assert set(LANGUAGES) - {SOURCE_LANGUAGE} <= set(warmer.loaded)  # each read there
    read = cached_catalogue.cache_info().misses
    assert read - on_gui >= len(warmer.loaded)
    formatted = i18n._percent.cache_info().misses  # each a call into Babel and its CLDR data
    window.open_picker()
    assert cached_catalogue.cache_info().misses == read  # every status from what was read ahead
    assert len(window.picker.visible_codes()) == len(LANGUAGES)
    window.toggle_accessibility_mode()  # text size 200 %, shown in each language's own way
    window.set_language("ur")  # nor the first switch into a language
    window.set_language("pl")
    window.open_picker()
    assert cached_catalogue.cache_info().misses == read
    assert i18n._percent.cache_info().misses == formatted  # every figure formatted ahead too


PAGES = ("languagePicker", "displayPanel", "shortcutsPage", "aboutPage")


def test_pages_are_made_when_first_opened_in_the_current_language_and_display(window, qtbot) -> None:
    from PySide6.QtWidgets import QWidget

    from leaflet_app.display import Display

    assert [n for n in PAGES if window.findChild(QWidget, n) is not None] == []
    window.set_language("pl")
    window.set_display(Display(scale=1.5, scheme="white-on-black", spacing=True, readable_font=True))
    panel = window.display_panel  # made here, as the first Display settings makes it
    assert window.findChild(QWidget, "displayPanel") is panel
    assert panel.scheme_buttons["white-on-black"].isChecked()
    assert panel.spacing.isChecked() and panel.readable.isChecked()
    assert panel.size_label.text() == format_percent(1.5, "pl")
    assert panel.heading.text() == localizer("pl").gettext("Display settings")
    assert panel.font().family() == window.font().family()
    assert panel.font().pointSizeF() == window.font().pointSizeF()
    window.open_display_panel()
    assert window.pages.currentWidget() is panel and panel.isVisible()
    window.close_pages()
    window.open_picker()
    picker = window.findChild(QWidget, "languagePicker")
    assert picker is not None and window.pages.currentWidget() is picker
    assert picker.heading.text() == localizer("pl").gettext("Choose a language")
    assert picker.cancel.text() == localizer("pl").gettext("Cancel")
    window.close_pages()
    window.open_picker()  # made once, opened again
    assert window.findChildren(QWidget, "languagePicker") == [picker]
