"""The kiosk's warning before an idle reset: "Still reading? Tap to continue", with a countdown.

A slow reader keeps their place with one tap; an empty kiosk resets when the count reaches zero.
It covers the whole window, large and calm, in the kiosk's scheme and the visitor's language.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from leaflet_app.i18n import _, translator
from leaflet_app.ui import icons


class StillReading(QWidget):
    """An overlay on ``window``; ``expired`` fires when the countdown reaches zero."""

    expired = Signal()

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.setObjectName("stillReading")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.icon = QLabel(objectName="stillReadingIcon", alignment=Qt.AlignmentFlag.AlignCenter)
        self.question = QLabel(objectName="stillReadingQuestion", wordWrap=True,
                               alignment=Qt.AlignmentFlag.AlignCenter)
        self.countdown = QLabel(objectName="stillReadingCountdown", wordWrap=True,
                                alignment=Qt.AlignmentFlag.AlignCenter)
        layout = QVBoxLayout(self)
        layout.addStretch(2)
        layout.addWidget(self.icon)
        layout.addWidget(self.question)
        layout.addWidget(self.countdown)
        layout.addStretch(3)
        self.remaining = 0
        self.ticker = QTimer(self, interval=1000)
        self.ticker.timeout.connect(self._tick)
        window.installEventFilter(self)
        self.hide()

    def start(self, seconds: float) -> None:
        self.remaining = max(1, math.ceil(seconds))
        self.setGeometry(self.parentWidget().rect())
        self._style()
        self._show_count()
        self.raise_()
        self.show()
        self.ticker.start()

    def stop(self) -> None:
        self.ticker.stop()
        self.hide()

    def _tick(self) -> None:
        self.remaining -= 1
        if self.remaining <= 0:
            self.stop()
            self.expired.emit()
        else:
            self._show_count()

    def _style(self) -> None:
        """Type from the window's height: read from a step back, in the visitor's script."""
        height = max(1, self.parentWidget().height())
        lang = translator().current
        question = lang.font(1)
        question.setPixelSize(max(24, height // 14))
        question.setWeight(QFont.Weight.Bold)
        self.question.setFont(question)
        count = lang.font(1)
        count.setPixelSize(max(18, height // 24))
        self.countdown.setFont(count)
        self.setLayoutDirection(lang.direction)
        ink = self.palette().color(QPalette.ColorRole.WindowText)
        side = max(48, height // 8)
        self.icon.setPixmap(icons.pixmap("hourglass", ink, side, self.devicePixelRatioF()))

    def _show_count(self) -> None:
        self.question.setText(_("Still reading? Tap the screen to continue."))
        # Worded without a plural (the count stands alone), so every language says it correctly.
        self.countdown.setText(_("Seconds until the screen starts again: {seconds}").format(
            seconds=f"\u2066{self.remaining}\u2069"))
        self.setAccessibleName(self.question.text())
        self.setAccessibleDescription(self.countdown.text())

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), self.palette().color(QPalette.ColorRole.Window))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and self.isVisible():
            self.setGeometry(self.parentWidget().rect())
        return False
