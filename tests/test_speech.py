"""Read aloud: real eSpeak NG synthesis in every language, contact details as heard, the
controller's sequencing on a real (recording) output, and the speakers through QtMultimedia:
missing, and present (a private PulseAudio server with a null sink, recorded from its monitor)."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from conftest import LANGUAGES, ROOT, listening, rms
from PySide6.QtCore import QEventLoop, QTimer

from leaflet_app.contacts import LRI, PDI
from leaflet_app.i18n import localizer, translator
from leaflet_app.speech.controller import PAUSED, PLAYING, STOPPED, ReadAloud
from leaflet_app.speech.output import Recorder
from leaflet_app.speech.recording import section_blocks, speak_blocks
from leaflet_app.speech.text import CONTEXT, prepare

PHONE, EMAIL = "01604 364036", "nscb@northamptonshire.gcsx.gov.uk"


def seconds(recorder: Recorder) -> float:
    return len(recorder.recorded) / (2 * recorder.sample_rate)


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_language_speaks_its_first_paragraph_and_contact_block(leaflet, language: str) -> None:
    first = section_blocks(leaflet, leaflet.sections[0].id, language)
    paragraph = first[1]  # block 0 is the heading
    recorder, order = speak_blocks([paragraph], language)
    assert order == [0]
    assert rms(recorder.recorded) > 1000, "silence"
    # A listener hears some 8 to 25 characters a second at normal speed, in any script.
    chars_per_second = len(paragraph) / seconds(recorder)
    assert 8 < chars_per_second < 25, (language, len(paragraph), seconds(recorder))

    contact = section_blocks(leaflet, leaflet.contact_section, language)
    phone_block = next(b for b in contact if PHONE in b)
    email_block = next(b for b in contact if EMAIL in b)
    phone, _ = speak_blocks([phone_block], language)
    email, _ = speak_blocks([email_block], language)
    assert rms(phone.recorded) > 1000 and rms(email.recorded) > 1000
    # Eleven digits one by one take seconds; the e-mail's 28 letters, spelled, take longer.
    assert 3.0 < seconds(phone) < 15, seconds(phone)
    assert seconds(email) > 6, seconds(email)


@pytest.mark.parametrize("language", LANGUAGES)
def test_contact_details_are_prepared_to_be_written_down(language: str) -> None:
    tr = localizer(language).pgettext
    spoken = prepare(f"Tel: {LRI}{PHONE}{PDI} E-Mail: {EMAIL}", tr).text
    assert "0 1 6 0 4, 3 6 4 0 3 6" in spoken
    at, dot = tr(CONTEXT, "at"), tr(CONTEXT, "dot")
    assert f"n s c b, {at}, n o r t h a m p t o n s h i r e, {dot}, g c s x, {dot}, g o v, {dot}, u k" in spoken
    assert LRI not in spoken and PDI not in spoken
    if language != "en":
        assert at != "at" and dot != "dot", "the listener's own words for @ and ."


def test_a_web_address_is_said_part_by_part() -> None:
    spoken = prepare("see www.nspcc.org.uk/about-us/.", lambda c, m: m).text
    assert "w w w, dot, nspcc, dot, o r g, dot, u k, slash, about, hyphen, u s." in spoken


def test_word_positions_map_back_to_the_text_the_reader_sees() -> None:
    text = f"Call {LRI}{PHONE}{PDI} today"
    prepared = prepare(text, lambda c, m: m)
    today = prepared.text.index("today")
    assert prepared.source_span(today, 5) == (text.index("today"), 5)
    digit = prepared.text.index("3 6 4")
    start, length = prepared.source_span(digit, 1)
    assert text[start:start + length] == PHONE


def read(reader: ReadAloud, until: str = STOPPED, timeout_ms: int = 30_000) -> None:
    loop = QEventLoop()
    reader.stateChanged.connect(lambda state: state == until and loop.quit())
    QTimer.singleShot(timeout_ms, loop.quit)
    loop.exec()


def test_reading_follows_the_engines_word_positions_block_by_block(leaflet) -> None:
    blocks = section_blocks(leaflet, leaflet.contact_section, "pl")
    reader = ReadAloud(output_factory=lambda: Recorder(speed=8), system_engines=())
    reader.set_section(blocks, "pl")
    seen_blocks, words = [], []
    reader.blockChanged.connect(seen_blocks.append)
    reader.wordChanged.connect(lambda b, s, n: words.append((b, blocks[b][s:s + n])))
    assert reader.play(from_block=2)
    assert reader.state == PLAYING and "eSpeak NG" in reader.voice_name
    read(reader)
    spoken = [b for b in range(2, len(blocks)) if blocks[b].strip()]
    assert seen_blocks == [*spoken, -1]
    assert [b for b, _ in words] == sorted(b for b, _ in words), "words come in reading order"
    said = [w for _, w in words]
    assert PHONE in said and EMAIL in said, "a spelled detail is highlighted whole"
    assert all(w.strip() for w in said)
    assert "Biuro" in " ".join(said) or len(said) > 20


def test_pause_resume_and_stop_on_a_real_output() -> None:
    recorder = Recorder(speed=4)
    reader = ReadAloud(output_factory=lambda: recorder, system_engines=())
    reader.set_section(["Pierwszy akapit jest dość długi, żeby można go było zatrzymać w połowie.",
                        "Drugi akapit.", "Trzeci akapit."], "pl")
    blocks: list[int] = []
    reader.blockChanged.connect(blocks.append)
    loop = QEventLoop()
    words: list[int] = []

    def pause_at_the_third_word(block: int, start: int, length: int) -> None:
        words.append(start)
        if len(words) == 3:
            reader.pause()
            loop.quit()

    reader.wordChanged.connect(pause_at_the_third_word)
    reader.play()
    QTimer.singleShot(30_000, loop.quit)
    loop.exec()
    assert reader.state == PAUSED
    taken = len(recorder.recorded)
    assert taken > 0
    QTimer.singleShot(400, loop.quit)
    loop.exec()
    assert len(recorder.recorded) == taken, "nothing is played while paused"
    reader.resume()
    read(reader, until=STOPPED)
    assert blocks == [0, 1, 2, -1]
    assert len(recorder.recorded) > taken

    reader.play(1)
    reader.stop()
    assert reader.state == STOPPED and blocks[-2:] == [1, -1]
    stopped_at = len(recorder.recorded)
    QTimer.singleShot(200, loop.quit)
    loop.exec()
    assert len(recorder.recorded) == stopped_at, "nothing is played after stop"


def test_a_slower_speed_gives_longer_audio() -> None:
    normal, _ = speak_blocks(["Proszę zadzwonić do biura."], "pl")
    slow, _ = speak_blocks(["Proszę zadzwonić do biura."], "pl", speed=0.5)
    assert seconds(slow) > 1.5 * seconds(normal)


def test_the_system_voice_path_with_qts_mock_engine() -> None:
    """Qt's own mock text-to-speech engine stands in for SAPI/WinRT: it has English voices
    (British: Bob and Anne; American: Charly and Mary) and no Polish one, so British English
    is read by Bob and Polish falls back to eSpeak NG."""
    translator().set_language("pl")  # the window's language does not choose the voice: the text's does
    reader = ReadAloud(output_factory=lambda: Recorder(speed=0), system_engines=("mock",))
    reader.set_section(["Hello there.", "Goodbye now."], "en")
    blocks, words = [], []
    reader.blockChanged.connect(blocks.append)
    reader.wordChanged.connect(lambda b, s, n: words.append((b, s, n)))
    assert reader.play()
    assert reader.voice_name == "Bob"
    read(reader)
    assert blocks == [0, 1, -1]
    assert (0, 0, 5) in words and (1, 0, 7) in words
    reader.set_section(["Dzień dobry."], "pl")
    assert reader.play() and "eSpeak NG" in reader.voice_name


def run_reader(env: dict[str, str], script: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", textwrap.dedent(script)], capture_output=True, text=True,
                          cwd=ROOT, env=env, timeout=120)


NO_DEVICE_SCRIPT = """
    from leaflet_app.app import application
    from leaflet_app.i18n import localizer, translator
    from leaflet_app.speech.controller import ReadAloud
    app = application()
    translator().set_language("pl")
    reader = ReadAloud(system_engines=())
    reader.set_section(["Dzień dobry."], "pl")
    print(reader.play(), reader.available, reader.state)
    print(reader.reason())
    print(reader.reason(english=True))
"""


def test_no_audio_device_is_said_in_the_language_and_english(tmp_path: Path) -> None:
    """QtMultimedia finds no sound server at all (as on this CI machine): nothing plays, and
    the reason is given in Polish and in English."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PULSE_SERVER=f"unix:{tmp_path}/none",
               XDG_RUNTIME_DIR=str(tmp_path), HOME=str(tmp_path))
    result = run_reader(env, NO_DEVICE_SCRIPT)
    assert result.returncode == 0, result.stderr
    verdict, polish, english = result.stdout.strip().splitlines()
    assert verdict == "False False stopped"
    assert english.startswith("Cannot read aloud: no speakers or headphones")
    assert polish != english and "głośnik" in polish


DEVICE_SCRIPT = """
    from PySide6.QtCore import QEventLoop, QTimer
    from leaflet_app.app import application
    from leaflet_app.speech.controller import ReadAloud
    app = application()
    reader = ReadAloud(system_engines=())
    reader.set_section(["Tel: 01604 364036", "Koniec."], "pl")
    blocks = []
    reader.blockChanged.connect(blocks.append)
    loop = QEventLoop()
    reader.stateChanged.connect(lambda s: s == "stopped" and loop.quit())
    QTimer.singleShot(60000, loop.quit)
    print(reader.play(), reader.voice_name)
    loop.exec()
    print(blocks, reader.state)
"""


def test_the_speakers_play_it_through_qtmultimedia(sound_server, tmp_path: Path) -> None:
    with listening(sound_server, tmp_path / "heard.raw") as capture:
        result = run_reader(sound_server, DEVICE_SCRIPT)
    assert result.returncode == 0, result.stderr
    started, finished = result.stdout.strip().splitlines()
    assert started.startswith("True eSpeak NG")
    assert finished == "[0, 1, -1] stopped"
    heard = capture.read_bytes()
    assert rms(heard) > 300, "the null sink's monitor heard the voice"


def sound_check(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "leaflet_app", "--sound-check", *args], capture_output=True,
                          text=True, cwd=ROOT, env=env, timeout=120)


def test_sound_check_reads_the_heading_through_the_speakers(sound_server, tmp_path: Path) -> None:
    with listening(sound_server, tmp_path / "heard.raw") as capture:
        result = sound_check(sound_server, "--language", "bn", "--section", "contact")
    assert result.returncode == 0, result.stderr
    heading = localizer("bn").pgettext("contact", "Contact Us")
    assert result.stdout.strip() == f"read aloud through Null Output with eSpeak NG (বাংলা) (bn): {heading}"
    assert rms(capture.read_bytes()) > 300, "the null sink's monitor heard the heading"


def test_sound_check_without_speakers_says_why(tmp_path: Path) -> None:
    env = dict(os.environ, PULSE_SERVER=f"unix:{tmp_path}/none", XDG_RUNTIME_DIR=str(tmp_path), HOME=str(tmp_path))
    env.pop("DISPLAY", None)  # no window system either: the check needs none
    result = sound_check(env)
    assert result.returncode == 1
    assert result.stderr.strip().endswith(
        "leaflet-app: Cannot read aloud: no speakers or headphones were found. Connect them and try again.")
    wrong = sound_check(env, "--speak", str(tmp_path / "x.wav"))
    assert wrong.returncode == 2 and "--sound-check and --speak each do one thing" in wrong.stderr


def test_speak_writes_the_section_read_aloud_to_a_wav_file(tmp_path: Path) -> None:
    import wave

    out = tmp_path / "contact-pa.wav"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run([sys.executable, "-m", "leaflet_app", "--speak", str(out), "--language", "pa",
                             "--section", "contact"], capture_output=True, text=True, cwd=ROOT, env=env, timeout=120)
    assert result.returncode == 0, result.stderr
    with wave.open(str(out)) as w:
        assert (w.getnchannels(), w.getsampwidth()) == (1, 2)
        pcm = w.readframes(w.getnframes())
        duration = w.getnframes() / w.getframerate()
    assert 20 < duration < 120, duration  # heading, address, phone, e-mail and the last line
    assert rms(pcm) > 1000
    assert f"{duration:.1f} s of speech" in result.stdout
    assert not list(tmp_path.glob(".*.tmp")), "no temporary file is left behind"

    wrong = subprocess.run([sys.executable, "-m", "leaflet_app", "--speak", str(tmp_path / "x.mp3")],
                           capture_output=True, text=True, cwd=ROOT, env=env, timeout=60)
    assert wrong.returncode == 2 and "--speak writes .wav files" in wrong.stderr


STARTUP = """
    import sys
    from leaflet_app.app import application, default_leaflet, languages
    from leaflet_app.ui.main_window import MainWindow
    app = application()
    window = MainWindow(default_leaflet(), languages(), None)
    window.restore()
    window.show()
    app.processEvents()
    print(sorted(m for m in sys.modules if m.startswith(("PySide6.QtMultimedia", "PySide6.QtTextToSpeech",
                                                         "espeakng_loader", "leaflet_app.speech.espeak"))))
"""


def test_speech_is_not_loaded_when_the_app_starts() -> None:
    result = run_reader(dict(os.environ, QT_QPA_PLATFORM="offscreen"), STARTUP)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def test_a_language_without_a_voice_says_so() -> None:
    reader = ReadAloud(output_factory=lambda: Recorder(speed=0), system_engines=())
    availability: list[bool] = []
    reader.availabilityChanged.connect(availability.append)
    reader.set_section(["tlhIngan Hol Dajatlh'a'?"], "tlh")  # Klingon: no eSpeak NG voice
    assert not reader.play()
    assert reader.state == STOPPED and availability == [False]
    assert reader.reason(english=True) == "Cannot read aloud: there is no voice for this language on this computer."
    reader.set_section(["Dzień dobry."], "pl")
    assert reader.play() and reader.available and availability == [False, True] and reader.reason() == ""
