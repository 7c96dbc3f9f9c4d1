"""The attract screen: a calm page that invites a touch, cycling through the offered languages.

Each language is shown in its own script, font and direction, from its own catalogue, so a
passer-by sees "Tap for your language" in a language they read.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from leaflet_app.content import Leaflet
from leaflet_app.i18n import N_, localizer
from leaflet_app.render import LeafletRenderer, plain

INVITATION = N_("Tap the screen for your language")


class AttractScreen(QWidget):
    def __init__(self, leaflet: Leaflet, languages: Sequence[str], period_s: float, parent: QWidget | None = None):
        super().__init__(parent, objectName="attractScreen")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # takes the keys, so any key dismisses it
        self.setProperty("noFocusRing", True)
        self.renderer = LeafletRenderer(leaflet)
        self.languages = list(languages)
        self.index = 0
        self.title = QLabel(objectName="attractTitle", wordWrap=True, alignment=Qt.AlignmentFlag.AlignCenter)
        self.invitation = QLabel(objectName="attractInvitation", wordWrap=True, alignment=Qt.AlignmentFlag.AlignCenter)
        self.language = QLabel(objectName="attractLanguage", alignment=Qt.AlignmentFlag.AlignCenter)
        layout = QVBoxLayout(self)
        layout.addStretch(2)
        layout.addWidget(self.title)
        layout.addSpacing(self.fontMetrics().height() * 2)
        layout.addWidget(self.invitation)
        layout.addWidget(self.language)
        layout.addStretch(3)
        self.timer = QTimer(self, interval=int(period_s * 1000))
        self.timer.timeout.connect(self.next_language)

    def start(self) -> None:
        self.index = 0
        self._show()
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()

    def next_language(self) -> None:
        self.index = (self.index + 1) % len(self.languages)
        self._show()

    def current_language(self) -> str:
        return self.languages[self.index]

    def _show(self) -> None:
        code = self.current_language()
        lang = localizer(code)
        texts = self.renderer.texts(lang.pgettext)
        size = self.font().pointSizeF()
        for label, text, scale in (
            (self.title, plain(texts.title), 2.2),
            (self.invitation, lang.gettext(INVITATION), 1.8),
            (self.language, lang.own_name, 1.2),
        ):
            font = lang.font(size * scale)
            font.setBold(label is not self.language)
            label.setFont(font)
            label.setLayoutDirection(lang.direction)
            label.setText(text)
        self.setAccessibleName(lang.gettext(INVITATION))
