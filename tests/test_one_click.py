"""One click, one tap: choosing a language, the flip between English and the family's language."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from uitools import block_at_top

from leaflet_app.i18n import current_language
from leaflet_app.ui.language_picker import RECENT_ROLE

CODE = Qt.ItemDataRole.UserRole


def _row_of(picker, code: str, recent: bool | None = None) -> int:
    for i in range(picker.list.count()):
        item = picker.list.item(i)
        if item.data(CODE) == code and (recent is None or item.data(RECENT_ROLE) == recent):
            return i
    raise AssertionError(code)


def test_one_click_chooses_a_language(window, qtbot) -> None:
    qtbot.mouseClick(window.language_button, Qt.MouseButton.LeftButton)
    picker = window.picker
    assert window.pages.currentWidget() is picker
    item = picker.list.item(_row_of(picker, "ro"))
    picker.list.scrollToItem(item)
    qtbot.mouseClick(picker.list.viewport(), Qt.MouseButton.LeftButton,
                     pos=picker.list.visualItemRect(item).center())
    assert current_language() == "ro"
    assert window.pages.currentIndex() == 0  # back to the leaflet at once


def test_the_picker_opens_at_the_top_with_recent_languages_in_sight(window, qtbot) -> None:
    for code in ("pl", "ur", "en"):
        window.set_language(code)
    window.open_picker()
    picker = window.picker
    qtbot.wait(1)
    assert picker.list.verticalScrollBar().value() == 0
    top = [picker.list.item(i).data(CODE) for i in range(2)]
    assert top == ["ur", "pl"]  # most recent first
    for code in ("ur", "pl"):  # and each in its alphabetical place too
        assert _row_of(picker, code, recent=False) > 2
    first = picker.list.visualItemRect(picker.list.item(0))
    assert 0 <= first.top() and first.bottom() <= picker.list.viewport().height()


def test_a_search_with_no_match_says_so(window, qtbot) -> None:
    window.open_picker()
    picker = window.picker
    qtbot.keyClicks(picker.filter, "klingon")
    assert picker.visible_codes() == []
    assert picker.no_match.isVisible() and picker.no_match.text()
    picker.filter.clear()
    assert not picker.no_match.isVisible() and len(picker.visible_codes()) == len(window.languages)


def test_a_touch_screen_gets_no_empty_text_field(window, qtbot) -> None:
    picker = window.picker
    picker.touch = True
    window.open_picker()
    assert not picker.filter.isVisible()
    assert QApplication.focusWidget() is picker.list
    qtbot.keyClicks(picker.list, "p")  # a keyboard after all: the field appears with the letter
    assert picker.filter.isVisible() and picker.filter.text() == "p"


def test_one_key_flips_between_english_and_the_familys_language(window, qtbot) -> None:
    window.resize(640, 480)
    window.set_language("pl")
    window.show_section("law-and-guidance")
    page = window.view.current_page()
    page.scroll_to_block(2)
    qtbot.waitUntil(lambda: page.verticalScrollBar().value() > 0)
    flip = window.english_button
    assert flip.text() == "English" and flip.isEnabled()
    qtbot.keyClick(window.view.current_page(), Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert current_language() == "en" and flip.text() == "Polski"
    assert window.view.current_section() == "law-and-guidance" and block_at_top(window.view.current_page()) == 2
    qtbot.mouseClick(flip, Qt.MouseButton.LeftButton)
    assert current_language() == "pl" and block_at_top(window.view.current_page()) == 2


def test_the_toolbar_keeps_its_order_and_gives_an_english_hint(window, qtbot) -> None:
    names = [b.objectName() for b in window.toolbar_buttons]
    positions = lambda: [b.geometry().x() for b in window.toolbar_buttons]  # noqa: E731
    english_positions = positions()
    window.set_language("pl")
    qtbot.wait(1)
    assert [b.objectName() for b in window.toolbar_buttons] == names
    assert all(b.isVisible() for b in window.toolbar_buttons)  # nothing comes or goes
    assert positions()[0] == english_positions[0]
    tip = window.contact_button.toolTip()
    assert "Contact details" in tip and tip.splitlines()[0] != "Contact details (Ctrl+K)"


def test_the_f1_page_lists_exactly_the_keys_the_window_defines(window, qtbot) -> None:
    from PySide6.QtGui import QKeySequence

    from leaflet_app.ui.actions import WIDGET_KEYS, shortcut_rows

    defined = {s.toString() for a in window.actions() for s in a.shortcuts()}
    widget_keys = {k for _, keys in WIDGET_KEYS for k in keys}
    window.open_shortcuts()
    shown = window.shortcuts.text.toPlainText()
    for _description, keys in shortcut_rows(len(window.leaflet.sections)):
        for k in keys:
            native = QKeySequence(k).toString(QKeySequence.SequenceFormat.NativeText)
            assert native in shown, k
            assert k in widget_keys or QKeySequence(k).toString() in defined, f"{k} is listed but does nothing"


def test_read_aloud_is_a_toolbar_action_that_stops_on_a_change(window, qtbot) -> None:
    import sys

    assert "leaflet_app.speech.controller" not in sys.modules or window.reader is None
    qtbot.mouseClick(window.read_aloud_button, Qt.MouseButton.LeftButton)
    bar = window.read_bar
    assert bar is not None and bar.isVisible()
    reader = window.reader
    if reader.available:
        assert reader.state == "playing"
    else:  # no speakers on this machine: the bar says why, in words, never a silent button
        assert bar.reason.isVisible() and bar.reason.text()
    window.set_language("pl")
    assert reader.state == "stopped"


def test_side_by_side_is_a_toolbar_toggle_that_follows_the_language(window, qtbot) -> None:
    window.set_language("ur")
    qtbot.mouseClick(window.side_by_side_button, Qt.MouseButton.LeftButton)
    sbs = window.side_by_side
    assert sbs is not None and sbs.isVisible() and not window.view.shelf.isVisible()
    assert window.side_by_side_button.isChecked()
    assert sbs.languages() == ("en", "ur")
    window.show_section("contact")
    assert "01604 364036" in sbs.toPlainText()
    window.set_language("pl")
    assert sbs.languages() == ("en", "pl") and sbs.isVisible()
    qtbot.keyClick(sbs, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    assert not sbs.isVisible() and window.view.shelf.isVisible()


def test_a_kiosk_offers_no_save_or_print(qtbot, leaflet) -> None:
    from conftest import LANGUAGES

    from leaflet_app.kiosk.config import KioskConfig
    from leaflet_app.kiosk.controller import Kiosk
    from leaflet_app.ui.main_window import MainWindow

    w = MainWindow(leaflet, LANGUAGES, None)
    qtbot.addWidget(w)
    w.show()
    assert w.save_pdf_button.isVisible() and w.print_button.isVisible()
    k = Kiosk(w, KioskConfig(hide_cursor=False), LANGUAGES)
    assert not w.save_pdf_button.isVisible() and not w.print_button.isVisible()
    assert not w.actions_by_id["print"].isEnabled()
    k.locked = False


def test_larger_text_stays_under_the_pointer(window, qtbot) -> None:
    window.open_display_panel()
    larger = window.display_panel.larger
    qtbot.wait(1)
    before = larger.mapTo(window, larger.rect().center())
    for _ in range(3):
        qtbot.mouseClick(larger, Qt.MouseButton.LeftButton)
        qtbot.wait(1)
    after = larger.mapTo(window, larger.rect().center())
    assert window.display.scale == 1.75
    # Still under a pointer that has not moved (the button is at least this tall).
    assert abs(after.y() - before.y()) < larger.height() / 2 and abs(after.x() - before.x()) < larger.width() / 2


def test_the_about_page_is_in_the_toolbar_and_translated(window, qtbot) -> None:
    window.set_language("pl")
    window.actions_by_id["about"].trigger()
    assert window.pages.currentWidget() is window.about
    text = window.about.text.toPlainText()
    assert "0.1.0" in text or "LGPL" in text
    qtbot.keyClick(window.about.text, Qt.Key.Key_Escape)
    assert window.pages.currentIndex() == 0
