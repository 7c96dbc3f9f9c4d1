"""The attract screen: a calm page that invites a touch, cycling through the offered languages.

Each language is shown in its own script, font and direction, from its own catalogue, so a
passer-by sees "Tap the screen for your language" in a language they read. The language's own
name is the largest thing on the screen, readable from a metre away; a hand icon says it can be
touched. Sizes follow the screen's height, so a portrait kiosk gets large type too.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QFont, QPalette, QResizeEvent, QShowEvent
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from leaflet_app.content import Leaflet
from leaflet_app.i18n import N_, localizer
from leaflet_app.render import LeafletRenderer, plain
from leaflet_app.ui import icons

INVITATION = N_("Tap the screen for your language")


class AttractScreen(QWidget):
    def __init__(self, leaflet: Leaflet, languages: Sequence[str], period_s: float, parent: QWidget | None = None):
        super().__init__(parent, objectName="attractScreen")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # takes the keys, so any key dismisses it
        self.setProperty("noFocusRing", True)
        self.renderer = LeafletRenderer(leaflet)
        self.languages = list(languages)
        self.index = 0
        center = Qt.AlignmentFlag.AlignCenter
        self.title = QLabel(objectName="attractTitle", wordWrap=True, alignment=center)
        self.language = QLabel(objectName="attractLanguage", wordWrap=True, alignment=center)
        self.invitation = QLabel(objectName="attractInvitation", wordWrap=True, alignment=center)
        self.hand = QLabel(objectName="attractHand", alignment=center)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 32, 32, 32)
        layout.addStretch(2)
        layout.addWidget(self.title)
        layout.addStretch(1)
        layout.addWidget(self.language)
        layout.addWidget(self.invitation)
        layout.addSpacing(24)
        layout.addWidget(self.hand)
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

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.isVisible():
            self._show()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._show()  # sized from the screen it is shown on (a hidden page's size may be stale)

    def _show(self) -> None:
        code = self.current_language()
        lang = localizer(code)
        texts = self.renderer.texts(lang.pgettext)
        # Pixel sizes from the screen: the own name about a tenth of the height (at 1080×1920,
        # letters some 5 cm tall), the invitation and the title smaller.
        unit = max(self.height(), 480)
        for label, text, share, bold in (
            (self.title, plain(texts.title), 1 / 30, False),
            (self.language, lang.own_name, 1 / 10, True),
            (self.invitation, lang.gettext(INVITATION), 1 / 20, False),
        ):
            font = lang.font(1)
            font.setPixelSize(max(16, int(unit * share)))
            font.setWeight(QFont.Weight.Bold if bold else QFont.Weight.Normal)
            label.setFont(font)
            label.setLayoutDirection(lang.direction)
            label.setText(text)
        ink = self.palette().color(QPalette.ColorRole.WindowText)
        self.hand.setPixmap(icons.pixmap("pointer", ink, max(48, unit // 9), self.devicePixelRatioF()))
        self.setAccessibleName(lang.gettext(INVITATION))
