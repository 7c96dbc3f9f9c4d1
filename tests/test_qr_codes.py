"""QR codes on screen: decoded from the rendered widget, in every colour scheme, labelled in the
current language, large enough to scan from 30 cm."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor, QPalette

from leaflet_app.i18n import localizer, translator
from leaflet_app.qr import LABELS, MIN_SYMBOL_MM, QUIET_ZONE, contact_links
from leaflet_app.ui.qr_codes import QrCodes
from tests.test_pdf import QR_TARGETS
from tests.test_pdf import decoded as decode_image


@pytest.fixture
def codes(qtbot, leaflet) -> QrCodes:
    widget = QrCodes(leaflet)
    qtbot.addWidget(widget)
    widget.resize(1400, 600)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def decoded(widget) -> set[str]:
    return decode_image(widget.grab().toImage())


def test_the_links_are_the_leaflets_own(leaflet):
    assert {link.target for link in contact_links(leaflet)} == QR_TARGETS


def test_every_code_on_screen_scans_to_the_exact_contact(codes):
    assert decoded(codes) == QR_TARGETS
    for code in codes.codes:  # and each one by itself, from its own pixels
        assert decoded(code) == {code.link.target}


@pytest.mark.parametrize("window_text, window", [("#ffff00", "#000000"), ("#ffffff", "#000000"),
                                                 ("#777777", "#888888")])
def test_codes_stay_dark_on_light_in_any_scheme(codes, window_text, window):
    palette = codes.palette()
    palette.setColor(QPalette.ColorRole.WindowText, QColor(window_text))
    palette.setColor(QPalette.ColorRole.Window, QColor(window))
    codes.setPalette(palette)
    assert decoded(codes) == QR_TARGETS


def test_codes_use_a_scannable_scheme_colour(codes):
    palette = codes.palette()
    palette.setColor(QPalette.ColorRole.WindowText, QColor("#00003a"))
    palette.setColor(QPalette.ColorRole.Window, QColor("#fffff0"))
    codes.setPalette(palette)
    image = codes.codes[0].grab().toImage()
    colours = {image.pixelColor(x, y).name() for x in range(image.width()) for y in range(0, image.height(), 7)}
    assert colours == {"#00003a", "#fffff0"}


def test_codes_are_large_enough_to_scan_from_30_cm(codes):
    for code in codes.codes:
        dpi = code.logicalDpiX()
        inner_px = code.sizeHint().width() - 2 * QUIET_ZONE * code.module_pixels()
        assert inner_px / dpi * 25.4 >= MIN_SYMBOL_MM
        assert code.height() >= code.sizeHint().height() and code.width() >= code.sizeHint().width()


@pytest.mark.parametrize("language", ["pl", "ur", "bn"])
def test_labels_follow_the_language(codes, language):
    translator().set_language(language)
    codes.retranslate()
    lang = localizer(language)
    assert [label.text() for label in codes.labels] == [lang.gettext(link.label) for link in codes.links]
    assert all(label.text() != LABELS[link.kind] for label, link in zip(codes.labels, codes.links, strict=True))
    assert codes.layoutDirection() == lang.direction
    assert [a.text().replace("\u200b", "") for a in codes.addresses] == [link.shown for link in codes.links]
    assert all(label.font().families()[0] == lang.font(12).families()[0] for label in codes.labels)
    assert decoded(codes) == QR_TARGETS
