"""QR codes on screen, as a family sees them on the Contact Us page: decoded from the grabbed
window in every colour scheme, labelled in the current language, lined up, mirrored in
right-to-left languages, and large enough to scan from 30 cm."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QTextCursor, QTextDocument
from PySide6.QtWidgets import QApplication

from leaflet_app.display import Display
from leaflet_app.i18n import localizer
from leaflet_app.qr import LABELS, MIN_SYMBOL_MM, QUIET_ZONE, contact_links
from leaflet_app.theme import schemes
from tests.test_pdf import QR_TARGETS
from tests.test_pdf import decoded as decode_image


def open_contact_page(window, qtbot, language: str = "en", size: tuple[int, int] = (1280, 800)):
    window.resize(*size)
    window.set_language(language)
    window.show_section(window.leaflet.contact_section)
    QApplication.processEvents()
    qtbot.wait(1)
    return window.view.current_page()


def decoded_from_screen(page) -> set[str]:
    """Every code readable from the page's pixels, the page scrolled through screen by screen."""
    bar, found = page.verticalScrollBar(), set()
    for value in range(0, bar.maximum() + page.viewport().height(), max(1, page.viewport().height() // 2)):
        bar.setValue(min(value, bar.maximum()))
        QApplication.processEvents()
        found |= decode_image(page.viewport().grab().toImage())
    return found


def code_places(page) -> dict[str, tuple[int, int]]:
    """Where each code's image (``qr:N``) is drawn in the page: its left and top, in pixels."""
    doc, places = page.document(), {}
    block = doc.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            fmt = fragment.charFormat()
            if fmt.isImageFormat() and fmt.toImageFormat().name().startswith("qr:"):
                cursor = QTextCursor(doc)
                cursor.setPosition(fragment.position())
                rect = page.cursorRect(cursor)
                places[fmt.toImageFormat().name()] = (rect.left(), rect.top() + page.verticalScrollBar().value())
            it += 1
        block = block.next()
    return places


def test_the_links_are_the_leaflets_own(leaflet):
    assert {link.target for link in contact_links(leaflet)} == QR_TARGETS


@pytest.mark.parametrize("scheme", sorted(schemes()))
def test_every_code_on_screen_scans_to_the_exact_contact_in_every_scheme(window, qtbot, scheme: str):
    window.set_display(Display(scheme=scheme))
    page = open_contact_page(window, qtbot)
    assert decoded_from_screen(page) == QR_TARGETS


def test_codes_are_large_enough_to_scan_from_30_cm(window, qtbot):
    page = open_contact_page(window, qtbot)
    dpi = page.logicalDpiX()
    for n, link in enumerate(window.view.links):
        image = page.document().resource(QTextDocument.ResourceType.ImageResource, QUrl(f"qr:{n}"))
        module_px = image.width() / link.modules()
        inner_px = image.width() - 2 * QUIET_ZONE * module_px
        assert inner_px / dpi * 25.4 >= MIN_SYMBOL_MM, link.kind


@pytest.mark.parametrize("language", ["pl", "ur", "bn"])
def test_labels_follow_the_language(window, qtbot, language: str):
    page = open_contact_page(window, qtbot, language)
    lang, text = localizer(language), page.document().toPlainText().replace("\u200b", "")
    for link in window.view.links:
        assert lang.gettext(link.label) in text and lang.gettext(link.label) != LABELS[link.kind]
        assert link.shown in text
    assert decoded_from_screen(page) == QR_TARGETS


@pytest.mark.parametrize("language", ["en", "ur", "bn"])
@pytest.mark.parametrize("size", [(1280, 800), (1080, 1920)])
def test_codes_in_a_row_line_up_and_run_in_reading_order(window, qtbot, language: str, size):
    """However long each label, the codes of a row start at the same height; the first code
    (Scan to call) is on the reading side: left in English, right in Urdu. With large text (a
    portrait kiosk) one code to a row, each under the one before."""
    page = open_contact_page(window, qtbot, language, size)
    places = code_places(page)
    assert len(places) == len(window.view.links) == 4
    (x0, y0), (x1, y1) = places["qr:0"], places["qr:1"]
    if size[0] < size[1]:  # portrait: large text, one code to a row, in order
        assert [places[f"qr:{n}"][1] for n in range(4)] == sorted(places[f"qr:{n}"][1] for n in range(4))
        assert len({places[f"qr:{n}"][0] for n in range(4)}) == 1
        return
    assert y0 == y1 and places["qr:2"][1] == places["qr:3"][1]
    assert (x0 > x1) if localizer(language).direction_name == "rtl" else (x0 < x1)
