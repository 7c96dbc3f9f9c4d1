"""The main window: toolbar, review banner, the leaflet, and the pages shown in its place."""

from __future__ import annotations

import logging
from collections.abc import Sequence

from PySide6.QtCore import QLocale, QSettings, QSize, Qt
from PySide6.QtGui import QAction, QCloseEvent, QFontMetrics, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QMainWindow,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from leaflet_app import APP_NAME
from leaflet_app.catalogues import SOURCE_LANGUAGE, language_info
from leaflet_app.content import Leaflet
from leaflet_app.display import ACCESSIBLE, DEFAULT, Display, load_display, resolve_scheme, save_display
from leaflet_app.fonts import font_for, line_height
from leaflet_app.i18n import _, translator
from leaflet_app.render import plain
from leaflet_app.settings import read_choice
from leaflet_app.theme import banner_palette, palette_for, schemes
from leaflet_app.ui.banner import ReviewBanner
from leaflet_app.ui.display_panel import DisplayPanel
from leaflet_app.ui.flow_layout import FlowLayout
from leaflet_app.ui.focus_ring import FocusRing
from leaflet_app.ui.language_picker import LanguagePicker
from leaflet_app.ui.layouts import frozen_layouts
from leaflet_app.ui.leaflet_view import LeafletView, copy_to_clipboard
from leaflet_app.ui.shaped_text import TextButton
from leaflet_app.ui.shortcuts_page import ShortcutsPage

log = logging.getLogger(__name__)

MAX_RECENT = 5
BASE_POINT_SIZE = 11.0
CHROME_MAX_SCALE = 1.75
COMPACT_SCALE = 1.75  # from this text size on, the title moves into the text


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
        self.display: Display = DEFAULT
        self.accessibility_mode = False
        self._display_before_mode: Display = DEFAULT
        self.kiosk = None  # set by leaflet_app.kiosk.controller.Kiosk in kiosk mode
        self.touch_targets = False  # kiosk: larger buttons for fingers
        self._applied_scheme: str | None = None

        # Toolbar: a wrapping row of buttons, so none is hidden at large text sizes.
        self.toolbar = QWidget(objectName="toolbar")
        bar = FlowLayout(self.toolbar)
        self.language_button = self._button("languageButton", self.open_picker)
        self.english_button = self._button("englishButton", lambda: self.set_language(SOURCE_LANGUAGE))
        self.contact_button = self._button("contactButton", self.show_contact)
        self.accessibility_button = self._button("accessibilityButton", self.toggle_accessibility_mode)
        self.accessibility_button.setCheckable(True)
        self.display_button = self._button("displayButton", self.open_display_panel)
        self.shortcuts_button = self._button("shortcutsButton", self.open_shortcuts)
        self.toolbar_buttons = (
            self.language_button, self.english_button, self.contact_button,
            self.accessibility_button, self.display_button, self.shortcuts_button,
        )
        for b in self.toolbar_buttons:
            bar.addWidget(b)

        self.banner = ReviewBanner()
        self.view = LeafletView(leaflet)
        self.view.linkActivated.connect(self._on_link)
        self.view.sectionChanged.connect(self._remember_section)
        self.view.zoomRequested.connect(self.step_text_size)

        reader = QWidget(objectName="readerPage")
        reader_layout = QVBoxLayout(reader)
        reader_layout.setContentsMargins(0, 0, 0, 0)
        reader_layout.addWidget(self.banner)
        reader_layout.addWidget(self.view, 1)

        self.picker = LanguagePicker(self.languages)
        self.picker.chosen.connect(self._on_picked)
        self.picker.cancelled.connect(self.close_pages)

        self.display_panel = DisplayPanel()
        self.display_panel.changed.connect(self.set_display)
        self.display_panel.resetRequested.connect(self.reset_display)
        self.display_panel.closed.connect(self.close_pages)
        self.shortcuts = ShortcutsPage()
        self.shortcuts.closed.connect(self.close_pages)

        self.pages = QStackedWidget(objectName="pages")
        for page in (reader, self.picker, self.display_panel, self.shortcuts):
            self.pages.addWidget(page)

        central = QWidget()
        layout = QVBoxLayout(central)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.pages, 1)
        self.setCentralWidget(central)
        self.focus_ring = FocusRing(self)

        self.statusBar().setSizeGripEnabled(False)
        self._make_actions()
        translator().languageChanged.connect(self._on_language_changed)
        self.setMinimumSize(QSize(640, 480))
        self.resize(self._default_size())
        self.setLocale(QLocale(translator().language))
        self.apply_display()
        self.retranslate()
        self.view.current_page().setFocus()
        hints = QGuiApplication.styleHints()
        hints.colorSchemeChanged.connect(self._on_system_appearance)
        if hasattr(hints, "accessibility"):  # Qt >= 6.10
            hints.accessibility().contrastPreferenceChanged.connect(self._on_system_appearance)

    # --- construction -------------------------------------------------------------------------
    def _button(self, name: str, slot) -> QToolButton:
        button = TextButton(objectName=name)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        button.setAutoRaise(False)
        button.clicked.connect(slot)
        return button

    def _action(self, name: str, keys: Sequence[QKeySequence | str], slot) -> QAction:
        action = QAction(self, objectName=name)
        # The same sequence twice (a standard key that equals one of ours) would be ambiguous.
        sequences = {QKeySequence(k).toString(): QKeySequence(k) for k in keys}
        action.setShortcuts([s for s in sequences.values() if not s.isEmpty()])
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
        self.accessibility_action = self._action(
            "accessibilityMode", ["Ctrl+Shift+A"], self.toggle_accessibility_mode
        )
        self.display_action = self._action("displaySettings", ["Ctrl+D"], self.open_display_panel)
        self.larger_action = self._action(
            "largerText", [QKeySequence.StandardKey.ZoomIn, "Ctrl+=", "Ctrl++"], lambda: self.step_text_size(1)
        )
        self.smaller_action = self._action(
            "smallerText", [QKeySequence.StandardKey.ZoomOut, "Ctrl+-"], lambda: self.step_text_size(-1)
        )
        self.normal_size_action = self._action("normalTextSize", ["Ctrl+0"], self.normal_text_size)
        self.shortcuts_action = self._action("keyboardShortcuts", ["F1"], self.open_shortcuts)
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
        # Every widget inherits the locale: screen readers get it as the Locale attribute of
        # each accessible object (Qt >= 6.8), so they read the text in the right language.
        self.setLocale(QLocale(code))
        if code != SOURCE_LANGUAGE:
            self.recent = [code] + [c for c in self.recent if c != code][: MAX_RECENT - 1]
        with frozen_layouts(self):  # laid out once, below, with every text and font in place
            self._apply_display()
            self.banner.retranslate()
            self.view.retranslate()
            self.retranslate()
        self.view.refresh()
        if self.settings is not None:
            self.settings.setValue("language", code)
            self.settings.setValue("recent_languages", ",".join(self.recent))

    # --- display ------------------------------------------------------------------------------
    def apply_display(self) -> None:
        """Apply text size, font, colours and spacing: everything scales from one base font."""
        with frozen_layouts(self):  # laid out once, by refresh(), with every font in place
            self._apply_display()
        self.view.refresh()

    def _apply_display(self) -> None:
        self.view.remember_positions()  # while the layout is still the one the reader sees
        d = self.display
        language = translator().language
        # Controls grow up to 200 %, the leaflet text up to 300 %: at the largest sizes the
        # text keeps most of the window, and every control stays on screen.
        chrome = font_for(language, BASE_POINT_SIZE * min(d.scale, CHROME_MAX_SCALE), d.readable_font)
        text = font_for(language, BASE_POINT_SIZE * d.scale, d.readable_font)
        self.setFont(chrome)
        title_font = font_for(language, BASE_POINT_SIZE * 1.5, d.readable_font)
        title_font.setBold(True)
        self.view.title.setFont(title_font)
        self.view.set_text_style(text, d.spacing, compact=d.scale >= COMPACT_SCALE)
        scheme = schemes()[resolve_scheme(d.scheme)]
        if scheme.name != self._applied_scheme:
            # Only when the scheme changes: a new palette repaints every control from scratch
            # (the style's cached drawings are keyed by the palette).
            self._applied_scheme = scheme.name
            palette = palette_for(scheme)
            app = QApplication.instance()
            if isinstance(app, QApplication):
                app.setPalette(palette)  # app-wide, so tooltips and popups follow too
            else:
                self.setPalette(palette)
            self.banner.setPalette(banner_palette(scheme, palette))
        self.focus_ring.set_style(scheme.color("focus"), max(3, QFontMetrics(chrome).height() // 8))
        self._size_buttons()
        self.display_panel.show_display(d)
        self.accessibility_button.setChecked(self.accessibility_mode)

    def _size_buttons(self) -> None:
        """Toolbar buttons sized from the font: 1.6 lines high (2.5 in kiosk mode, for fingers),
        more for scripts that rise above their line."""
        language = translator().language
        metrics = QFontMetrics(self.font())
        extra = (line_height(language) - 1) / 2  # Nastaliq: the font metrics already give most of it
        height = int(metrics.height() * ((2.5 if self.touch_targets else 1.6) + extra))
        for button in self.toolbar.findChildren(QToolButton) + self.view.nav.findChildren(QToolButton):
            button.setMinimumHeight(height)  # the width: their labels' room for ink (shaped_text)

    def set_display(self, display: Display) -> None:
        if display == self.display:
            return
        self.display = display
        self.apply_display()
        self._save_display()

    def step_text_size(self, delta: int) -> None:
        self.set_display(self.display.step(delta))

    def normal_text_size(self) -> None:
        self.set_display(Display(1.0, self.display.scheme, self.display.spacing, self.display.readable_font))

    def toggle_accessibility_mode(self) -> None:
        """Large, high-contrast text at once, and back to what was there before."""
        if self.accessibility_mode:
            self.accessibility_mode = False
            self.set_display(self._display_before_mode)
        else:
            self._display_before_mode = self.display
            self.accessibility_mode = True
            self.set_display(ACCESSIBLE)
        self.accessibility_button.setChecked(self.accessibility_mode)
        self._save_display()

    def reset_display(self) -> None:
        self.accessibility_mode = False
        self.set_display(DEFAULT)
        self.accessibility_button.setChecked(False)
        self._save_display()

    def _on_system_appearance(self, *args: object) -> None:
        if self.display.scheme == "auto":
            self.apply_display()

    def _save_display(self) -> None:
        if self.settings is not None:
            save_display(self.settings, self.display, self.accessibility_mode)

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
        self.accessibility_button.setText(_("Accessibility mode"))
        self.accessibility_button.setToolTip(_("Large text and high contrast, on or off (Ctrl+Shift+A)"))
        self.accessibility_button.setAccessibleName(_("Accessibility mode"))
        self.display_button.setText(_("Display settings"))
        self.display_button.setToolTip(_("Text size, colours and spacing (Ctrl+D)"))
        self.display_button.setAccessibleName(_("Display settings"))
        self.shortcuts_button.setText(_("Keyboard shortcuts"))
        self.shortcuts_button.setToolTip(_("All keyboard shortcuts (F1)"))
        self.shortcuts_button.setAccessibleName(_("Keyboard shortcuts"))
        self.toolbar.setAccessibleName(_("Toolbar"))
        self._size_buttons()

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

    def open_display_panel(self) -> None:
        self.display_panel.show_display(self.display)
        self.pages.setCurrentWidget(self.display_panel)
        self.display_panel.larger.setFocus()

    def open_shortcuts(self) -> None:
        self.pages.setCurrentWidget(self.shortcuts)
        self.shortcuts.text.setFocus()

    def _on_picked(self, code: str) -> None:
        self.set_language(code)

    def close_pages(self) -> None:
        if self.pages.currentIndex() != 0:
            self.pages.setCurrentIndex(0)
            self.view.current_page().setFocus()

    def _on_link(self, address: str) -> None:
        if self.kiosk is not None:  # nothing is left on a kiosk's clipboard for the next person
            return
        copy_to_clipboard(address)
        self.statusBar().showMessage(_("Copied to the clipboard: {address}").format(address=address), 8000)

    # --- settings -----------------------------------------------------------------------------
    def restore(self, language: str | None = None, section: str | None = None) -> None:
        """Start on the given (or remembered) language and section; bad stored values are ignored."""
        s = self.settings
        stored_display = False
        if s is not None:
            stored = s.value("recent_languages", "")
            if isinstance(stored, str):
                self.recent = [c for c in stored.split(",") if c in self.languages][:MAX_RECENT]
            language = language or read_choice(s, "language", self.languages, SOURCE_LANGUAGE)
            section = section or read_choice(s, "section", self.view.section_ids(), self.view.section_ids()[0])
            self.display, self.accessibility_mode = load_display(s)
            self._display_before_mode = DEFAULT
            stored_display = True
        if language and language != translator().language:
            translator().set_language(language)  # applies the display on the way
        elif stored_display:
            self.apply_display()
        if section:
            self.view.show_section(section)

    def start_accessible(self) -> None:
        """``--accessible``: start in accessibility mode (also for screenshots)."""
        if not self.accessibility_mode:
            self.toggle_accessibility_mode()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.kiosk is not None and self.kiosk.locked:
            event.ignore()
            return
        if self.settings is not None:
            self.settings.sync()
        super().closeEvent(event)
