"""The section pages' own accessible interface (leaflet_app/native/page_accessible.cpp), read in
process the way Qt's screen-reader bridges read it. What reaches the real AT-SPI bus, with the
"language" text attribute, is tested in test_screen_reader.py."""

from __future__ import annotations

import pytest
from conftest import LANGUAGES
from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QAccessible, QAccessibleActionInterface, QGuiApplication
from PySide6.QtWidgets import QApplication

from leaflet_app.i18n import localizer
from leaflet_app.native import install_page_accessible
from leaflet_app.render import plain

HIDDEN = "\u2066\u2067\u2068\u2069\u200b"
PHONE, EMAIL = "01604 364036", "nscb@northamptonshire.gcsx.gov.uk"


def test_the_pages_interface_is_built_and_installed(qapp) -> None:
    # ./dev.sh builds it; without it screen readers hear no language, headings or links.
    assert install_page_accessible()


def page_interface(window, language: str, section: str):
    window.set_language(language)
    window.view.show_section(section)
    QApplication.processEvents()
    return QAccessible.queryAccessibleInterface(window.view.current_page())


def parts(page, role: QAccessible.Role) -> list:
    return [c for c in (page.child(i) for i in range(page.childCount())) if c.role() == role]


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_page_is_one_read_only_document_with_its_heading_and_links(window, language: str) -> None:
    contact = window.leaflet.contact_section
    page = page_interface(window, language, contact)
    assert page.role() == QAccessible.Role.Document
    state = page.state()
    assert state.readOnly and not state.editable and state.focusable
    assert page.textInterface() is not None and page.editableTextInterface() is None
    # Its children are its heading and its links, nothing else (no viewport, no scroll bars).
    headings, links = parts(page, QAccessible.Role.Heading), parts(page, QAccessible.Role.Link)
    assert len(headings) + len(links) == page.childCount()
    heading = plain(window.view.renderer.texts(localizer(language).pgettext).headings[contact])
    assert [h.text(QAccessible.Text.Name) for h in headings] == [heading]
    attributes = headings[0].attributesInterface()
    assert attributes.attributeKeys() == [QAccessible.Attribute.Level, QAccessible.Attribute.Locale]
    assert attributes.attributeValue(QAccessible.Attribute.Level) == 2
    # The page and its heading say their language (the locale newer screen readers switch on);
    # an e-mail address is English, a phone number in the page's language.
    own = QLocale(language).bcp47Name()  # pt_PT: pt-PT
    for node in (page, headings[0]):
        assert node.attributesInterface().attributeValue(QAccessible.Attribute.Locale).bcp47Name() == own
    locales = {link.text(QAccessible.Text.Name): link.attributesInterface().attributeValue(
        QAccessible.Attribute.Locale).bcp47Name() for link in links}
    assert locales == {PHONE: own, EMAIL: "en"}
    # Links say what they show and where they lead, in any language the same.
    targets = {(link.text(QAccessible.Text.Name), link.text(QAccessible.Text.Description)) for link in links}
    assert targets == {(PHONE, "tel:01604364036"), (EMAIL, f"mailto:{EMAIL}")}
    assert all(page.indexOfChild(c) == i for i, c in enumerate(page.child(i) for i in range(page.childCount())))


@pytest.mark.parametrize("language", ["en", "pl", "ar", "ur", "bn"])
def test_the_text_has_no_invisible_marks_and_its_offsets_point_at_its_letters(window, language: str) -> None:
    page = page_interface(window, language, window.leaflet.contact_section)
    text = page.textInterface()
    whole = text.text(0, text.characterCount())
    assert len(whole) == text.characterCount()
    assert not any(mark in whole for mark in HIDDEN + "\xa0")
    # The e-mail address sits after isolate marks and zero-width spaces in the document: the
    # offset a screen reader is given is where its letters are drawn.
    start = whole.index(EMAIL)
    assert text.text(start, start + len(EMAIL)) == EMAIL
    for offset in (start, start + 5, start + len(EMAIL) - 1):
        assert text.offsetAtPoint(text.characterRect(offset).center()) == offset


def test_pressing_a_link_does_what_enter_on_it_does(window) -> None:
    page = page_interface(window, "ur", window.leaflet.contact_section)
    phone = next(c for c in parts(page, QAccessible.Role.Link) if c.text(QAccessible.Text.Name) == PHONE)
    actions = phone.actionInterface()
    assert actions.actionNames() == [QAccessibleActionInterface.pressAction()]
    QGuiApplication.clipboard().clear()
    actions.doAction(QAccessibleActionInterface.pressAction())
    assert QGuiApplication.clipboard().text() == PHONE


def test_the_heading_is_where_it_is_drawn_and_known_offscreen_when_scrolled_away(window) -> None:
    window.resize(1000, 420)
    window.step_text_size(1)
    page = page_interface(window, "pl", "how-reviews-work")
    heading = parts(page, QAccessible.Role.Heading)[0]
    widget = window.view.current_page()
    shown = widget.viewport().rect().translated(widget.viewport().mapToGlobal(widget.viewport().rect().topLeft()))
    assert shown.contains(heading.rect().center()) and not heading.state().offscreen
    bar = widget.verticalScrollBar()
    bar.setValue(bar.maximum())
    assert bar.value() > 0 and heading.state().offscreen


@pytest.mark.parametrize("language", ["en", "ur"])
def test_the_first_page_has_the_leaflets_title_as_its_level_1_heading(window, language: str) -> None:
    first = window.leaflet.sections[0].id
    page = page_interface(window, language, first)
    texts = window.view.renderer.texts(localizer(language).pgettext)
    headings = [(h.text(QAccessible.Text.Name), h.attributesInterface().attributeValue(QAccessible.Attribute.Level))
                for h in parts(page, QAccessible.Role.Heading)]
    assert headings == [(plain(texts.title), 1), (plain(texts.headings[first]), 2)]
    # Further sections have no title: their heading alone.
    page = page_interface(window, language, window.leaflet.sections[1].id)
    assert len(parts(page, QAccessible.Role.Heading)) == 1


def test_a_page_let_go_takes_its_heading_and_links_with_it(window, qtbot) -> None:
    """A page beyond those kept is deleted; its interface and its parts' go with it, and a screen
    reader asking for them again gets nothing rather than a dangling object."""
    from leaflet_app.ui.section_page import KEPT_PAGES

    contact = window.leaflet.contact_section
    page = page_interface(window, "ur", contact)
    widget = window.view.current_page()
    widget.destroyed.connect(lambda: gone.append(True))
    gone: list[bool] = []
    ids = [QAccessible.uniqueId(page.child(i)) for i in range(page.childCount())]
    assert len(ids) >= 3 and all(QAccessible.accessibleInterface(i) is not None for i in ids)
    shown = 0
    for language in LANGUAGES:
        for section in window.leaflet.sections:
            if (language, section.id) != ("ur", contact) and shown <= KEPT_PAGES:
                part = parts(page_interface(window, language, section.id), QAccessible.Role.Heading)[0]
                assert part.text(QAccessible.Text.Name)
                shown += 1
    qtbot.waitUntil(lambda: bool(gone))  # deleteLater
    assert widget not in window.view.shelf.pages()
    assert all(QAccessible.accessibleInterface(i) is None for i in ids)


def test_with_a_screen_reader_the_arrows_move_a_caret_line_by_line(window, qtbot) -> None:
    """Orca reads the line the caret reaches; with no caret the arrows only scroll, silently.
    So while a screen reader is running (Qt's accessibility active) the arrows move a caret, from
    the first paragraph in view, and the view follows it; without one they scroll as before."""
    window.resize(1000, 420)
    window.step_text_size(1)
    page_interface(window, "pl", "how-reviews-work")
    page = window.view.current_page()
    page.setFocus()
    bar = page.verticalScrollBar()
    qtbot.keyClick(page, Qt.Key.Key_Down)
    assert bar.maximum() > 0, "the section must be longer than the view"
    assert bar.value() > 0 and page.textCursor().position() == 0  # scrolled, no caret
    bar.setValue(bar.maximum() // 2)
    top = page.top_block()
    QAccessible.setActive(True)
    try:
        text = QAccessible.queryAccessibleInterface(page).textInterface()
        qtbot.keyClick(page, Qt.Key.Key_Down)
        first = page.cursorRect()
        start = page.document().findBlockByNumber(top).position()
        assert page.textCursor().block().blockNumber() in (top, top + 1)
        assert text.cursorPosition() > 0 and page.textCursor().position() > start - 1
        for _ in range(3):
            qtbot.keyClick(page, Qt.Key.Key_Down)
        moved = page.cursorRect()
        line = page.fontMetrics().height()
        assert moved.top() - first.top() >= 2 * line  # three lines on (a paragraph gap or two)
        assert page.viewport().rect().contains(moved)  # the view follows the caret
    finally:
        QAccessible.setActive(False)


def test_the_english_button_is_named_in_english_and_described_in_the_familys_language_too(window) -> None:
    window.set_language("pl")
    button = QAccessible.queryAccessibleInterface(window.english_button)
    assert button.text(QAccessible.Text.Name) == "English"
    described = button.text(QAccessible.Text.Description)
    assert described.startswith(localizer("pl").gettext("Show the leaflet in English")) and "English (Ctrl+E)" in described
    assert localizer("pl").gettext("Show the leaflet in English") != "Show the leaflet in English"
