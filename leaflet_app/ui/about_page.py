"""The About page, translated: the version, where the leaflet comes from, and the licences of
everything that ships inside the app (the texts themselves are in ``paths.licences_dir()``)."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QPushButton, QTextBrowser, QVBoxLayout, QWidget

from leaflet_app import __version__, paths
from leaflet_app.content import Leaflet
from leaflet_app.i18n import _, pgettext, translator
from leaflet_app.ui.retranslate import follow_language

QT_SOURCE = "https://download.qt.io/official_releases/"
ESPEAK_SOURCE = "https://github.com/espeak-ng/espeak-ng"

# Left-to-right isolates: an address or a folder keeps its order inside Arabic or Urdu text.
LRI, PDI = "\u2066", "\u2069"


def _isolated(text: str) -> str:
    return LRI + text + PDI


class AboutPage(QWidget):
    """A page with a close button; the window shows it in place of the leaflet, like F1's page."""

    closed = Signal()

    def __init__(self, leaflet: Leaflet | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="aboutPage")
        self._leaflet = leaflet
        self.text = QTextBrowser(objectName="aboutText")
        self.text.setOpenLinks(False)  # the app never opens a browser
        self.close_button = QPushButton(objectName="closeAbout")
        self.close_button.clicked.connect(self.closed)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignTrailing)
        follow_language(self, self.retranslate)

    def _origin(self) -> list[str]:
        if self._leaflet is None:
            return []
        lines = [self._leaflet.title] + ([self._leaflet.publisher] if self._leaflet.publisher else [])
        return [pgettext(m.context, m.text) for m in lines]

    def retranslate(self) -> None:
        direction = "rtl" if translator().direction == Qt.LayoutDirection.RightToLeft else "ltr"
        self.text.setLayoutDirection(translator().direction)
        # Room round the text for ink beyond the letters' boxes (Nastaliq's first stroke).
        self.text.document().setDocumentMargin(self.fontMetrics().height() * 0.8)
        title = _("About Leaflet Viewer")
        licences = [
            _("Leaflet Viewer is free software under the MIT licence."),
            _(
                "Qt and PySide6 are used under the GNU Lesser General Public License, version 3. "
                "Their source code is available from {address}; you may replace Qt's libraries in "
                "this program with your own build of the same version."
            ).format(address=_isolated(QT_SOURCE)),
            _("The fonts (Noto, Andika) are under the SIL Open Font License 1.1."),
            _("The toolbar icons (Lucide) are under the ISC licence."),
            _("Babel (BSD licence) and markdown-it-py (MIT licence) prepare the languages and the text."),
            _(
                "eSpeak NG reads the leaflet aloud under the GNU General Public License, version 3; its "
                "source code is available from {address}. FFmpeg, inside Qt's sound support, is under "
                "the GNU LGPL, version 2.1. segno (BSD licence) draws the QR codes."
            ).format(address=_isolated(ESPEAK_SOURCE)),
            _("The full licence texts are in this folder: {folder}").format(
                folder=_isolated(str(paths.licences_dir()))
            ),
        ]
        version = _("Version {version}").format(version=_isolated(__version__))
        origin_heading = _("Where the leaflet comes from")
        licences_heading = _("Licences")
        origin = "".join(f"<p>{html.escape(line)}</p>" for line in self._origin())
        self.text.setHtml(
            f'<html><body dir="{direction}"><h2>{html.escape(title)}</h2>'
            f"<p>{html.escape(version)}</p>"
            f"<h3>{html.escape(origin_heading)}</h3>{origin}"
            f"<h3>{html.escape(licences_heading)}</h3>"
            + "".join(f"<p>{html.escape(text)}</p>" for text in licences)
            + "</body></html>"
        )
        self.text.setAccessibleName(title)
        self.close_button.setText(_("Close"))
        self.close_button.setAccessibleName(_("Close"))
