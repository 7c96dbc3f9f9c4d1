"""Creating the application, its window, and the screenshot helper used by ``--screenshot``."""

from __future__ import annotations

import gc
import sys
from pathlib import Path

from PySide6.QtCore import QEvent, QLoggingCategory, QObject, QSize, Qt, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QWidget

from leaflet_app import APP_ID, APP_NAME, paths
from leaflet_app.catalogues import SOURCE_LANGUAGE, available_languages
from leaflet_app.content import Leaflet
from leaflet_app.files import replacing
from leaflet_app.font_check import warn_once_if_damaged
from leaflet_app.fonts import application_font, use_bundled_fonts_only
from leaflet_app.native import install_page_accessible
from leaflet_app.settings import APPLICATION, ORGANIZATION
from leaflet_app.ui.style import LeafletStyle

# The window's base text size (main_window.BASE_POINT_SIZE), until the window sets its own.
APPLICATION_POINT_SIZE = 11.0


_STYLE: LeafletStyle | None = None


def application(argv: list[str] | None = None) -> QApplication:
    """The QApplication (created if needed), set up once: names, Fusion style, the base font.

    Fusion draws everything from the palette, so a platform style cannot override our schemes.
    Only the bundled fonts exist for the process (set before Qt reads the font list).
    """
    QApplication.setApplicationName(APPLICATION)
    QApplication.setOrganizationName(ORGANIZATION)
    QApplication.setApplicationDisplayName(APP_NAME)
    QApplication.setDesktopFileName(APP_ID)  # Wayland compositors find the icon and name by it
    if QApplication.instance() is None:
        use_bundled_fonts_only()
        # Qt notes at info level every space beside Bengali or Gurmukhi letters set in Noto Sans,
        # which the app does on purpose (Latin's word space); QT_LOGGING_RULES still overrides.
        QLoggingCategory.setFilterRules("qt.text.font.db.info=false")
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv[:1])
    if not app.property("leafletConfigured"):
        app.setWindowIcon(QIcon(str(paths.icon_path())))
        global _STYLE
        _STYLE = LeafletStyle()  # held here too: its Python overrides must outlive any wrapper
        app.setStyle(_STYLE)  # Fusion, with plain scroll bars
        use_application_font(SOURCE_LANGUAGE)
        install_page_accessible()  # before any page is asked for: Qt keeps the first interface
        warn_once_if_damaged()
        app.setProperty("leafletConfigured", True)
    return app  # type: ignore[return-value]


def use_application_font(language: str, point_size: float = APPLICATION_POINT_SIZE, readable: bool = False) -> None:
    """The application font from the bundled fonts for ``language``: tooltips, menus, pop-ups and
    every widget without a font of its own. Set only when it changes (a change reaches every widget)."""
    font = application_font(language, point_size, readable)
    if QApplication.font() != font:
        QApplication.setFont(font)


def settle_memory() -> None:
    """After start-up: the objects made so far live as long as the app, so move them out of the
    garbage collector's sight; its pauses during a language switch or a toggle get shorter.
    The collector runs again from here if start-up switched it off (see ``cli.main``)."""
    gc.collect()
    gc.freeze()
    gc.enable()


def default_leaflet() -> Leaflet:
    from leaflet_app.leaflet_cache import load_cached

    return load_cached(paths.leaflets_dir() / paths.DEFAULT_LEAFLET)


def languages() -> list[str]:
    return available_languages()


class _FirstPaint(QObject):
    """Calls back once the watched widget has painted for the first time."""

    def __init__(self, widget: QWidget, callback) -> None:
        super().__init__(widget)
        self._callback = callback
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and self._callback is not None:
            callback, self._callback = self._callback, None
            QTimer.singleShot(0, callback)
        return False


def save_picture(widget: QWidget, path: Path) -> str | None:
    """Write ``widget`` as a PNG through a temporary file; the reason it failed, or None."""
    try:
        with replacing(path) as tmp:
            if not widget.grab().save(str(tmp), "PNG"):
                raise OSError("the picture could not be written (is the disk full?)")
    except OSError as exc:
        return f"cannot write {path}: {exc.strerror or exc}"
    return None


def save_screenshot_after_first_paint(window: QWidget, path: Path, size: QSize) -> None:
    """Show ``window`` at ``size``; after its first paint write it to ``path`` and quit.

    Problems are said on standard error: a size the window cannot take, a file not written.
    """

    def grab() -> None:
        QApplication.processEvents()  # settle any layout-direction flip before grabbing
        # A picture shows no pointer, so no control hovered (offscreen the pointer sits in a corner).
        for widget in window.findChildren(QWidget):
            if widget.testAttribute(Qt.WidgetAttribute.WA_UnderMouse):
                widget.setAttribute(Qt.WidgetAttribute.WA_UnderMouse, False)
                widget.update()
        QApplication.processEvents()
        actual = window.size()
        if actual != size:
            print(f"leaflet-app: the window cannot be {size.width()}x{size.height()} (its smallest size is "
                  f"{window.minimumWidth()}x{window.minimumHeight()}); the picture is "
                  f"{actual.width()}x{actual.height()}", file=sys.stderr)
        error = save_picture(window, path)
        if error:
            print(f"leaflet-app: {error}", file=sys.stderr)
        QApplication.instance().exit(1 if error else 0)  # type: ignore[union-attr]

    target = window.centralWidget() if hasattr(window, "centralWidget") else window
    _FirstPaint(target, grab)
    window.resize(size)
    window.show()


def settle_memory_after_first_paint(window: QWidget) -> None:
    """``settle_memory`` once ``window`` has painted: the collection is not on the way to it."""
    target = window.centralWidget() if hasattr(window, "centralWidget") else window
    _FirstPaint(target, settle_memory)


def warm_after_first_paint(window: QWidget, languages: list[str]):
    """Once ``window`` has painted, read every catalogue on a worker thread (see ``warm``), so
    the language picker and the first switch into a language find them ready, and make the Qt
    classes a first switch needs (``warm.make_classes_for_the_first_switch``). Then a main
    window draws each of its other scripts once, where nobody sees it (ui/script_warmer.py)."""
    from leaflet_app.warm import CatalogueWarmer, make_classes_for_the_first_switch

    warmer = CatalogueWarmer(languages, getattr(window, "leaflet", None))
    target = window.centralWidget() if hasattr(window, "centralWidget") else window
    scripts = None
    if hasattr(window, "fonts_for"):
        from leaflet_app.ui.script_warmer import ScriptWarmer

        scripts = ScriptWarmer(window, languages, ready=warmer.finished)  # type: ignore[arg-type]

    def after_first_paint() -> None:
        # The classes first, while no other thread runs: PySide makes them in Python code, which
        # would otherwise take turns with the warmer's imports.
        make_classes_for_the_first_switch()
        warmer.start()
        if scripts is not None:
            scripts.start()

    _FirstPaint(target, after_first_paint)
    return warmer
