"""The main window: toolbar, review banner, the leaflet, and the pages shown in its place."""

from __future__ import annotations

import logging
from collections.abc import Sequence

from PySide6.QtCore import QSettings, QSize, Qt
from PySide6.QtGui import QAction, QCloseEvent, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QMainWindow,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from leaflet_app import APP_NAME
from leaflet_app.catalogues import SOURCE_LANGUAGE, language_info
from leaflet_app.content import Leaflet
from leaflet_app.fonts import font_for
from leaflet_app.i18n import _, translator
from leaflet_app.render import plain
from leaflet_app.settings import read_choice
from leaflet_app.ui.banner import ReviewBanner
from leaflet_app.ui.flow_layout import FlowLayout
from leaflet_app.ui.language_picker import LanguagePicker
from leaflet_app.ui.leaflet_view import LeafletView, copy_to_clipboard

log = logging.getLogger(__name__)

MAX_RECENT = 5
BASE_POINT_SIZE = 11.0


class MainWindow(QMainWindow):
    def __init__(
        self,
        leaflet: Leaflet,
        languages: Sequence[str],
        settings: QSettings | None = None,
    ) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.leaflet = leaflet
        self.languages = list(languages)
        self.settings = settings
        self.recent: list[str] = []

        # Toolbar: a wrapping row of buttons, so none is hidden at large text sizes.
        self.toolbar = QWidget(objectName="toolbar")
        bar = FlowLayout(self.toolbar)
        self.language_button = self._button("languageButton", self.open_picker)
        self.english_button = self._button("englishButton", lambda: self.set_language(SOURCE_LANGUAGE))
        self.contact_button = self._button("contactButton", self.show_contact)
        for b in (self.language_button, self.english_button, self.contact_button):
            bar.addWidget(b)

        self.banner = ReviewBanner()
        self.view = LeafletView(leaflet)
        self.view.linkActivated.connect(self._on_link)
        self.view.sectionChanged.connect(self._remember_section)

        reader = QWidget(objectName="readerPage")
        reader_layout = QVBoxLayout(reader)
        reader_layout.setContentsMargins(0, 0, 0, 0)
        reader_layout.addWidget(self.banner)
        reader_layout.addWidget(self.view, 1)

        self.picker = LanguagePicker(self.languages)
        self.picker.chosen.connect(self._on_picked)
        self.picker.cancelled.connect(self.close_pages)

        self.pages = QStackedWidget(objectName="pages")
        self.pages.addWidget(reader)
        self.pages.addWidget(self.picker)

        central = QWidget()
        layout = QVBoxLayout(central)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.pages, 1)
        self.setCentralWidget(central)

        self.statusBar().setSizeGripEnabled(False)
        self._make_actions()
        translator().languageChanged.connect(self._on_language_changed)
        self.setMinimumSize(QSize(640, 480))
        self.resize(self._default_size())
        self._apply_font()
        self.retranslate()
        self.view.current_page().setFocus()

    # --- construction -------------------------------------------------------------------------
    def _button(self, name: str, slot) -> QToolButton:
        button = QToolButton(objectName=name)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        button.setAutoRaise(False)
        button.clicked.connect(slot)
        return button

    def _action(self, name: str, keys: Sequence[QKeySequence | str], slot) -> QAction:
        action = QAction(self, objectName=name)
        action.setShortcuts([QKeySequence(k) for k in keys])
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _make_actions(self) -> None:
        self.next_action = self._action(
            "nextSection", ["Ctrl+Tab", "Ctrl+PgDown"], lambda: self._step(1)
        )
        self.previous_action = self._action(
            "previousSection", ["Ctrl+Shift+Tab", "Ctrl+Backtab", "Ctrl+PgUp"], lambda: self._step(-1)
        )
        self.section_actions = [
            self._action(f"section{n}", [f"Alt+{n}"], lambda checked=False, i=n - 1: self._go_to(i))
            for n in range(1, min(len(self.leaflet.sections), 9) + 1)
        ]
        self.picker_action = self._action("chooseLanguage", ["Ctrl+L"], self.open_picker)
        self.english_action = self._action(
            "english", ["Ctrl+E"], lambda: self.set_language(SOURCE_LANGUAGE)
        )
        self.contact_action = self._action("contact", ["Ctrl+K"], self.show_contact)
        self.quit_action = self._action("quit", [QKeySequence.StandardKey.Quit, "Ctrl+Q"], self.close)
        self.close_pages_action = self._action("closePage", ["Esc"], self.close_pages)

    def _default_size(self) -> QSize:
        wanted = QSize(1200, 800)
        screen = QGuiApplication.primaryScreen()
        if screen is None:
            return wanted
        available = screen.availableGeometry().size()
        return wanted.boundedTo(QSize(int(available.width() * 0.9), int(available.height() * 0.9)))

    # --- language -----------------------------------------------------------------------------
    def set_language(self, code: str) -> None:
        if code not in self.languages:
            raise ValueError(f"unknown language {code!r}")
        translator().set_language(code)
        self.close_pages()

    def _on_language_changed(self, code: str) -> None:
        if code != SOURCE_LANGUAGE:
            self.recent = [code] + [c for c in self.recent if c != code][: MAX_RECENT - 1]
        self._apply_font()
        self.retranslate()
        if self.settings is not None:
            self.settings.setValue("language", code)
            self.settings.setValue("recent_languages", ",".join(self.recent))

    def _apply_font(self) -> None:
        font = font_for(translator().language, BASE_POINT_SIZE)
        self.setFont(font)
        title_font = font_for(translator().language, BASE_POINT_SIZE * 1.6)
        title_font.setBold(True)
        self.view.title.setFont(title_font)

    def retranslate(self) -> None:
        tr = translator()
        texts = self.view.renderer.texts(tr.pgettext)
        self.setWindowTitle(f"{plain(texts.title)} – {APP_NAME}")
        own = language_info(tr.language).own_name
        self.language_button.setText(_("Language: {language}").format(language=own))
        self.language_button.setToolTip(_("Choose another language (Ctrl+L)"))
        self.language_button.setAccessibleName(_("Language: {language}").format(language=own))
        self.english_button.setText("English")  # never translated: the way back for anyone
        self.english_button.setToolTip("Show the leaflet in English (Ctrl+E)")
        self.english_button.setAccessibleName("English")
        self.english_button.setVisible(tr.language != SOURCE_LANGUAGE)
        contact = plain(texts.headings[self.leaflet.contact_section])
        self.contact_button.setText(contact)
        self.contact_button.setToolTip(_("Go to the contact details (Ctrl+K)"))
        self.contact_button.setAccessibleName(contact)
        self.toolbar.setAccessibleName(_("Toolbar"))

    # --- navigation ---------------------------------------------------------------------------
    def _step(self, delta: int) -> None:
        self.close_pages()
        self.view.step_section(delta)
        self.view.current_page().setFocus()

    def _go_to(self, index: int) -> None:
        self.close_pages()
        self.view.show_section(self.view.section_ids()[index])
        self.view.current_page().setFocus()

    def show_section(self, section_id: str) -> None:
        self.view.show_section(section_id)

    def show_contact(self) -> None:
        self.close_pages()
        self.view.show_section(self.leaflet.contact_section)
        self.view.current_page().setFocus()

    def _remember_section(self, section_id: str) -> None:
        if self.settings is not None:
            self.settings.setValue("section", section_id)

    def open_picker(self) -> None:
        self.picker.open(translator().language, self.recent)
        self.pages.setCurrentWidget(self.picker)

    def _on_picked(self, code: str) -> None:
        self.set_language(code)

    def close_pages(self) -> None:
        if self.pages.currentIndex() != 0:
            self.pages.setCurrentIndex(0)
            self.view.current_page().setFocus()

    def _on_link(self, address: str) -> None:
        copy_to_clipboard(address)
        self.statusBar().showMessage(_("Copied to the clipboard: {address}").format(address=address), 8000)

    # --- settings -----------------------------------------------------------------------------
    def restore(self, language: str | None = None, section: str | None = None) -> None:
        """Start on the given (or remembered) language and section; bad stored values are ignored."""
        s = self.settings
        if s is not None:
            stored = s.value("recent_languages", "")
            if isinstance(stored, str):
                self.recent = [c for c in stored.split(",") if c in self.languages][:MAX_RECENT]
            language = language or read_choice(s, "language", self.languages, SOURCE_LANGUAGE)
            section = section or read_choice(s, "section", self.view.section_ids(), self.view.section_ids()[0])
        if language:
            translator().set_language(language)
        if section:
            self.view.show_section(section)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.settings is not None:
            self.settings.sync()
        super().closeEvent(event)
