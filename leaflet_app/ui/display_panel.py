"""The display panel: text size, colour scheme, text spacing, readable font, reset."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from leaflet_app.display import SCALES, SCHEME_LABELS, Display
from leaflet_app.i18n import _, format_percent, translator
from leaflet_app.ui.retranslate import follow_language
from leaflet_app.ui.shaped_text import TextLabel
from leaflet_app.ui.style import IndicatorStyle


class DisplayPanel(QWidget):
    """Every control changes the display at once; nothing to confirm.

    The text-size row is a footer held to the bottom of the window, outside the scrolling part:
    always in sight, and nothing below it grows with the text, so "Larger" stays under the
    pointer (or the finger) from one press to the next."""

    changed = Signal(object)  # Display
    resetRequested = Signal()
    closed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="displayPanel")
        self.scroll = QScrollArea(objectName="displayScroll")
        self.scroll.setWidgetResizable(True)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._display = Display()
        inner = QWidget()
        # Headings are labels above the boxes rather than box titles: a box title has room for
        # the font's declared height only, and Nastaliq (Urdu) rises far above it.
        self.heading = TextLabel(objectName="displayHeading")
        self.size_title = TextLabel(objectName="textSizeTitle")
        self.scheme_title = TextLabel(objectName="schemeTitle")
        self.size_box = QGroupBox(objectName="textSizeBox")
        self.smaller = QPushButton(objectName="smallerText")
        self.size_label = QLabel(objectName="textSizeValue")
        self.size_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.larger = QPushButton(objectName="largerText")
        size_row = QHBoxLayout(self.size_box)
        size_row.addWidget(self.smaller)
        size_row.addWidget(self.size_label, 1)
        size_row.addWidget(self.larger)

        self.scheme_box = QGroupBox(objectName="schemeBox")
        self.scheme_group = QButtonGroup(self)
        scheme_layout = QVBoxLayout(self.scheme_box)
        self.scheme_buttons: dict[str, QRadioButton] = {}
        for key in SCHEME_LABELS:
            button = QRadioButton(objectName=f"scheme-{key}")
            self.scheme_group.addButton(button)
            scheme_layout.addWidget(button)
            self.scheme_buttons[key] = button
            button.toggled.connect(lambda on, k=key: on and self._emit(self._display._replace(scheme=k)))

        self.spacing = QCheckBox(objectName="textSpacing")
        self.spacing.toggled.connect(lambda on: self._emit(self._display._replace(spacing=on)))
        self.readable = QCheckBox(objectName="readableFont")
        self.readable.toggled.connect(lambda on: self._emit(self._display._replace(readable_font=on)))
        indicators = IndicatorStyle(self)
        for box in (self.spacing, self.readable, *self.scheme_buttons.values()):
            box.setStyle(indicators)
        self.reset = QPushButton(objectName="resetDisplay")
        self.close_button = QPushButton(objectName="closeDisplay")
        buttons = QHBoxLayout()
        buttons.addWidget(self.reset)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)

        layout = QVBoxLayout(inner)
        for w in (self.heading, self.scheme_title, self.scheme_box, self.spacing, self.readable):
            layout.addWidget(w)
        layout.addLayout(buttons)
        layout.addStretch(1)
        self.scroll.setWidget(inner)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.scroll, 1)
        outer.addWidget(self.size_title)
        outer.addWidget(self.size_box)

        self.smaller.clicked.connect(lambda: self._emit(self._display.step(-1)))
        self.larger.clicked.connect(lambda: self._emit(self._display.step(+1)))
        self.reset.clicked.connect(self.resetRequested)
        self.close_button.clicked.connect(self.closed)
        follow_language(self, self.retranslate)

    def _emit(self, display: Display) -> None:
        if display != self._display:
            self.changed.emit(display)

    def show_display(self, display: Display) -> None:
        """Reflect ``display`` in the controls without emitting changes."""
        self._display = display
        for w in (self.spacing, self.readable, *self.scheme_buttons.values()):
            w.blockSignals(True)
        self.spacing.setChecked(display.spacing)
        self.readable.setChecked(display.readable_font)
        self.scheme_buttons[display.scheme].setChecked(True)
        for w in (self.spacing, self.readable, *self.scheme_buttons.values()):
            w.blockSignals(False)
        self.smaller.setEnabled(display.scale > SCALES[0])
        self.larger.setEnabled(display.scale < SCALES[-1])
        self._show_size()

    def _show_size(self) -> None:
        size = format_percent(self._display.scale, locale=translator().current.number_locale)
        self.size_label.setText(size)
        self.size_label.setAccessibleName(_("Text size: {size}").format(size=size))

    def retranslate(self) -> None:
        self.heading.setText(_("Display settings"))
        self.size_title.setText(_("Text size"))
        self.size_box.setAccessibleName(_("Text size"))
        self.smaller.setText(_("Smaller text"))
        self.smaller.setToolTip(_("Make the text smaller (Ctrl+-)"))
        self.larger.setText(_("Larger text"))
        self.larger.setToolTip(_("Make the text larger (Ctrl+=)"))
        self.scheme_title.setText(_("Colours"))
        self.scheme_box.setAccessibleName(_("Colours"))
        for key, button in self.scheme_buttons.items():
            button.setText(_(SCHEME_LABELS[key]))
        self.spacing.setText(_("More space between lines, words and letters"))
        self.readable.setText(_("Easy-to-read letters"))
        self.readable.setToolTip(_("A typeface designed for new and struggling readers (Latin, Greek and Cyrillic letters)"))
        self.reset.setText(_("Reset display"))
        self.reset.setToolTip(_("Back to normal text size and colours (Ctrl+0 resets the size only)"))
        self.close_button.setText(_("Close"))
        for w in (self.smaller, self.larger, self.reset, self.close_button, self.spacing, self.readable):
            w.setAccessibleName(w.text())
        for button in self.scheme_buttons.values():
            button.setAccessibleName(button.text())
        self.setAccessibleName(_("Display settings"))
        self.scroll.setAccessibleName(_("Display settings"))
        self._show_size()
