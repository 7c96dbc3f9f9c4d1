"""The bundled eSpeak NG engine, through its C API (ctypes), from the ``espeakng-loader`` wheel.

The wheel ships ``libespeak-ng`` and its voice data for Linux, Windows and macOS, so every
shipped language can speak offline. The library is initialised once, in synchronous mode with a
synthesis callback: ``synthesize`` returns 16-bit mono PCM and the word positions eSpeak
reports, and never touches an audio device itself (the caller plays the PCM).

The library keeps global state: use it from one thread (the GUI thread) only.
"""

from __future__ import annotations

import ctypes
import logging
from dataclasses import dataclass, field

log = logging.getLogger(__name__)

# espeak_AUDIO_OUTPUT, espeak_EVENT_TYPE, flags and parameters from speak_lib.h.
AUDIO_OUTPUT_SYNCHRONOUS = 2
EVENT_LIST_TERMINATED = 0
EVENT_WORD = 1
EVENT_SAMPLERATE = 8
CHARS_UTF8 = 1
ENDPAUSE = 0x1000
POS_CHARACTER = 1
PARAM_RATE = 1
INITIALIZE_DONT_EXIT = 0x8000
EE_OK = 0

NORMAL_RATE = 175  # words per minute: eSpeak's default
MIN_RATE, MAX_RATE = 80, 450

# Shipped language -> eSpeak NG voice. English is British (the leaflet is); Portuguese is
# European ("pt"; Brazilian is "pt-br").
VOICES = {
    "en": "en", "ar": "ar", "bg": "bg", "bn": "bn", "el": "el", "es": "es", "fr": "fr",
    "hu": "hu", "it": "it", "lt": "lt", "lv": "lv", "pa": "pa", "pl": "pl", "pt_PT": "pt",
    "ro": "ro", "sk": "sk", "ur": "ur",
}


class _Id(ctypes.Union):
    _fields_ = [("number", ctypes.c_int), ("name", ctypes.c_char_p), ("string", ctypes.c_char * 8)]


class _Event(ctypes.Structure):
    _fields_ = [
        ("type", ctypes.c_int),
        ("unique_identifier", ctypes.c_uint),
        ("text_position", ctypes.c_int),  # 1-based, in characters of the UTF-8 input
        ("length", ctypes.c_int),
        ("audio_position", ctypes.c_int),  # milliseconds from the start of the text
        ("sample", ctypes.c_int),
        ("user_data", ctypes.c_void_p),
        ("id", _Id),
    ]


_CALLBACK = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.POINTER(ctypes.c_short), ctypes.c_int, ctypes.POINTER(_Event))


class SpeechError(RuntimeError):
    """eSpeak NG cannot be loaded or has no voice for a language; the message says which."""


@dataclass(frozen=True)
class Word:
    start: int  # character offset in the synthesised text (0-based)
    length: int
    ms: int  # when it starts in the audio


@dataclass
class Synthesis:
    pcm: bytes  # signed 16-bit little-endian mono
    sample_rate: int
    words: list[Word] = field(default_factory=list)

    @property
    def duration_ms(self) -> int:
        return len(self.pcm) * 1000 // (2 * self.sample_rate) if self.sample_rate else 0


class Espeak:
    """One initialised eSpeak NG library. Made once per process (``engine()``)."""

    def __init__(self) -> None:
        try:
            import espeakng_loader
        except ImportError as exc:
            raise SpeechError("the espeakng-loader package is not installed") from exc
        try:
            self._lib = ctypes.CDLL(espeakng_loader.get_library_path())
            data = espeakng_loader.get_data_path()
        except (OSError, RuntimeError) as exc:
            raise SpeechError(f"the eSpeak NG library cannot be loaded: {exc}") from exc
        lib = self._lib
        lib.espeak_Initialize.argtypes = [ctypes.c_int, ctypes.c_int, ctypes.c_char_p, ctypes.c_int]
        lib.espeak_SetSynthCallback.argtypes = [_CALLBACK]
        lib.espeak_SetVoiceByName.argtypes = [ctypes.c_char_p]
        lib.espeak_SetParameter.argtypes = [ctypes.c_int, ctypes.c_int, ctypes.c_int]
        lib.espeak_Synth.argtypes = [
            ctypes.c_char_p, ctypes.c_size_t, ctypes.c_uint, ctypes.c_int, ctypes.c_uint,
            ctypes.c_uint, ctypes.POINTER(ctypes.c_uint), ctypes.c_void_p,
        ]
        # The library's own path search looks for "espeak-ng-data" inside the given folder.
        folder = data.rsplit("espeak-ng-data", 1)[0] or "."
        self.sample_rate = lib.espeak_Initialize(AUDIO_OUTPUT_SYNCHRONOUS, 0, folder.encode(), INITIALIZE_DONT_EXIT)
        if self.sample_rate <= 0:
            raise SpeechError(f"eSpeak NG cannot start with its voice data in {data}")
        self._chunks: list[bytes] = []
        self._words: list[Word] = []
        self._callback = _CALLBACK(self._on_synth)  # kept referenced: the library calls it later
        lib.espeak_SetSynthCallback(self._callback)
        self._voice: str | None = None
        self._rate = NORMAL_RATE

    def _on_synth(self, wav, count, events) -> int:
        if count > 0:
            self._chunks.append(ctypes.string_at(wav, count * 2))
        i = 0
        while events[i].type != EVENT_LIST_TERMINATED:
            event = events[i]
            if event.type == EVENT_WORD:
                self._words.append(Word(event.text_position - 1, event.length, event.audio_position))
            i += 1
        return 0  # go on

    def has_voice(self, language: str) -> bool:
        try:
            self._select(language)
        except SpeechError:
            return False
        return True

    def _select(self, language: str) -> None:
        voice = VOICES.get(language, language)
        if voice != self._voice:
            if self._lib.espeak_SetVoiceByName(voice.encode()) != EE_OK:
                raise SpeechError(f"eSpeak NG has no voice '{voice}' for language '{language}'")
            self._voice = voice
            self._lib.espeak_SetParameter(PARAM_RATE, self._rate, 0)

    def set_rate(self, factor: float) -> None:
        """Speed as a factor of eSpeak's normal rate (1.0 = 175 words a minute)."""
        self._rate = max(MIN_RATE, min(MAX_RATE, round(NORMAL_RATE * factor)))
        self._lib.espeak_SetParameter(PARAM_RATE, self._rate, 0)

    def synthesize(self, text: str, language: str) -> Synthesis:
        """``text`` spoken in ``language`` as PCM, with the start of every word in it."""
        self._select(language)
        self._chunks, self._words = [], []
        data = text.encode("utf-8") + b"\0"
        status = self._lib.espeak_Synth(data, len(data), 0, POS_CHARACTER, 0, CHARS_UTF8 | ENDPAUSE, None, None)
        if status != EE_OK:
            raise SpeechError(f"eSpeak NG could not speak the text (error {status})")
        return Synthesis(b"".join(self._chunks), self.sample_rate, self._words)


_engine: Espeak | None = None


def engine() -> Espeak:
    """The process's eSpeak NG, loaded on first use (never at start-up)."""
    global _engine
    if _engine is None:
        _engine = Espeak()
    return _engine
