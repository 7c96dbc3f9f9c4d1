"""The slim banner that tells the practitioner how far a translation can be trusted.

One line: a warning icon, the status in the family's language and in English (for the
practitioner, who may not read the family's language), and "Details", which opens the full
explanation in both languages.
"""

from __future__ import annotations

from babel.numbers import format_percent
from PySide6.QtCore import QLocale, QSize, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from leaflet_app.i18n import N_, SOURCE_LANGUAGE, _, translator
from leaflet_app.ui import icons
from leaflet_app.ui.shaped_text import TextButton, TextLabel

DRAFT = N_("Draft translation, not yet checked by a qualified translator ({percent} checked).")
DRAFT_SHORT = N_("Draft translation, {percent} checked")
INCOMPLETE = N_("Parts of this translation are missing and are shown in English.")
INCOMPLETE_SHORT = N_("Incomplete translation")
# Shown in English only: the broken catalogue cannot translate its own notice.
BROKEN = "The {language} translation could not be loaded, so the leaflet is shown in English."


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
        row = QHBoxLayout()
        row.setSpacing(8)
        row.addWidget(self.icon, 0, Qt.AlignmentFlag.AlignVCenter)
        row.addWidget(self.message, 3)  # the family's language gets the room first
        row.addWidget(self.english, 2)
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

    def _show_details(self, shown: bool) -> None:
        self.details.setVisible(shown and bool(self.details.text()))

    def spoken(self) -> str:
        """What a screen reader announces when the language is chosen: the status in the
        family's language, then in English if that differs."""
        local, english = self.message.text(), self.english.text()
        return f"{local}. {english}" if self.english.isVisibleTo(self) and english != local else local

    def retranslate(self) -> None:
        lang = translator().current
        if lang.error is not None:
            local, english = BROKEN.format(language=lang.english_name), ""
            long_local = long_english = ""
        elif lang.code == SOURCE_LANGUAGE or lang.status.state == "checked":
            self.hide()
            return
        elif lang.status.state == "incomplete":
            local, english = _(INCOMPLETE_SHORT), INCOMPLETE_SHORT
            long_local, long_english = _(INCOMPLETE), INCOMPLETE
        else:
            fraction = lang.status.fraction_checked
            local_percent = format_percent(fraction, locale=lang.code)
            english_percent = format_percent(fraction, locale="en")
            local, english = _(DRAFT_SHORT).format(percent=local_percent), DRAFT_SHORT.format(percent=english_percent)
            long_local, long_english = _(DRAFT).format(percent=local_percent), DRAFT.format(percent=english_percent)
        self.message.setText(local)
        self.english.setText(english)
        self.english.setVisible(bool(english) and english != local)
        details = long_local if long_local == long_english else f"{long_local}\n{long_english}"
        self.details.setText(details)
        self.details_button.setVisible(bool(details))
        self.details_button.setText(_("Details"))
        self.details_button.setAccessibleName(_("Details"))
        self._show_details(self.details_button.isChecked())
        self.setAccessibleName(local)
        self.setAccessibleDescription(f"{english}. {long_local}" if english != local else long_local)
        self.show()
