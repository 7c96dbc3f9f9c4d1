"""The slim banner that tells the practitioner how far a translation can be trusted."""

from __future__ import annotations

from babel.numbers import format_percent
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QFrame, QVBoxLayout, QWidget

from leaflet_app.i18n import N_, SOURCE_LANGUAGE, _, translator
from leaflet_app.ui.shaped_text import TextLabel

DRAFT = N_("Draft translation, not yet checked by a qualified translator ({percent} checked).")
INCOMPLETE = N_("Parts of this translation are missing and are shown in English.")
# Shown in English only: the broken catalogue cannot translate its own notice.
BROKEN = "The {language} translation could not be loaded, so the leaflet is shown in English."


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
        lang = translator().current
        if lang.error is not None:
            local, english = BROKEN.format(language=lang.english_name), ""
        elif lang.code == SOURCE_LANGUAGE or lang.status.state == "checked":
            self.hide()
            return
        elif lang.status.state == "incomplete":
            local, english = _(INCOMPLETE), INCOMPLETE
        else:
            fraction = lang.status.fraction_checked
            local = _(DRAFT).format(percent=format_percent(fraction, locale=lang.code))
            english = DRAFT.format(percent=format_percent(fraction, locale="en"))
        self.message.setText(local)
        self.english.setText(english)
        self._size_english()
        self.english.setVisible(bool(english) and english != local)
        self.english.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.setAccessibleName(local)
        self.show()
