"""The Read aloud controls: play/pause, stop, speed, the voice in use, and why not, if not.

The bar never fails silently: when reading aloud is impossible (no speakers, no voice), pressing
the button shows why, in the current language and in English, and the button's tooltip and
accessible description say it too.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QVBoxLayout, QWidget

from leaflet_app.i18n import N_, SOURCE_LANGUAGE, _, current_language
from leaflet_app.speech.controller import PAUSED, PLAYING, SPEEDS, ReadAloud
from leaflet_app.ui.shaped_text import TextButton, TextLabel

READ = N_("Read aloud")
PAUSE = N_("Pause")
RESUME = N_("Resume")
STOP = N_("Stop")
SPEED = N_("Reading speed")
VOICE = N_("Voice: {name}")

# What to read: (the shown section's block texts, their language, the block to start from).
SectionSource = Callable[[], tuple[list[str], str, int]]


class ReadAloudBar(QWidget):
    speedChosen = Signal(float)  # for the window to remember

    def __init__(self, reader: ReadAloud, source: SectionSource, parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="readAloudBar")
        self.reader = reader
        self._source = source
        self.play_button = TextButton(objectName="readAloudPlay")
        self.stop_button = TextButton(objectName="readAloudStop")
        self.speed = QComboBox(objectName="readAloudSpeed")
        self.voice = TextLabel(objectName="readAloudVoice")
        self.reason = TextLabel(objectName="readAloudReason", wordWrap=True)
        self.reason.setTextFormat(Qt.TextFormat.PlainText)
        self.reason.hide()
        for factor in SPEEDS:
            self.speed.addItem("", factor)
        self.speed.setCurrentIndex(SPEEDS.index(1.0))

        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.play_button)
        row.addWidget(self.stop_button)
        row.addWidget(self.speed)
        row.addWidget(self.voice, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addLayout(row)
        layout.addWidget(self.reason)

        self.play_button.clicked.connect(self.play_pause)
        self.stop_button.clicked.connect(reader.stop)
        self.speed.activated.connect(self._speed_chosen)
        reader.stateChanged.connect(lambda _state: self.retranslate())
        reader.voiceChanged.connect(lambda _name: self.retranslate())
        reader.availabilityChanged.connect(lambda _available: self.retranslate())
        self.retranslate()

    def set_speed(self, factor: float) -> None:
        """The remembered speed (the nearest offered one)."""
        nearest = min(SPEEDS, key=lambda s: abs(s - factor))
        self.speed.setCurrentIndex(SPEEDS.index(nearest))
        self.reader.set_speed(nearest)

    def _speed_chosen(self, index: int) -> None:
        factor = SPEEDS[index]
        self.reader.set_speed(factor)
        self.speedChosen.emit(factor)

    def play_pause(self) -> None:
        """The button (and its shortcut): read from where the reader is, pause, or resume."""
        if self.reader.state in (PLAYING, PAUSED):
            self.reader.toggle()
            return
        blocks, language, start = self._source()
        self.reader.set_section(blocks, language)
        self.reader.play(start)
        self.retranslate()

    def retranslate(self) -> None:
        state = self.reader.state
        self.play_button.setText(_(PAUSE) if state == PLAYING else _(RESUME) if state == PAUSED else _(READ))
        self.stop_button.setText(_(STOP))
        self.stop_button.setEnabled(state in (PLAYING, PAUSED))
        self.speed.setToolTip(_(SPEED))
        self.speed.setAccessibleName(_(SPEED))
        locale = QLocale(current_language())
        for i, factor in enumerate(SPEEDS):
            self.speed.setItemText(i, locale.toString(factor, "g", 3) + "\u00d7")
        name = self.reader.voice_name
        self.voice.setText(_(VOICE).format(name=name) if name else "")
        reason = self.reader.reason()
        if reason and current_language() != SOURCE_LANGUAGE:
            reason = f"{reason}\n{self.reader.reason(english=True)}"
        self.reason.setText(reason)
        self.reason.setVisible(bool(reason))
        self.play_button.setToolTip(reason or _(READ))
        self.play_button.setAccessibleDescription(reason)
