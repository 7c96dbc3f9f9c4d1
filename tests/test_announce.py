"""What screen readers are told without a focus change (announcements). The same events are
checked on the real AT-SPI bus in test_screen_reader.py."""

from __future__ import annotations

from PySide6.QtCore import Qt

from leaflet_app.i18n import localizer
from leaflet_app.ui import announce


def said(action) -> list[str]:
    announce.recent.clear()
    action()
    return list(announce.recent)


def test_choosing_a_draft_translation_announces_the_warning_in_both_languages(window) -> None:
    spoken = said(lambda: window.set_language("pl"))
    percent = window.banner.message.text()
    assert spoken == [f"{percent}. {window.banner.english.text()}"]
    assert "Draft translation" in spoken[0] and percent.startswith(localizer("pl").gettext("Draft translation, {percent} checked")[:10])
    assert said(lambda: window.set_language("en")) == []  # the original: nothing to warn about


def test_previous_next_and_alt_n_announce_the_section(window, qtbot) -> None:
    window.resize(700, 900)  # portrait: the bar with Previous / Next
    qtbot.waitUntil(lambda: window.view.next_button.isVisible())
    spoken = said(lambda: qtbot.mouseClick(window.view.next_button, Qt.MouseButton.LeftButton))
    assert spoken == ["The law and guidance. Section 2 of 6"]
    assert said(lambda: window.section_actions[5].trigger()) == ["Contact Us. Section 6 of 6"]
    assert said(lambda: qtbot.mouseClick(window.view.previous_button, Qt.MouseButton.LeftButton)) == [
        "National Learning from SCRs. Section 5 of 6"]


def test_the_picker_announces_the_highlighted_language(window, qtbot) -> None:
    window.open_picker()
    qtbot.waitUntil(window.picker.isVisible)
    window.picker.filter.setFocus()
    qtbot.keyClicks(window.picker.filter, "pol")
    window.picker.filter.clear()
    spoken = said(lambda: qtbot.keyClick(window.picker.filter, Qt.Key.Key_Down))
    assert len(spoken) == 1 and " · " in spoken[0] and "\n" not in spoken[0]
    assert window.hasFocus() or window.picker.filter.hasFocus()


def test_a_copied_contact_detail_is_announced_without_isolates(window) -> None:
    window.set_language("ur")
    spoken = said(lambda: window._on_link("01604 364036"))
    assert len(spoken) == 1 and spoken[0].endswith("01604 364036")
    assert "\u2066" not in spoken[0] and "\u2069" not in spoken[0]


def test_the_english_parts_carry_the_english_locale(window) -> None:
    window.set_language("pl")
    assert window.view.current_page().locale().name().startswith("pl")
    assert window.english_button.locale().name().startswith("en")  # "English"
    assert window.banner.english.locale().name().startswith("en")  # the banner's English line
    window.set_language("en")
    assert window.english_button.locale().name().startswith("pl")  # now "Polski"


def test_tab_onto_a_contact_link_announces_it(window, qtbot) -> None:
    window.show_contact()
    page = window.view.current_page()
    page.setFocus()
    announce.recent.clear()
    qtbot.keyClick(page, Qt.Key.Key_Tab)
    assert page.hasFocus()
    assert list(announce.recent) == ["Link: 01604 364036"]


def test_opening_the_picker_announces_the_highlighted_language(window, qtbot) -> None:
    window.set_language("pl")
    spoken = said(window.open_picker)
    assert len(spoken) == 1 and spoken[0].startswith("Polski. Polish")
