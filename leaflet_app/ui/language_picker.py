"""The language picker: every language by its own name in its own script and by its English name.

Names come from CLDR through Babel. Typing filters on either name or the code (accents
ignored, so "romana" finds "română"); recently used languages come first. It is a page inside
the main window rather than a separate dialog, so it works the same in kiosk mode.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QSize, Qt, Signal
from PySide6.QtGui import QFont, QFontMetrics, QKeyEvent, QPainter, QPalette
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from leaflet_app.catalogues import SEARCH_ALIASES
from leaflet_app.fonts import font_for
from leaflet_app.i18n import SOURCE_LANGUAGE, _, format_percent, localizer, translator
from leaflet_app.ui.announce import announce
from leaflet_app.ui.retranslate import follow_language

CODE_ROLE = Qt.ItemDataRole.UserRole
OWN_FONT_ROLE = Qt.ItemDataRole.UserRole + 2
RECENT_ROLE = Qt.ItemDataRole.UserRole + 3  # the copy at the top of the list


class LanguageDelegate(QStyledItemDelegate):
    """Two lines per language: its own name in its own script's font, then the English name and
    status in the list's font, so every entry reads alike whatever the script."""

    def _fonts(self, index, base: QFont) -> tuple[QFont, QFont]:
        own = QFont(index.data(OWN_FONT_ROLE) or base)
        own.setPointSizeF(base.pointSizeF() * 1.15)
        return own, base

    def sizeHint(self, option: QStyleOptionViewItem, index) -> QSize:
        own, base = self._fonts(index, option.font)
        width = max(option.rect.width(), 100)
        first, second = index.data().split("\n", 1)
        h = QFontMetrics(own).boundingRect(0, 0, width, 10_000, TEXT_FLAGS, first).height()
        h += QFontMetrics(base).boundingRect(0, 0, width, 10_000, TEXT_FLAGS, second).height()
        return QSize(width, h + QFontMetrics(base).height() // 2)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index) -> None:
        style = option.widget.style() if option.widget else None
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, option.widget)
        own, base = self._fonts(index, option.font)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        painter.save()
        painter.setPen(option.palette.color(role))
        rect = option.rect.adjusted(6, QFontMetrics(base).height() // 4, -6, 0)
        first, second = index.data().split("\n", 1)
        # Absolute: the painter would otherwise mirror the side a second time in right-to-left.
        side = Qt.AlignmentFlag.AlignRight if option.direction == Qt.LayoutDirection.RightToLeft else Qt.AlignmentFlag.AlignLeft
        align = int(TEXT_FLAGS | side | Qt.AlignmentFlag.AlignAbsolute)
        painter.setFont(own)
        used = painter.boundingRect(rect, align, first)
        painter.drawText(rect, align, first)
        painter.setFont(base)
        painter.drawText(rect.adjusted(0, used.height(), 0, 0), align, second)
        painter.restore()


TEXT_FLAGS = Qt.TextFlag.TextWordWrap
_NAVIGATION_KEYS = {Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_PageUp, Qt.Key.Key_PageDown}


def fold(text: str) -> str:
    """Case- and accent-insensitive form for matching what someone types."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def status_text(code: str) -> str:
    """The review status of a language's translation, in the current interface language."""
    if code == SOURCE_LANGUAGE:
        return _("Original text")
    lang = localizer(code)
    if lang.error is not None:
        return _("Cannot be loaded: English is shown instead")
    status = lang.status
    if status.state == "checked":
        return _("Checked by a qualified translator")
    if status.state == "incomplete":
        return _("Incomplete translation")
    percent = format_percent(status.fraction_checked, locale=translator().current.number_locale)
    return _("Draft translation, {percent} checked").format(percent=percent)


class LanguagePicker(QWidget):
    chosen = Signal(str)
    cancelled = Signal()

    def __init__(self, languages: Sequence[str], parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="languagePicker")
        self.languages = list(languages)
        self.heading = QLabel(objectName="pickerHeading")
        self.heading.setWordWrap(True)
        self.filter = QLineEdit(objectName="pickerFilter")
        self.filter.setClearButtonEnabled(True)
        self.touch = False  # kiosk: no text field until a key is pressed (there is no keyboard)
        self.no_match = QLabel(objectName="pickerNoMatch", wordWrap=True)
        self.no_match.hide()
        self.list = QListWidget(objectName="pickerList")
        self.list.setWordWrap(True)
        self.list.setSpacing(2)
        self.list.setItemDelegate(LanguageDelegate(self.list))
        self.cancel = QPushButton(objectName="pickerCancel")
        self.heading.setBuddy(self.filter)

        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.cancel)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.filter)
        layout.addWidget(self.no_match)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)

        self.filter.textChanged.connect(self._apply_filter)
        self.filter.returnPressed.connect(self._choose_current)
        self.filter.installEventFilter(self)
        self.list.installEventFilter(self)
        # One click or one tap chooses, as in the section list; Enter too (itemActivated).
        self.list.itemClicked.connect(self._choose)
        self.list.itemActivated.connect(self._choose)
        self.cancel.clicked.connect(self.cancelled)
        # The focus stays in the search field while Up/Down move the highlight: say where it is.
        self.list.currentItemChanged.connect(self._announce_current)
        follow_language(self, self.retranslate)

    def retranslate(self) -> None:
        self.heading.setText(_("Choose a language"))
        self.filter.setPlaceholderText(_("Type a language name or code"))
        self.filter.setAccessibleName(_("Search languages"))
        for button in self.filter.findChildren(QToolButton):  # the field's clear button
            button.setAccessibleName(_("Clear the search"))
            button.setToolTip(_("Clear the search"))
        self.list.setAccessibleName(_("Languages"))
        self.cancel.setText(_("Cancel"))
        self.cancel.setAccessibleName(_("Cancel"))
        self.no_match.setText(_("No language matches. Clear the search to see them all."))

    def open(self, current: str, recent: Sequence[str] = ()) -> None:
        """Fill the list: recently used languages at the top, then every language (those too) in
        alphabetical order; show it from the top, the filter empty (and, on a touch kiosk,
        hidden until a key is pressed)."""
        recent = [c for c in dict.fromkeys(recent) if c in self.languages]
        every = sorted(self.languages, key=lambda c: localizer(c).english_name)
        self.list.clear()
        for code, is_recent in [(c, True) for c in recent] + [(c, False) for c in every]:
            info = localizer(code).info
            details = f"{info.english_name} · {status_text(code)}"
            if is_recent:
                details += " · " + _("recently used")
            item = QListWidgetItem(f"{info.own_name}\n{details}", self.list)
            item.setData(CODE_ROLE, code)
            font = font_for(code, self.list.font().pointSizeF())  # its script's size, as large as Latin
            item.setData(OWN_FONT_ROLE, font)
            item.setToolTip(f"{info.own_name} ({info.english_name}, {code})")
            keys = [info.own_name, info.english_name, code, *SEARCH_ALIASES.get(code, ())]
            item.setData(Qt.ItemDataRole.UserRole + 1, " ".join(fold(k) for k in keys))
            item.setData(RECENT_ROLE, is_recent)
        self.filter.clear()
        self.no_match.hide()
        self.list.setCurrentRow(next((i for i in range(self.list.count())
                                      if self.list.item(i).data(CODE_ROLE) == current), 0))
        self.list.scrollToTop()  # the recent languages in sight, whatever the current one is
        self.filter.setVisible(not self.touch)
        if self.touch:
            self.list.setFocus()
        else:
            self.filter.setFocus()

    def visible_codes(self) -> list[str]:
        """The languages on show, each once, in the order a person sees them."""
        return list(dict.fromkeys(
            self.list.item(i).data(CODE_ROLE) for i in range(self.list.count()) if not self.list.item(i).isHidden()
        ))

    def _apply_filter(self, text: str) -> None:
        needle = fold(text.strip())
        first = None
        for i in range(self.list.count()):
            item = self.list.item(i)
            words = item.data(Qt.ItemDataRole.UserRole + 1)
            # While searching, each language once: the recent copies at the top step aside.
            match = not needle or (any(w.startswith(needle) for w in words.split())
                                   and not item.data(RECENT_ROLE))
            item.setHidden(not match)
            if match and first is None:
                first = item
        self.no_match.setVisible(first is None)
        current = self.list.currentItem()
        if first is not None and (current is None or current.isHidden()):
            self.list.setCurrentItem(first)

    def showEvent(self, event) -> None:
        """On opening, the language highlighted (the focus is in the search field, which says
        only its own name)."""
        super().showEvent(event)
        self._announce_current(self.list.currentItem())

    def _announce_current(self, item: QListWidgetItem | None, previous: object = None) -> None:
        if item is not None and not item.isHidden() and self.isVisible():
            announce(self.list, item.text().replace("\n", ". "))

    def _choose(self, item: QListWidgetItem) -> None:
        if item is not None and not item.isHidden():
            self.chosen.emit(item.data(CODE_ROLE))

    def _choose_current(self) -> None:
        item = self.list.currentItem()
        if item is not None and not item.isHidden():
            self.chosen.emit(item.data(CODE_ROLE))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            key = event.key()
            if key == Qt.Key.Key_Escape:
                self.cancelled.emit()
                return True
            if watched is self.filter and key in _NAVIGATION_KEYS:
                # Move the selection as if the list had the key, leaving the focus in the filter.
                copy = QKeyEvent(event.type(), event.key(), event.modifiers(), event.text())
                QCoreApplication.sendEvent(self.list, copy)
                return True
            if watched is self.list and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self._choose_current()
                return True
            if watched is self.list and event.text().isprintable() and event.text().strip():
                self.filter.show()  # a keyboard after all (a kiosk with one plugged in)
                self.filter.setFocus()
                self.filter.insert(event.text())
                return True
        return super().eventFilter(watched, event)
