"""Voices that read one block of text at a time: the bundled eSpeak NG, or the system's own.

A speaker says a text, reports each word as it is reached (offsets in that text) and says
``done`` at its end. The system's voice (Qt's text-to-speech: SAPI or WinRT on Windows, the
Mac's voices) is used only where the system is known for good voices *and* has one for the
language; operating systems rarely have one for Urdu, Punjabi, Bengali, Lithuanian or Latvian.
On Linux the system's voices are speech-dispatcher's, usually eSpeak itself, so the bundled
voice is used there.
"""

from __future__ import annotations

import math
import re

from PySide6.QtCore import QLocale, QObject, QTimer, Signal

from leaflet_app.speech.espeak import Synthesis, engine
from leaflet_app.speech.output import PcmOutput

# Qt text-to-speech engines whose voices are better than the bundled eSpeak NG.
GOOD_SYSTEM_ENGINES = ("winrt", "sapi", "darwin", "android")
WORD_POLL_MS = 20
# The variety the leaflet is written in, where a language has several.
LOCALES = {"en": "en_GB", "pt_PT": "pt_PT"}


class Speaker(QObject):
    word = Signal(int, int)  # start, length in the text being said
    done = Signal()
    failed = Signal(str)
    audioStarted = Signal()  # the first audio of a text has been handed to the output

    name = ""

    def speak(self, text: str) -> None:
        raise NotImplementedError

    def pause(self) -> None:
        raise NotImplementedError

    def resume(self) -> None:
        raise NotImplementedError

    def stop(self) -> None:
        raise NotImplementedError

    def set_rate(self, factor: float) -> None:
        raise NotImplementedError


class EspeakSpeaker(Speaker):
    """eSpeak NG's PCM, played on ``output``; words reported as the output reaches them.

    A text is synthesised a sentence at a time, the next one while the current one plays:
    the first audio comes after one sentence's synthesis, not the whole paragraph's."""

    def __init__(self, language: str, output: PcmOutput, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.language = language
        self.output = output
        output.setParent(self)
        self.name = f"eSpeak NG ({QLocale(LOCALES.get(language, language)).nativeLanguageName() or language})"
        self._sentences: list[tuple[int, str]] = []  # (offset in the text, sentence) still to say
        self._ready: Synthesis | None = None  # the next sentence, synthesised ahead
        self._offset = 0
        self._words: list = []
        self._next = 0
        self._poll = QTimer(self)
        self._poll.setInterval(WORD_POLL_MS)
        self._poll.timeout.connect(self._report_words)
        output.finished.connect(self._sentence_done)
        output.failed.connect(self._failed)

    def speak(self, text: str) -> None:
        self._sentences = sentences(text)
        self._ready = None
        if not self._sentences:
            QTimer.singleShot(0, self, self.done.emit)
            return
        self._say_next()
        self.audioStarted.emit()

    def _say_next(self) -> None:
        self._offset, sentence = self._sentences.pop(0)
        synthesis = self._ready or engine().synthesize(sentence, self.language)
        self._ready = None
        self._words, self._next = synthesis.words, 0
        self.output.start(synthesis.pcm, synthesis.sample_rate)
        self._report_words()
        self._poll.start()
        if self._sentences:  # the next sentence, once this one's audio is on its way
            QTimer.singleShot(0, self, self._synthesise_ahead)

    def _synthesise_ahead(self) -> None:
        if self._sentences and self._ready is None:
            self._ready = engine().synthesize(self._sentences[0][1], self.language)

    def _report_words(self) -> None:
        played = self.output.played_ms()
        while self._next < len(self._words) and self._words[self._next].ms <= played:
            w = self._words[self._next]
            self._next += 1
            self.word.emit(self._offset + w.start, w.length)

    def _sentence_done(self) -> None:
        self._report_words()
        if self._sentences:
            self._say_next()
            return
        self._poll.stop()
        self.done.emit()

    def _failed(self, why: str) -> None:
        self._poll.stop()
        self._sentences = []
        self.failed.emit(why)

    def pause(self) -> None:
        self._poll.stop()
        self.output.pause()

    def resume(self) -> None:
        self.output.resume()
        self._poll.start()

    def stop(self) -> None:
        self._poll.stop()
        self._sentences, self._ready = [], None
        self.output.stop()

    def set_rate(self, factor: float) -> None:
        engine().set_rate(factor)  # from the next sentence on
        self._ready = None


_SENTENCE_END = re.compile(r"(?<=[.!?;:\u061f\u06d4\u0964])\s+")  # . ! ? ; : and Arabic ?, Urdu and Indic full stops


def sentences(text: str) -> list[tuple[int, str]]:
    """``text`` cut after each sentence's end: (offset, sentence) pairs, blank ones left out."""
    out, start = [], 0
    for m in _SENTENCE_END.finditer(text):
        out.append((start, text[start:m.start()]))
        start = m.end()
    out.append((start, text[start:]))
    return [(offset, s) for offset, s in out if s.strip()]


class SystemSpeaker(Speaker):
    """The operating system's voice through Qt's QTextToSpeech."""

    def __init__(self, tts, parent: QObject | None = None) -> None:
        super().__init__(parent)
        from PySide6.QtTextToSpeech import QTextToSpeech

        self._tts = tts
        tts.setParent(self)
        self._states = QTextToSpeech.State
        self._speaking = False
        self.name = tts.voice().name()
        tts.sayingWord.connect(lambda _word, _id, start, length: self.word.emit(start, length))
        tts.stateChanged.connect(self._on_state)

    def _on_state(self, state) -> None:
        if state == self._states.Speaking and self._speaking:
            self.audioStarted.emit()
        elif state == self._states.Ready and self._speaking:
            self._speaking = False
            self.done.emit()
        elif state == self._states.Error:
            self._speaking = False
            self.failed.emit(self._tts.errorString())

    def speak(self, text: str) -> None:
        self._speaking = True
        self._tts.say(text)

    def pause(self) -> None:
        self._tts.pause()

    def resume(self) -> None:
        self._tts.resume()

    def stop(self) -> None:
        self._speaking = False
        self._tts.stop()

    def set_rate(self, factor: float) -> None:
        # QTextToSpeech's rate runs from -1 (slowest) to 1 (fastest); 0 is normal. Half and
        # double speed map to the ends.
        self._tts.setRate(max(-1.0, min(1.0, math.log2(factor))))


def system_speaker(language: str, engines: tuple[str, ...] = GOOD_SYSTEM_ENGINES) -> SystemSpeaker | None:
    """The system's voice for ``language`` from the first engine in ``engines`` that has one
    (of the leaflet's own variety first: British English, European Portuguese)."""
    from PySide6.QtTextToSpeech import QTextToSpeech

    available = set(QTextToSpeech.availableEngines())
    preferred = QLocale(LOCALES.get(language, language))
    for name in engines:
        if name not in available:
            continue
        tts = QTextToSpeech(name)
        if tts.state() != QTextToSpeech.State.Error:
            locales = [loc for loc in tts.availableLocales() if loc.language() == preferred.language()]
            locales.sort(key=lambda loc: loc.territory() != preferred.territory())
            for locale in locales:
                tts.setLocale(locale)
                voices = tts.availableVoices()
                if voices:
                    tts.setVoice(voices[0])
                    return SystemSpeaker(tts)
        tts.deleteLater()
    return None
