"""Reading every catalogue ahead of need, on a worker thread, once the window is up.

The language picker shows each language's review status, which needs its catalogue: read on the
GUI thread when the picker first opened, the 16 ``.po`` files took ~440 ms (27 frames) on a
2-core machine, the first tap of a kiosk's first visitor. Read here instead, after the first
paint, the picker opens from what is kept (``i18n.localizer`` caches each language), and the
first switch into a language no longer parses its catalogue either.

The leaflet's Markdown is parsed here too when the leaflet came from the cache (leaflet_cache.py),
so the first switch into another language renders at once.

Babel's parsing is pure Python, so the worker shares the interpreter lock with the GUI thread;
Python hands the lock over every few milliseconds (``sys.getswitchinterval``), well inside a frame.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Sequence

from leaflet_app.catalogues import cached_catalogue
from leaflet_app.content import Leaflet
from leaflet_app.display import SCALES
from leaflet_app.i18n import format_percent, localizer

log = logging.getLogger(__name__)


class CatalogueWarmer:
    """Loads ``localizer(code)`` for each language on a daemon thread; ``loaded`` lists the
    catalogues it read itself (one already kept costs nothing)."""

    def __init__(self, languages: Sequence[str], leaflet: Leaflet | None = None) -> None:
        self.languages = list(languages)
        self.leaflet = leaflet
        self.loaded: list[str] = []
        self.thread = threading.Thread(target=self._run, name="catalogue-warmer", daemon=True)

    def start(self) -> CatalogueWarmer:
        self.thread.start()
        return self

    def finished(self) -> bool:
        """Whether the thread has run and ended (without waiting)."""
        return self.thread.ident is not None and not self.thread.is_alive()

    def wait(self, timeout: float | None = None) -> bool:
        """Whether every catalogue is in (for tests and benchmarks; the app never waits)."""
        self.thread.join(timeout)
        return not self.thread.is_alive()

    def _run(self) -> None:
        if self.leaflet is not None:
            try:
                for section in self.leaflet.sections:
                    section.tokens  # noqa: B018 - parses the Markdown if the leaflet came from the cache
                import leaflet_app.html_renderer  # noqa: F401 - markdown-it's renderer, for the first switch
            except Exception:  # noqa: BLE001 - ahead of need only: the page parses it again and reports
                log.exception("Parsing the leaflet ahead of need failed")
        for code in self.languages:
            try:
                before = cached_catalogue.cache_info().misses
                localizer(code)  # reads the catalogue; a broken one gives English + a warning
                if cached_catalogue.cache_info().misses > before:
                    self.loaded.append(code)
            except Exception:  # noqa: BLE001 - ahead of need only: the picker reads it again and reports
                log.exception("Reading the %s catalogue ahead of need failed", code)
            finally:
                let_go_of_cldr_data()
        # Every review status and text size in every language's own way ("87 %", "٪87"), as the
        # picker, the banner and the display settings show them: format_percent keeps them.
        fractions = {localizer(code).status.fraction_checked for code in self.languages} | set(SCALES)
        for code in self.languages:
            try:
                locale = localizer(code).number_locale
                for fraction in fractions:
                    format_percent(fraction, locale)
            except Exception:  # noqa: BLE001 - ahead of need only
                log.exception("Formatting the %s review statuses ahead of need failed", code)
            finally:
                let_go_of_cldr_data()


def make_classes_for_the_first_switch() -> None:
    """PySide makes a Qt class's Python type, with all its enum types, the first time the class
    is used. The first switch into another language needs some that the first paint does not:
    the screen-reader announcement of the draft warning (``QAccessible``: about 4 ms) and Qt's
    own translations; the text of a right-to-left language, which needs a scroll bar at the first
    section, the painter's fills (``QGradient``: 1.5 ms) and the style's options for it. They are
    made here, on the GUI thread once the window has painted, so that the first switch does not
    wait for them. (Making Python types on another thread is not safe.)"""
    from PySide6.QtCore import QLibraryInfo, QTranslator  # noqa: F401
    from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent, QGradient  # noqa: F401
    from PySide6.QtWidgets import QStyleOptionSpinBox, QStyleOptionTitleBar  # noqa: F401


def let_go_of_cldr_data() -> None:
    """Babel keeps each language's CLDR data it has read (over 1 MiB a language) for the life
    of the process; what is needed of it is kept, as names, directions and formatted figures."""
    from babel import localedata

    clear = getattr(localedata, "clear_caches", None)  # not in older Babel releases
    if clear is not None:
        clear()
