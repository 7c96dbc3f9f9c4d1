"""The main window driven as a practitioner would: sections, keys, language switching, links."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QGuiApplication, QTextCursor
from PySide6.QtWidgets import QApplication
from uitools import block_at_top, scrolled_into_law_section, visible_strings

from leaflet_app.contacts import strip_isolates
from leaflet_app.render import plain


def page_text(window) -> str:
    return strip_isolates(window.view.current_page().toPlainText())


def test_each_section_shows_its_own_text(window, qtbot, leaflet) -> None:
    sections = window.view.sections
    for row, section in enumerate(leaflet.sections):
        rect = sections.visualItemRect(sections.item(row))
        qtbot.mouseClick(sections.bar, Qt.MouseButton.LeftButton, pos=sections.bar.mapFrom(sections.viewport(), rect.center()))
        assert window.view.current_section() == section.id
        text = page_text(window)
        page = window.view.current_page()
        # The heading first; the first section has the leaflet's title above it, like the
        # front of the printed leaflet.
        assert text.splitlines()[page.title_blocks * 2 if page.title_blocks else 0] == section.heading.text
        assert (page.title_blocks == 1) == (row == 0)
        first_body = next(m for m in section.messages[1:] if m.translatable)
        assert plain(first_body.text).split("[")[0][:40] in text


def test_keyboard_moves_between_sections(window, qtbot, leaflet) -> None:
    ids = leaflet.section_ids()
    focus = window.view.current_page()
    assert QApplication.focusWidget() is focus  # the text takes focus, ready to scroll
    qtbot.keyClick(focus, Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)
    assert window.view.current_section() == ids[1]
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    assert window.view.current_section() == ids[2]
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_PageUp, Qt.KeyboardModifier.ControlModifier)
    assert window.view.current_section() == ids[1]
    qtbot.keyClick(
        QApplication.focusWidget(), Qt.Key.Key_Backtab,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert window.view.current_section() == ids[0]
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Backtab,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert window.view.current_section() == ids[0]  # nothing before the first (Previous is disabled there)
    assert not window.view.previous_button.isEnabled()
    for n in range(1, len(ids) + 1):
        qtbot.keyClick(QApplication.focusWidget(), getattr(Qt.Key, f"Key_{n}"), Qt.KeyboardModifier.AltModifier)
        assert window.view.current_section() == ids[n - 1]
        assert QApplication.focusWidget() is window.view.current_page()


def test_contact_is_one_action_away_from_every_section(window, qtbot, leaflet) -> None:
    for section_id in leaflet.section_ids():
        window.show_section(section_id)
        qtbot.mouseClick(window.contact_button, Qt.MouseButton.LeftButton)
        assert window.view.current_section() == "contact"
        window.show_section(section_id)
        qtbot.keyClick(QApplication.focusWidget() or window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
        assert window.view.current_section() == "contact"
    assert "01604 364036" in page_text(window)


def test_text_scrolls_with_the_keys(window, qtbot) -> None:
    window.resize(700, 500)
    window.show_section("law-and-guidance")
    qtbot.wait(10)
    page = window.view.current_page()
    page.setFocus()
    bar = page.verticalScrollBar()
    assert bar.maximum() > 0
    qtbot.keyClick(page, Qt.Key.Key_PageDown)
    assert bar.value() > 0


def test_switching_language_changes_every_visible_string(window, qtbot) -> None:
    english = visible_strings(window)
    window.set_language("pl")
    polish = visible_strings(window)
    unchanged = {k: v for k, v in english.items() if polish.get(k) == v}
    # "English" is the way back and stays in English on purpose.
    assert unchanged == {"ActionButton:flipLanguageButton": "English"} or unchanged == {}
    assert "Kontakt" in polish.values()
    window.set_language("en")
    back = visible_strings(window)
    # The flip button now offers the family's language back, in its own name.
    assert back.pop("ActionButton:flipLanguageButton") == "Polski"
    english.pop("ActionButton:flipLanguageButton")
    assert back == english


def test_switching_keeps_section_and_scroll_position(window, qtbot) -> None:
    page, top_before = scrolled_into_law_section(window, qtbot, 640, 480)
    assert page.verticalScrollBar().value() > 0 and top_before > 0
    for code in ("pl", "ur", "en"):
        window.set_language(code)
        page = window.view.current_page()
        assert window.view.current_section() == "law-and-guidance"
        assert block_at_top(page) == top_before, code
        assert page.verticalScrollBar().value() > 0


def test_links_never_open_a_browser_and_copy_the_address(window, qtbot) -> None:
    window.show_section("contact")
    page = window.view.current_page()
    assert not page.openLinks() and not page.openExternalLinks()
    found = page.document().find("nscb@northamptonshire")
    assert not found.isNull()
    cursor = QTextCursor(found)
    cursor.setPosition(found.selectionStart() + 2)
    point: QPoint = page.cursorRect(cursor).center()
    with qtbot.waitSignal(window.view.linkActivated) as signal:
        qtbot.mouseClick(page.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert signal.args == ["nscb@northamptonshire.gcsx.gov.uk"]
    assert QGuiApplication.clipboard().text() == "nscb@northamptonshire.gcsx.gov.uk"
    assert window.notice.isVisible() and "nscb@northamptonshire.gcsx.gov.uk" in window.notice.text()


def test_window_has_sensible_sizes(window) -> None:
    assert window.minimumWidth() >= 600 and window.minimumHeight() >= 400
    assert window.windowTitle().startswith("Serious Case Review Information Leaflet")
    window.show_section(window.view.section_ids()[0])
    lines = page_text(window).splitlines()
    assert lines[:2] == ["Serious Case Review Information Leaflet", "Northamptonshire Safeguarding Children Board"]


def test_each_section_reopens_where_the_reader_left_it(window, qtbot) -> None:
    _, top_before = scrolled_into_law_section(window, qtbot, 640, 480)
    assert top_before > 0
    window.show_section("contact")
    assert window.view.current_page().verticalScrollBar().value() == 0  # opens at its start
    window.set_language("ur")  # changed while the long section is not shown
    window.show_section("law-and-guidance")
    qtbot.wait(1)
    assert block_at_top(window.view.current_page()) == top_before
    window.toggle_accessibility_mode()  # large text, the section bar in place of the list
    qtbot.wait(1)
    assert block_at_top(window.view.current_page()) == top_before
    window.set_language("en")
    window.toggle_accessibility_mode()  # back to kept pages: each still opens at the right place
    window.show_section("contact")
    window.show_section("law-and-guidance")
    qtbot.wait(1)
    assert block_at_top(window.view.current_page()) == top_before
