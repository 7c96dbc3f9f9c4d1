"""The About page on its own: version, the leaflet's origin, licences, translated, right-to-left."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt

from leaflet_app import __version__, paths
from leaflet_app.i18n import translator
from leaflet_app.ui.about_page import AboutPage

# Pages are kept for the session: a top-level page left to Python's collector was seen to leave
# Qt with a dangling pointer that crashed the next test's event processing (segfault).
_KEPT: list[AboutPage] = []


def shown(qtbot, leaflet) -> AboutPage:
    page = AboutPage(leaflet)
    _KEPT.append(page)
    qtbot.addWidget(page)
    page.resize(800, 600)
    page.show()
    qtbot.waitExposed(page)
    return page


def test_about_names_version_origin_and_every_licence_shipped(qtbot, leaflet) -> None:
    text = shown(qtbot, leaflet).text.toPlainText()
    assert f"Version \u2066{__version__}\u2069" in text
    assert "Northamptonshire Safeguarding Children Board" in text
    for name in ("MIT", "GNU Lesser General Public License", "SIL Open Font License", "Lucide", "ISC", "Babel",
                 "markdown-it-py", "eSpeak NG", "GNU General Public License", "FFmpeg", "segno"):
        assert name in text, name
    assert "https://download.qt.io/" in text  # how to obtain Qt's and PySide6's source
    assert "https://github.com/espeak-ng/espeak-ng" in text  # and eSpeak NG's
    folder = re.search(r"this folder: \u2066(.+?)\u2069", text)
    assert folder and folder.group(1) == str(paths.licences_dir())
    shipped = {p.name for p in paths.licences_dir().iterdir()}
    assert {"LGPL-3.0.txt", "GPL-3.0.txt", "Babel-BSD-3-Clause.txt", "markdown-it-py-MIT.txt", "mdurl-MIT.txt",
            "Leaflet-Viewer-MIT.txt", "LGPL-2.1.txt", "segno-BSD-3-Clause.txt"} <= shipped
    assert "GNU LESSER GENERAL PUBLIC LICENSE" in (paths.licences_dir() / "LGPL-3.0.txt").read_text()
    assert (paths.fonts_dir() / "OFL.txt").is_file()
    assert (paths.resources_dir() / "icons" / "ui" / "LICENSE-lucide.txt").is_file()


def test_about_follows_the_language_and_its_direction(qtbot, leaflet) -> None:
    page = shown(qtbot, leaflet)
    english = page.text.toPlainText()
    translator().set_language("pl")
    polish = page.text.toPlainText()
    assert "O programie Leaflet Viewer" in polish and "Licencje" in polish and polish != english
    assert page.close_button.text() == "Zamknij"
    translator().set_language("ar")
    arabic = page.text.toPlainText()
    assert "التراخيص" in arabic
    assert page.text.document().firstBlock().textDirection() == Qt.LayoutDirection.RightToLeft
    assert f"\u2066{__version__}\u2069" in arabic  # the version number stays left-to-right


def test_close_button_emits_closed(qtbot, leaflet) -> None:
    page = shown(qtbot, leaflet)
    with qtbot.waitSignal(page.closed, timeout=1000):
        qtbot.mouseClick(page.close_button, Qt.MouseButton.LeftButton)
