"""The Read aloud bar and the reading highlight, on the real reader page with real synthesis
(played into a recording output; the speakers themselves are tested in test_speech.py)."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

from conftest import ROOT
from PySide6.QtCore import QEventLoop, QSize, QTimer
from PySide6.QtGui import QTextFormat

from leaflet_app.i18n import translator
from leaflet_app.speech.controller import PAUSED, PLAYING, STOPPED, ReadAloud
from leaflet_app.speech.output import Recorder
from leaflet_app.speech.recording import document_blocks
from leaflet_app.ui.read_aloud_bar import ReadAloudBar
from leaflet_app.ui.reading_highlight import ReadingHighlight

PHONE = "01604 364036"


def wait_for(reader: ReadAloud, state: str, timeout_ms: int = 30_000) -> None:
    loop = QEventLoop()
    reader.stateChanged.connect(lambda s: s == state and loop.quit())
    QTimer.singleShot(timeout_ms, loop.quit)
    if reader.state != state:
        loop.exec()


def mark_while_reading(page, reader: ReadAloud, highlight: ReadingHighlight, marked: list) -> None:
    """Note, at every word, the marked paragraph, the marked word and whether it is in view."""
    def note(block: int, start: int, length: int) -> None:
        marks = page.extraSelections()
        assert marks[0].format.property(QTextFormat.Property.FullWidthSelection)
        assert marks[0].cursor.block().blockNumber() == block
        word_rect = page.cursorRect(marks[1].cursor)
        in_view = 0 <= word_rect.top() and word_rect.bottom() <= page.viewport().height()
        marked.append((marks[0].cursor.block().text(), marks[1].cursor.selectedText(), in_view))

    highlight.attach(page)
    reader.blockChanged.connect(highlight.show_block)
    reader.wordChanged.connect(highlight.show_word)
    reader.wordChanged.connect(note)


def test_the_page_marks_the_paragraph_and_word_being_read_and_follows_them(window) -> None:
    translator().set_language("pl")
    window.resize(QSize(1024, 600))
    window.step_text_size(3)  # large text: the end of the section is below the fold
    window.view.show_section("law-and-guidance")
    page = window.view.current_page()
    blocks = document_blocks(page.document())
    reader = ReadAloud(output_factory=lambda: Recorder(speed=6), system_engines=())
    highlight = ReadingHighlight()
    marked: list[tuple[str, str, bool]] = []
    mark_while_reading(page, reader, highlight, marked)
    last = max(i for i, b in enumerate(blocks) if b.strip())
    page.verticalScrollBar().setValue(0)
    layout = page.document().documentLayout()
    assert layout.blockBoundingRect(page.document().findBlockByNumber(last)).top() > page.viewport().height()
    reader.set_section(blocks, "pl")
    reader.play(last - 1)
    wait_for(reader, STOPPED)
    assert {text for text, _, _ in marked} == {blocks[last - 1], blocks[last]}
    assert all(w and w in text for text, w, _ in marked), "each marked word is in its marked paragraph"
    assert all(in_view for _, _, in_view in marked), "the page follows the word being read"
    assert page.extraSelections() == [] and highlight.block == -1, "the marks go when reading stops"


def test_the_contact_card_is_read_with_the_number_marked_whole(window) -> None:
    translator().set_language("ur")
    window.view.show_section("contact")
    page = window.view.current_page()
    blocks = document_blocks(page.document())
    reader = ReadAloud(output_factory=lambda: Recorder(speed=0), system_engines=())
    marked: list[tuple[str, str, bool]] = []
    highlight = ReadingHighlight()
    mark_while_reading(page, reader, highlight, marked)
    reader.set_section(blocks, "ur")
    reader.play(0)
    wait_for(reader, STOPPED)
    words = [w for _, w, _ in marked]
    assert PHONE in words and "nscb@northamptonshire.gcsx.gov.uk" in words


def test_the_bar_plays_pauses_resumes_and_stops_in_the_language_on_screen(qtbot) -> None:
    translator().set_language("pl")
    reader = ReadAloud(output_factory=lambda: Recorder(speed=2), system_engines=())
    asked = []

    def source():
        asked.append(True)
        return (["Pierwszy akapit do przeczytania na głos.", "Drugi akapit."], "pl", 0)

    bar = ReadAloudBar(reader, source)
    qtbot.addWidget(bar)
    bar.show()
    assert bar.play_button.text() == "Czytaj na głos" and not bar.stop_button.isEnabled()
    bar.play_button.click()
    assert asked and reader.state == PLAYING
    assert bar.play_button.text() == "Wstrzymaj" and bar.stop_button.isEnabled()
    assert bar.voice.text() == "Głos: eSpeak NG (polski)"
    bar.play_button.click()
    assert reader.state == PAUSED and bar.play_button.text() == "Wznów"
    bar.play_button.click()
    assert reader.state == PLAYING
    bar.stop_button.click()
    assert reader.state == STOPPED and bar.play_button.text() == "Czytaj na głos"
    assert not bar.reason.isVisible()

    chosen = []
    bar.speedChosen.connect(chosen.append)
    bar.speed.activated.emit(bar.speed.findData(1.5))
    assert chosen == [1.5] and reader.speed == 1.5
    bar.set_speed(0.8)  # a remembered value between the offered ones
    assert bar.speed.currentData() == 0.75 and reader.speed == 0.75
    assert bar.speed.itemText(bar.speed.findData(1.5)) == "1,5×"  # Polish decimal comma
    translator().set_language("en")
    bar.retranslate()
    assert bar.speed.itemText(bar.speed.findData(1.5)) == "1.5×"
    assert bar.play_button.text() == "Read aloud"


BAR_WITHOUT_SPEAKERS = """
    from leaflet_app.app import application
    from leaflet_app.i18n import translator
    from leaflet_app.speech.controller import ReadAloud
    from leaflet_app.ui.read_aloud_bar import ReadAloudBar
    app = application()
    translator().set_language("ur")
    bar = ReadAloudBar(ReadAloud(system_engines=()), lambda: (["سلام"], "ur", 0))
    bar.show()
    bar.play_button.click()
    app.processEvents()
    print(repr((bar.reason.isVisible(), bar.reason.text(), bar.play_button.toolTip(),
                bar.play_button.accessibleDescription(), bar.reader.state)))
"""


def test_without_speakers_the_button_says_why_in_the_language_and_english(tmp_path: Path) -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PULSE_SERVER=f"unix:{tmp_path}/none",
               XDG_RUNTIME_DIR=str(tmp_path), HOME=str(tmp_path))
    result = subprocess.run([sys.executable, "-c", textwrap.dedent(BAR_WITHOUT_SPEAKERS)], capture_output=True,
                            text=True, cwd=ROOT, env=env, timeout=120)
    assert result.returncode == 0, result.stderr
    visible, text, tooltip, description, state = eval(result.stdout.strip())
    urdu, english = text.split("\n")
    assert visible and state == "stopped"
    assert "اسپیکر" in urdu
    assert english.startswith("Cannot read aloud: no speakers or headphones")
    assert tooltip == description == text


def test_the_english_voice_is_named_as_the_british_english_it_speaks(qtbot) -> None:
    translator().set_language("en")
    reader = ReadAloud(output_factory=lambda: Recorder(speed=0), system_engines=())
    bar = ReadAloudBar(reader, lambda: (["Contact Us."], "en", 0))
    qtbot.addWidget(bar)
    bar.play_button.click()
    assert bar.voice.text() == "Voice: eSpeak NG (British English)"
    wait_for(reader, STOPPED)
