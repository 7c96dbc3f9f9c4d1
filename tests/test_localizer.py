"""The localizer: text, direction and status for any language, not only the current one."""

from __future__ import annotations

from babel.support import NullTranslations
from PySide6.QtCore import Qt

from leaflet_app.catalogues import SOURCE_STATUS, LoadedCatalogue
from leaflet_app.i18n import Localizer, localizer, translator


def test_any_language_without_switching(leaflet):
    ur, pl = localizer("ur"), localizer("pl")
    assert translator().language == "en"  # nothing switched
    assert ur.rtl and ur.direction == Qt.LayoutDirection.RightToLeft and ur.direction_name == "rtl"
    assert not pl.rtl and pl.own_name == "Polski"
    title = leaflet.title
    assert ur.pgettext(title.context, title.text) not in ("", title.text)
    assert pl.pgettext(title.context, title.text) not in ("", title.text, ur.pgettext(title.context, title.text))
    assert pl.gettext("Keyboard shortcuts") != "Keyboard shortcuts"
    assert ur.gettext("Keyboard shortcuts") != pl.gettext("Keyboard shortcuts")


def test_current_language_is_a_localizer():
    translator().set_language("ar")
    assert translator().current is localizer("ar")
    assert translator().direction == Qt.LayoutDirection.RightToLeft


def test_broken_catalogue_is_english_left_to_right():
    broken = Localizer(LoadedCatalogue("ar", NullTranslations(), SOURCE_STATUS, error="bad file"))
    assert broken.error == "bad file"
    assert not broken.rtl and broken.direction == Qt.LayoutDirection.LeftToRight
    assert broken.gettext("Keyboard shortcuts") == "Keyboard shortcuts"
