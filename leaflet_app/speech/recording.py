"""A section's blocks as the reader sees them, a section read aloud into a WAV file, and a
sound check through the speakers.

``--speak FILE.wav`` goes through the same controller the Read aloud button uses; only the
output differs (a ``Recorder`` that takes the audio without waiting for a sound card).
``--sound-check`` reads a heading exactly as the button would, to the speakers.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtGui import QTextDocument

from leaflet_app.content import Leaflet
from leaflet_app.i18n import localizer
from leaflet_app.render import LeafletRenderer


def document_blocks(doc: QTextDocument) -> list[str]:
    """The text of every block (paragraph, list item, heading) of a shown section, in order:
    block numbers here are the document's block numbers."""
    return [doc.findBlockByNumber(i).text() for i in range(doc.blockCount())]


def section_blocks(leaflet: Leaflet, section_id: str, language: str) -> list[str]:
    """The blocks of a section in a language, built as the reader's page builds them."""
    lang = localizer(language)
    html = LeafletRenderer(leaflet).section_html(leaflet.section(section_id), lang.pgettext, lang.direction_name)
    doc = QTextDocument()
    doc.setHtml(html)
    return document_blocks(doc)


def speak_blocks(blocks: list[str], language: str, speed: float = 1.0, timeout_ms: int = 120_000):
    """Read ``blocks`` through the read-aloud controller into a recording; returns the
    ``Recorder`` (its ``recorded`` PCM and ``sample_rate``) and the blocks in the order read."""
    from leaflet_app.speech.controller import STOPPED, ReadAloud
    from leaflet_app.speech.output import Recorder

    recorder = Recorder(speed=0)
    reader = ReadAloud(output_factory=lambda: recorder, system_engines=())
    reader.set_section(blocks, language)
    reader.set_speed(speed)
    order: list[int] = []
    reader.blockChanged.connect(lambda b: b >= 0 and order.append(b))
    loop = QEventLoop()
    reader.stateChanged.connect(lambda state: state == STOPPED and loop.quit())
    if not reader.play(0):
        raise RuntimeError(reader.reason(english=True))
    QTimer.singleShot(timeout_ms, loop.quit)
    if reader.state != STOPPED:
        loop.exec()
    recorder.setParent(None)  # outlives the controller
    reader.deleteLater()
    return recorder, order


def speak_to_file(leaflet: Leaflet, section_id: str, language: str, path: Path) -> float:
    """Write the section, read aloud in ``language``, to a WAV file; returns its seconds."""
    from leaflet_app.speech.output import write_wav

    recorder, _order = speak_blocks(section_blocks(leaflet, section_id, language), language)
    write_wav(path, bytes(recorder.recorded), recorder.sample_rate)
    return len(recorder.recorded) / (2 * recorder.sample_rate)


def sound_check(leaflet: Leaflet, section_id: str, language: str, timeout_ms: int = 60_000) -> tuple[str, str, str]:
    """Read the section's heading aloud through the speakers, as the Read aloud button does;
    returns the heading, the voice and the output device. RuntimeError (the reason in English)
    when nothing could be played."""
    from leaflet_app.speech.controller import STOPPED, ReadAloud
    from leaflet_app.speech.output import DeviceOutput

    heading = section_blocks(leaflet, section_id, language)[0]
    output = DeviceOutput()
    reader = ReadAloud(output_factory=lambda: output)
    reader.set_section([heading], language)
    loop = QEventLoop()
    reader.stateChanged.connect(lambda state: state == STOPPED and loop.quit())
    if not reader.play(0):
        raise RuntimeError(reader.reason(english=True))
    voice = reader.voice_name
    QTimer.singleShot(timeout_ms, loop.quit)
    if reader.state != STOPPED:
        loop.exec()
    if reader.state != STOPPED:
        reader.stop()
        raise RuntimeError(f"Cannot read aloud: the speakers did not finish the heading in {timeout_ms // 1000} s.")
    if reader.reason():
        raise RuntimeError(reader.reason(english=True))
    return heading, voice, output.device_name
