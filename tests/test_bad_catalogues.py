"""Bad translation catalogues and unsafe translations, in a temporary copy of the app's data:
each gets a clear message, a safe fallback (English where needed), and the file is left as it was."""

from __future__ import annotations

import logging
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT
from PySide6.QtCore import Qt

from leaflet_app.app import default_leaflet, languages
from leaflet_app.catalogue_checks import check_catalogue
from leaflet_app.catalogues import load_catalogue, po_path, read_catalogue, template_path
from leaflet_app.contacts import strip_isolates
from leaflet_app.i18n import localizer, translator
from leaflet_app.render import LeafletRenderer
from leaflet_app.ui.main_window import MainWindow

TITLE_PL = "Ulotka informacyjna"  # the start of the Polish title
TEL = "Tel: [01604 364036](tel:01604364036)"
MAIL = "E-Mail: [nscb@northamptonshire.gcsx.gov.uk](mailto:nscb@northamptonshire.gcsx.gov.uk)"


def po(root: Path, language: str) -> Path:
    return po_path(language, root / "translations")


def edit(root: Path, language: str, old: str, new: str) -> bytes:
    """Replace text in the copy's catalogue; returns the new bytes (to show nothing was lost)."""
    path = po(root, language)
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path.read_bytes()


def open_window(qtbot, language: str | None = None) -> MainWindow:
    w = MainWindow(default_leaflet(), languages(), None)
    qtbot.addWidget(w)
    w.restore(language, None)
    w.show()
    return w


# --- the file cannot be read as written --------------------------------------------------------

def test_unknown_charset_over_utf8_is_read_as_utf8_and_said(data_copy: Path, qtbot, caplog) -> None:
    before = edit(data_copy, "pl", "charset=utf-8", "charset=klingon")
    with caplog.at_level(logging.WARNING):
        w = open_window(qtbot, "pl")
    assert TITLE_PL in w.windowTitle()  # the Polish text, correctly decoded
    assert "Problems in this translation file" in w.banner.english.text()
    assert "Problems were found in this translation file" in w.banner.details.text()
    assert "charset=klingon" in caplog.text
    w.open_picker()  # the picker lists every language without raising
    assert w.picker.list.count() >= len(languages())
    assert po(data_copy, "pl").read_bytes() == before
    listed = subprocess.run([sys.executable, "-m", "leaflet_app", "--list-languages"], capture_output=True, text=True,
                            env=dict(os.environ, LEAFLET_APP_DATA=str(data_copy), QT_QPA_PLATFORM="offscreen"))
    pl = next(line for line in listed.stdout.splitlines() if line.startswith("pl "))
    assert listed.returncode == 0 and "draft" in pl and "charset=klingon but the file is UTF-8" in pl


def test_unknown_charset_over_other_bytes_gives_english_and_the_reason(data_copy: Path, qtbot) -> None:
    path = po(data_copy, "pl")
    path.write_bytes(path.read_bytes().replace(b"charset=utf-8", b"charset=klingon").replace("ż".encode(), b"\xbf"))
    w = open_window(qtbot, "pl")
    assert w.windowTitle().startswith("Serious Case Review")
    assert "could not be loaded" in w.banner.message.text()
    assert "unknown character set 'klingon'" in localizer("pl").error


def test_latin1_header_over_utf8_bytes_shows_no_mojibake(data_copy: Path) -> None:
    edit(data_copy, "pl", "charset=utf-8", "charset=ISO-8859-1")
    loaded = load_catalogue("pl", data_copy / "translations")
    title = loaded.translations.pgettext("leaflet", "Serious Case Review Information Leaflet")
    assert "poważnej" in title and "Å¼" not in title
    assert loaded.problems and "ISO-8859-1" in loaded.problems[0]
    problems = check_catalogue("pl", po(data_copy, "pl"), read_catalogue(template_path()), default_leaflet().contacts)
    assert any("but the file is UTF-8" in str(p) for p in problems)  # and so CI fails


def test_a_real_latin1_catalogue_is_read_with_its_charset(data_copy: Path) -> None:
    path = po(data_copy, "fr")
    text = path.read_text(encoding="utf-8").replace("charset=utf-8", "charset=iso-8859-15")
    text = text.replace("’", "'").replace("\u202f", " ").replace("–", "-").replace("…", "...")
    text = "".join(c for c in text if c.encode("iso-8859-15", "ignore"))
    path.write_bytes(text.encode("iso-8859-15"))
    loaded = load_catalogue("fr", data_copy / "translations")
    assert loaded.error is None and loaded.problems == ()
    assert "é" in loaded.translations.pgettext("contact", "Contact Us") + loaded.translations.gettext("Standard") \
        or loaded.status.translated > 90


@pytest.mark.parametrize(
    ("damage", "complaint"),
    [
        # cut off in the middle of a translation's line
        (lambda b: b[: b.index(b'msgstr "', len(b) // 2) + 10], "not a valid .po line"),
        (lambda b: b.replace(b'(sprawdzono: {percent})."', b"(sprawdzono: {percent})."), "unterminated string"),
        (lambda b: b.replace(b"nplurals=3;", b"nplurals=x;"), "invalid literal"),
        (lambda b: b + b"\n#-#-#-#-# conflict\n", "conflicts"),
        (lambda b: b"\xff\xfe" + b, "not valid UTF-8"),
        (lambda b: b.replace(b'msgid "Standard"', b'msgid Standard'), "not a valid .po line"),
    ],
    ids=["cut-mid-line", "unterminated-string", "bad-plural-forms", "merge-conflict", "utf16-bom", "unquoted-msgid"],
)
def test_damaged_catalogue_gives_english_with_the_reason(data_copy: Path, qtbot, damage, complaint: str) -> None:
    path = po(data_copy, "pl")
    path.write_bytes(damage(path.read_bytes()))
    before = path.read_bytes()
    lang = localizer("pl")
    assert lang.error and complaint in lang.error
    assert lang.gettext("Standard") == "Standard" and not lang.rtl
    w = open_window(qtbot, "pl")
    assert w.isVisible() and "could not be loaded" in w.banner.message.text()
    assert path.read_bytes() == before


def test_catalogue_cut_at_a_message_is_counted_against_the_template(data_copy: Path, qtbot) -> None:
    path = po(data_copy, "pl")
    text = path.read_text(encoding="utf-8").replace("#, fuzzy", "#,")  # as if all were checked
    path.write_text(text[: text.index("#:", len(text) // 5)], encoding="utf-8")
    status = localizer("pl").status
    assert status.total == len([m for m in read_catalogue(template_path()) if m.id])
    assert status.state == "incomplete" and status.checked == status.translated < status.total / 2
    assert status.percent_checked < 30  # not "86 % checked" from the messages left in the file
    w = open_window(qtbot, "pl")
    assert w.banner.english.text() == "Incomplete translation"
    assert "Parts of this translation are missing and are shown in English." in w.banner.details.text()


def test_empty_catalogue_says_nothing_is_translated(data_copy: Path) -> None:
    po(data_copy, "lt").write_bytes(b"")
    lang = localizer("lt")
    assert lang.error is None and lang.status.translated == 0 and lang.status.state == "incomplete"
    assert any("no message of the template" in p for p in lang.problems)


@pytest.mark.parametrize("kind", ["folder", "fifo", "huge"])
def test_catalogue_that_is_not_a_file_or_far_too_big_is_refused_without_hanging(data_copy: Path, kind: str) -> None:
    path = po(data_copy, "sk")
    path.unlink()
    if kind == "folder":
        path.mkdir()
    elif kind == "fifo":
        os.mkfifo(path)
    else:
        path.write_bytes(b"# padding\n" * 500_000)
    lang = localizer("sk")
    assert lang.error and ("not a regular file" in lang.error or "larger than" in lang.error)


@pytest.mark.parametrize("code", ["tlh", "zz", "qaa"])
def test_language_babel_does_not_know_switches_fully(data_copy: Path, qtbot, code: str) -> None:
    folder = data_copy / "translations" / code
    shutil.copytree(data_copy / "translations" / "pl", folder)
    edit(data_copy, code, "Language: pl", f"Language: {code}")
    assert code in languages()
    w = open_window(qtbot)
    w.set_language(code)  # raised UnknownLocaleError before, leaving the window half-switched
    assert translator().language == code and TITLE_PL in w.windowTitle()
    assert "Draft translation" in w.banner.english.text() and "0%" in w.banner.english.text()
    w.open_picker()
    w.open_display_panel()
    w.close_pages()
    w.set_language("en")
    assert not w.banner.isVisible()


def test_remembered_broken_language_starts_in_english(data_copy: Path, qtbot, settings) -> None:
    po(data_copy, "ro").write_bytes(b'msgid "x"\nmsgstr "never closed\n')
    settings.setValue("language", "ro")
    settings.sync()
    w = MainWindow(default_leaflet(), languages(), settings)
    qtbot.addWidget(w)
    w.restore()
    w.show()
    assert w.windowTitle().startswith("Serious Case Review")
    assert w.layoutDirection().name == "LeftToRight"
    assert "Romanian translation could not be loaded" in w.banner.message.text()


# --- the file reads, but a translation must not be shown ----------------------------------------

@pytest.mark.parametrize(
    ("msgid", "bad", "why"),
    [
        (TEL, "Tel.: [01604 364 036](tel:01604364036)", "contact details differ"),
        (TEL, "Tel.:", "contact details differ"),
        (MAIL, "E-mail: [nscb@example.org](mailto:nscb@northamptonshire.gcsx.gov.uk)", "contact details differ"),
        (TEL, "Tel.: [01604 364036](tel:01604364036) ![x](/local/file.png)", "an image"),
        (TEL, "Tel.: [01604 364036](tel:01604364036) <b>pilne</b>", "raw HTML"),
        (TEL, "Tel.: [01604 364036](https://example.org/)", "contact details differ"),  # the tel: target
        (TEL, "[Tel.](#example): [01604 364036](tel:01604364036)", "links differ"),
    ],
    ids=["changed-phone", "dropped-phone", "changed-email", "image", "raw-html", "changed-link", "added-link"],
)
def test_unsafe_translation_shows_the_english_block_and_is_logged(
    data_copy: Path, qtbot, caplog, msgid: str, bad: str, why: str
) -> None:
    catalog_text = po(data_copy, "pl").read_text(encoding="utf-8")
    start = catalog_text.index(f'msgid "{msgid}"')
    old = catalog_text[start: catalog_text.index("\n\n", start)]
    edit(data_copy, "pl", old, old.split("\nmsgstr ")[0] + '\nmsgstr "' + bad.replace('"', '\\"') + '"')
    with caplog.at_level(logging.WARNING):
        w = open_window(qtbot, "pl")
        w.show_section("contact")
        html = w.view.current_page().toHtml()
        text = strip_isolates(w.view.current_page().toPlainText())
    english = msgid.split(" [")[0]  # "Tel:" or "E-Mail:", as in the English leaflet
    for shown in (text, LeafletRenderer(default_leaflet()).plain_text(localizer("pl").pgettext)):
        assert f"{english} 01604 364036" in shown or f"{english} nscb@northamptonshire.gcsx.gov.uk" in shown
        assert "Kontakt" in shown  # the rest is still Polish
        assert "pilne" not in shown and "example" not in shown and "364 036" not in shown
    assert "/local/file.png" not in html and "example" not in html  # (the contact card's own icons stay)
    assert why in caplog.text and "showing the English" in caplog.text


def test_shipped_translations_pass_the_run_time_check(leaflet) -> None:
    renderer = LeafletRenderer(leaflet)
    for code in languages()[1:]:
        lang = localizer(code)
        for message in leaflet.messages():
            shown = lang.pgettext(message.context, message.text)
            assert renderer.unsafe_translation(message.text, shown) is None, (code, message.text)


def test_the_catalogue_checks_refuse_images_and_html(tmp_path: Path, leaflet) -> None:
    root = tmp_path / "translations"
    shutil.copytree(ROOT / "translations" / "it", root / "it")
    path = po_path("it", root)
    text = path.read_text(encoding="utf-8")
    i = text.index('msgstr "', text.index('msgid "Summaries from other'))
    path.write_text(text[: i + 8] + '![x](/etc/passwd) <img src=x> ' + text[i + 8:], encoding="utf-8")
    problems = [str(p) for p in check_catalogue("it", path, read_catalogue(template_path()), leaflet.contacts)]
    assert any("no images" in p for p in problems)


def test_broken_catalogue_in_the_kiosk_attract_screen_and_export(data_copy: Path, qtbot, tmp_path: Path) -> None:
    path = po(data_copy, "pl")
    path.write_bytes(path.read_bytes().replace(b"charset=utf-8", b"charset=klingon").replace("ż".encode(), b"\xbf"))
    from leaflet_app.kiosk.config import KioskConfig
    from leaflet_app.kiosk.controller import Kiosk

    w = MainWindow(default_leaflet(), languages(), None)
    qtbot.addWidget(w)
    kiosk = Kiosk(w, KioskConfig(hide_cursor=False, attract_period=1.0), languages())
    w.show()
    kiosk.show_attract()
    for _ in languages():  # every language's invitation, the broken one included
        kiosk.attract.timer.timeout.emit()
    qtbot.mouseClick(kiosk.attract, Qt.MouseButton.LeftButton)  # a tap opens the picker
    assert w.pages.currentWidget() is w.picker
    w.picker.chosen.emit("pl")
    assert "Polish translation could not be loaded" in w.banner.message.text()
    kiosk.locked = False

    out = tmp_path / "pl.txt"
    result = subprocess.run([sys.executable, "-m", "leaflet_app", "--language", "pl", "--export", str(out)],
                            capture_output=True, text=True,
                            env=dict(os.environ, LEAFLET_APP_DATA=str(data_copy), QT_QPA_PLATFORM="offscreen"))
    assert result.returncode == 0 and "Traceback" not in result.stderr
    text = out.read_text(encoding="utf-8")
    assert text.startswith("The Polish translation could not be loaded, so the leaflet is shown in English.")
    assert "Serious Case Review Information Leaflet" in text
