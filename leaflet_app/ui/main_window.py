"""The main window: toolbar, review banner, the leaflet, and the pages shown in its place.

It composes; the display state lives in ``DisplayController`` (display.py), the actions in the
registry (actions.py), the chrome's sizing rules in ``chrome.py``.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QLocale, QSettings, QSize, Qt, QTimer
from PySide6.QtGui import (
    QAction,
    QClipboard,
    QCloseEvent,
    QFont,
    QFontInfo,
    QFontMetrics,
    QFontMetricsF,
    QGuiApplication,
    QPalette,
    QResizeEvent,
)
from PySide6.QtWidgets import QApplication, QMainWindow, QToolButton, QVBoxLayout, QWidget

from leaflet_app import APP_NAME
from leaflet_app.app import use_application_font
from leaflet_app.content import Leaflet
from leaflet_app.display import ACCESSIBLE, Display, DisplayController, resolve_scheme
from leaflet_app.fonts import line_height
from leaflet_app.i18n import SOURCE_LANGUAGE, _, localizer, translator
from leaflet_app.render import plain
from leaflet_app.session import LAPTOP, SessionPolicy
from leaflet_app.settings import read_choice
from leaflet_app.theme import banner_palette, palette_for, schemes
from leaflet_app.ui import actions, icons
from leaflet_app.ui.announce import announce
from leaflet_app.ui.banner import ReviewBanner
from leaflet_app.ui.chrome import BASE_POINTS, Sizes, sizes_for
from leaflet_app.ui.focus_ring import FocusRing
from leaflet_app.ui.layouts import Pages, frozen_layouts
from leaflet_app.ui.leaflet_view import LeafletView, copy_to_clipboard
from leaflet_app.ui.retranslate import follow_language
from leaflet_app.ui.shaped_text import TextLabel
from leaflet_app.ui.toolbar import ButtonRow, action_button

if TYPE_CHECKING:
    from leaflet_app.i18n import Localizer
    from leaflet_app.ui.about_page import AboutPage
    from leaflet_app.ui.display_panel import DisplayPanel
    from leaflet_app.ui.language_picker import LanguagePicker
    from leaflet_app.ui.shortcuts_page import ShortcutsPage

log = logging.getLogger(__name__)

MAX_RECENT = 5
NOTICE_MS = 8000


class MainWindow(QMainWindow):
    def __init__(
        self,
        leaflet: Leaflet,
        languages: Sequence[str],
        settings: QSettings | None = None,
        size: QSize | None = None,
    ) -> None:
        """``size``: the size the window will be shown at, if known (a screenshot, a full screen):
        the display is then applied once, for that size, not once more when it is shown."""
        super().__init__()
        self.setObjectName("mainWindow")
        self.leaflet = leaflet
        self.languages = list(languages)
        self.recent: list[str] = []
        self.family_language: str | None = None  # the last language other than English
        self.controller = DisplayController(settings, self)
        self.controller.changed.connect(self.apply_display)
        self.policy: SessionPolicy = LAPTOP
        self.touch_targets = False  # larger buttons for fingers (a touch policy)
        self._applied_scheme: str | None = None
        self._sizes: Sizes | None = None
        self._controls_key: tuple | None = None  # what the buttons' icons and heights were made for
        self._text_points = 0.0

        self.actions_by_id: dict[str, QAction] = {}
        self._make_actions()
        self.toolbar = ButtonRow("toolbar", overflow=True)
        self.toolbar_buttons: list[QToolButton] = []
        for spec in actions.TOOLBAR:
            button = action_button(self.actions_by_id[spec.id], spec.id + "Button")
            self.toolbar.add_button(button)
            self.toolbar_buttons.append(button)
        (self.language_button, self.english_button, self.contact_button, self.read_aloud_button,
         self.side_by_side_button, self.display_button, self.accessibility_button, self.save_pdf_button,
         self.print_button, self.shortcuts_button, self.about_button) = self.toolbar_buttons
        self.side_by_side = None  # made on first use
        self.reader = None  # read aloud: made on first use (QtMultimedia stays unloaded until then)
        self.read_bar: QWidget | None = None

        self.banner = ReviewBanner()
        self.view = LeafletView(leaflet)
        self.view.linkActivated.connect(self._on_link)
        self.view.sectionChanged.connect(self._remember_section)
        self.view.zoomRequested.connect(self.step_text_size)
        self.notice = TextLabel(objectName="notice", wordWrap=True)
        self.notice.hide()
        self._notice_timer = QTimer(self, singleShot=True, interval=NOTICE_MS)
        self._notice_timer.timeout.connect(self.clear_notice)

        reader = QWidget(objectName="readerPage")
        reader_layout = QVBoxLayout(reader)
        reader_layout.setContentsMargins(0, 0, 0, 0)
        reader_layout.setSpacing(4)
        reader_layout.addWidget(self.banner)
        self.reader_layout = reader_layout
        reader_layout.addWidget(self.view, 1)
        reader_layout.addWidget(self.notice)

        # The pages shown in the leaflet's place are made when first opened (see "pages"
        # below): none of them is on the way to the first paint.
        self.offered_languages = self.languages  # in the picker (a kiosk may offer fewer)
        self._picker: LanguagePicker | None = None
        self._display_panel: DisplayPanel | None = None
        self._shortcuts: ShortcutsPage | None = None
        self._about: AboutPage | None = None
        self.pages = Pages(objectName="pages")
        self.pages.addWidget(reader)

        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.setSpacing(6)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.pages, 1)
        self.setCentralWidget(central)
        self.focus_ring = FocusRing(self)

        # The window's icon is the application's (app.application() sets it): nothing to load twice.
        translator().languageChanged.connect(self._on_language_changed)
        self.setMinimumSize(QSize(640, 480))
        self.resize(size or self._default_size())
        self.setLocale(QLocale(translator().language))
        self.apply_display()
        self.retranslate()
        self.view.current_page().setFocus()
        hints = QGuiApplication.styleHints()
        hints.colorSchemeChanged.connect(self._on_system_appearance)
        if hasattr(hints, "accessibility"):  # Qt >= 6.10
            hints.accessibility().contrastPreferenceChanged.connect(self._on_system_appearance)

    # --- pages, made on first use ---------------------------------------------------------------
    def _add_page(self, page: QWidget) -> None:
        """A page in the leaflet's place; it takes the window's font, palette and locale as it
        joins, and its own retranslate() has already run in the current language."""
        self.pages.addWidget(page)

    @property
    def picker(self) -> LanguagePicker:
        if self._picker is None:
            from leaflet_app.ui.language_picker import LanguagePicker

            picker = LanguagePicker(self.offered_languages)
            picker.touch = self.touch_targets
            picker.chosen.connect(self._on_picked)
            picker.cancelled.connect(self.close_pages)
            self._add_page(picker)
            self._picker = picker
        return self._picker

    @property
    def display_panel(self) -> DisplayPanel:
        if self._display_panel is None:
            from leaflet_app.ui.display_panel import DisplayPanel

            panel = DisplayPanel()
            panel.show_display(self.display)
            panel.changed.connect(self.set_display)
            panel.resetRequested.connect(self.reset_display)
            panel.closed.connect(self.close_pages)
            self._add_page(panel)
            self._display_panel = panel
        return self._display_panel

    @property
    def shortcuts(self) -> ShortcutsPage:
        if self._shortcuts is None:
            from leaflet_app.ui.shortcuts_page import ShortcutsPage

            page = ShortcutsPage(len(self.leaflet.sections))
            page.closed.connect(self.close_pages)
            self._add_page(page)
            self._shortcuts = page
        return self._shortcuts

    @property
    def about(self) -> AboutPage:
        if self._about is None:
            from leaflet_app.ui.about_page import AboutPage

            page = AboutPage(self.leaflet)
            page.closed.connect(self.close_pages)
            self._add_page(page)
            self._about = page
        return self._about

    # --- construction -------------------------------------------------------------------------
    def _handlers(self) -> dict[str, Callable[[], None]]:
        return {
            "chooseLanguage": self.open_picker,
            "flipLanguage": self.flip_language,
            "contact": self.show_contact,
            "readAloud": self.read_aloud,
            "sideBySide": self.toggle_side_by_side,
            "savePdf": self.save_pdf,
            "print": self.print_leaflet,
            "stopReading": self.stop_reading,
            "displaySettings": self.open_display_panel,
            "accessibilityMode": self.toggle_accessibility_mode,
            "keyboardShortcuts": self.open_shortcuts,
            "about": self.open_about,
            "nextSection": lambda: self._step(1),
            "previousSection": lambda: self._step(-1),
            "largerText": lambda: self.step_text_size(1),
            "smallerText": lambda: self.step_text_size(-1),
            "normalTextSize": self.normal_text_size,
            "closePage": self.close_pages,
            "quit": self.close,
        }

    def _make_actions(self) -> None:
        handlers = self._handlers()
        for spec in actions.ALL:
            action = QAction(self, objectName=spec.id)
            action.setCheckable(spec.checkable)
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            if spec.id == "section":  # one action per key: Alt+1 … Alt+9
                count = min(len(self.leaflet.sections), 9)
                self.section_actions = []
                for n, sequence in enumerate(actions.sequences(spec)[:count]):
                    each = QAction(self, objectName=f"section{n + 1}")
                    each.setShortcut(sequence)
                    each.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
                    each.triggered.connect(lambda checked=False, i=n: self._go_to(i))
                    self.addAction(each)
                    self.section_actions.append(each)
                continue
            action.setShortcuts(actions.sequences(spec))
            handler = handlers[spec.id]
            action.triggered.connect(lambda checked=False, h=handler: h())
            self.addAction(action)
            self.actions_by_id[spec.id] = action
        a = self.actions_by_id
        self.picker_action, self.english_action = a["chooseLanguage"], a["flipLanguage"]
        self.contact_action, self.accessibility_action = a["contact"], a["accessibilityMode"]
        self.display_action, self.shortcuts_action = a["displaySettings"], a["keyboardShortcuts"]
        self.next_action, self.previous_action = a["nextSection"], a["previousSection"]
        self.larger_action, self.smaller_action = a["largerText"], a["smallerText"]
        self.normal_size_action, self.close_pages_action, self.quit_action = (
            a["normalTextSize"], a["closePage"], a["quit"])

    def _default_size(self) -> QSize:
        wanted = QSize(1200, 800)
        screen = QGuiApplication.primaryScreen()
        if screen is None:
            return wanted
        available = screen.availableGeometry().size()
        return wanted.boundedTo(QSize(int(available.width() * 0.9), int(available.height() * 0.9)))

    # --- state kept in the controller ---------------------------------------------------------
    @property
    def settings(self) -> QSettings | None:
        return self.controller.settings

    @settings.setter
    def settings(self, value: QSettings | None) -> None:
        self.controller.settings = value

    @property
    def display(self) -> Display:
        return self.controller.display

    @property
    def accessibility_mode(self) -> bool:
        return self.controller.accessibility_mode

    # --- language -----------------------------------------------------------------------------
    def set_language(self, code: str) -> None:
        if code not in self.languages:
            raise ValueError(f"unknown language {code!r}")
        translator().set_language(code)
        self.close_pages()

    def flip_language(self) -> None:
        """English and back to the family's language, on the same section and paragraph."""
        if translator().language != SOURCE_LANGUAGE:
            self.set_language(SOURCE_LANGUAGE)
        elif self.family_language in self.languages:
            self.set_language(self.family_language)

    # --- read aloud ---------------------------------------------------------------------------
    def read_aloud(self) -> None:
        """Read the shown section aloud (or pause, or resume); the controls appear on first use."""
        if self.reader is None:
            from leaflet_app.speech.controller import ReadAloud
            from leaflet_app.ui.read_aloud_bar import ReadAloudBar
            from leaflet_app.ui.reading_highlight import ReadingHighlight

            self.reader = ReadAloud(self)
            self.read_bar = ReadAloudBar(self.reader, self._read_source)
            follow_language(self.read_bar, self.read_bar.retranslate)
            highlight = ReadingHighlight(self)
            self.reader.blockChanged.connect(highlight.show_block)
            self.reader.wordChanged.connect(highlight.show_word)
            self.reader.stateChanged.connect(lambda state: highlight.attach(self.view.current_page()))
            self.read_bar.speedChosen.connect(self._remember_speed)
            if self.settings is not None:
                speed = self.settings.value("speech/speed", 1.0)
                try:
                    self.read_bar.set_speed(float(speed))
                except (TypeError, ValueError):
                    log.info("Ignoring a stored reading speed that is not a number: %r", speed)
            translator().languageAboutToChange.connect(self.stop_reading)
            self.view.sectionChanged.connect(self.stop_reading)
            self.reader_layout.insertWidget(1, self.read_bar)
            self.read_bar.retranslate()
        self.read_bar.show()
        self.read_bar.play_pause()

    # --- formats on request -------------------------------------------------------------------
    def toggle_side_by_side(self) -> None:
        """English beside the family's language (the section in two columns), or back."""
        on = self.view.alternate is None
        if on and self.side_by_side is None:
            from leaflet_app.ui.side_by_side import SideBySideView

            self.side_by_side = SideBySideView(self.leaflet)
            self.view.sectionChanged.connect(self.side_by_side.show_section)
            translator().languageChanged.connect(lambda code: self._update_side_by_side())
        self.close_pages()
        self.view.set_alternate(self.side_by_side if on else None)
        if on:
            self._update_side_by_side()
            self.side_by_side.show_section(self.view.current_section())
            self.side_by_side.setFocus()
        else:
            self.view.current_page().setFocus()
        self.actions_by_id["sideBySide"].setChecked(on)

    def _update_side_by_side(self) -> None:
        sbs = self.side_by_side
        if sbs is None or self.view.alternate is not sbs:
            return
        current = translator().language
        other = self.family_language if current == SOURCE_LANGUAGE else current
        sbs.set_languages(SOURCE_LANGUAGE, other or SOURCE_LANGUAGE)
        if self._sizes is not None:
            sbs.set_text_style(self._text_points, self.display.readable_font, self.display.spacing)
        sbs.retranslate()

    def save_pdf(self) -> None:
        from leaflet_app.ui.export_actions import save_pdf

        if self.policy.may_save:
            save_pdf(self, self.leaflet, translator().language)

    def print_leaflet(self) -> None:
        from leaflet_app.ui.export_actions import print_leaflet

        if self.policy.may_print:
            print_leaflet(self, self.leaflet, translator().language)

    def _read_source(self) -> tuple[list[str], str, int]:
        from leaflet_app.speech.recording import document_blocks

        page = self.view.current_page()
        return document_blocks(page.document()), translator().language, page.top_block()

    def _remember_speed(self, speed: float) -> None:
        if self.settings is not None:
            self.settings.setValue("speech/speed", speed)

    def stop_reading(self, *args: object) -> None:
        if self.reader is not None:
            self.reader.stop()

    def _on_language_changed(self, code: str) -> None:
        # Every widget inherits the locale: screen readers get it as the Locale attribute of
        # each accessible object (Qt >= 6.8), so they read the text in the right language.
        self.setLocale(QLocale(code))
        if code != SOURCE_LANGUAGE:
            self.family_language = code
            self.recent = [code] + [c for c in self.recent if c != code][: MAX_RECENT - 1]
        with frozen_layouts(self):  # laid out once, below, with every text and font in place
            self._apply_display()
            self.banner.retranslate()
            self.view.retranslate()
            self.retranslate()
        self.view.refresh()
        if not self.banner.isHidden():  # the warning is not focusable: say it once
            announce(self.banner, self.banner.spoken())
        self.toolbar.fit()
        if self.settings is not None:
            self.settings.setValue("language", code)
            self.settings.setValue("recent_languages", ",".join(self.recent))

    # --- display ------------------------------------------------------------------------------
    def apply_display(self) -> None:
        """Apply text size, font, colours and spacing: everything scales from one base font."""
        with frozen_layouts(self):  # laid out once, by refresh(), with every font in place
            self._apply_display()
        self.view.refresh()
        self.toolbar.fit()  # now that the layouts have given the rows their widths

    def _apply_display(self) -> None:
        self.stop_reading()  # a new page is laid out: the highlight would point into the old one
        self.view.remember_positions()  # while the layout is still the one the reader sees
        d = self.display
        lang = translator().current
        sizes = sizes_for(d.scale, self.width(), self.height(), self.touch_targets)
        self._sizes = sizes
        chrome = lang.font(sizes.chrome_points, d.readable_font)
        # Tooltips, menus and pop-ups in the language's bundled font too (never a system font).
        use_application_font(lang.code, sizes.chrome_points, d.readable_font)
        self.setFont(chrome)
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
        text_font = self._text_font(sizes.text_points)
        self._text_points = text_font.pointSizeF()
        self.view.set_text_style(text_font, d.spacing,
                                 large_text=sizes.large_text, ink=scheme.color("text"))
        metrics = QFontMetrics(chrome)
        self.focus_ring.set_style(scheme.color("focus"), max(3, metrics.height() // 8))
        self._size_controls(palette_for(scheme))
        if self._display_panel is not None:  # otherwise it shows the display when first made
            self._display_panel.show_display(d)
        self.accessibility_action.setChecked(self.accessibility_mode)
        self._update_side_by_side()

    def _text_font(self, points: float, lang: Localizer | None = None) -> QFont:
        """The text font at ``points`` (in ``lang``, the shown language if none), made smaller only
        where a line would be so tall that three no longer fit in half the window (Nastaliq at
        300 % on a 600 px screen)."""
        lang, readable = lang or translator().current, self.display.readable_font
        font = lang.font(points, readable)
        pitch = QFontMetricsF(font).lineSpacing() * line_height(lang.code)
        most = self.height() / 2 / 3.3  # three lines and the paragraph's margins
        if pitch > most:
            font = lang.font(max(BASE_POINTS, points * most / pitch), readable)
        return font

    def fonts_for(self, lang: Localizer) -> tuple[QFont, QFont]:
        """The control font and the text font the window would use in ``lang``, at its size and
        in its display (for drawing a script ahead of need: ui/script_warmer.py)."""
        assert self._sizes is not None
        return (lang.font(self._sizes.chrome_points, self.display.readable_font),
                self._text_font(self._sizes.text_points, lang))

    def _size_controls(self, palette: QPalette) -> None:
        """Buttons and icons sized from the control font, drawn in the scheme's colours (the
        palette just set reaches the widgets only later); touch targets on a kiosk."""
        # Icons from the size of the type, not its line: Nastaliq's tall lines need no larger icons.
        icon_px = round(QFontInfo(self.font()).pixelSize() * 1.35)
        ratio = self.devicePixelRatioF()
        assert self._sizes is not None
        height = max(self._sizes.touch_px, icon_px + 12)  # the label's own height: sizeHint
        buttons = self.toolbar.findChildren(QToolButton) + self.view.nav.findChildren(QToolButton)
        # Most language switches change none of these: the icons stay as they are (setting
        # them again would measure and repaint every button).
        key = (self._applied_scheme, icon_px, ratio, height, self.view.layoutDirection(), len(buttons),
               self._sizes.touch_px)
        if key == self._controls_key:
            return
        self._controls_key = key
        for spec, button in zip(actions.TOOLBAR, self.toolbar_buttons, strict=True):
            self.actions_by_id[spec.id].setIcon(icons.icon(spec.icon or "info", palette, icon_px, ratio))
            button.setIconSize(QSize(icon_px, icon_px))
        self.view.set_icons(palette, icon_px)
        more = self.toolbar.more
        if more is not None:
            more.setIcon(icons.icon("ellipsis", palette, icon_px, ratio))
            more.setIconSize(QSize(icon_px, icon_px))
        self.banner.set_icon_size(icon_px, banner_palette(schemes()[self._applied_scheme or "standard"], palette))
        for button in buttons:
            button.setMinimumHeight(height)
        self.view.sections.setProperty("minimumRowHeight", self._sizes.touch_px)
        # The rows are fitted once, after the layouts have settled (apply_display, a language change).

    def set_display(self, display: Display) -> None:
        self.controller.set(display)

    def step_text_size(self, delta: int) -> None:
        self.controller.step(delta)

    def normal_text_size(self) -> None:
        self.controller.normal_size()

    def toggle_accessibility_mode(self) -> None:
        """Large, high-contrast text at once, and back to what was there before."""
        self.controller.toggle_accessibility_mode()
        self.accessibility_action.setChecked(self.accessibility_mode)

    def reset_display(self) -> None:
        self.controller.reset()
        self.accessibility_action.setChecked(False)

    def _on_system_appearance(self, *args: object) -> None:
        if self.display.scheme == "auto":
            self.apply_display()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self._sizes is None:
            return
        sizes = sizes_for(self.display.scale, self.width(), self.height(), self.touch_targets)
        if sizes != self._sizes or self._text_font(sizes.text_points).pointSizeF() != self._text_points:
            self.apply_display()

    def retranslate(self) -> None:
        tr = translator()
        english = tr.language == SOURCE_LANGUAGE
        texts = self.view.renderer.texts(tr.pgettext)
        self.setWindowTitle(f"{plain(texts.title)} – {APP_NAME}")
        own = tr.current.own_name
        contact = plain(texts.headings[self.leaflet.contact_section])
        flip_to = SOURCE_LANGUAGE if not english else self.family_language
        # The flip button is named in the language it shows (English, or the family's own name).
        self.english_button.setLocale(QLocale(flip_to or SOURCE_LANGUAGE))
        labels = {
            "chooseLanguage": own,
            "flipLanguage": "English" if flip_to in (SOURCE_LANGUAGE, None) else localizer(flip_to).own_name,
            "contact": contact,
        }
        for spec in actions.TOOLBAR:
            action = self.actions_by_id[spec.id]
            label = labels.get(spec.id) or _(spec.label or spec.description)
            action.setText(label)
            keys = ", ".join(k for k in actions.listed_keys(spec))
            local = _(spec.description)
            # The tooltip in the family's language and in English, for the practitioner.
            tip = local if english or local == spec.description else f"{local}\n{spec.description}"
            action.setToolTip(f"{tip} ({keys})" if keys else tip)
        # (Translated, the flip button's tooltip and description say what it does in the family's
        # language, then in English, as every other button's do.)
        if english and self.family_language:
            own_family = localizer(self.family_language).own_name
            self.english_action.setToolTip(f"{own_family} (Ctrl+E)")
        self.english_action.setEnabled(not english or self.family_language is not None)
        self.language_button.setAccessibleName(_("Language: {language}").format(language=own))
        self.toolbar.setAccessibleName(_("Toolbar"))
        if self.toolbar.more is not None:
            self.toolbar.more.setText(_("More"))
            self.toolbar.more.setToolTip(_("More") if english else f"{_('More')}\nMore")
            self.toolbar.more.setAccessibleName(_("More"))
        for button in self.toolbar_buttons:
            if button is not self.language_button:
                button.setAccessibleName(button.text())

    # --- navigation ---------------------------------------------------------------------------
    def _step(self, delta: int) -> None:
        self.close_pages()
        self.view.step_section(delta)
        self.view.current_page().setFocus()

    def _go_to(self, index: int) -> None:
        self.close_pages()
        self.view.show_section(self.view.section_ids()[index])
        self.view.announce_section()
        self.view.current_page().setFocus()

    def show_section(self, section_id: str) -> None:
        self.view.show_section(section_id)

    def show_contact(self) -> None:
        self.close_pages()
        self.view.show_section(self.leaflet.contact_section)
        page = self.view.current_page()
        page.scroll_to_block(page.title_blocks)  # the contact card is just below the heading
        page.setFocus()

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

    def open_about(self) -> None:
        """Version, where the leaflet comes from, and the licences of everything inside."""
        self.pages.setCurrentWidget(self.about)
        self.about.text.setFocus()

    def open_shortcuts(self) -> None:
        self.pages.setCurrentWidget(self.shortcuts)
        self.shortcuts.text.setFocus()

    def _on_picked(self, code: str) -> None:
        self.set_language(code)

    def close_pages(self) -> None:
        if self.pages.currentIndex() != 0:
            self.pages.setCurrentIndex(0)
            self.view.current_page().setFocus()

    def show_notice(self, text: str) -> None:
        self.notice.setText(text)
        self.notice.show()
        announce(self.notice, text)
        self._notice_timer.start()

    def clear_notice(self) -> None:
        self._notice_timer.stop()
        self.notice.clear()
        self.notice.hide()

    def _on_link(self, address: str) -> None:
        if not self.policy.may_copy:
            # Nothing is left on a kiosk's clipboard for the next person: the detail is shown
            # large instead, with the contact card, to note down.
            if self.view.current_section() != self.leaflet.contact_section:
                self.show_contact()
            self.show_notice(_("Please note this down: {address}").format(address=address))
            return
        copy_to_clipboard(address)
        self.show_notice(_("Copied to the clipboard: {address}").format(address=address))

    # --- session ------------------------------------------------------------------------------
    def set_policy(self, policy: SessionPolicy) -> None:
        """What this session may do (see session.py); applied at once."""
        self.policy = policy
        if not policy.remember:
            self.controller.settings = None
        offered = [c for c in policy.languages if c in self.languages] or self.languages
        self.offered_languages = offered
        self.touch_targets = policy.touch
        if self._picker is not None:
            self._picker.languages = offered
            self._picker.touch = policy.touch
        self.shortcuts_button.setVisible(policy.shortcuts_page)
        self.about_button.setVisible(policy.shortcuts_page)  # a kiosk shows no install details
        self.actions_by_id["about"].setEnabled(policy.shortcuts_page)
        self.shortcuts_action.setEnabled(policy.shortcuts_page)
        self.quit_action.setEnabled(policy.may_close)
        a = self.actions_by_id
        for button, action, allowed in (
            (self.accessibility_button, self.accessibility_action, policy.display_controls),
            (self.display_button, self.display_action, policy.display_controls),
            (self.save_pdf_button, a["savePdf"], policy.may_save),
            (self.print_button, a["print"], policy.may_print),
            (self.side_by_side_button, a["sideBySide"], policy.side_by_side),
        ):
            button.setVisible(allowed)
            action.setEnabled(allowed)
        self.apply_display()

    def add_trailing(self, widget: QWidget) -> None:
        """A control at the trailing end of the toolbar (the kiosk's "Finished" button)."""
        self.toolbar.row.addWidget(widget)

    def reset_session(self, language: str, section: str | None = None) -> None:
        """Back to the start for the next person: language, section, display, scroll positions,
        selections, the picker, notices and the clipboard; nothing of the last visitor stays."""
        self.toolbar.show()
        self.close_pages()
        self.stop_reading()
        if self.read_bar is not None:
            self.read_bar.hide()
        translator().set_language(language)
        self.reset_display()
        self.recent, self.family_language = [], None
        if self._picker is not None:
            self._picker.filter.clear()
        self.retranslate()
        if self.view.alternate is not None:
            self.toggle_side_by_side()
        self.view.show_section(section or self.view.section_ids()[0])
        self.view.forget_positions()
        self.clear_notice()
        self.toolbar.fit()  # the flip button's label may have changed
        clipboard = QGuiApplication.clipboard()
        if clipboard is not None:
            clipboard.clear(QClipboard.Mode.Clipboard)
            if clipboard.supportsSelection():
                clipboard.clear(QClipboard.Mode.Selection)

    # --- settings -----------------------------------------------------------------------------
    def restore(self, language: str | None = None, section: str | None = None) -> None:
        """Start on the given (or remembered) language and section; bad stored values are ignored."""
        s = self.settings
        if s is not None:
            stored = s.value("recent_languages", "")
            if isinstance(stored, str):
                self.recent = [c for c in stored.split(",") if c in self.languages][:MAX_RECENT]
                self.family_language = self.recent[0] if self.recent else None
            language = language or read_choice(s, "language", self.languages, SOURCE_LANGUAGE)
            section = section or read_choice(s, "section", self.view.section_ids(), self.view.section_ids()[0])
            with frozen_layouts(self):
                self.controller.load()  # applies the display (once more below if the language changes)
        if language and language != translator().language:
            translator().set_language(language)  # applies the display on the way
        if section:
            self.view.show_section(section)

    def start_accessible(self) -> None:
        """``--accessible``: start in accessibility mode (also for screenshots)."""
        if not self.accessibility_mode:
            self.toggle_accessibility_mode()

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.policy.may_close:
            event.ignore()
            return
        if self.settings is not None:
            self.settings.sync()
        super().closeEvent(event)


__all__ = ["ACCESSIBLE", "MainWindow"]
