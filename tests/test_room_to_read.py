"""Room to read: at every window size, in every language and display, the text keeps most of the
window; contact details are on screen as soon as Contact Us opens; controls stay legible."""

from __future__ import annotations

import re

import pytest
from conftest import LANGUAGES
from PySide6.QtCore import QRegularExpression, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPalette, QTextCursor, QTextLayout
from PySide6.QtWidgets import QApplication
from test_accessibility import _clipped_labels
from uitools import block_at_top

from leaflet_app.contact_card import contact_card
from leaflet_app.display import Display
from leaflet_app.theme import CONTROL_PAIRS, contrast_ratio, schemes
from leaflet_app.ui.chrome import TOUCH_PX

SIZES = [(1024, 600), (1280, 800), (1366, 768), (1920, 1080), (800, 1280), (1080, 1920)]
MODES = ("normal", "accessible", "300")


def _set_mode(window, mode: str) -> None:
    if mode == "accessible":
        window.start_accessible()
    elif mode == "300":
        window.set_display(Display(scale=3.0))


def _line_pitch(page) -> float:
    """The height one line of body text really takes on the page (a paragraph's height over its
    lines, as laid out, line height and spacing included)."""
    doc = page.document()
    doc.size()
    block = doc.findBlockByNumber(1)
    lines = max(1, block.layout().lineCount())
    return doc.documentLayout().blockBoundingRect(block).height() / lines


def _settle(qtbot) -> None:
    QApplication.processEvents()
    qtbot.wait(1)


@pytest.mark.slow
@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("language", LANGUAGES)
def test_the_text_keeps_half_the_window_at_every_size(window, qtbot, language: str, mode: str) -> None:
    window.set_language(language)
    _set_mode(window, mode)
    window.show_section("law-and-guidance")  # the longest section: it must be able to scroll
    problems = []
    for width, height in SIZES:
        window.resize(width, height)
        _settle(qtbot)
        page = window.view.current_page()
        where = f"{language} {mode} {width}x{height}"
        area = page.viewport().height() if page.isVisible() else 0
        line = _line_pitch(page)
        if area < height / 2:
            problems.append(f"{where}: reading area {area}px of {height}")
        if area < 3 * line:
            problems.append(f"{where}: fewer than three lines ({area}px, line {line:.0f}px)")
        if page.horizontalScrollBar().maximum() != 0:
            problems.append(f"{where}: the text scrolls sideways")
        clipped = _clipped_labels(window)
        if clipped:
            problems.append(f"{where}: clipped {clipped}")
        tops = {b.geometry().top() for b in window.toolbar_buttons if b.isVisible()}
        if len(tops) != 1:
            problems.append(f"{where}: toolbar not one row")
    assert problems == []


@pytest.mark.parametrize("accessible", [False, True])
@pytest.mark.parametrize("language", LANGUAGES)
def test_contact_us_shows_the_details_without_scrolling(window, qtbot, leaflet, language: str,
                                                        accessible: bool) -> None:
    card = contact_card(leaflet)
    assert card.phone == "01604 364036" and card.email == "nscb@northamptonshire.gcsx.gov.uk"
    window.resize(1280, 800)
    window.set_language(language)
    if accessible:
        window.start_accessible()
    window.show_section("what-is-an-scr")
    qtbot.mouseClick(window.contact_button, Qt.MouseButton.LeftButton)
    _settle(qtbot)
    page = window.view.current_page()
    view_rect = page.viewport().rect()
    for detail in (card.phone, card.email, card.address[-1]):
        # As shown: a space may be a no-break space, and a break opportunity may follow any letter.
        shown = "\u200b?".join("[ \u00a0]" if ch == " " else re.escape(ch) for ch in detail)
        found = page.document().find(QRegularExpression(shown))
        assert not found.isNull(), detail
        start, end = QTextCursor(found), QTextCursor(found)
        start.setPosition(found.selectionStart())
        end.setPosition(found.selectionEnd())
        for cursor in (start, end):
            assert view_rect.contains(page.cursorRect(cursor)), f"{language}: {detail} is off screen"
    # The section's own heading is the first thing on the page, not the leaflet's title.
    first = page.document().firstBlock().text().replace("\u00a0", " ").strip()
    assert first == window.view.sections.currentItem().text().strip()


@pytest.mark.parametrize("language", ["ur", "en", "bn"])
def test_a_section_change_shows_the_heading_whole_and_no_cut_line_above(window, qtbot, language: str) -> None:
    """Opening a section (Alt+n, the list, the command line) shows its heading whole at the top;
    the first section shows the leaflet's title above it when both fit, never half of it."""
    window.set_language(language)
    for (width, height), accessible in (((1024, 600), False), ((1024, 600), True), ((1366, 768), False),
                                        ((1080, 1920), False)):
        window.resize(width, height)
        if accessible != window.accessibility_mode:
            window.toggle_accessibility_mode()
        seen = []
        for section_id in [*window.view.section_ids(), window.view.section_ids()[0]]:
            window.show_section(section_id)
            _settle(qtbot)
            page = window.view.current_page()
            where = f"{language} {width}x{height} {section_id}"
            layout, y = page.document().documentLayout(), page.verticalScrollBar().value()
            heading = layout.blockBoundingRect(page.document().findBlockByNumber(page.title_blocks))
            assert y <= heading.top() and heading.bottom() <= y + page.viewport().height(), where
            top = page.document().findBlockByNumber(block_at_top(page))
            assert abs(layout.blockBoundingRect(top).top() - y) <= 1 or y == 0, f"{where}: a cut line at the top"
            if page.title_blocks and heading.bottom() <= page.viewport().height():
                assert y == 0, f"{where}: the title is hidden though it fits"
            seen.append(page.document().toPlainText()[:80])
        assert len(set(seen)) == len(window.view.section_ids())  # "next section" visibly changes the text


@pytest.mark.parametrize("scheme", sorted(schemes()))
def test_control_outlines_stand_out(window, qtbot, scheme: str) -> None:
    """WCAG 1.4.11: button outlines at least 3:1 against the window, read from the pixels."""
    pairs = schemes()[scheme].colors
    for fore, back in CONTROL_PAIRS:
        assert contrast_ratio(QColor(pairs[fore]), QColor(pairs[back])) >= 3, (scheme, fore, back)
    window.set_display(Display(scheme=scheme))
    _settle(qtbot)
    button = window.contact_button
    image = button.grab().toImage()
    window_color = QApplication.palette().color(QPalette.ColorRole.Window)
    edge = [image.pixelColor(image.width() // 2, y) for y in range(3)]  # the top edge, 3 px deep
    outline = max(edge, key=lambda c: contrast_ratio(c, window_color))
    assert contrast_ratio(outline, window_color) >= 3, (scheme, outline.name(), window_color.name())


def test_the_accessibility_toggle_shows_its_state(window, qtbot) -> None:
    button = window.accessibility_button
    before = button.grab().toImage().pixelColor(button.width() // 2, button.height() // 2 + 1)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    _settle(qtbot)
    assert button.isChecked()
    face = button.grab().toImage().pixelColor(3, button.height() // 2)
    assert face == QApplication.palette().color(QPalette.ColorRole.Highlight)  # filled when on
    assert before != face


def test_previous_and_next_are_disabled_at_the_ends(window, qtbot) -> None:
    window.start_accessible()
    view = window.view
    window.show_section(view.section_ids()[0])
    assert not view.previous_button.isEnabled() and view.next_button.isEnabled()
    window.show_section(view.section_ids()[-1])
    assert view.previous_button.isEnabled() and not view.next_button.isEnabled()


def test_kiosk_touch_targets_and_portrait_type(window, qtbot) -> None:
    window.touch_targets = True
    window.resize(1080, 1920)
    window.apply_display()
    _settle(qtbot)
    for button in window.toolbar_buttons + [window.view.next_button]:
        if button.isVisible():
            assert button.height() >= TOUCH_PX, button.objectName()
    page = window.view.current_page()
    chars = page.viewport().width() / QFontMetricsF(page.font()).averageCharWidth()
    assert 45 <= chars <= 80, f"{chars:.0f} characters a line"


def test_after_a_restart_the_toggle_gives_back_the_users_own_display(qtbot, leaflet) -> None:
    from leaflet_app.settings import open_settings
    from leaflet_app.ui.main_window import MainWindow

    own = Display(scale=1.5, scheme="dark", readable_font=True)
    first = MainWindow(leaflet, LANGUAGES, open_settings())
    qtbot.addWidget(first)
    first.restore()
    first.set_display(own)
    first.toggle_accessibility_mode()
    first.close()
    second = MainWindow(leaflet, LANGUAGES, open_settings())
    qtbot.addWidget(second)
    second.restore()
    assert second.accessibility_mode
    second.toggle_accessibility_mode()
    assert second.display == own  # not the default: the display the user had chosen


def test_the_shortcuts_page_is_mirrored_in_right_to_left_languages(window, qtbot) -> None:
    from PySide6.QtGui import QTextCursor as C

    for language, rtl in (("en", False), ("ar", True), ("ur", True)):
        window.set_language(language)
        window.open_shortcuts()
        _settle(qtbot)
        text = window.shortcuts.text
        assert (text.layoutDirection() == Qt.LayoutDirection.RightToLeft) == rtl
        cursor = C(text.document())
        cursor.movePosition(C.MoveOperation.NextBlock)
        table = cursor.currentTable() or C(text.document().findBlockByNumber(2)).currentTable()
        assert table is not None
        # The description of the first row stands on the reading side: right in Arabic and Urdu.
        description = window.shortcuts.text.document().find(_translated(language, "Next section"))
        assert not description.isNull()
        described = text.cursorRect(description).center().x()
        keys = text.cursorRect(text.document().find("Ctrl+Tab")).center().x()
        assert (described > keys) == rtl, language
        window.close_pages()


def test_the_reader_has_no_caret_and_the_keys_scroll_both_ways(window, qtbot) -> None:
    window.resize(640, 480)
    window.show_section("law-and-guidance")
    _settle(qtbot)
    page = window.view.current_page()
    page.setFocus()
    assert not page.textInteractionFlags() & Qt.TextInteractionFlag.TextSelectableByKeyboard
    bar = page.verticalScrollBar()
    assert bar.maximum() > 0
    for key, moves in ((Qt.Key.Key_PageDown, 1), (Qt.Key.Key_PageUp, -1), (Qt.Key.Key_Down, 1),
                       (Qt.Key.Key_Up, -1), (Qt.Key.Key_Space, 1), (Qt.Key.Key_End, 1), (Qt.Key.Key_Home, -1)):
        if moves < 0 and bar.value() == 0:
            bar.setValue(bar.maximum())
        if moves > 0 and bar.value() == bar.maximum():
            bar.setValue(0)
        before = bar.value()
        qtbot.keyClick(page, key)
        assert (bar.value() - before) * moves > 0, key
    assert bar.value() == 0  # Home: back at the top


def test_alt_n_on_the_open_section_goes_back_to_its_top(window, qtbot) -> None:
    window.resize(640, 480)
    window.show_section("law-and-guidance")
    _settle(qtbot)
    page = window.view.current_page()
    page.verticalScrollBar().setValue(page.verticalScrollBar().maximum())
    qtbot.keyClick(page, Qt.Key.Key_2, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: page.verticalScrollBar().value() == 0)


def test_copies_carry_no_invisible_marks(window, qtbot) -> None:
    from PySide6.QtGui import QGuiApplication

    window.set_language("ar")
    window.show_contact()
    _settle(qtbot)
    page = window.view.current_page()
    found = page.document().find("01604 364036")
    cursor = QTextCursor(found)
    cursor.movePosition(QTextCursor.MoveOperation.StartOfBlock)
    cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock, QTextCursor.MoveMode.KeepAnchor)
    page.setTextCursor(cursor)
    assert "\u2066" in cursor.selectedText() or "\u2066" in page.document().toPlainText()
    page.copy()
    copied = QGuiApplication.clipboard().text()
    assert "01604 364036" in copied and not any(c in copied for c in "\u2066\u2067\u2068\u2069")


def test_lists_with_their_own_markers_get_no_bullets(window, qtbot) -> None:
    from PySide6.QtGui import QTextListFormat

    window.show_section("law-and-guidance")
    doc = window.view.current_page().document()
    styles = {}
    block = doc.begin()
    while block.isValid():
        if block.textList() is not None:
            styles[block.text()[:8]] = block.textList().format().style()
        block = block.next()
    assert styles["5 (1) (e"] == styles["(a) abus"] == QTextListFormat.Style.ListStyleUndefined
    window.show_section("how-reviews-work")
    doc = window.view.current_page().document()
    bullets = [b.textList().format().style() for b in _blocks(doc) if b.textList() is not None]
    assert bullets and all(s == QTextListFormat.Style.ListDisc for s in bullets)


def _translated(language: str, message: str) -> str:
    from leaflet_app.i18n import localizer

    return localizer(language).gettext(message)


def _blocks(doc):
    block = doc.begin()
    while block.isValid():
        yield block
        block = block.next()


def test_buttons_that_do_not_fit_go_into_a_more_menu_in_order(window, qtbot) -> None:
    window.set_language("ur")
    window.start_accessible()
    window.resize(640, 480)
    _settle(qtbot)
    more = window.toolbar.more
    hidden = [b for b in window.toolbar_buttons if not b.isVisible()]
    assert more.isVisible() and hidden, "at 640 px the last buttons move into the menu"
    assert hidden == window.toolbar_buttons[-len(hidden):]  # the first buttons never move
    assert [a.objectName() for a in more.menu().actions()] == [b.defaultAction().objectName() for b in hidden]
    assert window.language_button.isVisible() and window.english_button.isVisible()
    window.resize(1920, 1080)
    _settle(qtbot)
    assert not more.isVisible() and all(b.isVisible() for b in window.toolbar_buttons)


@pytest.mark.parametrize("language", LANGUAGES)
def test_headings_never_break_before_punctuation(window, qtbot, leaflet, language: str) -> None:
    """A heading that needs two lines breaks between words: no line of it starts with a comma or
    a closing bracket, or ends with an opening one (the English gloss in brackets is long)."""
    window.set_language(language)
    window.start_accessible()
    problems = []
    for width, height in ((1080, 1920), (1024, 600)):
        window.resize(width, height)
        for section in leaflet.sections:
            window.show_section(section.id)
            _settle(qtbot)
            doc = window.view.current_page().document()
            doc.size()
            block = doc.begin()
            while block.isValid() and not block.text().strip():
                block = block.next()
            layout, text = block.layout(), block.text()
            for i in range(layout.lineCount()):
                line = layout.lineAt(i)
                part = text[line.textStart():line.textStart() + line.textLength()].strip(" \u00a0\u2066\u2067\u2068\u2069\u200e\u200f")
                if part[:1] in ",.;:)" or part[-1:] == "(":
                    problems.append(f"{language} {width}x{height} {section.id}: line {i + 1} {part!r}")
    assert problems == []


@pytest.mark.parametrize("language", ["ur", "ar", "en", "bn"])
def test_the_first_line_of_each_section_is_drawn_whole(window, qtbot, language: str) -> None:
    """The ink of a section's first line is below the top of the page: Nastaliq words that
    cascade above the font's ascent ("سنگین" in the heading) are not cut off."""
    window.set_language(language)
    problems = []
    for (width, height), accessible in (((1024, 600), False), ((1080, 1920), True)):
        window.resize(width, height)
        if accessible != window.accessibility_mode:
            window.toggle_accessibility_mode()
        for section_id in window.view.section_ids():
            window.show_section(section_id)
            _settle(qtbot)
            page = window.view.current_page()
            page.verticalScrollBar().setValue(0)
            doc = page.document()
            block = doc.begin()
            top = doc.documentLayout().blockBoundingRect(block).top()
            line = block.layout().lineAt(0)
            ink = min(p.y() + run.rawFont().pathForGlyph(g).boundingRect().top()
                      for run in line.glyphRuns() for g, p in zip(run.glyphIndexes(), run.positions(), strict=True))
            if top + ink < 0:
                problems.append(f"{language} {width}x{height} {section_id}: {top + ink:.0f}px cut")
    assert problems == []


@pytest.mark.parametrize("language", ["en", "ur", "bn", "pa"])
def test_contact_details_wrap_only_between_their_parts(window, qtbot, language: str) -> None:
    """In the contact card and under the QR codes, a long detail wraps after "@", "." or "/" or
    at a space, never inside a word, the telephone number or the postcode ("NN4 7YD")."""
    window.set_language(language)
    window.start_accessible()
    problems = []
    for width, height in ((1080, 1920), (1024, 600)):
        window.resize(width, height)
        window.show_section(window.leaflet.contact_section)
        _settle(qtbot)
        doc = window.view.current_page().document()
        doc.size()
        block = doc.begin()
        while block.isValid():
            if QTextCursor(block).currentTable() is not None:
                layout, text = block.layout(), block.text()
                for i in range(layout.lineCount() - 1):
                    line = layout.lineAt(i)
                    end = text[line.textStart():line.textStart() + line.textLength()]
                    if end and end[-1] not in "\u200b \u2028-":
                        problems.append(f"{language} {width}x{height}: {end!r} / {text[line.textStart() + line.textLength():][:12]!r}")
            block = block.next()
    assert problems == []


@pytest.mark.parametrize("language", [code for code in LANGUAGES if code != "en"])
def test_the_english_status_line_is_never_broken_up(window, qtbot, language: str) -> None:
    """The banner's English line (for the practitioner) stays one line: beside the family's
    status when both fit, under it otherwise (it was squeezed to a word a line)."""
    window.set_language(language)
    problems = []
    for (width, height), accessible in (((1080, 1920), True), ((800, 1280), True), ((1024, 600), False),
                                        ((1366, 768), True)):
        window.resize(width, height)
        if accessible != window.accessibility_mode:
            window.toggle_accessibility_mode()
        _settle(qtbot)
        english = window.banner.english
        if english.isVisible() and english.width() < english.fontMetrics().horizontalAdvance(english.text()):
            problems.append(f"{language} {width}x{height}: {english.width()}px for {english.text()!r}")
    assert problems == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_lines_hold_a_readable_number_of_characters(window, qtbot, language: str) -> None:
    """On a laptop or a large screen a line of running text holds 45-75 characters in every
    script (WCAG 1.4.8: at most 80), counted on the lines Qt really laid out."""
    window.set_language(language)
    problems = []
    for (width, height), accessible in (((1366, 768), False), ((1920, 1080), False), ((1920, 1080), True)):
        window.resize(width, height)
        if accessible != window.accessibility_mode:
            window.toggle_accessibility_mode()
        window.show_section("law-and-guidance")
        _settle(qtbot)
        doc = window.view.current_page().document()
        doc.size()
        counts, block = [], doc.begin()
        while block.isValid():  # every line but a paragraph's last, which may be short
            layout = block.layout()
            counts += [layout.lineAt(i).textLength() for i in range(layout.lineCount() - 1)]
            block = block.next()
        median = sorted(counts)[len(counts) // 2]
        if not 45 <= median <= 75:
            problems.append(f"{language} {width}x{height} {'accessible' if accessible else 'normal'}: {median}")
    assert problems == []


@pytest.mark.parametrize("language", ["ar", "ur"])
def test_brackets_round_english_that_wraps_still_face_it(window, qtbot, language: str) -> None:
    """In Arabic and Urdu, English in brackets that wraps ("(Northamptonshire / Safeguarding
    Children Board)") keeps its brackets laid out left to right with it: split over two lines,
    a bracket resolved right to left shows turned round, at the wrong end of the English."""
    window.set_language(language)
    problems = []
    for width, height in ((1280, 800), (1024, 600), (1080, 1920)):
        window.resize(width, height)
        window.show_section(window.view.section_ids()[0])
        _settle(qtbot)
        doc = window.view.current_page().document()
        doc.size()
        block = doc.begin()
        while block.isValid():
            text, layout = block.text(), block.layout()
            for pair in re.finditer(r"\([A-Za-z][^()]*\)", text):
                opening, closing = pair.start(), pair.end() - 1
                first, last = layout.lineForTextPosition(opening), layout.lineForTextPosition(closing)
                if first.lineNumber() == last.lineNumber():
                    continue  # on one line the pair is mirrored together and reads right
                x = _glyph_x(layout)
                # The opening bracket drawn left of the word it opens, the closing one right of
                # the word it closes (a turned-round bracket is drawn on the other side).
                assert {opening, opening + 1, closing - 1, closing} <= x.keys()
                if x[opening] > x[opening + 1] or x[closing] < x[closing - 1]:
                    problems.append(f"{width}x{height}: {pair.group(0)!r}")
            block = block.next()
    assert problems == []


def _glyph_x(layout) -> dict[int, float]:
    """Where each character of a laid-out paragraph is drawn: the x of its glyph, by its index."""
    flags = (QTextLayout.GlyphRunRetrievalFlag.RetrieveStringIndexes
             | QTextLayout.GlyphRunRetrievalFlag.RetrieveGlyphPositions)
    found: dict[int, float] = {}
    for n in range(layout.lineCount()):
        for run in layout.lineAt(n).glyphRuns(-1, -1, flags):
            for index, position in zip(run.stringIndexes(), run.positions(), strict=True):
                found.setdefault(index, position.x())
    return found


@pytest.mark.parametrize("language", LANGUAGES)
def test_on_a_short_screen_the_text_starts_on_screen(window, qtbot, language: str) -> None:
    """Accessibility mode on a 1024x600 laptop: opening a section shows its heading and at least
    the first line of its text (a narrow reading column wrapped the Urdu heading onto two tall
    lines and pushed the text below the fold)."""
    window.set_language(language)
    window.resize(1024, 600)
    window.start_accessible()
    for section_id in window.view.section_ids()[:3]:
        window.show_section(section_id)
        _settle(qtbot)
        page = window.view.current_page()
        doc, y = page.document(), page.verticalScrollBar().value()
        body = doc.findBlockByNumber(page.title_blocks + 1)
        line = body.layout().lineAt(0)
        bottom = doc.documentLayout().blockBoundingRect(body).top() + line.y() + line.height()
        assert bottom - y <= page.viewport().height(), f"{language} {section_id}: text starts below the fold"
