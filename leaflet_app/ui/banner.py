"""The slim banner that tells the practitioner how far a translation can be trusted.

One line: a warning icon, the status in the family's language and in English (for the
practitioner, who may not read the family's language; under it when the two do not fit side by
side), and "Details", which opens the full explanation in both languages.
"""

from __future__ import annotations

from PySide6.QtCore import QLocale, QSize, Qt
from PySide6.QtGui import QPalette, QResizeEvent
from PySide6.QtWidgets import QBoxLayout, QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from leaflet_app.i18n import _, translator
from leaflet_app.review_notice import review_notice
from leaflet_app.ui import icons
from leaflet_app.ui.shaped_text import TextButton, TextLabel


class ReviewBanner(QFrame):
    """Shown whenever the current language is not fully checked."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="reviewBanner")
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setAutoFillBackground(True)
        self.icon = QLabel(objectName="reviewBannerIcon")
        self.message = TextLabel(objectName="reviewBannerText")
        self.english = TextLabel(objectName="reviewBannerEnglish")
        self.details = TextLabel(objectName="reviewBannerDetails")
        for label in (self.message, self.english, self.details):
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.PlainText)
        self.english.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.english.setLocale(QLocale("en"))  # screen readers that switch voice by locale read it in English
        self.details_button = TextButton(objectName="reviewBannerMore")
        self.details_button.setCheckable(True)
        self.details_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.details_button.toggled.connect(self._show_details)
        # The two statuses side by side, or one above the other when they would not each fit
        # on one line side by side (large text, a narrow window): never a word to a line.
        self.texts = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self.texts.setSpacing(8)
        self.texts.addWidget(self.message)
        self.texts.addWidget(self.english)
        row = QHBoxLayout()
        row.setSpacing(8)
        row.addWidget(self.icon, 0, Qt.AlignmentFlag.AlignVCenter)
        row.addLayout(self.texts, 1)
        row.addWidget(self.details_button, 0, Qt.AlignmentFlag.AlignVCenter)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 2, 8, 2)
        layout.setSpacing(2)
        layout.addLayout(row)
        layout.addWidget(self.details)
        self.details.hide()
        self._english_details = ""
        self.retranslate()  # and again by the window on every language change

    def set_icon_size(self, px: int, palette: QPalette) -> None:
        self.icon.setPixmap(icons.pixmap("triangle-alert", palette.color(QPalette.ColorRole.WindowText), px,
                                         self.devicePixelRatioF()))
        self.details_button.setIcon(icons.icon("info", palette, px, self.devicePixelRatioF()))
        self.details_button.setIconSize(QSize(px, px))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.arrange()

    def arrange(self) -> None:
        """Side by side if both statuses fit on one line each in the room the row leaves them."""
        room = self.width() - self.icon.sizeHint().width() - self.details_button.sizeHint().width() - 8 * 3 - 16
        widths = [label.fontMetrics().horizontalAdvance(label.text()) + 8 if label.isVisibleTo(self) else 0
                  for label in (self.message, self.english)]
        direction = QBoxLayout.Direction.LeftToRight if sum(widths) <= room else QBoxLayout.Direction.TopToBottom
        if self.texts.direction() != direction:
            self.texts.setDirection(direction)
        for index, width in enumerate(widths):  # side by side, each its own line's share of the room
            self.texts.setStretch(index, max(1, width))

    def _show_details(self, shown: bool) -> None:
        self.details.setVisible(shown and bool(self.details.text()))

    def spoken(self) -> str:
        """What a screen reader announces when the language is chosen: the status in the
        family's language, then in English if that differs."""
        local, english = self.message.text(), self.english.text()
        return f"{local}. {english}" if self.english.isVisibleTo(self) and english != local else local

    def retranslate(self) -> None:
        notice = review_notice(translator().current)
        if notice is None:
            self.hide()
            return
        local, english = notice.local, notice.english
        long_local, long_english = notice.long_local, notice.long_english
        self.message.setText(local)
        self.english.setText(english)
        self.english.setVisible(bool(english))
        details = long_local if long_local == long_english else f"{long_local}\n{long_english}"
        self.details.setText(details)
        self.details_button.setVisible(bool(details))
        self.details_button.setText(_("Details"))
        self.details_button.setAccessibleName(_("Details"))
        self._show_details(self.details_button.isChecked())
        self.setAccessibleName(local)
        self.setAccessibleDescription(f"{english}. {long_local}" if english else long_local)
        self.show()
        self.arrange()
