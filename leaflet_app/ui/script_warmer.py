"""Each script the window may switch into, drawn once ahead of need, where nobody sees it.

The first switch into a language whose script the window has not drawn yet (Nastaliq, Arabic,
Bengali, Gurmukhi) took 25-56 ms on a 2-core machine, against 10-14 ms for a warm switch: Qt
loads the font files and makes a font engine for each size, HarfBuzz its shaping data, the
raster engine each glyph's picture; the icons are drawn at that script's control size, and the
section's page is made and laid out. A practitioner's first switch comes long after the window
is up, so this is done before it.

Once the catalogues are read (``warm.CatalogueWarmer``), for one language of each script other
than the shown one: the icons at its control size; the toolbar's labels and the section titles
in its control font, drawn into an image that is thrown away; and the shown section's page in
that language, made, laid out and kept unseen (``LeafletView.prepare_page``), then drawn into the
image too. A switch into that language on that section then only shows the page. One small step
at a time on the GUI thread (Qt's font caches are per thread), with the event loop free between
steps, so a person's click or key is never kept waiting long.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QObject, QRectF, QTimer
from PySide6.QtGui import QFontInfo, QImage, QPainter

from leaflet_app.fonts import families_for
from leaflet_app.i18n import localizer, translator
from leaflet_app.ui import actions, icons
from leaflet_app.ui.shaped_text import shaped

if TYPE_CHECKING:
    from leaflet_app.i18n import Localizer
    from leaflet_app.ui.main_window import MainWindow

log = logging.getLogger(__name__)

STEP_GAP_MS = 40  # between steps: the event loop's own time
POLL_MS = 200  # while the catalogues are still being read


def languages_to_draw(languages: list[str], shown: str) -> list[str]:
    """One language for each script (its first font family) other than ``shown``'s."""
    seen = {families_for(shown)[0]}
    chosen = []
    for code in languages:
        family = families_for(code)[0]
        if family not in seen:
            seen.add(family)
            chosen.append(code)
    return chosen


class ScriptWarmer(QObject):
    """Draws ``languages_to_draw`` in ``window`` once ``ready()`` (the catalogues are in)."""

    def __init__(self, window: MainWindow, languages: list[str], ready: Callable[[], bool]) -> None:
        super().__init__(window)
        self.window = window
        self.languages = languages
        self.ready = ready
        self.drawn: list[str] = []  # languages whose every step has run (for tests)
        self._steps: Iterator[None] | None = None
        self._timer = QTimer(self, singleShot=True)
        self._timer.timeout.connect(self._next)

    def start(self) -> ScriptWarmer:
        self._timer.start(0)
        return self

    @property
    def done(self) -> bool:
        return self._steps is not None and not self._timer.isActive()

    def _next(self) -> None:
        if not shiboken6.isValid(self.window):
            return
        try:
            if self._steps is None:
                if not self.ready():
                    self._timer.start(POLL_MS)
                    return
                self._steps = self._all_steps()
            more = next(self._steps, StopIteration) is not StopIteration
        except Exception:  # noqa: BLE001 - ahead of need only: a switch does the same work itself
            log.exception("Drawing a script ahead of need failed; it is drawn when it is first shown")
            self._steps, more = iter(()), False
        if more:
            self._timer.start(STEP_GAP_MS)

    def _all_steps(self) -> Iterator[None]:
        for code in languages_to_draw(self.languages, translator().language):
            if code == translator().language:
                continue  # shown meanwhile: drawn for real
            lang = localizer(code)
            yield from self._draw(lang)
            self.drawn.append(code)

    def _draw(self, lang: Localizer) -> Iterator[None]:
        """Each step with the window's display as it is then (a person may change it meanwhile)."""
        window = self.window
        chrome = window.fonts_for(lang)[0]
        # The icons at the size _size_controls gives them in this language.
        icons.draw_ahead(round(QFontInfo(chrome).pixelSize() * 1.35), window.devicePixelRatioF())
        yield
        chrome = window.fonts_for(lang)[0]
        image = QImage(window.width(), window.height(), QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(0)
        painter = QPainter(image)
        labels = [lang.gettext(spec.label or spec.description) for spec in actions.TOOLBAR]
        headings = window.view.renderer.texts(lang.pgettext).headings.values()
        for label in [*labels, *headings]:
            shaped(label, chrome, direction=lang.direction).draw(painter, 0, 0)
        painter.end()
        yield
        page = window.view.prepare_page(lang, window.fonts_for(lang)[1])  # laid out, kept for the switch
        yield
        if page is not None and shiboken6.isValid(page):
            painter = QPainter(image)
            page.document().drawContents(painter, QRectF(0, 0, image.width(), image.height()))
            painter.end()
        yield
