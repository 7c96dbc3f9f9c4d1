"""Where synthesised PCM goes: the computer's speakers (QtMultimedia), or a recording.

Both outputs take one buffer at a time (a block of text), report how much of it has been
played, and say ``finished`` when it has all been played. ``Recorder`` is a real output with a
clock of its own instead of a sound card's: it takes the PCM at the pace a device would (or
faster), keeps it, and can write it to a WAV file. Machines without speakers, tests and
``--speak FILE.wav`` use it.
"""

from __future__ import annotations

import os
import tempfile
import wave
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QElapsedTimer, QIODevice, QObject, QTimer, Signal

SAMPLE_BYTES = 2  # signed 16-bit mono


class PcmOutput(QObject):
    """An audio output for 16-bit mono PCM, one buffer at a time."""

    finished = Signal()  # the buffer given to start() has been played to its end
    failed = Signal(str)  # the output broke while playing (a device unplugged…)

    def problem(self) -> str | None:
        """Why nothing can be played here (English, for the log), or None."""
        return None

    def start(self, pcm: bytes, sample_rate: int) -> None:
        raise NotImplementedError

    def pause(self) -> None:
        raise NotImplementedError

    def resume(self) -> None:
        raise NotImplementedError

    def stop(self) -> None:
        raise NotImplementedError

    def played_ms(self) -> int:
        raise NotImplementedError


class DeviceOutput(PcmOutput):
    """The default audio output device, through QAudioSink (pull mode from a buffer)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        from PySide6.QtMultimedia import QMediaDevices

        self._device = QMediaDevices.defaultAudioOutput()
        self._sink = None
        self._rate = 0
        self._buffer: QBuffer | None = None
        # The sink's state is polled: PySide6 6.11 cannot pass QAudio::State to a Python slot.
        self._watch = QTimer(self)
        self._watch.setInterval(20)
        self._watch.timeout.connect(self._check)

    @property
    def device_name(self) -> str:
        return self._device.description()

    def problem(self) -> str | None:
        if self._device.isNull():
            return "no audio output device (speakers or headphones) was found"
        return None

    def _sink_for(self, sample_rate: int):
        from PySide6.QtMultimedia import QAudioFormat, QAudioSink

        if self._sink is None or self._rate != sample_rate:
            if self._sink is not None:
                self._sink.stop()
                self._sink.deleteLater()
            fmt = QAudioFormat()
            fmt.setSampleRate(sample_rate)
            fmt.setChannelCount(1)
            fmt.setSampleFormat(QAudioFormat.SampleFormat.Int16)
            self._sink = QAudioSink(self._device, fmt, self)
            self._rate = sample_rate
        return self._sink

    def start(self, pcm: bytes, sample_rate: int) -> None:
        sink = self._sink_for(sample_rate)
        sink.stop()
        self._buffer = QBuffer(self)
        self._buffer.setData(QByteArray(pcm))
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        sink.start(self._buffer)
        self._watch.start()

    def _check(self) -> None:
        from PySide6.QtMultimedia import QtAudio

        if self._sink is None:
            return
        state = self._sink.state()
        if state == QtAudio.State.IdleState and self._buffer is not None and self._buffer.atEnd():
            self._watch.stop()
            self._sink.stop()
            self.finished.emit()
        elif state == QtAudio.State.StoppedState:
            self._watch.stop()
            error = self._sink.error()
            if error not in (QtAudio.Error.NoError, QtAudio.Error.UnderrunError):
                self.failed.emit(f"the audio device stopped ({error.name})")

    def pause(self) -> None:
        if self._sink is not None:
            self._sink.suspend()

    def resume(self) -> None:
        if self._sink is not None:
            self._sink.resume()

    def stop(self) -> None:
        self._watch.stop()
        if self._sink is not None:
            self._sink.stop()

    def played_ms(self) -> int:
        return self._sink.processedUSecs() // 1000 if self._sink is not None else 0


class Recorder(PcmOutput):
    """Takes PCM at ``speed`` times the pace of a sound card and keeps it (``recorded``).

    ``speed=0`` takes each buffer at once (writing a file needs no waiting)."""

    TICK_MS = 10

    def __init__(self, speed: float = 1.0, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.speed = speed
        self.recorded = bytearray()
        self.sample_rate = 0
        self._pcm = b""
        self._taken = 0
        self._clock = QElapsedTimer()
        self._clock_base = 0  # ms of audio taken before the clock was last started
        self._timer = QTimer(self)
        self._timer.setInterval(self.TICK_MS)
        self._timer.timeout.connect(self._tick)

    def start(self, pcm: bytes, sample_rate: int) -> None:
        self._pcm, self._taken, self.sample_rate = pcm, 0, sample_rate
        self._clock_base = 0
        if self.speed <= 0:
            self._take(len(pcm))
            QTimer.singleShot(0, self, self.finished.emit)
            return
        self._clock.start()
        self._timer.start()

    def _take(self, upto: int) -> None:
        upto = min(len(self._pcm), upto - upto % SAMPLE_BYTES)
        if upto > self._taken:
            self.recorded += self._pcm[self._taken:upto]
            self._taken = upto

    def _tick(self) -> None:
        elapsed = self._clock_base + self._clock.elapsed() * self.speed
        self._take(int(elapsed * self.sample_rate / 1000) * SAMPLE_BYTES)
        if self._taken >= len(self._pcm):
            self._timer.stop()
            self.finished.emit()

    def pause(self) -> None:
        if self._timer.isActive():
            self._clock_base += self._clock.elapsed() * self.speed
            self._timer.stop()

    def resume(self) -> None:
        if not self._timer.isActive() and self._taken < len(self._pcm) and self.speed > 0:
            self._clock.start()
            self._timer.start()

    def stop(self) -> None:
        self._timer.stop()
        self._pcm, self._taken = b"", 0

    def played_ms(self) -> int:
        return self._taken * 1000 // (SAMPLE_BYTES * self.sample_rate) if self.sample_rate else 0


def write_wav(path: Path, pcm: bytes, sample_rate: int) -> None:
    """16-bit mono WAV, written to a temporary file beside ``path`` and then moved into place."""
    path = path.resolve()
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(fd)
    try:
        with wave.open(tmp, "wb") as w:
            w.setnchannels(1)
            w.setsampwidth(SAMPLE_BYTES)
            w.setframerate(sample_rate)
            w.writeframes(pcm)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
