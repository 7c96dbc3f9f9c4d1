"""The slim banner that tells the practitioner how far a translation can be trusted."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QFrame, QVBoxLayout, QWidget

from leaflet_app.i18n import translator
from leaflet_app.review_notice import review_notice
from leaflet_app.ui.shaped_text import TextLabel

ENGLISH_LINE_POINTS = 12.0


class ReviewBanner(QFrame):
    """Shown whenever the current language is not fully checked, in that language and in English.

    The English line is for the practitioner, who may not read the family's language.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="reviewBanner")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self.message = TextLabel(objectName="reviewBannerText")
        self.english = TextLabel(objectName="reviewBannerEnglish")
        for label in (self.message, self.english):
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.PlainText)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.setSpacing(0)
        layout.addWidget(self.message)
        layout.addWidget(self.english)
        self.retranslate()  # and again by the window on every language change

    def _size_english(self) -> None:
        # For the practitioner, who may not need large text: at most the normal size.
        small = QFont(self.font())
        small.setFamilies(["Noto Sans"])
        small.setPointSizeF(min(self.font().pointSizeF(), ENGLISH_LINE_POINTS))
        self.english.setFont(small)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._size_english()

    def retranslate(self) -> None:
        notice = review_notice(translator().current)
        if notice is None:
            self.hide()
            return
        local, english = notice
        self.message.setText(local)
        self.english.setText(english)
        self._size_english()
        self.english.setVisible(bool(english))
        self.english.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.setAccessibleName(local)
        self.show()
