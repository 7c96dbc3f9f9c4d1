"""What used to go unseen: letter spacing kept off joined scripts, left-to-right isolation in a
right-to-left export, a broken right-to-left catalogue shown left to right, and a kiosk reset
that leaves nothing of the last visitor selected."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QClipboard, QFont, QGuiApplication

from leaflet_app.catalogues import po_path
from leaflet_app.contacts import LRI, PDI
from leaflet_app.display import Display
from leaflet_app.i18n import localizer
from leaflet_app.render import LeafletRenderer


@pytest.mark.parametrize(("language", "spaced"), [("pl", True), ("el", True), ("ar", False), ("ur", False),
                                                  ("bn", False), ("pa", False)])
def test_letter_spacing_only_where_letters_do_not_join(window, qtbot, language: str, spaced: bool) -> None:
    window.set_language(language)
    window.set_display(Display(spacing=True))
    qtbot.wait(1)
    font = window.view.current_page().document().defaultFont()
    page_font = window.view.current_page().font()
    spacing = max(font.letterSpacing(), page_font.letterSpacing())
    assert (spacing > 0) == spaced, (language, spacing)
    assert font.letterSpacingType() == QFont.SpacingType.AbsoluteSpacing or not spaced


@pytest.mark.parametrize("language", ["ar", "ur"])
def test_right_to_left_export_isolates_every_contact_detail(leaflet, language: str) -> None:
    lang = localizer(language)
    text = LeafletRenderer(leaflet).plain_text(lang.pgettext, lang.direction_name)
    for detail in ("01604 364036", "nscb@northamptonshire.gcsx.gov.uk", "Northampton NN4 7YD", "www.nspcc.org.uk"):
        assert f"{LRI}{detail}" in text and text.count(LRI) == text.count(PDI), detail
    english = LeafletRenderer(leaflet).plain_text(localizer("pl").pgettext, "ltr")
    assert LRI not in english  # left-to-right text needs no isolates


def test_broken_right_to_left_catalogue_is_shown_left_to_right_in_english(data_copy, qtbot) -> None:
    from conftest import forget_loaded_data

    from leaflet_app.app import default_leaflet, languages
    from leaflet_app.ui.main_window import MainWindow

    po_path("ar", data_copy / "translations").write_bytes(b'msgid "x"\nmsgstr "open\n')
    forget_loaded_data()
    w = MainWindow(default_leaflet(), languages(), None)
    qtbot.addWidget(w)
    w.restore("ar", None)
    w.show()
    assert w.windowTitle().startswith("Serious Case Review")
    assert w.layoutDirection().name == "LeftToRight" and QGuiApplication.layoutDirection().name == "LeftToRight"
    assert w.banner.message.text() == "The Arabic translation could not be loaded, so the leaflet is shown in English."


def test_kiosk_reset_leaves_no_selection(qtbot, leaflet) -> None:
    from conftest import LANGUAGES

    from leaflet_app.kiosk.config import KioskConfig
    from leaflet_app.kiosk.controller import Kiosk
    from leaflet_app.ui.main_window import MainWindow

    window = MainWindow(leaflet, LANGUAGES, None)
    qtbot.addWidget(window)
    kiosk = Kiosk(window, KioskConfig(hide_cursor=False), LANGUAGES)
    window.show()
    pages = []
    for section in ("contact", "law-and-guidance"):
        window.show_section(section)
        page = window.view.current_page()
        page.selectAll()
        assert page.textCursor().hasSelection()
        pages.append(page)
    clipboard = QGuiApplication.clipboard()
    if clipboard.supportsSelection():  # X11's primary selection: pasted with a middle click
        clipboard.setText("the last visitor's selection", QClipboard.Mode.Selection)
    kiosk.reset()
    for page in pages + [window.view.current_page()]:
        assert not page.textCursor().hasSelection()
    if clipboard.supportsSelection():
        assert clipboard.text(QClipboard.Mode.Selection) == ""
    assert clipboard.text() == ""
    kiosk.locked = False
