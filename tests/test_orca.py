"""The app read by the real Orca screen reader (Linux): Orca and the app in a private X display,
D-Bus session and AT-SPI bus, speaking through a silent speech-dispatcher; what Orca said, and the
language Orca asked each piece of the text to be voiced in, are read from Orca's debug log
(packaging/check-orca.sh + tests/orca_log.py).

Orca 43 (Debian 12) reads the `language` text attribute when it speaks a line of the text (the
line where the focus lands) and logs the language it asks the voice for; it does not yet pass that
language on to speech-dispatcher, and say all asks for none. So this asserts what the app gives
Orca, which is what newer screen readers switch voice on.

Skipped where Orca is not installed (apt-get install --no-install-recommends orca).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess

import pytest
from conftest import ROOT

TOOLS = ["Xvfb", "openbox", "xdotool", "dbus-launch", "/usr/libexec/at-spi-bus-launcher", "/usr/bin/orca",
         "speech-dispatcher"]


def _missing() -> list[str]:
    return [t for t in TOOLS if (shutil.which(t) if "/" not in t else (t if os.path.exists(t) else None)) is None]


pytestmark = pytest.mark.skipif(bool(_missing()), reason=f"needs {', '.join(_missing())} (apt-get install "
                                "--no-install-recommends orca xvfb openbox xdotool dbus-x11 at-spi2-core)")

# Down twice reads the next lines; Alt+6 opens the contact section, KP_Add is Orca's "say all"
# (desktop layout).
STEPS = ("mark:down1", "key:Down", "wait:700", "mark:down2", "key:Down", "wait:700",
         "mark:contact", "key:alt+6", "wait:500", "mark:sayall", "key:KP_Add", "wait:1500")


def orca(language: str) -> dict:
    """What Orca heard. Once in a while, on a loaded machine, Orca does not come up at all (its log
    stays empty) or never follows the focus into the app's window (it answers say all with "Could
    not find current location"); that run is tried once more, as a person would restart Orca."""
    for _ in range(2):
        result = subprocess.run(["bash", "packaging/check-orca.sh", language, *STEPS], cwd=ROOT,
                                capture_output=True, text=True, timeout=150)
        assert result.returncode == 0, result.stdout + result.stderr
        data = json.loads(result.stdout)
        if data["spoken"] and data["focus"]:
            break
    return data


def first_line(data: dict) -> list[tuple[str, str]]:
    """(language, text) of the pieces of the text's line Orca speaks as the focus lands in it."""
    return [(p["language"], p["text"].strip()) for p in data["pieces"]
            if p["during"] == "" and p["voice"] == "None" and p["text"].strip()]


def said(data: dict, during: str) -> str:
    return " ".join(s["text"] for s in data["spoken"] if s["during"] == during)


@pytest.fixture(scope="module", params=["pl", "ur", "en"])
def heard(request) -> tuple[str, dict]:
    return request.param, orca(request.param)


def test_orca_asks_for_the_language_of_each_piece_of_the_text(heard: tuple[str, dict]) -> None:
    language, data = heard
    pieces = first_line(data)
    assert pieces, data["pieces"]
    assert all(lang in (language, "en") for lang, _ in pieces), pieces
    if language == "pl":  # the Polish title, then its English gloss in brackets
        assert pieces[0][0] == "pl" and pieces[0][1].startswith("Ulotka informacyjna")
        assert ("en", "(Serious") in pieces
    elif language == "ur":
        assert pieces[0][0] == "ur" and any("\u0600" <= c <= "\u06ff" for c in pieces[0][1])
    else:
        assert {lang for lang, _ in pieces} == {"en"}


def test_the_section_change_and_say_all_reach_orca(heard: tuple[str, dict]) -> None:
    language, data = heard
    from leaflet_app.i18n import localizer

    contact = localizer(language).pgettext("contact", "Contact Us")
    # Alt+6 moves Orca's focus to the contact section's text, named by its heading.
    assert {"role": "document frame", "name": contact, "during": "contact"} in data["focus"]
    # Say all reads the section through, English address and e-mail included.
    everything = said(data, "sayall")
    for detail in ("John Dryden House", "nscb@northamptonshire", "01604 364036"):
        assert detail in everything, everything
    # No isolate marks or zero-width spaces reach the speech engine.
    assert not any(mark in s["text"] for s in data["spoken"] for mark in "\u2066\u2067\u2068\u2069\u200b")
    assert data["orca_errors"] == []
    # No unnamed container is announced on the way into the text (a QStackedWidget was: "layered pane").
    assert not any(s["text"].strip() in ("layered pane", "filler", "panel") for s in data["spoken"])


def test_the_arrows_read_the_text_line_by_line(heard: tuple[str, dict]) -> None:
    """With a screen reader running, Down moves a caret to the next line and Orca reads it
    (without a caret the text only scrolled, and Orca said nothing)."""
    language, data = heard
    lines = [said(data, "down1"), said(data, "down2")]
    assert all(line.strip() for line in lines) and lines[0] != lines[1], lines
    if language == "pl":  # the title's lines, then the publisher's
        assert "Rada ds. Ochrony Dzieci" in " ".join(lines) or "Northamptonshire" in " ".join(lines), lines
