"""The one translation facade: ``_``, ``N_``, ``ngettext``, ``pgettext`` and the current language.

Widgets never translate at import time. They mark constants with ``N_`` and set their text in a
``retranslate()`` method connected to ``translator().languageChanged``, which fires on every
change. Qt's own strings (standard buttons, text context menus) come from Qt's ``qtbase``
catalogue, installed alongside.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QObject, Qt, QTranslator, Signal

from leaflet_app.catalogues import (
    SOURCE_LANGUAGE,
    LoadedCatalogue,
    cached_catalogue,
    language_info,
)

log = logging.getLogger(__name__)


class Translator(QObject):
    """Holds the current catalogue and tells the widgets when it changes."""

    languageAboutToChange = Signal()  # e.g. to remember scroll positions before text reflows
    languageChanged = Signal(str)

    def __init__(self) -> None:
        super().__init__()
        self._catalogue: LoadedCatalogue = cached_catalogue(SOURCE_LANGUAGE)
        self._qt_translator: QTranslator | None = None

    @property
    def language(self) -> str:
        return self._catalogue.language

    @property
    def catalogue(self) -> LoadedCatalogue:
        return self._catalogue

    @property
    def direction(self) -> Qt.LayoutDirection:
        if self._catalogue.error is None and language_info(self.language).direction == "rtl":
            return Qt.LayoutDirection.RightToLeft
        return Qt.LayoutDirection.LeftToRight

    def set_language(self, code: str) -> None:
        """Switch every string to ``code``; a broken catalogue gives English and an ``error``."""
        if code == self._catalogue.language:
            return
        self.languageAboutToChange.emit()
        self._catalogue = cached_catalogue(code)
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
            self._qt_translator = None
        if code == SOURCE_LANGUAGE:
            return
        qt_translator = QTranslator(self)
        folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        if qt_translator.load(QLocale(code), "qtbase", "_", folder):
            QCoreApplication.installTranslator(qt_translator)
            self._qt_translator = qt_translator
        else:
            log.debug("Qt has no qtbase catalogue for %s; Qt's own buttons stay in English", code)

    # The gettext functions, bound to the current catalogue.
    def gettext(self, message: str) -> str:
        return self._catalogue.translations.gettext(message)

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        return self._catalogue.translations.ngettext(singular, plural, n)

    def pgettext(self, context: str, message: str) -> str:
        return self._catalogue.translations.pgettext(context, message)


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
