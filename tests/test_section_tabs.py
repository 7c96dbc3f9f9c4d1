"""The sections as tabs (keys, touch height) and the text following a screen reader's say-all."""

from __future__ import annotations

import pytest
from conftest import LANGUAGES
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible, QTextCursor
from PySide6.QtWidgets import QApplication

from leaflet_app.display import Display


def test_arrow_keys_home_and_end_move_between_the_tabs(window, qtbot) -> None:
    bar = window.view.sections.bar
    window.view.sections.setFocus()
    assert bar.hasFocus()
    qtbot.keyClick(bar, Qt.Key.Key_Down)
    assert window.view.current_section() == "law-and-guidance"
    qtbot.keyClick(bar, Qt.Key.Key_End)
    assert window.view.current_section() == window.leaflet.contact_section
    qtbot.keyClick(bar, Qt.Key.Key_Up)
    qtbot.keyClick(bar, Qt.Key.Key_Home)
    assert window.view.current_section() == window.view.section_ids()[0]
    qtbot.keyClick(bar, Qt.Key.Key_Up)  # nothing before the first
    assert window.view.current_section() == window.view.section_ids()[0]


def test_enter_on_a_tab_in_the_full_width_chooser_opens_it(window, qtbot) -> None:
    window.resize(700, 900)  # portrait: the bar, and "All sections" opens the tabs full width
    qtbot.waitUntil(window.view.all_sections_button.isVisible)
    qtbot.mouseClick(window.view.all_sections_button, Qt.MouseButton.LeftButton)
    bar = window.view.sections.bar
    assert window.view.sections.isVisible() and bar.hasFocus()
    qtbot.keyClick(bar, Qt.Key.Key_Down)
    qtbot.keyClick(bar, Qt.Key.Key_Return)
    assert not window.view.sections.isVisible() and window.view.current_page().isVisible()
    assert window.view.current_section() == "law-and-guidance"


def test_on_a_touch_screen_each_tab_is_a_finger_high(window) -> None:
    window.view.sections.setProperty("minimumRowHeight", 80)
    bar = window.view.sections.bar
    assert min(bar.tabRect(i).height() for i in range(bar.count())) >= 80


def test_the_text_follows_a_screen_readers_say_all(window, qtbot) -> None:
    window.resize(1000, 420)
    window.step_text_size(1)
    window.step_text_size(1)
    window.show_section("how-reviews-work")
    qtbot.wait(5)
    page = window.view.current_page()
    bar = page.verticalScrollBar()
    assert bar.value() == 0 and bar.maximum() > 0
    start = page.toPlainText().index("makes use of relevant research")
    QAccessible.queryAccessibleInterface(page).textInterface().scrollToSubstring(start, start + 20)
    cursor = QTextCursor(page.document())
    cursor.setPosition(start)
    assert bar.value() > 0 and page.viewport().rect().contains(page.cursorRect(cursor))


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_heading_in_the_side_list_fits_inside_its_row(window, qtbot, language: str) -> None:
    """The headings are painted where and as wide as the bar places them: none overflows its row
    (an Urdu heading wrapped one line more than its row was measured for, its last word cut)."""
    window.set_language(language)
    problems = []
    for width, height in ((1366, 768), (1280, 800), (1024, 600)):
        window.resize(width, height)
        QApplication.processEvents()
        bar = window.view.sections.bar
        if not bar.isVisible():
            continue
        for index in range(bar.count()):
            label, row, at = bar.placed(index)
            top, bottom = at.y(), at.y() + label.size.height()
            if top < row.top() or bottom > row.bottom() + 1 or at.x() + label.size.width() > row.right() + 1:
                problems.append(f"{language} {width}x{height} tab {index}: {top:.0f}..{bottom:.0f} in {row}")
    assert problems == []


def test_the_side_list_draws_its_headings_in_its_current_font(window, qtbot) -> None:
    """A larger text size (the texts unchanged) lays the headings out again in the new font."""
    window.resize(1366, 768)
    window.set_language("bn")
    bar = window.view.sections.bar
    QApplication.processEvents()
    before = bar.font().pointSizeF()
    window.set_display(Display(scale=1.25))
    QApplication.processEvents()
    assert bar.isVisible() and bar.font().pointSizeF() > before
    for index in range(bar.count()):
        label, _row, _at = bar.placed(index)
        assert label.layout.font().pointSizeF() == bar.font().pointSizeF(), index
