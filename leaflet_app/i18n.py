"""The one translation facade: ``_``, ``N_``, ``ngettext``, ``pgettext``, the current language,
and a :class:`Localizer` for any language (``localizer(code)``).

Widgets never translate at import time. They mark constants with ``N_`` and set their text in a
``retranslate()`` method connected to ``translator().languageChanged``, which fires on every
change. Qt's own strings (standard buttons, text context menus) come from Qt's ``qtbase``
catalogue, installed alongside.
"""

from __future__ import annotations

import logging
from functools import cache
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QLocale, QObject, Qt, Signal

from leaflet_app.catalogues import (
    SOURCE_LANGUAGE,
    LanguageInfo,
    LoadedCatalogue,
    ReviewStatus,
    cached_catalogue,
    language_info,
)

if TYPE_CHECKING:
    from PySide6.QtCore import QTranslator

log = logging.getLogger(__name__)

# Qt ships no qtbase catalogue for these; the nearest one it has is better than English buttons.
QT_CATALOGUE_STAND_IN = {"pt_PT": "pt_BR"}


class Localizer:
    """Everything ``ui/`` needs to show text in one language: its gettext functions, its
    direction, its review status and its fonts. A broken catalogue gives English, left to
    right, with ``error`` set: direction and text are decided together, here only."""

    def __init__(self, catalogue: LoadedCatalogue) -> None:
        self.catalogue = catalogue
        self.code = catalogue.language
        self.info: LanguageInfo = language_info(self.code)
        self.error = catalogue.error
        self.problems = catalogue.problems
        self.status: ReviewStatus = catalogue.status
        translations = catalogue.translations
        self.gettext = translations.gettext
        self.ngettext = translations.ngettext
        self.pgettext = translations.pgettext

    @property
    def rtl(self) -> bool:
        return self.error is None and self.info.direction == "rtl"

    @property
    def direction_name(self) -> str:
        """``"rtl"`` or ``"ltr"``, for code that has no Qt (exports)."""
        return "rtl" if self.rtl else "ltr"

    @property
    def direction(self) -> Qt.LayoutDirection:
        return Qt.LayoutDirection.RightToLeft if self.rtl else Qt.LayoutDirection.LeftToRight

    @property
    def number_locale(self) -> str:
        """The locale for numbers and percentages: this language if CLDR knows it, else English
        (a catalogue for a code Babel does not know, e.g. ``qaa``, must not break formatting)."""
        return self.code if self.info.known else SOURCE_LANGUAGE

    @property
    def own_name(self) -> str:
        return self.info.own_name

    @property
    def english_name(self) -> str:
        return self.info.english_name

    def font(self, point_size: float, readable: bool = False):  # -> QFont
        from leaflet_app.fonts import font_for  # QtGui: only once something is drawn

        return font_for(self.code, point_size, readable)


@cache
def localizer(code: str) -> Localizer:
    """The localizer for ``code`` (its catalogue read once, on first use)."""
    return Localizer(cached_catalogue(code))


class Translator(QObject):
    """Holds the current catalogue and tells the widgets when it changes."""

    languageAboutToChange = Signal()  # e.g. to remember scroll positions before text reflows
    languageChanged = Signal(str)

    def __init__(self) -> None:
        super().__init__()
        self._current: Localizer = localizer(SOURCE_LANGUAGE)
        self._qt_translator: QTranslator | None = None

    @property
    def language(self) -> str:
        return self._current.code

    @property
    def current(self) -> Localizer:
        return self._current

    @property
    def catalogue(self) -> LoadedCatalogue:
        return self._current.catalogue

    @property
    def direction(self) -> Qt.LayoutDirection:
        return self._current.direction

    def set_language(self, code: str) -> None:
        """Switch every string to ``code``; a broken catalogue gives English and an ``error``."""
        if code == self._current.code:
            return
        self.languageAboutToChange.emit()
        self._current = localizer(code)
        self._install_qt_catalogue(code)
        QLocale.setDefault(QLocale(code))  # numbers, dates and Qt's own dialogs follow
        app = QCoreApplication.instance()
        if app is not None and hasattr(app, "setLayoutDirection"):
            app.setLayoutDirection(self.direction)
        self.languageChanged.emit(code)

    def _install_qt_catalogue(self, code: str) -> None:
        app = QCoreApplication.instance()
        if app is None:
            return
        if self._qt_translator is not None:
            QCoreApplication.removeTranslator(self._qt_translator)
            self._qt_translator = None  # no Qt parent: dropping the reference deletes it
        if code == SOURCE_LANGUAGE:
            return
        from PySide6.QtCore import QLibraryInfo, QTranslator  # English, the first page, needs neither

        qt_translator = QTranslator()
        folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        if qt_translator.load(QLocale(QT_CATALOGUE_STAND_IN.get(code, code)), "qtbase", "_", folder):
            QCoreApplication.installTranslator(qt_translator)
            self._qt_translator = qt_translator
        else:
            log.debug("Qt has no qtbase catalogue for %s; Qt's own buttons stay in English", code)

    # The gettext functions, bound to the current catalogue.
    def gettext(self, message: str) -> str:
        return self._current.gettext(message)

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        return self._current.ngettext(singular, plural, n)

    def pgettext(self, context: str, message: str) -> str:
        return self._current.pgettext(context, message)


_translator: Translator | None = None


def translator() -> Translator:
    global _translator
    if _translator is None:
        _translator = Translator()
    return _translator


def _(message: str) -> str:
    return translator().gettext(message)


def N_(message: str) -> str:
    """Mark a constant for extraction; it is translated with ``_`` when shown."""
    return message


def ngettext(singular: str, plural: str, n: int) -> str:
    return translator().ngettext(singular, plural, n)


def pgettext(context: str, message: str) -> str:
    return translator().pgettext(context, message)


def current_language() -> str:
    return translator().language


def format_percent(value: float, locale: str) -> str:
    """``value`` (0.87) as a percentage in ``locale``'s own way (CLDR, through Babel): "87 %", "٪87".

    English, the language the window starts in, is formatted here ("#,##0%" in CLDR, rounded half
    to even as Babel does; the tests compare the two), so start-up does not wait for Babel.
    Results are kept: the catalogue warmer formats every review status ahead of need."""
    return _percent(value, locale)  # one cache key however the arguments are passed


@cache
def _percent(value: float, locale: str) -> str:
    if locale == SOURCE_LANGUAGE:
        return f"{round(value * 100):,}%"
    from babel.numbers import format_percent as cldr_percent

    return cldr_percent(value, locale=locale)
