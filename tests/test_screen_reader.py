"""The app as a screen reader reads it, on the real AT-SPI bus (Linux): Xvfb + openbox, a private
D-Bus session and AT-SPI bus, the app on xcb with accessibility on, read by Debian's
python3-pyatspi from the system Python (packaging/check-screen-reader.sh + tests/atspi_probe.py).

Skipped where those programs are not installed; ./dev.sh test installs them on Debian (CI too).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess

import pytest
from conftest import ROOT

TOOLS = ["Xvfb", "openbox", "xdotool", "dbus-launch", "/usr/libexec/at-spi-bus-launcher", "/usr/bin/python3"]


def _missing() -> list[str]:
    missing = [t for t in TOOLS if (shutil.which(t) if "/" not in t else (t if os.path.exists(t) else None)) is None]
    if not missing and subprocess.run(["/usr/bin/python3", "-c", "import pyatspi"], capture_output=True).returncode:
        missing.append("python3-pyatspi")
    return missing


pytestmark = pytest.mark.skipif(bool(_missing()), reason=f"needs {', '.join(_missing())} (apt-get install xvfb "
                                "openbox xdotool dbus-x11 at-spi2-core python3-pyatspi)")


def probe(language: str, *steps: str, app: str | None = None, args: str = "") -> dict:
    """Start the app (``app``: another build of it, as the bundle's leaflet-app) with ``args``,
    press ``steps`` and read what a screen reader hears."""
    env = {**os.environ, "APP_ARGS": args, **({"LEAFLET_APP": app} if app else {})}
    result = subprocess.run(["bash", "packaging/check-screen-reader.sh", language, *steps], cwd=ROOT,
                            capture_output=True, text=True, timeout=90, env=env)
    assert result.returncode == 0, result.stdout + result.stderr
    return json.loads(result.stdout)


def pl(message: str, context: str | None = None) -> str:
    from leaflet_app.i18n import localizer

    return localizer("pl").pgettext(context, message) if context else localizer("pl").gettext(message)


LAW = ("The law and guidance", "law-and-guidance")
HOW = ("How reviews are carried out", "how-reviews-work")


@pytest.fixture(scope="module")
def polish() -> dict:
    """English at start; Polish chosen in the picker by keyboard; then Alt+2 and Ctrl+PgDn."""
    return probe("en", "mark:picker", "key:ctrl+l", "type:pol", "key:Down", "key:Up",
                 "mark:choose", "key:Return", "wait:400", "mark:alt2", "key:alt+2", "wait:300",
                 "mark:next", "key:ctrl+Next", "wait:300", "mark:link", "key:alt+6", "key:Tab", "wait:300",
                 "mark:end", "key:alt+3", "wait:300")


def announced(data: dict, during: str) -> list[str]:
    return [e["text"] for e in data["events"] if e["type"] == "object:announcement" and e["during"] == during]


def test_announcements_reach_the_screen_reader(polish: dict) -> None:
    # The picker says the highlighted language while the focus stays in the search field.
    assert any(t.startswith("Polski. Polish") for t in announced(polish, "picker"))
    # Choosing a draft translation says so, in Polish and in English.
    assert any(pl("Draft translation, {percent} checked").split(",")[0] in t and "Draft translation" in t
               for t in announced(polish, "choose"))
    # A section change by Alt+n or Ctrl+PgDn says the new section's name and place.
    assert announced(polish, "alt2") == [f"{pl(*LAW)}. {pl('Section {number} of {count}').format(number=2, count=6)}"]
    assert any(pl(*HOW) in t for t in announced(polish, "next"))
    # Tab onto a contact link in the text says the link (a link is not an object of its own).
    assert pl("Link: {address}").format(address="01604 364036") in announced(polish, "link")
    assert not any("\u2066" in e["text"] or "\u2069" in e["text"] for e in polish["events"])


def test_every_focusable_object_is_named_in_the_current_language(polish: dict) -> None:
    focusable = [n for n in polish["tree"] if n["focusable"]]
    assert len(focusable) > 15
    assert [n for n in focusable if not n["name"].strip()] == []
    names = {n["name"] for n in focusable}
    assert pl("Sections of the leaflet") in {n["name"] for n in polish["tree"]}  # round the tab list
    for message in ("Read aloud", "Display settings", "Keyboard shortcuts", "Side by side", "Accessibility mode"):
        assert pl(message) in names, message
    assert "English" in names  # the button that shows English is named in English, by design
    # Each object's locale (newer Orca can switch voice by it): Polish, the English parts English.
    english = [n for n in polish["tree"] if n["name"] in ("English", "Draft translation, 0% checked")]
    assert len(english) == 2 and all(n["locale"].startswith("en") for n in english)
    assert all(n["locale"].startswith("pl") for n in polish["tree"] if n["role"] != "application" and n not in english)
    assert not any("\u2066" in n["name"] or "\u2069" in n["name"] for n in polish["tree"])


def focused(data: dict) -> list[dict]:
    """The objects that report the focus. Qt marks the current tab of a tab bar focused whether
    or not the bar has the focus (QAccessibleTabButton::state), so that tab counts only when the
    tab list itself has the focus (checked on its own below)."""
    return [n for n in data["tree"] if n["focused"] and n["role"] != "page tab"]


def test_the_text_is_read_only_and_exactly_one_object_has_the_focus(polish: dict) -> None:
    focused_now = focused(polish)
    assert [(n["role"], n["name"]) for n in focused_now] == [("document frame", pl(*HOW))]
    text = focused_now[0]
    assert text["read_only"] and not text["editable"]


def test_in_the_tab_list_the_current_tab_has_the_focus_and_arrows_move_it() -> None:
    data = probe("pl", "key:shift+Tab", "wait:200", "mark:down", "key:Down", "wait:300")
    # One widget has the focus: the tab list, and (as Qt reports it) its current tab within it.
    assert [n["role"] for n in data["tree"] if n["focused"]] == ["page tab list", "page tab"]
    tabs = [n for n in data["tree"] if n["role"] == "page tab"]
    assert [n["name"] for n in tabs if n["selected"]] == [pl(*LAW)]
    assert any(e["type"] == "object:state-changed:focused" and e["source"] == pl(*LAW) for e in data["events"])


def test_the_sections_are_a_tab_list(polish: dict) -> None:
    tabs = [n for n in polish["tree"] if n["role"] == "page tab"]
    assert [n["role"] for n in polish["tree"]].count("page tab list") == 1
    assert len(tabs) == 6
    assert [n["name"] for n in tabs if n["selected"]] == [pl(*HOW)]


def test_started_in_urdu_every_focusable_object_is_named_in_urdu() -> None:
    from leaflet_app.i18n import localizer

    ur = localizer("ur")
    data = probe("ur", "mark:next", "key:ctrl+Next", "wait:300")
    focusable = [n for n in data["tree"] if n["focusable"]]
    assert [n for n in focusable if not n["name"].strip()] == []
    names = {n["name"] for n in focusable}
    for message in ("Read aloud", "Display settings", "Keyboard shortcuts"):
        assert ur.gettext(message) in names and ur.gettext(message) != message, message
    assert all(n["locale"].startswith("ur") for n in data["tree"]
               if n["role"] != "application" and n["name"] not in ("English", "Draft translation, 0% checked"))
    assert len([n for n in data["tree"] if n["role"] == "page tab"]) == 6
    assert announced(data, "next") == [
        f"{ur.pgettext(LAW[1], LAW[0])}. {ur.gettext('Section {number} of {count}').format(number=2, count=6)}"]


def latin(text: str) -> bool:
    import unicodedata

    return any(c.isalpha() and unicodedata.name(c, "").startswith("LATIN") for c in text)


@pytest.mark.parametrize("language", ["pl", "ar", "ur", "en"])
def test_the_text_says_its_language_and_shows_its_heading_and_links(language: str) -> None:
    """What a screen reader switches voice on: the "language" text attribute, run by run (the
    family's language; English for the English inside: glosses, addresses, e-mail)."""
    assert_contact_page_read_in(language, probe(language, args="--section contact"))


def assert_contact_page_read_in(language: str, data: dict) -> None:
    pages = [n for n in data["tree"] if n["role"] == "document frame"]
    assert len(pages) == 1
    runs = pages[0]["runs"]
    assert {lang for lang, _ in runs} == ({language} if language == "en" else {language, "en"})
    text = "".join(piece for _, piece in runs)
    assert not any(mark in text for mark in "\u2066\u2067\u2068\u2069\u200b")
    english = " ".join(piece for lang, piece in runs if lang == "en")
    for detail in ("nscb@northamptonshire.gcsx.gov.uk", "John Dryden House", "www.nspcc.org.uk"):
        assert detail in english
    if language in ("ar", "ur"):  # a run in the family's script holds no English words
        assert not any(latin(piece) for lang, piece in runs if lang == language)
        assert any("\u0600" <= c <= "\u06ff" for lang, piece in runs if lang == language for c in piece)
    # The heading is a heading, level 2, in the page's language; the links lead where they say.
    headings = [n for n in data["tree"] if n["role"] == "heading"]
    assert [(n["name"], n["attributes"].get("level")) for n in headings] == [(pages[0]["name"], "2")]
    links = {(n["name"], n["description"]) for n in data["tree"] if n["role"] == "link"}
    assert links == {("01604 364036", "tel:01604364036"),
                     ("nscb@northamptonshire.gcsx.gov.uk", "mailto:nscb@northamptonshire.gcsx.gov.uk")}
