"""Accessibility mode and display settings: contrast, 300 % reflow, keyboard, screen readers."""

from __future__ import annotations

import pytest
from conftest import LANGUAGES
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QAccessible, QFontMetrics, QGuiApplication, QPalette, QWheelEvent
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QStyle, QStyleOptionSlider
from uitools import block_at_top, scrolled_into_law_section

from leaflet_app.display import ACCESSIBLE, DEFAULT, Display
from leaflet_app.fonts import font_for
from leaflet_app.i18n import current_language
from leaflet_app.settings import open_settings
from leaflet_app.theme import contrast_ratio, schemes
from leaflet_app.ui.chrome import BASE_POINTS
from leaflet_app.ui.main_window import MainWindow

HIGH_CONTRAST = [name for name, s in schemes().items() if s.high_contrast]
R, G = QPalette.ColorRole, QPalette.ColorGroup
PALETTE_PAIRS = [
    (G.Active, R.WindowText, R.Window), (G.Active, R.Text, R.Base), (G.Active, R.Text, R.AlternateBase),
    (G.Active, R.ButtonText, R.Button), (G.Active, R.HighlightedText, R.Highlight), (G.Active, R.Link, R.Base),
    (G.Active, R.Link, R.Window), (G.Active, R.ToolTipText, R.ToolTipBase), (G.Active, R.PlaceholderText, R.Base),
    (G.Inactive, R.HighlightedText, R.Highlight), (G.Disabled, R.Text, R.Base),
    (G.Disabled, R.WindowText, R.Window), (G.Disabled, R.ButtonText, R.Button),
]


def test_there_are_three_high_contrast_schemes() -> None:
    assert sorted(HIGH_CONTRAST) == ["black-on-white", "white-on-black", "yellow-on-black"]


@pytest.mark.parametrize("scheme", HIGH_CONTRAST)
def test_every_pair_reaches_7_to_1_in_the_applied_palette(window, scheme: str) -> None:
    window.set_display(Display(scheme=scheme))
    palette = QApplication.palette()
    low = []
    for group, fg, bg in PALETTE_PAIRS:
        ratio = contrast_ratio(palette.color(group, fg), palette.color(group, bg))
        if ratio < 7:
            low.append(f"{group.name} {fg.name}/{bg.name}: {ratio:.2f}")
    banner = window.banner.palette()
    ratio = contrast_ratio(banner.color(R.WindowText), banner.color(R.Window))
    if ratio < 7:
        low.append(f"banner: {ratio:.2f}")
    assert low == []


@pytest.mark.parametrize("scheme", HIGH_CONTRAST)
def test_focus_ring_is_thick_and_stands_out(window, qtbot, scheme: str) -> None:
    window.set_display(Display(scheme=scheme))
    qtbot.mouseClick(window.view.current_page().viewport(), Qt.MouseButton.LeftButton)
    window.contact_button.setFocus()
    qtbot.wait(1)
    ring = window.focus_ring
    assert not ring.isVisible()  # focus that came with a click: no ring (like :focus-visible)
    qtbot.keyClick(window.contact_button, Qt.Key.Key_Shift)
    assert ring.isVisible() and ring.target() is window.contact_button
    # Measured in the painted window, across the ring's left side: at least 2 solid pixels.
    image = window.grab().toImage()
    y, left = ring.geometry().center().y(), ring.geometry().left()

    def ring_coloured(x: int) -> bool:
        c = image.pixelColor(x, y)
        return max(abs(c.red() - ring.color.red()), abs(c.green() - ring.color.green()),
                   abs(c.blue() - ring.color.blue())) <= 24

    assert sum(ring_coloured(x) for x in range(left, left + 12)) >= 2
    assert ring.geometry().contains(window.contact_button.geometry().translated(
        window.contact_button.mapTo(window, QPoint(0, 0)) - window.contact_button.pos()))
    palette = QApplication.palette()
    for around in (palette.color(R.Window), palette.color(R.Base), palette.color(R.Button)):
        assert contrast_ratio(ring.color, around) >= 3


def test_focus_ring_follows_keys_and_clicks_given_to_the_window(window, qtbot) -> None:
    """As a person's input arrives: at the window, which passes it on to the focused widget."""
    from PySide6.QtTest import QTest

    window.activateWindow()
    qtbot.waitUntil(lambda: QGuiApplication.focusWindow() is window.windowHandle())
    window.contact_button.setFocus()
    ring = window.focus_ring
    handle = window.windowHandle()
    QTest.keyClick(handle, Qt.Key.Key_Shift)
    assert ring.isVisible() and ring.target() is window.contact_button
    viewport = window.view.current_page().viewport()
    QTest.mouseClick(handle, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     viewport.mapTo(window, viewport.rect().center()))
    assert not ring.isVisible()
    QTest.keyClick(handle, Qt.Key.Key_Shift)
    assert ring.isVisible()


@pytest.mark.parametrize("scheme", sorted(schemes()))
def test_scroll_bar_thumb_stands_out_from_its_track(window, qtbot, scheme: str) -> None:
    """Read from the painted pixels: the thumb at 3:1 against the track (WCAG 1.4.11)."""
    window.set_display(Display(scheme=scheme))
    page, _ = scrolled_into_law_section(window, qtbot, 640, 480)
    bar = page.verticalScrollBar()
    assert bar.isVisible() and bar.maximum() > 0
    image = bar.grab().toImage()
    option = QStyleOptionSlider()
    bar.initStyleOption(option)
    thumb = bar.style().subControlRect(QStyle.ComplexControl.CC_ScrollBar, option,
                                       QStyle.SubControl.SC_ScrollBarSlider, bar)
    groove = bar.style().subControlRect(QStyle.ComplexControl.CC_ScrollBar, option,
                                        QStyle.SubControl.SC_ScrollBarGroove, bar)
    track_y = thumb.bottom() + 5 if groove.bottom() - thumb.bottom() > 10 else thumb.top() - 5
    thumb_color = image.pixelColor(thumb.center())
    track_color = image.pixelColor(QPoint(thumb.center().x(), track_y))
    assert contrast_ratio(thumb_color, track_color) >= 3, (thumb_color.name(), track_color.name())


@pytest.mark.parametrize("scheme", sorted(schemes()))
def test_radio_and_check_boxes_stand_out(window, qtbot, scheme: str) -> None:
    """Read from the painted pixels: each box is drawn in a colour at 3:1 against the window."""
    window.set_display(Display(scheme=scheme))
    window.open_display_panel()
    qtbot.wait(1)
    panel = window.display_panel
    background = QApplication.palette().color(R.Window)
    for button in (panel.scheme_buttons["standard"], panel.spacing):
        image = button.grab().toImage()
        # The box is at the start of the button, before the text: the first ink from the left.
        inked = [(x, y) for x in range(button.fontMetrics().height()) for y in range(image.height())
                 if contrast_ratio(image.pixelColor(x, y), background) >= 3]
        assert inked, button.objectName()
        rows = {y for _, y in inked}
        assert max(rows) - min(rows) >= button.fontMetrics().height() * 0.6  # most of a line tall


def test_standard_schemes_are_readable_too() -> None:
    for name in ("standard", "dark"):
        s = schemes()[name]
        assert contrast_ratio(s.color("text"), s.color("base")) >= 7
        assert contrast_ratio(s.color("window_text"), s.color("window")) >= 7
        assert contrast_ratio(s.color("link"), s.color("base")) >= 4.5


def _clipped_labels(window) -> list[str]:
    bad = []
    for label in window.findChildren(QLabel):
        if label.isVisible() and label.text() and label.wordWrap():
            if label.heightForWidth(label.width()) > label.height() + 1:
                bad.append(label.objectName())
    for button in window.findChildren(QAbstractButton):
        if button.isVisible() and button.text():
            if button.sizeHint().width() > button.width() + 1 or not window.rect().contains(
                button.mapTo(window, button.rect().bottomRight())
            ):
                bad.append(button.objectName())
    return bad


def _ink_beyond_width(page) -> list[str]:
    """Lines whose letters are drawn beyond the page's width (the document's own measure of its
    width counts, in Nastaliq, ink that is not drawn on the line; see SectionPage)."""
    doc, out = page.document(), []
    doc.size()
    block = doc.begin()
    while block.isValid():
        layout = block.layout()
        for i in range(layout.lineCount()):
            for run in layout.lineAt(i).glyphRuns():
                rect = run.boundingRect().translated(layout.position())
                if rect.left() < -1 or rect.right() > page.viewport().width() + 1:
                    out.append(block.text()[:30])
        block = block.next()
    return out


@pytest.mark.parametrize("language", ["en", "ur", "bn"])
def test_300_percent_reflows_and_every_section_stays_reachable(window, qtbot, language: str) -> None:
    window.resize(1280, 800)
    window.set_language(language)
    window.set_display(Display(scale=3.0, scheme="yellow-on-black", spacing=True))
    qtbot.wait(5)
    view = window.view
    assert _clipped_labels(window) == []
    sections = view.sections
    assert view.nav.isVisible() and not sections.isVisible()  # the list gives its room to the text
    for row, section_id in enumerate(view.section_ids()):
        qtbot.mouseClick(view.all_sections_button, Qt.MouseButton.LeftButton)
        qtbot.wait(1)  # layouts settle on the next turn of the event loop, as on screen
        assert sections.isVisible() and not view.current_page().isVisible()
        assert sections.width() > window.width() * 0.8  # the chooser has the full width
        item = sections.item(row)
        sections.scrollToItem(item)
        rect = sections.visualItemRect(item)
        assert sections.viewport().rect().contains(rect), section_id  # fully on screen when scrolled to
        needed = QFontMetrics(sections.font()).boundingRect(
            rect.adjusted(4, 0, -4, 0), int(Qt.TextFlag.TextWordWrap), item.text()).height()
        assert needed <= rect.height() + 2, f"{section_id}: label clipped"
        qtbot.mouseClick(sections.bar, Qt.MouseButton.LeftButton, pos=sections.bar.mapFrom(sections.viewport(), rect.center()))
        qtbot.wait(1)
        assert view.current_section() == section_id and view.current_page().isVisible() and not sections.isVisible()
        assert view.position.accessibleName().startswith(f"Section {row + 1} of") or language != "en"
        assert item.text() in view.all_sections_button.toolTip()
        page = view.current_page()
        assert page.horizontalScrollBar().maximum() == 0, "text must reflow, not scroll sideways"
        assert _ink_beyond_width(page) == [], "every line is drawn within the page's width"
        assert page.height() > window.height() / 3, "the text keeps a good part of the window"
    qtbot.mouseClick(view.previous_button, Qt.MouseButton.LeftButton)
    assert view.current_section() == view.section_ids()[-2]
    qtbot.mouseClick(view.next_button, Qt.MouseButton.LeftButton)
    assert view.current_section() == view.section_ids()[-1]
    big = QFontMetrics(view.current_page().font()).height()
    normal = QFontMetrics(font_for(language, BASE_POINTS)).height()
    # Three times the normal size; Nastaliq's tall lines give way just enough for three of them
    # to fit half the window (1280x800), and no further.
    assert big >= (2.0 if language == "ur" else 3 * 0.9) * normal


def test_toggle_keeps_section_scroll_and_language(window, qtbot) -> None:
    window.set_language("ur")
    _, top = scrolled_into_law_section(window, qtbot, 640, 480)
    before = window.display
    qtbot.mouseClick(window.accessibility_button, Qt.MouseButton.LeftButton)
    assert window.accessibility_mode and window.display == ACCESSIBLE
    assert window.accessibility_button.isChecked()
    assert window.view.current_section() == "law-and-guidance" and current_language() == "ur"
    qtbot.wait(5)
    # The same paragraph at the top: the title is never put back above a section.
    assert block_at_top(window.view.current_page()) == top
    qtbot.keyClick(window.view.current_page(), Qt.Key.Key_A,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert not window.accessibility_mode and window.display == before
    qtbot.wait(5)
    assert block_at_top(window.view.current_page()) == top and current_language() == "ur"


def test_text_size_keys_wheel_and_panel(window, qtbot) -> None:
    page = window.view.current_page()
    C = Qt.KeyboardModifier.ControlModifier
    qtbot.keyClick(page, Qt.Key.Key_Equal, C)
    assert window.display.scale == 1.25
    qtbot.keyClick(page, Qt.Key.Key_Plus, C)
    assert window.display.scale == 1.5
    qtbot.keyClick(page, Qt.Key.Key_Minus, C)
    assert window.display.scale == 1.25
    qtbot.keyClick(page, Qt.Key.Key_0, C)
    assert window.display.scale == 1.0
    wheel = QWheelEvent(QPointF(20, 20), QPointF(page.mapToGlobal(QPoint(20, 20))), QPoint(), QPoint(0, 120),
                        Qt.MouseButton.NoButton, C, Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(page.viewport(), wheel)
    assert window.display.scale == 1.25
    window.open_display_panel()
    panel = window.display_panel
    for _ in range(10):
        qtbot.mouseClick(panel.larger, Qt.MouseButton.LeftButton)
    assert window.display.scale == 3.0 and not panel.larger.isEnabled()
    assert "300" in panel.size_label.text()
    radio = panel.scheme_buttons["white-on-black"]
    qtbot.mouseClick(radio, Qt.MouseButton.LeftButton, pos=QPoint(radio.height() // 2, radio.height() // 2))
    assert window.display.scheme == "white-on-black"
    assert QApplication.palette().color(R.Window).name() == "#000000"
    panel.spacing.click()
    panel.readable.click()
    assert window.display.spacing and window.display.readable_font
    assert window.view.current_page().font().families()[0] == "Andika"
    qtbot.mouseClick(panel.reset, Qt.MouseButton.LeftButton)
    assert window.display == DEFAULT and not window.accessibility_mode


def test_text_spacing_meets_wcag_1_4_12(window, qtbot) -> None:
    window.set_display(DEFAULT._replace(spacing=True))
    page = window.view.current_page()
    block = page.document().firstBlock().next()
    fmt = block.blockFormat()
    assert fmt.lineHeight() == 150 and fmt.lineHeightType() == 1  # proportional, 1.5
    px = page.fontInfo().pixelSize()
    assert fmt.bottomMargin() >= 2 * px
    assert page.font().letterSpacing() >= 0.12 * px - 0.01
    assert page.font().wordSpacing() >= 0.16 * px - 0.01


INTERACTIVE = {
    QAccessible.Role.PushButton, QAccessible.Role.CheckBox, QAccessible.Role.RadioButton,
    QAccessible.Role.EditableText, QAccessible.Role.List, QAccessible.Role.ListItem, QAccessible.Role.ComboBox,
    QAccessible.Role.PageTab, QAccessible.Role.Slider, QAccessible.Role.SpinBox, QAccessible.Role.ButtonMenu,
}


def unnamed_interactive(root) -> list[str]:
    bad, stack = [], [QAccessible.queryAccessibleInterface(root)]
    while stack:
        node = stack.pop()
        if node is None or not node.isValid():
            continue
        state = node.state()
        if not state.invisible and (node.role() in INTERACTIVE or state.focusable):
            if not node.text(QAccessible.Text.Name).strip():
                bad.append(f"{node.role().name} {node.object().objectName() if node.object() else ''}")
        stack.extend(node.child(i) for i in range(node.childCount()))
    return bad


@pytest.mark.parametrize("scheme", ["auto", "standard", *HIGH_CONTRAST])
def test_accessibility_tree_has_no_unnamed_control(window, qtbot, scheme: str) -> None:
    window.set_display(Display(scheme=scheme, scale=2.0 if scheme in HIGH_CONTRAST else 1.0))
    for language in LANGUAGES:
        window.set_language(language)
        for open_page in (window.close_pages, window.open_picker, window.open_display_panel, window.open_shortcuts):
            open_page()
            assert unnamed_interactive(window) == [], (language, open_page.__name__)
    window.close_pages()


def test_section_list_and_text_have_sensible_roles(window) -> None:
    # The sections are the leaflet's tabs: a page-tab list, the shown one selected.
    sections = QAccessible.queryAccessibleInterface(window.view.sections.bar)
    assert sections.role() == QAccessible.Role.PageTabList
    tabs = [c for c in (sections.child(i) for i in range(sections.childCount())) if c.role() == QAccessible.Role.PageTab]
    assert len(tabs) == 6  # (the bar's hidden scroll buttons are its other children)
    assert tabs[1].text(QAccessible.Text.Name) == "The law and guidance"
    page = QAccessible.queryAccessibleInterface(window.view.current_page())
    assert page.role() in (QAccessible.Role.StaticText, QAccessible.Role.EditableText, QAccessible.Role.Document)
    assert page.text(QAccessible.Text.Name) == "What is a Serious Case Review (SCR)?"
    window.view.step_section(1)
    assert [tab.state().selected for tab in tabs] == [False, True, False, False, False, False]


def test_display_is_remembered_and_accessible_mode_restored(qtbot, leaflet) -> None:
    first = MainWindow(leaflet, LANGUAGES, open_settings())
    qtbot.addWidget(first)
    first.restore()
    first.toggle_accessibility_mode()
    first.step_text_size(1)
    first.close()
    second = MainWindow(leaflet, LANGUAGES, open_settings())
    qtbot.addWidget(second)
    second.restore()
    assert second.accessibility_mode and second.display.scale == 2.5 and second.display.scheme == "yellow-on-black"
    second.reset_display()
    third = MainWindow(leaflet, LANGUAGES, open_settings())
    qtbot.addWidget(third)
    third.restore()
    assert third.display == DEFAULT and not third.accessibility_mode


def test_follows_the_system_colour_scheme_until_a_choice_is_made(window, qtbot) -> None:
    hints = QGuiApplication.styleHints()
    hints.setColorScheme(Qt.ColorScheme.Dark)
    if hints.colorScheme() != Qt.ColorScheme.Dark:
        pytest.skip(f"the {QGuiApplication.platformName()} platform cannot change the colour scheme")
    try:
        qtbot.waitUntil(lambda: QApplication.palette().color(R.Window).name() == schemes()["dark"].colors["window"])
        window.set_display(Display(scheme="standard"))  # an explicit choice wins
        hints.setColorScheme(Qt.ColorScheme.Light)
        hints.setColorScheme(Qt.ColorScheme.Dark)
        qtbot.wait(5)
        assert QApplication.palette().color(R.Window).name() == schemes()["standard"].colors["window"]
    finally:
        hints.unsetColorScheme()
