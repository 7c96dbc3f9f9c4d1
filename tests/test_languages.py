"""Seventeen languages on the real window: nothing left in English, right-to-left, fonts, picker."""

from __future__ import annotations

import pytest
from conftest import LANGUAGES
from PySide6.QtCore import QCoreApplication, QLocale, Qt
from PySide6.QtGui import QAccessible, QFontDatabase, QTextLayout, QTextOption
from PySide6.QtWidgets import QApplication
from uitools import block_at_top, ink_columns, scrolled_into_law_section, visible_strings

from leaflet_app.catalogues import SOURCE_LANGUAGE, cached_catalogue, language_info, po_path, read_catalogue
from leaflet_app.contacts import LRI, PDI, strip_isolates
from leaflet_app.fonts import FAMILY_FILES, font_for
from leaflet_app.i18n import current_language
from leaflet_app.render import plain

TRANSLATED = [c for c in LANGUAGES if c != SOURCE_LANGUAGE]


def english_left_over(strings: dict[str, str], language: str) -> dict[str, str]:
    """Visible strings still equal to an English original that has a different translation."""
    catalog = read_catalogue(po_path(language))
    translated_away, kept = set(), set()
    for m in catalog:
        if m.id and m.string:
            msgid = m.id if isinstance(m.id, str) else m.id[0]
            text = m.string if isinstance(m.string, str) else m.string[0]
            if text != msgid:
                translated_away.add(plain(msgid))
            kept.update(plain(line) for line in text.split("\\\n"))  # e.g. the postal address
    found = {}
    for where, text in strings.items():
        for line in strip_isolates(text).splitlines():
            line = plain(line.strip())
            if line and line in translated_away and line not in kept:
                found[where] = line
    return found


@pytest.mark.parametrize("language", TRANSLATED)
def test_window_and_picker_have_nothing_left_in_english(window, qtbot, language: str) -> None:
    window.set_language(language)
    for section_id in window.view.section_ids():
        window.show_section(section_id)
        assert english_left_over(visible_strings(window), language) == {}
    banner = window.banner.english.text()  # the one deliberate English line, for the practitioner
    assert banner.startswith("Draft translation")
    for page in (window.open_picker, window.open_display_panel, window.open_shortcuts):
        page()
        strings = {k: v for k, v in visible_strings(window).items() if v != banner}
        assert english_left_over(strings, language) == {}, page.__name__
    window.close_pages()


@pytest.mark.parametrize("language", ["ar", "ur"])
def test_right_to_left_mirrors_everything_and_back(window, qtbot, language: str) -> None:
    assert language_info(language).direction == "rtl"  # from CLDR, not a list of ours
    window.set_language(language)
    qtbot.wait(1)
    view = window.view
    assert QApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert window.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert view.sections.geometry().x() > view.shelf.geometry().x()  # section list on the right
    first, last = window.language_button, window.shortcuts_button
    assert first.geometry().x() > last.geometry().x()  # toolbar starts at the right
    page = view.current_page()
    assert page.document().firstBlock().textDirection() == Qt.LayoutDirection.RightToLeft
    window.show_section("contact")
    text = view.current_page().toPlainText()
    for token in ("01604 364036", "nscb@northamptonshire.gcsx.gov.uk", "Northampton NN4 7YD"):
        assert f"{LRI}{token}{PDI}" in text  # isolated: bidi cannot reorder it
    window.set_language("en")
    qtbot.wait(1)  # layouts settle on the next turn of the event loop, as on screen
    assert QApplication.layoutDirection() == Qt.LayoutDirection.LeftToRight
    assert view.sections.geometry().x() < view.shelf.geometry().x()
    assert view.current_page().document().firstBlock().textDirection() == Qt.LayoutDirection.LeftToRight


def _all_strings(language: str, leaflet) -> list[str]:
    translations = cached_catalogue(language).translations
    strings = [plain(strip_isolates(m.string if isinstance(m.string, str) else " ".join(m.string)))
               for m in read_catalogue(po_path(language)) if m.id] if language != "en" else []
    strings += [language_info(language).own_name]
    strings += [plain(m.text) for m in leaflet.messages()] if language == "en" else []
    assert translations is not None
    return [s for s in strings if s.strip()]


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_string_has_every_glyph_in_the_bundled_fonts(qapp, leaflet, language: str) -> None:
    ours = set(FAMILY_FILES)
    font = font_for(language, 14)
    missing, foreign = [], set()
    for text in _all_strings(language, leaflet):
        layout = QTextLayout(text, font)
        layout.setTextOption(QTextOption())
        layout.beginLayout()
        while layout.createLine().isValid():
            pass
        layout.endLayout()
        for run in layout.glyphRuns():
            family = run.rawFont().familyName()
            if not family or 0 in run.glyphIndexes():
                missing.append(text[:40])
            elif family not in ours:
                foreign.add(family)
    assert missing == [], f"{language}: boxes in {missing[:3]}"
    assert foreign == set(), f"{language}: fell back to system fonts {foreign}"


def test_urdu_uses_nastaliq_and_arabic_naskh(qapp) -> None:
    assert font_for("ur", 12).families()[0] == "Noto Nastaliq Urdu"
    assert font_for("ar", 12).families()[0] == "Noto Naskh Arabic"
    assert "Noto Nastaliq Urdu" in QFontDatabase.families()


def test_review_banner_in_language_and_english(window) -> None:
    assert not window.banner.isVisible()
    window.set_language("pl")
    assert window.banner.isVisible()
    assert "0%" in window.banner.english.text() and "Draft translation" in window.banner.english.text()
    local = window.banner.message.text()
    assert local != window.banner.english.text() and "0" in local
    assert window.banner.accessibleName() == local
    window.set_language("en")
    assert not window.banner.isVisible()


def test_picker_lists_own_and_english_names_with_status(window, qtbot) -> None:
    qtbot.keyClick(window.view.current_page(), Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    picker = window.picker
    assert window.pages.currentWidget() is picker and QApplication.focusWidget() is picker.filter
    texts = {picker.list.item(i).data(Qt.ItemDataRole.UserRole): picker.list.item(i).text()
             for i in range(picker.list.count())}
    assert len(texts) == 17
    assert texts["ro"].startswith("Română\nRomanian · Draft translation, 0% checked")
    assert texts["el"].startswith("Ελληνικά\nGreek")
    assert texts["en"].startswith("English\nEnglish · Original text")


@pytest.mark.parametrize(
    ("typed", "expected"),
    [("rom", ["ro"]), ("romana", ["ro"]), ("ROMÂNĂ", ["ro"]), ("ur", ["ur"]), ("اردو", ["ur"]),
     ("beng", ["bn"]), ("bangla", ["bn"]), ("pol", ["pl"]), ("Ελλ", ["el"]), ("xyz", [])],
)
def test_picker_filters_on_either_name_or_code(window, qtbot, typed: str, expected: list[str]) -> None:
    window.open_picker()
    if typed.isascii():
        qtbot.keyClicks(window.picker.filter, typed)
    else:  # QTest cannot type outside ASCII; this is what an input method delivers
        window.picker.filter.insert(typed)
    assert window.picker.visible_codes() == expected


def test_picker_is_keyboard_operable_and_remembers_recent(window, qtbot) -> None:
    window.open_picker()
    picker = window.picker
    qtbot.keyClicks(picker.filter, "l")  # Latvian, Lithuanian, …
    first = picker.list.currentItem().data(Qt.ItemDataRole.UserRole)
    qtbot.keyClick(picker.filter, Qt.Key.Key_Down)
    second = picker.list.currentItem().data(Qt.ItemDataRole.UserRole)
    assert second != first
    qtbot.keyClick(picker.filter, Qt.Key.Key_Return)
    assert current_language() == second and window.pages.currentIndex() == 0
    window.open_picker()
    qtbot.keyClick(window.picker.filter, Qt.Key.Key_Escape)
    assert window.pages.currentIndex() == 0 and current_language() == second
    window.set_language("bn")
    window.open_picker()
    order = [picker.list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(3)]
    assert order[:2] == ["bn", second]
    assert "recently used" not in picker.list.item(0).text()  # shown in Bengali, not English
    picker.list.setFocus()
    qtbot.keyClicks(picker.list, "fr")  # typing in the list goes to the filter
    assert picker.filter.text() == "fr" and picker.visible_codes() == ["fr"]


def test_english_is_one_action_away_and_readable_without_the_language(window, qtbot) -> None:
    window.set_language("ur")
    assert window.english_button.isVisible() and window.english_button.text() == "English"
    qtbot.mouseClick(window.english_button, Qt.MouseButton.LeftButton)
    assert current_language() == "en"
    window.set_language("bn")
    qtbot.keyClick(window.view.current_page(), Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert current_language() == "en"


def test_switching_through_all_languages_keeps_section_and_scroll(window, qtbot) -> None:
    _, top = scrolled_into_law_section(window, qtbot, 640, 480)
    assert top > 0
    for code in LANGUAGES + ["en"]:
        window.set_language(code)
        assert window.view.current_section() == "law-and-guidance", code
        page = window.view.current_page()  # the page shown now, where it is really scrolled to
        shown, bar = block_at_top(page), page.verticalScrollBar()
        # The same paragraph at the top, or, where the language's text is shorter, as far as it goes.
        assert shown == top or (shown < top and bar.value() == bar.maximum()), (code, shown, top)


def test_qt_own_strings_follow_the_language(window) -> None:
    window.set_language("pl")
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Anuluj"
    assert QLocale().name().startswith("pl")
    window.set_language("ro")  # Qt ships no Romanian: its own strings stay English, no error
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Cancel"
    window.set_language("en")
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Cancel"


def test_screen_readers_get_translated_names_and_the_language(window) -> None:
    window.set_language("pl")
    page = QAccessible.queryAccessibleInterface(window.view.current_page())
    sections = QAccessible.queryAccessibleInterface(window.view.sections)
    assert sections.text(QAccessible.Text.Name) != "Sections of the leaflet"
    assert page.text(QAccessible.Text.Name) == window.view.sections.currentItem().text()
    locale = page.attributesInterface().attributeValue(QAccessible.Attribute.Locale)
    assert locale.name().startswith("pl")
    window.set_language("ur")
    locale = page.attributesInterface().attributeValue(QAccessible.Attribute.Locale)
    assert locale.name().startswith("ur")


@pytest.mark.parametrize("language", ["en", "ur"])
def test_picker_rows_start_on_the_reading_side(window, qtbot, language: str) -> None:
    window.set_language(language)
    window.open_picker()
    qtbot.wait(1)
    view = window.picker.list
    rect = view.visualRect(view.model().index(1, 0))  # a row that is not selected
    image = view.viewport().grab(rect).toImage()
    left, right = ink_columns(image, image.pixelColor(1, 1))
    if language == "ur":
        assert rect.width() - right < 20 and left > rect.width() / 3
    else:
        assert left < 20 and right < rect.width() * 2 / 3
