"""Reading a section aloud, block by block, with the block and word being read reported.

The window gives ``ReadAloud`` the shown section's blocks (the paragraphs of its text document,
as the reader sees them) and their language; it plays from the top or from a block, pauses,
resumes and stops, and tells the view which block (and word) is being read. When it cannot
speak, ``available`` is False and ``reason()`` says why, in the current language; the English
is ``reason(english=True)``. Nothing here is loaded before the reader first asks for speech.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

from leaflet_app.i18n import N_, _, localizer
from leaflet_app.speech.output import DeviceOutput, PcmOutput
from leaflet_app.speech.text import Prepared, prepare

log = logging.getLogger(__name__)

STOPPED, PLAYING, PAUSED = "stopped", "playing", "paused"
SPEEDS = (0.5, 0.75, 1.0, 1.25, 1.5, 2.0)  # the choices offered; 1.0 is normal

NO_DEVICE = N_("Cannot read aloud: no speakers or headphones were found. Connect them and try again.")
NO_VOICE = N_("Cannot read aloud: there is no voice for this language on this computer.")
NO_ENGINE = N_("Cannot read aloud: the voices that come with the app could not be loaded.")
BROKEN = N_("Reading aloud stopped: the sound output failed.")


class ReadAloud(QObject):
    blockChanged = Signal(int)  # the block being read; -1 when reading stops
    wordChanged = Signal(int, int, int)  # block, start and length in that block's text
    stateChanged = Signal(str)  # STOPPED, PLAYING or PAUSED
    voiceChanged = Signal(str)  # the name of the voice in use ("" when none)
    availabilityChanged = Signal(bool)
    audioStarted = Signal()  # the first audio of a block has gone to the output

    def __init__(self, parent: QObject | None = None,
                 output_factory: Callable[[], PcmOutput] = DeviceOutput,
                 system_engines: tuple[str, ...] | None = None) -> None:
        """``output_factory`` makes the audio output for the bundled voice (the speakers, or a
        ``Recorder``); ``system_engines`` are the Qt text-to-speech engines whose voices are
        preferred to it (None: the default list of good ones; () never)."""
        super().__init__(parent)
        self._output_factory = output_factory
        self._system_engines = system_engines
        self._blocks: list[str] = []
        self._prepared: list[Prepared | None] = []
        self.language = ""
        self.state = STOPPED
        self.block = -1
        self.speed = 1.0
        self.available = True
        self._reason: str | None = None
        self._speaker = None
        self._speaker_language = ""
        self._last_word: tuple[int, int, int] | None = None

    # --- what to read -------------------------------------------------------------------------
    def set_section(self, blocks: list[str], language: str) -> None:
        """The section to read next (stops what is being read)."""
        self.stop()
        self._blocks = list(blocks)
        self._prepared = [None] * len(blocks)
        self.language = language

    def _prepared_block(self, i: int) -> Prepared:
        if self._prepared[i] is None:
            self._prepared[i] = prepare(self._blocks[i], localizer(self.language).pgettext)
        return self._prepared[i]  # type: ignore[return-value]

    # --- the voice ----------------------------------------------------------------------------
    @property
    def voice_name(self) -> str:
        return self._speaker.name if self._speaker is not None else ""

    def reason(self, english: bool = False) -> str:
        """Why reading aloud is unavailable ("" when it is available)."""
        if self._reason is None:
            return ""
        return self._reason if english else _(self._reason)

    def _set_available(self, reason: str | None) -> None:
        self._reason = reason
        if self.available != (reason is None):
            self.available = reason is None
            self.availabilityChanged.emit(self.available)

    def prepare_voice(self) -> bool:
        """Find the voice for the language (loading speech on first use); False, with a
        ``reason()``, when there is none or nothing can be heard."""
        if self._speaker is not None and self._speaker_language == self.language:
            return True
        self._drop_speaker()
        speaker = self._make_speaker()
        if speaker is None:
            self.voiceChanged.emit("")
            return False
        self._speaker, self._speaker_language = speaker, self.language
        speaker.set_rate(self.speed)
        speaker.word.connect(self._on_word)
        speaker.done.connect(self._on_done)
        speaker.failed.connect(self._on_failed)
        speaker.audioStarted.connect(self.audioStarted)
        self._set_available(None)
        self.voiceChanged.emit(speaker.name)
        return True

    def _make_speaker(self):
        from leaflet_app.speech.espeak import SpeechError, engine
        from leaflet_app.speech.voices import GOOD_SYSTEM_ENGINES, EspeakSpeaker, system_speaker

        engines = GOOD_SYSTEM_ENGINES if self._system_engines is None else self._system_engines
        if engines:
            try:
                speaker = system_speaker(self.language, engines)
            except ImportError:  # PySide6-Addons missing: the bundled voice may still do
                speaker = None
            if speaker is not None:
                speaker.setParent(self)
                return speaker
        try:
            has_voice = engine().has_voice(self.language)
        except SpeechError as exc:
            log.warning("Read aloud: %s", exc)
            self._set_available(NO_ENGINE)
            return None
        if not has_voice:
            log.warning("Read aloud: no voice for %s", self.language)
            self._set_available(NO_VOICE)
            return None
        try:
            output = self._output_factory()
        except ImportError as exc:  # PySide6-Addons (QtMultimedia) is not installed
            log.warning("Read aloud: %s", exc)
            self._set_available(BROKEN)
            return None
        problem = output.problem()
        if problem:
            log.warning("Read aloud: %s", problem)
            output.deleteLater()
            self._set_available(NO_DEVICE)
            return None
        return EspeakSpeaker(self.language, output, self)

    def _drop_speaker(self) -> None:
        if self._speaker is not None:
            self._speaker.stop()
            self._speaker.deleteLater()
            self._speaker = None

    # --- playing ------------------------------------------------------------------------------
    def play(self, from_block: int = 0) -> bool:
        """Read from block ``from_block`` to the end of the section; False when unavailable."""
        if not self._blocks or not self.prepare_voice():
            self.stop()
            return False
        self._speaker.stop()  # type: ignore[union-attr]
        self._set_state(PLAYING)
        self._say(max(0, min(from_block, len(self._blocks) - 1)))
        return True

    def _say(self, i: int) -> None:
        # Blocks with nothing to say (empty lines of the document) are passed over.
        while i < len(self._blocks) and not any(c.isalnum() for c in self._prepared_block(i).text):
            i += 1
        if i >= len(self._blocks):
            self.stop()
            return
        self.block = i
        self._last_word = None
        self.blockChanged.emit(i)
        self._speaker.speak(self._prepared_block(i).text)  # type: ignore[union-attr]

    def _on_word(self, start: int, length: int) -> None:
        if self.block >= 0 and self.state != STOPPED:
            word = (self.block, *self._prepared_block(self.block).source_span(start, length))
            if word != self._last_word:  # the letters of a spelled address are one word here
                self._last_word = word
                self.wordChanged.emit(*word)

    def _on_done(self) -> None:
        if self.state == PLAYING:
            self._say(self.block + 1)

    def _on_failed(self, why: str) -> None:
        log.warning("Read aloud stopped: %s", why)
        self.stop()
        self._set_available(BROKEN)
        self._drop_speaker()  # the next try looks for the device again

    def pause(self) -> None:
        if self.state == PLAYING:
            self._speaker.pause()  # type: ignore[union-attr]
            self._set_state(PAUSED)

    def resume(self) -> None:
        if self.state == PAUSED:
            self._speaker.resume()  # type: ignore[union-attr]
            self._set_state(PLAYING)

    def toggle(self, from_block: int = 0) -> None:
        """Play/pause: start at ``from_block`` when stopped, else pause or resume."""
        if self.state == PLAYING:
            self.pause()
        elif self.state == PAUSED:
            self.resume()
        else:
            self.play(from_block)

    def stop(self) -> None:
        """Stop reading (the window calls this on a language or section change and a reset)."""
        if self._speaker is not None:
            self._speaker.stop()
        if self.block != -1:
            self.block = -1
            self.blockChanged.emit(-1)
        self._set_state(STOPPED)

    def set_speed(self, factor: float) -> None:
        """Reading speed (1.0 normal); takes effect from the next block."""
        self.speed = factor
        if self._speaker is not None:
            self._speaker.set_rate(factor)

    def _set_state(self, state: str) -> None:
        if state != self.state:
            self.state = state
            self.stateChanged.emit(state)
